// The "gut" module: a GUT-style (Godot Unit Test, version 9) test framework for Quickdot's
// TypeScript scripts, and its headless runner. This file is the module's public API: what
// `import ... from "gut"` sees; each concern lives in a file of its own beside it (README.md lists
// them).
//
// A test file default-exports a class extending GutTest; its test_* methods run in declaration
// order, with before_all/before_each/after_each/after_all around them, soft asserts that record
// and go on, pending(), signal watching, awaitable waits and parameterised tests. Exported classes
// whose names start with "Test" are run too, as GUT's inner classes. A project's test entry is a
// scene script that re-exports the runner:
//
//   // res://gut_runner.ts
//   export { GutRunner as default } from "gut";
//
//   quickdot --path <project> --script res://gut_runner.ts -gdir=res://tests -ginclude_subdirs -gexit
//
// See ts-types/gut/README.md for the differences from GUT.
//
// The files are compiled into bin/gut, which the engine serves as built-in modules: this one as
// "gut", the others as "gut/<file>.js". They may import "godot" and each other, nothing else.

export { SourceLocation, locate_stack, describe_stack } from "./stack_trace.js";
export { str, type_name } from "./strutils.js";
export { find_difference, VectorLike } from "./comparator.js";
export { JsTypeName, GutTestClass, GutTest } from "./test.js";
export { GutRunSummary, GutRunner } from "./gut_runner.js";
