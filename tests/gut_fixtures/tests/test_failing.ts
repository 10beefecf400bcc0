// Deliberate failures at known lines (tests/gut_selftest.sh checks the reported positions):
// 4 tests, all failing; 3 passing and 6 failing asserts (an exception counts as a failing assert).
import { GutTest } from "gut";

function helper_that_throws(): never {
  throw new Error("thrown from a helper");
}

export default class TestFailing extends GutTest {
  test_eq_fails(): void {
    this.assert_eq("a", "b", "deliberate failure"); // line 11
    this.assert_eq(1, 1, "this one passes");
  }

  test_soft_asserts_go_on(): void {
    this.assert_true(false, "first"); // line 16
    this.assert_true(true, "second passes");
    this.assert_eq([1, 2, 3], [1, 2, 4], "arrays"); // line 18
  }

  test_exception(): void {
    this.assert_true(true);
    helper_that_throws(); // line 23, thrown at line 6
  }

  async test_exception_after_await(): Promise<void> {
    await this.wait_frames(1);
    this.fail_test("failed on purpose after a frame"); // line 28
    throw new TypeError("async failure"); // line 29
  }
}
