// base64, the codec behind Marshalls.raw_to_base64 and friends: the RFC 4648 vectors both ways,
// whitespace skipped, bad text refused.

#include "core/io/base64.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("base64: RFC 4648 vectors both ways, whitespace skipped, bad text refused") {
	const char *vectors[][2] = { { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" }, { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" } };
	for (const auto &vector : vectors) {
		const String plain = vector[0];
		CHECK(base64_encode(reinterpret_cast<const uint8_t *>(plain.data()), plain.size()) == vector[1]);
		PackedByteArray decoded;
		REQUIRE(base64_decode(vector[1], decoded));
		CHECK(String(reinterpret_cast<const char *>(decoded.ptr()), size_t(decoded.size())) == plain);
	}
	PackedByteArray decoded;
	CHECK(base64_decode("Zm9v\r\nYmFy", decoded));
	CHECK(decoded.size() == 6);
	CHECK(base64_decode("Zg", decoded)); // Padding may be left out.
	CHECK(!base64_decode("Z", decoded));
	CHECK(!base64_decode("Zg=v", decoded));
	CHECK(!base64_decode("Zg===", decoded));
	CHECK(!base64_decode("Zm9v!", decoded));
	CHECK(base64_decode("Zm9=", decoded)); // "fo" with its single '='.
}
