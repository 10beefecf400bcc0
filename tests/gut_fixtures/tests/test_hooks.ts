// Hook order and declaration order (not alphabetical): 2 scripts (the class and its inner check
// class), 4 tests, 4 passing asserts.
import { GutTest } from "gut";

const log: string[] = [];

export default class TestHooks extends GutTest {
  before_all(): void {
    log.push("before_all");
  }

  async before_each(): Promise<void> {
    await this.wait_frames(1);
    log.push("before_each");
  }

  after_each(): void {
    log.push("after_each");
  }

  async after_all(): Promise<void> {
    await this.wait_frames(1);
    log.push("after_all");
  }

  test_zeta_runs_first(): void {
    log.push("test_zeta_runs_first");
    this.assert_eq(log, ["before_all", "before_each", "test_zeta_runs_first"]);
  }

  test_alpha_runs_second(): void {
    log.push("test_alpha_runs_second");
    this.assert_eq(log.length, 6);
  }

  test_mid_runs_third(): void {
    log.push("test_mid_runs_third");
    this.assert_eq(log.length, 9);
  }
}

// Inner classes run after the file's default class.
export class TestHookOrderCheck extends GutTest {
  test_outer_class_hooks_ran_in_order(): void {
    this.assert_eq(log, [
      "before_all",
      "before_each",
      "test_zeta_runs_first",
      "after_each",
      "before_each",
      "test_alpha_runs_second",
      "after_each",
      "before_each",
      "test_mid_runs_third",
      "after_each",
      "after_all",
    ]);
  }
}
