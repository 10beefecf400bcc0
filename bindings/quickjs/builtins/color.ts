// Godot's Color (core/math/color.h): red, green, blue and alpha as floats, usually 0 to 1 (higher
// for overbright colors), copied by value. Methods never change the color they are called on;
// operators are methods (`add`, `multiply`, `equals`...). The named colors (Color.CORNFLOWER_BLUE)
// are static getters, each read a new color.
import { bad_argument, bad_arguments, check_bool, check_int, check_number, print_error } from "./checks.js";
import { clamp_of, is_equal_approx, lerp, max_of, min_of, round_half_away } from "./math_funcs.js";
import { NAMED_COLORS, named_color_rgba } from "./color_names.js";
import { okhsl_to_srgb, srgb_to_okhsl } from "./color_okhsl.js";
import { num } from "./format.js";
import { int32_from_real } from "./vector2i.js";

function check_string(method: string, index: number, name: string, value: unknown): string {
  if (typeof value !== "string") bad_argument(method, index, name, "String", value);
  return value;
}

function from_rgba32(rgba: number): Color {
  return new Color(
    (rgba >>> 24) / 255,
    ((rgba >>> 16) & 0xff) / 255,
    ((rgba >>> 8) & 0xff) / 255,
    (rgba & 0xff) / 255,
  );
}

// C++'s (uint8_t) / (uint16_t) of a rounded float, for a channel whose largest value `max` (255 or
// 65535) is also its bit mask: out-of-range values wrap as on x86.
function to_bits(value: number, max: number): number {
  return int32_from_real(round_half_away(value * max)) & max;
}

function to_uint32(c0: number, c1: number, c2: number, c3: number): number {
  return (
    ((to_bits(c0, 0xff) << 24) | (to_bits(c1, 0xff) << 16) | (to_bits(c2, 0xff) << 8) | to_bits(c3, 0xff)) >>>
    0
  );
}

function to_uint64(c0: number, c1: number, c2: number, c3: number): number {
  const word =
    (BigInt(to_bits(c0, 0xffff)) << 48n) |
    (BigInt(to_bits(c1, 0xffff)) << 32n) |
    (BigInt(to_bits(c2, 0xffff)) << 16n) |
    BigInt(to_bits(c3, 0xffff));
  return Number(BigInt.asIntN(64, word)); // Godot's int is signed: the top bit makes it negative.
}

// An 8-bit channel (r8, g8...): rounded and clamped to 0..255.
function to_byte(value: number): number {
  return clamp_of(round_half_away(value * 255), 0, 255);
}

// Two lowercase hex digits of a 0..1 channel, as Godot's to_html.
function hex_byte(value: number): string {
  return to_byte(value).toString(16).padStart(2, "0");
}

// Godot's _parse_col4: a hex digit's value, or -1.
function hex_digit(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  if (code >= 65 && code <= 70) return code - 55; // A-F
  return -1;
}

function find_named_color(name: string): Color | null {
  const rgba = named_color_rgba(name);
  return rgba === undefined ? null : from_rgba32(rgba);
}

function named_or_error(name: string): Color {
  const color = find_named_color(name);
  if (color) return color;
  print_error(`Color: Invalid color name: ${name}.`);
  return new Color();
}

// Godot's Color(String): an HTML code if it is a valid one, else a color name.
function from_code(code: string): Color {
  return Color.html_is_valid(code) ? Color.html(code) : named_or_error(code);
}

function hsv(h: number, s: number, v: number, alpha: number): Color {
  if (s === 0) return new Color(v, v, v, alpha); // Gray.
  h = (h * 6) % 6;
  const sector = Math.floor(h);
  const f = h - sector;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  // Red, then green, then blue dominates; a negative hue falls in the last sector, as in Godot.
  const [r, g, b] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
  ][sector] ?? [v, p, q];
  return new Color(r, g, b, alpha);
}

function ok_hsl(h: number, s: number, l: number, alpha: number): Color {
  const [r, g, b] = okhsl_to_srgb(h, s, l);
  return new Color(r, g, b, alpha).clamp();
}

// One OkHSL component of a color: NaN (grays have no hue) reads as 0, the rest is clamped to 0..1.
function ok_hsl_component(color: Color, index: number): number {
  const value = srgb_to_okhsl(color.r, color.g, color.b)[index];
  return Number.isNaN(value) ? 0 : clamp_of(value, 0, 1);
}

