// What a ported Godot script expects of every Object and Node beyond calls and signals:
// metadata, call_deferred/set_deferred at the end of the frame, groups through the SceneTree,
// and get/set/get_property_list that see the script's own fields.
import { GutTest } from "gut";
import { Node, RefCounted, StringName, Variant } from "godot";

class Enemy extends Node {
  hp = 10;
  label = "grunt";
  hits: number[] = [];

  take_hit(amount: number): void {
    this.hp -= amount;
    this.hits.push(amount);
  }
}

export default class TestObjectExtras extends GutTest {
  test_metadata(): void {
    const object = new RefCounted();
    object.set_meta("owner_id", 7);
    object.set_meta(new StringName("team"), "red");
    this.assert_true(object.has_meta("owner_id"));
    this.assert_eq(object.get_meta("owner_id"), 7);
    this.assert_eq(object.get_meta("missing", "fallback"), "fallback");
    this.assert_eq(object.get_meta_list().map(String), ["owner_id", "team"], "in the order set");
    this.assert_true(object.get_meta_list()[0] instanceof StringName, "names are StringNames, as in Godot");
    object.set_meta("team", null);
    this.assert_false(object.has_meta("team"), "a null value removes the entry");
    object.remove_meta("owner_id");
    this.assert_eq(object.get_meta_list().length, 0);
  }

  async test_call_deferred_and_set_deferred_wait_for_the_frame_end(): Promise<void> {
    const enemy = this.add_child_autofree(new Enemy());
    enemy.call_deferred("take_hit", 3);
    enemy.set_deferred("label", "boss");
    this.assert_eq(enemy.hp, 10, "nothing happens during the call");
    this.assert_eq(enemy.label, "grunt");
    await this.wait_process_frames(1);
    this.assert_eq(enemy.hp, 7, "the deferred call ran with its argument");
    this.assert_eq(enemy.label, "boss", "set_deferred reached the script's field");
  }

  test_groups(): void {
    const tree = this.get_tree();
    if (!tree) return this.fail_test("the test runs inside the tree");
    const a = this.add_child_autofree(new Enemy());
    const b = this.add_child_autofree(new Enemy());
    const outside = this.autofree(new Enemy());
    a.add_to_group("enemies");
    b.add_to_group("enemies");
    b.add_to_group("bosses");
    outside.add_to_group("enemies");
    this.assert_true(b.is_in_group("bosses"));
    this.assert_eq(b.get_groups().map(String), ["enemies", "bosses"]);
    const members = tree.get_nodes_in_group("enemies");
    this.assert_eq(members.length, 2, "only nodes inside the tree");
    this.assert_same(members[0], a, "in tree order");
    this.assert_same(tree.get_first_node_in_group("bosses"), b);
    this.assert_true(tree.has_group("bosses"));
    this.assert_eq(tree.get_node_count_in_group("enemies"), 2);
    tree.call_group("enemies", "take_hit", 4);
    this.assert_eq([a.hp, b.hp, outside.hp], [6, 6, 10], "call_group calls now, on members in the tree");
    b.remove_from_group("bosses");
    this.assert_false(tree.has_group("bosses"));
    this.assert_null(tree.get_first_node_in_group("bosses"));
  }

  test_get_set_and_property_list_see_script_fields(): void {
    const enemy = this.autofree(new Enemy());
    enemy.set("hp", 42);
    this.assert_eq(enemy.hp, 42, "set() writes the script's field");
    this.assert_eq(enemy.get("label"), "grunt", "get() reads it");
    enemy.set("name", "Boss");
    this.assert_eq(String(enemy.get_name()), "Boss", "native properties still go through their setter");
    this.assert_null(enemy.get("no_such_field"));
    enemy.set("take_hit", 1);
    this.assert_eq(typeof enemy.take_hit, "function", "set() never replaces a method");
    const list = enemy.get_property_list() as Record<string, Variant>[];
    const names = list.map((entry) => String(entry.name));
    this.assert_has(names, "Node", "the class's category");
    this.assert_has(names, "name", "a native property");
    const hp = list.find((entry) => entry.name === "hp");
    this.assert_not_null(hp, "the script's field is listed");
    this.assert_eq(Number(hp?.type), 2, "with its type (TYPE_INT)");
    this.assert_eq(Number(hp?.usage) & 4096, 4096, "marked PROPERTY_USAGE_SCRIPT_VARIABLE");
  }
}
