// Godot's Math helpers (core/math/math_funcs.h) the value types share. Godot computes in 32-bit
// floats; these compute in doubles, which agrees with Godot's results to about 1e-6 relative.

export const CMP_EPSILON = 0.00001;
export const CMP_EPSILON2 = CMP_EPSILON * CMP_EPSILON;
export const UNIT_EPSILON = 0.001;
export const TAU = Math.PI * 2;

export function is_equal_approx(a: number, b: number): boolean {
  if (a === b) return true; // Infinities.
  let tolerance = CMP_EPSILON * Math.abs(a);
  if (tolerance < CMP_EPSILON) tolerance = CMP_EPSILON;
  return Math.abs(a - b) < tolerance;
}

export function is_zero_approx(a: number): boolean {
  return Math.abs(a) < CMP_EPSILON;
}

export function lerp(from: number, to: number, weight: number): number {
  return from + (to - from) * weight;
}

// Godot's fposmod: the remainder with the sign of the divisor.
export function fposmod(x: number, y: number): number {
  let value = x % y;
  if ((value < 0 && y > 0) || (value > 0 && y < 0)) value += y;
  return value;
}

export function snapped(value: number, step: number): number {
  return step !== 0 ? Math.floor(value / step + 0.5) * step : value;
}

// Godot's int32 wrap-around for the integer vector types.
export function int32(value: number): number {
  return value | 0;
}

// Godot's Math::cubic_interpolate: Catmull-Rom through pre, from, to, post.
export function cubic_interpolate(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
): number {
  return (
    0.5 *
    (from * 2 +
      (-pre + to) * weight +
      (2 * pre - 5 * from + 4 * to - post) * (weight * weight) +
      (-pre + 3 * from - 3 * to + post) * (weight * weight * weight))
  );
}

// Godot's Math::cubic_interpolate_in_time (the Barry-Goldman method), with its guards for equal times.
export function cubic_interpolate_in_time(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
  to_t: number,
  pre_t: number,
  post_t: number,
): number {
  const t = lerp(0, to_t, weight);
  const a1 = lerp(pre, from, pre_t === 0 ? 0 : (t - pre_t) / -pre_t);
  const a2 = lerp(from, to, to_t === 0 ? 0.5 : t / to_t);
  const a3 = lerp(to, post, post_t - to_t === 0 ? 1 : (t - to_t) / (post_t - to_t));
  const b1 = lerp(a1, a2, to_t - pre_t === 0 ? 0 : (t - pre_t) / (to_t - pre_t));
  const b2 = lerp(a2, a3, post_t === 0 ? 1 : t / post_t);
  return lerp(b1, b2, to_t === 0 ? 0.5 : t / to_t);
}

// Godot's Math::bezier_interpolate: the cubic Bézier curve at t.
export function bezier_interpolate(
  start: number,
  control_1: number,
  control_2: number,
  end: number,
  t: number,
): number {
  const omt = 1 - t;
  const omt2 = omt * omt;
  const t2 = t * t;
  return start * omt2 * omt + control_1 * omt2 * t * 3 + control_2 * omt * t2 * 3 + end * t2 * t;
}

// Godot's Math::bezier_derivative: the curve's tangent at t.
export function bezier_derivative(
  start: number,
  control_1: number,
  control_2: number,
  end: number,
  t: number,
): number {
  const omt = 1 - t;
  return (
    (control_1 - start) * 3 * omt * omt +
    (control_2 - control_1) * 6 * omt * t +
    (end - control_2) * 3 * t * t
  );
}

// Godot's SIGN, MIN, MAX and CLAMP (core/typedefs.h), NaN handling included.
export function sign_of(value: number): number {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

export function min_of(a: number, b: number): number {
  return a < b ? a : b;
}

export function max_of(a: number, b: number): number {
  return a > b ? a : b;
}

export function clamp_of(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

// C's round(): halves away from zero (Math.round rounds -2.5 to -2, Godot to -3).
export function round_half_away(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
