// Godot's String methods (core/string/ustring.cpp) as plain functions over a JS string: one
// implementation for StringName's methods and for scripts porting Godot string code. Godot indexes
// a String by code point (UTF-32), so positions and lengths here count code points too; they equal
// JS's UTF-16 indices unless the text holds characters beyond U+FFFF. The concerns too large for
// this file live beside it and are re-exported at the end.
// Where Godot fails a call with ERR_FAIL_*, the message goes to stderr (print_error) and the
// function returns Godot's fallback value.
import { print_error } from "./checks.js";
import { PackedStringArray } from "./packed_arrays.js";

// Code points

const SURROGATE = /[\uD800-\uDFFF]/;

/** True when code point and UTF-16 positions differ somewhere in the text. */
export function has_surrogates(text: string): boolean {
  return SURROGATE.test(text);
}

export function code_points(text: string): number[] {
  const points: number[] = [];
  for (const character of text) points.push(character.codePointAt(0)!);
  return points;
}

export function from_code_points(points: readonly number[]): string {
  let text = "";
  for (let start = 0; start < points.length; start += 4096) {
    text += String.fromCodePoint(...points.slice(start, start + 4096));
  }
  return text;
}

/** Godot's String::chr: a code point that UTF-32 can't hold (or a lone surrogate) becomes U+FFFD. */
export function char_text(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : "\uFFFD";
}

