// Every assert in its passing form: 6 tests, 43 passing asserts, no failures.
import { GutTest, find_difference, str } from "gut";
import { Node, Object as GodotObject, RefCounted } from "godot";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

export default class TestPassing extends GutTest {
  test_equality(): void {
    this.assert_eq(1 + 1, 2);
    this.assert_eq("a", "a", "strings");
    this.assert_ne(1, 2);
    this.assert_eq([1, [2, 3]], [1, [2, 3]], "arrays compare by value");
    this.assert_eq({ a: 1, b: [true] }, { a: 1, b: [true] }, "plain objects compare by value");
    this.assert_eq(new Uint8Array([1, 2]), new Uint8Array([1, 2]), "typed arrays compare by value");
    this.assert_ne([1, 2], [1, 3]);
    this.assert_eq_deep(new Map([["k", [1]]]), new Map([["k", [1]]]));
    this.assert_ne_deep({ a: 1 }, { a: 2 });
    this.assert_eq(new Point(1, 2), new Point(1, 2), "data classes compare by fields");
  }

  test_truth_and_null(): void {
    this.assert_true(true);
    this.assert_false(false);
    this.assert_null(null);
    this.assert_null(undefined);
    this.assert_not_null(0);
    const node = this.autofree(new Node());
    this.assert_same(node, node);
    this.assert_not_same(node, new RefCounted());
  }

  test_numbers(): void {
    this.assert_gt(2, 1);
    this.assert_gte(2, 2);
    this.assert_lt("a", "b");
    this.assert_lte(1, 1n);
    this.assert_between(5, 1, 10);
    this.assert_not_between(10, 1, 10);
    this.assert_almost_eq(1.0, 1.05, 0.1);
    this.assert_almost_ne(1.0, 2.0, 0.5);
    this.assert_almost_eq({ x: 1, y: 2 }, { x: 1.01, y: 1.99 }, 0.05, "vectors per component");
  }

  test_containers_strings_types(): void {
    this.assert_has([1, 2, [3]], [3]);
    this.assert_does_not_have([1, 2], 5);
    this.assert_has({ key: 1 }, "key", "plain objects: keys, like Dictionary.has()");
    this.assert_has("hello world", "lo w");
    this.assert_string_contains("Hello", "ell");
    this.assert_string_contains("Hello", "HELLO", false);
    this.assert_string_starts_with("Hello", "He");
    this.assert_string_ends_with("Hello", "lo");
    this.assert_is(this.autofree(new Node()), GodotObject);
    this.assert_typeof(3, "number");
    this.assert_not_typeof("3", "number");
  }

  test_outcome_helpers(): void {
    this.pass_test("explicitly passed");
    this.assert_file_exists("res://project.godot");
    this.assert_file_does_not_exist("res://no_such_file.txt");
  }

  test_exported_helpers(): void {
    this.assert_eq(str("a"), '"a"');
    this.assert_eq(find_difference([1, 2], [1, 3]), "at [1]: 2 != 3");
    this.assert_eq(str([1, "b", null]), '[1, "b", <null>]');
  }
}
