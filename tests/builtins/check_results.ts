// Every method and operator call in godot-4.6-builtin-results.json, made on Quickdot's built-in
// value types and compared with Godot 4.6.3's result (floats to a relative 1e-5: Godot computes in
// 32-bit floats). Prints one line per mismatch and a closing "N passed, N failed" line.
//   node .build/builtins_check/tests/builtins/check_results.js tests/reference/godot-4.6-builtin-results.json [Class]
import { readFileSync } from "node:fs";
import { components, parse } from "./godot_text.js";

interface Call {
  class: string;
  method: string;
  receiver: string;
  args: string[];
  result: string;
  static: boolean;
}
interface Operator {
  class: string;
  operator: string;
  left: string;
  right: string;
  right_type: string;
  result: string;
}

const OPERATOR_METHODS: Record<string, string> = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
  "%": "modulo",
  "unary-": "negate",
  "unary+": "positive",
  "==": "equals",
  "!=": "not_equals",
  "<": "less",
  "<=": "less_equal",
  ">": "greater",
  ">=": "greater_equal",
};

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a), Math.abs(b));
}

function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") return typeof actual === "number" && close(actual, expected);
  if (typeof expected === "boolean" || typeof expected === "string" || expected === null)
    return actual === expected;
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => same(actual[i], e))
    );
  const want = components(expected);
  const got = components(actual);
  if (!want || !got || Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return false;
  return want.length === got.length && want.every((w, i) => close(got[i], w));
}

function show(value: unknown): string {
  const c = components(value);
  if (c) return `${(value as object).constructor.name}(${c.join(", ")})`;
  return JSON.stringify(value) ?? String(value);
}

const [path, only] = process.argv.slice(2);
const results = JSON.parse(readFileSync(path, "utf8")) as { calls: Call[]; operators: Operator[] };
let passed = 0;
let failed = 0;

function check(label: string, run: () => unknown, expected_text: string): void {
  if (only && !label.startsWith(only + ".") && !label.startsWith(only + " ")) return;
  const expected = parse(expected_text).value;
  let actual: unknown;
  try {
    actual = run();
  } catch (error) {
    failed++;
    console.log(`FAIL ${label}: threw ${(error as Error).message}`);
    return;
  }
  if (same(actual, expected)) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${label}: got ${show(actual)}, Godot ${expected_text}`);
  }
}

type Callable = (...args: unknown[]) => unknown;

for (const call of results.calls) {
  const args = call.args.map((a) => parse(a).value);
  check(
    `${call.class}.${call.method}(${call.args.join(", ")}) on ${call.receiver}`,
    () => {
      if (call.static) {
        const klass = (parse(call.receiver).value as object).constructor as unknown as Record<
          string,
          Callable
        >;
        if (typeof klass[call.method] !== "function") throw new Error(`no static method ${call.method}`);
        return klass[call.method](...args);
      }
      const receiver = parse(call.receiver).value as Record<string, Callable>;
      if (typeof receiver[call.method] !== "function") throw new Error(`no method ${call.method}`);
      return receiver[call.method](...args);
    },
    call.result,
  );
}

for (const op of results.operators) {
  check(
    `${op.class} ${op.operator} ${op.right_type || ""} (${op.left} ${op.operator} ${op.right})`,
    () => {
      const left = parse(op.left).value as Record<string, Callable>;
      if (op.operator === "in") {
        // `value in array`: membership by Godot's equality.
        return (parse(op.right).value as unknown[]).some((element) => left.equals(element));
      }
      const method = OPERATOR_METHODS[op.operator];
      if (typeof left[method] !== "function") throw new Error(`no operator method ${method}`);
      return op.right_type === "" ? left[method]() : left[method](parse(op.right).value);
    },
    op.result,
  );
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
