// Argument checks shared by the built-in value types. A wrong argument throws a TypeError that
// names the method and the argument, as a call into native code does ("Vector2.rotated: argument 1
// ('angle') must be float, got string").
import { Float } from "./float.js";

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name || "object";
  }
  return typeof value;
}

export function bad_argument(
  method: string,
  index: number,
  name: string,
  expected: string,
  got: unknown,
): never {
  throw new TypeError(
    `${method}: argument ${index + 1} ('${name}') must be ${expected}, got ${describe(got)}`,
  );
}

// For overloaded constructors and operators: none of the accepted forms matched. Constructors
// count their arguments from their parameters (`c !== undefined ? 3 : ...`): reading `arguments`
// would allocate an object on every construction, and values are constructed in every game loop.
export function bad_arguments(method: string, accepted: string, got: readonly unknown[]): never {
  throw new TypeError(`${method}: expected ${accepted}, got (${got.map(describe).join(", ")})`);
}

// A float argument may also be a Float: a whole-valued float that came from Godot (or str_to_var)
// is one, and passing it on must not be an error.
export function check_number(method: string, index: number, name: string, value: unknown): number {
  if (typeof value === "number") return value;
  if (value instanceof Float) return value.value;
  return bad_argument(method, index, name, "float", value);
}

export function check_int(method: string, index: number, name: string, value: unknown): number {
  if (typeof value !== "number") bad_argument(method, index, name, "int", value);
  return Math.trunc(value);
}

export function check_bool(method: string, index: number, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") bad_argument(method, index, name, "bool", value);
  return value;
}

export function check_instance<T>(
  method: string,
  index: number,
  name: string,
  value: unknown,
  type: abstract new (...args: never[]) => T,
): T {
  if (!(value instanceof type)) bad_argument(method, index, name, type.name, value);
  return value;
}

// Godot's ERR_FAIL_* and ERR_PRINT: a misuse that Godot reports and survives (a vector that should
// be normalized, an index out of range) is printed to stderr, and the call returns Godot's
// fallback result. In the engine console.error prints it as an error ("ERROR: ...").
export function print_error(message: string): void {
  const host = globalThis as { console?: { error?: (...data: unknown[]) => void } };
  host.console?.error?.(message);
}
