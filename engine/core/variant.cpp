#include "core/variant.h"

#include "core/object.h"
#include "core/ref_counted.h"

#include <cmath>
#include <cstring>

namespace godot {

// ---------------------------------------------------------------- Array

Array::Array() :
		elements(std::make_shared<std::vector<Variant>>()) {}

std::vector<Variant> &Array::writable() {
	return *elements;
}

int64_t Array::size() const {
	return int64_t(elements->size());
}

const Variant &Array::operator[](int64_t p_index) const {
	return (*elements)[size_t(p_index)];
}

void Array::set(int64_t p_index, const Variant &p_value) {
	writable()[size_t(p_index)] = p_value;
}

void Array::push_back(const Variant &p_value) {
	writable().push_back(p_value);
}

void Array::resize(int64_t p_size) {
	writable().resize(size_t(p_size));
}

void Array::clear() {
	writable().clear();
}

bool Array::has(const Variant &p_value) const {
	for (const Variant &element : *elements) {
		if (element == p_value) {
			return true;
		}
	}
	return false;
}

const Variant *Array::begin() const {
	return elements->data();
}

const Variant *Array::end() const {
	return elements->data() + elements->size();
}

// ---------------------------------------------------------------- Dictionary

struct Dictionary::Data {
	std::vector<std::pair<Variant, Variant>> entries;
	std::unordered_map<Variant, size_t, VariantHasher> index;
};

Dictionary::Dictionary() :
		data(std::make_shared<Data>()) {}

int64_t Dictionary::size() const {
	return int64_t(data->entries.size());
}

bool Dictionary::has(const Variant &p_key) const {
	return data->index.count(p_key) != 0;
}

const Variant *Dictionary::getptr(const Variant &p_key) const {
	const auto found = data->index.find(p_key);
	return found == data->index.end() ? nullptr : &data->entries[found->second].second;
}

Variant Dictionary::get(const Variant &p_key, const Variant &p_default) const {
	const Variant *value = getptr(p_key);
	return value ? *value : p_default;
}

void Dictionary::set(const Variant &p_key, const Variant &p_value) {
	const auto found = data->index.find(p_key);
	if (found != data->index.end()) {
		data->entries[found->second].second = p_value;
		return;
	}
	data->index.emplace(p_key, data->entries.size());
	data->entries.emplace_back(p_key, p_value);
}

bool Dictionary::erase(const Variant &p_key) {
	const auto found = data->index.find(p_key);
	if (found == data->index.end()) {
		return false;
	}
	const size_t position = found->second;
	data->index.erase(found);
	data->entries.erase(data->entries.begin() + long(position));
	for (auto &entry : data->index) {
		if (entry.second > position) {
			entry.second--;
		}
	}
	return true;
}

void Dictionary::clear() {
	data->entries.clear();
	data->index.clear();
}

const std::vector<std::pair<Variant, Variant>> &Dictionary::entries() const {
	return data->entries;
}

// ---------------------------------------------------------------- Callable

Callable::Callable(const Object *p_object, const StringName &p_method) :
		object(p_object ? p_object->get_instance_id() : 0), method(p_method) {}

void Callable::callp(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const {
	if (custom) {
		custom->call(p_args, p_argcount, r_return, r_error);
		return;
	}
	Object *target = ObjectDB::get_instance(object);
	if (!target) {
		r_error.error = CallError::CALL_ERROR_INSTANCE_IS_NULL;
		return;
	}
	r_return = target->callp(method, p_args, p_argcount, r_error);
}

String Callable::to_string() const {
	if (custom) {
		return custom->describe();
	}
	Object *target = ObjectDB::get_instance(object);
	return (target ? target->get_class() : String("<freed>")) + "::" + method.str();
}

bool Callable::operator==(const Callable &o) const {
	if (custom || o.custom) {
		return custom && o.custom && custom->equals(*o.custom);
	}
	return object == o.object && method == o.method;
}

// ---------------------------------------------------------------- ObjectSlot

Variant::ObjectSlot::ObjectSlot(Object *p_object) :
		object(p_object), id(p_object ? p_object->get_instance_id() : 0) {
	RefCounted *counted_object = Object::cast_to<RefCounted>(p_object);
	if (counted_object) {
		counted_object->reference();
		counted = true;
	}
}

Variant::ObjectSlot::ObjectSlot(const ObjectSlot &p_other) :
		object(p_other.object), id(p_other.id), counted(p_other.counted) {
	if (counted) {
		static_cast<RefCounted *>(object)->reference();
	}
}

Variant::ObjectSlot::ObjectSlot(ObjectSlot &&p_other) noexcept :
		object(p_other.object), id(p_other.id), counted(p_other.counted) {
	p_other.object = nullptr;
	p_other.id = 0;
	p_other.counted = false;
}

Variant::ObjectSlot &Variant::ObjectSlot::operator=(const ObjectSlot &p_other) {
	if (this != &p_other) {
		ObjectSlot copy(p_other);
		*this = std::move(copy);
	}
	return *this;
}

Variant::ObjectSlot &Variant::ObjectSlot::operator=(ObjectSlot &&p_other) noexcept {
	if (this != &p_other) {
		this->~ObjectSlot();
		new (this) ObjectSlot(std::move(p_other));
	}
	return *this;
}

Variant::ObjectSlot::~ObjectSlot() {
	if (counted) {
		Ref<RefCounted>::release(static_cast<RefCounted *>(object));
	}
}

Object *Variant::ObjectSlot::get() const {
	if (counted || !object) {
		return object;
	}
	return ObjectDB::get_instance(id); // A Node may have been freed meanwhile.
}

// ---------------------------------------------------------------- Variant

Variant::Variant(const Object *p_object) {
	if (p_object) {
		value = ObjectSlot(const_cast<Object *>(p_object));
	}
}

Variant::Type Variant::get_type() const {
	static const Type types[] = { NIL, BOOL, INT, FLOAT, STRING, VECTOR2, VECTOR2I, VECTOR3, VECTOR3I, COLOR,
		STRING_NAME, NODE_PATH, OBJECT, CALLABLE, DICTIONARY, ARRAY, PACKED_BYTE_ARRAY, PACKED_INT32_ARRAY,
		PACKED_INT64_ARRAY, PACKED_FLOAT32_ARRAY, PACKED_FLOAT64_ARRAY, PACKED_STRING_ARRAY };
	static_assert(sizeof(types) / sizeof(types[0]) == std::variant_size_v<Storage>);
	return types[value.index()];
}

const char *Variant::get_type_name(Type p_type) {
	static const char *const names[VARIANT_MAX] = { "Nil", "bool", "int", "float", "String", "Vector2",
		"Vector2i", "Rect2", "Rect2i", "Vector3", "Vector3i", "Transform2D", "Vector4", "Vector4i", "Plane",
		"Quaternion", "AABB", "Basis", "Transform3D", "Projection", "Color", "StringName", "NodePath", "RID",
		"Object", "Callable", "Signal", "Dictionary", "Array", "PackedByteArray", "PackedInt32Array",
		"PackedInt64Array", "PackedFloat32Array", "PackedFloat64Array", "PackedStringArray",
		"PackedVector2Array", "PackedVector3Array", "PackedColorArray", "PackedVector4Array" };
	return (p_type >= 0 && p_type < VARIANT_MAX) ? names[p_type] : "<invalid type>";
}

bool Variant::to_bool() const {
	if (const bool *b = get_if<bool>()) {
		return *b;
	}
	if (const int64_t *i = get_if<int64_t>()) {
		return *i != 0;
	}
	if (const double *f = get_if<double>()) {
		return *f != 0.0;
	}
	return false;
}

int64_t Variant::to_int() const {
	if (const int64_t *i = get_if<int64_t>()) {
		return *i;
	}
	if (const double *f = get_if<double>()) {
		// Outside int64's range (or NaN) the cast is undefined behaviour: give 0 as for infinities.
		return (*f >= -9223372036854775808.0 && *f < 9223372036854775808.0) ? int64_t(*f) : 0;
	}
	if (const bool *b = get_if<bool>()) {
		return *b ? 1 : 0;
	}
	return 0;
}

double Variant::to_float() const {
	if (const double *f = get_if<double>()) {
		return *f;
	}
	if (const int64_t *i = get_if<int64_t>()) {
		return double(*i);
	}
	if (const bool *b = get_if<bool>()) {
		return *b ? 1.0 : 0.0;
	}
	return 0.0;
}

String Variant::to_string_value() const {
	if (const String *s = get_if<String>()) {
		return *s;
	}
	if (const StringName *n = get_if<StringName>()) {
		return n->str();
	}
	if (const NodePath *p = get_if<NodePath>()) {
		return p->to_string();
	}
	return String();
}

StringName Variant::to_string_name() const {
	if (const StringName *n = get_if<StringName>()) {
		return *n;
	}
	return StringName(to_string_value());
}

NodePath Variant::to_node_path() const {
	if (const NodePath *p = get_if<NodePath>()) {
		return *p;
	}
	return NodePath(to_string_value());
}

template <typename T>
static T value_or_default(const T *p_value) {
	return p_value ? *p_value : T();
}

Vector2 Variant::to_vector2() const { return value_or_default(get_if<Vector2>()); }
Vector2i Variant::to_vector2i() const { return value_or_default(get_if<Vector2i>()); }
Vector3 Variant::to_vector3() const { return value_or_default(get_if<Vector3>()); }
Vector3i Variant::to_vector3i() const { return value_or_default(get_if<Vector3i>()); }
Color Variant::to_color() const { return value_or_default(get_if<Color>()); }
Callable Variant::to_callable() const { return value_or_default(get_if<Callable>()); }
Dictionary Variant::to_dictionary() const { return value_or_default(get_if<Dictionary>()); }
Array Variant::to_array() const { return value_or_default(get_if<Array>()); }
PackedByteArray Variant::to_packed_byte_array() const { return value_or_default(get_if<PackedByteArray>()); }
PackedInt32Array Variant::to_packed_int32_array() const { return value_or_default(get_if<PackedInt32Array>()); }
PackedInt64Array Variant::to_packed_int64_array() const { return value_or_default(get_if<PackedInt64Array>()); }
PackedFloat32Array Variant::to_packed_float32_array() const { return value_or_default(get_if<PackedFloat32Array>()); }
PackedFloat64Array Variant::to_packed_float64_array() const { return value_or_default(get_if<PackedFloat64Array>()); }
PackedStringArray Variant::to_packed_string_array() const { return value_or_default(get_if<PackedStringArray>()); }

Object *Variant::to_object() const {
	const ObjectSlot *slot = get_if<ObjectSlot>();
	return slot ? slot->get() : nullptr;
}

ObjectID Variant::get_object_id() const {
	const ObjectSlot *slot = get_if<ObjectSlot>();
	return slot ? slot->get_id() : 0;
}

static String format_number(double p_value) {
	if (std::isnan(p_value)) {
		return "nan";
	}
	if (std::isinf(p_value)) {
		return p_value > 0 ? "inf" : "-inf";
	}
	if (p_value == std::floor(p_value) && std::fabs(p_value) < 1e15) {
		char buffer[32];
		snprintf(buffer, sizeof(buffer), "%.1f", p_value);
		return buffer;
	}
	char buffer[32];
	snprintf(buffer, sizeof(buffer), "%.14g", p_value);
	return buffer;
}

template <typename T>
static String join_packed(const PackedArray<T> &p_array, String (*p_format)(const T &)) {
	String text = "[";
	for (int64_t i = 0; i < p_array.size(); i++) {
		text += (i ? ", " : "") + p_format(p_array[size_t(i)]);
	}
	return text + "]";
}

String Variant::stringify(int p_depth) const {
	if (p_depth > 64) {
		return "...";
	}
	switch (get_type()) {
		case NIL:
			return "<null>";
		case BOOL:
			return to_bool() ? "true" : "false";
		case INT:
			return std::to_string(to_int());
		case FLOAT:
			return format_number(to_float());
		case STRING:
			// Inside containers strings are quoted, as Godot 4 prints them.
			return p_depth > 0 ? "\"" + to_string_value() + "\"" : to_string_value();
		case STRING_NAME:
		case NODE_PATH:
			return to_string_value();
		case VECTOR2: {
			const Vector2 v = to_vector2();
			return "(" + format_number(v.x) + ", " + format_number(v.y) + ")";
		}
		case VECTOR2I: {
			const Vector2i v = to_vector2i();
			return "(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ")";
		}
		case VECTOR3: {
			const Vector3 v = to_vector3();
			return "(" + format_number(v.x) + ", " + format_number(v.y) + ", " + format_number(v.z) + ")";
		}
		case VECTOR3I: {
			const Vector3i v = to_vector3i();
			return "(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ", " + std::to_string(v.z) + ")";
		}
		case COLOR: {
			const Color c = to_color();
			return "(" + format_number(c.r) + ", " + format_number(c.g) + ", " + format_number(c.b) + ", " + format_number(c.a) + ")";
		}
		case OBJECT: {
			Object *object = to_object();
			if (!object) {
				return get_object_id() ? "<Freed Object>" : "<null>";
			}
			return object->to_string();
		}
		case CALLABLE:
			return to_callable().to_string();
		case DICTIONARY: {
			String text = "{ ";
			bool first = true;
			for (const auto &entry : to_dictionary().entries()) {
				text += (first ? "" : ", ") + entry.first.stringify(p_depth + 1) + ": " + entry.second.stringify(p_depth + 1);
				first = false;
			}
			return first ? "{  }" : text + " }";
		}
		case ARRAY: {
			String text = "[";
			bool first = true;
			for (const Variant &element : to_array()) {
				text += (first ? "" : ", ") + element.stringify(p_depth + 1);
				first = false;
			}
			return text + "]";
		}
		case PACKED_BYTE_ARRAY:
			return join_packed<uint8_t>(*get_if<PackedByteArray>(), [](const uint8_t &v) { return std::to_string(v); });
		case PACKED_INT32_ARRAY:
			return join_packed<int32_t>(*get_if<PackedInt32Array>(), [](const int32_t &v) { return std::to_string(v); });
		case PACKED_INT64_ARRAY:
			return join_packed<int64_t>(*get_if<PackedInt64Array>(), [](const int64_t &v) { return std::to_string(v); });
		case PACKED_FLOAT32_ARRAY:
			return join_packed<float>(*get_if<PackedFloat32Array>(), [](const float &v) { return format_number(v); });
		case PACKED_FLOAT64_ARRAY:
			return join_packed<double>(*get_if<PackedFloat64Array>(), [](const double &v) { return format_number(v); });
		case PACKED_STRING_ARRAY:
			return join_packed<String>(*get_if<PackedStringArray>(), [](const String &v) { return "\"" + v + "\""; });
		default:
			return String("<") + get_type_name(get_type()) + ">";
	}
}

