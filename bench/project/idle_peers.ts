// Memory per established peer: a server only. The clients live in another process (run.sh starts
// `dtls_baseline clients PORT N`), which connects one client, pauses, then N more. RSS is read
// once the first peer is connected (one-time costs paid) and again once all N + 1 are, each time
// after the count has held for 300 ms; the difference divided by N is the cost of one idle,
// established peer on the server, everything included (OpenSSL, engine objects, JS wrappers).
import { PacketPeerDTLS } from "godot";
import { BenchServer, Scenario, make_identity, now_sec, rss_bytes } from "./common";

const SETTLE_SEC = 0.3;

export class IdlePeersScenario extends Scenario {
  private server!: BenchServer;
  private target = 1;
  private last_count = -1;
  private stable_since = 0;
  private rss_before = 0;
  private deadline = 0;

  constructor(
    private port: number,
    private n: number,
  ) {
    super();
  }

  _ready(): void {
    this.server = new BenchServer(make_identity());
    if (!this.server.listen(this.port)) {
      return this.fail("memory_per_peer", `cannot listen on port ${this.port}`);
    }
    this.deadline = now_sec() + 300;
  }

  _process(_delta: number): void {
    if (this.is_finished()) {
      return;
    }
    this.server.poll(false);
    const connected = this.server.count(PacketPeerDTLS.STATUS_CONNECTED);
    if (connected !== this.last_count) {
      this.last_count = connected;
      this.stable_since = now_sec();
      return;
    }
    if (now_sec() > this.deadline) {
      return this.fail("memory_per_peer", `only ${connected} of ${this.n + 1} peers connected`);
    }
    if (connected !== this.target || now_sec() - this.stable_since < SETTLE_SEC) {
      return;
    }
    if (this.target === 1) {
      this.rss_before = rss_bytes();
      this.target = 1 + this.n;
      return;
    }
    const rss_after = rss_bytes();
    this.finish({
      name: "memory_per_peer",
      n: this.n,
      peers: this.n,
      rss_before: this.rss_before,
      rss_after,
      bytes_per_peer: (rss_after - this.rss_before) / this.n,
      poll_ns_per_peer: this.time_idle_polls(),
    });
  }

  // What one frame's server loop costs per idle, established peer (nothing arrives, no timer is due).
  private time_idle_polls(): number {
    const ROUNDS = 200;
    const start = now_sec();
    for (let round = 0; round < ROUNDS; round++) {
      this.server.poll(false);
    }
    return ((now_sec() - start) * 1e9) / (ROUNDS * this.server.peers.length);
  }
}
