// Hand-written doc comments for the built-in value types, merged into godot.d.ts like docs.ts.
// Written for Quickdot (not copied from Godot's class reference): they say how the types look from
// TypeScript; Godot's reference, linked from each class, describes the maths.
//
// Keys: "Class" or "Class.member" (member, constant or method).

/** Said of every value class whose instances Godot copies on assignment. */
const BY_VALUE =
  "A value type: Godot copies it on every assignment, while here it is an object. Methods never change\n" +
  "the value they are called on, they return a new one; a property read from an engine object is a\n" +
  "fresh copy, so change it and assign it back (`node.position = p`). Operators are methods: `a.add(b)`\n" +
  "is Godot's `a + b`, `a.equals(b)` its `a == b`.";

export const BUILTIN_DOCS: Readonly<Record<string, string>> = {
  Vector2: `A 2D vector of floats.\n\n${BY_VALUE}`,
  "Vector2.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Vector2i: `A 2D vector of integers; components are truncated to whole numbers.\n\n${BY_VALUE}`,
  "Vector2i.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Rect2: `An axis-aligned 2D rectangle of floats: a position (its top-left corner) and a size.\n\n${BY_VALUE}`,
  "Rect2.end": "The corner opposite `position`; setting it changes `size`.",
  Rect2i: `An axis-aligned 2D rectangle of integers: a position and a size.\n\n${BY_VALUE}`,
  "Rect2i.end": "The corner opposite `position`; setting it changes `size`.",
  Vector3: `A 3D vector of floats.\n\n${BY_VALUE}`,
  "Vector3.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Vector3i: `A 3D vector of integers; components are truncated to whole numbers.\n\n${BY_VALUE}`,
  "Vector3i.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Transform2D:
    `A 2D affine transform: the axes \`x\` and \`y\` (rotation, scale, skew) and an \`origin\`.\n\n${BY_VALUE}\n` +
    "`transform.multiply(v)` maps a Vector2, a Rect2 or a packed array of points.",
  Vector4: `A 4D vector of floats.\n\n${BY_VALUE}`,
  "Vector4.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Vector4i: `A 4D vector of integers; components are truncated to whole numbers.\n\n${BY_VALUE}`,
  "Vector4i.Axis": "An axis, as `max_axis_index()` and `min_axis_index()` number them.",
  Plane:
    `A plane in 3D: the points p with \`normal.dot(p) == d\`; \`x\`, \`y\` and \`z\` are the normal's\n` +
    `components.\n\n${BY_VALUE}`,
  Quaternion: `A rotation in 3D, as a unit quaternion (x, y, z, w).\n\n${BY_VALUE}`,
  AABB: `An axis-aligned box in 3D: a position (its minimum corner) and a size.\n\n${BY_VALUE}`,
  "AABB.end": "The corner opposite `position`; setting it changes `size`.",
  Basis: `A 3x3 matrix whose columns \`x\`, \`y\` and \`z\` are the axes of a rotation and scale in 3D.\n\n${BY_VALUE}`,
  Transform3D:
    `A 3D affine transform: a \`basis\` (rotation, scale, shear) and an \`origin\`.\n\n${BY_VALUE}\n` +
    "`transform.multiply(v)` maps a Vector3, a Plane, an AABB or a packed array of points.",
  Projection: `A 4x4 matrix, such as a camera's projection; its columns are \`x\`, \`y\`, \`z\` and \`w\`.\n\n${BY_VALUE}`,
  "Projection.Planes":
    "The six clipping planes of a projection, as `get_projection_plane`'s argument numbers them.",
  Color:
    `An RGBA colour of floats, 0 to 1 for ordinary colours (larger for overbright ones).\n\n${BY_VALUE}\n` +
    "The named colours (`Color.CORNFLOWER_BLUE`...) are static properties, a new Color on each read.",
  "Color.r8": "The red component from 0 to 255; setting it sets `r`.",
  "Color.g8": "The green component from 0 to 255; setting it sets `g`.",
  "Color.b8": "The blue component from 0 to 255; setting it sets `b`.",
  "Color.a8": "The alpha component from 0 to 255; setting it sets `a`.",
  "Color.h": "The hue (HSV), 0 to 1; setting it recomputes `r`, `g` and `b`.",
  "Color.s": "The saturation (HSV), 0 to 1; setting it recomputes `r`, `g` and `b`.",
  "Color.v": "The value (HSV brightness), 0 to 1; setting it recomputes `r`, `g` and `b`.",
  "Color.ok_hsl_h": "The hue in the OKHSL colour space, 0 to 1; setting it recomputes `r`, `g` and `b`.",
  "Color.ok_hsl_s":
    "The saturation in the OKHSL colour space, 0 to 1; setting it recomputes `r`, `g` and `b`.",
  "Color.ok_hsl_l":
    "The lightness in the OKHSL colour space, 0 to 1; setting it recomputes `r`, `g` and `b`.",
  StringName:
    "An interned name, as Godot uses for method, signal and node names. Engine methods return one where\n" +
    "Godot has a StringName and accept a plain string there too. It has String's methods, which return\n" +
    'strings; `toString()` and template literals give its text, and `a.equals("text")` compares it.',
  NodePath:
    'A path to a node, and optionally to a property of it (`"Player/Sprite:modulate"`). Engine methods\n' +
    "return one where Godot has a NodePath and accept a plain string there too.",
  RID: "An opaque handle to a resource held by a low-level engine server. `new RID()` is the invalid one.",
  Callable:
    "A method of an object, or a script function, that can be called later. Engine methods that take a\n" +
    "Callable also take any function; one that came from a function calls that function.",
  "Callable.get_object_id": "The id of the object whose method this is; 64 bits, so a `bigint` beyond 2^53.",
  Signal:
    'A signal of one object, as a value: `new Signal(node, "renamed")`. Connecting, emitting and\n' +
    "disconnecting through it work as through the object's own methods.",
  "Signal.get_object_id": "The id of the object the signal belongs to; 64 bits, so a `bigint` beyond 2^53.",
  "RID.get_id": "The handle's number; 64 bits, so a `bigint` beyond 2^53.",
  PackedStringArray: "A packed array of strings.",
  PackedVector2Array: "A packed array of Vector2 values, such as the points of a polygon.",
  PackedVector3Array: "A packed array of Vector3 values, such as the vertices of a mesh.",
  PackedColorArray: "A packed array of Color values.",
  PackedVector4Array: "A packed array of Vector4 values.",
};
