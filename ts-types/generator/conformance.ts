// node ts-types/generator/build/conformance.js <engine_dump.json> <reference.json>
//
// Checks that the engine registers the reference API (Godot 4.6's, as a subset) unchanged, and
// that everything it adds beyond it is marked `quickdot_extension`. Prints one line per difference
// and a count line; exits 1 when there is any difference.
//
// What counts as an addition: members of classes marked `complete` in the reference, and values
// of enums the reference lists (Godot dumps enums whole). Classes absent from the reference, and
// extra members of the other classes, are allowed. The reference's global lists (utility
// functions, singletons, global enums) are a subset of Godot's, so extras there are allowed too.

import type {
  ApiArgument,
  ApiClass,
  ApiConstant,
  ApiEnum,
  ApiEnumValue,
  ApiMethod,
  ApiProperty,
  ApiSignal,
  ApiSingleton,
  ApiUtilityFunction,
  ExtensionApi,
  MaybeExtension,
} from "./api.js";
import { loadApi, returnTypeOf } from "./api.js";

interface Named extends MaybeExtension {
  readonly name: string;
}

/**
 * Compares one reference entry with the engine's entry of the same name and returns the problems.
 * `qualifiedName` names the entry in messages ("PacketPeerDTLS.Status").
 */
type Comparison<T> = (engine: T, reference: T, qualifiedName: string) => string[];

class ConformanceCheck {
  readonly differences: string[] = [];
  matchedMembers = 0;
  documentedExtensions = 0;

  run(engine: ExtensionApi, reference: ExtensionApi): void {
    this.compareLists(
      "class",
      "",
      engine.classes,
      reference.classes,
      compareClass,
      false,
      this.compareClassMembers,
    );
    const referenceClassNames = new Set(reference.classes.map((cls) => cls.name));
    for (const engineOnly of engine.classes.filter((cls) => !referenceClassNames.has(cls.name))) {
      this.countExtensionsInside(engineOnly);
    }
    this.compareLists(
      "global enum",
      "",
      engine.global_enums,
      reference.global_enums,
      compareEnum,
      false,
      this.compareEnumValues,
    );
    this.compareLists("singleton", "", engine.singletons, reference.singletons, compareSingleton, false);
    this.compareLists(
      "utility function",
      "",
      engine.utility_functions,
      reference.utility_functions,
      compareUtilityFunction,
      false,
    );
  }

  /**
   * Matches entries by name. `prefix` is prepended to names in messages ("PacketPeerDTLS.").
   * `complete` says whether unmarked extras in the engine are differences. `compareContents` then
   * compares what a matched entry holds (a class's members, an enum's values).
   */
  private compareLists<T extends Named>(
    kind: string,
    prefix: string,
    engineList: readonly T[],
    referenceList: readonly T[],
    compare: Comparison<T>,
    complete: boolean,
    compareContents?: (engine: T, reference: T, qualifiedName: string) => void,
  ): void {
    const engineByName = new Map(engineList.map((entry) => [entry.name, entry]));
    for (const referenceEntry of referenceList) {
      const qualifiedName = prefix + referenceEntry.name;
      const where = `${kind} ${qualifiedName}`;
      const engineEntry = engineByName.get(referenceEntry.name);
      if (engineEntry === undefined) {
        this.differences.push(`${where}: missing from the engine dump`);
        continue;
      }
      const problems = compare(engineEntry, referenceEntry, qualifiedName);
      if (engineEntry.quickdot_extension) problems.push("marked quickdot_extension, but Godot 4.6 has it");
      if (problems.length === 0) this.matchedMembers++;
      this.differences.push(...problems.map((problem) => `${where}: ${problem}`));
      compareContents?.(engineEntry, referenceEntry, qualifiedName);
    }
    const referenceNames = new Set(referenceList.map((entry) => entry.name));
    for (const extra of engineList.filter((entry) => !referenceNames.has(entry.name))) {
      if (extra.quickdot_extension) this.documentedExtensions++;
      else if (complete) {
        this.differences.push(
          `${kind} ${prefix}${extra.name}: undocumented addition (not in the reference, not marked quickdot_extension)`,
        );
      }
    }
  }

