// The server's key and certificate, kept in user:// so every run (and every client) agrees on
// them. The certificate is self-signed for "localhost": clients trust exactly this certificate
// as their CA and check the hostname against it, as a real deployment would with a real CA.
import { Crypto, CryptoKey, ResourceLoader, ResourceSaver, X509Certificate, load, print } from "godot";

export interface Identity {
  key: CryptoKey;
  certificate: X509Certificate;
}

const KEY_PATH = "user://demo_server.key";
const CERT_PATH = "user://demo_server.crt";

export function load_or_create_identity(): Identity {
  if (ResourceLoader.exists(KEY_PATH) && ResourceLoader.exists(CERT_PATH)) {
    const key = load(KEY_PATH);
    const certificate = load(CERT_PATH);
    if (key !== null && certificate !== null) {
      print("[identity] loaded the server key and certificate from user://");
      return { key, certificate };
    }
  }
  const crypto = new Crypto();
  const fresh_key = crypto.generate_rsa(2048);
  const fresh_certificate = crypto.generate_self_signed_certificate(
    fresh_key,
    "CN=localhost,O=Quickdot Demo,C=IT",
  );
  ResourceSaver.save(fresh_key, KEY_PATH);
  ResourceSaver.save(fresh_certificate, CERT_PATH);
  print(
    "[identity] generated an RSA-2048 key and a self-signed certificate for CN=localhost (saved in user://)",
  );
  return { key: fresh_key, certificate: fresh_certificate };
}
