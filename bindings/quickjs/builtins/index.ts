// Everything the "godot" module exports from the built-in value types, under Godot's names.
export { Vector2 } from "./vector2.js";
export { Vector2i } from "./vector2i.js";
export { Rect2 } from "./rect2.js";
export { Rect2i } from "./rect2i.js";
export { Vector3 } from "./vector3.js";
export { Vector3i } from "./vector3i.js";
export { Transform2D } from "./transform2d.js";
export { Vector4 } from "./vector4.js";
export { Vector4i } from "./vector4i.js";
export { Plane } from "./plane.js";
export { Quaternion } from "./quaternion.js";
export { AABB } from "./aabb.js";
export { Basis } from "./basis.js";
export { Transform3D } from "./transform3d.js";
export { Projection } from "./projection.js";
export { Color } from "./color.js";
export { StringName } from "./string_name.js";
export { NodePath } from "./node_path.js";
export { RID } from "./rid.js";
export { Callable } from "./callable.js";
export { Signal, signal } from "./signal.js";
export {
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedColorArray,
  PackedVector4Array,
} from "./packed_arrays.js";
export { Float } from "./float.js";
export { TypedArray } from "./typed_array.js";
export { TypedDictionary } from "./typed_dictionary.js";
