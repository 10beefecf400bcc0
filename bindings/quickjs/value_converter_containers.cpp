#include "value_converter_internal.h"

#include "js_callable.h"
#include "math_value_fields.h"
#include "object_binding.h"

namespace godot {
namespace value_conversion {

using Kind = BuiltinValueTypes::Kind;
using Field = BuiltinValueTypes::Field;

// ---------------------------------------------------------------- Variant → JS

JSValue call_constructor(JSContext *p_ctx, int p_kind, std::initializer_list<JSValue> p_arguments) {
	std::vector<JSValue> arguments(p_arguments);
	JSValue result = JS_CallConstructor(p_ctx, value_types(p_ctx).get_constructor(p_kind), int(arguments.size()), arguments.data());
	for (JSValue argument : arguments) {
		JS_FreeValue(p_ctx, argument);
	}
	return result;
}

static void define_hidden(JSContext *p_ctx, JSValueConst p_object, Field p_field, JSValue p_value) {
	JS_DefinePropertyValue(p_ctx, p_object, value_types(p_ctx).atom(p_field), p_value, JS_PROP_CONFIGURABLE | JS_PROP_WRITABLE);
}

// Elements of a container typed as float stay plain numbers: the type says what they are.
static JSValue element_to_js(JSContext *p_ctx, const Variant &p_value, Variant::Type p_declared) {
	if (p_declared == Variant::FLOAT && p_value.get_type() == Variant::FLOAT) {
		return JS_NewFloat64(p_ctx, p_value.to_float());
	}
	return ValueConverter::to_js(p_ctx, p_value);
}

// A JS array of converted elements, with the prototype of p_kind (a packed or typed array class).
template <typename T, typename F>
static JSValue make_array(JSContext *p_ctx, const T &p_elements, int p_kind, F p_convert) {
	JSValue result = JS_NewArray(p_ctx);
	uint32_t index = 0;
	for (const auto &element : p_elements) {
		JS_DefinePropertyValueUint32(p_ctx, result, index++, p_convert(element), JS_PROP_C_W_E);
	}
	if (p_kind != BuiltinValueTypes::KIND_NONE) {
		JS_SetPrototype(p_ctx, result, value_types(p_ctx).get_prototype(p_kind));
	}
	return result;
}

// An array index ("7") is a key a plain object would move to the front.
static bool is_array_index(const String &p_key) {
	if (p_key.empty() || p_key.size() > 10 || (p_key[0] == '0' && p_key.size() > 1)) {
		return false;
	}
	for (char c : p_key) {
		if (c < '0' || c > '9') {
			return false;
		}
	}
	return std::stoull(p_key) < 4294967295ull;
}

JSValue dictionary_to_js(JSContext *p_ctx, const Dictionary &p_dictionary) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	if (p_dictionary.is_typed()) {
		JSValue result = call_constructor(p_ctx, Kind::TYPED_DICTIONARY,
				{ JS_NewInt32(p_ctx, p_dictionary.get_typed_key_builtin()), make_string(p_ctx, p_dictionary.get_typed_key_class_name().str()),
						JS_NewInt32(p_ctx, p_dictionary.get_typed_value_builtin()), make_string(p_ctx, p_dictionary.get_typed_value_class_name().str()) });
		if (JS_IsException(result)) {
			return result;
		}
		JSValue set = JS_GetProperty(p_ctx, result, types.atom(Field::FIELD_SET));
		for (const auto &entry : p_dictionary.entries()) {
			JSValue pair[2] = { element_to_js(p_ctx, entry.first, Variant::Type(p_dictionary.get_typed_key_builtin())),
				element_to_js(p_ctx, entry.second, Variant::Type(p_dictionary.get_typed_value_builtin())) };
			JS_FreeValue(p_ctx, JS_Call(p_ctx, set, result, 2, pair));
			JS_FreeValue(p_ctx, pair[0]);
			JS_FreeValue(p_ctx, pair[1]);
		}
		JS_FreeValue(p_ctx, set);
		return result;
	}
	bool plain = true;
	for (const auto &entry : p_dictionary.entries()) {
		plain = plain && entry.first.get_type() == Variant::STRING && !is_array_index(*entry.first.get_if<String>());
	}
	if (plain) {
		JSValue result = JS_NewObject(p_ctx);
		for (const auto &entry : p_dictionary.entries()) {
			// Defined, not assigned: a "__proto__" key is data like any other.
			const String &key = *entry.first.get_if<String>();
			JSAtom atom = JS_NewAtomLen(p_ctx, key.data(), key.size());
			JS_DefinePropertyValue(p_ctx, result, atom, ValueConverter::to_js(p_ctx, entry.second), JS_PROP_C_W_E);
			JS_FreeAtom(p_ctx, atom);
		}
		return result;
	}
	JSValue global = JS_GetGlobalObject(p_ctx);
	JSValue map_constructor = JS_GetPropertyStr(p_ctx, global, "Map");
	JS_FreeValue(p_ctx, global);
	JSValue map = JS_CallConstructor(p_ctx, map_constructor, 0, nullptr);
	JS_FreeValue(p_ctx, map_constructor);
	JSValue set = JS_GetProperty(p_ctx, map, types.atom(Field::FIELD_SET));
	for (const auto &entry : p_dictionary.entries()) {
		// A Map key -0 would become 0 (an int on the way back): such a key is a Float.
		const bool negative_zero = entry.first.get_type() == Variant::FLOAT && entry.first.to_float() == 0 && std::signbit(entry.first.to_float());
		JSValue pair[2] = { negative_zero ? make_float_box(p_ctx, -0.0) : ValueConverter::to_js(p_ctx, entry.first), ValueConverter::to_js(p_ctx, entry.second) };
		JS_FreeValue(p_ctx, JS_Call(p_ctx, set, map, 2, pair));
		JS_FreeValue(p_ctx, pair[0]);
		JS_FreeValue(p_ctx, pair[1]);
	}
	JS_FreeValue(p_ctx, set);
	return map;
}

JSValue callable_to_js(JSContext *p_ctx, const Callable &p_callable) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	JSValue object = JS_NULL;
	JSValue function = JS_NULL;
	String method;
	if (const JSCallable *script = dynamic_cast<const JSCallable *>(p_callable.get_custom())) {
		// A script's own function, or the call() of a script Callable it came from.
		if (JS_IsUndefined(script->get_this())) {
			function = JS_DupValue(p_ctx, script->get_function());
		} else {
			return JS_DupValue(p_ctx, script->get_this());
		}
	} else if (!p_callable.is_null()) {
		Object *target = ObjectDB::get_instance(p_callable.get_object_id());
		object = target ? ObjectBindings::wrap(p_ctx, target) : JS_NULL;
		method = p_callable.get_method().str();
	}
	JSValue result = JS_NewObjectProto(p_ctx, types.get_prototype(Variant::CALLABLE));
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_OBJECT), object, JS_PROP_C_W_E);
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_METHOD), make_string(p_ctx, method), JS_PROP_C_W_E);
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_FUNCTION), function, JS_PROP_C_W_E);
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_BOUND), JS_NewArray(p_ctx), JS_PROP_C_W_E);
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_UNBOUND), JS_NewInt32(p_ctx, 0), JS_PROP_C_W_E);
	return result;
}

