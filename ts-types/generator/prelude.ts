// The hand-written part of godot.d.ts: value types that the API dump names but does not describe.
// Indented for the body of `declare module "godot"`.

export const PRELUDE: readonly string[] = `
  /**
   * Any value a Godot Variant can hold, as scripts see it.
   *
   * - \`int\` and \`float\` are numbers. A 64-bit \`int\` is a \`bigint\` only when it does not fit a
   *   double exactly (beyond 2^53); the typings still say \`number\` for it, as such values are rare.
   * - \`String\`, \`StringName\` and \`NodePath\` are strings.
   * - \`PackedByteArray\` is a \`Uint8Array\` (any \`ArrayBufferView\` is accepted as an argument); the other
   *   packed arrays are the matching typed arrays, \`PackedStringArray\` is \`string[]\`.
   * - \`Array\` is a JS array; \`Dictionary\` is a plain object, or a \`Map\` when its keys are not strings.
   * - Objects are instances of the classes below, or \`null\`.
   */
  export type Variant =
    | null
    | boolean
    | number
    | bigint
    | string
    | Vector2
    | Vector2i
    | Vector3
    | Vector3i
    | Color
    | Object
    | Uint8Array
    | Int32Array
    | BigInt64Array
    | Float32Array
    | Float64Array
    | Variant[]
    | Dictionary
    | Map<Variant, Variant>;

  /** A Godot Dictionary with string keys, as a plain object. */
  export type Dictionary = { [key: string]: Variant };

  /**
   * A Godot Callable: any function. The engine may call it with any arguments, so the type accepts
   * every function (\`never[]\` parameters) rather than checking them; make sure your callback's
   * parameters match what the signal or method passes.
   */
  export type Callable = (...args: never[]) => unknown;

  /** A 2D vector of floats, copied by value: assign the whole vector to change a property. */
  export interface Vector2 {
    x: number;
    y: number;
  }

  /** A 2D vector of integers, copied by value. */
  export interface Vector2i {
    x: number;
    y: number;
  }

  /** A 3D vector of floats, copied by value. */
  export interface Vector3 {
    x: number;
    y: number;
    z: number;
  }

  /** A 3D vector of integers, copied by value. */
  export interface Vector3i {
    x: number;
    y: number;
    z: number;
  }

  /** An RGBA colour with components from 0 to 1, copied by value. */
  export interface Color {
    r: number;
    g: number;
    b: number;
    a: number;
  }
`.slice(1).trimEnd().split("\n");
