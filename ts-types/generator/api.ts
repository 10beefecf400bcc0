// The shape of an API dump in Godot's `--dump-extension-api` format (the subset Quickdot uses),
// plus Quickdot's `quickdot_extension` flag on anything the engine adds beyond Godot.

import { readFileSync } from "node:fs";

/** Set by the engine on every class or member that Godot 4.6 does not have. */
export interface MaybeExtension {
  readonly quickdot_extension?: boolean;
}

export interface ApiHeader {
  readonly version_major: number;
  readonly version_minor: number;
  readonly version_patch: number;
  readonly version_full_name: string;
}

export interface ApiEnumValue extends MaybeExtension {
  readonly name: string;
  readonly value: number;
}

export interface ApiEnum extends MaybeExtension {
  readonly name: string;
  readonly is_bitfield: boolean;
  readonly values: readonly ApiEnumValue[];
}

export interface ApiConstant extends MaybeExtension {
  readonly name: string;
  readonly value: number;
}

export interface ApiArgument {
  readonly name: string;
  readonly type: string;
  /** Godot's "meta": the C++ width of an int (`int32`, `uint64`...) or `required` for a non-null object. */
  readonly meta?: string;
  /** The default, written as Godot source text (`"*"` with quotes, `null`, `65536`). */
  readonly default_value?: string;
}

export interface ApiReturnValue {
  readonly type: string;
  readonly meta?: string;
}

export interface ApiMethod extends MaybeExtension {
  readonly name: string;
  readonly is_const: boolean;
  readonly is_static: boolean;
  readonly is_vararg: boolean;
  readonly is_virtual: boolean;
  /** Absent for methods that return nothing. */
  readonly return_value?: ApiReturnValue;
  readonly arguments?: readonly ApiArgument[];
}

export interface ApiSignal extends MaybeExtension {
  readonly name: string;
  readonly arguments?: readonly ApiArgument[];
}

export interface ApiProperty extends MaybeExtension {
  readonly name: string;
  readonly type: string;
  readonly setter?: string;
  readonly getter?: string;
}

export interface ApiClass extends MaybeExtension {
  readonly name: string;
  readonly is_refcounted: boolean;
  readonly is_instantiable: boolean;
  /** Absent only for the root class, `Object`. */
  readonly inherits?: string;
  readonly api_type: string;
  /** Only in the reference: every member of this class is listed, so any extra one is an addition. */
  readonly complete?: boolean;
  readonly constants?: readonly ApiConstant[];
  readonly enums?: readonly ApiEnum[];
  readonly methods?: readonly ApiMethod[];
  readonly signals?: readonly ApiSignal[];
  readonly properties?: readonly ApiProperty[];
}

export interface ApiSingleton extends MaybeExtension {
  readonly name: string;
  readonly type: string;
}

export interface ApiUtilityFunction extends MaybeExtension {
  readonly name: string;
  readonly category: string;
  readonly is_vararg: boolean;
  /** Absent for functions that return nothing. */
  readonly return_type?: string;
  readonly arguments?: readonly ApiArgument[];
}

export interface ExtensionApi {
  readonly header: ApiHeader;
  readonly global_enums: readonly ApiEnum[];
  readonly classes: readonly ApiClass[];
  readonly singletons: readonly ApiSingleton[];
  readonly utility_functions: readonly ApiUtilityFunction[];
}

const TOP_LEVEL_LISTS = ["global_enums", "classes", "singletons", "utility_functions"] as const;

/**
 * Reads a dump and checks its top-level shape. Members are trusted to follow the format: the dump
 * comes from the engine or from the reference file, not from users.
 */
export function loadApi(path: string): ExtensionApi {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || !("header" in parsed)) {
    throw new Error(`${path}: not an API dump (no "header")`);
  }
  for (const key of TOP_LEVEL_LISTS) {
    const list: unknown = (parsed as Record<string, unknown>)[key];
    if (!Array.isArray(list)) throw new Error(`${path}: "${key}" is missing or not a list`);
  }
  return parsed as ExtensionApi;
}

/** The return type of a method as the dump spells it, with "void" for none. */
export function returnTypeOf(method: ApiMethod): string {
  return method.return_value?.type ?? "void";
}

// ---- The builtin-class part of a Godot dump (ts-types/reference/godot-4.6-builtin-classes.json) ----

export interface BuiltinArgument {
  readonly name: string;
  readonly type: string;
  readonly default_value?: string;
}

export interface BuiltinConstructor {
  readonly index: number;
  readonly arguments?: readonly BuiltinArgument[];
}

export interface BuiltinMethod {
  readonly name: string;
  /** Absent for methods that return nothing. */
  readonly return_type?: string;
  readonly is_vararg: boolean;
  readonly is_const: boolean;
  readonly is_static: boolean;
  readonly arguments?: readonly BuiltinArgument[];
}

export interface BuiltinOperator {
  /** "+", "==", "unary-", "not", "in"... */
  readonly name: string;
  /** Absent for unary operators. */
  readonly right_type?: string;
  readonly return_type: string;
}

export interface BuiltinMember {
  readonly name: string;
  readonly type: string;
}

export interface BuiltinConstant {
  readonly name: string;
  readonly type: string;
  /** Godot source text: "Vector2(0, 0)". */
  readonly value: string;
}

export interface BuiltinEnum {
  readonly name: string;
  readonly values: readonly ApiEnumValue[];
}

export interface BuiltinClass {
  readonly name: string;
  /** The type of `value[i]`, for the types that can be indexed. */
  readonly indexing_return_type?: string;
  readonly is_keyed: boolean;
  readonly has_destructor: boolean;
  readonly constructors: readonly BuiltinConstructor[];
  readonly members?: readonly BuiltinMember[];
  readonly constants?: readonly BuiltinConstant[];
  readonly enums?: readonly BuiltinEnum[];
  readonly operators?: readonly BuiltinOperator[];
  readonly methods?: readonly BuiltinMethod[];
}

export interface BuiltinApi {
  readonly header: ApiHeader;
  readonly builtin_classes: readonly BuiltinClass[];
}

export function loadBuiltinApi(path: string): BuiltinApi {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !Array.isArray((parsed as Record<string, unknown>)["builtin_classes"])
  ) {
    throw new Error(`${path}: not a builtin-class dump (no "builtin_classes" list)`);
  }
  return parsed as BuiltinApi;
}
