// A hung async test fails after the per-test timeout (1 s in .gutconfig.json) and the next test
// still runs: 2 tests, 1 passing and 1 failing; 2 passing asserts and 1 failing.
import { GutTest } from "gut";

export default class TestTimeout extends GutTest {
  async test_hangs(): Promise<void> {
    this.assert_true(true);
    await new Promise<void>(() => {});
  }

  test_runs_after_the_hung_test(): void {
    this.assert_true(true);
  }
}
