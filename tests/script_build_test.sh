#!/usr/bin/env bash
# One step to run: `quickdot --path P` compiles P's TypeScript when a .ts file changed, never runs
# JavaScript older than its source or the output of a failed compile, and reports errors against
# the .ts files. Runs on a copy of tests/script_build_project in a temporary folder.
#   tests/script_build_test.sh [engine]   (default bin/quickdot; needs node_modules/.bin/tsc)
set -uo pipefail
cd "$(dirname "$0")/.."
engine=$(realpath "${1:-bin/quickdot}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" # user:// stays in the temporary folder.
project=$tmp/project
cp -r tests/script_build_project "$project"
rm -rf "$project/.quickdot"
# The copy is elsewhere: extend the checkout's base configuration by its absolute path.
printf '{ "extends": "%s/ts-types/tsconfig.base.json" }\n' "$PWD" >"$project/tsconfig.json"
out=$tmp/out
source tests/check_lib.sh

# absent <extended regex> <what it proves>: the pattern must not appear in $out.
absent() { if grep -qE -- "$1" "$out"; then echo "    FAIL: $2 (\"$1\" in output)"; fail=1; else echo "    ok: $2"; fi; }

# lines <count> <extended regex> <what it proves>: exactly <count> lines of $out match.
lines() {
  local found
  found=$(grep -cE -- "$2" "$out")
  if [ "$found" -eq "$1" ]; then echo "    ok: $3"; else echo "    FAIL: $3 (\"$2\" on $found lines, expected $1)"; fail=1; fi
}

# The output of the last run, when one of its checks failed.
failed_before=0
show_failed_run() {
  [ $fail -eq $failed_before ] || { echo "--- its engine output ---"; cat "$out"; }
  failed_before=$fail
}

# run <title> <engine options...>: the engine on the copy; fills $out and $code.
run() {
  show_failed_run
  echo "  [$1]"
  shift
  timeout 120 "$engine" --headless --path "$project" "$@" >"$out" 2>&1
  code=$?
}

# File times have a clock tick's resolution: step past the last compile's before editing.
edit() {
  sleep 0.1
  sed -i "$2" "$project/$1"
}

run "first run"
check "^Compiling TypeScript \(.*changed\): tsc -p " "the first run compiles the project"
check "^script_build: hello v1$" "then runs the compiled scene"
expect_code 0 "exit code 0"

run "second run"
absent "Compiling TypeScript" "nothing changed: no compile"
check "^script_build: hello v1$" "the scene runs"

edit main.ts 's/"v1"/"v2"/'
run "main.ts edited"
check "^Compiling TypeScript \(res://main.ts changed\)" "an edited .ts file is recompiled"
check "^script_build: hello v2$" "the new JavaScript runs"

sleep 0.1
touch "$project/helper.ts"
run "helper.ts touched"
check "^Compiling TypeScript \(res://helper.ts changed\)" "a touched .ts file is recompiled"

edit main.ts '$a const broken: number = "text";'
run "type error"
check "main\.ts\(14,7\): error TS2322" "tsc's error names main.ts, line 14"
check "tsc found errors \(listed above\), so nothing was run" "the engine says it ran nothing"
absent "script_build:" "the previous JavaScript did not run"
expect_code 1 "exit code 1"

run "type error, second run"
check "main\.ts\(14,7\): error TS2322" "the failed compile left the old output stale: compiled (and refused) again"
absent "script_build:" "the previous JavaScript still did not run"

edit main.ts '$d'
run "--no-build, stale main.ts" --no-build
check "The JavaScript of res://main.ts is missing or older than the .ts source \(.quickdot/js/main.js\)" "stale JavaScript is refused, naming the file"
check "Run without --no-build to compile it, or compile with tools/build_ts.sh " "the refusal says how to compile"
absent "Compiling TypeScript" "--no-build does not compile"
absent "script_build:" "the stale JavaScript did not run"
expect_code 1 "exit code 1"

QUICKDOT_TSC=$tmp/no-tsc run "no tsc, stale main.ts"
check "tsc is not at $tmp/no-tsc \(QUICKDOT_TSC\)" "without tsc, stale JavaScript is refused, saying where tsc was looked for"
absent "script_build:" "the stale JavaScript did not run"
expect_code 1 "exit code 1"

printf '#!/bin/sh\necho "wrapped tsc $*"\nexec "%s/node_modules/.bin/tsc" "$@"\n' "$PWD" >"$tmp/wrapped-tsc"
chmod +x "$tmp/wrapped-tsc"
QUICKDOT_TSC=$tmp/wrapped-tsc run "QUICKDOT_TSC names the tsc"
check "^wrapped tsc -p $project$" "QUICKDOT_TSC's tsc compiles"
check "^script_build: hello v2$" "the recompiled scene runs"

QUICKDOT_TSC=$tmp/no-tsc run "no tsc, current output"
check "^script_build: hello v2$" "without tsc, current JavaScript runs"
expect_code 0 "exit code 0"

edit helper.ts 's/"hello"/"hi"/'
show_failed_run
echo "  [two engines started together on a changed project]"
timeout 120 "$engine" --headless --path "$project" >"$tmp/first" 2>&1 &
timeout 120 "$engine" --headless --path "$project" >"$tmp/second" 2>&1
wait $!
cat "$tmp/first" "$tmp/second" >"$out"
lines 1 "^Compiling TypeScript" "one of them compiles, the other waits for it"
lines 2 "^script_build: hi v2$" "both run the new JavaScript"
absent "SCRIPT ERROR" "neither read half-written JavaScript"

run "an import throws at its top level" --script res://boom.ts
lines 1 "^SCRIPT ERROR: Error: thrown while importing$" "the exception is reported, once"
check "in loading res://boom\.ts, at .*res://fails_on_import\.ts:5:" "while loading boom.ts, at fails_on_import.ts, line 5"
absent "\.quickdot/js" "no compiled path in the report"

run "the scene's own module throws" --script res://fails_on_import.ts
check "res://fails_on_import\.ts:5:" "at fails_on_import.ts, line 5"
absent "\.quickdot/js" "no compiled path in the report"

run "an import of a missing module" --script res://missing_import.ts
check "can't import \"\./not_there\.js\" from res://missing_import\.ts:4: res://not_there\.ts does not exist" "the failed import names the importing .ts file and line, and the missing source"
absent "\.quickdot/js" "no compiled path in the report"

show_failed_run
exit $fail
