import {
  Crypto,
  Dictionary,
  Node,
  PacketPeerUDP,
  SceneTree,
  SceneTreeTimer,
  Variant,
  bytes_to_var,
  print,
  var_to_bytes,
} from "godot";

// Script classes extend native ones and override virtual methods with plain methods.
export class Player extends Node {
  private elapsed = 0;

  _ready(): void {
    this.connect("renamed", () => print("renamed to", this.name));
    this.set_process(true);
  }

  _process(delta: number): void {
    this.elapsed += delta;
  }

  _physics_process(_delta: number) {}

  async wait_a_second(): Promise<void> {
    const tree: SceneTree | null = this.get_tree();
    if (tree === null) return;
    const timer: SceneTreeTimer = tree.create_timer(1.0); // `meta: required`: never null
    await new Promise<void>((resolve) => timer.connect("timeout", resolve));
  }
}

// Signal names are listed per class, inherited ones included.
export const signal: Node.SignalName = "child_entered_tree";
export const inherited: Node.SignalName = "script_changed";
export const onChild: Node.Signals["child_entered_tree"] = (node: Node) => print(node.get_name());

// Object-typed returns can be null; required object arguments cannot.
const parent = new Node();
const child: Node | null = parent.get_child(0);
if (child !== null) parent.remove_child(child);
export const children: Node[] = parent.get_children();
parent.name = "root";

// Bytes: any ArrayBuffer view goes in, a Uint8Array comes out.
const udp = new PacketPeerUDP();
udp.put_packet(new Uint8Array([1, 2, 3]));
udp.put_packet(new DataView(new ArrayBuffer(4)));
const received: Uint8Array = udp.get_packet();
export const size: number = received.byteLength;

// Variants: plain JS values, nested; what comes back is `unknown`, to narrow.
const message: Dictionary = { kind: "hello", sizes: [1, 2, 3], nested: { ok: true }, raw: received };
udp.put_var(message);
udp.put_var(new Map<Variant, Variant>([[1, "one"]]));
udp.put_var(null);
const decoded: unknown = udp.get_var();
if (typeof decoded === "string") print(decoded.toUpperCase());
export const roundTrip: unknown = bytes_to_var(var_to_bytes([1, "two", null]));

// Any function is accepted where Godot takes a Callable.
const callback = (peer: Node, extra: number) => print(peer, extra);
parent.connect("child_entered_tree", callback);

// Crypto results that may fail are nullable.
const crypto = new Crypto();
const key = crypto.generate_rsa(2048);
export const pem: string = key?.save_to_string() ?? "";
