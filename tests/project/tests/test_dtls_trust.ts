// Trust beyond Godot, from a script, the way a game calls it: key pinning, revocation, client
// certificates and pre-shared keys between a DTLSServer and a PacketPeerDTLS over loopback, each
// failure with its status and the reason a game can show (get_error_reason()). The certificates
// are files in tests/trust/ (made with the openssl CLI; see its README), loaded as a game would.
import { GutTest } from "gut";
import {
  Crypto,
  CryptoKey,
  DTLSServer,
  Error as GodotError,
  FileAccess,
  PacketPeerDTLS,
  PacketPeerUDP,
  TLSOptions,
  UDPServer,
  X509Certificate,
} from "godot";

// The pins the openssl CLI computes for these files:
// openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64
const SERVER_PIN = "sha256/jnslSGgIiMqB+byJpIZGz99rD1j9IqlYJR8BiftfK64=";
const CA_PIN = "sha256/pR0qd2VM/7hGd75hx63OvlWOX/n/tdSCXl3H7gJiKqE=";
const CLIENT_PIN = "sha256/cgHCGlKLDEqf+6VF5XPvvlKwTG6tudmmg1KiK+e2DG4=";

function certificate(name: string): X509Certificate {
  const loaded = new X509Certificate();
  if (loaded.load(`res://tests/trust/${name}.crt`) !== GodotError.OK) {
    throw new Error(`tests/trust/${name}.crt does not load`);
  }
  return loaded;
}

function key(name: string): CryptoKey {
  const loaded = new CryptoKey();
  if (loaded.load(`res://tests/trust/${name}.key`) !== GodotError.OK) {
    throw new Error(`tests/trust/${name}.key does not load`);
  }
  return loaded;
}

function crl(): string {
  return FileAccess.get_file_as_string("res://tests/trust/ca.crl");
}

interface Outcome {
  client: PacketPeerDTLS;
  server: PacketPeerDTLS | null;
}

export default class TestDtlsTrust extends GutTest {
  private udp_server = new UDPServer();

  before_each(): void {
    this.assert_eq(this.udp_server.listen(0, "127.0.0.1"), GodotError.OK);
  }

  after_each(): void {
    this.udp_server.stop();
  }

  // A server and a client with these options, polled as a game does until neither is
  // handshaking (or `seconds` pass).
  private async handshake(
    server_options: TLSOptions | null,
    client_options: TLSOptions | null,
    hostname = "localhost",
    seconds = 5,
  ): Promise<Outcome> {
    const dtls_server = new DTLSServer();
    this.assert_not_null(server_options, "server options were made");
    this.assert_not_null(client_options, "client options were made");
    if (server_options === null || client_options === null) {
      throw new Error("no options");
    }
    this.assert_eq(dtls_server.setup(server_options), GodotError.OK);
    const udp = new PacketPeerUDP();
    const client = new PacketPeerDTLS();
    this.assert_eq(udp.connect_to_host("127.0.0.1", this.udp_server.get_local_port()), GodotError.OK);
    this.assert_eq(client.connect_to_peer(udp, hostname, client_options), GodotError.OK);
    let server: PacketPeerDTLS | null = null;
    const handshaking = (peer: PacketPeerDTLS | null) =>
      peer === null || peer.get_status() === PacketPeerDTLS.STATUS_HANDSHAKING;
    await this.wait_until(() => {
      this.udp_server.poll();
      if (this.udp_server.is_connection_available()) {
        server = dtls_server.take_connection(this.udp_server.take_connection());
      }
      server?.poll();
      client.poll();
      return !handshaking(client) && !handshaking(server);
    }, seconds);
    return { client, server };
  }

  private assert_connected(outcome: Outcome): void {
    this.assert_eq(
      outcome.client.get_status(),
      PacketPeerDTLS.STATUS_CONNECTED,
      `client connected (${outcome.client.get_error_reason()})`,
    );
    this.assert_eq(
      outcome.server?.get_status(),
      PacketPeerDTLS.STATUS_CONNECTED,
      `server side connected (${outcome.server?.get_error_reason()})`,
    );
    this.assert_eq(outcome.client.get_error_reason(), "", "no reason while nothing failed");
  }

  private assert_failed(peer: PacketPeerDTLS | null, reason: string): void {
    this.assert_eq(peer?.get_status(), PacketPeerDTLS.STATUS_ERROR);
    this.assert_string_contains(peer?.get_error_reason() ?? "", reason);
  }