JSValue signal_to_js(JSContext *p_ctx, const Signal &p_signal) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	Object *target = ObjectDB::get_instance(p_signal.get_object_id());
	JSValue result = JS_NewObjectProto(p_ctx, types.get_prototype(Variant::SIGNAL));
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_OBJECT), target ? ObjectBindings::wrap(p_ctx, target) : JS_NULL, JS_PROP_C_W_E);
	JS_DefinePropertyValue(p_ctx, result, types.atom(Field::FIELD_NAME), make_string(p_ctx, p_signal.get_name().str()), JS_PROP_C_W_E);
	return result;
}

JSValue array_to_js(JSContext *p_ctx, const Array &p_array) {
	if (!p_array.is_typed()) {
		return make_array(p_ctx, p_array, BuiltinValueTypes::KIND_NONE, [p_ctx](const Variant &v) { return ValueConverter::to_js(p_ctx, v); });
	}
	const Variant::Type element_type = Variant::Type(p_array.get_typed_builtin());
	JSValue result = make_array(p_ctx, p_array, Kind::TYPED_ARRAY, [p_ctx, element_type](const Variant &v) { return element_to_js(p_ctx, v, element_type); });
	define_hidden(p_ctx, result, Field::FIELD_TYPE, JS_NewInt32(p_ctx, element_type));
	define_hidden(p_ctx, result, Field::FIELD_CLASS_NAME, make_string(p_ctx, p_array.get_typed_class_name().str()));
	return result;
}

