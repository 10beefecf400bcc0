// Imports a module that does not exist: the script is one failing test.
import { GutTest } from "gut";
import "./does_not_exist.js";

export default class TestMissingModule extends GutTest {
  test_x(): void {
    this.assert_true(true);
  }
}
