// Handshake storm: N clients start their handshakes in the same frame against one server in
// this process, with every setting at its default (UDPServer.max_pending_connections 16, the
// engine's retransmission timers). Measures the time until every client is connected or failed.
// An optional second number sets UDPServer.max_pending_connections instead (for exploring; the
// benchmark table uses the default); "ec" after it makes the server's key ECDSA P-256, not RSA-2048.
import { PacketPeerDTLS, PacketPeerUDP, TLSOptions } from "godot";
import { BenchServer, Scenario, cpu_seconds, make_identity, now_sec } from "./common";

const DEADLINE_SEC = 120;

export class HandshakeScenario extends Scenario {
  private server!: BenchServer;
  private clients: PacketPeerDTLS[] = [];
  private sockets: PacketPeerUDP[] = [];
  private pending: PacketPeerDTLS[] = [];
  private connected = 0;
  private failed = 0;
  private start_sec = 0;
  private start_cpu = 0;

  constructor(
    private n: number,
    private max_pending: number,
    private key_kind: "rsa" | "ec",
  ) {
    super();
  }

  _ready(): void {
    const identity = make_identity(this.key_kind);
    this.server = new BenchServer(identity);
    if (!this.server.listen(0)) {
      return this.fail("handshake", "cannot listen");
    }
    if (this.max_pending > 0) {
      this.server.udp.max_pending_connections = this.max_pending;
    }
    const options = TLSOptions.client(identity.certificate);
    this.start_sec = now_sec();
    this.start_cpu = cpu_seconds();
    for (let i = 0; i < this.n; i++) {
      const udp = new PacketPeerUDP();
      const dtls = new PacketPeerDTLS();
      udp.connect_to_host("127.0.0.1", this.server.get_port());
      dtls.connect_to_peer(udp, "localhost", options);
      this.sockets.push(udp);
      this.clients.push(dtls);
    }
    this.pending = this.clients.slice();
  }

  _process(_delta: number): void {
    if (this.is_finished()) {
      return;
    }
    this.server.poll(false);
    const still: PacketPeerDTLS[] = [];
    for (const client of this.pending) {
      client.poll();
      const status = client.get_status();
      if (status === PacketPeerDTLS.STATUS_CONNECTED) {
        this.connected++;
      } else if (status === PacketPeerDTLS.STATUS_HANDSHAKING) {
        still.push(client);
      } else {
        this.failed++;
      }
    }
    this.pending = still;
    const seconds = now_sec() - this.start_sec;
    if (this.pending.length === 0 || seconds > DEADLINE_SEC) {
      this.finish({
        name: "handshake",
        n: this.n,
        max_pending_connections: this.server.udp.max_pending_connections,
        connected: this.connected,
        failed: this.n - this.connected,
        seconds,
        cpu_seconds: cpu_seconds() - this.start_cpu,
        handshakes_per_sec: this.connected / seconds,
      });
    }
  }
}