JSValue packed_values_to_js(JSContext *p_ctx, const Variant &p_value) {
	const auto element = [p_ctx](const auto &v) { return ValueConverter::to_js(p_ctx, Variant(v)); };
	switch (p_value.get_type()) {
		case Variant::PACKED_STRING_ARRAY:
			return make_array(p_ctx, *p_value.get_if<PackedStringArray>(), Variant::PACKED_STRING_ARRAY, [p_ctx](const String &s) { return make_string(p_ctx, s); });
		case Variant::PACKED_VECTOR2_ARRAY:
			return make_array(p_ctx, *p_value.get_if<PackedVector2Array>(), Variant::PACKED_VECTOR2_ARRAY, element);
		case Variant::PACKED_VECTOR3_ARRAY:
			return make_array(p_ctx, *p_value.get_if<PackedVector3Array>(), Variant::PACKED_VECTOR3_ARRAY, element);
		case Variant::PACKED_COLOR_ARRAY:
			return make_array(p_ctx, *p_value.get_if<PackedColorArray>(), Variant::PACKED_COLOR_ARRAY, element);
		case Variant::PACKED_VECTOR4_ARRAY:
			return make_array(p_ctx, *p_value.get_if<PackedVector4Array>(), Variant::PACKED_VECTOR4_ARRAY, element);
		default:
			return JS_ThrowInternalError(p_ctx, "packed_values_to_js: a %s", Variant::get_type_name(p_value.get_type()));
	}
}

// ---------------------------------------------------------------- JS → Variant

// Calls p_each(element) for every element of a JS array (or array-like class instance).
template <typename F>
static bool for_each_element(JSContext *p_ctx, JSValueConst p_array, F p_each) {
	int64_t length = 0;
	if (JS_GetLength(p_ctx, p_array, &length) < 0) {
		return false;
	}
	for (int64_t i = 0; i < length; i++) {
		JSValue element = JS_GetPropertyInt64(p_ctx, p_array, i);
		const bool ok = !JS_IsException(element) && p_each(element, i);
		JS_FreeValue(p_ctx, element);
		if (!ok) {
			return false;
		}
	}
	return true;
}

static bool read_int_field(JSContext *p_ctx, JSValueConst p_object, Field p_field, int64_t &r_value) {
	JSValue value = JS_GetProperty(p_ctx, p_object, value_types(p_ctx).atom(p_field));
	const bool ok = JS_IsNumber(value) && JS_ToInt64(p_ctx, &r_value, value) == 0;
	JS_FreeValue(p_ctx, value);
	return ok;
}

static bool read_string_field(JSContext *p_ctx, JSValueConst p_object, Field p_field, String &r_value) {
	JSValue value = JS_GetProperty(p_ctx, p_object, value_types(p_ctx).atom(p_field));
	const bool ok = JS_IsString(value) && js_string(p_ctx, value, r_value);
	JS_FreeValue(p_ctx, value);
	return ok;
}

