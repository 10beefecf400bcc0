// Echo ping-pong: N clients each do M round trips of an S-byte payload through one server, all
// in this process. Each frame the server echoes what arrived and each client answers its echo
// with the next packet, so a frame carries one round trip per client.
import { PacketPeerDTLS, PacketPeerUDP, TLSOptions } from "godot";
import {
  BenchServer,
  MAX_PAYLOAD_AT_DEFAULT_MTU,
  Scenario,
  cpu_seconds,
  make_identity,
  now_sec,
} from "./common";

interface Client {
  udp: PacketPeerUDP;
  dtls: PacketPeerDTLS;
  received: number;
}

export class EchoScenario extends Scenario {
  private server!: BenchServer;
  private clients: Client[] = [];
  private payload = new Uint8Array(0);
  private started = false;
  private done = 0;
  private start_sec = 0;
  private start_cpu = 0;
  private deadline = 0;

  constructor(
    private n: number,
    private m: number,
    private s: number,
  ) {
    super();
  }

  _ready(): void {
    const identity = make_identity();
    this.server = new BenchServer(identity);
    if (!this.server.listen(0)) {
      return this.fail("echo", "cannot listen");
    }
    const options = TLSOptions.client(identity.certificate);
    for (let i = 0; i < this.n; i++) {
      const client: Client = { udp: new PacketPeerUDP(), dtls: new PacketPeerDTLS(), received: 0 };
      client.udp.connect_to_host("127.0.0.1", this.server.get_port());
      client.dtls.connect_to_peer(client.udp, "localhost", options);
      this.clients.push(client);
    }
    const size = Math.min(this.s, MAX_PAYLOAD_AT_DEFAULT_MTU);
    this.payload = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      this.payload[i] = (i * 7) & 255;
    }
    this.deadline = now_sec() + 60;
  }

  _process(_delta: number): void {
    if (this.is_finished()) {
      return;
    }
    this.server.poll(true);
    if (!this.started) {
      this.wait_for_handshakes();
      return;
    }
    const size = this.payload.length;
    for (const client of this.clients) {
      client.dtls.poll();
      for (let count = client.dtls.get_available_packet_count(); count > 0; count--) {
        if (client.dtls.get_packet().length !== size) {
          continue;
        }
        client.received++;
        if (client.received < this.m) {
          client.dtls.put_packet(this.payload);
        } else if (client.received === this.m) {
          this.done++;
        }
      }
    }
    if (this.done === this.n || now_sec() > this.deadline) {
      const seconds = now_sec() - this.start_sec;
      this.finish({
        name: "echo",
        n: this.n,
        m: this.m,
        s: this.s,
        payload: size,
        completed: this.done,
        seconds,
        cpu_seconds: cpu_seconds() - this.start_cpu,
        packets_per_sec: (this.n * this.m) / seconds,
      });
    }
  }

  private wait_for_handshakes(): void {
    let connected = 0;
    for (const client of this.clients) {
      client.dtls.poll();
      const status = client.dtls.get_status();
      if (status === PacketPeerDTLS.STATUS_CONNECTED) {
        connected++;
      } else if (status !== PacketPeerDTLS.STATUS_HANDSHAKING) {
        return this.fail("echo", "a client failed to connect");
      }
    }
    if (connected < this.n) {
      if (now_sec() > this.deadline) {
        this.fail("echo", "the clients did not all connect");
      }
      return;
    }
    this.started = true;
    this.start_sec = now_sec();
    this.start_cpu = cpu_seconds();
    this.deadline = this.start_sec + 120;
    for (const client of this.clients) {
      if (client.dtls.put_packet(this.payload) !== 0) {
        return this.fail("echo", `put_packet of ${this.payload.length} bytes refused`);
      }
    }
  }
}
