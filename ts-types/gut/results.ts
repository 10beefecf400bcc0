// What a run records: per test its asserts, failures and pending texts; per script (or inner
// class) its tests and the asserts of its before_all/after_all.

export interface FailureRecord {
  readonly message: string;
  readonly location: string; // "res://tests/test_x.ts:12", or "".
  readonly notes: readonly string[]; // Always shown: the difference found, the parameters of the call.
  readonly stack: string; // Shown with -glog=2 and in JUnit XML: the mapped stack of an exception.
}

export type TestStatus = "pass" | "fail" | "pending" | "risky";

export class TestResult {
  pass_count = 0;
  fail_count = 0;
  readonly failures: FailureRecord[] = [];
  readonly pending_texts: string[] = [];
  time_sec = 0;

  constructor(readonly name: string) {}

  get assert_count(): number {
    return this.pass_count + this.fail_count;
  }

  get status(): TestStatus {
    if (this.fail_count > 0) return "fail";
    if (this.pending_texts.length > 0) return "pending";
    if (this.assert_count === 0) return "risky";
    return "pass";
  }
}

export class ScriptResult {
  readonly tests: TestResult[] = [];
  hook_pass_count = 0;
  readonly hook_failures: FailureRecord[] = [];
  skip_reason: string | null = null;
  time_sec = 0;

  constructor(readonly name: string) {}

  count(status: TestStatus): number {
    return this.tests.filter((test) => test.status === status).length;
  }
}