// An element of a typed container: an int becomes a float, a String a StringName (and back), and
// an object slot may hold null, as in Godot's typed containers; any other mismatch is an error.
static bool convert_element(JSContext *p_ctx, JSValueConst p_value, Variant::Type p_declared, const char *p_context, int p_depth, Variant &r_value) {
	if (!ValueConverter::to_variant(p_ctx, p_value, r_value, p_context, p_depth + 1)) {
		return false;
	}
	if (p_declared == Variant::NIL || r_value.get_type() == p_declared) {
		return true;
	}
	if (p_declared == Variant::FLOAT && r_value.get_type() == Variant::INT) {
		r_value = Variant(double(r_value.to_int()));
		return true;
	}
	if (p_declared == Variant::OBJECT && r_value.is_nil()) {
		return true; // An object slot may be empty.
	}
	if ((p_declared == Variant::STRING || p_declared == Variant::STRING_NAME) && (r_value.get_type() == Variant::STRING || r_value.get_type() == Variant::STRING_NAME)) {
		r_value = p_declared == Variant::STRING ? Variant(r_value.to_string_value()) : Variant(r_value.to_string_name());
		return true;
	}
	JS_ThrowTypeError(p_ctx, "%sa container typed %s can't hold a %s", prefix(p_context).c_str(), Variant::get_type_name(p_declared), ValueConverter::describe_js_type(p_ctx, p_value).c_str());
	return false;
}

// The elements of a JS array into p_array (typed p_declared, or NIL for any), then r_value.
static bool fill_array(JSContext *p_ctx, JSValueConst p_value, Array p_array, Variant::Type p_declared, const char *p_context, int p_depth, Variant &r_value) {
	const bool ok = for_each_element(p_ctx, p_value, [&](JSValueConst element, int64_t) {
		Variant converted;
		if (!convert_element(p_ctx, element, p_declared, p_context, p_depth, converted)) {
			return false;
		}
		p_array.push_back(converted);
		return true;
	});
	if (ok) {
		r_value = Variant(p_array);
	}
	return ok;
}

static bool typed_array_from_js(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int p_depth, Variant &r_value) {
	int64_t type = 0;
	String class_name;
	if (!read_int_field(p_ctx, p_value, Field::FIELD_TYPE, type) || !read_string_field(p_ctx, p_value, Field::FIELD_CLASS_NAME, class_name) || type < 0 || type >= Variant::VARIANT_MAX) {
		JS_ThrowTypeError(p_ctx, "%sa TypedArray without a valid element type", prefix(p_context).c_str());
		return false;
	}
	Array array;
	array.set_typed(Variant::Type(type), StringName(class_name));
	return fill_array(p_ctx, p_value, array, Variant::Type(type), p_context, p_depth, r_value);
}

// Entries of a Map (or TypedDictionary) through its iterator.
template <typename F>
static bool for_each_entry(JSContext *p_ctx, JSValueConst p_map, F p_each) {
	JSValue entries_function = JS_GetPropertyStr(p_ctx, p_map, "entries");
	JSValue iterator = JS_Call(p_ctx, entries_function, p_map, 0, nullptr);
	JS_FreeValue(p_ctx, entries_function);
	if (JS_IsException(iterator)) {
		return false;
	}
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
		if (!finished) {
			JSValue pair = JS_GetPropertyStr(p_ctx, step, "value");
			JSValue key = JS_GetPropertyUint32(p_ctx, pair, 0);
			JSValue value = JS_GetPropertyUint32(p_ctx, pair, 1);
			ok = p_each(key, value);
			JS_FreeValue(p_ctx, key);
			JS_FreeValue(p_ctx, value);
			JS_FreeValue(p_ctx, pair);
		}
		JS_FreeValue(p_ctx, step);
		if (finished) {
			break;
		}
	}
	JS_FreeValue(p_ctx, next);
	JS_FreeValue(p_ctx, iterator);
	return ok;
}