export function length(text: string): number {
  if (!has_surrogates(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The UTF-16 offset of code point `index` (clamped to the text). */
export function unit_offset(text: string, index: number): number {
  if (!has_surrogates(text)) return Math.min(index, text.length);
  let offset = 0;
  for (let i = 0; i < index && offset < text.length; i++)
    offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

/** The code point index of UTF-16 offset `offset`. */
export function point_index(text: string, offset: number): number {
  return has_surrogates(text) ? length(text.slice(0, offset)) : offset;
}

/** Code points [from, to) of the text. */
export function slice_points(text: string, from: number, to: number): string {
  return text.slice(unit_offset(text, from), unit_offset(text, to));
}

// Case: Godot maps one code point to one (its ucaps table); JS's full mappings such as ß → SS are
// left out, so lengths never change.

export function char_upper(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 32 : code;
  const upper = String.fromCodePoint(code).toUpperCase();
  return upper.length <= 2 && length(upper) === 1 ? upper.codePointAt(0)! : code;
}

export function char_lower(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  if (code === 0x130) return 0x69; // İ: JS lowers it to i + combining dot.
  const lower = String.fromCodePoint(code).toLowerCase();
  return lower.length <= 2 && length(lower) === 1 ? lower.codePointAt(0)! : code;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function to_upper(text: string): string {
  return ASCII_ONLY.test(text) ? text.toUpperCase() : from_code_points(code_points(text).map(char_upper));
}

export function to_lower(text: string): string {
  return ASCII_ONLY.test(text) ? text.toLowerCase() : from_code_points(code_points(text).map(char_lower));
}

// Length, emptiness, characters

export function is_empty(text: string): boolean {
  return text.length === 0;
}

export function unicode_at(text: string, at: number): number {
  if (at < 0 || at >= length(text)) {
    print_error(`Index p_index = ${at} is out of bounds (size() = ${length(text)}).`);
    return 0;
  }
  return text.codePointAt(unit_offset(text, at))!;
}

/** Godot's String::hash: djb2 over the code points, as an unsigned 32-bit value. */
export function hash(text: string): number {
  let value = 5381;
  for (const character of text) value = (Math.imul(value, 33) + character.codePointAt(0)!) >>> 0;
  return value;
}

// Slicing

export function substr(text: string, from: number, len = -1): string {
  const total = length(text);
  if (len === -1) len = total - from;
  if (total === 0 || from < 0 || from >= total || len <= 0) return "";
  return slice_points(text, from, Math.min(from + len, total));
}

export function left(text: string, len: number): string {
  const total = length(text);
  if (len < 0) len += total;
  return len <= 0 ? "" : slice_points(text, 0, Math.min(len, total));
}

export function right(text: string, len: number): string {
  const total = length(text);
  if (len < 0) len += total;
  return len <= 0 ? "" : slice_points(text, Math.max(total - len, 0), total);
}

export function insert(text: string, position: number, what: string): string {
  if (what.length === 0 || position < 0) return text;
  const at = unit_offset(text, position);
  return text.slice(0, at) + what + text.slice(at);
}

export function erase(text: string, position: number, chars = 1): string {
  if (position < 0 || chars < 0) {
    print_error(
      `Invalid ${position < 0 ? "starting position" : "character count"} for \`String.erase()\`: ${position < 0 ? position : chars}.`,
    );
    return "";
  }
  return left(text, position) + substr(text, position + chars);
}

// Searching. A negative `from` counts from the end, as Godot 4.6 does.

function search_start(text_length: number, what_length: number, from: number): number {
  if (from < 0) from = text_length - what_length + from + 1;
  return from < 0 || from > text_length - what_length || what_length === 0 ? -1 : from;
}

export function find(text: string, what: string, from = 0): number {
  const start = search_start(length(text), length(what), from);
  if (start < 0) return -1;
  const found = text.indexOf(what, unit_offset(text, start));
  return found < 0 ? -1 : point_index(text, found);
}

export function rfind(text: string, what: string, from = -1): number {
  const start = search_start(length(text), length(what), from);
  if (start < 0) return -1;
  const found = text.lastIndexOf(what, unit_offset(text, start));
  return found < 0 ? -1 : point_index(text, found);
}

// Case-insensitive search compares the lowered code points, which keeps every position.
export function findn(text: string, what: string, from = 0): number {
  return find(to_lower(text), to_lower(what), from);
}

export function rfindn(text: string, what: string, from = -1): number {
  return rfind(to_lower(text), to_lower(what), from);
}

function count_occurrences(text: string, what: string, from: number, to: number): number {
  const total = length(text);
  const what_length = length(what);
  if (what_length === 0 || total < what_length || from < 0 || to < 0) return 0;
  if (to === 0) to = total;
  else if (from >= to) return 0;
  const range = from === 0 && to === total ? text : substr(text, from, to - from);
  let count = 0;
  for (let at = range.indexOf(what); at >= 0; at = range.indexOf(what, at + what.length)) count++;
  return count;
}

export function count(text: string, what: string, from = 0, to = 0): number {
  return count_occurrences(text, what, from, to);
}

export function countn(text: string, what: string, from = 0, to = 0): number {
  return count_occurrences(to_lower(text), to_lower(what), from, to);
}

/** Godot's contains finds nothing in an empty `what`. */
export function contains(text: string, what: string): boolean {
  return what.length > 0 && text.includes(what);
}

export function containsn(text: string, what: string): boolean {
  return findn(text, what) !== -1;
}

export function begins_with(text: string, prefix: string): boolean {
  return text.startsWith(prefix);
}

export function ends_with(text: string, suffix: string): boolean {
  return text.endsWith(suffix);
}

export function trim_prefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

export function trim_suffix(text: string, suffix: string): string {
  return text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
}

// Replacing

export function replace(text: string, what: string, forwhat: string): string {
  return what.length === 0 || text.length === 0 ? text : text.split(what).join(forwhat);
}

export function replace_first(text: string, what: string, forwhat: string): string {
  const at = what.length === 0 ? -1 : text.indexOf(what);
  return at < 0 ? text : text.slice(0, at) + forwhat + text.slice(at + what.length);
}

export function replacen(text: string, what: string, forwhat: string): string {
  if (what.length === 0 || text.length === 0) return text;
  const lowered = to_lower(text);
  const key = to_lower(what);
  // Lowering keeps code points but not always UTF-16 units: map the matches back by code point.
  const pieces: string[] = [];
  let last = 0;
  for (let at = lowered.indexOf(key); at >= 0; at = lowered.indexOf(key, at + key.length)) {
    const start = point_index(lowered, at);
    pieces.push(slice_points(text, last, start), forwhat);
    last = start + length(key);
  }
  return pieces.length === 0 ? text : pieces.join("") + slice_points(text, last, length(text));
}

function map_chars(text: string, keys: ReadonlySet<number>, replacement: string | null): string {
  let changed = false;
  let result = "";
  for (const character of text) {
    if (keys.has(character.codePointAt(0)!)) {
      changed = true;
      if (replacement !== null) result += replacement;
    } else {
      result += character;
    }
  }
  return changed ? result : text;
}

export function replace_char(text: string, key: number, with_char: number): string {
  if (with_char === 0) {
    print_error("`with` must not be the NUL character.");
    return text;
  }
  return key === 0 ? text : map_chars(text, new Set([key]), char_text(with_char));
}

export function replace_chars(text: string, keys: string, with_char: number): string {
  if (with_char === 0) {
    print_error("`with` must not be the NUL character.");
    return text;
  }
  return map_chars(text, new Set(code_points(keys)), char_text(with_char));
}

export function remove_char(text: string, what: number): string {
  return what === 0 ? text : map_chars(text, new Set([what]), null);
}

export function remove_chars(text: string, chars: string): string {
  return map_chars(text, new Set(code_points(chars)), null);
}

export function repeat(text: string, times: number): string {
  if (times < 0) {
    print_error("Parameter count should be a positive number.");
    return "";
  }
  return text.repeat(times);
}

export function reverse(text: string): string {
  return has_surrogates(text) ? Array.from(text).reverse().join("") : text.split("").reverse().join("");
}

// Splitting and joining

/** The UTF-16 length of the code point starting at `offset`. */
function unit_width(text: string, offset: number): number {
  return text.codePointAt(offset)! > 0xffff ? 2 : 1;
}

export function split(text: string, delimiter = "", allow_empty = true, maxsplit = 0): PackedStringArray {
  const parts: string[] = [];
  if (text.length === 0) {
    if (allow_empty) parts.push("");
    return new PackedStringArray(parts);
  }
  let from = 0;
  for (;;) {
    let end = delimiter.length === 0 ? from + unit_width(text, from) : text.indexOf(delimiter, from);
    if (end < 0) end = text.length;
    if (allow_empty || end > from) {
      if (maxsplit > 0 && parts.length === maxsplit) {
        parts.push(text.slice(from));
        break;
      }
      parts.push(text.slice(from, end));
    }
    if (end === text.length) break;
    from = end + delimiter.length;
  }
  return new PackedStringArray(parts);
}

export function rsplit(text: string, delimiter = "", allow_empty = true, maxsplit = 0): PackedStringArray {
  const parts: string[] = [];
  let remaining = text.length;
  for (;;) {
    if (remaining < delimiter.length || (maxsplit > 0 && parts.length === maxsplit)) {
      if (allow_empty || remaining > 0) parts.push(text.slice(0, remaining));
      break;
    }
    let left_edge: number;
    if (delimiter.length === 0) {
      left_edge = remaining - (remaining >= 2 && text.codePointAt(remaining - 2)! > 0xffff ? 2 : 1);
      if (left_edge === 0) left_edge = -1; // The last character is pushed whole below.
    } else {
      left_edge = text.lastIndexOf(delimiter, remaining - delimiter.length);
    }
    if (left_edge < 0) {
      parts.push(text.slice(0, remaining));
      break;
    }
    const start = left_edge + delimiter.length;
    if (allow_empty || start < remaining) parts.push(text.slice(start, remaining));
    remaining = left_edge;
  }
  return new PackedStringArray(parts.reverse());
}

export function join(separator: string, parts: readonly string[]): string {
  return parts.join(separator);
}

export function get_slice_count(text: string, delimiter: string): number {
  if (text.length === 0 || delimiter.length === 0) return 0;
  return text.split(delimiter).length;
}

export function get_slice(text: string, delimiter: string, slice: number): string {
  if (text.length === 0 || delimiter.length === 0 || slice < 0) return "";
  const parts = text.split(delimiter);
  // Godot gives the whole text for any slice when the delimiter is absent.
  if (parts.length === 1) return text;
  return parts[slice] ?? "";
}

export function get_slicec(text: string, delimiter: number, slice: number): string {
  if (text.length === 0 || slice < 0) return "";
  return text.split(char_text(delimiter))[slice] ?? "";
}

// Stripping and padding

export function strip_edges(text: string, strip_left = true, strip_right = true): string {
  let begin = 0;
  let end = text.length;
  if (strip_left) while (begin < end && text.charCodeAt(begin) <= 32) begin++;
  if (strip_right) while (end > begin && text.charCodeAt(end - 1) <= 32) end--;
  return text.slice(begin, end);
}

export function strip_escapes(text: string): string {
  let result = "";
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 32) result += text[i];
  return result;
}

export function lstrip(text: string, chars: string): string {
  const strip = new Set(code_points(chars));
  let begin = 0;
  while (begin < text.length && strip.has(text.codePointAt(begin)!)) begin += unit_width(text, begin);
  return text.slice(begin);
}

export function rstrip(text: string, chars: string): string {
  const strip = new Set(code_points(chars));
  const points = code_points(text);
  let end = points.length;
  while (end > 0 && strip.has(points[end - 1])) end--;
  return end === points.length ? text : from_code_points(points.slice(0, end));
}

export function lpad(text: string, min_length: number, character = " "): string {
  const padding = min_length - length(text);
  return padding > 0 ? character.repeat(padding) + text : text;
}

export function rpad(text: string, min_length: number, character = " "): string {
  const padding = min_length - length(text);
  return padding > 0 ? text + character.repeat(padding) : text;
}

// Lines

export function indent(text: string, prefix: string): string {
  // Empty lines stay empty.
  return text
    .split("\n")
    .map((line) => (line.length > 0 ? prefix + line : line))
    .join("\n");
}

export function dedent(text: string): string {
  let result = "";
  let indentation = "";
  let has_indent = false;
  let has_text = false;
  let line_start = 0;
  let indent_stop = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (has_text) result += text.slice(indent_stop, i);
      result += "\n";
      has_text = false;
      line_start = i + 1;
      indent_stop = -1;
    } else if (!has_text) {
      if (code > 32) {
        has_text = true;
        if (!has_indent) {
          // The first line with text sets the indentation every other line loses.
          has_indent = true;
          indentation = text.slice(line_start, i);
          indent_stop = i;
        }
      }
      if (has_indent && indent_stop < 0) {
        const column = i - line_start;
        if (column >= indentation.length || text[i] !== indentation[column]) indent_stop = i;
      }
    }
  }
  if (has_text) result += text.slice(indent_stop);
  return result;
}

export function bigrams(text: string): PackedStringArray {
  const points = Array.from(text);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) pairs.push(points[i] + points[i + 1]);
  return new PackedStringArray(pairs);
}

export * from "./godot_string_compare.js";
export * from "./godot_string_case.js";
export * from "./godot_string_number.js";
export * from "./godot_string_path.js";
export * from "./godot_string_escape.js";
export * from "./godot_string_bytes.js";
export * from "./godot_string_format.js";
