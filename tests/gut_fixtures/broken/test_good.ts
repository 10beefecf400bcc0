// The run goes on after broken scripts: 1 passing test.
import { GutTest } from "gut";

export default class TestGood extends GutTest {
  test_still_runs(): void {
    this.assert_true(true);
  }
}
