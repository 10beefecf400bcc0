// Whether the built-in value types have at run time what godot.d.ts declares for them, which comes
// from Godot's builtin-class dump: for each class, the constructor; each method, on the prototype
// (or on the class when static); each constant, a static property holding a fresh instance (so
// changing one leaves the constant alone); each enum value; each member, on a default-constructed
// instance; each operator's method. Also what the typings declare beyond Godot (Float, TypedArray,
// TypedDictionary, Signal.as_promise). Prints what is missing and a closing "N passed, N failed" line.
//   node .build/builtins_check/tests/builtins/check_api.js ts-types/reference/godot-4.6-builtin-classes.json [Class]
import { readFileSync } from "node:fs";
import * as builtins from "../../bindings/quickjs/builtins/index.js";

interface DumpClass {
  name: string;
  members?: { name: string }[];
  constants?: { name: string; type: string }[];
  enums?: { name: string; values: { name: string; value: number }[] }[];
  operators?: { name: string; right_type?: string }[];
  methods?: { name: string; is_static: boolean }[];
}

// The method standing for each Godot operator; `in` and `not` have none (see godot.d.ts).
const OPERATOR_METHODS: Record<string, string | undefined> = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
  "%": "modulo",
  "unary-": "negate",
  "unary+": "positive",
  "==": "equals",
  "!=": "not_equals",
  "<": "less",
  "<=": "less_equal",
  ">": "greater",
  ">=": "greater_equal",
};
const OPERATORS_WITHOUT_METHOD = new Set(["in", "not"]);

// Scripts see these as JavaScript's own Array, Map or plain object, and typed arrays.
const JS_NATIVE = new Set([
  "Array",
  "Dictionary",
  "PackedByteArray",
  "PackedInt32Array",
  "PackedInt64Array",
  "PackedFloat32Array",
  "PackedFloat64Array",
]);

// What godot.d.ts declares for Quickdot's own classes (beyond what they inherit), and its additions
// to Godot's.
const EXTENSION_METHODS: Record<string, string[]> = {
  Signal: ["as_promise"],
  Float: ["valueOf", "toString", "equals", "not_equals"],
  TypedArray: [
    "push_back",
    "append",
    "is_typed",
    "get_typed_builtin",
    "get_typed_class_name",
    "get_typed_script",
    "is_same_typed",
  ],
  TypedDictionary: [
    "is_typed",
    "is_typed_key",
    "is_typed_value",
    "get_typed_key_builtin",
    "get_typed_key_class_name",
    "get_typed_key_script",
    "get_typed_value_builtin",
    "get_typed_value_class_name",
    "get_typed_value_script",
    "is_same_typed",
    "is_same_typed_key",
    "is_same_typed_value",
  ],
};

type AnyClass = (new (...args: unknown[]) => object) & Record<string, unknown>;

const exported = builtins as unknown as Record<string, AnyClass | undefined>;
let passed = 0;
let failed = 0;

function check(label: string, problem: string | undefined): void {
  if (problem === undefined) {
    passed++;
  } else {
    failed++;
    console.log(`MISSING ${label}: ${problem}`);
  }
}

function method_problem(owner: object, name: string, where: string): string | undefined {
  const value: unknown = Reflect.get(owner, name);
  return typeof value === "function" ? undefined : `no ${where} function (${typeof value})`;
}

function check_class(cls: DumpClass): void {
  const klass = exported[cls.name];
  check(cls.name, typeof klass === "function" ? undefined : "not exported by index.ts");
  if (typeof klass !== "function") return;
  for (const method of cls.methods ?? []) {
    const owner: object = method.is_static ? klass : klass.prototype;
    const problem = method_problem(owner, method.name, method.is_static ? "static" : "prototype");
    // Godot's find, sort... must replace Array's, not be Array's.
    const inherited =
      !method.is_static && Reflect.get(owner, method.name) === Reflect.get(Array.prototype, method.name);
    check(
      `${cls.name}.${method.name}`,
      problem ?? (inherited ? "Array.prototype's, not Godot's" : undefined),
    );
  }
  for (const constant of cls.constants ?? []) {
    const type = exported[constant.type];
    const read = (): unknown => Reflect.get(klass, constant.name);
    const first = read();
    const problem =
      type === undefined || !(first instanceof type)
        ? `not a ${constant.type} instance`
        : first === read() && !Object.isFrozen(first)
          ? "the same mutable object on every read"
          : undefined;
    check(`${cls.name}.${constant.name}`, problem);
  }
  // Each value both on the class (`Vector2.AXIS_X`) and in its enum (`Vector2.Axis.AXIS_X`).
  for (const value_enum of cls.enums ?? []) {
    const enum_object: unknown = Reflect.get(klass, value_enum.name);
    for (const value of value_enum.values) {
      const label = `${cls.name}.${value_enum.name}.${value.name}`;
      const on_class: unknown = Reflect.get(klass, value.name);
      const in_enum: unknown =
        typeof enum_object === "object" && enum_object !== null
          ? Reflect.get(enum_object, value.name)
          : undefined;
      const problem =
        on_class !== value.value
          ? `${cls.name}.${value.name} is ${String(on_class)}`
          : in_enum !== value.value
            ? `${label} is ${String(in_enum)}`
            : undefined;
      check(label, problem === undefined ? undefined : `${problem}, Godot's is ${value.value}`);
    }
  }
  const members = cls.members ?? [];
  if (members.length > 0) {
    let instance: object | undefined;
    try {
      instance = new klass();
    } catch (error) {
      check(`new ${cls.name}()`, `threw ${String(error)}`);
    }
    for (const member of members) {
      const problem =
        instance === undefined
          ? "no instance to look at"
          : member.name in instance
            ? undefined
            : "not on a new instance";
      check(`${cls.name}.${member.name}`, problem);
    }
  }
  const operators = (cls.operators ?? []).filter((operator) => !OPERATORS_WITHOUT_METHOD.has(operator.name));
  for (const name of new Set(operators.map((operator) => OPERATOR_METHODS[operator.name]))) {
    const problem =
      name === undefined
        ? "an operator without a method name"
        : method_problem(klass.prototype, name, "prototype");
    check(`${cls.name}.${name ?? "?"}`, problem);
  }
}

function check_extensions(): void {
  for (const [name, methods] of Object.entries(EXTENSION_METHODS)) {
    const klass = exported[name];
    check(name, typeof klass === "function" ? undefined : "not exported by index.ts");
    if (typeof klass !== "function") continue;
    for (const method of methods)
      check(`${name}.${method}`, method_problem(klass.prototype, method, "prototype"));
  }
  check("Float.value", "value" in new builtins.Float(3) ? undefined : "not on a new instance");
}

const [path, only] = process.argv.slice(2);
const dump = JSON.parse(readFileSync(path, "utf8")) as { builtin_classes: DumpClass[] };
for (const cls of dump.builtin_classes) {
  if (!JS_NATIVE.has(cls.name) && (only === undefined || only === cls.name)) check_class(cls);
}
if (only === undefined) check_extensions();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
