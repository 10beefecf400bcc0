// The conversion layer as scripts meet it: the bugs the issue found (empty packed arrays, a crash
// passing an Int32Array through call(), 2^64 silently encoded as 0) and the typed boundaries.
import { GutTest } from "gut";
import {
  Node,
  bytes_to_var,
  var_to_bytes,
  var_to_str,
  str_to_var,
  EncodedObjectAsID,
  Vector2,
  Vector3,
  Color,
  StringName,
  NodePath,
  PackedStringArray,
  TypedArray,
  Float,
} from "godot";

class Receiver extends Node {
  received: unknown[] = [];
  m(value: unknown): number {
    this.received.push(value);
    return (value as ArrayLike<unknown>).length;
  }
}

export default class TestConversion extends GutTest {
  test_numeric_packed_arrays_keep_their_elements(): void {
    this.assert_eq([...(bytes_to_var(var_to_bytes(new Int32Array([1, 2]))) as Int32Array)], [1, 2]);
    this.assert_eq(
      [...(bytes_to_var(var_to_bytes(new BigInt64Array([1n, -(2n ** 63n)]))) as BigInt64Array)],
      [1n, -(2n ** 63n)],
    );
    this.assert_eq(
      [...(bytes_to_var(var_to_bytes(new Float32Array([0.5, -1.25]))) as Float32Array)],
      [0.5, -1.25],
    );
    this.assert_eq(
      [...(bytes_to_var(var_to_bytes(new Float64Array([0.1, 1e300]))) as Float64Array)],
      [0.1, 1e300],
    );
    this.assert_eq([...(str_to_var("PackedInt32Array(4, 5, 6)") as Int32Array)], [4, 5, 6]);
  }

  test_packed_arrays_pass_through_call_and_signals(): void {
    const node = new Receiver();
    this.assert_eq(node.call("m", new Int32Array([4, 5])), 2, "call() passes the Int32Array whole");
    this.assert_true(node.received[0] instanceof Int32Array);
    node.add_user_signal("got");
    let got: unknown = null;
    node.connect("got", (value: unknown) => {
      got = value;
    });
    node.emit_signal("got", new Float32Array([1.5, 2.5, 3.5]));
    this.assert_eq(
      [...(got as unknown as Float32Array)],
      [1.5, 2.5, 3.5],
      "a signal argument keeps its elements",
    );
    node.free();
  }

  test_integers_outside_int64_throw_a_range_error(): void {
    let message = "no error";
    try {
      var_to_bytes(2n ** 64n);
    } catch (error) {
      this.assert_true(error instanceof RangeError, "a RangeError");
      message = String(error);
    }
    this.assert_string_contains(message, "var_to_bytes");
    this.assert_string_contains(message, "18446744073709551616");
    this.assert_eq(bytes_to_var(var_to_bytes(2n ** 63n - 1n)), 2n ** 63n - 1n, "int64 max still encodes");
  }

  test_value_types_cross_as_themselves(): void {
    const values: unknown[] = [
      new Vector2(1.5, -2),
      new Vector3(1, 2, 3),
      Color.CORNFLOWER_BLUE,
      new StringName("jump"),
      new NodePath("a/b:c"),
      new PackedStringArray(["a", "b"]),
      new TypedArray<number>(2, "", [1, 2]),
      new Float(2),
    ];
    for (const value of values) {
      const back = bytes_to_var(var_to_bytes(value));
      this.assert_eq(
        Object.getPrototypeOf(back),
        Object.getPrototypeOf(value),
        `${var_to_str(value)} comes back as its class`,
      );
      this.assert_eq(var_to_str(back), var_to_str(value), `${var_to_str(value)} comes back equal`);
    }
    this.assert_eq(var_to_str(new StringName("jump")), '&"jump"');
    this.assert_eq(var_to_str([new Vector2(1, 2)]), "[Vector2(1, 2)]");
  }

  test_dictionary_keys_are_counted_as_godot_counts_them(): void {
    // Godot 4.6.3: 1 and 1.0 are two keys, every NaN is one key, "s" and &"s" are one key.
    const keys = new Map<unknown, string>([
      [1, "int"],
      [new Float(1), "float"],
      [NaN, "nan"],
      ["s", "string"],
      [new StringName("s"), "name"],
    ]);
    const back = bytes_to_var(var_to_bytes(keys)) as Map<unknown, string>;
    this.assert_eq(back.size, 4);
    this.assert_eq(back.get(NaN), "nan");
    this.assert_eq(back.get("s"), "name");
    // A message with two NaN keys (a quiet NaN, then a negative one) holds one entry, the last.
    const two_nans = new Uint8Array([
      27, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0xc0, 0x7f, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0xc0, 0xff, 2, 0,
      0, 0, 7, 0, 0, 0,
    ]);
    const decoded = bytes_to_var(two_nans) as Map<unknown, unknown>;
    this.assert_eq(decoded.size, 1);
    this.assert_eq(decoded.get(NaN), 7);
  }

  test_objects_sent_as_ids_say_so(): void {
    // An object header (24) with Godot's object-as-id flag (1 << 16), then its 64-bit id.
    const bytes = new Uint8Array([24, 0, 1, 0, 0x39, 0x30, 0, 0, 0, 0, 0, 0]);
    const value = bytes_to_var(bytes);
    this.assert_true(value instanceof EncodedObjectAsID, "an EncodedObjectAsID");
    this.assert_eq((value as EncodedObjectAsID).get_object_id(), 12345);
    this.assert_eq([...var_to_bytes(value)], [...bytes], "sent back as the same id");
  }

  test_wrong_value_types_are_refused_by_name(): void {
    let message = "no error";
    try {
      new Vector3(1, 2, 3).add("x" as unknown as Vector3);
    } catch (error) {
      this.assert_true(error instanceof TypeError, "a TypeError");
      message = String(error);
    }
    this.assert_string_contains(message, "Vector3.add");
    const broken = new Vector3(1, 2, 3);
    (broken as unknown as { x: unknown }).x = "one";
    message = "no error";
    try {
      var_to_bytes(broken);
    } catch (error) {
      this.assert_true(error instanceof TypeError, "a TypeError");
      message = String(error);
    }
    this.assert_string_contains(message, "var_to_bytes: a Vector3's field 'x' must be a number");
  }
}