bool Variant::booleanize() const {
	switch (get_type()) {
		case NIL:
			return false;
		case BOOL:
		case INT:
		case FLOAT:
			return to_bool();
		case STRING:
		case STRING_NAME:
		case NODE_PATH:
			return !to_string_value().empty();
		case OBJECT:
			return to_object() != nullptr;
		case ARRAY:
			return !to_array().is_empty();
		case DICTIONARY:
			return !to_dictionary().is_empty();
		default:
			return true;
	}
}

static size_t hash_combine(size_t p_seed, size_t p_value) {
	return p_seed ^ (p_value + 0x9e3779b97f4a7c15ULL + (p_seed << 6) + (p_seed >> 2));
}

template <typename T>
static size_t hash_bytes_of(const T &p_value) {
	return std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char *>(&p_value), sizeof(T)));
}

// Packed arrays of plain numbers hash their bytes, so equal contents hash alike.
template <typename T>
static size_t hash_elements(const PackedArray<T> &p_array) {
	return std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char *>(p_array.ptr()), size_t(p_array.size()) * sizeof(T)));
}

size_t Variant::hash() const {
	const size_t seed = size_t(get_type()) * 31;
	switch (get_type()) {
		case NIL:
			return seed;
		case BOOL:
		case INT:
			return hash_combine(seed, std::hash<int64_t>()(to_int()));
		case FLOAT:
			return hash_combine(seed, std::hash<double>()(to_float()));
		case STRING:
		case STRING_NAME:
		case NODE_PATH:
			return hash_combine(seed, std::hash<String>()(to_string_value()));
		case VECTOR2:
			return hash_combine(seed, hash_bytes_of(to_vector2()));
		case VECTOR2I:
			return hash_combine(seed, hash_bytes_of(to_vector2i()));
		case VECTOR3:
			return hash_combine(seed, hash_bytes_of(to_vector3()));
		case VECTOR3I:
			return hash_combine(seed, hash_bytes_of(to_vector3i()));
		case COLOR:
			return hash_combine(seed, hash_bytes_of(to_color()));
		case OBJECT:
			return hash_combine(seed, std::hash<uint64_t>()(get_object_id()));
		case ARRAY: {
			size_t h = seed;
			for (const Variant &element : to_array()) {
				h = hash_combine(h, element.hash());
			}
			return h;
		}
		case DICTIONARY: {
			size_t h = seed;
			for (const auto &entry : to_dictionary().entries()) {
				h = hash_combine(hash_combine(h, entry.first.hash()), entry.second.hash());
			}
			return h;
		}
		case PACKED_BYTE_ARRAY:
			return hash_combine(seed, hash_elements(*get_if<PackedByteArray>()));
		case PACKED_INT32_ARRAY:
			return hash_combine(seed, hash_elements(*get_if<PackedInt32Array>()));
		case PACKED_INT64_ARRAY:
			return hash_combine(seed, hash_elements(*get_if<PackedInt64Array>()));
		case PACKED_FLOAT32_ARRAY:
			return hash_combine(seed, hash_elements(*get_if<PackedFloat32Array>()));
		case PACKED_FLOAT64_ARRAY:
			return hash_combine(seed, hash_elements(*get_if<PackedFloat64Array>()));
		case PACKED_STRING_ARRAY: {
			size_t h = seed;
			for (const String &text : *get_if<PackedStringArray>()) {
				h = hash_combine(h, std::hash<String>()(text));
			}
			return h;
		}
		case CALLABLE:
			return hash_combine(seed, std::hash<uint64_t>()(to_callable().get_object_id()));
		default:
			return seed;
	}
}