export class Color {
  r: number;
  g: number;
  b: number;
  a: number;

  /** Opaque black (0, 0, 0, 1) by default; a String is an HTML code ("#ff8000") or a color name ("red"). */
  constructor();
  constructor(from: Color);
  constructor(from: Color, alpha: number);
  constructor(code: string);
  constructor(code: string, alpha: number);
  constructor(r: number, g: number, b: number);
  constructor(r: number, g: number, b: number, a: number);
  constructor(a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown) {
    const count =
      a4 !== undefined ? 4 : a3 !== undefined ? 3 : a2 !== undefined ? 2 : a1 !== undefined ? 1 : 0;
    if (
      count >= 3 &&
      typeof a1 === "number" &&
      typeof a2 === "number" &&
      typeof a3 === "number" &&
      (count === 3 || (count === 4 && typeof a4 === "number"))
    ) {
      this.r = a1;
      this.g = a2;
      this.b = a3;
      this.a = count === 4 ? (a4 as number) : 1;
      return;
    }
    if (
      (count === 1 || (count === 2 && typeof a2 === "number")) &&
      (a1 instanceof Color || typeof a1 === "string")
    ) {
      const from = a1 instanceof Color ? a1 : from_code(a1);
      this.r = from.r;
      this.g = from.g;
      this.b = from.b;
      this.a = count === 2 ? (a2 as number) : from.a;
      return;
    }
    this.r = 0;
    this.g = 0;
    this.b = 0;
    this.a = 1;
    if (count === 0) return;
    bad_arguments(
      "Color()",
      "(), (Color from), (Color from, float alpha), (String code), (String code, float alpha), (float r, float g, float b) or (float r, float g, float b, float a)",
      [a1, a2, a3, a4].slice(0, count),
    );
  }

  /** Channel by index: 0 is r ... 3 is a (Godot's `c[i]`). */
  get 0(): number {
    return this.r;
  }
  set 0(value: number) {
    this.r = check_number("Color[0]", 0, "value", value);
  }
  get 1(): number {
    return this.g;
  }
  set 1(value: number) {
    this.g = check_number("Color[1]", 0, "value", value);
  }
  get 2(): number {
    return this.b;
  }
  set 2(value: number) {
    this.b = check_number("Color[2]", 0, "value", value);
  }
  get 3(): number {
    return this.a;
  }
  set 3(value: number) {
    this.a = check_number("Color[3]", 0, "value", value);
  }

  // Derived members: 8-bit channels, HSV and OkHSL. Setting one keeps the others it does not touch.

  get r8(): number {
    return to_byte(this.r);
  }
  set r8(value: number) {
    this.r = clamp_of(check_int("Color.r8", 0, "value", value), 0, 255) / 255;
  }
  get g8(): number {
    return to_byte(this.g);
  }
  set g8(value: number) {
    this.g = clamp_of(check_int("Color.g8", 0, "value", value), 0, 255) / 255;
  }
  get b8(): number {
    return to_byte(this.b);
  }
  set b8(value: number) {
    this.b = clamp_of(check_int("Color.b8", 0, "value", value), 0, 255) / 255;
  }
  get a8(): number {
    return to_byte(this.a);
  }
  set a8(value: number) {
    this.a = clamp_of(check_int("Color.a8", 0, "value", value), 0, 255) / 255;
  }

  /** The HSV hue, 0 to 1. */
  get h(): number {
    const { r, g, b } = this;
    const max = max_of(max_of(r, g), b);
    const delta = max - min_of(min_of(r, g), b);
    if (delta === 0) return 0;
    let h = r === max ? (g - b) / delta : g === max ? 2 + (b - r) / delta : 4 + (r - g) / delta;
    h /= 6;
    return h < 0 ? h + 1 : h;
  }
  set h(value: number) {
    Object.assign(this, hsv(check_number("Color.h", 0, "value", value), this.s, this.v, this.a));
  }

  /** The HSV saturation. */
  get s(): number {
    const { r, g, b } = this;
    const max = max_of(max_of(r, g), b);
    return max !== 0 ? (max - min_of(min_of(r, g), b)) / max : 0;
  }
  set s(value: number) {
    Object.assign(this, hsv(this.h, check_number("Color.s", 0, "value", value), this.v, this.a));
  }

