// node ts-types/generator/build/builtin_conformance.js <engine_dump.json> <builtin_classes.json> <godot.d.ts>
//
// Checks that godot.d.ts declares Godot 4.6's built-in value types as the builtin-class dump lists
// them: every constructor overload, method (name, static or not, argument names and types, which
// arguments are optional, return type), member, constant, enum value, and every operator as its
// method with an overload for each right operand type. The engine dump supplies the engine classes
// and enums that value types name (Object). Prints one line per difference and the coverage; exits
// 1 below 100 %.

import { readFileSync } from "node:fs";
import type { BuiltinArgument, BuiltinClass, BuiltinMethod } from "./api.js";
import { loadApi, loadBuiltinApi } from "./api.js";
import {
  OPERATORS_WITHOUT_METHOD,
  OPERATOR_METHODS,
  builtinReturnType,
  constructorArgumentType,
} from "./builtins.js";
import type { DeclaredSignature, DeclaredType, GodotModule } from "./dts_reader.js";
import { readGodotModule } from "./dts_reader.js";
import { parameterName } from "./identifiers.js";
import { JS_NATIVE_BUILTINS, TypeMapper } from "./typemap.js";

const KINDS = [
  "classes",
  "constructors",
  "methods",
  "members",
  "constants",
  "enum values",
  "operators",
  "typed-array aliases",
] as const;
type Kind = (typeof KINDS)[number];

const SINGULAR: Readonly<Record<Kind, string>> = {
  classes: "class",
  constructors: "constructor",
  methods: "method",
  members: "member",
  constants: "constant",
  "enum values": "enum value",
  operators: "operator",
  "typed-array aliases": "typed-array alias",
};

/** What a parameter must look like: its TypeScript name, type and optional-ness. */
interface ExpectedParameter {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
}

class BuiltinConformance {
  readonly differences: string[] = [];
  private readonly found = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  private readonly expected = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  operatorsWithoutMethod = 0;
  readonly nativeTypes: string[] = [];

  constructor(
    private readonly module: GodotModule,
    private readonly mapper: TypeMapper,
  ) {}

  checkClass(cls: BuiltinClass): void {
    if (JS_NATIVE_BUILTINS.has(cls.name)) {
      this.checkNativeAlias(cls);
      return;
    }
    const declared = this.module.types.get(cls.name);
    this.count("classes", cls.name, declared === undefined ? "not declared" : undefined);
    const empty: DeclaredType = {
      constructors: [],
      methods: new Map(),
      staticMethods: new Map(),
      properties: new Map(),
      staticProperties: new Map(),
    };
    const type = declared ?? empty;
    for (const constructor of cls.constructors) {
      const args = constructor.arguments ?? [];
      const parameters = args.map((arg) => ({
        ...this.parameter(arg),
        type: constructorArgumentType(cls, arg, this.mapper),
      }));
      const label = `${cls.name}(${args.map((arg) => `${arg.name}: ${arg.type}`).join(", ")})`;
      const problems = type.constructors.map((signature) => signatureProblem(signature, parameters, false));
      const sameCount = problems.filter(
        (_, index) => type.constructors[index]?.parameters.length === args.length,
      );
      const problem = problems.includes(undefined)
        ? undefined
        : sameCount.length > 0
          ? sameCount.join("; ")
          : "no constructor overload with this many parameters";
      this.count("constructors", label, problem);
    }
    for (const method of cls.methods ?? []) this.checkMethod(cls, type, method);
    for (const member of cls.members ?? []) {
      const property = type.properties.get(member.name);
      const wanted = this.mapper.map(member.type, "return");
      const problem =
        property === undefined
          ? "not declared"
          : property.readonly
            ? "declared readonly"
            : property.type !== wanted
              ? `typed ${property.type}, expected ${wanted}`
              : undefined;
      this.count("members", `${cls.name}.${member.name}`, problem);
    }
    for (const constant of cls.constants ?? []) {
      const problem = staticProblem(type, constant.name, this.mapper.map(constant.type, "return"));
      this.count("constants", `${cls.name}.${constant.name}`, problem);
    }
    for (const valueEnum of cls.enums ?? []) {
      const declaredEnum = this.module.enums.get(`${cls.name}.${valueEnum.name}`);
      for (const value of valueEnum.values) {
        const declaredValue = declaredEnum?.get(value.name);
        const label = `${cls.name}.${valueEnum.name}.${value.name}`;
        // Also on the class, as Godot scripts write it: `Vector2.AXIS_X`.
        const problem =
          declaredEnum === undefined
            ? `no enum ${cls.name}.${valueEnum.name}`
            : declaredValue !== value.value
              ? `is ${String(declaredValue)}, Godot's is ${value.value}`
              : staticProblem(type, value.name, label);
        this.count("enum values", label, problem);
      }
    }
    this.checkOperators(cls, type);
  }

  private checkMethod(cls: BuiltinClass, type: DeclaredType, method: BuiltinMethod): void {
    const label = `${cls.name}.${method.name}`;
    const overloads = (method.is_static ? type.staticMethods : type.methods).get(method.name);
    const otherSide = (method.is_static ? type.methods : type.staticMethods).has(method.name);
    if (overloads === undefined) {
      this.count(
        "methods",
        label,
        otherSide ? `declared ${method.is_static ? "non-static" : "static"}` : "not declared",
      );
      return;
    }
    const parameters = (method.arguments ?? []).map((arg) => this.parameter(arg));
    const returnType = builtinReturnType(cls, method, this.mapper);
    const problems = overloads.map(
      (signature) =>
        signatureProblem(signature, parameters, method.is_vararg) ??
        (signature.returnType === returnType
          ? undefined
          : `returns ${signature.returnType}, expected ${returnType}`),
    );
    this.count("methods", label, problems.includes(undefined) ? undefined : problems.join("; "));
  }

