// autofree and the test's place in the tree: 3 tests, 5 passing asserts.
import { GutTest } from "gut";
import { Node } from "godot";

let kept: Node | null = null;

// A freed object throws on use.
function is_freed(node: Node | null): boolean {
  try {
    node?.get_name();
    return false;
  } catch {
    return true;
  }
}

export default class TestAutofree extends GutTest {
  test_add_child_autofree(): void {
    kept = this.add_child_autofree(new Node());
    this.assert_false(is_freed(kept));
    this.assert_true(kept.is_inside_tree());
  }

  test_freed_after_the_previous_test(): void {
    this.assert_true(is_freed(kept));
  }

  test_the_test_is_in_the_tree(): void {
    this.assert_not_null(this.get_tree());
    this.assert_true(this.is_inside_tree());
  }
}
