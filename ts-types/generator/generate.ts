// node ts-types/generator/build/generate.js <extension_api.json> <builtin_classes.json> <out_dir>
// Writes <out_dir>/godot.d.ts from an API dump in Godot's --dump-extension-api format (the engine's
// classes) and the builtin-class part of Godot's own dump (the value types).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadApi, loadBuiltinApi } from "./api.js";
import { BUILTIN_DOCS } from "./builtin_docs.js";
import { DocIndex } from "./doccomment.js";
import { DOCS } from "./docs.js";
import { generateTypings } from "./typings.js";

function main(args: readonly string[]): number {
  const [dumpPath, builtinsPath, outDir] = args;
  if (args.length !== 3 || dumpPath === undefined || builtinsPath === undefined || outDir === undefined) {
    process.stderr.write(
      "usage: node ts-types/generator/build/generate.js <extension_api.json> <builtin_classes.json> <out_dir>\n",
    );
    return 2;
  }
  const warn = (message: string): void => {
    process.stderr.write(`generate: warning: ${message}\n`);
  };
  const docs = new DocIndex({ ...DOCS, ...BUILTIN_DOCS });
  const typings = generateTypings(loadApi(dumpPath), loadBuiltinApi(builtinsPath), docs, warn);
  for (const key of docs.unusedKeys())
    warn(`docs entry "${key}" (docs.ts, builtin_docs.ts) matches nothing in the dumps`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "godot.d.ts"), typings);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
