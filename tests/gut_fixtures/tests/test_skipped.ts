// should_skip_script(): the script is reported as skipped (risky), its tests do not run.
import { GutTest } from "gut";

export default class TestSkipped extends GutTest {
  should_skip_script(): string {
    return "needs a feature this machine lacks";
  }

  test_never_runs(): void {
    this.fail_test("a skipped script's tests do not run");
  }
}
