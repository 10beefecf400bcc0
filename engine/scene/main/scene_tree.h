#pragma once
// SceneTree: owns the root, runs the per-frame callbacks, timers and deferred deletions, and
// remembers the exit code passed to quit().

#include "core/object/ref_counted.h"
#include "core/os/main_loop.h"
#include "scene/main/scene_tree_timer.h"
#include "scene/main/window.h"

namespace godot {

class SceneTree : public MainLoop {
	GDCLASS(SceneTree, MainLoop)

	Window *root = nullptr;
	std::vector<Node *> process_order; // Nodes inside the tree, in tree order (rebuilt when dirty).
	bool process_order_dirty = true;
	int node_count = 0;
	std::vector<Ref<SceneTreeTimer>> timers;
	std::vector<ObjectID> delete_queue;
	uint64_t frame = 0;
	double process_time = 0; // The deltas of the current (or last) frames.
	double physics_process_time = 0;
	bool quit_requested = false;
	int exit_code = 0;

	static SceneTree *singleton;

	void _rebuild_process_order();
	void _collect(Node *p_node);
	// The nodes inside the tree in p_group, in tree order (as Godot lists them).
	std::vector<Node *> _group_nodes(const StringName &p_group) const;
	Variant _call_group_bind(const Variant **p_args, int p_argcount, CallError &r_error);
	// The node with this id if it is still in the tree and not queued for deletion.
	static Node *_live_node(ObjectID p_id);
	void _process_timers(double p_delta, bool p_physics);
	void _flush_delete_queue();

protected:
	static void _bind_methods();

public:
	enum GroupCallFlags {
		GROUP_CALL_DEFAULT = 0,
		GROUP_CALL_REVERSE = 1,
		GROUP_CALL_DEFERRED = 2,
		GROUP_CALL_UNIQUE = 4,
	};

	static SceneTree *get_singleton() { return singleton; }
	SceneTree();
	~SceneTree() override;

	void initialize() override;
	bool physics_process(double p_delta) override;
	bool process(double p_delta) override;
	void finalize() override;

	Window *get_root() const { return root; }
	Node *get_root_node() const { return root; }
	Ref<SceneTreeTimer> create_timer(double p_time_sec, bool p_process_always = true, bool p_process_in_physics = false, bool p_ignore_time_scale = false);
	int get_node_count() const { return node_count; }
	TypedArray<Node> get_nodes_in_group(const StringName &p_group);
	Node *get_first_node_in_group(const StringName &p_group); // Null when the group is empty.
	bool has_group(const StringName &p_name) const { return !_group_nodes(p_name).empty(); }
	int get_node_count_in_group(const StringName &p_group) const { return int(_group_nodes(p_group).size()); }
	// Calls p_method on every node of the group now, skipping nodes that lack it.
	void call_groupp(const StringName &p_group, const StringName &p_method, const Variant **p_args, int p_argcount);
	int64_t get_frame() const { return int64_t(frame); }
	double get_process_time() const { return process_time; }
	double get_physics_process_time() const { return physics_process_time; }
	void quit(int p_exit_code = 0);
	bool is_quit_requested() const { return quit_requested; }
	int get_exit_code() const { return exit_code; }
	// Seconds until the nearest timer fires (or a large value), so an idle loop can sleep.
	double get_time_to_next_timer() const;

	void queue_delete(Node *p_node);
	static void queue_delete_detached(Node *p_node);
	void _node_added(Node *p_node);
	void _node_removed(Node *p_node);
};

} // namespace godot

VARIANT_ENUM_CAST(SceneTree::GroupCallFlags)