bool map_from_js(JSContext *p_ctx, JSValueConst p_value, bool p_typed, const char *p_context, int p_depth, Variant &r_value) {
	Dictionary dictionary;
	Variant::Type key_type = Variant::NIL, value_type = Variant::NIL;
	if (p_typed) {
		int64_t key = 0, value = 0;
		String key_class, value_class;
		if (!read_int_field(p_ctx, p_value, Field::FIELD_KEY_TYPE, key) || !read_int_field(p_ctx, p_value, Field::FIELD_VALUE_TYPE, value) || !read_string_field(p_ctx, p_value, Field::FIELD_KEY_CLASS_NAME, key_class) || !read_string_field(p_ctx, p_value, Field::FIELD_VALUE_CLASS_NAME, value_class) || key < 0 || key >= Variant::VARIANT_MAX || value < 0 || value >= Variant::VARIANT_MAX) {
			JS_ThrowTypeError(p_ctx, "%sa TypedDictionary without valid key and value types", prefix(p_context).c_str());
			return false;
		}
		key_type = Variant::Type(key);
		value_type = Variant::Type(value);
		dictionary.set_typed(key_type, StringName(key_class), value_type, StringName(value_class));
	}
	const bool ok = for_each_entry(p_ctx, p_value, [&](JSValueConst key, JSValueConst value) {
		Variant key_variant, value_variant;
		if (!convert_element(p_ctx, key, key_type, p_context, p_depth, key_variant) || !convert_element(p_ctx, value, value_type, p_context, p_depth, value_variant)) {
			return false;
		}
		dictionary.set(key_variant, value_variant);
		return true;
	});
	if (ok) {
		r_value = Variant(dictionary);
	}
	return ok;
}

bool object_from_js(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int p_depth, Variant &r_value) {
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
		ok = !JS_IsException(value) && js_string(p_ctx, key, key_text) && ValueConverter::to_variant(p_ctx, value, value_variant, p_context, p_depth + 1);
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

static bool callable_from_js(JSContext *p_ctx, JSValueConst p_value, Variant &r_value) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	JSValue object = JS_GetProperty(p_ctx, p_value, types.atom(Field::FIELD_OBJECT));
	JSValue function = JS_GetProperty(p_ctx, p_value, types.atom(Field::FIELD_FUNCTION));
	JSValue bound = JS_GetProperty(p_ctx, p_value, types.atom(Field::FIELD_BOUND));
	int64_t bound_count = 0, unbound = 0;
	JS_GetLength(p_ctx, bound, &bound_count);
	read_int_field(p_ctx, p_value, Field::FIELD_UNBOUND, unbound);
	String method;
	read_string_field(p_ctx, p_value, Field::FIELD_METHOD, method);
	ObjectBinding *binding = ObjectBindings::get_binding(object);
	if (binding && binding->object && !method.empty() && bound_count == 0 && unbound == 0) {
		// A plain object.method: the engine's own Callable, equal to Godot's.
		r_value = Variant(Callable(binding->object, StringName(method)));
	} else if (JS_IsFunction(p_ctx, function) || binding) {
		// Bound arguments, or a script function: the script Callable's call() does the work.
		JSValue call = JS_GetPropertyStr(p_ctx, p_value, "call");
		r_value = Variant(Callable(std::make_shared<JSCallable>(p_ctx, call, p_value)));
		JS_FreeValue(p_ctx, call);
	} else {
		r_value = Variant(Callable());
	}
	JS_FreeValue(p_ctx, object);
	JS_FreeValue(p_ctx, function);
	JS_FreeValue(p_ctx, bound);
	return true;
}

static bool signal_from_js(JSContext *p_ctx, JSValueConst p_value, Variant &r_value) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	JSValue object = JS_GetProperty(p_ctx, p_value, types.atom(Field::FIELD_OBJECT));
	ObjectBinding *binding = ObjectBindings::get_binding(object);
	String name;
	read_string_field(p_ctx, p_value, Field::FIELD_NAME, name);
	r_value = Variant(Signal(binding && binding->object ? binding->object->get_instance_id() : ObjectID(0), StringName(name)));
	JS_FreeValue(p_ctx, object);
	return true;
}

