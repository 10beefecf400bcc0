// Godot's float where JavaScript cannot tell it from an int: a whole number such as 3.0, which the
// value converter would send as an int. A whole-valued float Variant arrives as a Float and a Float
// goes back as a float; arithmetic sees its number (`f + 1` is 4). Floats with a fraction, and
// floats where a float is declared, are plain numbers.
import { bad_argument } from "./checks.js";

const MAX_DECIMALS = 32;

// Godot's String::num_real(double, trailing = true), as str() writes a float: a whole number with
// ".0", else at most 14 significant decimals (fewer past 10), trailing zeros trimmed.
function float_text(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Number.isInteger(value)) return BigInt(value).toString() + ".0";
  const magnitude = Math.abs(value);
  let decimals = 14;
  if (magnitude > 10) decimals -= Math.floor(Math.log10(magnitude));
  // A negative count is C's "%lf": six decimals.
  decimals = decimals < 0 ? 6 : Math.min(decimals, MAX_DECIMALS);
  const text = value.toFixed(decimals);
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "");
  return trimmed.endsWith(".") ? trimmed + "0" : trimmed;
}

function number_of(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value instanceof Float) return value.value;
  return null;
}

export class Float {
  readonly value: number;

  constructor(value: number | Float) {
    const number = number_of(value);
    if (number === null) bad_argument("Float()", 0, "value", "float", value);
    this.value = number;
  }

  valueOf(): number {
    return this.value;
  }

  /** As Godot's str(): "3.0". */
  toString(): string {
    return float_text(this.value);
  }

  /** Equal to a Float or a number of the same value. */
  equals(right: unknown): boolean {
    return number_of(right) === this.value;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }
}
