// Godot's String comparisons (core/string/ustring.cpp): case-sensitive and case-insensitive order,
// natural order (digit runs compared as numbers), file order (leading '_' first), wildcard
// matching, subsequences and the Sørensen–Dice similarity. All compare code points, as Godot's
// UTF-32 strings do, so characters beyond U+FFFF sort after U+FFFF rather than among the
// surrogates as JS's `<` would put them.
import { char_lower, char_upper, code_points } from "./godot_string.js";

type Points = readonly number[];

// A code point, or 0 past the end: Godot walks NUL-terminated buffers.
function at(points: Points, index: number): number {
  return index < points.length ? points[index] : 0;
}

function is_digit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function compare_points(a: Points, b: Points, fold: (code: number) => number): number {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return -1;
  if (b.length === 0) return 1;
  for (let i = 0; ; i++) {
    const left = at(a, i);
    const right = at(b, i);
    if (left === 0 && right === 0) return 0;
    if (left === 0) return -1;
    if (right === 0) return 1;
    const l = fold(left);
    const r = fold(right);
    if (l < r) return -1;
    if (l > r) return 1;
  }
}

const same = (code: number): number => code;

export function casecmp_to(text: string, to: string): number {
  return compare_points(code_points(text), code_points(to), same);
}

export function nocasecmp_to(text: string, to: string): number {
  return compare_points(code_points(text), code_points(to), char_upper);
}

// A position in a text's code points.
class NaturalCursor {
  constructor(
    readonly points: Points,
    public index: number,
  ) {}
  get code(): number {
    return at(this.points, this.index);
  }
}

// Compares the digit runs at both cursors by value (leading zeros ignored), then moves both cursors
// past their runs.
function compare_digit_runs(a: NaturalCursor, b: NaturalCursor): number {
  let a_start = a.index;
  let b_start = b.index;
  while (is_digit(a.code)) a.index++;
  while (is_digit(b.code)) b.index++;
  while (at(a.points, a_start) === 0x30) a_start++;
  while (at(b.points, b_start) === 0x30) b_start++;
  const a_length = a.index - a_start;
  const b_length = b.index - b_start;
  if (a_length !== b_length) return a_length < b_length ? -1 : 1;
  for (; a_start !== a.index && b_start !== b.index; a_start++, b_start++) {
    const l = a.points[a_start];
    const r = b.points[b_start];
    if (l !== r) return l < r ? -1 : 1;
  }
  return 0;
}

function natural_compare(a: NaturalCursor, b: NaturalCursor, fold: (code: number) => number): number {
  // Leading periods first: a hidden file sorts before the others.
  while (a.code === 0x2e || b.code === 0x2e) {
    if (a.points[a.index++] !== 0x2e) return 1;
    if (b.points[b.index++] !== 0x2e) return -1;
    if (b.code === 0) return 1;
    if (a.code === 0) return -1;
  }
  while (a.code !== 0) {
    if (b.code === 0) return 1;
    if (is_digit(a.code)) {
      if (!is_digit(b.code)) return -1;
      const order = compare_digit_runs(a, b);
      if (order !== 0) return order;
    } else if (is_digit(b.code)) {
      return 1;
    } else {
      const l = fold(a.code);
      const r = fold(b.code);
      if (l < r) return -1;
      if (l > r) return 1;
      a.index++;
      b.index++;
    }
  }
  return b.code !== 0 ? -1 : 0;
}

export function naturalcasecmp_to(text: string, to: string): number {
  return natural_compare(
    new NaturalCursor(code_points(text), 0),
    new NaturalCursor(code_points(to), 0),
    same,
  );
}

export function naturalnocasecmp_to(text: string, to: string): number {
  return natural_compare(
    new NaturalCursor(code_points(text), 0),
    new NaturalCursor(code_points(to), 0),
    char_upper,
  );
}

// File order: runs of leading '_' sort before everything but '.', then natural order.
function file_compare(text: string, to: string, fold: (code: number) => number): number {
  const a = new NaturalCursor(code_points(text), 0);
  const b = new NaturalCursor(code_points(to), 0);
  while ((a.code === 0x5f && b.code !== 0) || (a.code !== 0 && b.code === 0x5f)) {
    if (a.code !== 0x5f) return a.code === 0x2e ? -1 : 1;
    if (b.code !== 0x5f) return b.code === 0x2e ? 1 : -1;
    a.index++;
    b.index++;
  }
  return natural_compare(a, b, fold);
}

export function filecasecmp_to(text: string, to: string): number {
  return file_compare(text, to, same);
}

export function filenocasecmp_to(text: string, to: string): number {
  return file_compare(text, to, char_upper);
}

// '*' matches any run, '?' any one character but '.'.
function wildcard_match(
  pattern: Points,
  p: number,
  text: Points,
  t: number,
  fold: (code: number) => number,
): boolean {
  for (;;) {
    const symbol = at(pattern, p);
    if (symbol === 0) return t >= text.length;
    if (symbol === 0x2a) {
      for (let from = t; from <= text.length; from++) {
        if (wildcard_match(pattern, p + 1, text, from, fold)) return true;
      }
      return false;
    }
    const code = at(text, t);
    if (code === 0) return false;
    if (symbol === 0x3f ? code === 0x2e : fold(code) !== fold(symbol)) return false;
    p++;
    t++;
  }
}

export function match(text: string, expr: string): boolean {
  if (expr.length === 0 || text.length === 0) return false;
  return wildcard_match(code_points(expr), 0, code_points(text), 0, same);
}

export function matchn(text: string, expr: string): boolean {
  if (expr.length === 0 || text.length === 0) return false;
  return wildcard_match(code_points(expr), 0, code_points(text), 0, char_upper);
}

function is_subsequence(text: string, of: string, fold: (code: number) => number): boolean {
  const needle = code_points(text);
  const haystack = code_points(of);
  if (needle.length === 0) return true;
  if (needle.length > haystack.length) return false;
  let matched = 0;
  for (const code of haystack) {
    if (fold(code) === fold(needle[matched]) && ++matched === needle.length) return true;
  }
  return false;
}

export function is_subsequence_of(text: string, of: string): boolean {
  return is_subsequence(text, of, same);
}

export function is_subsequence_ofn(text: string, of: string): boolean {
  return is_subsequence(text, of, char_lower);
}

/** Sørensen–Dice coefficient of the two texts' bigrams, as the 32-bit float Godot returns. */
export function similarity(text: string, other: string): number {
  if (text === other) return 1;
  const a = code_points(text);
  const b = code_points(other);
  if (a.length < 2 || b.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if (a[i] === b[j] && a[i + 1] === b[j + 1]) {
        shared++;
        break;
      }
    }
  }
  return Math.fround((2 * shared) / (a.length - 1 + b.length - 1));
}
