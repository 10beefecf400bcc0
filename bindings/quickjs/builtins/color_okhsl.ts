// OkHSL (Björn Ottosson's Oklab-based HSL, thirdparty/misc/ok_color.h in Godot), on sRGB colors,
// for Color.from_ok_hsl and the ok_hsl_* members.
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
  return f32(0.04045) < x
    ? f32(Math.pow(f32(f32(x + f32(0.055)) / f32(1.055)), f32(2.4)))
    : f32(x / f32(12.92));
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
  const linear: Triple = [
    srgb_transfer_inverse_f32(r),
    srgb_transfer_inverse_f32(g),
    srgb_transfer_inverse_f32(b),
  ];
  const lms = RGB_TO_LMS.map((row) => f32(Math.cbrt(dot_f32(row, linear)))) as Triple;
  return LMS_TO_LAB.map((row) => dot_f32(row, lms)) as Triple;
}

// The cone responses l, m, s (cube roots) of Oklab L + C * (a, b): their rates along a and b.
function lms_rates(a: number, b: number): Triple {
  return [
    0.3963377774 * a + 0.2158037573 * b,
    -0.1055613458 * a - 0.0638541728 * b,
    -0.0894841775 * a - 1.291485548 * b,
  ];
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
function gamut_intersection(
  a: number,
  b: number,
  L1: number,
  C1: number,
  L0: number,
  cusp: [number, number],
): number {
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
  const S =
    0.11516993 +
    1 /
      (7.4477897 +
        4.1590124 * b +
        a *
          (-2.19557347 +
            1.75198401 * b +
            a * (-2.13704948 - 10.02301043 * b + a * (-4.24894561 + 5.38770819 * b + 4.69891013 * a))));
  const T =
    0.11239642 +
    1 /
      (1.6132032 -
        0.68124379 * b +
        a *
          (0.40370612 +
            0.90148123 * b +
            a * (-0.27087943 + 0.6122399 * b + a * (0.00299215 - 0.45399568 * b - 0.14661872 * a))));
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

export function okhsl_to_srgb(h: number, s: number, l: number): Triple {
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
export function srgb_to_okhsl(r: number, g: number, b: number): Triple {
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