  /** The HSV value (brightness): the largest of r, g, b. */
  get v(): number {
    return max_of(max_of(this.r, this.g), this.b);
  }
  set v(value: number) {
    Object.assign(this, hsv(this.h, this.s, check_number("Color.v", 0, "value", value), this.a));
  }

  get ok_hsl_h(): number {
    return ok_hsl_component(this, 0);
  }
  set ok_hsl_h(value: number) {
    Object.assign(
      this,
      ok_hsl(check_number("Color.ok_hsl_h", 0, "value", value), this.ok_hsl_s, this.ok_hsl_l, this.a),
    );
  }
  get ok_hsl_s(): number {
    return ok_hsl_component(this, 1);
  }
  set ok_hsl_s(value: number) {
    Object.assign(
      this,
      ok_hsl(this.ok_hsl_h, check_number("Color.ok_hsl_s", 0, "value", value), this.ok_hsl_l, this.a),
    );
  }
  get ok_hsl_l(): number {
    return ok_hsl_component(this, 2);
  }
  set ok_hsl_l(value: number) {
    Object.assign(
      this,
      ok_hsl(this.ok_hsl_h, this.ok_hsl_s, check_number("Color.ok_hsl_l", 0, "value", value), this.a),
    );
  }

  // Methods

  /** 0xAARRGGBB. */
  to_argb32(): number {
    return to_uint32(this.a, this.r, this.g, this.b);
  }

  /** 0xAABBGGRR. */
  to_abgr32(): number {
    return to_uint32(this.a, this.b, this.g, this.r);
  }

  /** 0xRRGGBBAA. */
  to_rgba32(): number {
    return to_uint32(this.r, this.g, this.b, this.a);
  }

  /** 16 bits a channel, as a signed 64-bit int (exact only up to 2^53 in JavaScript). */
  to_argb64(): number {
    return to_uint64(this.a, this.r, this.g, this.b);
  }

  to_abgr64(): number {
    return to_uint64(this.a, this.b, this.g, this.r);
  }

  to_rgba64(): number {
    return to_uint64(this.r, this.g, this.b, this.a);
  }

  /** "rrggbbaa" (or "rrggbb"), lowercase, without "#". */
  to_html(with_alpha = true): string {
    check_bool("Color.to_html", 0, "with_alpha", with_alpha);
    const rgb = hex_byte(this.r) + hex_byte(this.g) + hex_byte(this.b);
    return with_alpha ? rgb + hex_byte(this.a) : rgb;
  }

  clamp(min: Color = new Color(0, 0, 0, 0), max: Color = new Color(1, 1, 1, 1)): Color {
    if (!(min instanceof Color)) bad_argument("Color.clamp", 0, "min", "Color", min);
    if (!(max instanceof Color)) bad_argument("Color.clamp", 1, "max", "Color", max);
    return new Color(
      clamp_of(this.r, min.r, max.r),
      clamp_of(this.g, min.g, max.g),
      clamp_of(this.b, min.b, max.b),
      clamp_of(this.a, min.a, max.a),
    );
  }

  /** (1 - r, 1 - g, 1 - b), alpha kept. */
  inverted(): Color {
    return new Color(1 - this.r, 1 - this.g, 1 - this.b, this.a);
  }

  lerp(to: Color, weight: number): Color {
    if (!(to instanceof Color)) bad_argument("Color.lerp", 0, "to", "Color", to);
    check_number("Color.lerp", 1, "weight", weight);
    return new Color(
      lerp(this.r, to.r, weight),
      lerp(this.g, to.g, weight),
      lerp(this.b, to.b, weight),
      lerp(this.a, to.a, weight),
    );
  }

  /** Toward white by amount (0 to 1), alpha kept. */
  lightened(amount: number): Color {
    check_number("Color.lightened", 0, "amount", amount);
    return new Color(
      this.r + (1 - this.r) * amount,
      this.g + (1 - this.g) * amount,
      this.b + (1 - this.b) * amount,
      this.a,
    );
  }

  /** Toward black by amount (0 to 1), alpha kept. */
  darkened(amount: number): Color {
    check_number("Color.darkened", 0, "amount", amount);
    return new Color(this.r * (1 - amount), this.g * (1 - amount), this.b * (1 - amount), this.a);
  }

