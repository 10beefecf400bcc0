#pragma once
// Node: the building block of a scene. Scripts extend it and receive _ready, _process,
// _physics_process, _enter_tree and _exit_tree. Nodes are not reference counted: they live
// until freed (free() or queue_free()), and freeing a node frees its children.

#include "core/object/object.h"
#include "core/variant/type_info.h"

namespace godot {

class SceneTree;

class Node : public Object {
	GDCLASS(Node, Object)
	friend class SceneTree;

	StringName name;
	Node *parent = nullptr;
	std::vector<Node *> children;
	SceneTree *tree = nullptr;
	bool ready_notified = false;
	bool processing = false;
	bool physics_processing = false;
	// Processing for the engine's own nodes (Timer), apart from the script's set_process().
	bool processing_internal = false;
	bool physics_processing_internal = false;
	bool queued_for_deletion = false;
	std::vector<StringName> groups; // In the order they were joined.

	void _propagate_enter_tree(SceneTree *p_tree);
	void _propagate_ready();
	void _propagate_exit_tree();
	void _call_script(const StringName &p_method, const Variant *p_argument = nullptr);
	String _make_unique_child_name(const String &p_base) const;

protected:
	static void _bind_methods();
	void _notification(int p_what) override;

public:
	enum ProcessMode {
		PROCESS_MODE_INHERIT,
		PROCESS_MODE_PAUSABLE,
		PROCESS_MODE_WHEN_PAUSED,
		PROCESS_MODE_ALWAYS,
		PROCESS_MODE_DISABLED,
	};
	enum InternalMode {
		INTERNAL_MODE_DISABLED,
		INTERNAL_MODE_FRONT,
		INTERNAL_MODE_BACK,
	};
	enum {
		NOTIFICATION_ENTER_TREE = 10,
		NOTIFICATION_EXIT_TREE = 11,
		NOTIFICATION_READY = 13,
		NOTIFICATION_PHYSICS_PROCESS = 16,
		NOTIFICATION_PROCESS = 17,
		NOTIFICATION_PARENTED = 18,
		NOTIFICATION_UNPARENTED = 19,
		NOTIFICATION_INTERNAL_PROCESS = 25,
		NOTIFICATION_INTERNAL_PHYSICS_PROCESS = 26,
	};

	Node();
	~Node() override;

	void set_name(const StringName &p_name);
	StringName get_name() const { return name; }
	void add_child(Node *p_node, bool p_force_readable_name = false, InternalMode p_internal = INTERNAL_MODE_DISABLED);
	void remove_child(Node *p_node);
	int get_child_count(bool p_include_internal = false) const { return int(children.size()); }
	TypedArray<Node> get_children(bool p_include_internal = false) const;
	Node *get_child(int p_index, bool p_include_internal = false) const;
	bool has_node(const NodePath &p_path) const { return get_node_or_null(p_path) != nullptr; }
	Node *get_node(const NodePath &p_path) const;
	Node *get_node_or_null(const NodePath &p_path) const;
	Node *get_parent() const { return parent; }
	Node *find_child(const String &p_pattern, bool p_recursive = true, bool p_owned = true) const;
	bool is_inside_tree() const { return tree != nullptr; }
	NodePath get_path() const;
	void print_tree_pretty();
	void set_physics_process(bool p_enable) { physics_processing = p_enable; }
	bool is_physics_processing() const { return physics_processing; }
	void set_process(bool p_enable) { processing = p_enable; }
	bool is_processing() const { return processing; }
	void set_process_internal(bool p_enable) { processing_internal = p_enable; }
	bool is_processing_internal() const { return processing_internal; }
	void set_physics_process_internal(bool p_enable) { physics_processing_internal = p_enable; }
	bool is_physics_processing_internal() const { return physics_processing_internal; }
	// The delta of the frame being processed, for code that runs from a notification.
	double get_process_delta_time() const;
	double get_physics_process_delta_time() const;
	SceneTree *get_tree() const { return tree; }
	// Groups: names a node joins so SceneTree can find or call all of them. A node may join
	// before it enters the tree; SceneTree lists only the nodes inside it. p_persistent (saved
	// with the scene in Godot) is accepted and has no effect here: Quickdot saves no scenes.
	void add_to_group(const StringName &p_group, bool p_persistent = false);
	void remove_from_group(const StringName &p_group);
	bool is_in_group(const StringName &p_group) const;
	TypedArray<StringName> get_groups() const;
	void queue_free();
	bool is_queued_for_deletion() const { return queued_for_deletion; }

	// Frame callbacks, called by the SceneTree on nodes inside it.
	void process(double p_delta);
	void physics_process(double p_delta);
	const std::vector<Node *> &get_children_list() const { return children; }

	// Native subclasses may override these (scripts override them by name).
	virtual void _ready() {}
	virtual void _process(double p_delta) {}
	virtual void _physics_process(double p_delta) {}
	virtual void _enter_tree() {}
	virtual void _exit_tree() {}
};

} // namespace godot

VARIANT_ENUM_CAST(Node::ProcessMode)
VARIANT_ENUM_CAST(Node::InternalMode)
