// libFuzzer target for the binary Variant decoder (core/io/marshalls.cpp).
//
// Every input is decoded twice, without and with objects allowed. Whatever decodes must
// re-encode, the re-encoding must decode to the same number of bytes, and encoding that again
// must give identical bytes; any other outcome traps. ASan/UBSan catch over-reads and UB.
//
//   scons use_fuzzer=yes && mkdir -p tests/out/fuzz/variant_decoder && bin/fuzz_variant_decoder.fuzz tests/out/fuzz/variant_decoder tests/fuzz/corpus/variant_decoder
//   (new inputs go to the first folder; the committed seeds stay as they are)

#include "core/io/marshalls.h"
#include "core/io/resource.h"
#include "core/object/class_db.h"

#include <climits>
#include <cstdio>
#include <cstdlib>

using namespace godot;

namespace {

[[noreturn]] void fuzz_failure(const char *p_what) {
	fprintf(stderr, "fuzz_variant_decoder: %s\n", p_what);
	abort();
}

// Frees ClassDB's MethodBinds at exit, before ClassDB's own tables go (it is created after them).
struct ClassDBCleanup {
	~ClassDBCleanup() { ClassDB::cleanup(); }
};

// Resource is RefCounted and instantiable: it exercises full-object decoding without leaks.
// EncodedObjectAsID is what objects sent as ids decode to; registered, it also travels in full.
void register_classes() {
	static const bool registered = [] {
		ClassDB::register_class<Resource>();
		ClassDB::register_class<EncodedObjectAsID>();
		static ClassDBCleanup cleanup;
		return true;
	}();
	(void)registered;
}

void check_round_trip(const Variant &p_value, bool p_objects) {
	PackedByteArray first;
	if (encode_variant_to_bytes(p_value, first, p_objects) != OK) {
		fuzz_failure("a decoded value does not encode");
	}
	int length = -1;
	if (encode_variant(p_value, nullptr, length, p_objects) != OK || length != first.size()) {
		fuzz_failure("the length pass disagrees with the written size");
	}
	Variant again;
	int used = -1;
	if (decode_variant(again, first.ptr(), int(first.size()), &used, p_objects) != OK || used != first.size()) {
		fuzz_failure("a re-encoded value does not decode");
	}
	PackedByteArray second;
	if (encode_variant_to_bytes(again, second, p_objects) != OK || !(first == second)) {
		fuzz_failure("re-encoding is not stable");
	}
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *p_data, size_t p_size) {
	if (p_size > size_t(INT_MAX)) {
		return 0;
	}
	register_classes();
	for (bool allow_objects : { false, true }) {
		Variant value;
		int used = -1;
		if (decode_variant(value, p_data, int(p_size), &used, allow_objects) != OK) {
			continue;
		}
		if (used < 4 || size_t(used) > p_size) {
			fuzz_failure("r_len is out of range");
		}
		check_round_trip(value, allow_objects);
	}
	return 0;
}
