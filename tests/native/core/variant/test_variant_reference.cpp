// Every value Godot 4.6.3 wrote in tests/reference: its var_to_bytes hex must decode and encode
// back to the same bytes, var_to_str must give Godot's text exactly, and that text must parse
// back to a value with the same bytes. The three files: one value of every wire type
// (godot-4.6-all-types.json), the first binary vectors (godot-4.6-var-to-bytes.json, whose
// "gdscript" texts are var_to_str's too) and the results of the math builtins' methods and
// operators (godot-4.6-builtin-results.json, whose arguments are var_to_str texts as well).

#include "core/io/marshalls.h"
#include "core/variant/variant_parser.h"
#include "helpers/reference_data.h"

#include <doctest/doctest.h>

#include <cstdio>

using namespace godot;
using namespace reference_data;

namespace {

struct ReferenceValue {
	String name;
	String type; // Godot's type name; empty when the file does not give it.
	std::vector<uint8_t> bytes; // Empty when the file gives only text.
	String text; // var_to_str's; empty when the file does not give it.
};

std::vector<ReferenceValue> load_values(const String &p_file, const char *p_text_key) {
	const Array vectors = member_array(load_reference(p_file), "vectors");
	std::vector<ReferenceValue> values;
	for (const Variant &entry : vectors) {
		const Dictionary vector = entry.to_dictionary();
		values.push_back({ member_text(vector, "name"), member_text(vector, "type"), from_hex(member_text(vector, "hex")), member_text(vector, p_text_key) });
	}
	return values;
}

// Each call's and operator's result (bytes and text), and its arguments (text only).
std::vector<ReferenceValue> load_builtin_results() {
	const Dictionary root = load_reference("godot-4.6-builtin-results.json");
	std::vector<ReferenceValue> values;
	for (const char *section : { "calls", "operators" }) {
		const Array entries = member_array(root, section);
		for (const Variant &item : entries) {
			const Dictionary entry = item.to_dictionary();
			const String name = member_text(entry, "class") + "." + member_text(entry, "method") + member_text(entry, "operator");
			values.push_back({ name + " result", String(), from_hex(member_text(entry, "result_hex")), member_text(entry, "result") });
			for (const char *operand : { "receiver", "left", "right" }) {
				if (!member_text(entry, operand).empty()) {
					values.push_back({ name + " " + operand, String(), {}, member_text(entry, operand) });
				}
			}
			const Array arguments = entry.get("args", Array()).to_array();
			for (const Variant &argument : arguments) {
				values.push_back({ name + " argument", String(), {}, argument.to_string_value() });
			}
		}
	}
	return values;
}

String hex_of(const PackedByteArray &p_bytes) {
	return to_hex(p_bytes.ptr(), size_t(p_bytes.size()));
}

struct Tally {
	int bytes = 0; // Decoded and re-encoded to the same bytes.
	int text = 0; // Written as Godot's text.
	int parsed = 0; // Godot's text parsed back to the same bytes (or, text only, the same text).
	int parsed_lossy = 0; // Parsed back to the value as far as Godot's text keeps it (see below).
};

// Where Godot's text cannot carry the exact value, str_to_var gives it back as far as the
// text keeps it, in Godot as here: -0 is written as 0, a double a float holds exactly is
// written with a float's digits (and reads back as the nearest double), and dictionary keys
// are written sorted (so they read back in that order).
bool equal_as_text_keeps_it(const Variant &p_parsed, const Variant &p_original) {
	if (p_parsed.get_type() == Variant::FLOAT && p_original.get_type() == Variant::FLOAT) {
		return float(p_parsed.to_float()) == float(p_original.to_float());
	}
	if (p_parsed.get_type() == Variant::ARRAY && p_original.get_type() == Variant::ARRAY) {
		const Array &a = *p_parsed.get_if<Array>();
		const Array &b = *p_original.get_if<Array>();
		if (a.size() != b.size() || a.get_element_type() != b.get_element_type()) {
			return false;
		}
		for (int64_t i = 0; i < a.size(); i++) {
			if (!equal_as_text_keeps_it(a[i], b[i])) {
				return false;
			}
		}
		return true;
	}
	return p_parsed == p_original; // Dictionaries compare regardless of order; 0 == -0.
}

// Checks one value; counts what held.
void check_value(const ReferenceValue &p_value, Tally &r_tally) {
	CAPTURE(p_value.name);
	const String hex = to_hex(p_value.bytes.data(), p_value.bytes.size());
	CAPTURE(hex);
	Variant decoded;
	if (!p_value.bytes.empty()) {
		int used = -1;
		DecodeError problem;
		const Error error = decode_variant(decoded, p_value.bytes.data(), int(p_value.bytes.size()), &used, false, 0, &problem);
		REQUIRE_MESSAGE(error == OK, problem.describe());
		CHECK(used == int(p_value.bytes.size()));
		if (!p_value.type.empty()) {
			CHECK(String(Variant::get_type_name(decoded.get_type())) == p_value.type);
		}
		PackedByteArray encoded;
		REQUIRE(encode_variant_to_bytes(decoded, encoded) == OK);
		CHECK(hex_of(encoded) == hex);
		r_tally.bytes += hex_of(encoded) == hex;
		if (!p_value.text.empty()) {
			String text;
			CHECK(VariantWriter::write_to_string(decoded, text) == OK);
			CHECK(text == p_value.text);
			r_tally.text += text == p_value.text;
		}
	}
	if (p_value.text.empty()) {
		return;
	}
	Variant parsed;
	String error;
	int line = 0;
	REQUIRE_MESSAGE(VariantParser::parse_string(p_value.text, parsed, error, line) == OK, error);
	// What was read writes out as the same text.
	String text;
	CHECK(VariantWriter::write_to_string(parsed, text) == OK);
	CHECK(text == p_value.text);
	if (p_value.bytes.empty()) {
		r_tally.parsed += text == p_value.text;
		return;
	}
	PackedByteArray encoded;
	REQUIRE(encode_variant_to_bytes(parsed, encoded) == OK);
	if (hex_of(encoded) == hex) {
		r_tally.parsed++;
	} else {
		CHECK_MESSAGE(equal_as_text_keeps_it(parsed, decoded), "read back as " << hex_of(encoded));
		r_tally.parsed_lossy += equal_as_text_keeps_it(parsed, decoded);
	}
}

} // namespace

