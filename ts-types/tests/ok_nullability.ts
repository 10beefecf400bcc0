// Results that are never null in normal use are typed without `| null` (see
// ts-types/generator/nullability.ts); lookups that can miss keep it. Messages declared as
// interfaces go through put_var and var_to_bytes as they are.
import {
  Crypto,
  DTLSServer,
  Node,
  PacketPeerDTLS,
  PacketPeerUDP,
  SceneTree,
  TLSOptions,
  Window,
  X509Certificate,
  load,
  var_to_bytes,
} from "godot";

export class Lobby extends Node {
  _ready(): void {
    const tree: SceneTree = this.get_tree();
    const root: Window = tree.root;
    const first: Node = root.get_child(0);
    const named: Node = this.get_node("Players");
    const maybe: Node | null = this.get_node_or_null("Spectators");
    tree.create_timer(1).connect("timeout", () => print_count(first, named, maybe));
  }
}

declare function print_count(...nodes: (Node | null)[]): void;

const crypto = new Crypto();
const key = crypto.generate_ec("P-256");
const certificate: X509Certificate = crypto.generate_self_signed_certificate(key, "CN=localhost");
const options: TLSOptions = TLSOptions.server(key, certificate).require_client_certificate(certificate);
const server = new DTLSServer();
server.setup(options);

// @ts-expect-error take_connection returns null when no client is waiting
const peer: PacketPeerDTLS = server.take_connection(new PacketPeerUDP());
// @ts-expect-error a client may connect without a certificate
const client_certificate: X509Certificate = peer.get_peer_certificate();
// @ts-expect-error load() returns null when the file is missing
const loaded: X509Certificate = load("res://server.crt");

interface Move {
  kind: "move";
  x: number;
  y: number;
}
const move: Move = { kind: "move", x: 1, y: 2 };
new PacketPeerUDP().put_var(move);
export const bytes: Uint8Array = var_to_bytes(move);
export { client_certificate, loaded };
