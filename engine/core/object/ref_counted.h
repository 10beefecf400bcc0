#pragma once
// RefCounted and Ref<T>: objects freed when the last reference goes, wherever it is held
// (C++ Ref<T>, a Variant, or a script wrapper).

#include "core/object/class_db.h"
#include "core/object/object.h"

namespace godot {

class RefCounted : public Object {
	GDCLASS(RefCounted, Object)

	int32_t refcount = 0;

protected:
	static void _bind_methods();

public:
	bool is_ref_counted() const override { return true; }
	bool init_ref() { return reference(); }
	bool reference(); // Always true: a live object can gain a reference.
	bool unreference(); // True when the count reached zero and the caller must free it.
	int get_reference_count() const { return refcount; }
};

template <typename T>
class Ref {
	T *reference = nullptr;

	void ref_pointer(T *p_ref) {
		if (p_ref) {
			p_ref->reference();
		}
		reference = p_ref;
	}

public:
	Ref() = default;
	Ref(T *p_ref) { ref_pointer(p_ref); }
	Ref(const Ref &p_other) { ref_pointer(p_other.reference); }
	Ref(Ref &&p_other) noexcept :
			reference(p_other.reference) { p_other.reference = nullptr; }
	template <typename U>
	Ref(const Ref<U> &p_other) { ref_pointer(Object::cast_to<T>(p_other.ptr())); }
	explicit Ref(const Variant &p_variant) { ref_pointer(Object::cast_to<T>(p_variant.to_object())); }
	~Ref() { unref(); }

	Ref &operator=(const Ref &p_other) {
		if (p_other.reference != reference) {
			T *previous = reference;
			ref_pointer(p_other.reference);
			release(previous);
		}
		return *this;
	}
	Ref &operator=(Ref &&p_other) noexcept {
		if (this != &p_other) {
			T *previous = reference;
			reference = p_other.reference;
			p_other.reference = nullptr;
			release(previous);
		}
		return *this;
	}

	static void release(T *p_ref) {
		if (p_ref && p_ref->unreference()) {
			memdelete(p_ref);
		}
	}
	void unref() {
		T *previous = reference;
		reference = nullptr;
		release(previous);
	}
	void instantiate() { *this = Ref(memnew(T)); }

	T *ptr() const { return reference; }
	T *operator->() const { return reference; }
	T &operator*() const { return *reference; }
	bool is_valid() const { return reference != nullptr; }
	bool is_null() const { return reference == nullptr; }
	bool operator==(const Ref &o) const { return reference == o.reference; }
	bool operator!=(const Ref &o) const { return reference != o.reference; }
	operator Variant() const { return Variant(static_cast<const Object *>(reference)); }
};

} // namespace godot
