// How the value types print (toString, as Godot's str()): components in parentheses, each real
// written with the fewest digits that read back to the same 32-bit float, as Godot's
// String::num_real does for real_t ("(0.1, 2)", not "(0.10000000149011612, 2.0)").

export function real_text(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return "0"; // Also -0, as Godot prints it.
  const single = Math.fround(value);
  let digits = single.toString();
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = single.toPrecision(precision);
    if (Math.fround(Number(candidate)) === single) {
      digits = candidate;
      break;
    }
  }
  const number = Number(digits);
  const magnitude = Math.abs(number);
  if (magnitude >= 1e15 || magnitude < 1e-4) return number.toExponential().replace(/\.?0+e/, "e");
  return number.toString();
}

export function int_text(value: number): string {
  return String(value);
}

export function join_reals(values: readonly number[]): string {
  return "(" + values.map(real_text).join(", ") + ")";
}

export function join_ints(values: readonly number[]): string {
  return "(" + values.map(int_text).join(", ") + ")";
}
