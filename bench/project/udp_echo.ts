// Plain UDP echo through the engine: N PacketPeerUDP clients each have M S-byte datagrams echoed
// by one UDPServer whose taken peers send every packet straight back, W datagrams in flight per
// client (each echo received sends the next), all in this process and all polled once per frame,
// the way a game script serves UDP. The C counterpart is bench/baseline/udp_baseline.c (blocking
// sendto/recvfrom, no engine).
import { PacketPeerUDP, UDPServer } from "godot";
import { Scenario, cpu_seconds, now_sec } from "./common";

interface Client {
  udp: PacketPeerUDP;
  received: number;
}

export class UdpEchoScenario extends Scenario {
  private server = new UDPServer();
  private peers: PacketPeerUDP[] = [];
  private clients: Client[] = [];
  private payload = new Uint8Array(0);
  private echoed = 0;
  private done = 0;
  private start_sec = 0;
  private start_cpu = 0;
  private deadline = 0;

  constructor(
    private n: number,
    private m: number,
    private s: number,
    private w: number,
  ) {
    super();
  }

  _ready(): void {
    if (this.server.listen(0, "127.0.0.1") !== 0) {
      return this.fail("udp_echo", "cannot listen");
    }
    this.payload = new Uint8Array(this.s);
    for (let i = 0; i < this.s; i++) {
      this.payload[i] = (i * 7) & 255;
    }
    this.start_sec = now_sec();
    this.start_cpu = cpu_seconds();
    this.deadline = this.start_sec + 120;
    for (let i = 0; i < this.n; i++) {
      const client: Client = { udp: new PacketPeerUDP(), received: 0 };
      client.udp.connect_to_host("127.0.0.1", this.server.get_local_port());
      for (let sent = 0; sent < this.w; sent++) {
        if (client.udp.put_packet(this.payload) !== 0) {
          return this.fail("udp_echo", "put_packet refused");
        }
      }
      this.clients.push(client);
    }
  }

  _process(_delta: number): void {
    if (this.is_finished()) {
      return;
    }
    this.server.poll();
    while (this.server.is_connection_available()) {
      this.peers.push(this.server.take_connection()!);
    }
    for (const peer of this.peers) {
      for (let count = peer.get_available_packet_count(); count > 0; count--) {
        peer.put_packet(peer.get_packet());
        this.echoed++;
      }
    }
    for (const client of this.clients) {
      for (let count = client.udp.get_available_packet_count(); count > 0; count--) {
        if (client.udp.get_packet().length !== this.s) {
          continue;
        }
        client.received++;
        if (client.received + this.w <= this.m) {
          client.udp.put_packet(this.payload);
        } else if (client.received === this.m) {
          this.done++;
        }
      }
    }
    if (this.done === this.n || now_sec() > this.deadline) {
      const seconds = now_sec() - this.start_sec;
      this.finish({
        name: "udp_echo",
        n: this.n,
        m: this.m,
        s: this.s,
        w: this.w,
        completed: this.done,
        echoed: this.echoed,
        seconds,
        cpu_seconds: cpu_seconds() - this.start_cpu,
        datagrams_per_sec: (2 * this.echoed) / seconds,
      });
    }
  }
}
