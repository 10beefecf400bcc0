import {
  CryptoKey,
  DTLSServer,
  Error as GodotError,
  Node,
  PacketPeerDTLS,
  PacketPeerUDP,
  TLSOptions,
  Time,
  UDPServer,
  X509Certificate,
  error_string,
  print,
  printerr,
  str_to_var,
} from "godot";

// The servers Godot's clients (godot_project/client_suite.gd) talk to, all echoing with
// put_var(get_var()), the way a Quickdot game relays what it receives:
//   - a DTLS server (UDPServer + DTLSServer.take_connection, key and certificate from <dir>);
//   - a UDP echo (PacketPeerUDP bound to a port, answering each sender);
//   - a UDP text service answering each String with put_var(str_to_var(text)), so Godot can
//     check that Quickdot parses the text of Godot's var_to_str as Godot does.
// Prints "quickdot: ports <dtls> <udp echo> <udp text>" once listening. Quits with 0 once
// <sessions> DTLS sessions have connected and all of them have closed; with 1 at the deadline.
export class Servers extends Node {
  private udp_server = new UDPServer();
  private dtls_server = new DTLSServer();
  private peers: PacketPeerDTLS[] = [];
  private connected = new Set<PacketPeerDTLS>();
  private echo = new PacketPeerUDP();
  private text = new PacketPeerUDP();
  private sessions = 0;
  private sessions_seen = 0;
  private deadline_ms = 0;

  configure(args: string[]): boolean {
    const [dir, sessions, timeout_s] = args;
    const key = new CryptoKey();
    const certificate = new X509Certificate();
    if (
      key.load(`${dir}/server.key`) !== GodotError.OK ||
      certificate.load(`${dir}/server.crt`) !== GodotError.OK
    ) {
      printerr(`quickdot: cannot load ${dir}/server.key or ${dir}/server.crt`);
      return false;
    }
    if (
      this.dtls_server.setup(TLSOptions.server(key, certificate)) !== GodotError.OK ||
      this.udp_server.listen(0, "127.0.0.1") !== GodotError.OK ||
      this.echo.bind(0, "127.0.0.1") !== GodotError.OK ||
      this.text.bind(0, "127.0.0.1") !== GodotError.OK
    ) {
      printerr("quickdot: cannot set up the servers");
      return false;
    }
    this.sessions = Number(sessions);
    this.deadline_ms = Time.get_ticks_msec() + Number(timeout_s) * 1000;
    print(
      `quickdot: ports ${this.udp_server.get_local_port()} ${this.echo.get_local_port()} ${this.text.get_local_port()}`,
    );
    return true;
  }

  _process(_delta: number): void {
    this.answer_udp(this.echo, (value) => value);
    this.answer_udp(this.text, (value) => str_to_var(String(value)));
    this.serve_dtls();
    if (this.sessions_seen >= this.sessions && this.connected.size === 0) {
      print(`quickdot: all ${this.sessions_seen} DTLS sessions came and went`);
      this.get_tree().quit(0);
    } else if (Time.get_ticks_msec() > this.deadline_ms) {
      printerr(
        `quickdot: deadline reached with ${this.sessions_seen}/${this.sessions} DTLS sessions seen, ${this.connected.size} still open`,
      );
      this.get_tree().quit(1);
    }
  }

  private answer_udp(socket: PacketPeerUDP, answer: (value: unknown) => unknown): void {
    while (socket.get_available_packet_count() > 0) {
      const value = socket.get_var();
      socket.set_dest_address(socket.get_packet_ip(), socket.get_packet_port());
      report("UDP put_var", socket.put_var(answer(value)));
    }
  }

  private serve_dtls(): void {
    this.udp_server.poll();
    while (this.udp_server.is_connection_available()) {
      const peer = this.dtls_server.take_connection(this.udp_server.take_connection());
      if (peer !== null) {
        this.peers.push(peer);
      }
    }
    for (const peer of this.peers) {
      peer.poll();
      if (peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED && !this.connected.has(peer)) {
        this.connected.add(peer);
        this.sessions_seen++;
      }
      while (peer.get_available_packet_count() > 0) {
        const value = peer.get_var();
        if (value === "last words, please") {
          // A packet, then close_notify at once: Godot's client must still read the packet.
          report("DTLS put_var", peer.put_var("last words"));
          peer.disconnect_from_peer();
          break;
        }
        report("DTLS put_var", peer.put_var(value));
      }
    }
    // Handshakes that failed (the wrong-hostname client) and sessions that closed are dropped.
    this.peers = this.peers.filter((peer) => {
      const status = peer.get_status();
      if (status === PacketPeerDTLS.STATUS_HANDSHAKING || status === PacketPeerDTLS.STATUS_CONNECTED) {
        return true;
      }
      this.connected.delete(peer);
      return false;
    });
  }
}

function report(what: string, error: GodotError): void {
  if (error !== GodotError.OK) {
    printerr(`quickdot: ${what} failed: ${error_string(error)}`);
  }
}
