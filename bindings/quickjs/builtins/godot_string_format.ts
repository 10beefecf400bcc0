// Godot's value-to-text formatting (core/string/ustring.cpp, core/variant/variant.cpp): str() of
// any value, the `%` operator (String::sprintf: %s %c %d %o %x %X %f %v with the - + 0 width
// .precision * and u modifiers) and String.format's placeholders.
import { print_error } from "./checks.js";
import { Float } from "./float.js";
import { char_text, length, lpad, replace, replace_first, rpad } from "./godot_string.js";
import { c_escape } from "./godot_string_escape.js";
import { num, num_int64, pad_decimals } from "./godot_string_number.js";
import { NodePath } from "./node_path.js";
import {
  PackedColorArray,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
} from "./packed_arrays.js";
import { StringName } from "./string_name.js";
import { Vector2 } from "./vector2.js";
import { Vector2i } from "./vector2i.js";
import { Vector3 } from "./vector3.js";
import { Vector3i } from "./vector3i.js";
import { Vector4 } from "./vector4.js";
import { Vector4i } from "./vector4i.js";

// Godot's Variant::stringify gives up on containers nested deeper than this (or holding themselves).
const MAX_RECURSION = 100;

function is_packed_array(value: unknown): boolean {
  return (
    value instanceof PackedStringArray ||
    value instanceof PackedVector2Array ||
    value instanceof PackedVector3Array ||
    value instanceof PackedColorArray ||
    value instanceof PackedVector4Array
  );
}

/** A Godot Array: a JS array (or TypedArray) that is not one of the packed array classes. */
export function is_godot_array(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && !is_packed_array(value);
}

