// Godot's Strings as bytes (core/string/ustring.cpp): the to_*_buffer encodings (a PackedByteArray
// is a Uint8Array), hex_decode, the MD5 / SHA-1 / SHA-256 digests of the UTF-8 text, and the
// UTF-8 decoder the URI functions share.
import { print_error } from "./checks.js";
import { code_points, from_code_points } from "./godot_string.js";
import { md5, sha1, sha256 } from "./godot_string_digest.js";

/** Godot's String::utf8: every code point in 1 to 4 bytes, without validation. */
export function utf8_bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const code of code_points(text)) {
    if (code < 0x80) {
      bytes.push(code);
    } else if (code < 0x800) {
      bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
    }
  }
  return Uint8Array.from(bytes);
}

const is_continuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/**
 * Godot's String::append_utf8: a leading BOM skipped, decoding stops at a NUL byte, and an
 * ill-formed sequence becomes U+FFFD, one per maximal well-formed prefix (Unicode's recommended
 * practice) except that a sequence cut short by the end gives one per byte.
 */
export function utf8_text(bytes: Uint8Array): string {
  const points: number[] = [];
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const byte_at = (index: number): number => (index < bytes.length ? bytes[index] : 0);
  let malformed = false;
  while (i < bytes.length && bytes[i] !== 0) {
    const lead = bytes[i];
    let code = 0xfffd;
    let size = 1;
    if (lead < 0x80) {
      code = lead;
    } else if ((lead & 0xe0) === 0xc0) {
      const second = byte_at(i + 1);
      if (is_continuation(second) && lead >= 0xc2) {
        code = ((lead & 0x1f) << 6) | (second & 0x3f);
        size = 2;
      }
    } else if ((lead & 0xf0) === 0xe0 || (lead & 0xf8) === 0xf0) {
      const length = (lead & 0xf0) === 0xe0 ? 3 : 4;
      // The second byte's range excludes overlong forms, surrogates and values past U+10FFFF.
      const second_min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const second_max = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      let valid = 0;
      const second = byte_at(i + 1);
      if (second >= second_min && second <= second_max && lead <= 0xf4) {
        valid = 2;
        while (valid < length && is_continuation(byte_at(i + valid))) valid++;
      }
      if (valid === length) {
        code = lead & (length === 3 ? 0x0f : 0x07);
        for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k] & 0x3f);
        size = length;
      } else if (valid > 0 && byte_at(i + valid) !== 0) {
        size = valid; // Godot resumes after a broken sequence, but not after one cut short.
      }
    }
    if (code === 0xfffd) malformed = true;
    points.push(code);
    i += size;
  }
  if (malformed) print_error("Unicode parsing error, some characters were replaced with \uFFFD (U+FFFD)");
  return from_code_points(points);
}

export function to_utf8_buffer(text: string): Uint8Array {
  return utf8_bytes(text);
}

/** One byte per character; beyond ASCII a space, as Godot substitutes. */
export function to_ascii_buffer(text: string): Uint8Array {
  const points = code_points(text);
  if (points.some((code) => code > 0x7f))
    print_error("Invalid unicode codepoint, cannot represent as ASCII/Latin-1");
  return Uint8Array.from(points, (code) => (code > 0x7f ? 0x20 : code));
}

/** UTF-16 in little-endian order, without a BOM. */
export function to_utf16_buffer(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i * 2] = unit & 0xff;
    bytes[i * 2 + 1] = unit >> 8;
  }
  return bytes;
}

/** UTF-32 in little-endian order. */
export function to_utf32_buffer(text: string): Uint8Array {
  const points = code_points(text);
  const bytes = new Uint8Array(points.length * 4);
  const view = new DataView(bytes.buffer);
  points.forEach((code, i) => view.setUint32(i * 4, code, true));
  return bytes;
}

/** wchar_t is 32 bits on Linux and macOS, where Quickdot runs (16 on Windows). */
export function to_wchar_buffer(text: string): Uint8Array {
  return to_utf32_buffer(text);
}

/** Godot implements this on Windows only; on other systems it returns an empty array, as here. */
export function to_multibyte_char_buffer(_text: string, _encoding = ""): Uint8Array {
  return new Uint8Array(0);
}

export function hex_decode(text: string): Uint8Array {
  if (text.length % 2 !== 0) {
    print_error("Hexadecimal string of uneven length.");
    return new Uint8Array(0);
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < text.length; i++) {
    const digit = parseInt(text[i], 16);
    if (Number.isNaN(digit)) {
      print_error(`Invalid hexadecimal character "${text[i]}" at index ${i}.`);
      return new Uint8Array(0);
    }
    bytes[i >> 1] = (bytes[i >> 1] << 4) | digit;
  }
  return bytes;
}

function hex_encode(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte.toString(16).padStart(2, "0");
  return text;
}

export function md5_buffer(text: string): Uint8Array {
  return md5(utf8_bytes(text));
}

export function md5_text(text: string): string {
  return hex_encode(md5_buffer(text));
}

export function sha1_buffer(text: string): Uint8Array {
  return sha1(utf8_bytes(text));
}

export function sha1_text(text: string): string {
  return hex_encode(sha1_buffer(text));
}

export function sha256_buffer(text: string): Uint8Array {
  return sha256(utf8_bytes(text));
}

export function sha256_text(text: string): string {
  return hex_encode(sha256_buffer(text));
}
