// The other half of tests/run_crypto_cli_test.sh's certificate checks: from TypeScript, read a
// certificate chain the openssl CLI made and write what X509Certificate says about it (one
// `name=value` line a getter) for the shell script to compare with what `openssl x509` prints;
// make a P-256 key with Crypto.generate_ec, a certificate and a signature with it, and save them.
//   bin/quickdot --path tests/project --script res://scenes/x509_cli.ts -- <work dir>
import {
  Node,
  Crypto,
  CryptoKey,
  FileAccess,
  HashingContext,
  OS,
  X509Certificate,
  print,
  printerr,
} from "godot";

function to_hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function write_text(path: string, text: string): boolean {
  const file = FileAccess.open(path, FileAccess.WRITE);
  const written = file !== null && file.store_string(text);
  file?.close();
  return written;
}

export default class X509Cli extends Node {
  _ready(): void {
    const dir = OS.get_cmdline_user_args()[0];
    const certificate = new X509Certificate();
    const loaded = certificate.load(`${dir}/cli_chain.crt`) === 0;
    const details = [
      `subject=${certificate.get_subject()}`,
      `issuer=${certificate.get_issuer()}`,
      `serial=${certificate.get_serial()}`,
      `not_before=${certificate.get_not_before()}`,
      `not_after=${certificate.get_not_after()}`,
      `fingerprint=${certificate.get_sha256_fingerprint()}`,
      `alt_names=${[...certificate.get_subject_alt_names()].join(",")}`,
      `pin=${certificate.get_public_key_pin()}`,
    ];
    const details_written = write_text(`${dir}/details.txt`, details.join("\n") + "\n");
    // The leaf's key, PKCS#8 ("PRIVATE KEY") as the CLI writes it: its public part, saved back.
    const leaf_key = new CryptoKey();
    const leaf_key_round_trip =
      leaf_key.load(`${dir}/cli_leaf.key`) === 0 && leaf_key.save(`${dir}/cli_leaf_from_ts.pub`, true) === 0;

    // An EC key of our own: the CLI checks the key, the certificate and a signature made with it.
    const crypto = new Crypto();
    const key = crypto.generate_ec("P-256");
    const ec_certificate = key
      ? crypto.generate_self_signed_certificate(key, "CN=ec.quickdot.test,O=Quickdot")
      : null;
    const hashing = new HashingContext();
    hashing.start(HashingContext.HASH_SHA256);
    hashing.update(
      new Uint8Array([...FileAccess.get_file_as_string(`${dir}/message.txt`)].map((c) => c.charCodeAt(0))),
    );
    const signature = key ? crypto.sign(HashingContext.HASH_SHA256, hashing.finish(), key) : new Uint8Array();
    const ec_saved =
      key !== null &&
      ec_certificate !== null &&
      key.save(`${dir}/ec_generated.key`) === 0 &&
      key.save(`${dir}/ec_generated.pub`, true) === 0 &&
      ec_certificate.save(`${dir}/ec_generated.crt`) === 0 &&
      write_text(`${dir}/ec_signature.hex`, to_hex(signature)) &&
      write_text(`${dir}/ec_pin.txt`, ec_certificate.get_public_key_pin());

    if (!loaded || !details_written || !leaf_key_round_trip || !ec_saved || signature.length === 0) {
      printerr(
        `x509_cli: loaded=${loaded} details=${details_written} leaf_key=${leaf_key_round_trip} ec_saved=${ec_saved} signature=${signature.length} bytes`,
      );
      this.get_tree().quit(1);
      return;
    }
    print(
      `x509_cli: wrote the certificate's details; made a P-256 key, certificate and ${signature.length}-byte signature`,
    );
    this.get_tree().quit(0);
  }
}