function is_dictionary(value: unknown): value is Map<unknown, unknown> | Record<string, unknown> {
  if (value instanceof Map) return true;
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function dictionary_entries(value: Map<unknown, unknown> | Record<string, unknown>): [unknown, unknown][] {
  return value instanceof Map ? [...value.entries()] : Object.entries(value);
}

// JS numbers don't say int or float: a safe whole number prints as an int, anything else (and a
// Float, Quickdot's whole-valued float) as Godot prints a float.
function number_text(value: number): string {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : num(value);
}

// Inside a container, strings are quoted so ["a, b"] can't read as two elements.
function element_text(value: unknown, depth: number): string {
  if (typeof value === "string") return `"${c_escape(value)}"`;
  if (value instanceof StringName) return `&"${c_escape(value.toString())}"`;
  if (value instanceof NodePath) return `^"${c_escape(value.toString())}"`;
  return stringify(value, depth);
}

function stringify(value: unknown, depth: number): string {
  if (value === null || value === undefined) return "<null>";
  if (typeof value === "string") return value;
  if (typeof value === "number") return number_text(value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Float) return num(value.value);
  if (typeof value === "function") return value.name || "<anonymous function>";
  if (is_godot_array(value)) {
    if (depth >= MAX_RECURSION) return "[...]";
    return "[" + value.map((element) => element_text(element, depth + 1)).join(", ") + "]";
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const elements = Array.from(value as unknown as ArrayLike<number | bigint>);
    const floats = value instanceof Float32Array || value instanceof Float64Array;
    return (
      "[" + elements.map((element) => (floats ? num(Number(element)) : String(element))).join(", ") + "]"
    );
  }
  if (is_dictionary(value)) {
    if (depth >= MAX_RECURSION) return "{ ... }";
    const pairs = dictionary_entries(value).map(
      ([key, item]) => element_text(key, depth + 1) + ": " + element_text(item, depth + 1),
    );
    return "{ " + pairs.join(", ") + " }";
  }
  return String(value);
}

/** Godot's String(Variant), as str() and "%s" write a value: [1, "a"], { "k": 2.5 }, (1, 2). */
export function variant_to_string(value: unknown): string {
  return stringify(value, 0);
}

// sprintf

function is_number(value: unknown): value is number | bigint | Float {
  return typeof value === "number" || typeof value === "bigint" || value instanceof Float;
}

function number_of(value: number | bigint | Float): number {
  return value instanceof Float ? value.value : Number(value);
}

// Variant's float-to-int conversion is C's cast; out of range, x86 gives INT64_MIN.
function int64_of(value: number | bigint | Float): bigint {
  if (typeof value === "bigint") return value;
  const number = number_of(value);
  return Number.isFinite(number) && Math.abs(number) < 2 ** 63 ? BigInt(Math.trunc(number)) : -(2n ** 63n);
}

function int32_of(value: number | bigint | Float): number {
  return Number(BigInt.asIntN(32, int64_of(value)));
}

// A Vector2/3/4(i)'s components; the float vectors' as the 32-bit floats Godot stores.
function vector_components(value: unknown): number[] | null {
  if (value instanceof Vector2) return [value.x, value.y].map(Math.fround);
  if (value instanceof Vector3) return [value.x, value.y, value.z].map(Math.fround);
  if (value instanceof Vector4) return [value.x, value.y, value.z, value.w].map(Math.fround);
  if (value instanceof Vector2i) return [value.x, value.y];
  if (value instanceof Vector3i) return [value.x, value.y, value.z];
  if (value instanceof Vector4i) return [value.x, value.y, value.z, value.w];
  return null;
}

interface Spec {
  min_chars: number;
  min_decimals: number;
  in_decimals: boolean;
  pad_with_zeros: boolean;
  left_justified: boolean;
  show_sign: boolean;
  as_unsigned: boolean;
}

// Pads a number's digits to the width, then puts its sign where Godot does: first when padding
// with zeros (even where nan or inf got spaces instead), else against the digits.
function sign_and_pad(
  digits: string,
  negative: boolean,
  show_sign: boolean,
  spec: Spec,
  pad: string,
): string {
  const signed = negative || show_sign;
  const width = signed ? spec.min_chars - 1 : spec.min_chars;
  const text = spec.left_justified ? rpad(digits, width, pad) : lpad(digits, width, pad);
  if (!signed) return text;
  const at = spec.left_justified || spec.pad_with_zeros ? 0 : text.length - digits.length;
  return text.slice(0, at) + (negative ? "-" : "+") + text.slice(at);
}

function format_integer(value: bigint, conversion: string, spec: Spec): string {
  const base = conversion === "d" ? 10 : conversion === "o" ? 8 : 16;
  let digits: string;
  if (!spec.as_unsigned) {
    digits = num_int64(value < 0n ? -value : value, base, conversion === "X");
  } else {
    // Unsigned hex of a negative int that fits 32 bits shows 32 bits, as Godot trims it.
    const unsigned =
      base === 16 && value < 0n && value >= -(2n ** 31n)
        ? BigInt.asUintN(32, value)
        : BigInt.asUintN(64, value);
    digits = num_int64(unsigned, base, conversion === "X");
  }
  return sign_and_pad(
    digits,
    value < 0n && !spec.as_unsigned,
    spec.show_sign,
    spec,
    spec.pad_with_zeros ? "0" : " ",
  );
}

// %f takes the sign bit (-0.0 shows "-") and the + flag; a %v component shows only a minus.
function format_real(value: number, spec: Spec, vector_component: boolean): string {
  const negative = vector_component ? value < 0 : value < 0 || Object.is(value, -0);
  const finite = Number.isFinite(value);
  let digits = num(Math.abs(value), spec.min_decimals);
  if (finite) digits = pad_decimals(digits, spec.min_decimals);
  // Never pads nan or inf with zeros.
  return sign_and_pad(
    digits,
    negative,
    !vector_component && spec.show_sign,
    spec,
    spec.pad_with_zeros && finite ? "0" : " ",
  );
}

function sprintf_error(message: string): never {
  throw new Error(`String formatting error: ${message}.`);
}

/**
 * Godot's `format % values` (String::sprintf). `values` are the arguments in order; the `%`
 * operator passes an Array's elements, or any other value alone. A bad format or argument list
 * throws an Error with Godot's message ("String formatting error: not enough arguments for format
 * string.").
 */
export function sprintf(format: string, values: readonly unknown[]): string {
  let result = "";
  let in_format = false;
  let index = 0;
  // As in Godot, 'u' lasts to the end of the format once given.
  const spec: Spec = {
    min_chars: 0,
    min_decimals: 0,
    in_decimals: false,
    pad_with_zeros: false,
    left_justified: false,
    show_sign: false,
    as_unsigned: false,
  };
  const next_value = (): unknown => {
    if (index >= values.length) sprintf_error("not enough arguments for format string");
    return values[index++];
  };
  for (const character of format) {
    if (!in_format) {
      if (character === "%") {
        in_format = true;
        Object.assign(spec, {
          min_chars: 0,
          min_decimals: 6,
          pad_with_zeros: false,
          left_justified: false,
          show_sign: false,
          in_decimals: false,
        });
      } else {
        result += character;
      }
      continue;
    }
    switch (character) {
      case "%":
        result += "%";
        in_format = false;
        break;
      case "d":
      case "o":
      case "x":
      case "X": {
        const value = next_value();
        if (!is_number(value)) sprintf_error("a number is required");
        result += format_integer(int64_of(value), character, spec);
        in_format = false;
        break;
      }
      case "f": {
        const value = next_value();
        if (!is_number(value)) sprintf_error("a number is required");
        result += format_real(number_of(value), spec, false);
        in_format = false;
        break;
      }
      case "v": {
        const components = vector_components(next_value());
        if (!components) sprintf_error("%v requires a vector type (Vector2/3/4/2i/3i/4i)");
        result += "(" + components.map((component) => format_real(component, spec, true)).join(", ") + ")";
        in_format = false;
        break;
      }
      case "s": {
        const text = variant_to_string(next_value());
        result += spec.left_justified ? rpad(text, spec.min_chars) : lpad(text, spec.min_chars);
        in_format = false;
        break;
      }
      case "c": {
        const value = next_value();
        let text: string;
        if (is_number(value)) {
          const code = int32_of(value);
          if (code < 0) sprintf_error("unsigned integer is lower than minimum");
          if (code >= 0xd800 && code <= 0xdfff)
            sprintf_error("unsigned integer is invalid Unicode character");
          if (code > 0x10ffff) sprintf_error("unsigned integer is greater than maximum");
          text = char_text(code);
        } else if (typeof value === "string" && length(value) === 1) {
          text = value;
        } else {
          sprintf_error("%c requires number or single-character string");
        }
        result += spec.left_justified ? rpad(text, spec.min_chars) : lpad(text, spec.min_chars);
        in_format = false;
        break;
      }
      case "-":
        spec.left_justified = true;
        break;
      case "+":
        spec.show_sign = true;
        break;
      case "u":
        spec.as_unsigned = true;
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9": {
        const digit = character.charCodeAt(0) - 0x30;
        if (spec.in_decimals) {
          spec.min_decimals = spec.min_decimals * 10 + digit;
        } else if (digit === 0 && spec.min_chars === 0) {
          if (spec.left_justified) print_error("'0' flag ignored with '-' flag in string format");
          else spec.pad_with_zeros = true;
        } else {
          spec.min_chars = spec.min_chars * 10 + digit;
        }
        break;
      }
      case ".":
        if (spec.in_decimals) sprintf_error("too many decimal points in format");
        spec.in_decimals = true;
        spec.min_decimals = 0;
        break;
      case "*": {
        const value = next_value();
        if (!is_number(value) && !vector_components(value)) sprintf_error("* wants number or vector");
        // A vector converts to int as 0.
        const size = is_number(value) ? int32_of(value) : 0;
        if (spec.in_decimals) spec.min_decimals = size;
        else spec.min_chars = size;
        break;
      }
      default:
        sprintf_error("unsupported format character");
    }
  }
  if (in_format) sprintf_error("incomplete format");
  if (index !== values.length) sprintf_error("not all arguments converted during string formatting");
  return result;
}

