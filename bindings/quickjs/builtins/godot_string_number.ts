// Numbers in Godot's Strings (core/string/ustring.cpp, core/math/color.cpp): String::num's
// printf-based formatting, the parsers behind to_int, to_float, hex_to_int and bin_to_int (each
// with Godot's own leniency), the is_valid_* checks and decimal padding. An int beyond 2^53 comes
// back as a bigint, as the engine hands such values to scripts; the declared type stays `number`,
// as in Godot's typings.
import { print_error } from "./checks.js";
import { length, slice_points } from "./godot_string.js";

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const MAX_DECIMALS = 32;

function is_digit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function is_hex_digit(code: number): boolean {
  return is_digit(code) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

/** An int64 result as scripts receive it: a number while exact, a bigint beyond 2^53. */
export function int_result(value: bigint): number {
  const exact = value >= -BigInt(Number.MAX_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
  return (exact ? Number(value) : value) as number;
}

// Formatting

const float_bits = new DataView(new ArrayBuffer(8));

/**
 * printf's "%.Nf": the exact binary value rounded half to even at `decimals` places (JS's toFixed
 * rounds ties away from zero and gives up on large numbers).
 */
export function fixed_decimals(value: number, decimals: number): string {
  float_bits.setFloat64(0, value);
  const high = float_bits.getUint32(0);
  const biased_exponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(float_bits.getUint32(4));
  let exponent = -1074;
  if (biased_exponent !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased_exponent - 1075;
  }
  const scaled = mantissa * 10n ** BigInt(decimals);
  let digits: bigint;
  if (exponent >= 0) {
    digits = scaled << BigInt(exponent);
  } else {
    const shift = BigInt(-exponent);
    digits = scaled >> shift;
    const remainder = scaled - (digits << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (digits & 1n) === 1n)) digits += 1n;
  }
  let text = digits.toString();
  if (decimals > 0) {
    text = text.padStart(decimals + 1, "0");
    text = text.slice(0, -decimals) + "." + text.slice(-decimals);
  }
  return (high >>> 31 === 1 ? "-" : "") + text;
}

/**
 * Godot's String::num: `decimals` places (by default 14 significant ones, fewer integer digits
 * leaving fewer decimals), trailing zeros dropped but one kept after the point: num(3) is "3.0".
 */
export function num(value: number, decimals = -1): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value < 0 ? "-inf" : "inf";
  if (decimals < 0) {
    decimals = 14;
    const magnitude = Math.abs(value);
    if (magnitude > 10) decimals -= Math.floor(Math.log10(magnitude));
  }
  decimals = Math.min(decimals, MAX_DECIMALS);
  // A negative count left by a huge number reaches printf as "%lf": six places.
  let text = fixed_decimals(value, decimals < 0 ? 6 : decimals);
  if (text.includes(".")) text = text.replace(/\.?0+$/, (zeros) => (zeros.startsWith(".") ? ".0" : ""));
  return text;
}

export function num_int64(value: bigint, base = 10, capitalize_hex = false): string {
  const text = value.toString(base);
  return capitalize_hex ? text.toUpperCase() : text;
}

// Parsing

/** Godot's to_int: every digit before the first '.' counts, a '-' before any digit flips the sign. */
export function to_int(text: string): number {
  const end = text.indexOf(".");
  const digits_end = end >= 0 ? end : text.length;
  let value = 0n;
  let digits = 0;
  let positive = true;
  for (let i = 0; i < digits_end; i++) {
    const code = text.charCodeAt(i);
    if (is_digit(code)) {
      const digit = BigInt(code - 0x30);
      if (
        digits > 18 &&
        (value > INT64_MAX / 10n || (value === INT64_MAX / 10n && digit > (positive ? 7n : 8n)))
      ) {
        print_error(
          `Cannot represent ${text} as a 64-bit signed integer, since the value is ${positive ? "too large." : "too small."}`,
        );
        return int_result(positive ? INT64_MAX : INT64_MIN);
      }
      value = value * 10n + digit;
      digits++;
    } else if (value === 0n && code === 0x2d) {
      positive = !positive;
    }
  }
  return int_result(positive ? value : -value);
}