TEST_CASE("[VariantReference] One value of every wire type, in bytes and text, as Godot 4.6.3 writes it") {
	const std::vector<ReferenceValue> values = load_values("godot-4.6-all-types.json", "var_to_str");
	REQUIRE(values.size() == 41);
	Tally tally;
	for (const ReferenceValue &value : values) {
		check_value(value, tally);
	}
	printf("[VariantReference] all types: %d/%zu round-trip bytes, %d/%zu write Godot's text, %d/%zu parse back to the bytes (%d more to the value, as far as the text keeps it)\n",
			tally.bytes, values.size(), tally.text, values.size(), tally.parsed, values.size(), tally.parsed_lossy);
	CHECK(tally.bytes == int(values.size()));
	CHECK(tally.text == int(values.size()));
	CHECK(tally.parsed + tally.parsed_lossy == int(values.size()));
}

TEST_CASE("[VariantReference] The var_to_bytes vectors also read and write as text") {
	const std::vector<ReferenceValue> values = load_values("godot-4.6-var-to-bytes.json", "gdscript");
	REQUIRE(values.size() == 37);
	Tally tally;
	for (const ReferenceValue &value : values) {
		check_value(value, tally);
	}
	printf("[VariantReference] var_to_bytes vectors: %d/%zu round-trip bytes, %d/%zu write Godot's text, %d/%zu parse back to the bytes (%d more to the value, as far as the text keeps it)\n",
			tally.bytes, values.size(), tally.text, values.size(), tally.parsed, values.size(), tally.parsed_lossy);
	CHECK(tally.bytes == int(values.size()));
	CHECK(tally.text == int(values.size()));
	CHECK(tally.parsed + tally.parsed_lossy == int(values.size()));
}

TEST_CASE("[VariantReference] Godot's math builtin results and arguments round-trip in bytes and text") {
	const std::vector<ReferenceValue> values = load_builtin_results();
	Tally tally;
	size_t with_bytes = 0;
	for (const ReferenceValue &value : values) {
		with_bytes += !value.bytes.empty();
		check_value(value, tally);
	}
	printf("[VariantReference] builtin results: %d/%zu round-trip bytes, %d/%zu write Godot's text; of %zu texts, %d parse back exactly, %d to the value as far as the text keeps it\n",
			tally.bytes, with_bytes, tally.text, with_bytes, values.size(), tally.parsed, tally.parsed_lossy);
	CHECK(with_bytes == 552);
	CHECK(tally.bytes == int(with_bytes));
	CHECK(tally.text == int(with_bytes));
	CHECK(tally.parsed + tally.parsed_lossy == int(values.size()));
}
