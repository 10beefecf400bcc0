// Marshalls: base64 for bytes, UTF-8 text and Variants (Godot's binary encoding, so the text
// matches what a Godot game makes), and what bad base64 gives back.
import { GutTest } from "gut";
import { Marshalls, Vector3, var_to_bytes } from "godot";

export default class TestMarshalls extends GutTest {
  test_raw_round_trip(): void {
    const raw = new Uint8Array([0, 1, 2, 250, 255]);
    const text = Marshalls.raw_to_base64(raw);
    this.assert_eq(text, "AAEC+v8=");
    this.assert_eq(Array.from(Marshalls.base64_to_raw(text)), [0, 1, 2, 250, 255]);
    this.assert_eq(Marshalls.raw_to_base64(new Uint8Array()), "");
  }

  test_utf8_round_trip(): void {
    this.assert_eq(Marshalls.utf8_to_base64("Hello, Godot!"), "SGVsbG8sIEdvZG90IQ==");
    this.assert_eq(Marshalls.utf8_to_base64("héllo ✓"), "aMOpbGxvIOKckw==");
    this.assert_eq(Marshalls.base64_to_utf8("aMOpbGxvIOKckw=="), "héllo ✓");
  }

  test_variant_round_trip_uses_godot_binary_encoding(): void {
    this.assert_eq(
      Marshalls.variant_to_base64(42),
      "AgAAACoAAAA=",
      "an int: type 2, then the value, little-endian",
    );
    const state = { name: "player", position: new Vector3(1, 2, 3), hp: 97 };
    const text = Marshalls.variant_to_base64(state);
    this.assert_eq(Array.from(Marshalls.base64_to_raw(text)), Array.from(var_to_bytes(state)));
    const back = Marshalls.base64_to_variant(text) as typeof state;
    this.assert_eq(back.name, "player");
    this.assert_true(back.position.equals(new Vector3(1, 2, 3)));
    this.assert_eq(back.hp, 97);
  }

  test_bad_base64_gives_empty_values(): void {
    this.assert_eq(Marshalls.base64_to_raw("not base64!").length, 0);
    this.assert_eq(Marshalls.base64_to_utf8("A"), "", "a lone character carries no byte");
    this.assert_null(Marshalls.base64_to_variant("AAEC+v8="), "bytes that are no Variant");
    this.assert_eq(Marshalls.base64_to_utf8("SGVs\nbG8="), "Hello", "line breaks are skipped");
  }
}
