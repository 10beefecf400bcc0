// AESContext, ported from Godot's class reference example (ECB and CBC round trips), checked
// against the openssl CLI and NIST SP 800-38A, with the CBC IV state and Godot's size checks.
import { GutTest } from "gut";
import { AESContext, Error as GodotError } from "godot";

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function from_hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

// NIST SP 800-38A, appendix F: the first two plaintext blocks and the keys and IV.
const NIST_PLAINTEXT = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51";
const NIST_KEY_128 = "2b7e151628aed2a6abf7158809cf4f3c";
const NIST_KEY_256 = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
const NIST_IV = "000102030405060708090a0b0c0d0e0f";

export default class TestAesContext extends GutTest {
  private aes = new AESContext();

  after_each(): void {
    this.aes.finish();
  }

  test_class_reference_example_round_trips(): void {
    const key = "My secret key!!!"; // Key must be either 16 or 32 bytes.
    const data = "My secret text!!"; // Data size must be multiple of 16 bytes.
    this.assert_eq(this.aes.start(AESContext.MODE_ECB_ENCRYPT, ascii(key)), GodotError.OK);
    let encrypted = this.aes.update(ascii(data));
    this.aes.finish();
    // echo -n "My secret text!!" | openssl enc -aes-128-ecb -K <key in hex> -nopad
    this.assert_eq(hex(encrypted), "67517eea1200ce4c1c149e8ad0147535");
    this.aes.start(AESContext.MODE_ECB_DECRYPT, ascii(key));
    let decrypted = this.aes.update(encrypted);
    this.aes.finish();
    this.assert_eq(hex(decrypted), hex(ascii(data)));

    const iv = "My secret iv!!!!"; // IV must be of exactly 16 bytes.
    this.assert_eq(this.aes.start(AESContext.MODE_CBC_ENCRYPT, ascii(key), ascii(iv)), GodotError.OK);
    encrypted = this.aes.update(ascii(data));
    this.aes.finish();
    this.assert_eq(hex(encrypted), "0545db92a7b0b8631df64fbfea062e27");
    this.aes.start(AESContext.MODE_CBC_DECRYPT, ascii(key), ascii(iv));
    decrypted = this.aes.update(encrypted);
    this.aes.finish();
    this.assert_eq(hex(decrypted), hex(ascii(data)));
  }

  test_nist_ecb_vectors(): void {
    this.aes.start(AESContext.MODE_ECB_ENCRYPT, from_hex(NIST_KEY_128));
    this.assert_eq(
      hex(this.aes.update(from_hex(NIST_PLAINTEXT))),
      "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf",
      "F.1.1 ECB-AES128",
    );
    this.aes.finish();
    this.aes.start(AESContext.MODE_ECB_ENCRYPT, from_hex(NIST_KEY_256));
    this.assert_eq(
      hex(this.aes.update(from_hex(NIST_PLAINTEXT.slice(0, 32)))),
      "f3eed1bdb5d2a03c064b5a7e3db181f8",
      "F.1.5 ECB-AES256",
    );
  }

  test_nist_cbc_vectors_chain_across_updates(): void {
    this.aes.start(AESContext.MODE_CBC_ENCRYPT, from_hex(NIST_KEY_128), from_hex(NIST_IV));
    this.assert_eq(hex(this.aes.get_iv_state()), NIST_IV);
    // One block per update: the second block chains from the first (F.2.1 CBC-AES128).
    this.assert_eq(
      hex(this.aes.update(from_hex(NIST_PLAINTEXT.slice(0, 32)))),
      "7649abac8119b246cee98e9b12e9197d",
    );
    this.assert_eq(
      hex(this.aes.get_iv_state()),
      "7649abac8119b246cee98e9b12e9197d",
      "the IV state is the last ciphertext block",
    );
    this.assert_eq(
      hex(this.aes.update(from_hex(NIST_PLAINTEXT.slice(32)))),
      "5086cb9b507219ee95db113a917678b2",
    );
    this.aes.finish();

    this.aes.start(AESContext.MODE_CBC_DECRYPT, from_hex(NIST_KEY_256), from_hex(NIST_IV));
    const decrypted = this.aes.update(
      from_hex("f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"),
    );
    this.assert_eq(hex(decrypted), NIST_PLAINTEXT, "F.2.6 CBC-AES256 decrypt");
    this.assert_eq(hex(this.aes.get_iv_state()), "9cfc4e967edb808d679f777bc6702c7d");
  }

  test_misuse_follows_godot(): void {
    const key = ascii("0123456789abcdef");
    this.assert_eq(this.aes.update(new Uint8Array(16)).length, 0, "update before start");
    this.assert_eq(
      this.aes.start(AESContext.MODE_ECB_ENCRYPT, ascii("short")),
      GodotError.ERR_INVALID_PARAMETER,
      "5-byte key",
    );
    this.assert_eq(
      this.aes.start(AESContext.MODE_ECB_ENCRYPT, new Uint8Array(24)),
      GodotError.ERR_INVALID_PARAMETER,
      "AES-192 is not offered",
    );
    this.assert_eq(
      this.aes.start(AESContext.MODE_CBC_ENCRYPT, key),
      GodotError.ERR_INVALID_PARAMETER,
      "CBC without an IV",
    );
    this.assert_eq(
      this.aes.start(AESContext.MODE_MAX, key),
      GodotError.ERR_INVALID_PARAMETER,
      "MODE_MAX is not a mode",
    );
    this.assert_eq(this.aes.start(AESContext.MODE_ECB_ENCRYPT, key), GodotError.OK);
    this.assert_eq(
      this.aes.start(AESContext.MODE_ECB_ENCRYPT, key),
      GodotError.ERR_ALREADY_IN_USE,
      "started twice",
    );
    this.assert_eq(this.aes.update(new Uint8Array(15)).length, 0, "not a whole block");
    this.assert_eq(this.aes.get_iv_state().length, 0, "ECB has no IV state");
    this.assert_eq(this.aes.update(new Uint8Array(32)).length, 32, "still usable after a refused update");
  }
}
