// Godot's word-case conversions and identifier checks (core/string/ustring.cpp): "Node2DPosition"
// splits into "node 2d position" and is rejoined as "Node 2d Position", "node2dPosition",
// "node_2d_position" or "node-2d-position".
import { char_lower, char_upper, code_points, from_code_points, strip_edges } from "./godot_string.js";

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const IDENTIFIER_START = /[\p{XID_Start}_]/u;
const IDENTIFIER_CONTINUE = /\p{XID_Continue}/u;

function is_upper(code: number): boolean {
  return code >= 0x80 ? UPPER.test(String.fromCodePoint(code)) : code >= 0x41 && code <= 0x5a;
}

function is_lower(code: number): boolean {
  return code >= 0x80 ? LOWER.test(String.fromCodePoint(code)) : code >= 0x61 && code <= 0x7a;
}

function is_digit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// Godot's is_whitespace, is_underscore and is_hyphen (core/string/char_utils.h).
function is_word_separator(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x5f ||
    code === 0x2d ||
    code === 0x2010 ||
    code === 0x2011
  );
}

// Godot's _separate_compound_words: a space before each new word (aA, AAa, 2Aa, 2aa, A2, a2),
// separators turned into spaces, all lower case.
function separate_compound_words(text: string): string {
  const points = code_points(text);
  if (points.length === 0) return text;
  const words: number[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1];
    const current = points[i];
    const next_lower = i + 1 < points.length && is_lower(points[i + 1]);
    const lower_to_upper = is_lower(previous) && is_upper(current);
    const upper_run_ends = (is_upper(previous) || is_digit(previous)) && is_upper(current) && next_lower;
    const digits_to_word = is_digit(previous) && is_lower(current) && next_lower;
    const letters_to_digit = (is_upper(previous) || is_lower(previous)) && is_digit(current);
    if (lower_to_upper || upper_run_ends || digits_to_word || letters_to_digit) words.push(0x20);
    words.push(current);
  }
  return from_code_points(words.map((code) => (is_word_separator(code) ? 0x20 : char_lower(code))));
}

function with_first(word: string, map: (code: number) => number): string {
  const first = word.codePointAt(0)!;
  return String.fromCodePoint(map(first)) + word.slice(first > 0xffff ? 2 : 1);
}

export function capitalize(text: string): string {
  const words = strip_edges(separate_compound_words(text)).split(" ");
  let result = "";
  words.forEach((word, index) => {
    if (word.length === 0) return;
    if (index > 0) result += " ";
    result += with_first(word, char_upper);
  });
  return result;
}

export function to_camel_case(text: string): string {
  const words = strip_edges(separate_compound_words(text)).split(" ");
  return words
    .map((word, index) => (word.length === 0 ? "" : with_first(word, index === 0 ? char_lower : char_upper)))
    .join("");
}

export function to_pascal_case(text: string): string {
  const words = strip_edges(separate_compound_words(text)).split(" ");
  return words.map((word) => (word.length === 0 ? "" : with_first(word, char_upper))).join("");
}

export function to_snake_case(text: string): string {
  return separate_compound_words(text).replaceAll(" ", "_");
}

export function to_kebab_case(text: string): string {
  return separate_compound_words(text).replaceAll(" ", "-");
}

// Identifiers

function is_ascii_identifier_char(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || is_digit(code) || code === 0x5f;
}

export function is_valid_ascii_identifier(text: string): boolean {
  const points = code_points(text);
  return points.length > 0 && !is_digit(points[0]) && points.every(is_ascii_identifier_char);
}

/** Godot 4.3 deprecated is_valid_identifier in favour of is_valid_ascii_identifier; same test. */
export function is_valid_identifier(text: string): boolean {
  return is_valid_ascii_identifier(text);
}

export function is_valid_unicode_identifier(text: string): boolean {
  const characters = Array.from(text);
  if (characters.length === 0 || !IDENTIFIER_START.test(characters[0])) return false;
  return characters.every((character, index) => index === 0 || IDENTIFIER_CONTINUE.test(character));
}
