// The demo's main scene. It runs, in one headless process:
//   - a DTLS chat server (server.ts) that accepts with DTLSServer.take_connection,
//   - several clients (client.ts) that connect to "localhost" by name (IP.resolve_hostname),
//     verify the server's certificate for it,
//     chat through the server, and disconnect cleanly,
//   - one client that asks for the wrong hostname and is refused,
// then prints a summary and exits 0 when everything behaved.
//
// User arguments (after --) pick a single role instead:
//   -- --server [--port N]        serve until interrupted (talk to it with openssl s_client)
//   -- --connect HOST:PORT        run one client against a server elsewhere
import { Node, OS, print, printerr } from "godot";
import { DemoServer, DEFAULT_PORT } from "./server";
import { DemoClient, ClientReport } from "./client";
import { load_or_create_identity } from "./identity";

const CLIENT_NAMES = ["ada", "brian", "chen"];
const RUN_TIMEOUT_SEC = 20;

interface Options {
  mode: "demo" | "server" | "client";
  host: string;
  port: number;
}

function parse_options(args: string[]): Options {
  const options: Options = { mode: "demo", host: "localhost", port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--server") {
      options.mode = "server";
    } else if (args[i] === "--port" && i + 1 < args.length) {
      options.port = Number(args[++i]);
    } else if (args[i] === "--connect" && i + 1 < args.length) {
      options.mode = "client";
      const [host, port] = args[++i].split(":");
      options.host = host;
      options.port = Number(port ?? DEFAULT_PORT);
    }
  }
  return options;
}

export default class Main extends Node {
  private clients: DemoClient[] = [];
  private server: DemoServer | null = null;
  private elapsed = 0;
  private finished = false;

  _ready(): void {
    const options = parse_options([...OS.get_cmdline_user_args()]);
    const identity = load_or_create_identity();
    if (options.mode !== "client") {
      this.server = new DemoServer(identity, options.port);
      this.add_child(this.server);
    }
    if (options.mode === "server") {
      print(
        `[main] serving DTLS on port ${options.port}; try: openssl s_client -dtls1_2 -connect 127.0.0.1:${options.port}`,
      );
      return;
    }
    const port = this.server ? this.server.get_port() : options.port;
    const names = options.mode === "client" ? ["client"] : CLIENT_NAMES;
    for (const name of names) {
      this.start_client(new DemoClient(name, options.host, port, "localhost", identity.certificate));
    }
    if (options.mode === "demo") {
      // The impostor check: the certificate is fine, but not for this name.
      this.start_client(new DemoClient("mallory", options.host, port, "wrong.example", identity.certificate));
    }
  }

  _process(delta: number): void {
    if (this.clients.length === 0 || this.finished) {
      return;
    }
    this.elapsed += delta;
    const done = this.clients.every((client) => client.is_finished());
    if (done || this.elapsed > RUN_TIMEOUT_SEC) {
      this.finished = true;
      const ok = this.print_summary(done);
      this.get_tree().quit(ok ? 0 : 1);
    }
  }

  private start_client(client: DemoClient): void {
    this.clients.push(client);
    this.add_child(client);
  }

  private print_summary(all_finished: boolean): boolean {
    const reports: ClientReport[] = this.clients.map((client) => client.get_report());
    print("");
    print("=== Quickdot DTLS demo: summary ===");
    for (const report of reports) {
      const handshake =
        report.handshake_ms >= 0 ? `handshake ${report.handshake_ms.toFixed(1)} ms` : "no handshake";
      print(
        `  ${report.name.padEnd(8)} ${report.outcome.padEnd(28)} ${handshake}, sent ${report.sent}, received ${report.received}`,
      );
    }
    const server_stats = this.server ? this.server.get_stats() : null;
    if (server_stats) {
      print(
        `  server   accepted ${server_stats.accepted} connections through take_connection, relayed ${server_stats.relayed} messages, dropped ${server_stats.dropped} peers`,
      );
    }
    const expected_ok = reports.filter((r) => r.expect_success);
    const connected = expected_ok.filter((r) => r.outcome === "chatted and disconnected").length;
    const refused = reports.filter(
      (r) => !r.expect_success && r.outcome === "refused: hostname mismatch",
    ).length;
    const errors = reports.filter((r) => r.expect_success && r.outcome !== "chatted and disconnected").length;
    print(
      `  clients: ${connected}/${expected_ok.length} connected and chatted, ${refused} impostor refused, ${errors} errors${all_finished ? "" : " (timed out)"}`,
    );
    const ok =
      all_finished &&
      errors === 0 &&
      connected === expected_ok.length &&
      refused === reports.length - expected_ok.length;
    if (ok) {
      print("=== demo OK ===");
    } else {
      printerr("=== demo FAILED: see the lines above ===");
    }
    return ok;
  }
}
