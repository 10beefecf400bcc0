import {
  Engine,
  GodotError,
  HashingContext,
  Node,
  OS,
  PacketPeerDTLS,
  PacketPeerUDP,
  Time,
  UDPServer,
} from "godot";

// Enum values are reachable through the enum and flat on the class, with Godot's numbers.
const peer = new PacketPeerDTLS();
export const connected: boolean = peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED;
export const handshaking: boolean = peer.get_status() === PacketPeerDTLS.Status.STATUS_HANDSHAKING;
export const statusValue: number = PacketPeerDTLS.Status.STATUS_ERROR_HOSTNAME_MISMATCH;

export function describe(status: PacketPeerDTLS.Status): string {
  switch (status) {
    case PacketPeerDTLS.Status.STATUS_DISCONNECTED:
      return "disconnected";
    case PacketPeerDTLS.Status.STATUS_HANDSHAKING:
      return "handshaking";
    case PacketPeerDTLS.Status.STATUS_CONNECTED:
      return "connected";
    case PacketPeerDTLS.Status.STATUS_ERROR:
      return "error";
    case PacketPeerDTLS.Status.STATUS_ERROR_HOSTNAME_MISMATCH:
      return "hostname mismatch";
  }
}

// Methods returning Error give the enum.
const udp = new PacketPeerUDP();
const bound: GodotError = udp.bind(0);
export const bindFailed: boolean = bound !== GodotError.OK;

// Enum-typed and defaulted arguments.
const hashing = new HashingContext();
hashing.start(HashingContext.HashType.HASH_SHA256);
hashing.start(HashingContext.HASH_MD5);
new Node().add_child(new Node(), false, Node.InternalMode.INTERNAL_MODE_FRONT);

// Class constants are numbers.
export const readyNotification: number = Node.NOTIFICATION_READY;

// Singletons: members and enums on the exported object.
export const ticks: number = Time.get_ticks_msec();
export const january: Time.Month = Time.Month.MONTH_JANUARY;
export const saturday: Time.Weekday = Time.WEEKDAY_SATURDAY;
export const userArgs: string[] = [...OS.get_cmdline_user_args()];
Engine.max_fps = 60;
export const fps: number = Engine.max_fps + Engine.get_frames_per_second();
export const timeClass: string = Time.get_class();

// Properties are accessors; their setters take the same type.
const server = new UDPServer();
server.max_pending_connections = server.max_pending_connections * 2;
