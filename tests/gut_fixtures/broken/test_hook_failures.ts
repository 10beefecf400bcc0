// Failures in before_all/after_all belong to no test; they still fail the run.
import { GutTest } from "gut";

export default class TestHookFailures extends GutTest {
  before_all(): void {
    throw new Error("before_all broke"); // line 6
  }

  after_all(): void {
    this.assert_eq(1, 2, "after_all assert"); // line 10
  }

  test_runs_anyway(): void {
    this.assert_true(true);
  }
}
