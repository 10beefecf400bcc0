// A demo client: verifies the server's certificate for a hostname, says hello, sends a few
// chat lines, waits until the server has relayed them all back, then says goodbye and closes.
import {
  IP,
  Node,
  PacketPeerUDP,
  PacketPeerDTLS,
  TLSOptions,
  X509Certificate,
  Time,
  print,
  printerr,
} from "godot";
import { ChatMessage, is_chat_message } from "./protocol";

const LINES = ["hello from", "DTLS works from TypeScript, says", "goodbye from"];

export interface ClientReport {
  name: string;
  outcome: string;
  expect_success: boolean;
  handshake_ms: number;
  sent: number;
  received: number;
}

export class DemoClient extends Node {
  private udp = new PacketPeerUDP();
  private dtls = new PacketPeerDTLS();
  private started_usec = 0;
  private report: ClientReport;
  private own_echoes = 0;
  private finished = false;

  constructor(
    private who: string,
    private host: string,
    private port: number,
    private hostname: string,
    private ca: X509Certificate,
  ) {
    super();
    this.report = {
      name: who,
      outcome: "connecting",
      expect_success: hostname === "localhost",
      handshake_ms: -1,
      sent: 0,
      received: 0,
    };
  }

  is_finished(): boolean {
    return this.finished;
  }

  get_report(): ClientReport {
    return this.report;
  }

  _ready(): void {
    // By name, as a game connects: IP resolves it (to IPv4, where the demo's server listens).
    const address = IP.resolve_hostname(this.host, IP.TYPE_IPV4);
    if (address === "") {
      this.finish(`cannot resolve "${this.host}"`);
      return;
    }
    this.udp.connect_to_host(address, this.port);
    this.started_usec = Time.get_ticks_usec();
    // Trust exactly the demo's certificate, and check the name we asked for against it.
    const error = this.dtls.connect_to_peer(this.udp, this.hostname, TLSOptions.client(this.ca));
    if (error !== 0) {
      this.finish(`connect_to_peer failed (error ${error})`);
    }
  }

  _process(_delta: number): void {
    if (this.finished) {
      return;
    }
    this.dtls.poll();
    switch (this.dtls.get_status()) {
      case PacketPeerDTLS.STATUS_HANDSHAKING:
        return;
      case PacketPeerDTLS.STATUS_CONNECTED:
        if (this.report.handshake_ms < 0) {
          this.on_connected();
        }
        this.read_messages();
        return;
      case PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH:
        print(`[${this.who}] refused: the server's certificate is not valid for "${this.hostname}"`);
        this.finish("refused: hostname mismatch");
        return;
      case PacketPeerDTLS.STATUS_ERROR:
        this.finish("error during the DTLS session");
        return;
      case PacketPeerDTLS.STATUS_DISCONNECTED:
        this.finish("disconnected by the server");
        return;
    }
  }

  private on_connected(): void {
    this.report.handshake_ms = (Time.get_ticks_usec() - this.started_usec) / 1000;
    print(
      `[${this.who}] connected to ${this.hostname} (${this.host}:${this.port}) in ${this.report.handshake_ms.toFixed(1)} ms, certificate verified`,
    );
    this.send({ type: "hello", from: this.who });
    for (const line of LINES) {
      this.send({ type: "chat", from: this.who, text: `${line} ${this.who}` });
    }
  }

  private read_messages(): void {
    while (this.dtls.get_available_packet_count() > 0) {
      const message = this.dtls.get_var();
      if (!is_chat_message(message) || message.type !== "chat") {
        continue;
      }
      this.report.received++;
      if (message.from === this.who) {
        this.own_echoes++;
      } else {
        print(`[${this.who}] ${message.from} says: ${message.text}`);
      }
    }
    if (this.own_echoes === LINES.length) {
      this.send({ type: "bye", from: this.who });
      this.dtls.disconnect_from_peer();
      print(`[${this.who}] all ${LINES.length} messages came back through the server; disconnected`);
      this.finish("chatted and disconnected");
    }
  }

  private send(message: ChatMessage): void {
    const error = this.dtls.put_var(message);
    if (error !== 0) {
      printerr(`[${this.who}] put_var failed (error ${error})`);
      return;
    }
    if (message.type === "chat") {
      this.report.sent++;
    }
  }

  private finish(outcome: string): void {
    this.report.outcome = outcome;
    this.finished = true;
    this.dtls.disconnect_from_peer();
  }
}
