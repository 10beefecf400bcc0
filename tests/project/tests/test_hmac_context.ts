// HMACContext, ported from Godot's class reference example: an HMAC-SHA256 streamed in two
// pieces, checked against the openssl CLI and RFC 4231, and Godot's error codes for misuse.
import { GutTest } from "gut";
import { HMACContext, HashingContext, Crypto, Error as GodotError } from "godot";

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export default class TestHmacContext extends GutTest {
  test_class_reference_example_streams_the_message(): void {
    const ctx = new HMACContext();
    const key = ascii("supersecret");
    this.assert_eq(ctx.start(HashingContext.HASH_SHA256, key), GodotError.OK);
    this.assert_eq(ctx.update(ascii("this is ")), GodotError.OK);
    this.assert_eq(ctx.update(ascii("super duper secret")), GodotError.OK);
    const hmac = ctx.finish();
    // echo -n "this is super duper secret" | openssl dgst -sha256 -mac HMAC -macopt key:supersecret
    this.assert_eq(hex(hmac), "607921c96a70107bf161569e8cb384c4ce73c77c7e2c00866388027a9e7d78ad");
    this.assert_eq(
      hex(hmac),
      hex(new Crypto().hmac_digest(HashingContext.HASH_SHA256, key, ascii("this is super duper secret"))),
      "the same as Crypto.hmac_digest over the whole message",
    );
  }

  test_rfc_4231_test_case_2(): void {
    const ctx = new HMACContext();
    this.assert_eq(ctx.start(HashingContext.HASH_SHA256, ascii("Jefe")), GodotError.OK);
    this.assert_eq(ctx.update(ascii("what do ya want for nothing?")), GodotError.OK);
    this.assert_eq(hex(ctx.finish()), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  test_sha1_and_restart_after_finish(): void {
    const ctx = new HMACContext();
    this.assert_eq(ctx.start(HashingContext.HASH_SHA1, ascii("key")), GodotError.OK);
    ctx.update(ascii("The quick brown fox jumps over the lazy dog"));
    this.assert_eq(hex(ctx.finish()), "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    this.assert_eq(
      ctx.start(HashingContext.HASH_SHA256, ascii("key")),
      GodotError.OK,
      "finish() makes it startable again",
    );
    ctx.update(ascii("The quick brown fox jumps over the lazy dog"));
    this.assert_eq(hex(ctx.finish()), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  test_misuse_returns_godot_error_codes(): void {
    const ctx = new HMACContext();
    this.assert_eq(ctx.update(ascii("data")), GodotError.ERR_INVALID_DATA, "update before start");
    this.assert_eq(ctx.finish().length, 0, "finish before start");
    this.assert_eq(
      ctx.start(HashingContext.HASH_SHA256, new Uint8Array()),
      GodotError.ERR_INVALID_PARAMETER,
      "empty key",
    );
    this.assert_eq(
      ctx.start(HashingContext.HASH_MD5, ascii("key")),
      GodotError.ERR_INVALID_PARAMETER,
      "MD5 is not an HMAC hash in Godot",
    );
    this.assert_eq(ctx.start(HashingContext.HASH_SHA256, ascii("key")), GodotError.OK);
    this.assert_eq(
      ctx.start(HashingContext.HASH_SHA256, ascii("key")),
      GodotError.ERR_FILE_ALREADY_IN_USE,
      "started twice",
    );
    this.assert_eq(ctx.update(new Uint8Array()), GodotError.ERR_INVALID_PARAMETER, "empty data");
    this.assert_eq(ctx.finish().length, 32);
  }
}
