#pragma once
// Godot's Packed*Array: a value type with copy-on-write storage, so passing one around
// (into a Variant, out of a method) never copies the elements.

#include <memory>
#include <vector>

namespace godot {

template <typename T>
class PackedArray {
	std::shared_ptr<std::vector<T>> storage;

	std::vector<T> &writable() {
		if (!storage) {
			storage = std::make_shared<std::vector<T>>();
		} else if (storage.use_count() > 1) {
			storage = std::make_shared<std::vector<T>>(*storage);
		}
		return *storage;
	}

public:
	PackedArray() = default;
	PackedArray(std::vector<T> p_values) :
			storage(std::make_shared<std::vector<T>>(std::move(p_values))) {}
	PackedArray(const T *p_data, size_t p_size) :
			storage(std::make_shared<std::vector<T>>(p_data, p_data + p_size)) {}

	int64_t size() const { return storage ? int64_t(storage->size()) : 0; }
	bool is_empty() const { return size() == 0; }
	const T *ptr() const { return storage ? storage->data() : nullptr; }
	T *ptrw() { return writable().data(); }
	const T &operator[](size_t p_index) const { return (*storage)[p_index]; }
	void set(size_t p_index, const T &p_value) { writable()[p_index] = p_value; }
	void push_back(const T &p_value) { writable().push_back(p_value); }
	void resize(size_t p_size) { writable().resize(p_size); }
	void clear() { storage.reset(); }
	const std::vector<T> &values() const {
		static const std::vector<T> empty;
		return storage ? *storage : empty;
	}
	bool operator==(const PackedArray &o) const { return values() == o.values(); }

	const T *begin() const { return ptr(); }
	const T *end() const { return ptr() + size(); }
};

} // namespace godot
