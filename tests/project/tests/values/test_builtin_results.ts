// Godot 4.6.3's results for every method and operator of the math value types
// (tests/reference/godot-4.6-builtin-results.json), run inside the engine: the receiver and the
// arguments are read with the engine's own str_to_var, the call is made on the script classes,
// and the result is compared with Godot's through var_to_str (floats to 1e-5 relative: Godot
// computes in 32-bit floats). tests/builtins/check_results.ts runs the same calls under Node.
import { GutTest } from "gut";
import { FileAccess, str_to_var, var_to_str } from "godot";

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

type Method = (...args: unknown[]) => unknown;

// Texts agree when their non-numeric parts are the same and each number is within tolerance.
function same_text(actual: string, expected: string): boolean {
  const number = /-?(?:\d+\.?\d*(?:e[-+]?\d+)?|inf|nan)/g;
  if (actual.replace(number, "#") !== expected.replace(number, "#")) return false;
  const a = actual.match(number) ?? [];
  const e = expected.match(number) ?? [];
  return a.every((text, i) => {
    const x = Number(text.replace("inf", "Infinity"));
    const y = Number(e[i].replace("inf", "Infinity"));
    return (
      x === y ||
      (Number.isNaN(x) && Number.isNaN(y)) ||
      Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(x), Math.abs(y))
    );
  });
}

export default class TestBuiltinResults extends GutTest {
  test_every_call_and_operator_matches_godot(): void {
    const results = JSON.parse(
      FileAccess.get_file_as_string("res://../reference/godot-4.6-builtin-results.json"),
    ) as { calls: Call[]; operators: Operator[] };
    const mismatches: string[] = [];
    const check = (label: string, run: () => unknown, expected: string): void => {
      let text: string;
      try {
        text = var_to_str(run());
      } catch (error) {
        text = `threw ${String(error)}`;
      }
      if (!same_text(text, expected)) mismatches.push(`${label}: got ${text}, Godot ${expected}`);
    };
    for (const call of results.calls) {
      const args = call.args.map((text) => str_to_var(text));
      const receiver = str_to_var(call.receiver) as Record<string, Method>;
      const target = call.static
        ? ((receiver as object).constructor as unknown as Record<string, Method>)
        : receiver;
      check(
        `${call.class}.${call.method} on ${call.receiver}`,
        () => target[call.method].apply(target, args),
        call.result,
      );
    }
    for (const op of results.operators) {
      const left = str_to_var(op.left) as Record<string, Method>;
      const right = op.right_type === "" ? undefined : str_to_var(op.right);
      check(
        `${op.left} ${op.operator} ${op.right}`,
        () => {
          if (op.operator === "in") return (right as unknown[]).some((element) => left.equals(element));
          const method = left[OPERATOR_METHODS[op.operator]];
          return right === undefined ? method.call(left) : method.call(left, right);
        },
        op.result,
      );
    }
    this.assert_eq(
      mismatches.slice(0, 10),
      [],
      `${mismatches.length} of ${results.calls.length + results.operators.length} differ from Godot`,
    );
    this.assert_eq(
      results.calls.length + results.operators.length,
      552,
      "every call and operator of the reference ran",
    );
  }
}