  /** Only the members a class lists in the reference are required, unless it is `complete`. */
  private readonly compareClassMembers = (engine: ApiClass, reference: ApiClass): void => {
    const prefix = `${reference.name}.`;
    const complete = reference.complete === true;
    this.compareLists(
      "method",
      prefix,
      engine.methods ?? [],
      reference.methods ?? [],
      compareMethod,
      complete,
    );
    this.compareLists(
      "enum",
      prefix,
      engine.enums ?? [],
      reference.enums ?? [],
      compareEnum,
      complete,
      this.compareEnumValues,
    );
    this.compareLists(
      "constant",
      prefix,
      engine.constants ?? [],
      reference.constants ?? [],
      compareConstant,
      complete,
    );
    this.compareLists(
      "property",
      prefix,
      engine.properties ?? [],
      reference.properties ?? [],
      compareProperty,
      complete,
    );
    this.compareLists(
      "signal",
      prefix,
      engine.signals ?? [],
      reference.signals ?? [],
      compareSignal,
      complete,
    );
  };

  /** An enum's values are always complete in the reference: Godot dumps enums whole. */
  private readonly compareEnumValues = (engine: ApiEnum, reference: ApiEnum, qualifiedName: string): void => {
    this.compareLists(
      "enum value",
      `${qualifiedName}.`,
      engine.values,
      reference.values,
      compareEnumValue,
      true,
    );
  };

  /**
   * An engine-only class is fine as it is, but its marked members still count as documented
   * extensions (the class's own mark is counted with the other extra classes).
   */
  private countExtensionsInside(cls: ApiClass): void {
    const parts: readonly MaybeExtension[] = [
      ...(cls.methods ?? []),
      ...(cls.constants ?? []),
      ...(cls.properties ?? []),
      ...(cls.signals ?? []),
      ...(cls.enums ?? []).flatMap((classEnum): MaybeExtension[] => [classEnum, ...classEnum.values]),
    ];
    this.documentedExtensions += parts.filter((part) => part.quickdot_extension).length;
  }
}

