// Each line after a @ts-expect-error must fail to compile; tsc reports an unused directive (TS2578)
// when the typings stop rejecting it.
import {
  Crypto, GodotError, HashingContext, Node, PacketPeer, PacketPeerDTLS, PacketPeerUDP, SceneTree, TLSOptions,
  Time, UDPServer,
} from "godot";

const udp = new PacketPeerUDP();
const dtls = new PacketPeerDTLS();

// @ts-expect-error a string is not a PackedByteArray
udp.put_packet("hello");

// @ts-expect-error a plain number array is not a PackedByteArray
udp.put_packet([1, 2, 3]);

// @ts-expect-error unknown method
udp.send_packet(new Uint8Array(1));

// @ts-expect-error missing required argument (port)
udp.bind();

// @ts-expect-error too many arguments
dtls.poll(1);

// @ts-expect-error TLSOptions is not instantiable: use TLSOptions.client() or TLSOptions.server()
new TLSOptions();

// @ts-expect-error PacketPeer is abstract
new PacketPeer();

// @ts-expect-error Time is a singleton
new Time();

// @ts-expect-error a status is an enum value, not a string
export const isConnected = dtls.get_status() === "connected";

// @ts-expect-error wrong enum type: a DTLS status is not a hash type
new HashingContext().start(PacketPeerDTLS.Status.STATUS_CONNECTED);

// @ts-expect-error a number that is no value of the enum
new HashingContext().start(7);

// @ts-expect-error an Error code is not a string
export const code: GodotError = "OK";

// @ts-expect-error object returns may be null
export const peer: PacketPeerUDP = new UDPServer().take_connection();

// @ts-expect-error a required object argument cannot be null
new Node().add_child(null);

// @ts-expect-error getter-only property
declare const tree: SceneTree; tree.root = new Node();

// @ts-expect-error undefined is not a Variant
udp.put_var(undefined);

// @ts-expect-error a static factory is not an instance method
new Crypto().server();
