#include "text_codec.h"

#include <cstring>
#include <string>

namespace godot {

namespace {

// The classes are thin JavaScript over three native helpers, so the WHATWG argument handling
// (defaults, getters, BufferSource views) reads as the standard does.
const char CLASSES_SOURCE[] = R"js((function (encode, encode_into, decode) {
  const LABELS = ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"];
  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") { return encode(String(input)); }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) throw new TypeError("TextEncoder.encodeInto: the destination must be a Uint8Array");
      return encode_into(String(source), destination);
    }
  }
  class TextDecoder {
    #fatal;
    #ignore_bom;
    constructor(label = "utf-8", options = {}) {
      if (!LABELS.includes(String(label).trim().toLowerCase())) {
        throw new RangeError(`TextDecoder: "${label}" is not supported; Quickdot decodes UTF-8 only`);
      }
      this.#fatal = Boolean(options?.fatal);
      this.#ignore_bom = Boolean(options?.ignoreBOM);
    }
    get encoding() { return "utf-8"; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignore_bom; }
    decode(input = new Uint8Array(0), options = {}) {
      if (options?.stream) throw new TypeError("TextDecoder.decode: { stream: true } is not supported; decode whole buffers");
      let bytes;
      if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      else if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && input instanceof SharedArrayBuffer)) bytes = new Uint8Array(input);
      else throw new TypeError("TextDecoder.decode: the input must be an ArrayBuffer or an ArrayBuffer view");
      return decode(bytes, this.#fatal, this.#ignore_bom);
    }
  }
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;
}))js";

const char REPLACEMENT[] = "\xEF\xBF\xBD"; // U+FFFD in UTF-8.

// quickjs-ng keeps a lone surrogate as its 3-byte form (ED A0..BF xx); the standard writes U+FFFD.
// Both are 3 bytes, so the fix is in place.
std::string to_utf8(JSContext *p_ctx, JSValueConst p_string, bool &r_ok) {
	size_t length = 0;
	const char *text = JS_ToCStringLen(p_ctx, &length, p_string);
	r_ok = text != nullptr;
	if (!text) {
		return std::string();
	}
	std::string utf8(text, length);
	JS_FreeCString(p_ctx, text);
	for (size_t i = 0; i + 2 < utf8.size(); i++) {
		if (uint8_t(utf8[i]) == 0xED && uint8_t(utf8[i + 1]) >= 0xA0) {
			utf8.replace(i, 3, REPLACEMENT);
			i += 2;
		}
	}
	return utf8;
}

int sequence_length(uint8_t p_lead) {
	return p_lead < 0x80 ? 1 : (p_lead >= 0xF0 ? 4 : (p_lead >= 0xE0 ? 3 : 2));
}

JSValue encode(JSContext *p_ctx, JSValueConst, int, JSValueConst *p_argv) {
	bool ok = false;
	const std::string utf8 = to_utf8(p_ctx, p_argv[0], ok);
	if (!ok) {
		return JS_EXCEPTION;
	}
	return JS_NewUint8ArrayCopy(p_ctx, reinterpret_cast<const uint8_t *>(utf8.data()), utf8.size());
}

// Whole characters only, as the standard says: { read: UTF-16 units consumed, written: bytes }.
JSValue encode_into(JSContext *p_ctx, JSValueConst, int, JSValueConst *p_argv) {
	bool ok = false;
	const std::string utf8 = to_utf8(p_ctx, p_argv[0], ok);
	size_t capacity = 0;
	uint8_t *destination = ok ? JS_GetUint8Array(p_ctx, &capacity, p_argv[1]) : nullptr;
	if (!destination && (!ok || capacity > 0)) {
		return JS_EXCEPTION;
	}
	size_t written = 0;
	int64_t read = 0;
	while (written < utf8.size()) {
		const size_t length = size_t(sequence_length(uint8_t(utf8[written])));
		if (written + length > capacity) {
			break;
		}
		memcpy(destination + written, utf8.data() + written, length);
		written += length;
		read += length == 4 ? 2 : 1; // A 4-byte character is a surrogate pair in JavaScript.
	}
	JSValue result = JS_NewObject(p_ctx);
	JS_SetPropertyStr(p_ctx, result, "read", JS_NewInt64(p_ctx, read));
	JS_SetPropertyStr(p_ctx, result, "written", JS_NewInt64(p_ctx, int64_t(written)));
	return result;
}

