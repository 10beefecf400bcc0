// Values print as Godot's str() writes them, whichever way a script prints: str(), print()
// (the engine's text), and a value type's own toString() (template strings, String(value)).
// The expected texts are Godot 4.6.3's str() of the same values.
import { GutTest } from "gut";
import { Color, Float, FileAccess, Quaternion, TypedArray, Vector2, Vector3, bytes_to_var, str } from "godot";
import { bytes_of } from "./test_reference_vectors.js";

interface ReferenceVector {
  name: string;
  hex: string;
}

export default class TestPrinting extends GutTest {
  test_str_is_godots_text(): void {
    this.assert_eq(str(new Vector2(1.5, 2)), "(1.5, 2.0)");
    this.assert_eq(str(new Color(0.123456, 0.00001, 100, -0.5)), "(0.1235, 0.0, 100.0, -0.5)");
    this.assert_eq(
      str(new Quaternion(0.1, 2.5, -3, 100)),
      "(0.1, 2.5, -3, 100)",
      "a quaternion's whole parts are bare",
    );
    this.assert_eq(str(new Vector3(0.1, 1e20, -0)), "(0.1, 100000002004087734272.0, 0.0)");
    this.assert_eq(str({ a: 1, b: [1, new Float(2)] }), '{ "a": 1, "b": [1, 2.0] }');
    this.assert_eq(str("a", 1, null), "a1<null>", "arguments joined without a separator");
    this.assert_eq(
      str(new TypeError("bad")).split("\n")[0],
      "TypeError: bad",
      "an Error as its name and message",
    );
  }

  test_to_string_matches_str_for_every_value_type(): void {
    const text = FileAccess.get_file_as_string("res://../reference/godot-4.6-all-types.json");
    const vectors = (JSON.parse(text) as { vectors: ReferenceVector[] }).vectors;
    let compared = 0;
    for (const vector of vectors) {
      const value = bytes_to_var(bytes_of(vector.hex));
      // Plain JS values (numbers, arrays and TypedArrays, plain objects) keep JavaScript's own toString.
      if (
        value === null ||
        typeof value !== "object" ||
        value.constructor === Array ||
        value.constructor === Object
      )
        continue;
      if (value instanceof TypedArray) continue;
      if (value instanceof Map || ArrayBuffer.isView(value)) continue;
      this.assert_eq(String(value), str(value), `${vector.name}: toString() is str()`);
      compared++;
    }
    this.assert_gt(compared, 20, "the value types were compared");
  }
}
