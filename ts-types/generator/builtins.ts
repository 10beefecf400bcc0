// Declarations of Godot's built-in value types (Vector2 ... Projection, Color, StringName, NodePath,
// RID, Callable, Signal, the packed arrays), from the builtin-class part of a Godot dump. Their
// script classes are plain TypeScript (bindings/quickjs/builtins): operators are methods (`add`,
// `multiply`, `equals`...), constants are static getters, members are properties.

import type { BuiltinApi, BuiltinArgument, BuiltinClass, BuiltinMethod } from "./api.js";
import { DocIndex, EXTENSION_REMARK, renderDocComment } from "./doccomment.js";
import { MEMBER_INDENT, MODULE_INDENT, parameterName } from "./identifiers.js";
import { JS_NATIVE_BUILTINS, PACKED_VALUE_ARRAYS, TypeMapper } from "./typemap.js";

/** The method that stands for each Godot operator, as the value classes name it. */
export const OPERATOR_METHODS: ReadonlyMap<string, string> = new Map([
  ["+", "add"],
  ["-", "subtract"],
  ["*", "multiply"],
  ["/", "divide"],
  ["%", "modulo"],
  ["unary-", "negate"],
  ["unary+", "positive"],
  ["==", "equals"],
  ["!=", "not_equals"],
  ["<", "less"],
  ["<=", "less_equal"],
  [">", "greater"],
  [">=", "greater_equal"],
]);

/**
 * Godot operators without a method: `x in container` is the container's business (`includes`,
 * `has`), and `not x` has no JavaScript counterpart (`!x` is false for every object).
 */
export const OPERATORS_WITHOUT_METHOD: ReadonlySet<string> = new Set(["in", "not"]);

/**
 * Methods returning an id that the engine hands over as a 64-bit integer, so it is a `bigint`
 * beyond 2^53 (object ids often are). Other int returns of value types stay within a double.
 */
export const INT64_RETURNS: ReadonlySet<string> = new Set([
  "Callable.get_object_id",
  "Signal.get_object_id",
  "RID.get_id",
]);

/** What the value classes have beyond Godot's, as declaration lines (indented for a class body). */
const QUICKDOT_ADDITIONS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    "Signal",
    renderDocComment(
      [
        "Resolves with the arguments of the signal's next emission:\n" +
          '`await new Signal(timer, "timeout").as_promise()`. It connects once (CONNECT_ONE_SHOT), and\n' +
          "rejects at once when the signal's object is gone.",
        EXTENSION_REMARK,
      ],
      "",
    ).concat("as_promise(): Promise<unknown[]>;"),
  ],
]);

/**
 * The members of `Array<T>` (ES2022). A packed array whose Godot method has one of these names
 * (`find`, `fill`, `sort`...) replaces Array's at run time, so its type leaves Array's out.
 */
const ARRAY_MEMBER_NAMES: ReadonlySet<string> = new Set([
  "length",
  "toString",
  "toLocaleString",
  "pop",
  "push",
  "concat",
  "join",
  "reverse",
  "shift",
  "slice",
  "sort",
  "splice",
  "unshift",
  "indexOf",
  "lastIndexOf",
  "every",
  "some",
  "forEach",
  "map",
  "filter",
  "reduce",
  "reduceRight",
  "find",
  "findIndex",
  "fill",
  "copyWithin",
  "entries",
  "keys",
  "values",
  "includes",
  "flatMap",
  "flat",
  "at",
]);

/** Lines of the value-type declarations, indented for the body of `declare module "godot"`. */
export function builtinDeclarations(builtins: BuiltinApi, mapper: TypeMapper, docs: DocIndex): string[] {
  const writer = new BuiltinWriter(mapper, docs);
  return builtins.builtin_classes
    .map((cls) => writer.declaration(cls))
    .filter((lines) => lines.length > 0)
    .flatMap((lines) => ["", ...lines]);
}

/** The TypeScript signature of one operator method overload. */
interface OperatorOverload {
  readonly method: string;
  /** Undefined for unary operators. */
  readonly rightType: string | undefined;
  readonly returnType: string;
}

/**
 * The overloads declared for a class's operators: one per right operand type, with Godot's
 * `int` and `float` both `number` (when they return different types, the result is the union).
 * Overloads taking `unknown` come last, so that a call with a known type picks its own overload.
 */
