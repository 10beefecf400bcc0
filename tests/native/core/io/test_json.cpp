// JSON at the C++ level: Godot's reader rules (all numbers floats, 0-based error lines, surrogate
// pairs, depth limit) and its writer's number format and key order.

#include "core/io/json.h"

#include <doctest/doctest.h>

using namespace godot;

namespace json_test {

Ref<JSON> parsed(const String &p_text, Error &r_error) {
	Ref<JSON> json;
	json.instantiate();
	r_error = json->parse(p_text);
	return json;
}

} // namespace json_test

TEST_CASE("JSON: numbers parse as floats, as in Godot") {
	Error error = OK;
	Ref<JSON> json = json_test::parsed(" [1, -2.5e2, 0.125] ", error);
	REQUIRE(error == OK);
	const Array values = json->get_data().to_array();
	REQUIRE(values.size() == 3);
	CHECK(values[0].get_type() == Variant::FLOAT);
	CHECK(values[0].to_float() == 1.0);
	CHECK(values[1].to_float() == -250.0);
	CHECK(values[2].to_float() == 0.125);
}

TEST_CASE("JSON: errors keep Godot's messages and 0-based lines") {
	Error error = OK;
	Ref<JSON> json = json_test::parsed("{\n\"a\": [1,\n2 3]}", error);
	CHECK(error == ERR_PARSE_ERROR);
	CHECK(json->get_error_line() == 2);
	CHECK(json->get_error_message() == "Expected ','");

	json = json_test::parsed("", error);
	CHECK(error == ERR_PARSE_ERROR);
	json = json_test::parsed("tru", error);
	CHECK(json->get_error_message() == "Expected 'true','false' or 'null', got 'tru'.");
	json = json_test::parsed("\"\\q\"", error);
	CHECK(json->get_error_message() == "Invalid escape sequence.");
	json = json_test::parsed("\"\\udc00\"", error);
	CHECK(json->get_error_message() == "Invalid UTF-16 sequence in string, unpaired trail surrogate");
	json = json_test::parsed("{\"a\" 1}", error);
	CHECK(json->get_error_message() == "Expected ':'");
	json = json_test::parsed("[1,", error);
	CHECK(error == ERR_PARSE_ERROR);
}

TEST_CASE("JSON: hostile nesting is refused, not a stack overflow") {
	Error error = OK;
	const String deep = String(100000, '[') + String(100000, ']');
	Ref<JSON> json = json_test::parsed(deep, error);
	CHECK(error == ERR_OUT_OF_MEMORY);
	CHECK(json->get_error_message() == "JSON structure is too deep. Bailing.");
}

TEST_CASE("JSON: strings decode escapes and surrogate pairs to UTF-8") {
	Error error = OK;
	Ref<JSON> json = json_test::parsed("\"a\\n\\u00e9\\ud83d\\ude00\\/\"", error);
	REQUIRE(error == OK);
	CHECK(json->get_data().to_string_value() == "a\n\xc3\xa9\xf0\x9f\x98\x80/");
}

TEST_CASE("JSON.stringify: Godot's number format, key order and indentation") {
	// Godot 4.6.3's own output for these values.
	CHECK(JSON::stringify(Variant(1.0)) == "1.0");
	CHECK(JSON::stringify(Variant(0.0)) == "0.0");
	CHECK(JSON::stringify(Variant(-0.0)) == "0.0");
	CHECK(JSON::stringify(Variant(-0.5)) == "-0.5");
	CHECK(JSON::stringify(Variant(1e20)) == "100000000000000000000.0");
	CHECK(JSON::stringify(Variant(1.5e-10)) == "0.00000000015");
	CHECK(JSON::stringify(Variant(0.1 + 0.2)) == "0.3");
	// Full precision: the shortest text that reads back to the same double, with an exponent
	// below 1e-4 and from 1e15.
	CHECK(JSON::stringify(Variant(1.0 / 3.0), "", true, true) == "0.3333333333333333");
	CHECK(JSON::stringify(Variant(0.1 + 0.2), "", true, true) == "0.30000000000000004");
	CHECK(JSON::stringify(Variant(1e6), "", true, true) == "1000000.0");
	CHECK(JSON::stringify(Variant(0.0001), "", true, true) == "0.0001");
	CHECK(JSON::stringify(Variant(1.5e-5), "", true, true) == "1.5e-05");
	CHECK(JSON::stringify(Variant(2.5e15), "", true, true) == "2.5e+15");
	CHECK(JSON::stringify(Variant(1.2345678901234568e20), "", true, true) == "1.2345678901234568e+20");
	CHECK(JSON::stringify(Variant(int64_t(-7))) == "-7");
	Dictionary dictionary;
	dictionary.set("b", Array());
	dictionary.set("a", Dictionary());
	dictionary.set(Variant(int64_t(2)), true);
	CHECK(JSON::stringify(dictionary) == "{\"2\":true,\"a\":{},\"b\":[]}");
	CHECK(JSON::stringify(dictionary, "", false) == "{\"b\":[],\"a\":{},\"2\":true}");
	CHECK(JSON::stringify(dictionary, "  ") == "{\n  \"2\": true,\n  \"a\": {\n\n  },\n  \"b\": []\n}");
}

TEST_CASE("JSON.stringify: a container holding itself is cut, not followed forever") {
	Array array;
	array.push_back(int64_t(1));
	array.push_back(array);
	CHECK(JSON::stringify(array) == "[1,\"[...]\"]");
	array.clear(); // Breaks the cycle so the array can be freed.
}