bool Variant::operator==(const Variant &o) const {
	const Type type = get_type();
	const Type other_type = o.get_type();
	// Numbers compare by value across int and float, as in Godot.
	if ((type == INT || type == FLOAT) && (other_type == INT || other_type == FLOAT)) {
		return type == INT && other_type == INT ? to_int() == o.to_int() : to_float() == o.to_float();
	}
	if ((type == STRING || type == STRING_NAME) && (other_type == STRING || other_type == STRING_NAME)) {
		return to_string_value() == o.to_string_value();
	}
	if (type != other_type) {
		return false;
	}
	switch (type) {
		case NIL:
			return true;
		case OBJECT:
			return get_object_id() == o.get_object_id();
		case ARRAY: {
			const Array a = to_array(), b = o.to_array();
			if (a.size() != b.size()) {
				return false;
			}
			for (int64_t i = 0; i < a.size(); i++) {
				if (a[i] != b[i]) {
					return false;
				}
			}
			return true;
		}
		case DICTIONARY: {
			const Dictionary a = to_dictionary(), b = o.to_dictionary();
			if (a.size() != b.size()) {
				return false;
			}
			for (const auto &entry : a.entries()) {
				const Variant *other = b.getptr(entry.first);
				if (!other || *other != entry.second) {
					return false;
				}
			}
			return true;
		}
		default:
			return value == o.value;
	}
}

} // namespace godot
