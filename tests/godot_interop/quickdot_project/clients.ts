import {
  Error as GodotError,
  FileAccess,
  Node,
  PacketPeerDTLS,
  PacketPeerUDP,
  Signal,
  TLSOptions,
  Time,
  X509Certificate,
  bytes_to_var,
  error_string,
  print,
  printerr,
  var_to_bytes,
  var_to_str,
} from "godot";
import { built_values } from "./values";

const WAIT_MS = 3000;

interface ReferenceVector {
  name: string;
  bytes: Uint8Array;
}

// The vectors of <dir>/godot-4.6-all-types.json and godot-4.6-var-to-bytes.json (made by Godot 4.6.3).
function reference_vectors(dir: string): ReferenceVector[] {
  const vectors: ReferenceVector[] = [];
  for (const file of ["godot-4.6-all-types", "godot-4.6-var-to-bytes"]) {
    const reference = JSON.parse(FileAccess.get_file_as_string(`${dir}/${file}.json`)) as {
      vectors: { name: string; hex: string }[];
    };
    for (const vector of reference.vectors) {
      const bytes = new Uint8Array(vector.hex.length / 2);
      for (let i = 0; i < bytes.length; i++) {
        bytes[i] = parseInt(vector.hex.slice(2 * i, 2 * i + 2), 16);
      }
      vectors.push({ name: `${file}:${vector.name}`, bytes });
    }
  }
  return vectors;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
const CLIENTS = 50;

// Quickdot's DTLS clients against Godot's DTLS server (godot_project/server_suite.gd), which
// echoes every packet and checks the values of a connection that asks for it. Verifies the
// server with <dir>/ca.crt and the hostname "localhost". Prints "PASS <case>" or "FAIL <case>:
// <why>" for each case and one "JOIN ..." line with the join times of 50 clients at once; quits
// with the number of failed cases. <dir>/server.pin and <dir>/ca.pin hold the pins the openssl
// CLI computed for Godot's certificate and the CA.
export class Clients extends Node {
  private ca = new X509Certificate();
  private port = 0;
  private deadline_ms = 0;
  private failures = 0;
  private pins = { server: "", ca: "" };
  private dir = "";

  configure(args: string[]): boolean {
    const [dir, port, timeout_s] = args;
    if (this.ca.load(`${dir}/ca.crt`) !== GodotError.OK) {
      printerr(`quickdot: cannot load ${dir}/ca.crt`);
      return false;
    }
    this.dir = dir;
    this.pins = {
      server: FileAccess.get_file_as_string(`${dir}/server.pin`).trim(),
      ca: FileAccess.get_file_as_string(`${dir}/ca.pin`).trim(),
    };
    this.port = Number(port);
    this.deadline_ms = Time.get_ticks_msec() + Number(timeout_s) * 1000;
    return true;
  }

  _ready(): void {
    void this.run().catch((error: unknown) => {
      printerr(`quickdot: ${String(error)}`);
      this.get_tree().quit(100);
    });
  }

  private async run(): Promise<void> {
    await this.wrong_hostname();
    await this.pinned();
    await this.last_words();
    // Without that connection its 16000-byte case fails here, and Godot's value checks fail
    // with every value missing.
    const peer = await this.verified_client();
    await this.echo_references(peer);
    await this.big_packet(peer);
    if (peer !== null) {
      await this.send_values(peer);
      peer.disconnect_from_peer();
    }
    await this.many_clients();
    this.get_tree().quit(this.failures);
  }

  private report(name: string, ok: boolean, why: string): void {
    print(ok ? `PASS ${name}` : `FAIL ${name}: ${why}`);
    this.failures += ok ? 0 : 1;
  }

  private frame(): Promise<unknown[]> {
    return new Signal(this.get_tree(), "process_frame").as_promise();
  }

  private out_of_time(): boolean {
    return Time.get_ticks_msec() > this.deadline_ms;
  }

  private new_client(
    hostname: string,
    options: TLSOptions | null = TLSOptions.client(this.ca),
  ): PacketPeerDTLS {
    const udp = new PacketPeerUDP();
    const dtls = new PacketPeerDTLS();
    udp.connect_to_host("127.0.0.1", this.port);
    dtls.connect_to_peer(udp, hostname, options);
    return dtls;
  }

  // Godot's server answers "last words, please" with a packet and its close_notify at once; the
  // loop Godot's documentation shows must read the packet while still connected.
  private async last_words(): Promise<void> {
    const name = "Godot DTLSServer: a packet then close_notify -> Quickdot client reads it while CONNECTED";
    const peer = this.new_client("localhost");
    if ((await this.handshake(peer)) !== PacketPeerDTLS.STATUS_CONNECTED) {
      this.report(name, false, `the handshake ended in status ${peer.get_status()}`);
      return;
    }
    peer.put_var("last words, please");
    const received: unknown[] = [];
    const until = Time.get_ticks_msec() + WAIT_MS;
    while (Time.get_ticks_msec() < until) {
      peer.poll();
      if (peer.get_status() !== PacketPeerDTLS.STATUS_CONNECTED) {
        break;
      }
      while (peer.get_available_packet_count() > 0) {
        received.push(peer.get_var());
      }
      await this.frame();
    }
    this.report(
      name,
      received.length === 1 &&
        received[0] === "last words" &&
        peer.get_status() === PacketPeerDTLS.STATUS_DISCONNECTED,
      `received ${JSON.stringify(received)}, status ${peer.get_status()}`,
    );
  }

  // Quickdot extensions against Godot's server: its key pinned instead of a CA, and a wrong pin.
  private async pinned(): Promise<void> {
    const pinned = this.new_client(
      "any.name",
      TLSOptions.client_unsafe().pin_public_keys([this.pins.server]),
    );
    const status = await this.handshake(pinned);
    this.report(
      "Quickdot DTLS client -> Godot DTLSServer, its key pinned (client_unsafe + pin)",
      status === PacketPeerDTLS.STATUS_CONNECTED,
      `the handshake ended in status ${status}: ${pinned.get_error_reason()}`,
    );
    pinned.disconnect_from_peer();
    // Without a verified chain only the server's own key counts: the CA's pin is refused.
    const wrong = this.new_client("any.name", TLSOptions.client_unsafe().pin_public_keys([this.pins.ca]));
    const wrong_status = await this.handshake(wrong);
    this.report(
      "Quickdot DTLS client -> Godot DTLSServer, wrong pin: STATUS_ERROR, pin mismatch",
      wrong_status === PacketPeerDTLS.STATUS_ERROR &&
        wrong.get_error_reason().includes("public key pin mismatch"),
      `the handshake ended in status ${wrong_status}: ${wrong.get_error_reason()}`,
    );
  }

  // Polls until the handshake has ended; returns the status it ended in.
  private async handshake(peer: PacketPeerDTLS): Promise<PacketPeerDTLS.Status> {
    for (;;) {
      peer.poll();
      const status = peer.get_status();
      if (status !== PacketPeerDTLS.STATUS_HANDSHAKING || this.out_of_time()) {
        return status;
      }
      await this.frame();
    }
  }

  // The next packet of a connected peer, or null after WAIT_MS.
  private async next_packet(peer: PacketPeerDTLS): Promise<Uint8Array | null> {
    const until = Time.get_ticks_msec() + WAIT_MS;
    while (Time.get_ticks_msec() < until) {
      peer.poll();
      if (peer.get_available_packet_count() > 0) {
        return peer.get_packet();
      }
      await this.frame();
    }
    return null;
  }

  private async wrong_hostname(): Promise<void> {
    const status = await this.handshake(this.new_client("wrong.example"));
    this.report(
      "Quickdot DTLS client -> Godot DTLSServer, wrong hostname: STATUS_ERROR_HOSTNAME_MISMATCH",
      status === PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH,
      `the handshake ended in status ${status}`,
    );
  }

  private async verified_client(): Promise<PacketPeerDTLS | null> {
    const name = "Quickdot DTLS client -> Godot DTLSServer, CA + hostname verified, echo";
    const started = Time.get_ticks_msec();
    const peer = this.new_client("localhost");
    const status = await this.handshake(peer);
    if (status !== PacketPeerDTLS.STATUS_CONNECTED) {
      this.report(name, false, `the handshake ended in status ${status}`);
      return null;
    }
    const handshake_ms = Time.get_ticks_msec() - started;
    peer.put_var("hello from quickdot");
    const echo = await this.next_packet(peer);
    const text = echo === null ? null : bytes_to_var(echo);
    this.report(
      `${name} (handshake ${handshake_ms} ms)`,
      text === "hello from quickdot",
      `got back ${JSON.stringify(text)}`,
    );
    return peer;
  }

  // Each reference value (Godot's own bytes, decoded here) goes out with put_var; Godot answers
  // put_var(bytes_to_var(packet)), which must be the reference bytes again.
  private async echo_references(peer: PacketPeerDTLS | null): Promise<void> {
    const vectors = reference_vectors(this.dir);
    const name = `Quickdot put_var -> Godot put_var(bytes_to_var()) over DTLS: ${vectors.length} reference values come back as Godot's bytes`;
    if (peer === null) {
      this.report(name, false, "no connection");
      return;
    }
    const wrong: string[] = [];
    for (const vector of vectors) {
      peer.put_var(bytes_to_var(vector.bytes));
      const echo = await this.next_packet(peer);
      if (echo === null) {
        wrong.push(`${vector.name} got no answer, the rest were not sent`);
        break;
      }
      if (hex(echo) !== hex(vector.bytes)) {
        wrong.push(`${vector.name} (Godot's ${hex(vector.bytes)}, back ${hex(echo)})`);
      }
    }
    this.report(name, wrong.length === 0, `${wrong.length} differ: ${wrong.join(", ")}`);
  }

  // put_var of a 15992-byte PackedByteArray is one 16000-byte packet, which Godot echoes.
  private async big_packet(peer: PacketPeerDTLS | null): Promise<void> {
    const name = "16000-byte DTLS packets Quickdot -> Godot -> Quickdot";
    if (peer === null) {
      this.report(name, false, "not run: no connection");
      return;
    }
    const payload = new Uint8Array(15992).map((_, i) => i % 251);
    const sent = var_to_bytes(payload);
    const error = peer.put_var(payload);
    if (error !== GodotError.OK) {
      this.report(name, false, `put_var of ${sent.length} bytes returned ${error_string(error)}`);
      return;
    }
    const echo = await this.next_packet(peer);
    const same = echo !== null && echo.length === sent.length && echo.every((byte, i) => byte === sent[i]);
    this.report(
      name,
      same,
      echo === null ? `no echo within ${WAIT_MS} ms` : `got ${echo.length} different bytes back`,
    );
  }

  // Each value goes as three packets: its name, put_var(value), put_var(var_to_str(value)); Godot
  // answers "ok" or what was wrong, and prints the cases (its checks are the test).
  private async send_values(peer: PacketPeerDTLS): Promise<void> {
    peer.put_var("check values");
    const values = built_values();
    let accepted = 0;
    for (const [name, value] of values) {
      for (const part of [name, value, var_to_str(value)]) {
        const error = peer.put_var(part);
        if (error !== GodotError.OK) {
          printerr(`quickdot: put_var for ${name} returned ${error_string(error)}`);
        }
      }
      const answer = await this.next_packet(peer);
      const verdict = answer === null ? `no answer within ${WAIT_MS} ms` : String(bytes_to_var(answer));
      if (verdict === "ok") {
        accepted++;
      } else {
        print(`quickdot: Godot on ${name}: ${verdict}`);
      }
    }
    print(`quickdot: Godot accepted ${accepted}/${values.length} values built here`);
  }

  private async many_clients(): Promise<void> {
    const name = `${CLIENTS} Quickdot DTLS clients at once -> Godot DTLSServer (default settings), echo`;
    const clients = Array.from({ length: CLIENTS }, () => ({
      peer: this.new_client("localhost"),
      started: Time.get_ticks_msec(),
      joined_ms: -1,
      echoed: false,
    }));
    while (clients.some((c) => !c.echoed) && !this.out_of_time()) {
      for (const [i, client] of clients.entries()) {
        client.peer.poll();
        if (client.joined_ms < 0 && client.peer.get_status() === PacketPeerDTLS.STATUS_CONNECTED) {
          client.joined_ms = Time.get_ticks_msec() - client.started;
          client.peer.put_var(`hello from client ${i}`);
        }
        if (client.peer.get_available_packet_count() > 0) {
          client.echoed = bytes_to_var(client.peer.get_packet()) === `hello from client ${i}`;
        }
      }
      await this.frame();
    }
    const times = clients
      .map((c) => c.joined_ms)
      .filter((ms) => ms >= 0)
      .sort((a, b) => a - b);
    print(
      `JOIN ${CLIENTS} Quickdot clients -> Godot DTLSServer (default settings): ${times.length}/${CLIENTS} connected` +
        (times.length > 0
          ? `, all within ${times[times.length - 1]} ms (first ${times[0]} ms, median ${times[times.length >> 1]} ms)`
          : "") +
        "; target: all within 1500 ms",
    );
    const echoed = clients.filter((c) => c.echoed).length;
    this.report(
      name,
      echoed === CLIENTS,
      `${times.length} connected, ${echoed} echoed, statuses ${clients.map((c) => c.peer.get_status()).join("")}`,
    );
    for (const client of clients) {
      client.peer.disconnect_from_peer();
    }
  }
}
