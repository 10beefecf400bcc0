import {
  CryptoKey, DTLSServer, Error, Node, PacketPeerDTLS, TLSOptions, Time, UDPServer, X509Certificate, print, printerr,
} from "godot";
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
// one had echoes).
export class EchoServer extends Node {
  private udp = new UDPServer();
  private dtls = new DTLSServer();
  private connections: Connection[] = [];
  private deadline_ms = 0;
  private echoed = 0;

  configure(args: string[]): boolean {
    const [certificate_path, key_path, timeout_s] = args;
    const certificate = new X509Certificate();
    const key = new CryptoKey();
    if (certificate.load(certificate_path) !== Error.OK || key.load(key_path) !== Error.OK) {
      printerr("interop: cannot load the server certificate or key");
      return false;
    }
    if (this.dtls.setup(TLSOptions.server(key, certificate)) !== Error.OK) {
      return false;
    }
    if (this.udp.listen(0, "127.0.0.1") !== Error.OK) {
      return false;
    }
    this.deadline_ms = Time.get_ticks_msec() + Number(timeout_s) * 1000;
    print(`interop: listening on ${this.udp.get_local_port()}`);
    return true;
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
        this.get_tree()?.quit(0);
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
      this.get_tree()?.quit(this.echoed > 0 ? 0 : 1);
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