  /** `over` drawn on top of this color (alpha compositing); fully transparent gives (0, 0, 0, 0). */
  blend(over: Color): Color {
    if (!(over instanceof Color)) bad_argument("Color.blend", 0, "over", "Color", over);
    const under = 1 - over.a;
    const alpha = this.a * under + over.a;
    if (alpha === 0) return new Color(0, 0, 0, 0);
    const mix = (mine: number, theirs: number) => (mine * this.a * under + theirs * over.a) / alpha;
    return new Color(mix(this.r, over.r), mix(this.g, over.g), mix(this.b, over.b), alpha);
  }

  /** Relative luminance (Rec. 709 weights) of a linear color. */
  get_luminance(): number {
    return 0.2126 * this.r + 0.7152 * this.g + 0.0722 * this.b;
  }

  srgb_to_linear(): Color {
    const linear = (c: number) =>
      c < 0.04045 ? c * (1 / 12.92) : Math.pow((c + 0.055) * (1 / (1 + 0.055)), 2.4);
    return new Color(linear(this.r), linear(this.g), linear(this.b), this.a);
  }

  linear_to_srgb(): Color {
    const srgb = (c: number) => (c < 0.0031308 ? 12.92 * c : (1 + 0.055) * Math.pow(c, 1 / 2.4) - 0.055);
    return new Color(srgb(this.r), srgb(this.g), srgb(this.b), this.a);
  }

  is_equal_approx(to: Color): boolean {
    if (!(to instanceof Color)) bad_argument("Color.is_equal_approx", 0, "to", "Color", to);
    return (
      is_equal_approx(this.r, to.r) &&
      is_equal_approx(this.g, to.g) &&
      is_equal_approx(this.b, to.b) &&
      is_equal_approx(this.a, to.a)
    );
  }

  // Static constructors

  /** From 0xRRGGBBAA (the low 32 bits). */
  static hex(hex: number): Color {
    return from_rgba32(check_int("Color.hex", 0, "hex", hex) >>> 0);
  }

  /** From 0xRRRRGGGGBBBBAAAA, 16 bits a channel. */
  static hex64(hex: number): Color {
    let bits = BigInt.asUintN(64, BigInt(check_int("Color.hex64", 0, "hex", hex)));
    const channels: number[] = [];
    for (let i = 0; i < 4; i++, bits >>= 16n) channels.unshift(Number(bits & 0xffffn) / 65535);
    return new Color(channels[0], channels[1], channels[2], channels[3]);
  }

  /**
   * From an HTML code: "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa" ("#" optional). An invalid code
   * prints an error and gives Color(); "" gives Color() silently, as Godot.
   */
  static html(rgba: string): Color {
    check_string("Color.html", 0, "rgba", rgba);
    if (rgba.length === 0) return new Color();
    const code = rgba[0] === "#" ? rgba.slice(1) : rgba;
    const length = code.length;
    if (length !== 3 && length !== 4 && length !== 6 && length !== 8) return invalid_code(rgba);
    const short = length < 5;
    // As Godot, a two-digit channel is 16 * first + second digit, so only some bad digits show up as negative.
    const channel = (index: number) =>
      short
        ? hex_digit(code, index) / 15
        : (hex_digit(code, index * 2) * 16 + hex_digit(code, index * 2 + 1)) / 255;
    const r = channel(0);
    const g = channel(1);
    const b = channel(2);
    const a = length === 4 || length === 8 ? channel(3) : 1;
    if (r < 0 || g < 0 || b < 0 || a < 0) return invalid_code(rgba);
    return new Color(r, g, b, a);
  }

  /** Whether `color` is an HTML code Color.html accepts (3, 4, 6 or 8 hex digits, "#" optional). */
  static html_is_valid(color: string): boolean {
    check_string("Color.html_is_valid", 0, "color", color);
    const code = color[0] === "#" ? color.slice(1) : color;
    const length = code.length;
    if (length !== 3 && length !== 4 && length !== 6 && length !== 8) return false;
    for (let i = 0; i < length; i++) if (hex_digit(code, i) === -1) return false;
    return true;
  }

  /** An HTML code or a color name (case, spaces, '-', '_', ''' and '.' ignored); `default` for neither. */
  static from_string(str: string, default_: Color): Color {
    check_string("Color.from_string", 0, "str", str);
    if (!(default_ instanceof Color)) bad_argument("Color.from_string", 1, "default", "Color", default_);
    if (Color.html_is_valid(str)) return Color.html(str);
    return find_named_color(str) ?? new Color(default_.r, default_.g, default_.b, default_.a);
  }

