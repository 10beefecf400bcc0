import {
  Error, Node, PacketPeerDTLS, PacketPeerUDP, TLSOptions, Time, X509Certificate, print, printerr,
} from "godot";
import { to_bytes, to_text } from "./text";

const EXPECTED: Record<string, PacketPeerDTLS.Status> = {
  connected: PacketPeerDTLS.STATUS_CONNECTED,
  hostname_mismatch: PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH,
  error: PacketPeerDTLS.STATUS_ERROR,
};

// A DTLS client: connects to 127.0.0.1:<port> as <hostname>, verifying the server with the CA
// file (verify) or not at all (unsafe). Expecting "connected", it sends one line, waits for one
// packet back (an echo, or the line the server was given on stdin), closes with close_notify
// and quits with 0. With [payload_bytes], the line is that long (a run of "Q" and a newline, in
// one packet) and it waits until as many bytes came back, in however many packets. Expecting an
// error status, it quits with 0 when the handshake ends in it.
export class InteropClient extends Node {
  private udp = new PacketPeerUDP();
  private dtls = new PacketPeerDTLS();
  private expected: PacketPeerDTLS.Status = PacketPeerDTLS.STATUS_CONNECTED;
  private started_ms = 0;
  private deadline_ms = 0;
  private sent = false;
  private payload_bytes = 0; // 0: the short greeting, answered by one packet.
  private received_bytes = 0;
  private received_packets = 0;
  private largest_packet = 0;

  configure(args: string[]): boolean {
    const [port, hostname, mode, ca_path, expected, timeout_s, payload_bytes] = args;
    if (!(expected in EXPECTED)) {
      printerr(`interop: unknown expectation ${expected}`);
      return false;
    }
    this.expected = EXPECTED[expected];
    this.payload_bytes = payload_bytes === undefined ? 0 : Number(payload_bytes);
    let ca: X509Certificate | null = null;
    if (ca_path !== "-") {
      ca = new X509Certificate();
      if (ca.load(ca_path) !== Error.OK) {
        return false;
      }
    }
    const options = mode === "unsafe" ? TLSOptions.client_unsafe(ca) : TLSOptions.client(ca);
    if (this.udp.connect_to_host("127.0.0.1", Number(port)) !== Error.OK) {
      return false;
    }
    this.started_ms = Time.get_ticks_msec();
    this.deadline_ms = this.started_ms + Number(timeout_s) * 1000;
    return this.dtls.connect_to_peer(this.udp, hostname, options) === Error.OK;
  }

  private finish(code: number, what: string): void {
    print(`interop: ${what}`);
    this.dtls.disconnect_from_peer();
    this.get_tree()?.quit(code);
  }

  _process(_delta: number): void {
    this.dtls.poll();
    const status = this.dtls.get_status();
    if (status === PacketPeerDTLS.STATUS_HANDSHAKING) {
      if (Time.get_ticks_msec() > this.deadline_ms) {
        this.finish(1, "deadline reached while handshaking");
      }
      return;
    }
    if (status !== PacketPeerDTLS.STATUS_CONNECTED || this.expected !== PacketPeerDTLS.STATUS_CONNECTED) {
      const ok = status === this.expected;
      this.finish(ok ? 0 : 1, `handshake ended in status ${status} (expected ${this.expected}) after ${Time.get_ticks_msec() - this.started_ms} ms`);
      return;
    }
    if (!this.sent) {
      print(`interop: handshake completed in ${Time.get_ticks_msec() - this.started_ms} ms`);
      const line = this.payload_bytes > 0 ? "Q".repeat(this.payload_bytes - 1) + "\n" : "hello from quickdot\n";
      this.sent = this.dtls.put_packet(to_bytes(line)) === Error.OK;
    }
    while (this.dtls.get_available_packet_count() > 0) {
      const packet = this.dtls.get_packet();
      if (this.payload_bytes === 0) {
        this.finish(0, `received ${JSON.stringify(to_text(packet))}`);
        return;
      }
      this.received_bytes += packet.length;
      this.received_packets++;
      this.largest_packet = Math.max(this.largest_packet, packet.length);
      if (this.received_bytes >= this.payload_bytes) {
        this.finish(0, `received ${this.received_bytes} bytes in ${this.received_packets} packet(s), the largest ${this.largest_packet} bytes`);
        return;
      }
    }
    if (Time.get_ticks_msec() > this.deadline_ms) {
      this.finish(1, "deadline reached while waiting for a packet");
    }
  }
}
