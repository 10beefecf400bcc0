// Each line after a @ts-expect-error must fail to compile; tsc reports an unused directive (TS2578)
// when the typings stop rejecting it.
import {
  Callable,
  Color,
  Crypto,
  GodotError,
  HashingContext,
  Node,
  PackedStringArray,
  PackedVector2Array,
  PacketPeer,
  PacketPeerDTLS,
  PacketPeerUDP,
  SceneTree,
  Signal,
  TLSOptions,
  Time,
  Timer,
  Transform3D,
  UDPServer,
  Vector2,
  Vector2i,
  Vector3,
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

declare const tree: SceneTree;
// @ts-expect-error getter-only property
tree.root = new Node();

// @ts-expect-error a static factory is not an instance method
new Crypto().server();

// ---- Value types ----

// @ts-expect-error a Vector3 adds a Vector3, not a number
new Vector3(1, 2, 3).add(1);

// @ts-expect-error a Transform3D maps a Vector3, not a Vector2
new Transform3D().multiply(new Vector2(1, 2));

// @ts-expect-error components are numbers
new Vector2(1, "2");

// @ts-expect-error components are numbers
new Vector3().x = "1";

// @ts-expect-error a constant cannot be assigned
Vector2.ZERO = new Vector2();

// @ts-expect-error a static method is not an instance method
new Vector2().from_angle(1);

// @ts-expect-error missing required argument (weight)
Color.RED.lerp(Color.BLUE);

// @ts-expect-error an int vector times a number may be a float vector
export const product: Vector2i = new Vector2i(1, 2).multiply(1.5);

// @ts-expect-error a PackedStringArray holds strings
new PackedStringArray([1]);

// @ts-expect-error Godot's find takes a value, not a predicate
new PackedVector2Array().find((point: Vector2) => point.x > 0);

// @ts-expect-error Godot's sort returns nothing
export const sorted: PackedVector2Array = new PackedVector2Array().sort();

// @ts-expect-error a StringName is not a string
export const nodeName: string = new Node().get_name();

// @ts-expect-error a function is accepted as a Callable argument, but is not a Callable
export const callback: Callable = () => {};

// ---- Signals as values ----

declare const typed_timer: Timer;
// @ts-expect-error timeout passes no arguments
typed_timer.timeout.emit(1);

// @ts-expect-error child_entered_tree passes a Node, not a string
new Node().child_entered_tree.connect((name: string) => name.length);

// @ts-expect-error a signal property is read-only
typed_timer.timeout = new Signal();
