// Parameterised tests: 4 tests, 3 passing and 1 failing (one of its three calls fails at line 13);
// 8 passing and 1 failing assert.
import { GutTest } from "gut";

export default class TestParams extends GutTest {
  private before_each_calls = 0;

  before_each(): void {
    this.before_each_calls++;
  }

  test_with_one_failing_call(p = this.use_parameters(["a", "b", "c"])): void {
    this.assert_ne(p, "b", "b fails"); // line 13
  }

  test_sum(
    p = this.use_parameters([
      [1, 2, 3],
      [2, 2, 4],
      [5, 5, 10],
    ]),
  ): void {
    this.assert_eq(p[0]! + p[1]!, p[2]!);
  }

  test_named(
    p = this.use_parameters(
      this.named_parameters(
        ["x", "y"],
        [
          [1, 1],
          [2, 4],
        ],
      ),
    ),
  ): void {
    this.assert_eq((p["x"] as number) ** 2, p["y"]);
  }

  test_before_each_ran_per_call(): void {
    this.assert_eq(this.before_each_calls, 3 + 3 + 2 + 1);
  }
}
