// Godot's value types as classes: operators are methods, constants are static properties, the
// packed arrays of values are arrays with Godot's methods.
import {
  Basis,
  Callable,
  Color,
  Float,
  Node,
  NodePath,
  PackedByteArray,
  PackedStringArray,
  PackedVector2Array,
  Plane,
  Quaternion,
  RID,
  Rect2,
  Signal,
  StringName,
  Transform2D,
  Transform3D,
  TypedArray,
  TypedDictionary,
  Variant,
  Vector2,
  Vector2i,
  Vector3,
  Vector4,
} from "godot";

// Methods return new values; operators are methods with one overload per right operand type.
export const direction: Vector3 = new Vector3(1, 2, 3).add(Vector3.UP).normalized();
const transform = new Transform3D(Basis.IDENTITY, Vector3.ZERO);
export const moved: Vector3 = transform.multiply(direction);
export const composed: Transform3D = transform.multiply(Transform3D.IDENTITY);
export const flipped: Plane = transform.multiply(Plane.PLANE_XY);
export const scaled: Vector2 = new Vector2(1, 2).multiply(2).divide(new Vector2(2, 4));
export const rotated: Vector2 = Transform2D.IDENTITY.multiply(new Vector2(1, 0));
export const bounds: Rect2 = Transform2D.IDENTITY.multiply(new Rect2(0, 0, 10, 10));
export const negated: Vector3 = direction.negate();
export const same: boolean =
  direction.equals(Vector3.ZERO) || direction.equals("anything") || direction.less(Vector3.ONE);
// An int vector times an int stays an int vector; times a float it becomes a float vector.
export const product: Vector2i | Vector2 = new Vector2i(3, 4).multiply(2);
export const angle: Quaternion = Quaternion.from_euler(new Vector3(0, Math.PI, 0));
export const axis: Vector3.Axis =
  new Vector3(1, 5, 2).max_axis_index() === Vector3.AXIS_Y ? Vector3.Axis.AXIS_Y : Vector3.AXIS_X;

// Members are properties; default arguments are optional.
const point = new Vector2();
point.x = 3;
export const limited: Vector2 = point.limit_length();
const sky: Color = Color.CORNFLOWER_BLUE.lerp(Color.WHITE, 0.5);
sky.r8 = 255;
export const html: string = sky.to_html(false);
const area = new Rect2(new Vector2(1, 1), new Vector2(2, 2));
area.end = new Vector2(5, 5);
export const inside: boolean = area.has_point(point);
export const corner: Vector4 = new Vector4(1, 2, 3, 4).clamp(Vector4.ZERO, Vector4.ONE);

// Packed arrays of values: indexing, length and for...of, and Godot's own find, sort, slice...
const names = new PackedStringArray(["a", "b"]);
export const firstName: string = names[0];
const points = new PackedVector2Array([new Vector2(1, 2), new Vector2(3, 4)]);
points.push_back(new Vector2(5, 6));
points.sort();
let total = 0;
for (const p of points) total += p.x;
export const where: number = points.find(new Vector2(3, 4), 1) + points.length + total;
export const head: PackedVector2Array = points.slice(0, 1).add([new Vector2()]);
export const xs: number[] = points.map((p) => p.x);
export const transformed: PackedVector2Array = Transform2D.IDENTITY.multiply(points);
// Numeric packed arrays are typed arrays.
export const bytes: PackedByteArray = names.to_byte_array();

// StringName and NodePath come back as instances; a string is accepted in their place.
const node = new Node();
node.name = "player";
node.set_name(new StringName("player"));
export const named: boolean = node.name.equals("player") && node.get_name().length() === 6;
export const child: Node | null =
  node.get_node_or_null("Sprite") ?? node.get_node_or_null(new NodePath("Sprite"));
export const depth: number = node.get_path().get_name_count();

// Callables and signals are values; a function is accepted wherever Godot takes a Callable.
const callable = new Callable(node, "queue_free");
node.connect("renamed", callable);
node.connect("renamed", () => callable.call());
const renamed = new Signal(node, "renamed");
renamed.connect((..._args: unknown[]) => {});
export const id: number | bigint = renamed.get_object_id();
export const handle: number | bigint = new RID().get_id();

// Quickdot's Float, TypedArray and TypedDictionary.
export const three: number = new Float(3).value + +new Float(3);
const ids = new TypedArray<number>(Variant.Type.TYPE_INT, "", [1, 2]);
ids.push_back(3);
export const idType: Variant.Type = ids.get_typed_builtin();
export const nodes: TypedArray<Node> = new TypedArray<Node>(Variant.Type.TYPE_OBJECT, "Node");
const scores = new TypedDictionary<string, number>(Variant.Type.TYPE_STRING, "", Variant.Type.TYPE_INT, "", [
  ["a", 1],
]);
export const score: number | undefined = scores.get("a");
export const typed: boolean = scores.is_typed_key() && ids.is_same_typed([1]);

// Values from the engine are `unknown` (a Variant); instanceof narrows them, packed arrays included.
const value: unknown = node.get("points");
export const size: number =
  value instanceof PackedVector2Array ? value.size() : value instanceof Vector3 ? value.length() : 0;
