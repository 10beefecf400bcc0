// Memory per unverified source: K sockets of this process, each bound to its own port, send one
// cookie-less ClientHello each to the server (as spoofed sources would: they never answer the
// HelloVerifyRequest). They send max_pending_connections of them per frame, so every source gets
// through the UDPServer and the script keeps every peer it takes (as game scripts do with
// STATUS_HANDSHAKING peers). RSS is read after one warm-up source and again once all K sources are
// taken; the difference divided by K - 1 is the server's cost per unverified source.
import { PacketPeerDTLS, PacketPeerUDP, TLSOptions } from "godot";
import { BenchServer, Scenario, make_identity, now_sec, rss_bytes } from "./common";

const SETTLE_FRAMES = 10;

export class FloodScenario extends Scenario {
  private server!: BenchServer;
  private senders: PacketPeerUDP[] = [];
  private hello: Uint8Array = new Uint8Array(0);
  private next = 1;
  private frames = 0;
  private rss_before = -1;
  private deadline = 0;

  constructor(private k: number) {
    super();
  }

  _ready(): void {
    this.server = new BenchServer(make_identity());
    if (!this.server.listen(0)) {
      return this.fail("flood", "cannot listen");
    }
    this.hello = this.capture_client_hello();
    if (this.hello.length === 0) {
      return this.fail("flood", "could not capture a ClientHello");
    }
    for (let i = 0; i < this.k; i++) {
      const sender = new PacketPeerUDP();
      sender.bind(0, "127.0.0.1");
      sender.set_dest_address("127.0.0.1", this.server.get_port());
      this.senders.push(sender);
    }
    this.senders[0].put_packet(this.hello); // The warm-up source.
    this.deadline = now_sec() + 120;
  }

  _process(_delta: number): void {
    if (this.is_finished()) {
      return;
    }
    this.server.poll(false);
    this.frames++;
    if (this.rss_before < 0) {
      if (this.frames >= SETTLE_FRAMES) {
        this.rss_before = rss_bytes();
        this.frames = 0;
      }
      return;
    }
    const per_frame = this.server.udp.max_pending_connections;
    for (let sent = 0; sent < per_frame && this.next < this.k; sent++) {
      this.senders[this.next++].put_packet(this.hello);
    }
    const taken = this.server.peers.length;
    if (this.next < this.k || (taken < this.k && now_sec() < this.deadline)) {
      this.frames = 0;
      return;
    }
    if (this.frames < SETTLE_FRAMES) {
      return;
    }
    const rss_after = rss_bytes();
    const waiting = this.server.count(PacketPeerDTLS.STATUS_HANDSHAKING);
    this.finish({
      name: "flood",
      k: this.k,
      sources: taken - 1,
      still_handshaking: waiting,
      client_hello_bytes: this.hello.length,
      rss_before: this.rss_before,
      rss_after,
      bytes_per_source: (rss_after - this.rss_before) / Math.max(1, taken - 1),
    });
  }

  // The ClientHello a PacketPeerDTLS sends, caught by a local socket standing in for the server.
  private capture_client_hello(): Uint8Array {
    const catcher = new PacketPeerUDP();
    catcher.bind(0, "127.0.0.1");
    const udp = new PacketPeerUDP();
    udp.connect_to_host("127.0.0.1", catcher.get_local_port());
    const dtls = new PacketPeerDTLS();
    dtls.connect_to_peer(udp, "localhost", TLSOptions.client_unsafe());
    const hello = catcher.get_available_packet_count() > 0 ? catcher.get_packet() : new Uint8Array(0);
    dtls.disconnect_from_peer();
    udp.close();
    catcher.close();
    return hello;
  }
}
