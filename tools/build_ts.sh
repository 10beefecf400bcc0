#!/usr/bin/env bash
# Compiles Quickdot's TypeScript with the pinned tsc: the built-in "gut" module into bin/gut (and
# its typings, bundled into one file, into ts-types/gut.d.ts), then each project (or only the one
# given) into its .quickdot/js folder. Projects compile with --strict (ts-types/tsconfig.base.json).
#   tools/build_ts.sh               everything
#   tools/build_ts.sh <project_dir> the gut module and one project
#   tools/build_ts.sh --check       fail if ts-types/gut.d.ts is stale (does not write it)
set -euo pipefail
cd "$(dirname "$0")/.."
tsc=node_modules/.bin/tsc
[ -x "$tsc" ] || { echo "build_ts: $tsc not found: run tools/setup.sh (or npm ci) first" >&2; exit 2; }

compile() {
  echo "    tsc -p $1"
  "$tsc" -p "$1"
}

# tsc writes one declaration file per gut source file (bin/gut/types/*.d.ts); projects need them
# as one `declare module "gut" { ... }`, next to godot.d.ts. Prints the bundled text.
bundle_gut_declarations() {
  node tools/bundle_declarations.js "$1" gut 'ts-types/gut/*.ts (the "gut" test framework)'
}

build_gut() {
  rm -rf bin/gut # The engine serves every .js file there: none may outlive its source.
  compile ts-types/gut
  bundle_gut_declarations bin/gut/types > ts-types/gut.d.ts.tmp
  mv ts-types/gut.d.ts.tmp ts-types/gut.d.ts
}

if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$tsc" -p ts-types/gut --outDir "$tmp/js" --declarationDir "$tmp/types"
  bundle_gut_declarations "$tmp/types" > "$tmp/gut.d.ts"
  if ! cmp -s "$tmp/gut.d.ts" ts-types/gut.d.ts; then
    echo "ts-types/gut.d.ts is stale: run tools/build_ts.sh" >&2
    diff -u ts-types/gut.d.ts "$tmp/gut.d.ts" | head -n 40 >&2 || true
    exit 1
  fi
  echo "build_ts: ts-types/gut.d.ts is up to date"
  exit 0
fi

if [ $# -gt 0 ]; then
  build_gut # The project may import "gut": its typings must be current.
  compile "$1"
  exit 0
fi
build_gut
compile ts-types/generator # The typings generator and conformance checker the tests run.
# Every project is compiled even when one has errors; the exit code says whether all compiled.
failed=()
for project in demo_project tests/smoke_project tests/project tests/gut_fixtures tests/interop_project tests/godot_interop/quickdot_project; do
  if [ -f "$project/tsconfig.json" ]; then
    compile "$project" || failed+=("$project")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "build_ts: type errors in: ${failed[*]}" >&2
  exit 1
fi
