#include "value_converter.h"

#include "core/class_db.h"
#include "core/print_string.h"
#include "js_callable.h"
#include "object_binding.h"

#include <cmath>

namespace godot {

static constexpr int MAX_DEPTH = 128;
static constexpr double MAX_SAFE_INTEGER = 9007199254740991.0;

static JSValue make_number(JSContext *p_ctx, int64_t p_value) {
	if (double(p_value) > MAX_SAFE_INTEGER || double(p_value) < -MAX_SAFE_INTEGER) {
		return JS_NewBigInt64(p_ctx, p_value);
	}
	return JS_NewInt64(p_ctx, p_value);
}

template <typename T>
static JSValue make_typed_array(JSContext *p_ctx, const PackedArray<T> &p_array, JSTypedArrayEnum p_type) {
	JSValue buffer = JS_NewArrayBufferCopy(p_ctx, reinterpret_cast<const uint8_t *>(p_array.ptr()), size_t(p_array.size()) * sizeof(T));
	JSValue result = JS_NewTypedArray(p_ctx, 1, &buffer, p_type);
	JS_FreeValue(p_ctx, buffer);
	return result;
}

static JSValue make_fields(JSContext *p_ctx, std::initializer_list<std::pair<const char *, double>> p_fields) {
	JSValue object = JS_NewObject(p_ctx);
	for (const auto &field : p_fields) {
		JS_SetPropertyStr(p_ctx, object, field.first, JS_NewFloat64(p_ctx, field.second));
	}
	return object;
}

JSValue ValueConverter::to_js(JSContext *p_ctx, const Variant &p_value) {
	switch (p_value.get_type()) {
		case Variant::NIL:
			return JS_NULL;
		case Variant::BOOL:
			return JS_NewBool(p_ctx, p_value.to_bool());
		case Variant::INT:
			return make_number(p_ctx, p_value.to_int());
		case Variant::FLOAT:
			return JS_NewFloat64(p_ctx, p_value.to_float());
		case Variant::STRING:
		case Variant::STRING_NAME:
		case Variant::NODE_PATH: {
			const String text = p_value.to_string_value();
			return JS_NewStringLen(p_ctx, text.data(), text.size());
		}
		case Variant::VECTOR2: {
			const Vector2 v = p_value.to_vector2();
			return make_fields(p_ctx, { { "x", v.x }, { "y", v.y } });
		}
		case Variant::VECTOR2I: {
			const Vector2i v = p_value.to_vector2i();
			return make_fields(p_ctx, { { "x", v.x }, { "y", v.y } });
		}
		case Variant::VECTOR3: {
			const Vector3 v = p_value.to_vector3();
			return make_fields(p_ctx, { { "x", v.x }, { "y", v.y }, { "z", v.z } });
		}
		case Variant::VECTOR3I: {
			const Vector3i v = p_value.to_vector3i();
			return make_fields(p_ctx, { { "x", v.x }, { "y", v.y }, { "z", v.z } });
		}
		case Variant::COLOR: {
			const Color c = p_value.to_color();
			return make_fields(p_ctx, { { "r", c.r }, { "g", c.g }, { "b", c.b }, { "a", c.a } });
		}
		case Variant::OBJECT:
			return ObjectBindings::wrap(p_ctx, p_value.to_object());
		case Variant::CALLABLE:
			return JS_NULL; // Callables do not travel back into scripts.
		case Variant::ARRAY: {
			const Array array = p_value.to_array();
			JSValue result = JS_NewArray(p_ctx);
			for (int64_t i = 0; i < array.size(); i++) {
				JS_SetPropertyUint32(p_ctx, result, uint32_t(i), to_js(p_ctx, array[i]));
			}
			return result;
		}
		case Variant::DICTIONARY: {
			const Dictionary dictionary = p_value.to_dictionary();
			bool string_keys = true;
			for (const auto &entry : dictionary.entries()) {
				string_keys = string_keys && entry.first.get_type() == Variant::STRING;
			}
			if (string_keys) {
				JSValue result = JS_NewObject(p_ctx);
				for (const auto &entry : dictionary.entries()) {
					JS_SetPropertyStr(p_ctx, result, entry.first.to_string_value().c_str(), to_js(p_ctx, entry.second));
				}
				return result;
			}
			JSValue global = JS_GetGlobalObject(p_ctx);
			JSValue map_constructor = JS_GetPropertyStr(p_ctx, global, "Map");
			JSValue map = JS_CallConstructor(p_ctx, map_constructor, 0, nullptr);
			JSValue set = JS_GetPropertyStr(p_ctx, map, "set");
			for (const auto &entry : dictionary.entries()) {
				JSValue args[2] = { to_js(p_ctx, entry.first), to_js(p_ctx, entry.second) };
				JS_FreeValue(p_ctx, JS_Call(p_ctx, set, map, 2, args));
				JS_FreeValue(p_ctx, args[0]);
				JS_FreeValue(p_ctx, args[1]);
			}
			JS_FreeValue(p_ctx, set);
			JS_FreeValue(p_ctx, map_constructor);
			JS_FreeValue(p_ctx, global);
			return map;
		}
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
		case Variant::PACKED_STRING_ARRAY: {
			const PackedStringArray &strings = *p_value.get_if<PackedStringArray>();
			JSValue result = JS_NewArray(p_ctx);
			for (int64_t i = 0; i < strings.size(); i++) {
				JS_SetPropertyUint32(p_ctx, result, uint32_t(i), JS_NewStringLen(p_ctx, strings[size_t(i)].data(), strings[size_t(i)].size()));
			}
			return result;
		}
		default:
			return JS_NULL;
	}
}

static bool js_string(JSContext *p_ctx, JSValueConst p_value, String &r_text) {
	size_t length = 0;
	const char *text = JS_ToCStringLen(p_ctx, &length, p_value);
	if (!text) {
		return false;
	}
	r_text.assign(text, length);
	JS_FreeCString(p_ctx, text);
	return true;
}

static bool number_field(JSContext *p_ctx, JSValueConst p_object, const char *p_name, double &r_value) {
	JSValue field = JS_GetPropertyStr(p_ctx, p_object, p_name);
	const bool ok = JS_IsNumber(field) && JS_ToFloat64(p_ctx, &r_value, field) == 0;
	JS_FreeValue(p_ctx, field);
	return ok;
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

bool ValueConverter::to_variant(JSContext *p_ctx, JSValueConst p_value, Variant &r_value, int p_depth) {
	if (p_depth > MAX_DEPTH) {
		JS_ThrowRangeError(p_ctx, "value is nested more than %d levels deep (or contains a cycle)", MAX_DEPTH);
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
		if (JS_VALUE_GET_TAG(p_value) == JS_TAG_INT) {
			r_value = Variant(int64_t(JS_VALUE_GET_INT(p_value)));
			return true;
		}
		double number = 0;
		JS_ToFloat64(p_ctx, &number, p_value);
		// Whole numbers stay ints, as a Godot script would have them.
		if (std::trunc(number) == number && std::fabs(number) <= MAX_SAFE_INTEGER && !(number == 0 && std::signbit(number))) {
			r_value = Variant(int64_t(number));
		} else {
			r_value = Variant(number);
		}
		return true;
	}
	if (JS_IsBigInt(p_value)) {
		int64_t number = 0;
		if (JS_ToBigInt64(p_ctx, &number, p_value) < 0) {
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
	const int typed_array = JS_GetTypedArrayType(p_value);
	if (typed_array >= 0 || JS_IsArrayBuffer(p_value)) {
		const uint8_t *data = nullptr;
		size_t size = 0;
		if (!byte_view(p_ctx, p_value, data, size)) {
			return false;
		}
		switch (typed_array) {
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
	if (JS_IsFunction(p_ctx, p_value)) {
		r_value = Variant(Callable(std::make_shared<JSCallable>(p_ctx, p_value, JS_UNDEFINED)));
		return true;
	}
	if (JS_IsArray(p_value)) {
		int64_t length = 0;
		if (JS_GetLength(p_ctx, p_value, &length) < 0) {
			return false;
		}
		Array array;
		array.resize(length);
		for (int64_t i = 0; i < length; i++) {
			JSValue element = JS_GetPropertyUint32(p_ctx, p_value, uint32_t(i));
			Variant converted;
			const bool ok = to_variant(p_ctx, element, converted, p_depth + 1);
			JS_FreeValue(p_ctx, element);
			if (!ok) {
				return false;
			}
			array.set(i, converted);
		}
		r_value = Variant(array);
		return true;
	}
	if (JS_IsMap(p_value)) {
		Dictionary dictionary;
		JSValue entries_fn = JS_GetPropertyStr(p_ctx, p_value, "entries");
		JSValue iterator = JS_Call(p_ctx, entries_fn, p_value, 0, nullptr);
		JS_FreeValue(p_ctx, entries_fn);
		JSValue next = JS_GetPropertyStr(p_ctx, iterator, "next");
		bool ok = true;
		while (ok) {
			JSValue step = JS_Call(p_ctx, next, iterator, 0, nullptr);
			if (JS_IsException(step)) {
				ok = false;
				break;
			}
			JSValue done = JS_GetPropertyStr(p_ctx, step, "done");
			const bool finished = JS_ToBool(p_ctx, done);
			JS_FreeValue(p_ctx, done);
			if (finished) {
				JS_FreeValue(p_ctx, step);
				break;
			}
			JSValue pair = JS_GetPropertyStr(p_ctx, step, "value");
			JSValue key = JS_GetPropertyUint32(p_ctx, pair, 0);
			JSValue value = JS_GetPropertyUint32(p_ctx, pair, 1);
			Variant key_variant, value_variant;
			ok = to_variant(p_ctx, key, key_variant, p_depth + 1) && to_variant(p_ctx, value, value_variant, p_depth + 1);
			if (ok) {
				dictionary.set(key_variant, value_variant);
			}
			JS_FreeValue(p_ctx, key);
			JS_FreeValue(p_ctx, value);
			JS_FreeValue(p_ctx, pair);
			JS_FreeValue(p_ctx, step);
		}
		JS_FreeValue(p_ctx, next);
		JS_FreeValue(p_ctx, iterator);
		if (ok) {
			r_value = Variant(dictionary);
		}
		return ok;
	}
	if (JS_IsObject(p_value)) {
		JSPropertyEnum *properties = nullptr;
		uint32_t count = 0;
		if (JS_GetOwnPropertyNames(p_ctx, &properties, &count, p_value, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
			return false;
		}
		Dictionary dictionary;
		bool ok = true;
		for (uint32_t i = 0; i < count && ok; i++) {
			JSValue key = JS_AtomToString(p_ctx, properties[i].atom);
			JSValue value = JS_GetProperty(p_ctx, p_value, properties[i].atom);
			String key_text;
			Variant value_variant;
			ok = js_string(p_ctx, key, key_text) && to_variant(p_ctx, value, value_variant, p_depth + 1);
			if (ok) {
				dictionary.set(Variant(key_text), value_variant);
			}
			JS_FreeValue(p_ctx, key);
			JS_FreeValue(p_ctx, value);
		}
		JS_FreePropertyEnum(p_ctx, properties, count);
		if (ok) {
			r_value = Variant(dictionary);
		}
		return ok;
	}
	JS_ThrowTypeError(p_ctx, "a %s can't be passed to the engine", describe_js_type(p_ctx, p_value).c_str());
	return false;
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

bool ValueConverter::to_typed_variant(JSContext *p_ctx, JSValueConst p_value, const PropertyInfo &p_type, const char *p_context, int p_index, Variant &r_value) {
	if (p_type.kind == PropertyInfo::KIND_VARIANT) {
		return to_variant(p_ctx, p_value, r_value);
	}
	switch (p_type.type) {
		case Variant::BOOL:
			if (!JS_IsBool(p_value)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(bool(JS_ToBool(p_ctx, p_value)));
			return true;
		case Variant::INT: {
			if (JS_VALUE_GET_TAG(p_value) == JS_TAG_INT) {
				r_value = Variant(int64_t(JS_VALUE_GET_INT(p_value)));
				return true;
			}
			if (JS_IsBigInt(p_value)) {
				int64_t number = 0;
				if (JS_ToBigInt64(p_ctx, &number, p_value) < 0) {
					return false;
				}
				r_value = Variant(number);
				return true;
			}
			double number = 0;
			if (!JS_IsNumber(p_value) || JS_ToFloat64(p_ctx, &number, p_value) < 0 || !std::isfinite(number)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(int64_t(number)); // Godot truncates floats passed as ints.
			return true;
		}
		case Variant::FLOAT: {
			double number = 0;
			if (JS_IsBigInt(p_value)) {
				int64_t big = 0;
				JS_ToBigInt64(p_ctx, &big, p_value);
				number = double(big);
			} else if (!JS_IsNumber(p_value) || JS_ToFloat64(p_ctx, &number, p_value) < 0) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(number);
			return true;
		}
		case Variant::STRING:
		case Variant::STRING_NAME:
		case Variant::NODE_PATH: {
			String text;
			if (!JS_IsString(p_value) || !js_string(p_ctx, p_value, text)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			if (p_type.type == Variant::STRING_NAME) {
				r_value = Variant(StringName(std::move(text)));
			} else if (p_type.type == Variant::NODE_PATH) {
				r_value = Variant(NodePath(text));
			} else {
				r_value = Variant(std::move(text));
			}
			return true;
		}
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
		case Variant::PACKED_BYTE_ARRAY: {
			const uint8_t *data = nullptr;
			size_t size = 0;
			if (!byte_view(p_ctx, p_value, data, size)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(PackedByteArray(data, size));
			return true;
		}
		case Variant::VECTOR2:
		case Variant::VECTOR2I:
		case Variant::VECTOR3:
		case Variant::VECTOR3I: {
			double x = 0, y = 0, z = 0;
			const bool three = p_type.type == Variant::VECTOR3 || p_type.type == Variant::VECTOR3I;
			if (!JS_IsObject(p_value) || !number_field(p_ctx, p_value, "x", x) || !number_field(p_ctx, p_value, "y", y) || (three && !number_field(p_ctx, p_value, "z", z))) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			switch (p_type.type) {
				case Variant::VECTOR2:
					r_value = Variant(Vector2{ real_t(x), real_t(y) });
					break;
				case Variant::VECTOR2I:
					r_value = Variant(Vector2i{ int32_t(x), int32_t(y) });
					break;
				case Variant::VECTOR3:
					r_value = Variant(Vector3{ real_t(x), real_t(y), real_t(z) });
					break;
				default:
					r_value = Variant(Vector3i{ int32_t(x), int32_t(y), int32_t(z) });
					break;
			}
			return true;
		}
		case Variant::COLOR: {
			double r = 0, g = 0, b = 0, a = 1;
			if (!JS_IsObject(p_value) || !number_field(p_ctx, p_value, "r", r) || !number_field(p_ctx, p_value, "g", g) || !number_field(p_ctx, p_value, "b", b)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			number_field(p_ctx, p_value, "a", a);
			r_value = Variant(Color{ float(r), float(g), float(b), float(a) });
			return true;
		}
		case Variant::CALLABLE:
			if (!JS_IsFunction(p_ctx, p_value)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			r_value = Variant(Callable(std::make_shared<JSCallable>(p_ctx, p_value, JS_UNDEFINED)));
			return true;
		case Variant::ARRAY:
			if (!JS_IsArray(p_value)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			return to_variant(p_ctx, p_value, r_value);
		case Variant::DICTIONARY:
			if (!JS_IsObject(p_value) || JS_IsArray(p_value) || JS_IsFunction(p_ctx, p_value) || ObjectBindings::get_binding(p_value)) {
				return fail_type(p_ctx, p_value, p_type, p_context, p_index);
			}
			return to_variant(p_ctx, p_value, r_value);
		case Variant::PACKED_INT32_ARRAY:
		case Variant::PACKED_INT64_ARRAY:
		case Variant::PACKED_FLOAT32_ARRAY:
		case Variant::PACKED_FLOAT64_ARRAY:
		case Variant::PACKED_STRING_ARRAY: {
			Variant converted;
			if (!to_variant(p_ctx, p_value, converted)) {
				return false;
			}
			if (converted.get_type() == p_type.type) {
				r_value = converted;
				return true;
			}
			if (converted.get_type() == Variant::ARRAY && p_type.type == Variant::PACKED_STRING_ARRAY) {
				PackedStringArray strings;
				for (const Variant &element : converted.to_array()) {
					if (element.get_type() != Variant::STRING) {
						return fail_type(p_ctx, p_value, p_type, p_context, p_index);
					}
					strings.push_back(element.to_string_value());
				}
				r_value = Variant(strings);
				return true;
			}
			return fail_type(p_ctx, p_value, p_type, p_context, p_index);
		}
		default:
			return to_variant(p_ctx, p_value, r_value);
	}
}

} // namespace godot
