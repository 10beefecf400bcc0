// Godot's Color (core/math/color.h): red, green, blue and alpha as floats, usually 0 to 1 (higher
// for overbright colors), copied by value. Methods never change the color they are called on;
// operators are methods (`add`, `multiply`, `equals`...). The named colors (Color.CORNFLOWER_BLUE)
// are static getters, each read a new color.
import { bad_argument, bad_arguments, check_bool, check_instance, check_int, check_number, print_error } from "./checks.js";
import { clamp_of, is_equal_approx, lerp, max_of, min_of, round_half_away } from "./math_funcs.js";
import { NAMED_COLORS, named_color_rgba } from "./color_names.js";
import { int32_from_real } from "./vector2i.js";

const C = "Color";

function check_string(method: string, index: number, name: string, value: unknown): string {
  if (typeof value !== "string") bad_argument(method, index, name, "String", value);
  return value;
}

function from_rgba32(rgba: number): Color {
  return new Color((rgba >>> 24) / 255, ((rgba >>> 16) & 0xff) / 255, ((rgba >>> 8) & 0xff) / 255, (rgba & 0xff) / 255);
}

// C++'s (uint8_t) / (uint16_t) of a rounded float, for a channel whose largest value `max` (255 or
// 65535) is also its bit mask: out-of-range values wrap as on x86.
function to_bits(value: number, max: number): number {
  return int32_from_real(round_half_away(value * max)) & max;
}

function to_uint32(c0: number, c1: number, c2: number, c3: number): number {
  return ((to_bits(c0, 0xff) << 24) | (to_bits(c1, 0xff) << 16) | (to_bits(c2, 0xff) << 8) | to_bits(c3, 0xff)) >>> 0;
}

