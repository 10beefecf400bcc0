// Its top-level code throws (line 5): the script is one failing test.
import { GutTest } from "gut";

if (Math.random() >= 0) {
  throw new Error("boom while importing");
}

export default class TestNeverLoaded extends GutTest {
  test_x(): void {
    this.assert_true(true);
  }
}