// The length of the well-formed UTF-8 character at p_bytes, or 0 when it is not one. For a bad
// sequence, r_skip is its maximal subpart (the bytes before the first wrong one, at least 1),
// which becomes one U+FFFD; the wrong byte is read again as a new character (WHATWG).
size_t valid_character(const uint8_t *p_bytes, size_t p_left, size_t &r_skip) {
	const uint8_t lead = p_bytes[0];
	r_skip = 1;
	if (lead < 0x80) {
		return 1;
	}
	size_t length = 0;
	uint8_t low = 0x80, high = 0xBF; // The range of the second byte.
	if (lead >= 0xC2 && lead <= 0xDF) {
		length = 2;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		length = 3;
		low = lead == 0xE0 ? 0xA0 : 0x80; // No overlong forms.
		high = lead == 0xED ? 0x9F : 0xBF; // No surrogates.
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		length = 4;
		low = lead == 0xF0 ? 0x90 : 0x80;
		high = lead == 0xF4 ? 0x8F : 0xBF; // Nothing past U+10FFFF.
	} else {
		return 0;
	}
	for (size_t i = 1; i < length; i++) {
		const uint8_t byte = i < p_left ? p_bytes[i] : 0;
		if (i >= p_left || byte < (i == 1 ? low : 0x80) || byte > (i == 1 ? high : 0xBF)) {
			return 0;
		}
		r_skip = i + 1;
	}
	return length;
}

JSValue decode(JSContext *p_ctx, JSValueConst, int, JSValueConst *p_argv) {
	size_t size = 0;
	const uint8_t *bytes = JS_GetUint8Array(p_ctx, &size, p_argv[0]);
	if (!bytes && size > 0) {
		return JS_EXCEPTION;
	}
	const bool fatal = JS_ToBool(p_ctx, p_argv[1]);
	const bool ignore_bom = JS_ToBool(p_ctx, p_argv[2]);
	size_t position = !ignore_bom && size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	std::string text;
	text.reserve(size - position);
	while (position < size) {
		size_t skip = 1;
		const size_t length = valid_character(bytes + position, size - position, skip);
		if (length) {
			text.append(reinterpret_cast<const char *>(bytes + position), length);
			position += length;
			continue;
		}
		if (fatal) {
			return JS_ThrowTypeError(p_ctx, "TextDecoder.decode: byte %zu is not valid UTF-8 (the decoder was made with { fatal: true })", position);
		}
		text += REPLACEMENT;
		position += skip;
	}
	return JS_NewStringLen(p_ctx, text.data(), text.size());
}

} // namespace

bool install_text_codec(JSContext *p_ctx) {
	JSValue factory = JS_Eval(p_ctx, CLASSES_SOURCE, sizeof(CLASSES_SOURCE) - 1, "<quickdot:text_codec>", JS_EVAL_TYPE_GLOBAL);
	if (JS_IsException(factory)) {
		return false;
	}
	JSValue helpers[] = {
		JS_NewCFunction(p_ctx, encode, "encode", 1),
		JS_NewCFunction(p_ctx, encode_into, "encode_into", 2),
		JS_NewCFunction(p_ctx, decode, "decode", 3),
	};
	JSValue result = JS_Call(p_ctx, factory, JS_UNDEFINED, 3, helpers);
	const bool installed = !JS_IsException(result);
	JS_FreeValue(p_ctx, result);
	for (JSValue helper : helpers) {
		JS_FreeValue(p_ctx, helper);
	}
	JS_FreeValue(p_ctx, factory);
	return installed;
}

} // namespace godot
