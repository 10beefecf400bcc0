#include "scene/main/scene_tree.h"

#include "core/object/class_db.h"
#include "core/object/message_queue.h"
#include "core/string/print_string.h"

namespace godot {

SceneTree *SceneTree::singleton = nullptr;

SceneTree::SceneTree() {
	singleton = this;
	root = memnew(Window);
	root->set_name("root");
}

SceneTree::~SceneTree() {
	if (root) {
		memdelete(root);
		root = nullptr;
	}
	_flush_delete_queue();
	timers.clear();
	if (singleton == this) {
		singleton = nullptr;
	}
}

void SceneTree::initialize() {
	root->_propagate_enter_tree(this);
	root->_propagate_ready();
}

void SceneTree::finalize() {
	_flush_delete_queue();
	if (root) {
		if (root->is_inside_tree()) {
			root->_propagate_exit_tree();
		}
		memdelete(root); // Frees the whole scene while scripts can still run _exit_tree.
		root = nullptr;
	}
	timers.clear();
	MessageQueue::flush();
}

void SceneTree::_node_added(Node *p_node) {
	node_count++;
	process_order_dirty = true;
	emit_signal("node_added", p_node);
	emit_signal("tree_changed");
}

void SceneTree::_node_removed(Node *p_node) {
	node_count--;
	process_order_dirty = true;
	emit_signal("node_removed", p_node);
	emit_signal("tree_changed");
}

void SceneTree::_collect(Node *p_node) {
	process_order.push_back(p_node);
	for (Node *child : p_node->get_children_list()) {
		_collect(child);
	}
}

Node *SceneTree::_live_node(ObjectID p_id) {
	Node *node = Object::cast_to<Node>(ObjectDB::get_instance(p_id));
	return node && node->is_inside_tree() && !node->is_queued_for_deletion() ? node : nullptr;
}

void SceneTree::_rebuild_process_order() {
	process_order.clear();
	if (root) {
		_collect(root);
	}
	process_order_dirty = false;
}

bool SceneTree::physics_process(double p_delta) {
	physics_process_time = p_delta;
	emit_signal("physics_frame");
	if (process_order_dirty) {
		_rebuild_process_order();
	}
	// Ids guard against nodes freed by an earlier callback in the same frame.
	std::vector<ObjectID> ids;
	ids.reserve(process_order.size());
	for (Node *node : process_order) {
		if (node->is_physics_processing() || node->is_physics_processing_internal()) {
			ids.push_back(node->get_instance_id());
		}
	}
	for (ObjectID id : ids) {
		// As Godot: the engine's own processing first, then the script's, each on a live node.
		Node *node = _live_node(id);
		if (node && node->is_physics_processing_internal()) {
			node->notification(Node::NOTIFICATION_INTERNAL_PHYSICS_PROCESS);
			node = _live_node(id);
		}
		if (node && node->is_physics_processing()) {
			node->physics_process(p_delta);
		}
	}
	_process_timers(p_delta, true);
	MessageQueue::flush();
	return quit_requested;
}

bool SceneTree::process(double p_delta) {
	process_time = p_delta;
	emit_signal("process_frame");
	MessageQueue::flush(); // As Godot: what `await process_frame` code deferred runs before the nodes process.
	if (process_order_dirty) {
		_rebuild_process_order();
	}
	std::vector<ObjectID> ids;
	ids.reserve(process_order.size());
	for (Node *node : process_order) {
		if (node->is_processing() || node->is_processing_internal()) {
			ids.push_back(node->get_instance_id());
		}
	}
	for (ObjectID id : ids) {
		Node *node = _live_node(id);
		if (node && node->is_processing_internal()) {
			node->notification(Node::NOTIFICATION_INTERNAL_PROCESS);
			node = _live_node(id);
		}
		if (node && node->is_processing()) {
			node->process(p_delta);
		}
	}
	_process_timers(p_delta, false);
	MessageQueue::flush();
	_flush_delete_queue();
	// Script code that ran as nodes were freed may have deferred calls: they run this frame too,
	// so "deferred" always means "before the next frame starts".
	MessageQueue::flush();
	frame++;
	return quit_requested;
}

void SceneTree::_process_timers(double p_delta, bool p_physics) {
	if (timers.empty()) {
		return;
	}
	std::vector<Ref<SceneTreeTimer>> fired;
	for (auto it = timers.begin(); it != timers.end();) {
		Ref<SceneTreeTimer> timer = *it;
		if (timer->is_process_in_physics() != p_physics) {
			++it;
			continue;
		}
		timer->set_time_left(timer->get_time_left() - p_delta);
		if (timer->get_time_left() <= 0) {
			fired.push_back(timer);
			it = timers.erase(it);
		} else {
			++it;
		}
	}
	for (const Ref<SceneTreeTimer> &timer : fired) {
		timer->set_time_left(0);
		timer->emit_signal("timeout");
	}
}

double SceneTree::get_time_to_next_timer() const {
	double next = 1e9;
	for (const Ref<SceneTreeTimer> &timer : timers) {
		next = std::min(next, timer->get_time_left());
	}
	return next;
}

Ref<SceneTreeTimer> SceneTree::create_timer(double p_time_sec, bool p_process_always, bool p_process_in_physics, bool p_ignore_time_scale) {
	Ref<SceneTreeTimer> timer(memnew(SceneTreeTimer));
	timer->configure(p_time_sec, p_process_always, p_process_in_physics, p_ignore_time_scale);
	timers.push_back(timer);
	return timer;
}

void SceneTree::quit(int p_exit_code) {
	quit_requested = true;
	exit_code = p_exit_code;
}

void SceneTree::queue_delete(Node *p_node) {
	delete_queue.push_back(p_node->get_instance_id());
}

void SceneTree::queue_delete_detached(Node *p_node) {
	if (singleton) {
		singleton->queue_delete(p_node);
	} else {
		p_node->free();
	}
}

void SceneTree::_flush_delete_queue() {
	while (!delete_queue.empty()) {
		const std::vector<ObjectID> pending = std::move(delete_queue);
		delete_queue.clear();
		for (ObjectID id : pending) {
			if (Node *node = Object::cast_to<Node>(ObjectDB::get_instance(id))) {
				node->free();
			}
		}
	}
}

std::vector<Node *> SceneTree::_group_nodes(const StringName &p_group) const {
	std::vector<Node *> found;
	std::vector<Node *> pending;
	if (root) {
		pending.push_back(root);
	}
	while (!pending.empty()) { // Depth first, children in order: tree order.
		Node *node = pending.back();
		pending.pop_back();
		if (node->is_in_group(p_group)) {
			found.push_back(node);
		}
		const std::vector<Node *> &children = node->get_children_list();
		pending.insert(pending.end(), children.rbegin(), children.rend());
	}
	return found;
}

TypedArray<Node> SceneTree::get_nodes_in_group(const StringName &p_group) {
	TypedArray<Node> nodes;
	for (Node *node : _group_nodes(p_group)) {
		nodes.push_back(node);
	}
	return nodes;
}

Node *SceneTree::get_first_node_in_group(const StringName &p_group) {
	const std::vector<Node *> nodes = _group_nodes(p_group);
	return nodes.empty() ? nullptr : nodes.front();
}

void SceneTree::call_groupp(const StringName &p_group, const StringName &p_method, const Variant **p_args, int p_argcount) {
	// By id: a call may free other members of the group.
	std::vector<ObjectID> ids;
	for (Node *node : _group_nodes(p_group)) {
		ids.push_back(node->get_instance_id());
	}
	for (const ObjectID id : ids) {
		Node *node = Object::cast_to<Node>(ObjectDB::get_instance(id));
		if (!node || !node->has_method(p_method)) {
			continue;
		}
		CallError error;
		node->callp(p_method, p_args, p_argcount, error);
		if (error.error != CallError::CALL_OK && error.error != CallError::CALL_ERROR_SCRIPT_EXCEPTION) {
			print_error(vformat("SceneTree.call_group(\"%s\", \"%s\"): the call on %s failed (wrong argument count or types).", p_group.c_str(), p_method.c_str(), String(node->get_name().str()).c_str()));
		}
	}
}

Variant SceneTree::_call_group_bind(const Variant **p_args, int p_argcount, CallError &r_error) {
	(void)r_error;
	call_groupp(p_args[0]->to_string_name(), p_args[1]->to_string_name(), p_args + 2, p_argcount - 2);
	return Variant();
}

void SceneTree::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_root"), &SceneTree::get_root);
	ClassDB::bind_method(D_METHOD("get_nodes_in_group", "group"), &SceneTree::get_nodes_in_group);
	ClassDB::bind_method(D_METHOD("get_first_node_in_group", "group"), &SceneTree::get_first_node_in_group);
	ClassDB::bind_method(D_METHOD("has_group", "name"), &SceneTree::has_group);
	ClassDB::bind_method(D_METHOD("get_node_count_in_group", "group"), &SceneTree::get_node_count_in_group);
	ClassDB::bind_vararg_method<SceneTree>("call_group", &SceneTree::_call_group_bind, MethodInfo("call_group", PropertyInfo(Variant::STRING_NAME, "group"), PropertyInfo(Variant::STRING_NAME, "method")));
	ClassDB::bind_method(D_METHOD("create_timer", "time_sec", "process_always", "process_in_physics", "ignore_time_scale"), &SceneTree::create_timer, DEFVAL(true), DEFVAL(false), DEFVAL(false))->set_return_required();
	ClassDB::bind_method(D_METHOD("get_node_count"), &SceneTree::get_node_count);
	ClassDB::bind_method(D_METHOD("get_frame"), &SceneTree::get_frame);
	ClassDB::bind_method(D_METHOD("quit", "exit_code"), &SceneTree::quit, DEFVAL(0));

	ADD_PROPERTY(PropertyInfo(Variant::OBJECT, "root", "Node"), "", "get_root");

	ADD_SIGNAL(MethodInfo("tree_changed"));
	ADD_SIGNAL(MethodInfo("scene_changed"));
	ADD_SIGNAL(MethodInfo("tree_process_mode_changed"));
	ADD_SIGNAL(MethodInfo("node_added", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("node_removed", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("node_renamed", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("node_configuration_warning_changed", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("process_frame"));
	ADD_SIGNAL(MethodInfo("physics_frame"));

	BIND_ENUM_CONSTANT(GROUP_CALL_DEFAULT);
	BIND_ENUM_CONSTANT(GROUP_CALL_REVERSE);
	BIND_ENUM_CONSTANT(GROUP_CALL_DEFERRED);
	BIND_ENUM_CONSTANT(GROUP_CALL_UNIQUE);
}

} // namespace godot