// hex_to_int and bin_to_int: an optional '-', an optional 0x / 0b, then digits only.
function prefixed_to_int(text: string, radix: 16 | 2, prefix: string): number {
  if (text.length === 0) return 0;
  const negative = text[0] === "-";
  let at = negative ? 1 : 0;
  if (text.length > 2 && text[at] === "0" && text[at + 1]?.toLowerCase() === prefix) at += 2;
  const limit = INT64_MAX / BigInt(radix);
  const lowest = (INT64_MAX >> (radix === 16 ? 4n : 1n)) + 1n;
  let value = 0n;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const valid = radix === 16 ? is_hex_digit(code) : code === 0x30 || code === 0x31;
    if (!valid) {
      if (radix === 16)
        print_error(`Invalid hexadecimal notation character "${text[at]}" in string "${text}".`);
      return 0;
    }
    const digit = BigInt(parseInt(text[at], radix));
    const overflow =
      (value > limit && (!negative || value !== lowest)) || (negative && value === lowest && digit > 0n);
    if (overflow) {
      print_error(
        `Cannot represent ${text} as a 64-bit signed integer, since the value is ${negative ? "too small." : "too large."}`,
      );
      return int_result(negative ? INT64_MIN : INT64_MAX);
    }
    value = value * BigInt(radix) + digit;
  }
  return int_result(negative ? -value : value);
}

export function hex_to_int(text: string): number {
  return prefixed_to_int(text, 16, "x");
}

export function bin_to_int(text: string): number {
  return prefixed_to_int(text, 2, "b");
}

const POWERS_OF_TEN = [10, 100, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];

/**
 * Godot's built_in_strtod: blanks, a sign, at most 18 significant digits with one '.', an
 * exponent; parsing stops at the first other character. Computed in the same double operations,
 * so results match to the bit, quirks included ("1.5e" reads 15: a bare 'e' skips the scaling).
 */
export function to_float(text: string): number {
  let p = 0;
  while (text[p] === " " || text[p] === "\t" || text[p] === "\n") p++;
  const negative = text[p] === "-";
  if (negative || text[p] === "+") p++;
  let mantissa_size = 0;
  let point = -1;
  for (; ; mantissa_size++) {
    const code = text.charCodeAt(p + mantissa_size);
    if (!is_digit(code)) {
      if (code !== 0x2e || point >= 0) break;
      point = mantissa_size;
    }
  }
  const exponent_at = p + mantissa_size;
  if (point < 0) point = mantissa_size;
  else mantissa_size--;
  const fraction_exponent = point - Math.min(mantissa_size, 18);
  mantissa_size = Math.min(mantissa_size, 18);
  if (mantissa_size === 0) return negative ? -0 : 0;
  let high = 0;
  let low = 0;
  for (; mantissa_size > 0; mantissa_size--) {
    if (text[p] === ".") p++;
    const digit = text.charCodeAt(p++) - 0x30;
    if (mantissa_size > 9) high = 10 * high + digit;
    else low = 10 * low + digit;
  }
  let fraction = 1e9 * high + low;
  p = exponent_at;
  let exponent = 0;
  let exponent_negative = false;
  if (text[p] === "e" || text[p] === "E") {
    p++;
    exponent_negative = text[p] === "-";
    if (exponent_negative || text[p] === "+") p++;
    if (!is_digit(text.charCodeAt(p))) return negative ? -fraction : fraction;
    while (is_digit(text.charCodeAt(p))) exponent = exponent * 10 + (text.charCodeAt(p++) - 0x30);
  }
  exponent = exponent_negative ? fraction_exponent - exponent : fraction_exponent + exponent;
  const divide = exponent < 0;
  exponent = Math.abs(exponent);
  if (exponent > 511) {
    print_error("Exponent too high");
    exponent = 511;
  }
  let scale = 1;
  for (let bit = 0; exponent !== 0; exponent >>= 1, bit++) if (exponent & 1) scale *= POWERS_OF_TEN[bit];
  fraction = divide ? fraction / scale : fraction * scale;
  return negative ? -fraction : fraction;
}

