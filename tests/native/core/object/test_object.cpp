// The object model: ClassDB reflection, reference counting, freed objects and signals. One file
// for the four, as they share the test classes below.

#include "core/object/class_db.h"
#include "core/object/object.h"
#include "core/object/ref_counted.h"
#include "core/variant/variant.h"

#include <doctest/doctest.h>

using namespace godot;

namespace {

class TestCounter : public RefCounted {
	GDCLASS(TestCounter, RefCounted)

	int64_t total = 0;

protected:
	static void _bind_methods() {
		ClassDB::bind_method(D_METHOD("add", "amount", "times"), &TestCounter::add, DEFVAL(1));
		ClassDB::bind_method(D_METHOD("get_total"), &TestCounter::get_total);
		ClassDB::bind_static_method("TestCounter", D_METHOD("twice", "value"), &TestCounter::twice);
		ClassDB::bind_integer_constant(get_class_static(), "Mode", "MODE_FAST", 1);
		ClassDB::bind_integer_constant(get_class_static(), "Mode", "MODE_SLOW", 2);
		ADD_SIGNAL(MethodInfo("changed", PropertyInfo(Variant::INT, "total")));
	}

public:
	static int live;
	TestCounter() { live++; }
	~TestCounter() override { live--; }
	void add(int64_t p_amount, int64_t p_times) {
		total += p_amount * p_times;
		emit_signal("changed", total);
	}
	int64_t get_total() const { return total; }
	static int64_t twice(int64_t p_value) { return p_value * 2; }
};

int TestCounter::live = 0;

class TestSpecialCounter : public TestCounter {
	GDCLASS(TestSpecialCounter, TestCounter)

protected:
	static void _bind_methods() {}
};

void register_test_classes() {
	static bool registered = false;
	if (!registered) {
		ClassDB::register_class<TestCounter>();
		ClassDB::register_class<TestSpecialCounter>();
		registered = true;
	}
}

Variant call(Object *p_object, const char *p_method, std::vector<Variant> p_args, CallError &r_error) {
	std::vector<const Variant *> pointers;
	for (const Variant &argument : p_args) {
		pointers.push_back(&argument);
	}
	return p_object->callp(p_method, pointers.data(), int(pointers.size()), r_error);
}

} // namespace

TEST_CASE("[ClassDB] inheritance, instantiation and method binding") {
	register_test_classes();
	CHECK(ClassDB::is_parent_class("TestSpecialCounter", "RefCounted"));
	CHECK_FALSE(ClassDB::is_parent_class("RefCounted", "TestCounter"));
	CHECK(ClassDB::get_class_info("TestSpecialCounter")->is_refcounted);

	Ref<TestCounter> counter(Object::cast_to<TestCounter>(ClassDB::instantiate("TestSpecialCounter")));
	REQUIRE(counter.is_valid());
	CHECK(counter->get_class() == "TestSpecialCounter");
	CHECK(counter->is_class("TestCounter"));
	CHECK(counter->has_method("add"));

	CallError error;
	call(counter.ptr(), "add", { 5 }, error); // The default for "times" applies.
	CHECK(error.error == CallError::CALL_OK);
	call(counter.ptr(), "add", { 2, 3 }, error);
	CHECK(call(counter.ptr(), "get_total", {}, error).to_int() == 11);

	call(counter.ptr(), "add", {}, error);
	CHECK(error.error == CallError::CALL_ERROR_TOO_FEW_ARGUMENTS);
	call(counter.ptr(), "add", { 1, 2, 3 }, error);
	CHECK(error.error == CallError::CALL_ERROR_TOO_MANY_ARGUMENTS);
	error = CallError();
	call(counter.ptr(), "no_such_method", {}, error);
	CHECK(error.error == CallError::CALL_ERROR_INVALID_METHOD);

	MethodBind *twice = ClassDB::get_method("TestSpecialCounter", "twice");
	REQUIRE(twice);
	CHECK(twice->is_static());
	const Variant argument(21);
	const Variant *arguments[] = { &argument };
	CHECK(twice->call(nullptr, arguments, 1, error).to_int() == 42);

	MethodBind *add = ClassDB::get_method("TestCounter", "add");
	CHECK(add->get_info().arguments[1].name == "times");
	CHECK(add->get_info().default_arguments.size() == 1);
	CHECK(add->get_info().return_value.is_void());

	int64_t value = 0;
	CHECK(ClassDB::get_integer_constant("TestSpecialCounter", "MODE_SLOW", value));
	CHECK(value == 2);
	CHECK(ClassDB::has_signal("TestSpecialCounter", "changed"));
}

TEST_CASE("[RefCounted] references from Ref, Variant and copies; freed at zero") {
	register_test_classes();
	const int before = TestCounter::live;
	{
		Ref<TestCounter> first(memnew(TestCounter));
		CHECK(first->get_reference_count() == 1);
		Variant held(first.ptr());
		CHECK(first->get_reference_count() == 2);
		Ref<TestCounter> second = first;
		CHECK(first->get_reference_count() == 3);
		const ObjectID id = first->get_instance_id();
		CHECK(ObjectDB::get_instance(id) == first.ptr());
		second.unref();
		held = Variant();
		CHECK(first->get_reference_count() == 1);
		CHECK(TestCounter::live == before + 1);
	}
	CHECK(TestCounter::live == before);
	for (int i = 0; i < 100000; i++) {
		Ref<TestCounter> temporary(memnew(TestCounter));
		Variant copy(temporary.ptr());
	}
	CHECK(TestCounter::live == before);
}

TEST_CASE("[Object] a freed object reads back as null through a Variant") {
	Object *object = memnew(Object);
	const Variant held(object);
	const ObjectID id = object->get_instance_id();
	CHECK(held.to_object() == object);
	memdelete(object);
	CHECK(held.to_object() == nullptr);
	CHECK(held.get_object_id() == id);
	CHECK(ObjectDB::get_instance(id) == nullptr);
}

TEST_CASE("[Signals] connect, emit with arguments, one-shot, disconnect, errors") {
	register_test_classes();
	Ref<TestCounter> counter(memnew(TestCounter));
	Ref<TestCounter> listener(memnew(TestCounter));
	CHECK(counter->connect("changed", Callable(listener.ptr(), "add")) == OK);
	CHECK(counter->is_connected("changed", Callable(listener.ptr(), "add")));
	CHECK(counter->connect("changed", Callable(listener.ptr(), "add")) == ERR_INVALID_PARAMETER); // Twice.
	CHECK(counter->connect("no_such_signal", Callable(listener.ptr(), "add")) == ERR_INVALID_PARAMETER);

	counter->add(3, 1); // Emits changed(3) → listener.add(3) with its default "times".
	CHECK(listener->get_total() == 3);

	counter->disconnect("changed", Callable(listener.ptr(), "add"));
	counter->add(1, 1);
	CHECK(listener->get_total() == 3);

	CHECK(counter->connect("changed", Callable(listener.ptr(), "add"), Object::CONNECT_ONE_SHOT) == OK);
	counter->add(1, 1);
	counter->add(1, 1);
	CHECK(listener->get_total() == 3 + 5);
	CHECK_FALSE(counter->is_connected("changed", Callable(listener.ptr(), "add")));

	counter->add_user_signal("custom");
	CHECK(counter->has_signal("custom"));
	CHECK(counter->emit_signal("custom") == OK);
	CHECK(counter->emit_signal("undeclared") == ERR_UNAVAILABLE);
}