  private server_options(): TLSOptions {
    return TLSOptions.server(key("server"), certificate("server"));
  }

  async test_a_pin_replaces_the_ca_on_client_unsafe(): Promise<void> {
    this.assert_connected(
      await this.handshake(
        this.server_options(),
        TLSOptions.client_unsafe().pin_public_keys([SERVER_PIN]),
        "any.name",
      ),
    );
    const wrong = await this.handshake(
      this.server_options(),
      TLSOptions.client_unsafe().pin_public_keys([CLIENT_PIN]),
    );
    this.assert_failed(wrong.client, "public key pin mismatch");
    // Only the leaf's key counts without a verified chain: the CA's pin is not enough.
    const ca_only = await this.handshake(
      this.server_options(),
      TLSOptions.client_unsafe().pin_public_keys([CA_PIN]),
    );
    this.assert_failed(ca_only.client, "pin mismatch");
  }

  async test_a_pin_is_checked_in_addition_to_the_ca(): Promise<void> {
    // Any key of the verified chain matches, the CA's included; one of several pins is enough.
    this.assert_connected(
      await this.handshake(
        this.server_options(),
        TLSOptions.client(certificate("ca")).pin_public_keys([CLIENT_PIN, CA_PIN]),
      ),
    );
    const wrong = await this.handshake(
      this.server_options(),
      TLSOptions.client(certificate("ca")).pin_public_keys([CLIENT_PIN]),
    );
    this.assert_failed(wrong.client, "pin mismatch");
    // The pin does not make an unknown CA trusted.
    const untrusted = await this.handshake(
      this.server_options(),
      TLSOptions.client(certificate("client")).pin_public_keys([SERVER_PIN]),
    );
    this.assert_failed(untrusted.client, "certificate verify failed");
  }

  async test_a_revoked_certificate_ends_the_handshake(): Promise<void> {
    const checked = TLSOptions.client(certificate("ca")).check_revocation(crl());
    this.assert_connected(await this.handshake(this.server_options(), checked));
    const revoked = await this.handshake(
      TLSOptions.server(key("revoked_server"), certificate("revoked_server")),
      checked,
    );
    this.assert_failed(revoked.client, "certificate revoked");
    // Without the check the same certificate passes, as in Godot.
    this.assert_connected(
      await this.handshake(
        TLSOptions.server(key("revoked_server"), certificate("revoked_server")),
        TLSOptions.client(certificate("ca")),
      ),
    );
  }

  async test_expired_certificates_say_so(): Promise<void> {
    const expired = await this.handshake(
      TLSOptions.server(key("expired_server"), certificate("expired_server")),
      TLSOptions.client(certificate("ca")),
    );
    this.assert_failed(expired.client, "certificate has expired");
  }

  async test_client_certificates_identify_the_player(): Promise<void> {
    const requiring = this.server_options().require_client_certificate(certificate("ca"));
    const outcome = await this.handshake(
      requiring,
      TLSOptions.client(certificate("ca")).with_certificate(key("client"), certificate("client")),
    );
    this.assert_connected(outcome);
    const presented = outcome.server?.get_peer_certificate() ?? null;
    this.assert_not_null(presented, "the server knows who connected");
    this.assert_eq(presented?.save_to_string(), certificate("client").save_to_string());
    this.assert_eq(
      outcome.client.get_peer_certificate()?.save_to_string(),
      certificate("server").save_to_string(),
      "and the client who served",
    );

    const anonymous = await this.handshake(requiring, TLSOptions.client(certificate("ca")));
    this.assert_failed(anonymous.server, "sent no certificate");
    this.assert_eq(anonymous.client.get_status(), PacketPeerDTLS.STATUS_ERROR, "the client is refused too");

    const optional = await this.handshake(
      this.server_options().require_client_certificate(certificate("ca"), false),
      TLSOptions.client(certificate("ca")),
    );
    this.assert_connected(optional);
    this.assert_null(optional.server?.get_peer_certificate() ?? null, "no certificate, none to show");

    // A certificate from another issuer is refused even when optional.
    const stranger_certificate = new Crypto().generate_self_signed_certificate(
      key("client"),
      "CN=player1,O=Elsewhere",
    );
    const stranger = await this.handshake(
      this.server_options().require_client_certificate(certificate("ca"), false),
      TLSOptions.client(certificate("ca")).with_certificate(key("client"), stranger_certificate),
    );
    this.assert_eq(
      stranger.server?.get_status(),
      PacketPeerDTLS.STATUS_ERROR,
      "a bad certificate is refused even when optional",
    );
  }