function operatorOverloads(cls: BuiltinClass, mapper: TypeMapper): OperatorOverload[] {
  const byKey = new Map<string, { method: string; rightType: string | undefined; returnTypes: string[] }>();
  for (const operator of cls.operators ?? []) {
    const method = OPERATOR_METHODS.get(operator.name);
    if (method === undefined) continue;
    const rightType =
      operator.right_type === undefined ? undefined : mapper.map(operator.right_type, "argument");
    const returnType = mapper.map(operator.return_type, "return");
    const key = `${method}(${rightType ?? ""})`;
    const overload = byKey.get(key) ?? { method, rightType, returnTypes: [] };
    if (!overload.returnTypes.includes(returnType)) overload.returnTypes.push(returnType);
    byKey.set(key, overload);
  }
  const overloads = [...byKey.values()].map(({ method, rightType, returnTypes }) => ({
    method,
    rightType,
    returnType: returnTypes.join(" | "),
  }));
  // Grouped by method, in the order of each method's first operator.
  const methods = [...new Set(overloads.map((overload) => overload.method))];
  return methods.flatMap((method) => {
    const own = overloads.filter((overload) => overload.method === method);
    const takesAnything = (overload: OperatorOverload): boolean => overload.rightType === "unknown";
    return [...own.filter((overload) => !takesAnything(overload)), ...own.filter(takesAnything)];
  });
}

/** The type of a method's return value. */
export function builtinReturnType(cls: BuiltinClass, method: BuiltinMethod, mapper: TypeMapper): string {
  const mapped = mapper.map(method.return_type ?? "void", "return");
  return INT64_RETURNS.has(`${cls.name}.${method.name}`) ? `${mapped} | bigint` : mapped;
}

/**
 * A packed array's constructor from an untyped Godot Array takes a JS array of its elements:
 * Godot would convert (or refuse) each element, the typings say what fits.
 */
export function constructorArgumentType(
  cls: BuiltinClass,
  argument: BuiltinArgument,
  mapper: TypeMapper,
): string {
  const element = PACKED_VALUE_ARRAYS.get(cls.name);
  if (element !== undefined && argument.type === "Array") return `readonly ${element}[]`;
  return mapper.map(argument.type, "argument");
}

/** Array's members that a packed array's Godot methods replace. */
function replacedArrayMembers(cls: BuiltinClass): string[] {
  return (cls.methods ?? [])
    .map((method) => method.name)
    .filter((name) => ARRAY_MEMBER_NAMES.has(name))
    .sort();
}

class BuiltinWriter {
  constructor(
    private readonly mapper: TypeMapper,
    private readonly docs: DocIndex,
  ) {}

  declaration(cls: BuiltinClass): string[] {
    if (JS_NATIVE_BUILTINS.has(cls.name)) return this.nativeAlias(cls);
    if (PACKED_VALUE_ARRAYS.has(cls.name)) return this.packedArray(cls);
    return [
      ...renderDocComment(this.classDoc(cls), MODULE_INDENT),
      `${MODULE_INDENT}export class ${cls.name} {`,
      ...cls.constructors.map(
        (constructor) =>
          `${MEMBER_INDENT}constructor(${this.constructorParameters(cls, constructor.arguments ?? [])});`,
      ),
      ...(cls.members ?? []).flatMap((member) => [
        ...renderDocComment([this.docs.get(`${cls.name}.${member.name}`)], MEMBER_INDENT),
        `${MEMBER_INDENT}${member.name}: ${this.mapper.map(member.type, "return")};`,
      ]),
      ...this.constants(cls),
      ...this.methods(cls),
      ...(QUICKDOT_ADDITIONS.get(cls.name) ?? []).map((line) => `${MEMBER_INDENT}${line}`),
      ...this.operators(cls),
      `${MODULE_INDENT}}`,
      ...this.enumNamespace(cls),
    ];
  }