  /** Each operator needs an overload of its method for its right operand, returning (at least) its result. */
  private checkOperators(cls: BuiltinClass, type: DeclaredType): void {
    for (const operator of cls.operators ?? []) {
      if (OPERATORS_WITHOUT_METHOD.has(operator.name)) {
        this.operatorsWithoutMethod++;
        continue;
      }
      const method = OPERATOR_METHODS.get(operator.name);
      const label = `${cls.name} ${operator.name} ${operator.right_type ?? ""}`.trimEnd();
      if (method === undefined) {
        this.count("operators", label, "no method name for this operator");
        continue;
      }
      const parameters =
        operator.right_type === undefined
          ? []
          : [{ name: "right", type: this.mapper.map(operator.right_type, "argument"), optional: false }];
      const result = this.mapper.map(operator.return_type, "return");
      const matches = (type.methods.get(method) ?? []).some(
        (signature) =>
          signatureProblem(signature, parameters, false) === undefined &&
          signature.returnType.split(" | ").includes(result),
      );
      this.count(
        "operators",
        label,
        matches ? undefined : `no ${method}(${parameters.map((p) => p.type).join("")}): ${result}`,
      );
    }
  }

  /** A packed array of numbers is an alias of its typed array; Array and Dictionary are JS's own. */
  private checkNativeAlias(cls: BuiltinClass): void {
    this.nativeTypes.push(cls.name);
    if (!cls.name.startsWith("Packed")) return;
    const wanted = this.mapper.map(cls.name, "return");
    const alias = this.module.aliases.get(cls.name);
    this.count(
      "typed-array aliases",
      cls.name,
      alias === wanted ? undefined : `expected \`type ${cls.name} = ${wanted}\``,
    );
  }

  private parameter(arg: BuiltinArgument): ExpectedParameter {
    return {
      name: parameterName(arg.name),
      type: this.mapper.map(arg.type, "argument"),
      optional: arg.default_value !== undefined,
    };
  }

  private count(kind: Kind, label: string, problem: string | undefined): void {
    this.expected.set(kind, (this.expected.get(kind) ?? 0) + 1);
    if (problem === undefined) this.found.set(kind, (this.found.get(kind) ?? 0) + 1);
    else this.differences.push(`${SINGULAR[kind]} ${label}: ${problem}`);
  }

  summary(): string {
    const figures = KINDS.map(
      (kind) => `${this.found.get(kind) ?? 0}/${this.expected.get(kind) ?? 0} ${kind}`,
    );
    return (
      `builtin classes: ${figures.join(", ")}; ` +
      `${this.operatorsWithoutMethod} operators have no method (in, not); ` +
      `JavaScript's own types, without Godot's methods: ${this.nativeTypes.join(", ")}`
    );
  }
}

/** Why `type` has no `static readonly name: wanted`, or undefined. */
function staticProblem(type: DeclaredType, name: string, wanted: string): string | undefined {
  const property = type.staticProperties.get(name);
  return property === undefined
    ? `no static property ${name}`
    : !property.readonly
      ? `static ${name} is not readonly`
      : property.type !== wanted
        ? `static ${name} is typed ${property.type}, expected ${wanted}`
        : undefined;
}

/** Why a declared signature does not take `parameters` (plus `...args` when vararg), or undefined. */
function signatureProblem(
  signature: DeclaredSignature,
  parameters: readonly ExpectedParameter[],
  vararg: boolean,
): string | undefined {
  const declared = signature.parameters;
  const wantedCount = parameters.length + (vararg ? 1 : 0);
  if (declared.length !== wantedCount)
    return `takes ${declared.length} parameter(s), expected ${wantedCount}`;
  for (const [index, wanted] of parameters.entries()) {
    const parameter = declared[index];
    if (parameter === undefined) continue;
    const label = `parameter ${index + 1}`;
    if (parameter.name !== wanted.name) return `${label} is named ${parameter.name}, expected ${wanted.name}`;
    if (parameter.rest) return `${label} is a rest parameter`;
    if (parameter.optional !== wanted.optional)
      return `${label} (${wanted.name}) should ${wanted.optional ? "" : "not "}be optional`;
    if (parameter.type !== wanted.type)
      return `${label} (${wanted.name}) is ${parameter.type}, expected ${wanted.type}`;
  }
  const last = declared[declared.length - 1];
  if (vararg && !(last?.rest === true && last.type === "unknown[]"))
    return "no ...args: unknown[] for the variable arguments";
  return undefined;
}

function main(args: readonly string[]): number {
  const [enginePath, builtinsPath, typingsPath] = args;
  if (
    args.length !== 3 ||
    enginePath === undefined ||
    builtinsPath === undefined ||
    typingsPath === undefined
  ) {
    process.stderr.write(
      "usage: node ts-types/generator/build/builtin_conformance.js <engine_dump.json> <builtin_classes.json> <godot.d.ts>\n",
    );
    return 2;
  }
  const warnings: string[] = [];
  const mapper = new TypeMapper(loadApi(enginePath), (message) => warnings.push(message));
  const module = readGodotModule(typingsPath, readFileSync(typingsPath, "utf8"));
  const check = new BuiltinConformance(module, mapper);
  const classes = loadBuiltinApi(builtinsPath).builtin_classes;
  for (const cls of classes) check.checkClass(cls);
  const differences = [...check.differences, ...warnings.map((warning) => `type mapping: ${warning}`)];
  for (const difference of differences) process.stdout.write(`${difference}\n`);
  process.stdout.write(`${check.summary()}\n`);
  return differences.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`builtin_conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
