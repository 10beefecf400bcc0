// Half of tests/run_crypto_cli_test.sh: from TypeScript, with only "godot" imports, generate a
// key and a self-signed certificate and save them; load an EC key the openssl CLI made and
// sign with it. The shell script checks both with the openssl CLI.
//   bin/quickdot --path tests/project --script res://scenes/crypto_cli.ts -- <work dir>
import { Node, Crypto, CryptoKey, HashingContext, FileAccess, OS, print, printerr } from "godot";

function to_hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export default class CryptoCli extends Node {
  _ready(): void {
    const dir = OS.get_cmdline_user_args()[0];
    const crypto = new Crypto();
    const key = crypto.generate_rsa(2048);
    const certificate = crypto.generate_self_signed_certificate(key, "CN=quickdot.test,O=Quickdot,C=IT");
    const saved = certificate.save(`${dir}/generated.crt`) === 0 && key.save(`${dir}/generated.key`) === 0;

    const ec_key = new CryptoKey();
    const loaded = ec_key.load(`${dir}/cli_ec.key`) === 0;
    const hashing = new HashingContext();
    hashing.start(HashingContext.HASH_SHA256);
    hashing.update(
      new Uint8Array([...FileAccess.get_file_as_string(`${dir}/message.txt`)].map((c) => c.charCodeAt(0))),
    );
    const digest = hashing.finish();
    const signature = loaded ? crypto.sign(HashingContext.HASH_SHA256, digest, ec_key) : new Uint8Array();
    const file = FileAccess.open(`${dir}/signature.hex`, FileAccess.WRITE);
    file?.store_string(to_hex(signature));
    file?.close();

    if (!saved || !loaded || signature.length === 0) {
      printerr(`crypto_cli: saved=${saved} loaded=${loaded} signature=${signature.length} bytes`);
      this.get_tree().quit(1);
      return;
    }
    print(
      `crypto_cli: saved the certificate, signed with the CLI's EC key (${signature.length}-byte signature)`,
    );
    this.get_tree().quit(0);
  }
}
