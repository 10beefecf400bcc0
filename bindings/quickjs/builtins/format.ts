// How values print (toString, as Godot 4.6's str() and the engine's Variant::stringify write
// them): Godot's String::num and String::num_real, with printf's rounding, so that a vector's
// toString() and print(vector) give the same text as in a Godot game: "(1.5, 2.0)".

const MAX_DECIMALS = 32;
const REAL_DIGITS = 6; // The math types hold 32-bit floats.
const DOUBLE_DIGITS = 14;

/**
 * Godot's String::num: `decimals` fixed-point decimals (a negative count: 14 less the order of
 * magnitude past 10), then trailing zeros dropped down to one: "2.5", "3.0", "0.0".
 */
export function num(value: number, decimals: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value < 0 ? "-inf" : "inf";
  if (decimals < 0) {
    decimals = 14;
    if (Math.abs(value) > 10) decimals -= Math.floor(Math.log10(Math.abs(value)));
  }
  // Still negative: C's "%lf", six decimals.
  const text = printf_fixed(value, decimals < 0 ? 6 : Math.min(decimals, MAX_DECIMALS));
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "");
  return trimmed.endsWith(".") ? trimmed + "0" : trimmed;
}

/**
 * Godot's String::num_real: a whole number as an integer (with ".0" when `trailing`), any other
 * with `digits` decimals, fewer as the magnitude grows past 10.
 */
export function num_real(value: number, trailing: boolean, digits: number): string {
  if (Number.isInteger(value) && value >= -9223372036854775808 && value < 9223372036854775808) {
    return BigInt(value).toString() + (trailing ? ".0" : ""); // -0 prints as 0, as in Godot.
  }
  let decimals = digits;
  if (Number.isFinite(value) && Math.abs(value) > 10) decimals -= Math.floor(Math.log10(Math.abs(value)));
  return num(value, decimals);
}

/** A component of a math type (a 32-bit float), as Godot prints it. */
export function real_text(value: number, trailing = true): string {
  return num_real(Math.fround(value), trailing, REAL_DIGITS);
}

/** A float Variant (a double), as str() prints it: "3.0", "0.1". */
export function float_text(value: number): string {
  return num_real(value, true, DOUBLE_DIGITS);
}

export function int_text(value: number): string {
  return String(value);
}

export function join_reals(values: readonly number[], trailing = true): string {
  return "(" + values.map((value) => real_text(value, trailing)).join(", ") + ")";
}

export function join_ints(values: readonly number[]): string {
  return "(" + values.map(int_text).join(", ") + ")";
}

// printf's "%.*f": the exact binary value rounded to `digits` decimals, exact ties to even.
// (toFixed rounds ties away from zero, drops the sign of -0 and switches to exponents from 1e21.)
function printf_fixed(value: number, digits: number): string {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  const magnitude = Math.abs(value);
  // toFixed(100) is exact for every double this large; smaller ones round to 0 at 32 decimals anyway.
  const exact =
    magnitude >= 1e21 ? BigInt(magnitude).toString() + "." + "0".repeat(100) : magnitude.toFixed(100);
  const point = exact.indexOf(".");
  let kept = exact.slice(0, point) + exact.slice(point + 1, point + 1 + digits);
  const rest = exact.slice(point + 1 + digits);
  const odd = Number(kept[kept.length - 1]) % 2 === 1;
  if (rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || odd))) {
    kept = (BigInt(kept) + 1n).toString().padStart(kept.length, "0");
  }
  const whole = kept.slice(0, kept.length - digits);
  return sign + (digits === 0 ? whole : whole + "." + kept.slice(kept.length - digits));
}
