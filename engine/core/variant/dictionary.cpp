#include "core/variant/dictionary.h"

#include "core/error/error_macros.h"
#include "core/string/print_string.h"
#include "core/variant/variant.h"

#include <unordered_map>

namespace godot {

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
	if (p_key_type.is_valid_for("Dictionary") && p_value_type.is_valid_for("Dictionary")) {
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
