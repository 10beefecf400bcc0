#!/usr/bin/env node
// Bundles the declarations tsc writes for a built-in module's files (one .d.ts per source file)
// into one ambient `declare module "<name>" { ... }`, which projects see next to godot.d.ts.
//   node tools/bundle_declarations.js <declaration folder> <module name> <source description>
// Keeps what index.d.ts re-exports (`export { a, b } from "./file.js"`), in that order, with one
// import from "godot" of the names they use. Fails when a kept declaration refers to a type of
// the module's files that index.d.ts does not export, since projects could not name it.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const [types_dir, module_name, source_description] = process.argv.slice(2);
if (source_description === undefined) {
  console.error("usage: bundle_declarations.js <declaration folder> <module name> <source description>");
  process.exit(2);
}

function fail(message) {
  console.error(`bundle_declarations: ${message}`);
  process.exit(1);
}

function parse(file) {
  const full = path.join(types_dir, file);
  if (!fs.existsSync(full)) fail(`${full} does not exist`);
  const text = fs.readFileSync(full, "utf8").replace(/\r\n/g, "\n");
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
}

// "./test.js" → "test.d.ts"
function declaration_file(specifier) {
  return specifier.replace(/^\.\//, "").replace(/\.js$/, "") + ".d.ts";
}

function declared_names(statement) {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText());
  return statement.name === undefined ? [] : [statement.name.text];
}

function is_exported(statement) {
  return (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export) !== 0;
}

// The type names a declaration refers to (not its member names).
function referenced_types(node, found = new Set()) {
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) found.add(node.typeName.text);
  else if (ts.isExpressionWithTypeArguments(node) && ts.isIdentifier(node.expression)) found.add(node.expression.text);
  else if (ts.isTypeQueryNode(node) && ts.isIdentifier(node.exprName)) found.add(node.exprName.text);
  ts.forEachChild(node, (child) => {
    referenced_types(child, found); // A value returned here would stop forEachChild.
  });
  return found;
}

const index = parse("index.d.ts");
const exported = []; // { name, file }
for (const statement of index.statements) {
  if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) {
    fail(`index.d.ts: only \`export { ... } from "./file.js"\` is supported, found: ${statement.getText()}`);
  }
  for (const element of statement.exportClause.elements) {
    if (element.propertyName !== undefined) fail(`index.d.ts: renamed export ${element.getText()} is not supported`);
    exported.push({ name: element.name.text, file: declaration_file(statement.moduleSpecifier.text) });
  }
}
const public_names = new Set(exported.map((item) => item.name));

// file → { source, godot: Map(local name → import text), local: Set(names imported from the
// module's other files or declared here without index.d.ts exporting them) }
const files = new Map();
function file_info(file) {
  if (!files.has(file)) {
    const source = parse(file);
    const godot = new Map();
    const local = new Set();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const bindings = statement.importClause?.namedBindings;
      const names = bindings !== undefined && ts.isNamedImports(bindings) ? bindings.elements : [];
      for (const element of names) {
        if (statement.moduleSpecifier.text === "godot") godot.set(element.name.text, element.getText());
        else local.add(element.name.text);
      }
    }
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !public_names.has(declared_names(statement)[0])) {
        for (const name of declared_names(statement)) local.add(name);
      }
    }
    files.set(file, { source, godot, local });
  }
  return files.get(file);
}

const body = [];
const godot_imports = new Map();
for (const { name, file } of exported) {
  const info = file_info(file);
  const statements = info.source.statements.filter((s) => !ts.isImportDeclaration(s) && declared_names(s).includes(name));
  if (statements.length === 0 || !statements.every(is_exported)) fail(`${file} does not export ${name}`);
  for (const statement of statements) {
    for (const type of referenced_types(statement)) {
      if (info.godot.has(type)) godot_imports.set(type, info.godot.get(type));
      else if (info.local.has(type) && !public_names.has(type)) {
        fail(`${name} (${file}) refers to ${type}, which index.d.ts does not export`);
      }
    }
    body.push(info.source.text.slice(statement.getFullStart(), statement.getEnd()).replace(/^\n+/, ""));
  }
}

const lines = [];
if (godot_imports.size > 0) lines.push(`import { ${[...godot_imports.values()].join(", ")} } from "godot";`);
for (const line of body.join("\n").split("\n")) {
  // Inside `declare module` everything is ambient already.
  lines.push(line.replace(/^export declare /, "export ").replace(/^declare /, ""));
}
process.stdout.write(
  `// Generated by tools/build_ts.sh from ${source_description}. Do not edit.\n` +
    `declare module "${module_name}" {\n` +
    lines.map((line) => (line === "" ? "" : "  " + line)).join("\n") +
    "\n}\n",
);
