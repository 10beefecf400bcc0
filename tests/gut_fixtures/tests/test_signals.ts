// Signal watching: 3 tests, 2 passing, 1 failing (an unwatched signal, line 39);
// 11 passing and 1 failing assert.
import { GutTest } from "gut";
import { Node } from "godot";

export default class TestSignals extends GutTest {
  test_user_signals_by_name(): void {
    const node = this.add_child_autofree(new Node());
    node.add_user_signal("hit");
    node.add_user_signal("moved");
    this.watch_signals(node, "hit", "moved");
    node.emit_signal("hit", 5, "sword");
    node.emit_signal("hit", 7, "bow");
    this.assert_signal_emitted(node, "hit");
    this.assert_signal_not_emitted(node, "moved");
    this.assert_signal_emit_count(node, "hit", 2);
    this.assert_signal_emitted_with_parameters(node, "hit", [7, "bow"]);
    this.assert_signal_emitted_with_parameters(node, "hit", [5, "sword"], 0);
    this.assert_eq(this.get_signal_emit_count(node, "hit"), 2);
    this.assert_eq(this.get_signal_parameters(node, "hit", 0), [5, "sword"]);
    this.assert_has_signal(node, "hit");
  }

  test_engine_signals_without_names(): void {
    const parent = this.add_child_autofree(new Node());
    this.watch_signals(parent);
    parent.set_name("Renamed");
    const child = new Node();
    parent.add_child(child);
    this.assert_signal_emitted(parent, "renamed");
    this.assert_signal_emitted_with_parameters(parent, "child_entered_tree", [child]);
    this.assert_signal_not_emitted(parent, "tree_exited");
  }

  test_unwatched_signal_fails(): void {
    const node = this.add_child_autofree(new Node());
    node.add_user_signal("quiet");
    node.emit_signal("quiet");
    this.assert_signal_emitted(node, "quiet"); // line 39
  }
}
