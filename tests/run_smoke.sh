#!/usr/bin/env bash
# Issue 2's promise, checked: a TS scene runs headless, an exception in _process is reported as
# main.ts:LINE and the next frame still runs, and the exit code is the one passed to quit().
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
out=$(mktemp)
"$engine" --headless --path tests/smoke_project -- alpha beta >"$out" 2>&1
code=$?
fail=0
check() { if grep -q -- "$1" "$out"; then echo "    ok: $2"; else echo "    FAIL: $2 (no \"$1\" in output)"; fail=1; fi; }
check "smoke: ready, user args alpha,beta" "user args after -- reach OS.get_cmdline_user_args()"
check "res://main.ts:13:" "the exception is reported at main.ts line 13"
check "smoke: frame 4 ran after the exception" "the frame after the exception still runs"
if [ "$code" -eq 7 ]; then echo "    ok: exit code 7 from quit(7)"; else echo "    FAIL: exit code $code, expected 7"; fail=1; fi
if "$engine" --bogus-option >/dev/null 2>&1; then echo "    FAIL: an unknown option was accepted"; fail=1; else echo "    ok: unknown option refused"; fi
if "$engine" --path /nonexistent >/dev/null 2>&1; then echo "    FAIL: a missing project was accepted"; fail=1; else echo "    ok: missing project refused"; fi
[ $fail -eq 0 ] || { echo "--- engine output ---"; cat "$out"; }
rm -f "$out"
exit $fail