/** Every entry of the reference that the check looks for, so the total does not shrink when a class is missing. */
function countReferenceMembers(reference: ExtensionApi): number {
  const enumSize = (apiEnum: ApiEnum): number => 1 + apiEnum.values.length;
  const classSize = (cls: ApiClass): number =>
    1 +
    (cls.methods ?? []).length +
    (cls.constants ?? []).length +
    (cls.properties ?? []).length +
    (cls.signals ?? []).length +
    sum((cls.enums ?? []).map(enumSize));
  return (
    sum(reference.classes.map(classSize)) +
    sum(reference.global_enums.map(enumSize)) +
    reference.singletons.length +
    reference.utility_functions.length
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const compareClass: Comparison<ApiClass> = (engine, reference) =>
  [
    fieldProblem("inherits", engine.inherits, reference.inherits),
    fieldProblem("is_refcounted", engine.is_refcounted, reference.is_refcounted),
    fieldProblem("is_instantiable", engine.is_instantiable, reference.is_instantiable),
  ].filter(isPresent);

const compareEnum: Comparison<ApiEnum> = (engine, reference) =>
  [fieldProblem("is_bitfield", engine.is_bitfield, reference.is_bitfield)].filter(isPresent);

const compareMethod: Comparison<ApiMethod> = (engine, reference) =>
  [
    fieldProblem("is_static", engine.is_static, reference.is_static),
    fieldProblem("is_const", engine.is_const, reference.is_const),
    fieldProblem("is_vararg", engine.is_vararg, reference.is_vararg),
    fieldProblem("is_virtual", engine.is_virtual, reference.is_virtual),
    fieldProblem("return type", returnTypeOf(engine), returnTypeOf(reference)),
    ...argumentProblems(engine.arguments ?? [], reference.arguments ?? [], true),
  ].filter(isPresent);

const compareUtilityFunction: Comparison<ApiUtilityFunction> = (engine, reference) =>
  [
    fieldProblem("return_type", engine.return_type ?? "void", reference.return_type ?? "void"),
    fieldProblem("is_vararg", engine.is_vararg, reference.is_vararg),
    ...argumentProblems(engine.arguments ?? [], reference.arguments ?? [], true),
  ].filter(isPresent);

/** Signals are compared by argument types: argument names do not change how scripts use them. */
const compareSignal: Comparison<ApiSignal> = (engine, reference) =>
  argumentProblems(engine.arguments ?? [], reference.arguments ?? [], false);

const compareProperty: Comparison<ApiProperty> = (engine, reference) =>
  [
    fieldProblem("type", engine.type, reference.type),
    fieldProblem("setter", engine.setter, reference.setter),
    fieldProblem("getter", engine.getter, reference.getter),
  ].filter(isPresent);

const compareConstant: Comparison<ApiConstant> = (engine, reference) =>
  [fieldProblem("value", engine.value, reference.value)].filter(isPresent);

const compareEnumValue: Comparison<ApiEnumValue> = (engine, reference) =>
  [fieldProblem("value", engine.value, reference.value)].filter(isPresent);

const compareSingleton: Comparison<ApiSingleton> = (engine, reference) =>
  [fieldProblem("type", engine.type, reference.type)].filter(isPresent);

function argumentProblems(
  engine: readonly ApiArgument[],
  reference: readonly ApiArgument[],
  withNamesAndDefaults: boolean,
): string[] {
  const problems: string[] = [];
  if (engine.length !== reference.length) {
    problems.push(`takes ${engine.length} argument(s), the reference ${reference.length}`);
  }
  reference.forEach((referenceArgument, index) => {
    const engineArgument = engine[index];
    if (engineArgument === undefined) return;
    const label = `argument ${index + 1} (${referenceArgument.name})`;
    const fields = withNamesAndDefaults
      ? [
          fieldProblem(`${label} name`, engineArgument.name, referenceArgument.name),
          fieldProblem(`${label} type`, engineArgument.type, referenceArgument.type),
          fieldProblem(
            `${label} default_value`,
            engineArgument.default_value,
            referenceArgument.default_value,
          ),
        ]
      : [fieldProblem(`${label} type`, engineArgument.type, referenceArgument.type)];
    problems.push(...fields.filter(isPresent));
  });
  return problems;
}

/** A problem line when the values differ; "absent" stands for a missing field. */
function fieldProblem(field: string, engineValue: unknown, referenceValue: unknown): string | undefined {
  if (engineValue === referenceValue) return undefined;
  return `${field} is ${describe(engineValue)}, the reference has ${describe(referenceValue)}`;
}

function describe(value: unknown): string {
  return value === undefined ? "absent" : JSON.stringify(value);
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function main(args: readonly string[]): number {
  const [enginePath, referencePath] = args;
  if (args.length !== 2 || enginePath === undefined || referencePath === undefined) {
    process.stderr.write(
      "usage: node ts-types/generator/build/conformance.js <engine_dump.json> <reference.json>\n",
    );
    return 2;
  }
  const reference = loadApi(referencePath);
  const check = new ConformanceCheck();
  check.run(loadApi(enginePath), reference);
  for (const difference of check.differences) process.stdout.write(`${difference}\n`);
  process.stdout.write(
    `conformance: ${check.matchedMembers}/${countReferenceMembers(reference)} reference members matched, ` +
      `${check.differences.length} differences, ${check.documentedExtensions} documented extensions\n`,
  );
  return check.differences.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