function to_uint64(c0: number, c1: number, c2: number, c3: number): number {
  const word = (BigInt(to_bits(c0, 0xffff)) << 48n) | (BigInt(to_bits(c1, 0xffff)) << 32n) | (BigInt(to_bits(c2, 0xffff)) << 16n) | BigInt(to_bits(c3, 0xffff));
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

// Godot prints each channel with String::num(value, 4): at most 4 decimals, trailing zeros
// dropped, from the 32-bit float Color stores; printf rounds exact ties to even.
function channel_text(value: number): string {
  const single = Math.fround(value);
  if (Number.isNaN(single)) return "nan";
  if (!Number.isFinite(single)) return single > 0 ? "inf" : "-inf";
  const sign = single < 0 || Object.is(single, -0) ? "-" : "";
  let magnitude = Math.abs(single);
  // A tie at the 5th decimal is exactly k/32 with k odd.
  const thirty_seconds = magnitude * 32;
  if (Number.isInteger(thirty_seconds) && thirty_seconds % 2 === 1) {
    const below = Math.floor(magnitude * 10000);
    magnitude = (below % 2 === 0 ? below : below + 1) / 10000;
  }
  // toFixed switches to exponents from 1e21; printf never does.
  const fixed = magnitude >= 1e21 ? BigInt(magnitude).toString() : magnitude.toFixed(4).replace(/\.?0+$/, "");
  return sign + fixed;
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
  const [r, g, b] = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v]][sector] ?? [v, p, q];
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
    const count = arguments.length;
    if (count >= 3 && typeof a1 === "number" && typeof a2 === "number" && typeof a3 === "number" && (count === 3 || (count === 4 && typeof a4 === "number"))) {
      this.r = a1;
      this.g = a2;
      this.b = a3;
      this.a = count === 4 ? (a4 as number) : 1;
      return;
    }
    if ((count === 1 || (count === 2 && typeof a2 === "number")) && (a1 instanceof Color || typeof a1 === "string")) {
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
    bad_arguments("Color()", "(), (Color from), (Color from, float alpha), (String code), (String code, float alpha), (float r, float g, float b) or (float r, float g, float b, float a)", Array.from(arguments));
  }

  /** Channel by index: 0 is r ... 3 is a (Godot's `c[i]`). */
  get 0(): number { return this.r; }
  set 0(value: number) { this.r = check_number("Color[0]", 0, "value", value); }
  get 1(): number { return this.g; }
  set 1(value: number) { this.g = check_number("Color[1]", 0, "value", value); }
  get 2(): number { return this.b; }
  set 2(value: number) { this.b = check_number("Color[2]", 0, "value", value); }
  get 3(): number { return this.a; }
  set 3(value: number) { this.a = check_number("Color[3]", 0, "value", value); }

  // Derived members: 8-bit channels, HSV and OkHSL. Setting one keeps the others it does not touch.

  get r8(): number { return to_byte(this.r); }
  set r8(value: number) { this.r = clamp_of(check_int("Color.r8", 0, "value", value), 0, 255) / 255; }
  get g8(): number { return to_byte(this.g); }
  set g8(value: number) { this.g = clamp_of(check_int("Color.g8", 0, "value", value), 0, 255) / 255; }
  get b8(): number { return to_byte(this.b); }
  set b8(value: number) { this.b = clamp_of(check_int("Color.b8", 0, "value", value), 0, 255) / 255; }
  get a8(): number { return to_byte(this.a); }
  set a8(value: number) { this.a = clamp_of(check_int("Color.a8", 0, "value", value), 0, 255) / 255; }

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
  set h(value: number) { Object.assign(this, hsv(check_number("Color.h", 0, "value", value), this.s, this.v, this.a)); }

  /** The HSV saturation. */
  get s(): number {
    const { r, g, b } = this;
    const max = max_of(max_of(r, g), b);
    return max !== 0 ? (max - min_of(min_of(r, g), b)) / max : 0;
  }
  set s(value: number) { Object.assign(this, hsv(this.h, check_number("Color.s", 0, "value", value), this.v, this.a)); }

  /** The HSV value (brightness): the largest of r, g, b. */
  get v(): number { return max_of(max_of(this.r, this.g), this.b); }
  set v(value: number) { Object.assign(this, hsv(this.h, this.s, check_number("Color.v", 0, "value", value), this.a)); }

  get ok_hsl_h(): number { return ok_hsl_component(this, 0); }
  set ok_hsl_h(value: number) { Object.assign(this, ok_hsl(check_number("Color.ok_hsl_h", 0, "value", value), this.ok_hsl_s, this.ok_hsl_l, this.a)); }
  get ok_hsl_s(): number { return ok_hsl_component(this, 1); }
  set ok_hsl_s(value: number) { Object.assign(this, ok_hsl(this.ok_hsl_h, check_number("Color.ok_hsl_s", 0, "value", value), this.ok_hsl_l, this.a)); }
  get ok_hsl_l(): number { return ok_hsl_component(this, 2); }
  set ok_hsl_l(value: number) { Object.assign(this, ok_hsl(this.ok_hsl_h, this.ok_hsl_s, check_number("Color.ok_hsl_l", 0, "value", value), this.a)); }

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
    check_bool(`${C}.to_html`, 0, "with_alpha", with_alpha);
    const rgb = hex_byte(this.r) + hex_byte(this.g) + hex_byte(this.b);
    return with_alpha ? rgb + hex_byte(this.a) : rgb;
  }

  clamp(min: Color = new Color(0, 0, 0, 0), max: Color = new Color(1, 1, 1, 1)): Color {
    check_instance(`${C}.clamp`, 0, "min", min, Color);
    check_instance(`${C}.clamp`, 1, "max", max, Color);
    return new Color(clamp_of(this.r, min.r, max.r), clamp_of(this.g, min.g, max.g), clamp_of(this.b, min.b, max.b), clamp_of(this.a, min.a, max.a));
  }

  /** (1 - r, 1 - g, 1 - b), alpha kept. */
  inverted(): Color {
    return new Color(1 - this.r, 1 - this.g, 1 - this.b, this.a);
  }

  lerp(to: Color, weight: number): Color {
    check_instance(`${C}.lerp`, 0, "to", to, Color);
    check_number(`${C}.lerp`, 1, "weight", weight);
    return new Color(lerp(this.r, to.r, weight), lerp(this.g, to.g, weight), lerp(this.b, to.b, weight), lerp(this.a, to.a, weight));
  }

  /** Toward white by amount (0 to 1), alpha kept. */
  lightened(amount: number): Color {
    check_number(`${C}.lightened`, 0, "amount", amount);
    return new Color(this.r + (1 - this.r) * amount, this.g + (1 - this.g) * amount, this.b + (1 - this.b) * amount, this.a);
  }

  /** Toward black by amount (0 to 1), alpha kept. */
  darkened(amount: number): Color {
    check_number(`${C}.darkened`, 0, "amount", amount);
    return new Color(this.r * (1 - amount), this.g * (1 - amount), this.b * (1 - amount), this.a);
  }

  /** `over` drawn on top of this color (alpha compositing); fully transparent gives (0, 0, 0, 0). */
  blend(over: Color): Color {
    check_instance(`${C}.blend`, 0, "over", over, Color);
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
    const linear = (c: number) => (c < 0.04045 ? c * (1 / 12.92) : Math.pow((c + 0.055) * (1 / (1 + 0.055)), 2.4));
    return new Color(linear(this.r), linear(this.g), linear(this.b), this.a);
  }

  linear_to_srgb(): Color {
    const srgb = (c: number) => (c < 0.0031308 ? 12.92 * c : (1 + 0.055) * Math.pow(c, 1 / 2.4) - 0.055);
    return new Color(srgb(this.r), srgb(this.g), srgb(this.b), this.a);
  }

  is_equal_approx(to: Color): boolean {
    check_instance(`${C}.is_equal_approx`, 0, "to", to, Color);
    return is_equal_approx(this.r, to.r) && is_equal_approx(this.g, to.g) && is_equal_approx(this.b, to.b) && is_equal_approx(this.a, to.a);
  }

  // Static constructors

  /** From 0xRRGGBBAA (the low 32 bits). */
  static hex(hex: number): Color {
    return from_rgba32(check_int(`${C}.hex`, 0, "hex", hex) >>> 0);
  }

  /** From 0xRRRRGGGGBBBBAAAA, 16 bits a channel. */
  static hex64(hex: number): Color {
    let bits = BigInt.asUintN(64, BigInt(check_int(`${C}.hex64`, 0, "hex", hex)));
    const channels: number[] = [];
    for (let i = 0; i < 4; i++, bits >>= 16n) channels.unshift(Number(bits & 0xffffn) / 65535);
    return new Color(channels[0], channels[1], channels[2], channels[3]);
  }

  /**
   * From an HTML code: "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa" ("#" optional). An invalid code
   * prints an error and gives Color(); "" gives Color() silently, as Godot.
   */
  static html(rgba: string): Color {
    check_string(`${C}.html`, 0, "rgba", rgba);
    if (rgba.length === 0) return new Color();
    const code = rgba[0] === "#" ? rgba.slice(1) : rgba;
    const length = code.length;
    if (length !== 3 && length !== 4 && length !== 6 && length !== 8) return invalid_code(rgba);
    const short = length < 5;
    // As Godot, a two-digit channel is 16 * first + second digit, so only some bad digits show up as negative.
    const channel = (index: number) => (short ? hex_digit(code, index) / 15 : (hex_digit(code, index * 2) * 16 + hex_digit(code, index * 2 + 1)) / 255);
    const r = channel(0);
    const g = channel(1);
    const b = channel(2);
    const a = length === 4 || length === 8 ? channel(3) : 1;
    if (r < 0 || g < 0 || b < 0 || a < 0) return invalid_code(rgba);
    return new Color(r, g, b, a);
  }

  /** Whether `color` is an HTML code Color.html accepts (3, 4, 6 or 8 hex digits, "#" optional). */
  static html_is_valid(color: string): boolean {
    check_string(`${C}.html_is_valid`, 0, "color", color);
    const code = color[0] === "#" ? color.slice(1) : color;
    const length = code.length;
    if (length !== 3 && length !== 4 && length !== 6 && length !== 8) return false;
    for (let i = 0; i < length; i++) if (hex_digit(code, i) === -1) return false;
    return true;
  }

  /** An HTML code or a color name (case, spaces, '-', '_', ''' and '.' ignored); `default` for neither. */
  static from_string(str: string, default_: Color): Color {
    check_string(`${C}.from_string`, 0, "str", str);
    check_instance(`${C}.from_string`, 1, "default", default_, Color);
    if (Color.html_is_valid(str)) return Color.html(str);
    return find_named_color(str) ?? new Color(default_.r, default_.g, default_.b, default_.a);
  }

  /** From hue (wrapping), saturation and value, 0 to 1. */
  static from_hsv(h: number, s: number, v: number, alpha = 1.0): Color {
    const method = `${C}.from_hsv`;
    return hsv(check_number(method, 0, "h", h), check_number(method, 1, "s", s), check_number(method, 2, "v", v), check_number(method, 3, "alpha", alpha));
  }

  /** From OkHSL hue, saturation and lightness, 0 to 1; the result (alpha included) is clamped to 0..1. */
  static from_ok_hsl(h: number, s: number, l: number, alpha = 1.0): Color {
    const method = `${C}.from_ok_hsl`;
    return ok_hsl(check_number(method, 0, "h", h), check_number(method, 1, "s", s), check_number(method, 2, "l", l), check_number(method, 3, "alpha", alpha));
  }

  /** From RGBE9995: three 9-bit mantissas and a shared 5-bit exponent (HDR), alpha 1. */
  static from_rgbe9995(rgbe: number): Color {
    const bits = check_int(`${C}.from_rgbe9995`, 0, "rgbe", rgbe) >>> 0;
    const scale = Math.pow(2, (bits >>> 27) - 15 - 9);
    return new Color((bits & 0x1ff) * scale, ((bits >>> 9) & 0x1ff) * scale, ((bits >>> 18) & 0x1ff) * scale, 1);
  }

  /** From 8-bit channels (not clamped: 510 gives 2). */
  static from_rgba8(r8: number, g8: number, b8: number, a8 = 255): Color {
    const method = `${C}.from_rgba8`;
    return new Color(check_int(method, 0, "r8", r8) / 255, check_int(method, 1, "g8", g8) / 255, check_int(method, 2, "b8", b8) / 255, check_int(method, 3, "a8", a8) / 255);
  }

  // Operators

  add(right: Color): Color {
    check_instance(`${C}.add`, 0, "right", right, Color);
    return new Color(this.r + right.r, this.g + right.g, this.b + right.b, this.a + right.a);
  }

  subtract(right: Color): Color {
    check_instance(`${C}.subtract`, 0, "right", right, Color);
    return new Color(this.r - right.r, this.g - right.g, this.b - right.b, this.a - right.a);
  }

  /** `this * right`: per channel by a Color, or every channel (alpha too) by a number. */
  multiply(right: Color | number): Color {
    if (typeof right === "number") return new Color(this.r * right, this.g * right, this.b * right, this.a * right);
    if (right instanceof Color) return new Color(this.r * right.r, this.g * right.g, this.b * right.b, this.a * right.a);
    return bad_arguments(`${C}.multiply`, "(Color), (int) or (float)", [right]);
  }

  /** `this / right`: per channel or by a number; a zero divisor gives infinities, as floats do. */
  divide(right: Color | number): Color {
    if (typeof right === "number") return new Color(this.r / right, this.g / right, this.b / right, this.a / right);
    if (right instanceof Color) return new Color(this.r / right.r, this.g / right.g, this.b / right.b, this.a / right.a);
    return bad_arguments(`${C}.divide`, "(Color), (int) or (float)", [right]);
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
    return right instanceof Color && this.r === right.r && this.g === right.g && this.b === right.b && this.a === right.a;
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "(1, 0.5, 0, 1)", each channel with at most 4 decimals. */
  toString(): string {
    return `(${channel_text(this.r)}, ${channel_text(this.g)}, ${channel_text(this.b)}, ${channel_text(this.a)})`;
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

// OkHSL (Björn Ottosson's Oklab-based HSL, thirdparty/misc/ok_color.h in Godot), on sRGB colors.
// Oklab values are [L, a, b]; the coefficients are Ottosson's.

type Triple = [number, number, number];

const FLT_MAX = 3.4028234663852886e38;

function srgb_transfer(x: number): number {
  return 0.0031308 >= x ? 12.92 * x : 1.055 * Math.pow(x, 0.4166666666666667) - 0.055;
}

// From sRGB to Oklab, Godot computes in 32-bit floats, where a gray comes out exactly achromatic
// (a = b = 0: no hue, saturation 0); doubles would leave it a tiny chroma with an arbitrary hue.
const f32 = Math.fround;

function srgb_transfer_inverse_f32(x: number): number {
  x = f32(x);
  return f32(0.04045) < x ? f32(Math.pow(f32(f32(x + f32(0.055)) / f32(1.055)), f32(2.4))) : f32(x / f32(12.92));
}

const RGB_TO_LMS: readonly Triple[] = [
  [0.4122214708, 0.5363325363, 0.0514459929],
  [0.2119034982, 0.6806995451, 0.1073969566],
  [0.0883024619, 0.2817188376, 0.6299787005],
];

const LMS_TO_LAB: readonly Triple[] = [
  [0.2104542553, 0.793617785, -0.0040720468],
  [1.9779984951, -2.428592205, 0.4505937099],
  [0.0259040371, 0.7827717662, -0.808675766],
];

// w . v as C++ sums float products, left to right.
function dot_f32(w: Triple, v: Triple): number {
  return f32(f32(f32(f32(w[0]) * v[0]) + f32(f32(w[1]) * v[1])) + f32(f32(w[2]) * v[2]));
}

function srgb_to_oklab_f32(r: number, g: number, b: number): Triple {
  const linear: Triple = [srgb_transfer_inverse_f32(r), srgb_transfer_inverse_f32(g), srgb_transfer_inverse_f32(b)];
  const lms = RGB_TO_LMS.map((row) => f32(Math.cbrt(dot_f32(row, linear)))) as Triple;
  return LMS_TO_LAB.map((row) => dot_f32(row, lms)) as Triple;
}

// The cone responses l, m, s (cube roots) of Oklab L + C * (a, b): their rates along a and b.
function lms_rates(a: number, b: number): Triple {
  return [0.3963377774 * a + 0.2158037573 * b, -0.1055613458 * a - 0.0638541728 * b, -0.0894841775 * a - 1.291485548 * b];
}

// Rows of the linear sRGB matrix from cubed l, m, s.
const LMS_TO_RGB: readonly Triple[] = [
  [4.0767416621, -3.3077115913, 0.2309699292],
  [-1.2684380046, 2.6097574011, -0.3413193965],
  [-0.0041960863, -0.7034186147, 1.707614701],
];

function oklab_to_linear_srgb(L: number, a: number, b: number): Triple {
  const [kl, km, ks] = lms_rates(a, b);
  const l = (L + kl) ** 3;
  const m = (L + km) ** 3;
  const s = (L + ks) ** 3;
  return LMS_TO_RGB.map(([wl, wm, ws]) => wl * l + wm * m + ws * s) as Triple;
}

// The largest saturation C / L of hue (a, b) (normalized) inside sRGB: a polynomial fit for the
// channel that leaves the gamut first, then one Halley step.
function max_saturation(a: number, b: number): number {
  const channel = -1.88170328 * a - 0.80936493 * b > 1 ? 0 : 1.81444104 * a - 1.19445276 * b > 1 ? 1 : 2;
  const k = [
    [1.19086277, 1.76576728, 0.59662641, 0.75515197, 0.56771245],
    [0.73956515, -0.45954404, 0.08285427, 0.1254107, 0.14503204],
    [1.35733652, -0.00915799, -1.1513021, -0.50559606, 0.00692167],
  ][channel];
  const [wl, wm, ws] = LMS_TO_RGB[channel];
  let S = k[0] + k[1] * a + k[2] * b + k[3] * a * a + k[4] * a * b;
  const [kl, km, ks] = lms_rates(a, b);
  const l = 1 + S * kl;
  const m = 1 + S * km;
  const s = 1 + S * ks;
  const f = wl * l ** 3 + wm * m ** 3 + ws * s ** 3;
  const f1 = wl * 3 * kl * l * l + wm * 3 * km * m * m + ws * 3 * ks * s * s;
  const f2 = wl * 6 * kl * kl * l + wm * 6 * km * km * m + ws * 6 * ks * ks * s;
  S -= (f * f1) / (f1 * f1 - 0.5 * f * f2);
  return S;
}

// The gamut's cusp for a hue: [L, C] of its most saturated color.
function find_cusp(a: number, b: number): [number, number] {
  const S = max_saturation(a, b);
  const [r, g, bl] = oklab_to_linear_srgb(1, S * a, S * b);
  const L = Math.cbrt(1 / Math.max(r, g, bl));
  return [L, L * S];
}

// Where the line from (L0, 0) to (L1, C1) leaves the gamut, as the fraction t along it.
function gamut_intersection(a: number, b: number, L1: number, C1: number, L0: number, cusp: [number, number]): number {
  const [cusp_L, cusp_C] = cusp;
  if ((L1 - L0) * cusp_C - (cusp_L - L0) * C1 <= 0) return (cusp_C * L0) / (C1 * cusp_L + cusp_C * (L0 - L1)); // Below the cusp.
  // Above it: intersect the triangle, then one Halley step on each channel reaching 1.
  let t = (cusp_C * (L0 - 1)) / (C1 * (cusp_L - 1) + cusp_C * (L0 - L1));
  const dL = L1 - L0;
  const [kl, km, ks] = lms_rates(a, b);
  const rates: Triple = [dL + C1 * kl, dL + C1 * km, dL + C1 * ks];
  const L = L0 * (1 - t) + t * L1;
  const C = t * C1;
  const lms: Triple = [L + C * kl, L + C * km, L + C * ks];
  const cubes = lms.map((x) => x ** 3);
  const first = lms.map((x, i) => 3 * rates[i] * x * x);
  const second = lms.map((x, i) => 6 * rates[i] * rates[i] * x);
  let step = FLT_MAX;
  for (const [wl, wm, ws] of LMS_TO_RGB) {
    const f = wl * cubes[0] + wm * cubes[1] + ws * cubes[2] - 1;
    const f1 = wl * first[0] + wm * first[1] + ws * first[2];
    const f2 = wl * second[0] + wm * second[1] + ws * second[2];
    const u = f1 / (f1 * f1 - 0.5 * f * f2);
    step = Math.min(step, u >= 0 ? -f * u : FLT_MAX);
  }
  t += step;
  return t;
}

const TOE_K1 = 0.206;
const TOE_K2 = 0.03;
const TOE_K3 = (1 + TOE_K1) / (1 + TOE_K2);

// Oklab's L to OkHSL's perceptual lightness, and back.
function toe(x: number): number {
  const y = TOE_K3 * x - TOE_K1;
  return 0.5 * (y + Math.sqrt(y * y + 4 * TOE_K2 * TOE_K3 * x));
}

function toe_inverse(x: number): number {
  return (x * x + TOE_K1 * x) / (TOE_K3 * (x + TOE_K2));
}

// A smooth fit of the cusp's [S, T] (C / L and C / (1 - L)) for a hue, inside the true gamut.
function st_mid(a: number, b: number): [number, number] {
  const S = 0.11516993 + 1 / (7.4477897 + 4.1590124 * b + a * (-2.19557347 + 1.75198401 * b + a * (-2.13704948 - 10.02301043 * b + a * (-4.24894561 + 5.38770819 * b + 4.69891013 * a))));
  const T = 0.11239642 + 1 / (1.6132032 - 0.68124379 * b + a * (0.40370612 + 0.90148123 * b + a * (-0.27087943 + 0.6122399 * b + a * (0.00299215 - 0.45399568 * b - 0.14661872 * a))));
  return [S, T];
}

// The chromas OkHSL's saturation interpolates through at lightness L: [C_0, C_mid, C_max].
function chroma_stops(L: number, a: number, b: number): Triple {
  const cusp = find_cusp(a, b);
  const C_max = gamut_intersection(a, b, L, 1, L, cusp);
  const [cusp_L, cusp_C] = cusp;
  const k = C_max / Math.min(L * (cusp_C / cusp_L), (1 - L) * (cusp_C / (1 - cusp_L)));
  const [S_mid, T_mid] = st_mid(a, b);
  const mid_a = L * S_mid;
  const mid_b = (1 - L) * T_mid;
  const C_mid = 0.9 * k * Math.sqrt(Math.sqrt(1 / (1 / mid_a ** 4 + 1 / mid_b ** 4)));
  const zero_a = L * 0.4;
  const zero_b = (1 - L) * 0.8;
  const C_0 = Math.sqrt(1 / (1 / (zero_a * zero_a) + 1 / (zero_b * zero_b)));
  return [C_0, C_mid, C_max];
}

const MID = 0.8;
const MID_INVERSE = 1.25;

function okhsl_to_srgb(h: number, s: number, l: number): Triple {
  if (l === 1) return [1, 1, 1];
  if (l === 0) return [0, 0, 0];
  const a = Math.cos(2 * Math.PI * h);
  const b = Math.sin(2 * Math.PI * h);
  const L = toe_inverse(l);
  const [C_0, C_mid, C_max] = chroma_stops(L, a, b);
  let C: number;
  if (s < MID) {
    const t = MID_INVERSE * s;
    const k1 = MID * C_0;
    const k2 = 1 - k1 / C_mid;
    C = (t * k1) / (1 - k2 * t);
  } else {
    const t = (s - MID) / (1 - MID);
    const k1 = ((1 - MID) * C_mid * C_mid * MID_INVERSE * MID_INVERSE) / C_0;
    const k2 = 1 - k1 / (C_max - C_mid);
    C = C_mid + (t * k1) / (1 - k2 * t);
  }
  return oklab_to_linear_srgb(L, C * a, C * b).map(srgb_transfer) as Triple;
}

// [h, s, l]; NaN for what a gray leaves undefined.
function srgb_to_okhsl(r: number, g: number, b: number): Triple {
  const [L, lab_a, lab_b] = srgb_to_oklab_f32(r, g, b);
  const C = Math.sqrt(lab_a * lab_a + lab_b * lab_b);
  const h = 0.5 + (0.5 * Math.atan2(-lab_b, -lab_a)) / Math.PI;
  const [C_0, C_mid, C_max] = chroma_stops(L, lab_a / C, lab_b / C);
  let s: number;
  if (C < C_mid) {
    const k1 = MID * C_0;
    const k2 = 1 - k1 / C_mid;
    s = (C / (k1 + k2 * C)) * MID;
  } else {
    const k1 = ((1 - MID) * C_mid * C_mid * MID_INVERSE * MID_INVERSE) / C_0;
    const k2 = 1 - k1 / (C_max - C_mid);
    const t = (C - C_mid) / (k1 + k2 * (C - C_mid));
    s = MID + (1 - MID) * t;
  }
  return [h, s, toe(L)];
}
