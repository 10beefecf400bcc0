#pragma once
// Godot's Callable: an object and a method name, or a custom callable (a script function).

#include "core/object/object_id.h"
#include "core/string/string_name.h"

#include <memory>

namespace godot {

class Object;
class Variant;

struct CallError {
	enum Status {
		CALL_OK,
		CALL_ERROR_INVALID_METHOD,
		CALL_ERROR_INVALID_ARGUMENT,
		CALL_ERROR_TOO_MANY_ARGUMENTS,
		CALL_ERROR_TOO_FEW_ARGUMENTS,
		CALL_ERROR_INSTANCE_IS_NULL,
		CALL_ERROR_SCRIPT_EXCEPTION, // The script threw; it has been reported already.
	};
	Status error = CALL_OK;
	int argument = 0;
	int expected = 0;
};

// A callable implemented outside ClassDB (for example a script function).
class CallableCustom {
public:
	virtual ~CallableCustom() = default;
	virtual void call(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const = 0;
	virtual ObjectID get_object() const { return 0; }
	virtual bool equals(const CallableCustom &p_other) const { return this == &p_other; }
	virtual String describe() const = 0;
};

class Callable {
	ObjectID object = 0;
	StringName method;
	std::shared_ptr<CallableCustom> custom;

public:
	Callable() = default;
	Callable(const Object *p_object, const StringName &p_method);
	explicit Callable(std::shared_ptr<CallableCustom> p_custom) :
			custom(std::move(p_custom)) {}

	bool is_null() const { return !custom && object == 0; }
	bool is_custom() const { return bool(custom); }
	ObjectID get_object_id() const { return custom ? custom->get_object() : object; }
	const StringName &get_method() const { return method; }
	const CallableCustom *get_custom() const { return custom.get(); }
	void callp(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const;
	String to_string() const;
	bool operator==(const Callable &o) const;
};

} // namespace godot
