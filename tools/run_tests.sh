#!/usr/bin/env bash
# Every test suite, against the sanitizer build where the engine runs (ASan + UBSan + LSan).
# Assumes ./dev.sh test (or the same steps by hand) has built and compiled everything.
# Exit code 0 only if every suite passed; each suite's result is listed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
engine=bin/quickdot.san
native_tests=bin/quickdot_tests.san

results=()
failed=0
suite() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  local start=$SECONDS rc=0
  "$@" || rc=$?
  if [ "$rc" -eq 0 ]; then
    results+=("PASS  $name ($((SECONDS - start)) s)")
  elif [ "$rc" -eq 77 ]; then # The suite cannot run here; it said why (never counted as passed).
    results+=("SKIP  $name ($((SECONDS - start)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - start)) s)")
    failed=1
  fi
}

typings() {
  local dump_dir
  dump_dir=$(mktemp -d)
  (cd "$dump_dir" && "$OLDPWD/$engine" --dump-extension-api --path "$OLDPWD/demo_project") || return 1
  node ts-types/generator/build/conformance.js "$dump_dir/extension_api.json" ts-types/reference/godot-4.6-api-subset.json || { rm -rf "$dump_dir"; return 1; }
  tools/gen_types.sh --check "$dump_dir/extension_api.json" || { rm -rf "$dump_dir"; return 1; }
  node ts-types/generator/build/builtin_conformance.js "$dump_dir/extension_api.json" \
    ts-types/reference/godot-4.6-builtin-classes.json ts-types/godot.d.ts || { rm -rf "$dump_dir"; return 1; }
  rm -rf "$dump_dir"
  echo "    tsc --strict --noEmit: typings, type tests, projects"
  node_modules/.bin/tsc -p ts-types/tests --noEmit || return 1
  echo "    tsc --strict --noEmit: a project with its own \"include\""
  node_modules/.bin/tsc -p ts-types/tests/own_include
}

script_tests() {
  "$engine" --headless --path tests/project -gdir=res://tests -ginclude_subdirs -gexit -gjunit_xml_file=user://junit.xml
}

suite "Formatting (clang-format 14, prettier)" tools/check_format.sh
suite "Native tests (doctest, sanitizers)" "$native_tests"
suite "Soak without sanitizers: RSS back to its post-warm-up level" bin/quickdot_tests -tc='*Soak*'
suite "Engine smoke test (sanitizers)" tests/run_smoke.sh "$engine"
suite "One step to run: the engine compiles changed TypeScript (sanitizers)" tests/script_build_test.sh "$engine"
suite "Built-in value types against Godot 4.6.3's results (Node)" tests/builtins/run_check.sh
suite "Typings: API conformance, staleness, type tests" typings
suite "Compiled TypeScript is current (gut.d.ts)" tools/build_ts.sh --check
suite "GUT framework self-test (sanitizers)" tests/gut_selftest.sh "$engine"
suite "TypeScript test suites (GUT runner, sanitizers)" script_tests
suite "Crypto interop with the openssl CLI, from TypeScript" tests/run_crypto_cli_test.sh "$engine"
suite "Demo project (sanitizers)" tests/run_demo_test.sh "$engine"
suite "DTLS interop with openssl and gnutls (sanitizers)" tests/interop/run_interop.sh "$engine"
suite "Interop with real Godot 4.6.3 (sid chroot; sanitizers)" tests/godot_interop/run_godot_interop.sh "$engine"
suite "Fuzz smoke: libFuzzer targets over their corpora, then 20 s each" tests/fuzz/run_fuzz_smoke.sh

printf '\n==> Summary\n'
printf '    %s\n' "${results[@]}"
exit $failed
