// Array, Dictionary and their element typing (declared in core/variant.h, next to Variant,
// which holds them by value).

#include "core/object.h"
#include "core/print_string.h"
#include "core/variant.h"

#include <unordered_map>

namespace godot {

// ---------------------------------------------------------------- ContainerType

bool ContainerType::validate(Variant &r_value) const {
	if (builtin == Variant::NIL) {
		return true;
	}
	const Variant::Type type = r_value.get_type();
	if (type != builtin) {
		// The conversions Godot's typed containers make on the way in.
		if (builtin == Variant::OBJECT && type == Variant::NIL) {
			return true;
		}
		if (builtin == Variant::FLOAT && type == Variant::INT) {
			r_value = r_value.to_float();
			return true;
		}
		if (builtin == Variant::STRING && type == Variant::STRING_NAME) {
			r_value = r_value.to_string_value();
			return true;
		}
		if (builtin == Variant::STRING_NAME && type == Variant::STRING) {
			r_value = r_value.to_string_name();
			return true;
		}
		return false;
	}
	if (builtin != Variant::OBJECT || class_name.is_empty()) {
		return true;
	}
	const Object *object = r_value.to_object();
	// A freed object is let through, as null. The class itself is checked first, so a class
	// ClassDB has not registered (no parents to look up) still fits its own containers.
	return !object || object->get_class_name() == class_name || object->is_class(class_name.str());
}

String ContainerType::to_string() const {
	if (builtin == Variant::NIL) {
		return "Variant";
	}
	if (builtin == Variant::OBJECT && !class_name.is_empty()) {
		return class_name.str();
	}
	return Variant::get_type_name(builtin);
}

// Shared by Array::set_typed and Dictionary::set_typed: Godot's rules for a container type.
static bool container_type_is_valid(const ContainerType &p_type, const char *p_container) {
	if (p_type.builtin < Variant::NIL || p_type.builtin >= Variant::VARIANT_MAX) {
		print_error(vformat("%s.set_typed: %d is not a Variant type.", p_container, int(p_type.builtin)));
		return false;
	}
	if (!p_type.class_name.is_empty() && p_type.builtin != Variant::OBJECT) {
		print_error(vformat("%s.set_typed: a class name (%s) can only be given with the type Object.", p_container, p_type.class_name.c_str()));
		return false;
	}
	return true;
}

// ---------------------------------------------------------------- Array

struct Array::Data {
	std::vector<Variant> elements;
	ContainerType type;
};

Array::Array() :
		data(std::make_shared<Data>()) {}

bool Array::_validate(Variant &r_value, const char *p_operation) const {
	if (data->type.validate(r_value)) {
		return true;
	}
	print_error(vformat("Array[%s].%s: a %s value does not fit the array's element type.", data->type.to_string().c_str(), p_operation, Variant::get_type_name(r_value.get_type())));
	return false;
}

int64_t Array::size() const {
	return int64_t(data->elements.size());
}

const Variant &Array::operator[](int64_t p_index) const {
	return data->elements[size_t(p_index)];
}

void Array::set(int64_t p_index, const Variant &p_value) {
	Variant value = p_value;
	if (_validate(value, "set")) {
		data->elements[size_t(p_index)] = std::move(value);
	}
}

void Array::push_back(const Variant &p_value) {
	Variant value = p_value;
	if (_validate(value, "push_back")) {
		data->elements.push_back(std::move(value));
	}
}

void Array::resize(int64_t p_size) {
	data->elements.resize(size_t(p_size), Variant::construct_default(data->type.builtin));
}

void Array::clear() {
	data->elements.clear();
}

bool Array::has(const Variant &p_value) const {
	for (const Variant &element : data->elements) {
		if (element == p_value) {
			return true;
		}
	}
	return false;
}

const Variant *Array::begin() const {
	return data->elements.data();
}

const Variant *Array::end() const {
	return data->elements.data() + data->elements.size();
}

void Array::set_typed(Variant::Type p_type, const StringName &p_class_name) {
	set_typed(ContainerType{ p_type, p_class_name });
}

void Array::set_typed(const ContainerType &p_type) {
	ERR_FAIL_COND_MSG(!data->elements.empty(), "Array.set_typed: only an empty array can be typed.");
	ERR_FAIL_COND_MSG(data->type.is_typed(), "Array.set_typed: the array is typed already.");
	if (container_type_is_valid(p_type, "Array")) {
		data->type = p_type;
	}
}

bool Array::is_typed() const {
	return data->type.is_typed();
}

Variant::Type Array::get_typed_builtin() const {
	return data->type.builtin;
}

const StringName &Array::get_typed_class_name() const {
	return data->type.class_name;
}

const ContainerType &Array::get_element_type() const {
	return data->type;
}

// ---------------------------------------------------------------- Dictionary

struct Dictionary::Data {
	std::vector<std::pair<Variant, Variant>> entries;
	std::unordered_map<Variant, size_t, VariantHasher, VariantKeyEquals> index;
	ContainerType key_type;
	ContainerType value_type;
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
	Variant key = p_key;
	Variant value = p_value;
	if (!data->key_type.validate(key) || !data->value_type.validate(value)) {
		print_error(vformat("Dictionary[%s, %s].set: a %s key with a %s value does not fit the dictionary's types.", data->key_type.to_string().c_str(),
				data->value_type.to_string().c_str(), Variant::get_type_name(p_key.get_type()), Variant::get_type_name(p_value.get_type())));
		return;
	}
	const auto found = data->index.find(key);
	if (found != data->index.end()) {
		data->entries[found->second].second = std::move(value);
		return;
	}
	data->index.emplace(key, data->entries.size());
	data->entries.emplace_back(std::move(key), std::move(value));
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

void Dictionary::set_typed(Variant::Type p_key_type, const StringName &p_key_class, Variant::Type p_value_type, const StringName &p_value_class) {
	set_typed(ContainerType{ p_key_type, p_key_class }, ContainerType{ p_value_type, p_value_class });
}

void Dictionary::set_typed(const ContainerType &p_key_type, const ContainerType &p_value_type) {
	ERR_FAIL_COND_MSG(!data->entries.empty(), "Dictionary.set_typed: only an empty dictionary can be typed.");
	ERR_FAIL_COND_MSG(is_typed(), "Dictionary.set_typed: the dictionary is typed already.");
	if (container_type_is_valid(p_key_type, "Dictionary") && container_type_is_valid(p_value_type, "Dictionary")) {
		data->key_type = p_key_type;
		data->value_type = p_value_type;
	}
}

bool Dictionary::is_typed() const {
	return is_typed_key() || is_typed_value();
}

bool Dictionary::is_typed_key() const {
	return data->key_type.is_typed();
}

bool Dictionary::is_typed_value() const {
	return data->value_type.is_typed();
}

Variant::Type Dictionary::get_typed_key_builtin() const {
	return data->key_type.builtin;
}

const StringName &Dictionary::get_typed_key_class_name() const {
	return data->key_type.class_name;
}

Variant::Type Dictionary::get_typed_value_builtin() const {
	return data->value_type.builtin;
}

const StringName &Dictionary::get_typed_value_class_name() const {
	return data->value_type.class_name;
}

const ContainerType &Dictionary::get_key_type() const {
	return data->key_type;
}

const ContainerType &Dictionary::get_value_type() const {
	return data->value_type;
}

} // namespace godot
