// libFuzzer target for the Variant <-> JavaScript conversion (bindings/quickjs/value_converter*).
//
// Every input that the binary decoder accepts becomes a script value (ValueConverter::to_js) and
// back (to_variant), inside a real quickjs-ng context with the built-in value classes loaded, as
// get_var() and put_var() do for a script. The value that comes back must encode to the same bytes
// as the one that went in; where it does not, its text form must still be the same (a NaN's payload
// bits need not survive a JS double). Two kinds of value may change: a Signal whose object does not
// exist here comes back without it, and a NodePath with empty names or subnames (which only
// hand-made bytes hold: Godot never writes one) comes back as Godot's NodePath(String) reads its
// text. Anything else traps; ASan/UBSan (quickjs-ng included) catch memory errors and UB.
//
//   scons use_fuzzer=yes && mkdir -p tests/out/fuzz/variant_conversion && bin/fuzz_variant_conversion.fuzz tests/out/fuzz/variant_conversion tests/fuzz/corpus/variant_decoder

#include "core/io/marshalls.h"
#include "core/object/class_db.h"
#include "core/register_core_types.h"
#include "core/variant/variant_parser.h"
#include "quickjs/quickjs_runtime.h"
#include "quickjs/value_converter.h"

#include <climits>
#include <cstdio>
#include <cstdlib>

using namespace godot;

namespace {

[[noreturn]] void fuzz_failure(const char *p_what, const String &p_detail = String()) {
	fprintf(stderr, "fuzz_variant_conversion: %s %s\n", p_what, p_detail.c_str());
	abort();
}

// One engine and one script runtime for the whole run, torn down at exit so LSan sees no leak.
struct ScriptEngine {
	QuickJSRuntime runtime;

	ScriptEngine() {
		register_core_types();
		if (runtime.initialize(0, 0) != OK) {
			fuzz_failure("the script runtime does not start");
		}
		// Importing "godot" binds ClassDB, so objects (EncodedObjectAsID) get their wrappers.
		JSContext *ctx = runtime.get_context();
		JSValue result = JS_Eval(ctx, "import \"godot\";", 15, "<fuzz>", JS_EVAL_TYPE_MODULE);
		if (JS_IsException(result)) {
			fuzz_failure("the godot module does not load");
		}
		JS_FreeValue(ctx, result);
		runtime.run_microtasks();
	}
	~ScriptEngine() {
		runtime.finalize();
		unregister_core_types();
	}
};

// Whether the value holds a Signal or NodePath, the two that may change (see the top).
bool may_change(const Variant &p_value, int p_depth = 0) {
	if (p_depth > MARSHALLS_MAX_DEPTH) {
		return false;
	}
	switch (p_value.get_type()) {
		case Variant::SIGNAL:
		case Variant::NODE_PATH:
			return true;
		case Variant::ARRAY:
			for (const Variant &element : p_value.to_array()) {
				if (may_change(element, p_depth + 1)) {
					return true;
				}
			}
			return false;
		case Variant::DICTIONARY:
			for (const auto &entry : p_value.to_dictionary().entries()) {
				if (may_change(entry.first, p_depth + 1) || may_change(entry.second, p_depth + 1)) {
					return true;
				}
			}
			return false;
		default:
			return false;
	}
}

String text_of(const Variant &p_value) {
	String text;
	VariantWriter::write_to_string(p_value, text);
	return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *p_data, size_t p_size) {
	if (p_size > size_t(INT_MAX)) {
		return 0;
	}
	static ScriptEngine engine;
	JSContext *ctx = engine.runtime.get_context();
	Variant value;
	int used = -1;
	if (decode_variant(value, p_data, int(p_size), &used, false) != OK) {
		return 0;
	}
	PackedByteArray sent;
	if (encode_variant_to_bytes(value, sent) != OK) {
		fuzz_failure("a decoded value does not encode");
	}
	JSValue script_value = ValueConverter::to_js(ctx, value);
	if (JS_IsException(script_value)) {
		fuzz_failure("a decoded value has no script value");
	}
	Variant back;
	const bool converted = ValueConverter::to_variant(ctx, script_value, back, "fuzz");
	JS_FreeValue(ctx, script_value);
	if (!converted) {
		JS_FreeValue(ctx, JS_GetException(ctx));
		fuzz_failure("a script value made from a Variant does not convert back", text_of(value));
	}
	PackedByteArray received;
	if (encode_variant_to_bytes(back, received) != OK) {
		fuzz_failure("a converted value does not encode");
	}
	if (!(sent == received) && text_of(value) != text_of(back) && !may_change(value)) {
		fuzz_failure("a value changed on its way through a script:", text_of(value) + " -> " + text_of(back));
	}
	engine.runtime.flush_deferred_releases();
	return 0;
}
