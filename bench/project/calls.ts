// Binding overhead: N calls of a bound method that does almost nothing (PacketPeerDTLS.get_status,
// no arguments, an int back), against N calls of a plain TypeScript method doing the same, so
// what remains is the cost of crossing from the script into the engine and back.
import { PacketPeerDTLS } from "godot";
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
    this.finish({
      name: "calls", n: this.n, checksum: sum, plain_ns: (plain_sec / this.n) * 1e9, bound_ns: (bound_sec / this.n) * 1e9,
      overhead_ns: ((bound_sec - plain_sec) / this.n) * 1e9,
    });
  }
}