  /** From hue (wrapping), saturation and value, 0 to 1. */
  static from_hsv(h: number, s: number, v: number, alpha = 1.0): Color {
    const method = "Color.from_hsv";
    return hsv(
      check_number(method, 0, "h", h),
      check_number(method, 1, "s", s),
      check_number(method, 2, "v", v),
      check_number(method, 3, "alpha", alpha),
    );
  }

  /** From OkHSL hue, saturation and lightness, 0 to 1; the result (alpha included) is clamped to 0..1. */
  static from_ok_hsl(h: number, s: number, l: number, alpha = 1.0): Color {
    const method = "Color.from_ok_hsl";
    return ok_hsl(
      check_number(method, 0, "h", h),
      check_number(method, 1, "s", s),
      check_number(method, 2, "l", l),
      check_number(method, 3, "alpha", alpha),
    );
  }

  /** From RGBE9995: three 9-bit mantissas and a shared 5-bit exponent (HDR), alpha 1. */
  static from_rgbe9995(rgbe: number): Color {
    const bits = check_int("Color.from_rgbe9995", 0, "rgbe", rgbe) >>> 0;
    const scale = Math.pow(2, (bits >>> 27) - 15 - 9);
    return new Color(
      (bits & 0x1ff) * scale,
      ((bits >>> 9) & 0x1ff) * scale,
      ((bits >>> 18) & 0x1ff) * scale,
      1,
    );
  }

  /** From 8-bit channels (not clamped: 510 gives 2). */
  static from_rgba8(r8: number, g8: number, b8: number, a8 = 255): Color {
    const method = "Color.from_rgba8";
    return new Color(
      check_int(method, 0, "r8", r8) / 255,
      check_int(method, 1, "g8", g8) / 255,
      check_int(method, 2, "b8", b8) / 255,
      check_int(method, 3, "a8", a8) / 255,
    );
  }

  // Operators

  add(right: Color): Color {
    if (!(right instanceof Color)) bad_argument("Color.add", 0, "right", "Color", right);
    return new Color(this.r + right.r, this.g + right.g, this.b + right.b, this.a + right.a);
  }

  subtract(right: Color): Color {
    if (!(right instanceof Color)) bad_argument("Color.subtract", 0, "right", "Color", right);
    return new Color(this.r - right.r, this.g - right.g, this.b - right.b, this.a - right.a);
  }

  /** `this * right`: per channel by a Color, or every channel (alpha too) by a number. */
  multiply(right: Color | number): Color {
    if (typeof right === "number")
      return new Color(this.r * right, this.g * right, this.b * right, this.a * right);
    if (right instanceof Color)
      return new Color(this.r * right.r, this.g * right.g, this.b * right.b, this.a * right.a);
    return bad_arguments("Color.multiply", "(Color), (int) or (float)", [right]);
  }

  /** `this / right`: per channel or by a number; a zero divisor gives infinities, as floats do. */
  divide(right: Color | number): Color {
    if (typeof right === "number")
      return new Color(this.r / right, this.g / right, this.b / right, this.a / right);
    if (right instanceof Color)
      return new Color(this.r / right.r, this.g / right.g, this.b / right.b, this.a / right.a);
    return bad_arguments("Color.divide", "(Color), (int) or (float)", [right]);
  }

  /** `-this`: every channel, alpha included, becomes 1 - channel. */
  negate(): Color {
    return new Color(1 - this.r, 1 - this.g, 1 - this.b, 1 - this.a);
  }

  /** `+this`: a copy. */
  positive(): Color {
    return new Color(this.r, this.g, this.b, this.a);
  }

  /** `this == right`: exact; false for any other type. */
  equals(right: unknown): boolean {
    return (
      right instanceof Color &&
      this.r === right.r &&
      this.g === right.g &&
      this.b === right.b &&
      this.a === right.a
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "(1.0, 0.5, 0.0, 1.0)", each channel with at most 4 decimals. */
  toString(): string {
    return (
      "(" + [this.r, this.g, this.b, this.a].map((channel) => num(Math.fround(channel), 4)).join(", ") + ")"
    );
  }
}

function invalid_code(code: string): Color {
  print_error(`Color.html: Invalid color code: ${code}.`);
  return new Color();
}

// The named colors: static getters, so that each read is a new color a script may change.
for (const [name, rgba] of Object.entries(NAMED_COLORS)) {
  Object.defineProperty(Color, name, { get: () => from_rgba32(rgba), configurable: true });
}