export function split_floats(text: string, delimiter: string, allow_empty = true): Float64Array {
  const values: number[] = [];
  let from = 0;
  for (;;) {
    let end = delimiter.length === 0 ? -1 : text.indexOf(delimiter, from);
    if (end < 0) end = text.length;
    if (allow_empty || end > from) values.push(to_float(text.slice(from, end)));
    if (end === text.length) break;
    from = end + delimiter.length;
  }
  return new Float64Array(values);
}

// Checks

export function is_valid_int(text: string): boolean {
  if (text.length === 0) return false;
  const from = text.length !== 1 && (text[0] === "+" || text[0] === "-") ? 1 : 0;
  for (let i = from; i < text.length; i++) if (!is_digit(text.charCodeAt(i))) return false;
  return true;
}

export function is_valid_hex_number(text: string, with_prefix = false): boolean {
  if (text.length === 0) return false;
  let from = text.length !== 1 && (text[0] === "+" || text[0] === "-") ? 1 : 0;
  if (with_prefix) {
    if (text.length < 3 || text[from] !== "0" || text[from + 1] !== "x") return false;
    from += 2;
  }
  if (from === text.length) return false;
  for (let i = from; i < text.length; i++) if (!is_hex_digit(text.charCodeAt(i))) return false;
  return true;
}

export function is_valid_float(text: string): boolean {
  if (text.length === 0) return false;
  let exponent = false;
  let point = false;
  let exponent_sign = false;
  let exponent_digits = false;
  let digits = false;
  for (let i = text[0] === "+" || text[0] === "-" ? 1 : 0; i < text.length; i++) {
    const character = text[i];
    if (is_digit(text.charCodeAt(i))) {
      if (exponent) exponent_digits = true;
      else digits = true;
    } else if (digits && !exponent && (character === "e" || character === "E")) {
      exponent = true;
    } else if (!point && !exponent && character === ".") {
      point = true;
    } else if ((character === "-" || character === "+") && exponent && !exponent_digits && !exponent_sign) {
      exponent_sign = true;
    } else {
      return false;
    }
  }
  return digits;
}

export function is_valid_ip_address(text: string): boolean {
  if (text.includes(":")) {
    return text.split(":").every((part) => {
      if (part.length === 0) return true;
      if (is_valid_hex_number(part)) {
        const value = hex_to_int(part);
        return value >= 0 && value <= 0xffff;
      }
      return is_valid_ip_address(part);
    });
  }
  const parts = text.split(".");
  return (
    parts.length === 4 &&
    parts.every((part) => is_valid_int(part) && to_int(part) >= 0 && to_int(part) <= 255)
  );
}

/** Color::html_is_valid: 3, 4, 6 or 8 hexadecimal digits after an optional '#'. */
export function is_valid_html_color(text: string): boolean {
  const digits = text.startsWith("#") ? text.slice(1) : text;
  if (![3, 4, 6, 8].includes(digits.length)) return false;
  for (let i = 0; i < digits.length; i++) if (!is_hex_digit(digits.charCodeAt(i))) return false;
  return true;
}

// Padding

export function pad_decimals(text: string, digits: number): string {
  let point = text.indexOf(".");
  if (point < 0) {
    if (digits <= 0) return text;
    text += ".";
    point = text.length - 1;
  } else if (digits <= 0) {
    return text.slice(0, point);
  }
  const point_index = length(text.slice(0, point));
  const decimals = length(text) - point_index - 1;
  if (decimals > digits) return slice_points(text, 0, point_index + digits + 1);
  return text + "0".repeat(digits - decimals);
}

export function pad_zeros(text: string, digits: number): string {
  let end = text.indexOf(".");
  if (end < 0) end = text.length;
  if (end === 0) return text;
  let begin = 0;
  while (begin < end && !is_digit(text.charCodeAt(begin))) begin++;
  const zeros = digits - length(text.slice(begin, end));
  return zeros <= 0 ? text : text.slice(0, begin) + "0".repeat(zeros) + text.slice(begin);
}
