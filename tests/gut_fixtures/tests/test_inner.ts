// Inner classes: exported classes named Test* that extend GutTest. 3 scripts, 4 passing tests.
import { GutTest } from "gut";

export default class TestOuter extends GutTest {
  test_outer(): void {
    this.assert_true(true);
  }
}

export class TestInnerA extends GutTest {
  test_a(): void {
    this.assert_true(true);
  }
}

export class TestInnerB extends GutTest {
  test_b_one(): void {
    this.assert_true(true);
  }

  test_b_two(): void {
    this.assert_true(true);
  }
}

// Not run: the name does not start with "Test".
export class HelperCase extends GutTest {
  test_never_runs(): void {
    this.fail_test("HelperCase is not an inner test class");
  }
}

// Not run: not a GutTest.
export class TestNotGut {
  test_never_runs(): void {}
}
