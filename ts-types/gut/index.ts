// The "gut" module's public API: what `import ... from "gut"` sees. The engine serves the
// compiled folder bin/gut as built-in modules: this file as "gut", the others as "gut/<file>.js".

export { SourceLocation, locate_stack, describe_stack, str, type_name, find_difference } from "./test.js";
export { JsTypeName, VectorLike, GutTestClass, GutTest, GutRunSummary, GutRunner } from "./test.js";
