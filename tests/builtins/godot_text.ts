// A reader for the var_to_str text of the values in godot-4.6-builtin-results.json: numbers,
// booleans, strings, empty arrays and the math types written as their flat components, exactly as
// Godot's VariantWriter lays them out (Basis by rows, Transform2D and Projection by columns).
import * as builtins from "../../bindings/quickjs/builtins/index.js";

const {
  Vector2,
  Vector2i,
  Rect2,
  Rect2i,
  Vector3,
  Vector3i,
  Transform2D,
  Vector4,
  Vector4i,
  Plane,
  Quaternion,
  AABB,
  Basis,
  Transform3D,
  Projection,
  Color,
} = builtins;

type Maker = (c: number[]) => unknown;

const v3 = (c: number[], i: number) => new Vector3(c[i], c[i + 1], c[i + 2]);
const basis_from_rows = (c: number[], i: number) =>
  new Basis(
    new Vector3(c[i], c[i + 3], c[i + 6]),
    new Vector3(c[i + 1], c[i + 4], c[i + 7]),
    new Vector3(c[i + 2], c[i + 5], c[i + 8]),
  );
const v4 = (c: number[], i: number) => new Vector4(c[i], c[i + 1], c[i + 2], c[i + 3]);

export const makers: Record<string, Maker> = {
  Vector2: (c) => new Vector2(c[0], c[1]),
  Vector2i: (c) => new Vector2i(c[0], c[1]),
  Rect2: (c) => new Rect2(c[0], c[1], c[2], c[3]),
  Rect2i: (c) => new Rect2i(c[0], c[1], c[2], c[3]),
  Vector3: (c) => v3(c, 0),
  Vector3i: (c) => new Vector3i(c[0], c[1], c[2]),
  Transform2D: (c) =>
    new Transform2D(new Vector2(c[0], c[1]), new Vector2(c[2], c[3]), new Vector2(c[4], c[5])),
  Vector4: (c) => v4(c, 0),
  Vector4i: (c) => new Vector4i(c[0], c[1], c[2], c[3]),
  Plane: (c) => new Plane(c[0], c[1], c[2], c[3]),
  Quaternion: (c) => new Quaternion(c[0], c[1], c[2], c[3]),
  AABB: (c) => new AABB(v3(c, 0), v3(c, 3)),
  Basis: (c) => basis_from_rows(c, 0),
  Transform3D: (c) => new Transform3D(basis_from_rows(c, 0), v3(c, 9)),
  Projection: (c) => new Projection(v4(c, 0), v4(c, 4), v4(c, 8), v4(c, 12)),
  Color: (c) => new Color(c[0], c[1], c[2], c[3]),
};

// The flat components of a value, in the order its text lists them.
export function components(value: unknown): number[] | null {
  const f = (o: unknown, keys: string[]) => keys.map((k) => (o as Record<string, number>)[k]);
  const xy = ["x", "y"],
    xyz = ["x", "y", "z"],
    xyzw = ["x", "y", "z", "w"];
  if (value instanceof Vector2 || value instanceof Vector2i) return f(value, xy);
  if (value instanceof Vector3 || value instanceof Vector3i) return f(value, xyz);
  if (value instanceof Vector4 || value instanceof Vector4i || value instanceof Quaternion)
    return f(value, xyzw);
  if (value instanceof Rect2 || value instanceof Rect2i || value instanceof AABB)
    return [...components(value.position)!, ...components(value.size)!];
  if (value instanceof Transform2D)
    return [...components(value.x)!, ...components(value.y)!, ...components(value.origin)!];
  if (value instanceof Plane) return [...components(value.normal)!, value.d];
  if (value instanceof Basis)
    return [
      value.x.x,
      value.y.x,
      value.z.x,
      value.x.y,
      value.y.y,
      value.z.y,
      value.x.z,
      value.y.z,
      value.z.z,
    ];
  if (value instanceof Transform3D) return [...components(value.basis)!, ...components(value.origin)!];
  if (value instanceof Projection)
    return [
      ...components(value.x)!,
      ...components(value.y)!,
      ...components(value.z)!,
      ...components(value.w)!,
    ];
  if (value instanceof Color) return f(value, ["r", "g", "b", "a"]);
  return null;
}

function number_value(text: string): number {
  if (text === "inf") return Infinity;
  if (text === "-inf" || text === "inf_neg") return -Infinity;
  if (text === "nan") return NaN;
  return Number(text);
}

export interface Parsed {
  value: unknown;
  is_float: boolean; // "1.0" rather than "1": Godot's float, which JavaScript cannot tell apart.
}

export function parse(text: string): Parsed {
  const t = text.trim();
  if (t === "true" || t === "false") return { value: t === "true", is_float: false };
  if (t === "null") return { value: null, is_float: false };
  if (t === "[]") return { value: [], is_float: false };
  if (t.startsWith('"')) return { value: JSON.parse(t), is_float: false };
  const call = /^([A-Za-z0-9]+)\((.*)\)$/s.exec(t);
  if (call) {
    const maker = makers[call[1]];
    if (!maker) throw new Error(`godot_text: no maker for ${call[1]}`);
    const numbers = call[2].trim() === "" ? [] : call[2].split(",").map((s) => number_value(s.trim()));
    return { value: maker(numbers), is_float: false };
  }
  if (/^[-+0-9.e]+$|^-?inf$|^nan$/.test(t))
    return { value: number_value(t), is_float: /[.e]|inf|nan/.test(t) };
  throw new Error(`godot_text: can't read ${JSON.stringify(t)}`);
}
