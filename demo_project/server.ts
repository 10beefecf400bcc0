// The DTLS chat server: UDPServer hands out one PacketPeerUDP per client address,
// DTLSServer.take_connection wraps it, and every chat message is relayed to every client.
import {
  Node,
  UDPServer,
  DTLSServer,
  PacketPeerDTLS,
  TLSOptions,
  print,
  printerr,
  bytes_to_var,
  Error as GodotError,
} from "godot";
import { Identity } from "./identity";
import { ChatMessage, is_chat_message } from "./protocol";

export const DEFAULT_PORT = 4433;

interface Client {
  peer: PacketPeerDTLS;
  name: string;
  connected: boolean;
}

export interface ServerStats {
  accepted: number;
  relayed: number;
  dropped: number;
}

export class DemoServer extends Node {
  private udp = new UDPServer();
  private dtls = new DTLSServer();
  private clients: Client[] = [];
  private stats: ServerStats = { accepted: 0, relayed: 0, dropped: 0 };

  constructor(
    private identity: Identity,
    private port: number,
  ) {
    super();
  }

  get_port(): number {
    return this.udp.get_local_port();
  }

  get_stats(): ServerStats {
    return this.stats;
  }

  _ready(): void {
    const setup = this.dtls.setup(TLSOptions.server(this.identity.key, this.identity.certificate));
    if (setup !== GodotError.OK) {
      printerr(`[server] DTLSServer.setup failed (error ${setup})`);
      return;
    }
    const listen = this.udp.listen(this.port, "127.0.0.1");
    if (listen !== GodotError.OK) {
      printerr(
        `[server] can't listen on UDP port ${this.port} (error ${listen}); is another server running?`,
      );
      return;
    }
    print(`[server] listening for DTLS on 127.0.0.1:${this.get_port()}`);
  }

  _process(_delta: number): void {
    this.udp.poll();
    while (this.udp.is_connection_available()) {
      const peer = this.dtls.take_connection(this.udp.take_connection());
      // Quickdot answers the cookie exchange inside this peer: it starts HANDSHAKING, never ERROR.
      if (peer && peer.get_status() === PacketPeerDTLS.STATUS_HANDSHAKING) {
        this.clients.push({ peer, name: "?", connected: false });
      }
    }
    for (const client of this.clients) {
      client.peer.poll();
      const status = client.peer.get_status();
      if (status === PacketPeerDTLS.STATUS_CONNECTED && !client.connected) {
        client.connected = true;
        this.stats.accepted++;
      }
      while (client.peer.get_available_packet_count() > 0) {
        this.handle_packet(client, client.peer.get_packet());
      }
    }
    const before = this.clients.length;
    this.clients = this.clients.filter((client) => {
      const status = client.peer.get_status();
      return status === PacketPeerDTLS.STATUS_HANDSHAKING || status === PacketPeerDTLS.STATUS_CONNECTED;
    });
    this.stats.dropped += before - this.clients.length;
  }

  private handle_packet(client: Client, packet: Uint8Array): void {
    const message = bytes_to_var(packet);
    if (!is_chat_message(message)) {
      // Not one of ours (for example a line typed into openssl s_client): echo it back.
      const text = String.fromCharCode(...packet).trimEnd();
      print(`[server] raw text from a DTLS client: "${text}"`);
      client.peer.put_packet(packet);
      return;
    }
    if (message.type === "hello") {
      client.name = message.from;
      print(`[server] ${message.from} joined`);
      return;
    }
    if (message.type === "bye") {
      print(`[server] ${client.name} left`);
      return;
    }
    const relayed: ChatMessage = { type: "chat", from: client.name, text: message.text };
    for (const other of this.clients) {
      if (other.connected && other.peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED) {
        other.peer.put_var(relayed);
        this.stats.relayed++;
      }
    }
  }
}
