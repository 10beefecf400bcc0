// Quickdot DTLS benchmarks. The user arguments after "--" pick one scene, which prints one line
// `BENCH {json}` and quits:
//   -- echo N M S           ping-pong: N clients x M round trips of S-byte payloads
//   -- handshake N [P] [ec]  N clients connect at once, default settings (P: max_pending_connections;
//                            ec: an ECDSA P-256 server key instead of RSA-2048)
//   -- idle PORT N          server-side RSS per established idle peer (clients: dtls_baseline)
//   -- flood K              server-side RSS per source of one cookie-less ClientHello
//   -- startup              quits at once (run.sh measures the process)
//   -- calls N              N bound calls against N plain script calls (binding overhead)
//   -- udp_echo N M S W     plain UDP echo through UDPServer, W in flight (C: bench/baseline/udp_baseline.c)
// bench/run.sh runs them all against the C baseline (bench/baseline/dtls_baseline.c).
import { Node, OS, printerr } from "godot";
import { CallsScenario } from "./calls";
import { EchoScenario } from "./echo";
import { FloodScenario } from "./flood";
import { HandshakeScenario } from "./handshake";
import { IdlePeersScenario } from "./idle_peers";
import { StartupScenario } from "./startup";
import { UdpEchoScenario } from "./udp_echo";

function make_scene(args: string[]): Node | null {
  const number = (index: number, fallback: number): number =>
    index < args.length ? Number(args[index]) : fallback;
  switch (args[0]) {
    case "echo":
      return new EchoScenario(number(1, 10), number(2, 1000), number(3, 64));
    case "handshake":
      return new HandshakeScenario(number(1, 100), number(2, 0), args[3] === "ec" ? "ec" : "rsa");
    case "idle":
      return new IdlePeersScenario(number(1, 0), number(2, 1000));
    case "flood":
      return new FloodScenario(number(1, 2000));
    case "startup":
      return new StartupScenario();
    case "calls":
      return new CallsScenario(number(1, 1000000));
    case "udp_echo":
      return new UdpEchoScenario(number(1, 10), number(2, 10000), number(3, 64), number(4, 1));
    default:
      return null;
  }
}

export default class Main extends Node {
  _ready(): void {
    const args = [...OS.get_cmdline_user_args()];
    const scene = make_scene(args);
    if (!scene) {
      printerr(
        `bench: unknown scene "${args.join(" ")}"; use echo N M S | handshake N [P] [ec] | idle PORT N | flood K | startup | calls N | udp_echo N M S W`,
      );
      this.get_tree().quit(2);
      return;
    }
    this.add_child(scene);
  }
}