  async test_a_server_can_pin_and_check_client_certificates(): Promise<void> {
    const with_certificate = TLSOptions.client(certificate("ca")).with_certificate(
      key("client"),
      certificate("client"),
    );
    const requiring = this.server_options().require_client_certificate(certificate("ca"));
    this.assert_connected(
      await this.handshake(requiring?.pin_public_keys([CLIENT_PIN]) ?? null, with_certificate),
    );
    this.assert_failed(
      (await this.handshake(requiring?.pin_public_keys([SERVER_PIN]) ?? null, with_certificate)).server,
      "pin mismatch",
    );
    // The CRL lists only the revoked server certificate: the player's passes.
    this.assert_connected(await this.handshake(requiring?.check_revocation(crl()) ?? null, with_certificate));
  }

  async test_pre_shared_keys(): Promise<void> {
    const keys = new Map<string, Uint8Array>([
      ["player1", new TextEncoder().encode("0123456789abcdef")],
      ["player2", new Uint8Array(32).fill(7)],
    ]);
    const outcome = await this.handshake(
      TLSOptions.server_psk(keys),
      TLSOptions.client_psk("player2", new Uint8Array(32).fill(7)),
      "",
    );
    this.assert_connected(outcome);
    this.assert_eq(outcome.server?.get_psk_identity(), "player2");
    this.assert_null(outcome.client.get_peer_certificate(), "no certificate with PSK");
    this.assert_eq(outcome.client.put_packet(new Uint8Array([1, 2, 3])), GodotError.OK);

    const unknown = await this.handshake(
      TLSOptions.server_psk(keys),
      TLSOptions.client_psk("player3", new Uint8Array(32).fill(7)),
      "",
    );
    this.assert_failed(unknown.server, "unknown PSK identity 'player3'");
    this.assert_eq(unknown.client.get_status(), PacketPeerDTLS.STATUS_ERROR);

    // A wrong key makes every encrypted record fail authentication, and DTLS drops those
    // silently (RFC 6347 4.1.2.7): neither side ever connects; the handshake times out.
    const wrong_key = await this.handshake(
      TLSOptions.server_psk(keys),
      TLSOptions.client_psk("player1", new Uint8Array(16)),
      "",
      1,
    );
    this.assert_ne(
      wrong_key.client.get_status(),
      PacketPeerDTLS.STATUS_CONNECTED,
      "a wrong key never connects",
    );
    this.assert_ne(wrong_key.server?.get_status(), PacketPeerDTLS.STATUS_CONNECTED);
  }

  test_bad_arguments_make_no_options(): void {
    const cases: Array<[() => TLSOptions | null, string]> = [
      [
        () => TLSOptions.client().pin_public_keys(["sha256/short"]),
        "TLSOptions.pin_public_keys: 'sha256/short' is not a pin",
      ],
      [() => TLSOptions.client().pin_public_keys(["md5/" + SERVER_PIN.slice(7)]), "is not a pin"],
      [() => TLSOptions.client().pin_public_keys([]), "TLSOptions.pin_public_keys: pins is empty"],
      [
        () => TLSOptions.client(certificate("ca")).check_revocation("garbage"),
        "TLSOptions.check_revocation: crl_pem is not PEM CRLs",
      ],
      [() => TLSOptions.client_unsafe().check_revocation(crl()), "verifies no chain"],
      [
        () => TLSOptions.client_psk("player1", new Uint8Array(0)),
        "TLSOptions.client_psk: the key is 0 bytes",
      ],
      [() => TLSOptions.client_psk("", new Uint8Array(16)), "TLSOptions.client_psk: the identity is 0 bytes"],
      [() => TLSOptions.server_psk(new Map()), "TLSOptions.server_psk: keys is empty"],
      [
        () => TLSOptions.server_psk(new Map([["player1", "not bytes"]])),
        "the key of identity 'player1' is a String",
      ],
      [() => TLSOptions.client().require_client_certificate(certificate("ca")), "these are client options"],
      [
        () => this.server_options().with_certificate(key("client"), certificate("client")),
        "with_certificate() is for client options",
      ],
    ];
    // The printed messages are checked natively (tests/native/core/crypto/test_tls_options.cpp).
    for (const [make, message] of cases) {
      this.assert_null(make(), `no options for: ${message}`);
    }
  }
}
