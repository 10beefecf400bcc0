// TextEncoder / TextDecoder (UTF-8, WHATWG): strings to the Uint8Arrays Godot's byte methods take
// and back, replacement of bad bytes, fatal mode, the BOM, and encodeInto's whole characters.
import { GutTest } from "gut";
import { HashingContext, Marshalls } from "godot";

export default class TestTextCodec extends GutTest {
  test_round_trip_through_godot_bytes(): void {
    const bytes = new TextEncoder().encode("héllo ✓ 😀");
    this.assert_eq(bytes.length, 15);
    this.assert_eq(
      Marshalls.raw_to_base64(bytes),
      Marshalls.utf8_to_base64("héllo ✓ 😀"),
      "the same bytes Godot's UTF-8 gives",
    );
    this.assert_eq(new TextDecoder().decode(bytes), "héllo ✓ 😀");
    const hashing = new HashingContext();
    hashing.start(HashingContext.HASH_SHA256);
    hashing.update(new TextEncoder().encode("abc"));
    this.assert_eq(Array.from(hashing.finish().slice(0, 4)), [0xba, 0x78, 0x16, 0xbf], 'SHA-256 of "abc"');
  }

  test_encoder(): void {
    const encoder = new TextEncoder();
    this.assert_eq(encoder.encoding, "utf-8");
    this.assert_eq(encoder.encode().length, 0);
    this.assert_eq(
      Array.from(encoder.encode("\ud800")),
      [0xef, 0xbf, 0xbd],
      "a lone surrogate becomes U+FFFD",
    );
    const destination = new Uint8Array(5);
    const result = encoder.encodeInto("a😀b", destination);
    this.assert_eq(result.read, 3, "'a' and the surrogate pair, in UTF-16 units");
    this.assert_eq(result.written, 5);
    this.assert_eq(encoder.encodeInto("😀", new Uint8Array(3)).written, 0, "never half a character");
  }

  test_decoder_replacement_fatal_and_bom(): void {
    const decoder = new TextDecoder();
    this.assert_eq(decoder.encoding, "utf-8");
    this.assert_false(decoder.fatal);
    this.assert_eq(decoder.decode(new Uint8Array([0x61, 0xff, 0x62])), "a\ufffdb");
    this.assert_eq(
      decoder.decode(new Uint8Array([0xe2, 0x82, 0x41])),
      "\ufffdA",
      "a cut sequence is one U+FFFD",
    );
    this.assert_eq(
      decoder.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])),
      "hi",
      "the BOM is dropped",
    );
    this.assert_eq(
      new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf])),
      "\ufeff",
    );
    this.assert_eq(decoder.decode(new Uint16Array([0x6968]).buffer), "hi", "an ArrayBuffer is read as bytes");
    this.assert_eq(decoder.decode(), "");
    let threw = false;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xc0, 0x80]));
    } catch (error) {
      threw = error instanceof TypeError;
    }
    this.assert_true(threw, "fatal: an overlong form throws a TypeError");
    let refused = false;
    try {
      new TextDecoder("latin1");
    } catch (error) {
      refused = error instanceof RangeError;
    }
    this.assert_true(refused, "only UTF-8 labels");
  }
}