/** The `%` operator's arguments: an Array's elements, or the one value. */
export function format_arguments(values: unknown): readonly unknown[] {
  return is_godot_array(values) ? values : [values];
}

// String.format

/**
 * Godot's String.format: each value replaces its placeholder, `placeholder` with "_" standing for
 * the key. `values` is an Array (keys are indices; [key, value] pairs name their key; without "_"
 * in the placeholder, each value takes the next placeholder) or a Dictionary (a plain object or a
 * Map). Replacement goes value by value, so a value's text can be replaced again by later ones.
 */
export function format(text: string, values: unknown, placeholder = "{_}"): string {
  let result = text;
  if (is_godot_array(values)) {
    values.forEach((value, index) => {
      if (is_godot_array(value)) {
        if (value.length === 2)
          result = replace(
            result,
            replace(placeholder, "_", variant_to_string(value[0])),
            variant_to_string(value[1]),
          );
        else
          print_error(
            `Invalid format: the inner Array at index ${index} needs to contain only 2 elements, as a key-value pair.`,
          );
      } else if (placeholder.includes("_")) {
        result = replace(result, replace(placeholder, "_", String(index)), variant_to_string(value));
      } else {
        result = replace_first(result, placeholder, variant_to_string(value));
      }
    });
  } else if (is_dictionary(values)) {
    for (const [key, value] of dictionary_entries(values)) {
      result = replace(result, replace(placeholder, "_", variant_to_string(key)), variant_to_string(value));
    }
  } else {
    print_error("Invalid type: use Array, Dictionary or Object.");
  }
  return result;
}
