// Godot's float where JavaScript cannot tell it from an int: a whole number such as 3.0, which the
// value converter would send as an int. A whole-valued float Variant arrives as a Float and a Float
// goes back as a float; arithmetic sees its number (`f + 1` is 4). Floats with a fraction, and
// floats where a float is declared, are plain numbers.
import { bad_argument } from "./checks.js";
import { float_text } from "./format.js";

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
