#include "scene/main/node.h"

#include "core/error/error_macros.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "scene/main/scene_tree.h"

#include <algorithm>

namespace godot {

Node::Node() {}

Node::~Node() {
	if (parent) {
		parent->remove_child(this);
	}
	// Children die with their parent; copy because each removes itself.
	const std::vector<Node *> owned = children;
	for (Node *child : owned) {
		memdelete(child);
	}
}

void Node::set_name(const StringName &p_name) {
	if (p_name == name) {
		return;
	}
	name = parent ? StringName(parent->_make_unique_child_name(p_name.str())) : p_name;
	emit_signal("renamed");
}

String Node::_make_unique_child_name(const String &p_base) const {
	const String base = p_base.empty() ? String("Node") : p_base;
	auto taken = [this](const String &p_candidate) {
		return std::any_of(children.begin(), children.end(), [&](Node *c) { return c->name.str() == p_candidate; });
	};
	if (!taken(base)) {
		return base;
	}
	for (int suffix = 2;; suffix++) {
		const String candidate = base + std::to_string(suffix);
		if (!taken(candidate)) {
			return candidate;
		}
	}
}

void Node::add_child(Node *p_node, bool p_force_readable_name, InternalMode p_internal) {
	(void)p_force_readable_name;
	(void)p_internal;
	ERR_FAIL_NULL_MSG(p_node, "Node.add_child: the node to add is null.");
	if (p_node == this) {
		print_error(vformat("Node.add_child: can't add node '%s' as a child of itself.", name.c_str()));
		return;
	}
	if (p_node->parent) {
		print_error(vformat("Node.add_child: node '%s' already has a parent ('%s'); call remove_child on it first.", p_node->name.c_str(), p_node->parent->name.c_str()));
		return;
	}
	for (const Node *ancestor = this; ancestor; ancestor = ancestor->parent) {
		if (ancestor == p_node) {
			print_error(vformat("Node.add_child: adding '%s' under its own descendant would make a cycle.", p_node->name.c_str()));
			return;
		}
	}
	p_node->name = StringName(_make_unique_child_name(p_node->name.is_empty() ? p_node->get_class() : p_node->name.str()));
	p_node->parent = this;
	children.push_back(p_node);
	p_node->notification(NOTIFICATION_PARENTED);
	if (tree) {
		p_node->_propagate_enter_tree(tree);
		emit_signal("child_entered_tree", p_node);
		p_node->_propagate_ready();
	}
}

void Node::remove_child(Node *p_node) {
	ERR_FAIL_NULL(p_node);
	const auto found = std::find(children.begin(), children.end(), p_node);
	if (found == children.end()) {
		print_error(vformat("Node.remove_child: '%s' is not a child of '%s'.", p_node->name.c_str(), name.c_str()));
		return;
	}
	if (tree) {
		emit_signal("child_exiting_tree", p_node);
		p_node->_propagate_exit_tree();
	}
	children.erase(std::find(children.begin(), children.end(), p_node));
	p_node->parent = nullptr;
	p_node->notification(NOTIFICATION_UNPARENTED);
}

void Node::_propagate_enter_tree(SceneTree *p_tree) {
	tree = p_tree;
	tree->_node_added(this);
	notification(NOTIFICATION_ENTER_TREE);
	emit_signal("tree_entered");
	const std::vector<Node *> current = children;
	for (Node *child : current) {
		child->_propagate_enter_tree(p_tree);
	}
}

void Node::_propagate_ready() {
	const std::vector<Node *> current = children;
	for (Node *child : current) {
		child->_propagate_ready();
	}
	if (!ready_notified && tree) {
		ready_notified = true;
		notification(NOTIFICATION_READY);
		emit_signal("ready");
	}
}

void Node::_propagate_exit_tree() {
	const std::vector<Node *> current = children;
	for (Node *child : current) {
		child->_propagate_exit_tree();
	}
	emit_signal("tree_exiting");
	notification(NOTIFICATION_EXIT_TREE);
	SceneTree *previous = tree;
	tree = nullptr;
	previous->_node_removed(this);
	emit_signal("tree_exited");
}

void Node::_call_script(const StringName &p_method, const Variant *p_argument) {
	ScriptInstance *script = get_script_instance();
	if (!script || !script->has_method(p_method)) {
		return;
	}
	const Variant *args[] = { p_argument };
	CallError error;
	script->callp(p_method, args, p_argument ? 1 : 0, error);
}

void Node::_notification(int p_what) {
	switch (p_what) {
		case NOTIFICATION_ENTER_TREE:
			_enter_tree();
			_call_script("_enter_tree");
			break;
		case NOTIFICATION_READY: {
			// As in Godot: defining _process / _physics_process turns processing on.
			ScriptInstance *script = get_script_instance();
			if (script && script->has_method("_process")) {
				processing = true;
			}
			if (script && script->has_method("_physics_process")) {
				physics_processing = true;
			}
			_ready();
			_call_script("_ready");
		} break;
		case NOTIFICATION_EXIT_TREE:
			_exit_tree();
			_call_script("_exit_tree");
			break;
		case NOTIFICATION_PREDELETE:
			// Leave the tree while the node is whole, so _exit_tree runs on a live object.
			if (parent) {
				parent->remove_child(this);
			}
			break;
		default:
			break;
	}
}

void Node::process(double p_delta) {
	_process(p_delta);
	const Variant delta(p_delta);
	_call_script("_process", &delta);
}

void Node::physics_process(double p_delta) {
	_physics_process(p_delta);
	const Variant delta(p_delta);
	_call_script("_physics_process", &delta);
}

double Node::get_process_delta_time() const {
	return tree ? tree->get_process_time() : 0.0;
}

double Node::get_physics_process_delta_time() const {
	return tree ? tree->get_physics_process_time() : 0.0;
}

void Node::add_to_group(const StringName &p_group, bool p_persistent) {
	(void)p_persistent;
	if (!is_in_group(p_group)) {
		groups.push_back(p_group);
	}
}

void Node::remove_from_group(const StringName &p_group) {
	const auto found = std::find(groups.begin(), groups.end(), p_group);
	ERR_FAIL_COND_MSG(found == groups.end(), vformat("Node.remove_from_group: %s is not in group \"%s\" (is_in_group() tells).", String(name.str()).c_str(), p_group.c_str()));
	groups.erase(found);
}

bool Node::is_in_group(const StringName &p_group) const {
	return std::find(groups.begin(), groups.end(), p_group) != groups.end();
}

TypedArray<StringName> Node::get_groups() const {
	TypedArray<StringName> names;
	names.set_typed(Variant::STRING_NAME, StringName());
	for (const StringName &group : groups) {
		names.push_back(group);
	}
	return names;
}

TypedArray<Node> Node::get_children(bool p_include_internal) const {
	(void)p_include_internal;
	TypedArray<Node> result;
	for (Node *child : children) {
		result.push_back(child);
	}
	return result;
}

Node *Node::get_child(int p_index, bool p_include_internal) const {
	(void)p_include_internal;
	const int count = int(children.size());
	const int index = p_index < 0 ? p_index + count : p_index;
	if (index < 0 || index >= count) {
		print_error(vformat("Node.get_child: index %d is out of range (the node has %d children).", p_index, count));
		return nullptr;
	}
	return children[size_t(index)];
}

Node *Node::get_node_or_null(const NodePath &p_path) const {
	const Node *current = this;
	if (p_path.absolute) {
		if (!tree) {
			return nullptr;
		}
		current = nullptr;
	}
	for (const String &part : p_path.names) {
		if (!current) {
			// The first name of an absolute path is the root's.
			Node *root = tree->get_root_node();
			current = (root && root->name.str() == part) ? root : nullptr;
			if (!current) {
				return nullptr;
			}
			continue;
		}
		if (part == ".") {
			continue;
		}
		if (part == "..") {
			current = current->parent;
			if (!current) {
				return nullptr;
			}
			continue;
		}
		const auto found = std::find_if(current->children.begin(), current->children.end(), [&](Node *c) { return c->name.str() == part; });
		if (found == current->children.end()) {
			return nullptr;
		}
		current = *found;
	}
	return const_cast<Node *>(current);
}

Node *Node::get_node(const NodePath &p_path) const {
	Node *node = get_node_or_null(p_path);
	if (!node) {
		print_error(vformat("Node.get_node: node not found: \"%s\" (relative to \"%s\").", p_path.to_string().c_str(), get_path().to_string().c_str()));
	}
	return node;
}

static bool matches_pattern(const char *p_pattern, const char *p_text) {
	// Godot's String.match: '*' any run, '?' one character.
	if (*p_pattern == '\0') {
		return *p_text == '\0';
	}
	if (*p_pattern == '*') {
		return matches_pattern(p_pattern + 1, p_text) || (*p_text && matches_pattern(p_pattern, p_text + 1));
	}
	if (*p_text && (*p_pattern == '?' || *p_pattern == *p_text)) {
		return matches_pattern(p_pattern + 1, p_text + 1);
	}
	return false;
}

Node *Node::find_child(const String &p_pattern, bool p_recursive, bool p_owned) const {
	(void)p_owned; // No scene ownership in Quickdot: every child counts as owned.
	for (Node *child : children) {
		if (matches_pattern(p_pattern.c_str(), child->name.c_str())) {
			return child;
		}
	}
	if (p_recursive) {
		for (Node *child : children) {
			if (Node *found = child->find_child(p_pattern, true, p_owned)) {
				return found;
			}
		}
	}
	return nullptr;
}

NodePath Node::get_path() const {
	if (!tree) {
		print_error(vformat("Node.get_path: node '%s' is not inside the scene tree.", name.c_str()));
		return NodePath();
	}
	std::vector<String> names;
	for (const Node *node = this; node; node = node->parent) {
		names.insert(names.begin(), node->name.str());
	}
	NodePath path;
	path.absolute = true;
	path.names = names;
	return path;
}

void Node::print_tree_pretty() {
	struct Printer {
		static void print(const Node *p_node, const String &p_prefix, bool p_last, bool p_root) {
			print_line(p_prefix + (p_root ? " ┖╴" : (p_last ? " ┖╴" : " ┠╴")) + p_node->name.str());
			const String child_prefix = p_prefix + (p_last ? "   " : " ┃ ");
			for (size_t i = 0; i < p_node->children.size(); i++) {
				print(p_node->children[i], child_prefix, i + 1 == p_node->children.size(), false);
			}
		}
	};
	Printer::print(this, "", true, true);
}

void Node::queue_free() {
	if (queued_for_deletion) {
		return;
	}
	queued_for_deletion = true;
	if (tree) {
		tree->queue_delete(this);
	} else {
		SceneTree::queue_delete_detached(this);
	}
}

void Node::_bind_methods() {
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_process", PropertyInfo(Variant::FLOAT, "delta")));
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_physics_process", PropertyInfo(Variant::FLOAT, "delta")));
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_enter_tree"));
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_exit_tree"));
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_ready"));

	ClassDB::bind_method(D_METHOD("set_name", "name"), &Node::set_name);
	ClassDB::bind_method(D_METHOD("get_name"), &Node::get_name);
	ClassDB::bind_method(D_METHOD("add_child", "node", "force_readable_name", "internal"), &Node::add_child, DEFVAL(false), DEFVAL(0))->set_argument_required(0);
	ClassDB::bind_method(D_METHOD("remove_child", "node"), &Node::remove_child)->set_argument_required(0);
	ClassDB::bind_method(D_METHOD("get_child_count", "include_internal"), &Node::get_child_count, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("get_children", "include_internal"), &Node::get_children, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("get_child", "idx", "include_internal"), &Node::get_child, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("has_node", "path"), &Node::has_node);
	ClassDB::bind_method(D_METHOD("get_node", "path"), &Node::get_node);
	ClassDB::bind_method(D_METHOD("get_node_or_null", "path"), &Node::get_node_or_null);
	ClassDB::bind_method(D_METHOD("get_parent"), &Node::get_parent);
	ClassDB::bind_method(D_METHOD("find_child", "pattern", "recursive", "owned"), &Node::find_child, DEFVAL(true), DEFVAL(true));
	ClassDB::bind_method(D_METHOD("is_inside_tree"), &Node::is_inside_tree);
	ClassDB::bind_method(D_METHOD("get_path"), &Node::get_path);
	ClassDB::bind_method(D_METHOD("print_tree_pretty"), &Node::print_tree_pretty);
	ClassDB::bind_method(D_METHOD("set_physics_process", "enable"), &Node::set_physics_process);
	ClassDB::bind_method(D_METHOD("is_physics_processing"), &Node::is_physics_processing);
	ClassDB::bind_method(D_METHOD("set_process", "enable"), &Node::set_process);
	ClassDB::bind_method(D_METHOD("is_processing"), &Node::is_processing);
	ClassDB::bind_method(D_METHOD("set_process_internal", "enable"), &Node::set_process_internal);
	ClassDB::bind_method(D_METHOD("is_processing_internal"), &Node::is_processing_internal);
	ClassDB::bind_method(D_METHOD("set_physics_process_internal", "enable"), &Node::set_physics_process_internal);
	ClassDB::bind_method(D_METHOD("is_physics_processing_internal"), &Node::is_physics_processing_internal);
	ClassDB::bind_method(D_METHOD("get_process_delta_time"), &Node::get_process_delta_time);
	ClassDB::bind_method(D_METHOD("get_physics_process_delta_time"), &Node::get_physics_process_delta_time);
	ClassDB::bind_method(D_METHOD("get_tree"), &Node::get_tree);
	ClassDB::bind_method(D_METHOD("queue_free"), &Node::queue_free);
	ClassDB::bind_method(D_METHOD("add_to_group", "group", "persistent"), &Node::add_to_group, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("remove_from_group", "group"), &Node::remove_from_group);
	ClassDB::bind_method(D_METHOD("is_in_group", "group"), &Node::is_in_group);
	ClassDB::bind_method(D_METHOD("get_groups"), &Node::get_groups);
	ClassDB::bind_method(D_METHOD("is_queued_for_deletion"), &Node::is_queued_for_deletion);

	ADD_PROPERTY(PropertyInfo(Variant::STRING_NAME, "name"), "set_name", "get_name");

	ADD_SIGNAL(MethodInfo("ready"));
	ADD_SIGNAL(MethodInfo("renamed"));
	ADD_SIGNAL(MethodInfo("tree_entered"));
	ADD_SIGNAL(MethodInfo("tree_exiting"));
	ADD_SIGNAL(MethodInfo("tree_exited"));
	ADD_SIGNAL(MethodInfo("child_entered_tree", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("child_exiting_tree", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("child_order_changed"));
	ADD_SIGNAL(MethodInfo("replacing_by", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("editor_description_changed", PropertyInfo(Variant::OBJECT, "node", "Node")));
	ADD_SIGNAL(MethodInfo("editor_state_changed"));

	// Godot's notification numbers, so scripts written against them keep their meaning.
	static const std::pair<const char *, int64_t> notifications[] = {
		{ "NOTIFICATION_ENTER_TREE", 10 },
		{ "NOTIFICATION_EXIT_TREE", 11 },
		{ "NOTIFICATION_MOVED_IN_PARENT", 12 },
		{ "NOTIFICATION_READY", 13 },
		{ "NOTIFICATION_PAUSED", 14 },
		{ "NOTIFICATION_UNPAUSED", 15 },
		{ "NOTIFICATION_PHYSICS_PROCESS", 16 },
		{ "NOTIFICATION_PROCESS", 17 },
		{ "NOTIFICATION_PARENTED", 18 },
		{ "NOTIFICATION_UNPARENTED", 19 },
		{ "NOTIFICATION_SCENE_INSTANTIATED", 20 },
		{ "NOTIFICATION_DRAG_BEGIN", 21 },
		{ "NOTIFICATION_DRAG_END", 22 },
		{ "NOTIFICATION_PATH_RENAMED", 23 },
		{ "NOTIFICATION_CHILD_ORDER_CHANGED", 24 },
		{ "NOTIFICATION_INTERNAL_PROCESS", 25 },
		{ "NOTIFICATION_INTERNAL_PHYSICS_PROCESS", 26 },
		{ "NOTIFICATION_POST_ENTER_TREE", 27 },
		{ "NOTIFICATION_DISABLED", 28 },
		{ "NOTIFICATION_ENABLED", 29 },
		{ "NOTIFICATION_RESET_PHYSICS_INTERPOLATION", 2001 },
		{ "NOTIFICATION_EDITOR_PRE_SAVE", 9001 },
		{ "NOTIFICATION_EDITOR_POST_SAVE", 9002 },
		{ "NOTIFICATION_WM_MOUSE_ENTER", 1002 },
		{ "NOTIFICATION_WM_MOUSE_EXIT", 1003 },
		{ "NOTIFICATION_WM_WINDOW_FOCUS_IN", 1004 },
		{ "NOTIFICATION_WM_WINDOW_FOCUS_OUT", 1005 },
		{ "NOTIFICATION_WM_CLOSE_REQUEST", 1006 },
		{ "NOTIFICATION_WM_GO_BACK_REQUEST", 1007 },
		{ "NOTIFICATION_WM_SIZE_CHANGED", 1008 },
		{ "NOTIFICATION_WM_DPI_CHANGE", 1009 },
		{ "NOTIFICATION_VP_MOUSE_ENTER", 1010 },
		{ "NOTIFICATION_VP_MOUSE_EXIT", 1011 },
		{ "NOTIFICATION_WM_POSITION_CHANGED", 1012 },
		{ "NOTIFICATION_OS_MEMORY_WARNING", 2009 },
		{ "NOTIFICATION_TRANSLATION_CHANGED", 2010 },
		{ "NOTIFICATION_WM_ABOUT", 2011 },
		{ "NOTIFICATION_CRASH", 2012 },
		{ "NOTIFICATION_OS_IME_UPDATE", 2013 },
		{ "NOTIFICATION_APPLICATION_RESUMED", 2014 },
		{ "NOTIFICATION_APPLICATION_PAUSED", 2015 },
		{ "NOTIFICATION_APPLICATION_FOCUS_IN", 2016 },
		{ "NOTIFICATION_APPLICATION_FOCUS_OUT", 2017 },
		{ "NOTIFICATION_TEXT_SERVER_CHANGED", 2018 },
		{ "NOTIFICATION_ACCESSIBILITY_UPDATE", 3000 },
		{ "NOTIFICATION_ACCESSIBILITY_INVALIDATE", 3001 },
	};
	for (const auto &constant : notifications) {
		ClassDB::bind_integer_constant(get_class_static(), StringName(), constant.first, constant.second);
	}

	struct EnumValues {
		const char *enum_name;
		bool is_bitfield;
		std::vector<std::pair<const char *, int64_t>> values;
	};
	static const EnumValues enums[] = {
		{ "ProcessMode", false, { { "PROCESS_MODE_INHERIT", 0 }, { "PROCESS_MODE_PAUSABLE", 1 }, { "PROCESS_MODE_WHEN_PAUSED", 2 }, { "PROCESS_MODE_ALWAYS", 3 }, { "PROCESS_MODE_DISABLED", 4 } } },
		{ "ProcessThreadGroup", false, { { "PROCESS_THREAD_GROUP_INHERIT", 0 }, { "PROCESS_THREAD_GROUP_MAIN_THREAD", 1 }, { "PROCESS_THREAD_GROUP_SUB_THREAD", 2 } } },
		{ "ProcessThreadMessages", true, { { "FLAG_PROCESS_THREAD_MESSAGES", 1 }, { "FLAG_PROCESS_THREAD_MESSAGES_PHYSICS", 2 }, { "FLAG_PROCESS_THREAD_MESSAGES_ALL", 3 } } },
		{ "PhysicsInterpolationMode", false, { { "PHYSICS_INTERPOLATION_MODE_INHERIT", 0 }, { "PHYSICS_INTERPOLATION_MODE_ON", 1 }, { "PHYSICS_INTERPOLATION_MODE_OFF", 2 } } },
		{ "DuplicateFlags", false, { { "DUPLICATE_SIGNALS", 1 }, { "DUPLICATE_GROUPS", 2 }, { "DUPLICATE_SCRIPTS", 4 }, { "DUPLICATE_USE_INSTANTIATION", 8 }, { "DUPLICATE_INTERNAL_STATE", 16 }, { "DUPLICATE_DEFAULT", 15 } } },
		{ "InternalMode", false, { { "INTERNAL_MODE_DISABLED", 0 }, { "INTERNAL_MODE_FRONT", 1 }, { "INTERNAL_MODE_BACK", 2 } } },
		{ "AutoTranslateMode", false, { { "AUTO_TRANSLATE_MODE_INHERIT", 0 }, { "AUTO_TRANSLATE_MODE_ALWAYS", 1 }, { "AUTO_TRANSLATE_MODE_DISABLED", 2 } } },
	};
	for (const EnumValues &enum_values : enums) {
		for (const auto &value : enum_values.values) {
			ClassDB::bind_integer_constant(get_class_static(), enum_values.enum_name, value.first, value.second, enum_values.is_bitfield);
		}
	}
}

} // namespace godot
