#pragma once
// Godot's Dictionary: insertion-ordered, any Variant as key, optionally typed (Dictionary[K, V]).

#include "core/variant/container_type.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace godot {

class Variant;

// Insertion-ordered, any Variant as key, reference semantics as in Godot.
class Dictionary {
	struct Data;
	std::shared_ptr<Data> data;

public:
	Dictionary();
	int64_t size() const;
	bool is_empty() const { return size() == 0; }
	bool has(const Variant &p_key) const;
	const Variant *getptr(const Variant &p_key) const;
	Variant get(const Variant &p_key, const Variant &p_default) const;
	void set(const Variant &p_key, const Variant &p_value); // Refused, with an error, if the types do not fit.
	bool erase(const Variant &p_key);
	void clear();
	bool is_same(const Dictionary &o) const { return data == o.data; }
	bool operator==(const Dictionary &o) const { return is_same(o); } // Identity; Variant compares contents.
	// Entries in insertion order.
	const std::vector<std::pair<Variant, Variant>> &entries() const;

	// Typing, as Godot's Dictionary[K, V]: only an empty dictionary can be typed, and only once.
	void set_typed(VariantTypes::Type p_key_type, const StringName &p_key_class, VariantTypes::Type p_value_type, const StringName &p_value_class);
	void set_typed(const ContainerType &p_key_type, const ContainerType &p_value_type);
	bool is_typed() const; // Key or value typed.
	bool is_typed_key() const;
	bool is_typed_value() const;
	VariantTypes::Type get_typed_key_builtin() const;
	const StringName &get_typed_key_class_name() const;
	VariantTypes::Type get_typed_value_builtin() const;
	const StringName &get_typed_value_class_name() const;
	const ContainerType &get_key_type() const;
	const ContainerType &get_value_type() const;
};

} // namespace godot
