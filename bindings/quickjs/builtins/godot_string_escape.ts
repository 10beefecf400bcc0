// Godot's escaping on Strings (core/string/ustring.cpp): C, JSON and XML escapes and URI
// percent-encoding. Each escape is Godot's chain of whole-text replacements, in Godot's order, so
// the same inputs give the same (occasionally surprising) outputs.
import { code_points, from_code_points } from "./godot_string.js";
import { utf8_bytes, utf8_text } from "./godot_string_bytes.js";

function replace_in_order(text: string, pairs: readonly (readonly [string, string])[]): string {
  for (const [what, forwhat] of pairs) text = text.split(what).join(forwhat);
  return text;
}

const C_ESCAPES = [
  ["\\", "\\\\"],
  ["\x07", "\\a"],
  ["\b", "\\b"],
  ["\f", "\\f"],
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
  ["\v", "\\v"],
  ["'", "\\'"],
  ['"', '\\"'],
] as const;

const C_UNESCAPES = [
  ["\\a", "\x07"],
  ["\\b", "\b"],
  ["\\f", "\f"],
  ["\\n", "\n"],
  ["\\r", "\r"],
  ["\\t", "\t"],
  ["\\v", "\v"],
  ["\\'", "'"],
  ['\\"', '"'],
  ["\\\\", "\\"],
] as const;

const JSON_ESCAPES = [
  ["\\", "\\\\"],
  ["\b", "\\b"],
  ["\f", "\\f"],
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
  ["\v", "\\v"],
  ['"', '\\"'],
] as const;

export function c_escape(text: string): string {
  return replace_in_order(text, C_ESCAPES);
}

export function c_unescape(text: string): string {
  return replace_in_order(text, C_UNESCAPES);
}

export function json_escape(text: string): string {
  return replace_in_order(text, JSON_ESCAPES);
}

export function xml_escape(text: string, escape_quotes = false): string {
  const escaped = replace_in_order(text, [
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
  ]);
  return escape_quotes
    ? replace_in_order(escaped, [
        ["'", "&apos;"],
        ['"', "&quot;"],
      ])
    : escaped;
}

const NAMED_ENTITIES: readonly (readonly [string, number])[] = [
  ["gt;", 0x3e],
  ["lt;", 0x3c],
  ["amp;", 0x26],
  ["quot;", 0x22],
  ["apos;", 0x27],
];

function hex_value(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return -1;
}

// A numeric entity "&#123;" or "&#x7B;" at `at`: its character and length, or null when invalid
// (no ';', a stray character, zero, or beyond 32 bits), which leaves the '&' as it is.
function numeric_entity(points: readonly number[], at: number): { code: number; size: number } | null {
  let value = 0;
  let i = at + 2;
  if (points[i] === 0x78) {
    for (i++; i < points.length && points[i] !== 0x3b; i++) {
      const digit = hex_value(points[i]);
      if (digit < 0 || value > 0xfffffff) return null;
      value = value * 16 + digit;
    }
  } else {
    for (; i < points.length && points[i] !== 0x3b; i++) {
      if (points[i] < 0x30 || points[i] > 0x39) return null;
      value = value * 10 + (points[i] - 0x30);
    }
    if (value > 0xffffffff) return null;
  }
  return i < points.length && value !== 0 ? { code: value, size: i + 1 - at } : null;
}

export function xml_unescape(text: string): string {
  const points = code_points(text);
  const result: number[] = [];
  for (let i = 0; i < points.length;) {
    if (points[i] !== 0x26) {
      result.push(points[i++]);
      continue;
    }
    const rest = points.length - i;
    let code = 0x26;
    let size = 1;
    if (rest >= 4 && points[i + 1] === 0x23) {
      const entity = numeric_entity(points, i);
      if (entity) ({ code, size } = entity);
    } else {
      for (const [name, named_code] of NAMED_ENTITIES) {
        if (rest > name.length && from_code_points(points.slice(i + 1, i + 1 + name.length)) === name) {
          code = named_code;
          size = name.length + 1;
          break;
        }
      }
    }
    // Godot keeps any 32-bit value; a JS string holds code points up to U+10FFFF only.
    result.push(code > 0x10ffff ? 0xfffd : code);
    i += size;
  }
  return from_code_points(result);
}

// URIs: the UTF-8 bytes percent-encoded, all but A-Z a-z 0-9 _ . - ~.

const HEX_UPPER = "0123456789ABCDEF";

export function uri_encode(text: string): string {
  let result = "";
  for (const byte of utf8_bytes(text)) {
    const unreserved =
      (byte >= 0x61 && byte <= 0x7a) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x30 && byte <= 0x39) ||
      byte === 0x5f ||
      byte === 0x2e ||
      byte === 0x2d ||
      byte === 0x7e;
    result += unreserved ? String.fromCharCode(byte) : "%" + HEX_UPPER[byte >> 4] + HEX_UPPER[byte & 15];
  }
  return result;
}

// Godot reads a "%XY" only when both are digits or capital letters (strtol then takes what hex it
// can), drops a '%' followed by one such character, and stops at a decoded NUL.
function percent_decode(text: string, plus_is_space: boolean): string {
  const source = utf8_bytes(text);
  const decoded: number[] = [];
  const is_candidate = (byte: number): boolean =>
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a);
  for (let i = 0; i < source.length; i++) {
    const byte = source[i];
    if (byte === 0x25 && i + 2 < source.length) {
      if (!is_candidate(source[i + 1])) {
        decoded.push(byte);
      } else if (is_candidate(source[i + 2])) {
        const high = hex_value(source[i + 1]);
        const low = hex_value(source[i + 2]);
        decoded.push(high < 0 ? 0 : low < 0 ? high : high * 16 + low);
        i += 2;
      }
    } else {
      decoded.push(plus_is_space && byte === 0x2b ? 0x20 : byte);
    }
  }
  return utf8_text(Uint8Array.from(decoded));
}

export function uri_decode(text: string): string {
  return percent_decode(text, true);
}

/** uri_decode for file paths: a '+' stays a '+'. */
export function uri_file_decode(text: string): string {
  return percent_decode(text, false);
}
