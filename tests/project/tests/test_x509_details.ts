// What a certificate says, from a script (Quickdot extensions), checked against what the openssl
// CLI prints for the same file (`openssl x509 -noout -subject -issuer -serial -dates -fingerprint
// -sha256 -nameopt RFC2253 -ext subjectAltName`); and elliptic-curve keys from Crypto.generate_ec
// serving DTLS.
import { GutTest } from "gut";
import {
  Crypto,
  CryptoKey,
  DTLSServer,
  Error as GodotError,
  HashingContext,
  PacketPeerDTLS,
  PacketPeerUDP,
  TLSOptions,
  UDPServer,
  X509Certificate,
} from "godot";

export default class TestX509Details extends GutTest {
  test_the_leaf_certificate_as_the_openssl_cli_reads_it(): void {
    const certificate = new X509Certificate();
    this.assert_eq(certificate.load("res://tests/trust/server.crt"), GodotError.OK);
    this.assert_eq(certificate.get_subject(), "O=Quickdot,CN=localhost");
    this.assert_eq(certificate.get_issuer(), "O=Quickdot,CN=Quickdot Test CA");
    this.assert_eq(certificate.get_serial(), "1000");
    this.assert_eq(certificate.get_not_before(), 1796315519, "Dec  3 16:31:59 2026 GMT");
    this.assert_eq(certificate.get_not_after(), 4949915519, "Nov  9 16:31:59 2126 GMT");
    this.assert_eq(
      certificate.get_sha256_fingerprint(),
      "35a047b0452fe1eb8b6ac1a1073c28f938c0c2477a352d745a66a35e3aa474e7",
    );
    this.assert_eq([...certificate.get_subject_alt_names()], ["localhost", "127.0.0.1"]);
    this.assert_eq(certificate.get_public_key_pin(), "sha256/jnslSGgIiMqB+byJpIZGz99rD1j9IqlYJR8BiftfK64=");
  }

  test_an_empty_certificate_says_nothing(): void {
    const empty = new X509Certificate();
    this.assert_eq(empty.get_subject(), "");
    this.assert_eq(empty.get_not_after(), 0);
    this.assert_eq([...empty.get_subject_alt_names()], []);
    this.assert_eq(empty.get_public_key_pin(), "");
  }

  test_unknown_curves_make_no_key(): void {
    this.assert_null(new Crypto().generate_ec("P-521"));
    this.assert_null(new Crypto().generate_ec("secp256k1"));
    // OpenSSL 3.0's DTLS 1.2 has no cipher suite for an Ed25519 certificate: refused, saying so.
    this.assert_null(new Crypto().generate_ec("Ed25519"));
  }

  test_ec_keys_round_trip_and_sign(): void {
    const crypto = new Crypto();
    for (const curve of ["P-256", "P-384"]) {
      const key = crypto.generate_ec(curve);
      if (key === null) {
        this.fail_test(`no ${curve} key`);
        continue;
      }
      const pem = key.save_to_string();
      this.assert_string_starts_with(pem, "-----BEGIN EC PRIVATE KEY-----"); // As Godot saves EC keys.
      const reloaded = new CryptoKey();
      this.assert_eq(reloaded.load_from_string(pem), GodotError.OK);
      this.assert_eq(reloaded.save_to_string(), pem, `${curve}: the same key after a round trip`);
      const public_key = new CryptoKey();
      this.assert_eq(public_key.load_from_string(key.save_to_string(true), true), GodotError.OK);
      this.assert_string_starts_with(public_key.save_to_string(true), "-----BEGIN PUBLIC KEY-----");
      const hashing = new HashingContext();
      hashing.start(HashingContext.HASH_SHA256);
      hashing.update(new Uint8Array([1, 2, 3]));
      const hash = hashing.finish();
      const signature = crypto.sign(HashingContext.HASH_SHA256, hash, reloaded);
      this.assert_true(
        crypto.verify(HashingContext.HASH_SHA256, hash, signature, public_key),
        `${curve}: ECDSA verifies`,
      );
      this.assert_false(
        crypto.verify(HashingContext.HASH_SHA256, new Uint8Array(32), signature, public_key),
        `${curve}: not another hash`,
      );
    }
  }

  async test_ec_keys_serve_dtls(): Promise<void> {
    for (const curve of ["P-256", "P-384"]) {
      const crypto = new Crypto();
      const key = crypto.generate_ec(curve);
      this.assert_not_null(key, `a ${curve} key`);
      if (key === null) {
        continue;
      }
      this.assert_string_contains(key.save_to_string(), "PRIVATE KEY-----");
      const certificate = crypto.generate_self_signed_certificate(key, "CN=localhost,O=Quickdot");
      this.assert_not_null(certificate, `a certificate signed with the ${curve} key`);
      if (certificate === null) {
        continue;
      }
      this.assert_eq(certificate.get_subject(), "O=Quickdot,CN=localhost");
      const udp_server = new UDPServer();
      const dtls_server = new DTLSServer();
      this.assert_eq(udp_server.listen(0, "127.0.0.1"), GodotError.OK);
      this.assert_eq(dtls_server.setup(TLSOptions.server(key, certificate)), GodotError.OK);
      const udp = new PacketPeerUDP();
      const client = new PacketPeerDTLS();
      udp.connect_to_host("127.0.0.1", udp_server.get_local_port());
      // Pinned: the self-signed certificate's own key, as a game would ship it.
      this.assert_eq(
        client.connect_to_peer(
          udp,
          "localhost",
          TLSOptions.client_unsafe().pin_public_keys([certificate.get_public_key_pin()]),
        ),
        GodotError.OK,
      );
      let server: PacketPeerDTLS | null = null;
      const connected = await this.wait_until(() => {
        udp_server.poll();
        if (udp_server.is_connection_available()) {
          server = dtls_server.take_connection(udp_server.take_connection());
        }
        server?.poll();
        client.poll();
        return client.get_status() !== PacketPeerDTLS.STATUS_HANDSHAKING;
      }, 5);
      this.assert_true(connected, `the ${curve} handshake ended`);
      this.assert_eq(
        client.get_status(),
        PacketPeerDTLS.STATUS_CONNECTED,
        `${curve}: ${client.get_error_reason()}`,
      );
      this.assert_eq(
        client.get_peer_certificate()?.get_sha256_fingerprint(),
        certificate.get_sha256_fingerprint(),
        `${curve}: the client saw this certificate`,
      );
      client.disconnect_from_peer();
      (server as PacketPeerDTLS | null)?.disconnect_from_peer();
      udp_server.stop();
    }
  }
}