  /**
   * A packed array of values is an `Array` subclass at run time whose Godot methods replace some of
   * Array's (`find` returns an index, `sort` returns nothing). A class may not extend Array with
   * such methods, so it is an interface over the rest of Array plus a constructor object.
   */
  private packedArray(cls: BuiltinClass): string[] {
    const element = PACKED_VALUE_ARRAYS.get(cls.name) ?? "unknown";
    const replacedNames = replacedArrayMembers(cls);
    const replaced = replacedNames.map((name) => JSON.stringify(name)).join(" | ");
    const replacedNote =
      `A JavaScript array of ${element} values: indexing, \`length\` and \`for...of\` work as on any\n` +
      `array. Godot's ${replacedNames.map((name) => `\`${name}\``).join(", ")} replace Array's and behave as in Godot.`;
    return [
      ...renderDocComment([this.docs.get(cls.name), replacedNote, this.seeLink(cls)], MODULE_INDENT),
      `${MODULE_INDENT}export interface ${cls.name} extends Omit<Array<${element}>, ${replaced}> {`,
      ...this.methods(cls),
      ...this.operators(cls),
      `${MODULE_INDENT}}`,
      `${MODULE_INDENT}export const ${cls.name}: {`,
      ...cls.constructors.map(
        (constructor) =>
          `${MEMBER_INDENT}new (${this.constructorParameters(cls, constructor.arguments ?? [])}): ${cls.name};`,
      ),
      `${MEMBER_INDENT}readonly prototype: ${cls.name};`,
      `${MODULE_INDENT}};`,
    ];
  }

  /** Packed arrays of numbers are JS typed arrays; Array and Dictionary need no alias. */
  private nativeAlias(cls: BuiltinClass): string[] {
    const jsType = this.mapper.map(cls.name, "return");
    if (jsType === cls.name || !cls.name.startsWith("Packed")) return [];
    const note =
      `Godot's ${cls.name} is JavaScript's \`${jsType}\`: the engine converts one to the other.\n` +
      `Godot's methods of ${cls.name} are not on it (\`size\`, \`has\`, \`append\`...): use the typed\n` +
      "array's own (`length`, `includes`, `set`...), whose `fill`, `slice`, `sort` and `reverse` keep\n" +
      "JavaScript's signatures.";
    return [
      ...renderDocComment([note, this.seeLink(cls)], MODULE_INDENT),
      `${MODULE_INDENT}export type ${cls.name} = ${jsType};`,
    ];
  }

  private classDoc(cls: BuiltinClass): (string | undefined)[] {
    return [this.docs.get(cls.name), this.seeLink(cls)];
  }

  private seeLink(cls: BuiltinClass): string {
    return `@see https://docs.godotengine.org/en/4.6/classes/class_${cls.name.toLowerCase()}.html (Godot's class reference)`;
  }

  /** Constants and enum values, both static properties; each read of a constant is a new value. */
  private constants(cls: BuiltinClass): string[] {
    const constants = (cls.constants ?? []).flatMap((constant) => [
      ...renderDocComment(
        [this.docs.get(`${cls.name}.${constant.name}`), `Value: \`${constant.value}\`.`],
        MEMBER_INDENT,
      ),
      `${MEMBER_INDENT}static readonly ${constant.name}: ${this.mapper.map(constant.type, "return")};`,
    ]);
    const enumValues = (cls.enums ?? []).flatMap((valueEnum) =>
      valueEnum.values.flatMap((value) => {
        const path = `${cls.name}.${valueEnum.name}.${value.name}`;
        return [
          `${MEMBER_INDENT}/** Same as {@link ${path}}. */`,
          `${MEMBER_INDENT}static readonly ${value.name}: ${path};`,
        ];
      }),
    );
    return [...constants, ...enumValues];
  }

  /** The class's enums, in a namespace that merges with it (`Vector2.Axis.AXIS_X`). */
  private enumNamespace(cls: BuiltinClass): string[] {
    const enums = cls.enums ?? [];
    if (enums.length === 0) return [];
    return [
      `${MODULE_INDENT}export namespace ${cls.name} {`,
      ...enums.flatMap((valueEnum) => [
        ...renderDocComment([this.docs.get(`${cls.name}.${valueEnum.name}`)], MEMBER_INDENT),
        `${MEMBER_INDENT}export enum ${valueEnum.name} {`,
        ...valueEnum.values.map((value) => `${MEMBER_INDENT}${MODULE_INDENT}${value.name} = ${value.value},`),
        `${MEMBER_INDENT}}`,
      ]),
      `${MODULE_INDENT}}`,
    ];
  }

  private methods(cls: BuiltinClass): string[] {
    return (cls.methods ?? []).flatMap((method) => {
      const args = method.arguments ?? [];
      const optional = (arg: BuiltinArgument): string => (arg.default_value === undefined ? "" : "?");
      const parameters = [
        ...args.map(
          (arg) => `${parameterName(arg.name)}${optional(arg)}: ${this.mapper.map(arg.type, "argument")}`,
        ),
        ...(method.is_vararg ? ["...args: unknown[]"] : []),
      ].join(", ");
      const tags = [
        ...args.flatMap((arg) =>
          arg.default_value === undefined
            ? []
            : [`@param ${parameterName(arg.name)} (default: \`${arg.default_value}\`)`],
        ),
        ...(method.is_vararg ? ["@param args Any number of further arguments."] : []),
      ];
      const signature = `${method.name}(${parameters}): ${builtinReturnType(cls, method, this.mapper)}`;
      return [
        ...renderDocComment([this.docs.get(`${cls.name}.${method.name}`), tags.join("\n")], MEMBER_INDENT),
        `${MEMBER_INDENT}${method.is_static ? "static " : ""}${signature};`,
      ];
    });
  }

  private operators(cls: BuiltinClass): string[] {
    const symbolOf = new Map([...OPERATOR_METHODS].map(([symbol, method]) => [method, symbol]));
    return operatorOverloads(cls, this.mapper).flatMap((overload) => {
      const symbol = (symbolOf.get(overload.method) ?? "").replace("unary", "");
      const expression = overload.rightType === undefined ? `${symbol}this` : `this ${symbol} right`;
      const parameter = overload.rightType === undefined ? "" : `right: ${overload.rightType}`;
      return [
        `${MEMBER_INDENT}/** Godot's \`${expression}\`. */`,
        `${MEMBER_INDENT}${overload.method}(${parameter}): ${overload.returnType};`,
      ];
    });
  }

  private constructorParameters(cls: BuiltinClass, args: readonly BuiltinArgument[]): string {
    return args
      .map((arg) => `${parameterName(arg.name)}: ${constructorArgumentType(cls, arg, this.mapper)}`)
      .join(", ");
  }
}
