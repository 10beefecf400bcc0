// Not a test script (no "test_" prefix): never run by the runner.
export function twice(value: number): number {
  return value * 2;
}
throw new Error("helpers.ts must not be imported by the runner");
