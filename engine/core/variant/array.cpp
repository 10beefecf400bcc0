#include "core/variant/array.h"

#include "core/error/error_macros.h"
#include "core/string/print_string.h"
#include "core/variant/variant.h"

namespace godot {

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
	if (p_type.is_valid_for("Array")) {
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

} // namespace godot
