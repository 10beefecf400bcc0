// Shared pieces of the benchmark scenes: the result line, clocks, memory, the server identity,
// and the standard DTLS server loop (UDPServer + DTLSServer.take_connection, as in Godot's docs).
import {
  Crypto,
  CryptoKey,
  DTLSServer,
  FileAccess,
  Node,
  PacketPeerDTLS,
  TLSOptions,
  Time,
  UDPServer,
  X509Certificate,
  print,
  printerr,
} from "godot";

// The largest payload one record carries at the engine's default MTU (1200-byte datagrams) with
// the negotiated AES-128-GCM suite: 1200 - 13 (record header) - 8 (explicit nonce) - 16 (tag).
// The C baseline reads the same number from DTLS_get_data_mtu().
export const MAX_PAYLOAD_AT_DEFAULT_MTU = 1163;

export type BenchResult = { name: string } & Record<string, unknown>;

export function now_sec(): number {
  return Time.get_ticks_usec() / 1e6;
}

function first_line(path: string): string {
  const file = FileAccess.open(path, FileAccess.READ);
  if (!file) {
    return "";
  }
  const line = file.get_line();
  file.close();
  return line;
}

// Resident set size of this process, from /proc/self/statm (x86-64 Linux: 4 KiB pages).
export function rss_bytes(): number {
  return Number(first_line("/proc/self/statm").split(" ")[1]) * 4096;
}

// Peak resident set size so far (VmHWM in /proc/self/status).
export function peak_rss_bytes(): number {
  const file = FileAccess.open("/proc/self/status", FileAccess.READ);
  if (!file) {
    return -1;
  }
  let peak = -1;
  while (!file.eof_reached()) {
    const line = file.get_line();
    if (line.startsWith("VmHWM:")) {
      peak = Number(line.slice(6).trim().split(" ")[0]) * 1024;
      break;
    }
  }
  file.close();
  return peak;
}

// User + system CPU time of this process, from /proc/self/stat (clock ticks of 10 ms).
export function cpu_seconds(): number {
  const stat = first_line("/proc/self/stat");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3, "state".
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface Identity {
  key: CryptoKey;
  certificate: X509Certificate;
}

// An RSA-2048 (or ECDSA P-256) key and a self-signed certificate for CN=localhost, made at start
// (as the C baseline does), so both sides pay the same signature per handshake.
export function make_identity(key_kind: "rsa" | "ec" = "rsa"): Identity {
  const crypto = new Crypto();
  const key = key_kind === "ec" ? crypto.generate_ec("P-256") : crypto.generate_rsa(2048);
  const certificate = crypto.generate_self_signed_certificate(key, "CN=localhost");
  return { key, certificate };
}

// The standard server loop of a Godot DTLS server, written the way a game script would.
export class BenchServer {
  readonly udp = new UDPServer();
  readonly dtls = new DTLSServer();
  peers: PacketPeerDTLS[] = [];

  constructor(identity: Identity) {
    this.dtls.setup(TLSOptions.server(identity.key, identity.certificate));
  }

  listen(port: number): boolean {
    return this.udp.listen(port, "127.0.0.1") === 0;
  }

  get_port(): number {
    return this.udp.get_local_port();
  }

  // Takes new connections, then polls every peer; with p_echo, sends every packet straight back.
  poll(p_echo: boolean): void {
    this.udp.poll();
    while (this.udp.is_connection_available()) {
      const peer = this.dtls.take_connection(this.udp.take_connection());
      if (peer && peer.get_status() === PacketPeerDTLS.STATUS_HANDSHAKING) {
        this.peers.push(peer);
      }
    }
    for (const peer of this.peers) {
      peer.poll();
      if (p_echo) {
        // Quickdot's poll() decrypts every record that arrived, so one count per poll is exact.
        for (let count = peer.get_available_packet_count(); count > 0; count--) {
          peer.put_packet(peer.get_packet());
        }
      }
    }
  }

  count(p_status: PacketPeerDTLS.Status): number {
    let count = 0;
    for (const peer of this.peers) {
      if (peer.get_status() === p_status) {
        count++;
      }
    }
    return count;
  }
}

// Base of every scene: prints the one result line and quits.
export class Scenario extends Node {
  private finished = false;

  protected finish(result: BenchResult): void {
    if (this.finished) {
      return;
    }
    this.finished = true;
    print("BENCH " + JSON.stringify({ impl: "engine", ...result }));
    this.get_tree().quit(0);
  }

  protected fail(name: string, why: string): void {
    printerr(`bench ${name}: ${why}`);
    this.finish({ name, error: why });
  }

  protected is_finished(): boolean {
    return this.finished;
  }
}
