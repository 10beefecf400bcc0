// Finds what to run (GUT's test_collector): the test scripts in the configured folders, the
// GutTest classes each exports and their test_* methods.

import { DirAccess, FileAccess } from "godot";
import { Logger } from "./logger.js";
import { GutOptions } from "./options.js";
import { GutTest, GutTestClass } from "./test.js";

function as_res_path(path: string): string {
  if (path.startsWith("res://") || path.startsWith("user://") || path.startsWith("/")) return path;
  return "res://" + path.replace(/^\.\//, "");
}

function join_path(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function base_name(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function collect_scripts(options: GutOptions, logger: Logger): string[] {
  const dirs = DirAccess;
  const found: string[] = [];
  const add_dir = (dir: string): void => {
    if (!dirs.dir_exists_absolute(dir)) {
      logger.error(`Directory does not exist: ${dir}`);
      return;
    }
    for (const name of dirs.get_files_at(dir)) {
      if (name.startsWith(options.prefix) && name.endsWith(options.suffix) && !name.endsWith(".d.ts"))
        found.push(join_path(dir, name));
    }
    if (options.include_subdirs) {
      for (const sub of dirs.get_directories_at(dir)) add_dir(join_path(dir, sub));
    }
  };
  for (const dir of options.dirs) add_dir(as_res_path(dir));
  for (const test of options.tests) {
    const path = as_res_path(test);
    if (FileAccess.file_exists(path)) found.push(path);
    else logger.error(`Test script does not exist: ${path}`);
  }
  const unique = Array.from(new Set(found));
  return options.selected === ""
    ? unique
    : unique.filter((path) => base_name(path).includes(options.selected));
}

export interface TestClassEntry {
  readonly name: string; // Shown in reports: the script path, plus ".TestInner" for inner classes.
  readonly cls: GutTestClass;
}

function is_test_class(value: unknown): value is GutTestClass {
  return (
    typeof value === "function" && (value as { readonly prototype: unknown }).prototype instanceof GutTest
  );
}

export function test_classes(path: string, module: unknown, options: GutOptions): TestClassEntry[] | string {
  if (typeof module !== "object" || module === null) return "the module did not load";
  const namespace = module as Record<string, unknown>;
  const outer = namespace["default"];
  const entries: TestClassEntry[] = [];
  const seen = new Set<unknown>();
  if (is_test_class(outer)) {
    seen.add(outer);
    if (options.inner_class === "") entries.push({ name: path, cls: outer });
  } else if (outer !== undefined) {
    return "its default export does not extend GutTest (write `export default class ... extends GutTest`)";
  }
  let inner_found = false;
  for (const [export_name, value] of Object.entries(namespace)) {
    if (
      export_name === "default" ||
      !export_name.startsWith("Test") ||
      !is_test_class(value) ||
      seen.has(value)
    )
      continue;
    seen.add(value);
    inner_found = true;
    if (export_name.includes(options.inner_class))
      entries.push({ name: `${path}.${export_name}`, cls: value });
  }
  if (outer === undefined && !inner_found)
    return "it exports no test class (write `export default class ... extends GutTest`)";
  return entries;
}

export function test_names(cls: GutTestClass, filter: string): string[] {
  const chain: object[] = [];
  for (
    let proto: object | null = cls.prototype;
    proto !== null && proto !== GutTest.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    chain.unshift(proto);
  }
  const names: string[] = [];
  for (const proto of chain) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name.startsWith("test_") && typeof descriptor?.value === "function" && !names.includes(name))
        names.push(name);
    }
  }
  return filter === "" ? names : names.filter((name) => name.includes(filter));
}
