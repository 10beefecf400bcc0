import {
  Error,
  Node,
  PacketPeerDTLS,
  PacketPeerUDP,
  TLSOptions,
  Time,
  X509Certificate,
  print,
  printerr,
} from "godot";
import { SceneOptions, load_certificate, load_key, parse_psk } from "./options";
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
// error status, it quits with 0 when the handshake ends in it; the line it prints then carries
// get_error_reason(), which the driver checks.
// The trust options (Quickdot extensions) after them, each name=value:
//   pin=sha256/<base64>  pin_public_keys() (repeatable)   crl=<crl.pem>  check_revocation()
//   cert=<crt.pem> key=<key.pem>  with_certificate()       psk=<identity>:<hexkey>  client_psk()
//                                                          (mode "psk", the CA "-")
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
    const [port, hostname, mode, ca_path, expected, timeout_s, ...rest] = args;
    if (!(expected in EXPECTED)) {
      printerr(`interop: unknown expectation ${expected}`);
      return false;
    }
    this.expected = EXPECTED[expected];
    if (rest.length > 0 && /^[0-9]+$/.test(rest[0])) {
      this.payload_bytes = Number(rest.shift());
    }
    const trust = SceneOptions.parse(rest, ["pin", "crl", "cert", "key", "psk"]);
    if (trust === null) {
      return false;
    }
    let ca: X509Certificate | null = null;
    if (ca_path !== "-") {
      ca = load_certificate(ca_path);
      if (ca === null) {
        return false;
      }
    }
    const options = this.make_options(mode, ca, trust);
    if (options === null) {
      printerr("interop: the TLS options were refused");
      return false;
    }
    if (this.udp.connect_to_host("127.0.0.1", Number(port)) !== Error.OK) {
      return false;
    }
    this.started_ms = Time.get_ticks_msec();
    this.deadline_ms = this.started_ms + Number(timeout_s) * 1000;
    return this.dtls.connect_to_peer(this.udp, hostname, options) === Error.OK;
  }

  // TLSOptions.client(), client_unsafe() or client_psk(), then the trust options in turn (each
  // returns a modified copy, or null when it refuses its argument).
  private make_options(
    p_mode: string,
    p_ca: X509Certificate | null,
    p_trust: SceneOptions,
  ): TLSOptions | null {
    let options: TLSOptions | null;
    if (p_mode === "psk") {
      const psk = parse_psk(p_trust.one("psk") ?? "");
      options = psk === null ? null : TLSOptions.client_psk(psk[0], psk[1]);
    } else {
      options = p_mode === "unsafe" ? TLSOptions.client_unsafe(p_ca) : TLSOptions.client(p_ca);
    }
    options = p_trust.pin_and_check(options);
    const cert_path = p_trust.one("cert");
    const key_path = p_trust.one("key");
    if ((cert_path === undefined) !== (key_path === undefined)) {
      printerr("interop: cert= and key= go together");
      return null;
    }
    if (options !== null && cert_path !== undefined && key_path !== undefined) {
      const certificate = load_certificate(cert_path);
      const key = load_key(key_path);
      options = certificate === null || key === null ? null : options.with_certificate(key, certificate);
    }
    return options;
  }

  private finish(code: number, what: string): void {
    print(`interop: ${what}`);
    this.dtls.disconnect_from_peer();
    this.get_tree().quit(code);
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
      const reason = JSON.stringify(this.dtls.get_error_reason());
      this.finish(
        ok ? 0 : 1,
        `handshake ended in status ${status} (expected ${this.expected}) after ${Time.get_ticks_msec() - this.started_ms} ms, reason ${reason}`,
      );
      return;
    }
    if (!this.sent) {
      print(`interop: handshake completed in ${Time.get_ticks_msec() - this.started_ms} ms`);
      const line =
        this.payload_bytes > 0 ? "Q".repeat(this.payload_bytes - 1) + "\n" : "hello from quickdot\n";
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
        this.finish(
          0,
          `received ${this.received_bytes} bytes in ${this.received_packets} packet(s), the largest ${this.largest_packet} bytes`,
        );
        return;
      }
    }
    if (Time.get_ticks_msec() > this.deadline_ms) {
      this.finish(1, "deadline reached while waiting for a packet");
    }
  }
}
