#pragma once
// MethodBind: a C++ method reflected into ClassDB. Arguments arrive as Variants already
// converted to the declared types by the caller (the script binding checks them and throws a
// TypeError otherwise); missing trailing arguments take their bound defaults.

#include "core/variant/type_info.h"

#include <tuple>
#include <utility>

namespace godot {

class MethodBind {
	friend class ClassDB;

protected:
	StringName name;
	StringName instance_class;
	MethodInfo info; // Argument names/types, defaults, return type, flags.
	bool quickdot_extension = false;

	virtual Variant invoke(Object *p_object, const Variant **p_args) const = 0;

public:
	virtual ~MethodBind() = default;

	const StringName &get_name() const { return name; }
	const StringName &get_instance_class() const { return instance_class; }
	const MethodInfo &get_info() const { return info; }
	int get_argument_count() const { return int(info.arguments.size()); }
	int get_default_argument_count() const { return int(info.default_arguments.size()); }
	virtual bool is_static() const { return false; }
	bool is_const() const { return info.is_const; }
	bool is_vararg() const { return info.is_vararg; }
	bool is_quickdot_extension() const { return quickdot_extension; }
	// Marks an object argument (by index) or the returned object as never null.
	MethodBind *set_argument_required(int p_index) {
		info.arguments[size_t(p_index)].required = true;
		return this;
	}
	MethodBind *set_return_required() {
		info.return_value.required = true;
		return this;
	}
	MethodBind *set_quickdot_extension() {
		quickdot_extension = true;
		return this;
	}

	// Calls with p_argcount ≤ argument count; fills in defaults; reports count errors.
	virtual Variant call(Object *p_object, const Variant **p_args, int p_argcount, CallError &r_error) const;
};

namespace internal {

template <typename R, typename F, typename Tuple, size_t... I>
Variant invoke_with_casts(F &&p_function, const Variant **p_args, std::index_sequence<I...>) {
	if constexpr (std::is_void_v<R>) {
		p_function(VariantCaster<std::tuple_element_t<I, Tuple>>::cast(*p_args[I])...);
		return Variant();
	} else {
		return Variant(p_function(VariantCaster<std::tuple_element_t<I, Tuple>>::cast(*p_args[I])...));
	}
}

template <typename R, typename... P>
MethodInfo describe_signature(bool p_const) {
	MethodInfo info;
	info.return_value = GetTypeInfo<R>::get();
	info.arguments = { GetTypeInfo<P>::get()... };
	info.is_const = p_const;
	return info;
}

} // namespace internal

template <typename T, typename R, bool IsConst, typename... P>
class MethodBindT : public MethodBind {
public:
	using Method = std::conditional_t<IsConst, R (T::*)(P...) const, R (T::*)(P...)>;

private:
	Method method;

protected:
	Variant invoke(Object *p_object, const Variant **p_args) const override {
		T *instance = static_cast<T *>(p_object);
		auto bound = [instance, this](auto &&...args) -> R { return (instance->*method)(std::forward<decltype(args)>(args)...); };
		return internal::invoke_with_casts<R, decltype(bound) &, std::tuple<P...>>(bound, p_args, std::index_sequence_for<P...>());
	}

public:
	explicit MethodBindT(Method p_method) :
			method(p_method) {
		instance_class = T::get_class_static();
		info = internal::describe_signature<R, P...>(IsConst);
	}
};

template <typename R, typename... P>
class MethodBindStatic : public MethodBind {
	R(*function)
	(P...);

protected:
	Variant invoke(Object *, const Variant **p_args) const override {
		return internal::invoke_with_casts<R, R (*&)(P...), std::tuple<P...>>(const_cast<R (*&)(P...)>(function), p_args, std::index_sequence_for<P...>());
	}

public:
	MethodBindStatic(const StringName &p_class, R (*p_function)(P...)) :
			function(p_function) {
		instance_class = p_class;
		info = internal::describe_signature<R, P...>(false);
	}
	bool is_static() const override { return true; }
};

// A method taking any number of Variants, such as Object.emit_signal.
template <typename T>
class MethodBindVarArg : public MethodBind {
public:
	using Method = Variant (T::*)(const Variant **, int, CallError &);

private:
	Method method;

protected:
	Variant invoke(Object *, const Variant **) const override { return Variant(); }

public:
	MethodBindVarArg(Method p_method, const MethodInfo &p_info) :
			method(p_method) {
		instance_class = T::get_class_static();
		info = p_info;
		info.is_vararg = true;
	}
	Variant call(Object *p_object, const Variant **p_args, int p_argcount, CallError &r_error) const override {
		if (p_argcount < int(info.arguments.size())) {
			r_error.error = CallError::CALL_ERROR_TOO_FEW_ARGUMENTS;
			r_error.expected = int(info.arguments.size());
			return Variant();
		}
		return (static_cast<T *>(p_object)->*method)(p_args, p_argcount, r_error);
	}
};

template <typename T, typename R, typename... P>
MethodBind *create_method_bind(R (T::*p_method)(P...)) {
	return new MethodBindT<T, R, false, P...>(p_method);
}
template <typename T, typename R, typename... P>
MethodBind *create_method_bind(R (T::*p_method)(P...) const) {
	return new MethodBindT<T, R, true, P...>(p_method);
}
template <typename R, typename... P>
MethodBind *create_static_method_bind(const StringName &p_class, R (*p_function)(P...)) {
	return new MethodBindStatic<R, P...>(p_class, p_function);
}

} // namespace godot
