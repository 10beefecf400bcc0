// Binding overhead: N calls of a bound method that does almost nothing (PacketPeerDTLS.get_status,
// no arguments, an int back), against N calls of a plain TypeScript method doing the same, so
// what remains is the cost of crossing from the script into the engine and back. Also the cost of
// the built-in value types a game loop uses most (pure TypeScript, no crossing): a Vector3 add and
// a Transform3D * Vector3.
import { PacketPeerDTLS, Transform3D, Vector3 } from "godot";
import { Scenario, now_sec } from "./common";

class PlainPeer {
  private status = 0;
  get_status(): number {
    return this.status;
  }
}

export class CallsScenario extends Scenario {
  constructor(private n: number) {
    super();
  }

  _ready(): void {
    const peer = new PacketPeerDTLS();
    const plain = new PlainPeer();
    let sum = 0;
    let start = now_sec();
    for (let i = 0; i < this.n; i++) {
      sum += plain.get_status();
    }
    const plain_sec = now_sec() - start;
    start = now_sec();
    for (let i = 0; i < this.n; i++) {
      sum += peer.get_status();
    }
    const bound_sec = now_sec() - start;
    const step = new Vector3(0.5, -0.25, 1);
    let position = new Vector3(0, 0, 0);
    start = now_sec();
    for (let i = 0; i < this.n; i++) {
      position = position.add(step);
    }
    const vector3_add_sec = now_sec() - start;
    const transform = new Transform3D().rotated(Vector3.UP, 0.5).translated(new Vector3(1, 2, 3));
    let moved = new Vector3(1, 0, 0);
    start = now_sec();
    for (let i = 0; i < this.n; i++) {
      moved = transform.multiply(moved);
    }
    const transform_sec = now_sec() - start;
    this.finish({
      name: "calls",
      n: this.n,
      checksum: sum + position.x + moved.x,
      plain_ns: (plain_sec / this.n) * 1e9,
      bound_ns: (bound_sec / this.n) * 1e9,
      overhead_ns: ((bound_sec - plain_sec) / this.n) * 1e9,
      vector3_add_ns: (vector3_add_sec / this.n) * 1e9,
      transform3d_xform_ns: (transform_sec / this.n) * 1e9,
    });
  }
}
