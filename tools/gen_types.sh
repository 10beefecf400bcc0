#!/usr/bin/env bash
# Regenerates ts-types/godot.d.ts from an engine API dump (`bin/quickdot --dump-extension-api`) and,
# for the value types (Vector2, Color...), Godot's own dump of them (ts-types/reference).
#   tools/gen_types.sh [<dump.json>]           compile the generator, rewrite ts-types/godot.d.ts
#   tools/gen_types.sh --check [<dump.json>]   fail if the committed ts-types/godot.d.ts is stale
# Without a dump file, bin/quickdot makes one (with demo_project's modules loaded).
set -euo pipefail

usage() {
  echo "usage: tools/gen_types.sh [--check] <dump.json>" >&2
  exit 2
}

check=no
if [ "${1:-}" = "--check" ]; then
  check=yes
  shift
fi
[ $# -le 1 ] || usage
if [ $# -eq 1 ]; then
  [ -f "$1" ] || { echo "gen_types: no such file: $1" >&2; exit 2; }
  dump_arg=$1
  dump=$(realpath "$1")   # resolved before the cd below
  cd "$(dirname "$0")/.."
else
  cd "$(dirname "$0")/.."
  dump_dir=$(mktemp -d)
  trap 'rm -rf "$dump_dir"' EXIT
  engine=$PWD/bin/quickdot
  (cd "$dump_dir" && "$engine" --dump-extension-api --path "$OLDPWD/demo_project")
  dump=$dump_dir/extension_api.json
  dump_arg=""
fi

builtins=ts-types/reference/godot-4.6-builtin-classes.json
tsc=node_modules/.bin/tsc
[ -x "$tsc" ] || { echo "gen_types: $tsc not found: run tools/setup.sh (or npm ci) first" >&2; exit 2; }
"$tsc" -p ts-types/generator

if [ "$check" = no ]; then
  node ts-types/generator/build/generate.js "$dump" "$builtins" ts-types
  echo "gen_types: wrote ts-types/godot.d.ts"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" ${dump_dir:+"$dump_dir"}' EXIT
node ts-types/generator/build/generate.js "$dump" "$builtins" "$tmp"
if ! cmp -s "$tmp/godot.d.ts" ts-types/godot.d.ts; then
  echo "ts-types/godot.d.ts is stale: run tools/gen_types.sh $dump_arg" >&2
  diff -u ts-types/godot.d.ts "$tmp/godot.d.ts" | head -n 40 >&2 || true
  exit 1
fi
echo "gen_types: ts-types/godot.d.ts is up to date"