// The packed arrays of values: every element must be of the element class.
template <typename T>
static bool packed_from_js(JSContext *p_ctx, JSValueConst p_value, Variant::Type p_element, const char *p_context, int p_depth, Variant &r_value) {
	PackedArray<T> packed;
	const bool ok = for_each_element(p_ctx, p_value, [&](JSValueConst element, int64_t index) {
		Variant converted;
		if (!ValueConverter::to_variant(p_ctx, element, converted, p_context, p_depth + 1)) {
			return false;
		}
		if (const T *typed = converted.get_if<T>()) {
			packed.push_back(*typed);
			return true;
		}
		JS_ThrowTypeError(p_ctx, "%selement %d of a packed array of %s is a %s", prefix(p_context).c_str(), int(index), Variant::get_type_name(p_element), ValueConverter::describe_js_type(p_ctx, element).c_str());
		return false;
	});
	if (ok) {
		r_value = Variant(packed);
	}
	return ok;
}

// An instance of one of the built-in value classes.
bool builtin_from_js(JSContext *p_ctx, JSValueConst p_value, int p_kind, const char *p_context, int p_depth, Variant &r_value) {
	if (p_kind < Variant::VARIANT_MAX && is_math_value_type(Variant::Type(p_kind))) {
		return math_value_from_js(p_ctx, value_types(p_ctx), Variant::Type(p_kind), p_value, p_context, r_value);
	}
	switch (p_kind) {
		case Kind::FLOAT_BOX: {
			JSValue number = JS_GetProperty(p_ctx, p_value, value_types(p_ctx).atom(Field::FIELD_VALUE));
			double value = 0;
			const bool ok = JS_IsNumber(number) && JS_ToFloat64(p_ctx, &value, number) == 0;
			JS_FreeValue(p_ctx, number);
			if (!ok) {
				JS_ThrowTypeError(p_ctx, "%sa Float's value must be a number", prefix(p_context).c_str());
				return false;
			}
			r_value = Variant(value);
			return true;
		}
		case Variant::STRING_NAME:
		case Variant::NODE_PATH: {
			String text;
			if (!js_string(p_ctx, p_value, text)) {
				return false;
			}
			r_value = p_kind == Variant::STRING_NAME ? Variant(StringName(text)) : Variant(NodePath(text));
			return true;
		}
		case Variant::CALLABLE:
			return callable_from_js(p_ctx, p_value, r_value);
		case Variant::SIGNAL:
			return signal_from_js(p_ctx, p_value, r_value);
		case Variant::PACKED_STRING_ARRAY:
			return packed_from_js<String>(p_ctx, p_value, Variant::STRING, p_context, p_depth, r_value);
		case Variant::PACKED_VECTOR2_ARRAY:
			return packed_from_js<Vector2>(p_ctx, p_value, Variant::VECTOR2, p_context, p_depth, r_value);
		case Variant::PACKED_VECTOR3_ARRAY:
			return packed_from_js<Vector3>(p_ctx, p_value, Variant::VECTOR3, p_context, p_depth, r_value);
		case Variant::PACKED_COLOR_ARRAY:
			return packed_from_js<Color>(p_ctx, p_value, Variant::COLOR, p_context, p_depth, r_value);
		case Variant::PACKED_VECTOR4_ARRAY:
			return packed_from_js<Vector4>(p_ctx, p_value, Variant::VECTOR4, p_context, p_depth, r_value);
		case Kind::TYPED_ARRAY:
			return typed_array_from_js(p_ctx, p_value, p_context, p_depth, r_value);
		case Kind::TYPED_DICTIONARY:
			return map_from_js(p_ctx, p_value, true, p_context, p_depth, r_value);
		default:
			JS_ThrowTypeError(p_ctx, "%sa %s can't be passed to the engine", prefix(p_context).c_str(), ValueConverter::describe_js_type(p_ctx, p_value).c_str());
			return false;
	}
}

bool array_from_js(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int p_depth, Variant &r_value) {
	return fill_array(p_ctx, p_value, Array(), Variant::NIL, p_context, p_depth, r_value);
}

} // namespace value_conversion
} // namespace godot
