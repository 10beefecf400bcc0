// Found only with -ginclude_subdirs (or "include_subdirs" in .gutconfig.json): 1 passing test.
import { GutTest } from "gut";

export default class TestSubdir extends GutTest {
  test_found_in_a_subfolder(): void {
    this.assert_true(true);
  }
}
