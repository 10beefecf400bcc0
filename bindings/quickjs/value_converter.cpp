#include "value_converter_internal.h"

#include "core/object/class_db.h"
#include "js_callable.h"
#include "math_value_fields.h"
#include "object_binding.h"
#include "quickjs_runtime.h"

#include <cctype>

namespace godot {

using namespace value_conversion;
using Kind = BuiltinValueTypes::Kind;
using Field = BuiltinValueTypes::Field;

// ---------------------------------------------------------------- Variant → JS

static JSValue make_number(JSContext *p_ctx, int64_t p_value) {
	if (double(p_value) > MAX_SAFE_INTEGER || double(p_value) < -MAX_SAFE_INTEGER) {
		return JS_NewBigInt64(p_ctx, p_value);
	}
	return JS_NewInt64(p_ctx, p_value);
}

template <typename T>
static JSValue make_typed_array(JSContext *p_ctx, const PackedArray<T> &p_array, JSTypedArrayEnum p_type) {
	JSValue arguments[3] = {
		JS_NewArrayBufferCopy(p_ctx, reinterpret_cast<const uint8_t *>(p_array.ptr()), size_t(p_array.size()) * sizeof(T)),
		JS_NewInt32(p_ctx, 0),
		JS_NewInt64(p_ctx, p_array.size()),
	};
	JSValue result = JS_IsException(arguments[0]) ? JS_EXCEPTION : JS_NewTypedArray(p_ctx, 3, arguments, p_type);
	JS_FreeValue(p_ctx, arguments[0]);
	return result;
}

JSValue ValueConverter::to_js(JSContext *p_ctx, const Variant &p_value) {
	const Variant::Type type = p_value.get_type();
	if (is_math_value_type(type)) {
		return math_value_to_js(p_ctx, value_types(p_ctx), p_value);
	}
	switch (type) {
		case Variant::NIL:
			return JS_NULL;
		case Variant::BOOL:
			return JS_NewBool(p_ctx, p_value.to_bool());
		case Variant::INT:
			return make_number(p_ctx, p_value.to_int());
		case Variant::FLOAT: {
			const double number = p_value.to_float();
			return is_whole(number) ? make_float_box(p_ctx, number) : JS_NewFloat64(p_ctx, number);
		}
		case Variant::STRING:
			return make_string(p_ctx, *p_value.get_if<String>());
		case Variant::STRING_NAME:
			return call_constructor(p_ctx, Variant::STRING_NAME, { make_string(p_ctx, p_value.to_string_value()) });
		case Variant::NODE_PATH:
			return call_constructor(p_ctx, Variant::NODE_PATH, { make_string(p_ctx, p_value.to_string_value()) });
		case Variant::OBJECT:
			return ObjectBindings::wrap(p_ctx, p_value.to_object());
		case Variant::CALLABLE:
			return callable_to_js(p_ctx, p_value.to_callable());
		case Variant::SIGNAL:
			return signal_to_js(p_ctx, p_value.to_signal());
		case Variant::DICTIONARY:
			return dictionary_to_js(p_ctx, p_value.to_dictionary());
		case Variant::ARRAY:
			return array_to_js(p_ctx, p_value.to_array());
		case Variant::PACKED_BYTE_ARRAY: {
			const PackedByteArray *bytes = p_value.get_if<PackedByteArray>();
			return JS_NewUint8ArrayCopy(p_ctx, bytes->ptr(), size_t(bytes->size()));
		}
		case Variant::PACKED_INT32_ARRAY:
			return make_typed_array(p_ctx, *p_value.get_if<PackedInt32Array>(), JS_TYPED_ARRAY_INT32);
		case Variant::PACKED_INT64_ARRAY:
			return make_typed_array(p_ctx, *p_value.get_if<PackedInt64Array>(), JS_TYPED_ARRAY_BIG_INT64);
		case Variant::PACKED_FLOAT32_ARRAY:
			return make_typed_array(p_ctx, *p_value.get_if<PackedFloat32Array>(), JS_TYPED_ARRAY_FLOAT32);
		case Variant::PACKED_FLOAT64_ARRAY:
			return make_typed_array(p_ctx, *p_value.get_if<PackedFloat64Array>(), JS_TYPED_ARRAY_FLOAT64);
		case Variant::PACKED_STRING_ARRAY:
		case Variant::PACKED_VECTOR2_ARRAY:
		case Variant::PACKED_VECTOR3_ARRAY:
		case Variant::PACKED_COLOR_ARRAY:
		case Variant::PACKED_VECTOR4_ARRAY:
			return packed_values_to_js(p_ctx, p_value);
		default:
			return JS_ThrowInternalError(p_ctx, "no script value for a %s", Variant::get_type_name(type));
	}
}

JSValue ValueConverter::to_js_typed(JSContext *p_ctx, const Variant &p_value, const PropertyInfo &p_type) {
	if (p_type.kind != PropertyInfo::KIND_VARIANT && p_type.type == Variant::FLOAT && p_value.get_type() == Variant::FLOAT) {
		return JS_NewFloat64(p_ctx, p_value.to_float());
	}
	return to_js(p_ctx, p_value);
}

// ---------------------------------------------------------------- JS → Variant

// Any value through JavaScript's String(); never leaves an exception pending.
static String js_text(JSContext *p_ctx, JSValueConst p_value) {
	const char *text = JS_ToCString(p_ctx, p_value);
	if (!text) {
		JS_FreeValue(p_ctx, JS_GetException(p_ctx));
		return "<unprintable>";
	}
	String result = text;
	JS_FreeCString(p_ctx, text);
	return result;
}

// A BigInt that fits int64, else a RangeError naming the call (JS_ToBigInt64 alone would wrap).
static bool js_bigint(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int64_t &r_value) {
	if (JS_ToBigInt64(p_ctx, &r_value, p_value) < 0) {
		return false;
	}
	JSValue back = JS_NewBigInt64(p_ctx, r_value);
	const bool exact = JS_IsStrictEqual(p_ctx, back, p_value);
	JS_FreeValue(p_ctx, back);
	if (!exact) {
		String digits;
		js_string(p_ctx, p_value, digits);
		JS_ThrowRangeError(p_ctx, "%sthe integer %s is outside Godot's int range (-2^63 to 2^63 - 1)", prefix(p_context).c_str(), digits.c_str());
		return false;
	}
	return true;
}

static bool js_number(JSContext *p_ctx, JSValueConst p_value, Variant &r_value) {
	if (JS_VALUE_GET_TAG(p_value) == JS_TAG_INT) {
		r_value = Variant(int64_t(JS_VALUE_GET_INT(p_value)));
		return true;
	}
	double number = 0;
	JS_ToFloat64(p_ctx, &number, p_value);
	// Whole numbers are ints, as a Godot script would have them (send a Float for 3.0).
	r_value = is_whole(number) ? Variant(int64_t(number)) : Variant(number);
	return true;
}

static bool typed_array_view_from_js(JSContext *p_ctx, JSValueConst p_value, int p_typed_array, Variant &r_value) {
	const uint8_t *data = nullptr;
	size_t size = 0;
	if (!ValueConverter::byte_view(p_ctx, p_value, data, size)) {
		return false;
	}
	switch (p_typed_array) {
		case JS_TYPED_ARRAY_INT32:
			r_value = Variant(PackedInt32Array(reinterpret_cast<const int32_t *>(data), size / 4));
			return true;
		case JS_TYPED_ARRAY_BIG_INT64:
			r_value = Variant(PackedInt64Array(reinterpret_cast<const int64_t *>(data), size / 8));
			return true;
		case JS_TYPED_ARRAY_FLOAT32:
			r_value = Variant(PackedFloat32Array(reinterpret_cast<const float *>(data), size / 4));
			return true;
		case JS_TYPED_ARRAY_FLOAT64:
			r_value = Variant(PackedFloat64Array(reinterpret_cast<const double *>(data), size / 8));
			return true;
		default:
			r_value = Variant(PackedByteArray(data, size));
			return true;
	}
}

bool ValueConverter::to_variant(JSContext *p_ctx, JSValueConst p_value, Variant &r_value, const char *p_context, int p_depth) {
	if (p_depth > MAX_DEPTH) {
		JS_ThrowRangeError(p_ctx, "%svalue is nested more than %d levels deep (or contains a cycle)", prefix(p_context).c_str(), MAX_DEPTH);
		return false;
	}
	if (JS_IsNull(p_value) || JS_IsUndefined(p_value)) {
		r_value = Variant();
		return true;
	}
	if (JS_IsBool(p_value)) {
		r_value = Variant(bool(JS_ToBool(p_ctx, p_value)));
		return true;
	}
	if (JS_IsNumber(p_value)) {
		return js_number(p_ctx, p_value, r_value);
	}
	if (JS_IsBigInt(p_value)) {
		int64_t number = 0;
		if (!js_bigint(p_ctx, p_value, p_context, number)) {
			return false;
		}
		r_value = Variant(number);
		return true;
	}
	if (JS_IsString(p_value)) {
		String text;
		if (!js_string(p_ctx, p_value, text)) {
			return false;
		}
		r_value = Variant(std::move(text));
		return true;
	}
	if (ObjectBinding *binding = ObjectBindings::get_binding(p_value)) {
		// A freed object reads as null, so is_instance_valid() and comparisons work on it.
		r_value = binding->object ? Variant(binding->object) : Variant();
		return true;
	}
	const int kind = value_types(p_ctx).kind_of(p_ctx, p_value);
	if (kind != BuiltinValueTypes::KIND_NONE) {
		return builtin_from_js(p_ctx, p_value, kind, p_context, p_depth, r_value);
	}
	const int typed_array = JS_GetTypedArrayType(p_value);
	if (typed_array >= 0 || JS_IsArrayBuffer(p_value) || JS_IsDataView(p_value)) {
		return typed_array_view_from_js(p_ctx, p_value, typed_array, r_value);
	}
	if (JS_IsFunction(p_ctx, p_value)) {
		r_value = Variant(Callable(std::make_shared<JSCallable>(p_ctx, p_value, JS_UNDEFINED)));
		return true;
	}
	if (JS_IsArray(p_value)) {
		return array_from_js(p_ctx, p_value, p_context, p_depth, r_value);
	}
	if (JS_IsMap(p_value)) {
		return map_from_js(p_ctx, p_value, false, p_context, p_depth, r_value);
	}
	if (JS_IsError(p_value)) {
		// Godot has no error type: an Error crosses as its text, so that print(error) and
		// str(error) show it rather than an empty Dictionary.
		r_value = Variant(error_text(p_ctx, p_value));
		return true;
	}
	if (JS_IsObject(p_value) && !JS_IsSymbol(p_value)) {
		return object_from_js(p_ctx, p_value, p_context, p_depth, r_value);
	}
	JS_ThrowTypeError(p_ctx, "%sa %s can't be passed to the engine", prefix(p_context).c_str(), describe_js_type(p_ctx, p_value).c_str());
	return false;
}

String ValueConverter::error_text(JSContext *p_ctx, JSValueConst p_error) {
	String text = js_text(p_ctx, p_error); // "TypeError: message"
	JSValue stack = JS_GetPropertyStr(p_ctx, p_error, "stack");
	if (JS_IsString(stack)) {
		const String frames = strip_edges(QuickJSRuntime::from_context(p_ctx)->map_stack(js_text(p_ctx, stack)), false, true);
		if (!frames.empty()) {
			text += "\n" + frames;
		}
	}
	JS_FreeValue(p_ctx, stack);
	return text;
}

String ValueConverter::print_text(JSContext *p_ctx, JSValueConst p_value) {
	if (JS_IsString(p_value)) {
		return js_text(p_ctx, p_value);
	}
	Variant value;
	if (to_variant(p_ctx, p_value, value, "print")) {
		return value.stringify();
	}
	// What the engine cannot hold (a symbol, a cyclic object) prints as JavaScript writes it.
	JS_FreeValue(p_ctx, JS_GetException(p_ctx));
	return js_text(p_ctx, p_value);
}

String ValueConverter::describe_js_type(JSContext *p_ctx, JSValueConst p_value) {
	if (JS_IsNull(p_value)) {
		return "null";
	}
	if (JS_IsUndefined(p_value)) {
		return "undefined";
	}
	if (JS_IsBool(p_value)) {
		return "boolean";
	}
	if (JS_IsNumber(p_value)) {
		return "number";
	}
	if (JS_IsBigInt(p_value)) {
		return "bigint";
	}
	if (JS_IsString(p_value)) {
		return "string";
	}
	if (ObjectBinding *binding = ObjectBindings::get_binding(p_value)) {
		return binding->object ? binding->object->get_class() : String("freed ") + binding->class_name();
	}
	switch (const int kind = value_types(p_ctx).kind_of(p_ctx, p_value)) {
		case BuiltinValueTypes::KIND_NONE:
			break;
		case Kind::FLOAT_BOX:
			return "Float";
		case Kind::TYPED_ARRAY:
			return "TypedArray";
		case Kind::TYPED_DICTIONARY:
			return "TypedDictionary";
		default:
			return Variant::get_type_name(Variant::Type(kind));
	}
	if (JS_IsFunction(p_ctx, p_value)) {
		return "function";
	}
	if (JS_IsArray(p_value)) {
		return "Array";
	}
	static const char *const typed_names[] = { "Uint8ClampedArray", "Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array", "Float16Array", "Float32Array", "Float64Array" };
	const int typed = JS_GetTypedArrayType(p_value);
	if (typed >= 0 && size_t(typed) < sizeof(typed_names) / sizeof(typed_names[0])) {
		return typed_names[typed];
	}
	if (JS_IsMap(p_value)) {
		return "Map";
	}
	return "object";
}

bool ValueConverter::byte_view(JSContext *p_ctx, JSValueConst p_value, const uint8_t *&r_data, size_t &r_size) {
	if (JS_IsArrayBuffer(p_value)) {
		r_data = JS_GetArrayBuffer(p_ctx, &r_size, p_value);
		return r_data != nullptr || r_size == 0;
	}
	size_t offset = 0, length = 0, element = 0;
	JSValue buffer = JS_UNDEFINED;
	if (JS_GetTypedArrayType(p_value) >= 0) {
		buffer = JS_GetTypedArrayBuffer(p_ctx, p_value, &offset, &length, &element);
	} else if (JS_IsDataView(p_value)) {
		// quickjs-ng has no C accessor for a DataView's range: ask the object, as a script would.
		int64_t byte_offset = 0, byte_length = 0;
		JSValue offset_value = JS_GetPropertyStr(p_ctx, p_value, "byteOffset");
		JSValue length_value = JS_GetPropertyStr(p_ctx, p_value, "byteLength");
		const bool ok = JS_ToInt64(p_ctx, &byte_offset, offset_value) == 0 && JS_ToInt64(p_ctx, &byte_length, length_value) == 0;
		JS_FreeValue(p_ctx, offset_value);
		JS_FreeValue(p_ctx, length_value);
		if (!ok) {
			JS_FreeValue(p_ctx, JS_GetException(p_ctx));
			return false;
		}
		offset = size_t(byte_offset);
		length = size_t(byte_length);
		buffer = JS_GetPropertyStr(p_ctx, p_value, "buffer");
	} else {
		return false;
	}
	if (JS_IsException(buffer)) {
		JS_FreeValue(p_ctx, JS_GetException(p_ctx));
		return false;
	}
	size_t buffer_size = 0;
	const uint8_t *data = JS_GetArrayBuffer(p_ctx, &buffer_size, buffer);
	JS_FreeValue(p_ctx, buffer);
	if (!data || offset + length > buffer_size) {
		// Detached, or a view past its buffer's end: usable only when it is empty.
		r_data = nullptr;
		r_size = 0;
		return length == 0;
	}
	r_data = data + offset;
	r_size = length;
	return true;
}

static bool fail_type(JSContext *p_ctx, JSValueConst p_value, const PropertyInfo &p_type, const char *p_context, int p_index) {
	String expected = p_type.type_string();
	if (p_type.kind == PropertyInfo::KIND_ENUM) {
		expected = p_type.class_name + " (a number)";
	} else if (p_type.type == Variant::PACKED_BYTE_ARRAY) {
		expected = "PackedByteArray (a Uint8Array or other ArrayBuffer view)";
	}
	JS_ThrowTypeError(p_ctx, "%s: argument %d ('%s') must be %s, got %s", p_context, p_index + 1, p_type.name.c_str(), expected.c_str(), ValueConverter::describe_js_type(p_ctx, p_value).c_str());
	return false;
}

template <typename T, typename F>
static bool pack_elements(const Array &p_array, F p_accept, Variant &r_value) {
	PackedArray<T> packed;
	for (const Variant &element : p_array) {
		T value;
		if (!p_accept(element, value)) {
			return false;
		}
		packed.push_back(value);
	}
	r_value = Variant(packed);
	return true;
}

template <typename T>
static bool exactly(const Variant &p_element, T &r_value) {
	const T *held = p_element.get_if<T>();
	return held && (r_value = *held, true);
}

template <typename T>
static bool number_of(const Variant &p_element, T &r_value) {
	const Variant::Type type = p_element.get_type();
	return (type == Variant::INT || type == Variant::FLOAT) && (r_value = T(type == Variant::INT ? double(p_element.to_int()) : p_element.to_float()), true);
}

static bool integer_of(const Variant &p_element, int64_t &r_value) {
	return p_element.get_type() == Variant::INT && (r_value = p_element.to_int(), true);
}

// A plain JS array where a packed array is declared: converted when every element fits.
static bool array_to_packed(const Array &p_array, Variant::Type p_type, Variant &r_value) {
	switch (p_type) {
		case Variant::PACKED_INT32_ARRAY:
			return pack_elements<int32_t>(
					p_array, [](const Variant &e, int32_t &r) { int64_t v; return integer_of(e, v) && (r = int32_t(v), true); }, r_value);
		case Variant::PACKED_INT64_ARRAY:
			return pack_elements<int64_t>(p_array, integer_of, r_value);
		case Variant::PACKED_FLOAT32_ARRAY:
			return pack_elements<float>(p_array, number_of<float>, r_value);
		case Variant::PACKED_FLOAT64_ARRAY:
			return pack_elements<double>(p_array, number_of<double>, r_value);
		case Variant::PACKED_STRING_ARRAY:
			return pack_elements<String>(p_array, exactly<String>, r_value);
		case Variant::PACKED_VECTOR2_ARRAY:
			return pack_elements<Vector2>(p_array, exactly<Vector2>, r_value);
		case Variant::PACKED_VECTOR3_ARRAY:
			return pack_elements<Vector3>(p_array, exactly<Vector3>, r_value);
		case Variant::PACKED_COLOR_ARRAY:
			return pack_elements<Color>(p_array, exactly<Color>, r_value);
		case Variant::PACKED_VECTOR4_ARRAY:
			return pack_elements<Vector4>(p_array, exactly<Vector4>, r_value);
		default:
			return false;
	}
}

// Godot's implicit conversions into a declared parameter type that scripts rely on.
static bool convert_declared(Variant &r_value, Variant::Type p_type) {
	const Variant::Type from = r_value.get_type();
	if (from == p_type) {
		return true;
	}
	if (p_type == Variant::FLOAT && (from == Variant::INT || from == Variant::BOOL)) {
		r_value = Variant(r_value.to_float());
		return true;
	}
	if (p_type == Variant::INT && from == Variant::FLOAT && std::isfinite(r_value.to_float()) && std::fabs(r_value.to_float()) < 9.2e18) {
		r_value = Variant(r_value.to_int()); // Godot truncates floats passed as ints.
		return true;
	}
	if ((p_type == Variant::STRING || p_type == Variant::STRING_NAME || p_type == Variant::NODE_PATH) && (from == Variant::STRING || from == Variant::STRING_NAME || from == Variant::NODE_PATH)) {
		const String text = r_value.to_string_value();
		r_value = p_type == Variant::STRING ? Variant(text) : p_type == Variant::STRING_NAME ? Variant(StringName(text))
																							 : Variant(NodePath(text));
		return true;
	}
	if (from == Variant::ARRAY) {
		Variant converted;
		return array_to_packed(r_value.to_array(), p_type, converted) && (r_value = converted, true);
	}
	return false;
}

// A class method taken from its object (`timer.connect("timeout", this.on_timeout)`) that reads
// `this`: called by the engine, `this` would be undefined. Plain, arrow and bound functions, and
// methods that never mention `this`, are fine. Tells them apart by their source text.
static bool is_unbound_method(JSContext *p_ctx, JSValueConst p_function, String &r_name) {
	JSValue prototype = JS_GetPropertyStr(p_ctx, p_function, "prototype");
	const bool plain_function = !JS_IsUndefined(prototype); // Methods and arrows have none.
	JS_FreeValue(p_ctx, prototype);
	if (plain_function) {
		return false;
	}
	String source = js_text(p_ctx, p_function);
	if (begins_with(source, "async ")) {
		source = strip_edges(source.substr(6));
	}
	if (begins_with(source, "*")) {
		source = strip_edges(source.substr(1));
	}
	const size_t open = source.find('(');
	const size_t arrow = source.find("=>");
	const size_t body = source.find('{');
	if (open == 0 || begins_with(source, "function") || open == String::npos || (arrow != String::npos && arrow < body)) {
		return false; // An arrow function, or a native or bound one ("function () { [native code] }").
	}
	bool mentions_this = false;
	for (size_t at = source.find("this", body); at != String::npos && !mentions_this; at = source.find("this", at + 4)) {
		const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
		mentions_this = !is_word(source[at - 1]) && (at + 4 >= source.size() || !is_word(source[at + 4]));
	}
	if (!mentions_this) {
		return false;
	}
	JSValue name = JS_GetPropertyStr(p_ctx, p_function, "name");
	r_name = js_text(p_ctx, name);
	JS_FreeValue(p_ctx, name);
	return true;
}

bool ValueConverter::to_typed_variant(JSContext *p_ctx, JSValueConst p_value, const PropertyInfo &p_type, const char *p_context, int p_index, Variant &r_value) {
	if (p_type.kind == PropertyInfo::KIND_VARIANT) {
		return to_variant(p_ctx, p_value, r_value, p_context);
	}
	switch (p_type.type) {
		case Variant::BOOL:
			if (!JS_IsBool(p_value)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(bool(JS_ToBool(p_ctx, p_value)));
			return true;
		case Variant::INT:
			if (JS_VALUE_GET_TAG(p_value) == JS_TAG_INT) {
				r_value = Variant(int64_t(JS_VALUE_GET_INT(p_value)));
				return true;
			}
			break;
		case Variant::OBJECT: {
			if (JS_IsNull(p_value) || JS_IsUndefined(p_value)) {
				if (p_type.required) {
					JS_ThrowTypeError(p_ctx, "%s: argument %d ('%s') must be a %s, not null", p_context, p_index + 1, p_type.name.c_str(), p_type.class_name.c_str());
					return false;
				}
				r_value = Variant();
				return true;
			}
			ObjectBinding *binding = ObjectBindings::get_binding(p_value);
			if (!binding) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			if (!binding->object) {
				JS_ThrowReferenceError(p_ctx, "%s: argument %d ('%s') is a %s that was already freed", p_context, p_index + 1, p_type.name.c_str(), binding->class_name());
				return false;
			}
			if (!p_type.class_name.empty() && !binding->object->is_class(p_type.class_name)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(binding->object);
			return true;
		}
		case Variant::CALLABLE: {
			String method;
			if (JS_IsFunction(p_ctx, p_value) && is_unbound_method(p_ctx, p_value, method)) {
				JS_ThrowTypeError(p_ctx,
						"%s: argument %d ('%s') is the method %s taken from its object, so `this` would be undefined when it is called; "
						"pass this.%s.bind(this), (...args) => this.%s(...args) or new Callable(this, \"%s\")",
						p_context, p_index + 1, p_type.name.c_str(), method.c_str(), method.c_str(), method.c_str(), method.c_str());
				return false;
			}
			break;
		}
		case Variant::PACKED_BYTE_ARRAY: {
			const uint8_t *data = nullptr;
			size_t size = 0;
			if (!byte_view(p_ctx, p_value, data, size)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(PackedByteArray(data, size));
			return true;
		}
		default:
			break;
	}
	// Everything else: the general conversion, then the declared type (or Godot's implicit
	// conversion into it) must match.
	if (JS_IsNull(p_value) || JS_IsUndefined(p_value) || JS_IsBool(p_value) != (p_type.type == Variant::BOOL)) {
		return fail_type(p_ctx, p_value, p_type, p_context, p_index);
	}
	if (!to_variant(p_ctx, p_value, r_value, p_context)) {
		return false;
	}
	if (!convert_declared(r_value, p_type.type)) {
		return fail_type(p_ctx, p_value, p_type, p_context, p_index);
	}
	return true;
}

} // namespace godot
