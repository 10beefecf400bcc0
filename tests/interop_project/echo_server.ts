import { DTLSServer, Error, Node, PacketPeerDTLS, TLSOptions, Time, UDPServer, print, printerr } from "godot";
import { SceneOptions, load_certificate, load_key, parse_psk } from "./options";
import { to_text } from "./text";

interface Connection {
  peer: PacketPeerDTLS;
  taken_ms: number;
  connected: boolean;
  line: Uint8Array[]; // The packets of the line being received.
}

// A DTLS line echo server as a Godot script would write it: UDPServer.poll(), take every new
// UDP peer, wrap it with DTLSServer.take_connection(), keep every peer and poll it each frame,
// send every line back in one packet once its newline arrived (command-line clients split a long
// line into several records; the echo is one). Prints "interop: listening on <port>" once it is
// up; quits with 0 once a client that had echoes closed its connection (or at the deadline, if
// one had echoes). At each handshake's end it prints the client's certificate (PEM) and PSK
// identity; when one fails, the status and get_error_reason().
// The trust options (Quickdot extensions) after the positional arguments, each name=value:
//   client_ca=<ca.pem>  require_client_certificate(ca)  client_cert=optional  ...(ca, false)
//   crl=<crl.pem>  check_revocation()   pin=sha256/<base64>  pin_public_keys() (repeatable)
//   psk=<identity>:<hexkey>  server_psk() with every such key (certificate and key "-")
//   expect=refused  quit with 0 once a handshake failed instead (1 at the deadline)
export class EchoServer extends Node {
  private udp = new UDPServer();
  private dtls = new DTLSServer();
  private connections: Connection[] = [];
  private deadline_ms = 0;
  private echoed = 0;

  private expect_refused = false;

  configure(args: string[]): boolean {
    const [certificate_path, key_path, timeout_s, ...rest] = args;
    const trust = SceneOptions.parse(rest, ["client_ca", "client_cert", "crl", "pin", "psk", "expect"]);
    if (trust === null) {
      return false;
    }
    this.expect_refused = trust.one("expect") === "refused";
    const options = this.make_options(certificate_path, key_path, trust);
    if (options === null) {
      printerr("interop: the TLS options were refused");
      return false;
    }
    if (this.dtls.setup(options) !== Error.OK) {
      return false;
    }
    if (this.udp.listen(0, "127.0.0.1") !== Error.OK) {
      return false;
    }
    this.deadline_ms = Time.get_ticks_msec() + Number(timeout_s) * 1000;
    print(`interop: listening on ${this.udp.get_local_port()}`);
    return true;
  }

  // TLSOptions.server() or server_psk(), then the trust options in turn (each returns a modified
  // copy, or null when it refuses its argument).
  private make_options(
    p_certificate_path: string,
    p_key_path: string,
    p_trust: SceneOptions,
  ): TLSOptions | null {
    let options: TLSOptions | null;
    if (p_trust.has("psk")) {
      const keys = new Map<string, Uint8Array>();
      for (const value of p_trust.all("psk")) {
        const psk = parse_psk(value);
        if (psk === null) {
          return null;
        }
        keys.set(psk[0], psk[1]);
      }
      options = TLSOptions.server_psk(keys);
    } else {
      const certificate = load_certificate(p_certificate_path);
      const key = load_key(p_key_path);
      options = certificate === null || key === null ? null : TLSOptions.server(key, certificate);
    }
    const ca_path = p_trust.one("client_ca");
    if (options !== null && ca_path !== undefined) {
      const ca = load_certificate(ca_path);
      options =
        ca === null
          ? null
          : options.require_client_certificate(ca, p_trust.one("client_cert") !== "optional");
    }
    options = p_trust.pin_and_check(options);
    return options;
  }

  _process(_delta: number): void {
    this.udp.poll();
    while (this.udp.is_connection_available()) {
      const peer = this.dtls.take_connection(this.udp.take_connection());
      if (peer !== null) {
        // Cookie exchange included: the first peer of a client is handshaking, not an error.
        print(`interop: new connection, status ${peer.get_status()}`);
        this.connections.push({ peer, taken_ms: Time.get_ticks_msec(), connected: false, line: [] });
      }
    }
    for (const connection of this.connections) {
      const peer = connection.peer;
      peer.poll();
      const status = peer.get_status();
      if (status === PacketPeerDTLS.STATUS_CONNECTED && !connection.connected) {
        connection.connected = true;
        print(`interop: handshake completed in ${Time.get_ticks_msec() - connection.taken_ms} ms`);
        const certificate = peer.get_peer_certificate();
        print(
          certificate === null
            ? "interop: no peer certificate"
            : `interop: peer certificate\n${certificate.save_to_string().trim()}`,
        );
        const identity = peer.get_psk_identity();
        if (identity !== "") {
          print(`interop: PSK identity ${JSON.stringify(identity)}`);
        }
      }
      if (
        status !== PacketPeerDTLS.STATUS_HANDSHAKING &&
        status !== PacketPeerDTLS.STATUS_CONNECTED &&
        !connection.connected
      ) {
        print(
          `interop: a handshake failed with status ${status}, reason ${JSON.stringify(peer.get_error_reason())}`,
        );
        if (this.expect_refused) {
          this.get_tree().quit(0);
          return;
        }
        continue; // Dropped below.
      }
      while (peer.get_available_packet_count() > 0) {
        connection.line.push(peer.get_packet());
        const last = connection.line[connection.line.length - 1];
        if (last.length > 0 && last[last.length - 1] !== 10) {
          continue; // The rest of the line is still on its way.
        }
        const line = concatenate(connection.line);
        // A long line is summed up: its size and packet count are what the interop check looks at.
        const what = line.length > 200 ? `a ${line.length}-byte line` : JSON.stringify(to_text(line));
        print(`interop: echoing ${what} in one packet (it came in ${connection.line.length})`);
        connection.line = [];
        if (peer.put_packet(line) === Error.OK) {
          this.echoed++;
        }
      }
      if (connection.connected && status !== PacketPeerDTLS.STATUS_CONNECTED && this.echoed > 0) {
        print(`interop: the client left (status ${status}) after ${this.echoed} echo(es)`);
        this.get_tree().quit(0);
        return;
      }
    }
    // Peers that failed (or left without sending anything) are dropped, as a game server would.
    this.connections = this.connections.filter((c) => {
      const status = c.peer.get_status();
      return status === PacketPeerDTLS.STATUS_HANDSHAKING || status === PacketPeerDTLS.STATUS_CONNECTED;
    });
    if (Time.get_ticks_msec() > this.deadline_ms) {
      print(`interop: deadline reached after ${this.echoed} echo(es)`);
      this.get_tree().quit(this.echoed > 0 && !this.expect_refused ? 0 : 1);
    }
  }
}

function concatenate(p_parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(p_parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of p_parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
