#!/usr/bin/env bash
# Issue 2's promise, checked: a TS scene runs headless, an exception in _process is reported as
# main.ts:LINE and the next frame still runs, and the exit code is the one passed to quit().
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
out=$(mktemp)
"$engine" --headless --path tests/smoke_project -- alpha beta >"$out" 2>&1
code=$?
source tests/check_lib.sh
check "smoke: ready, user args alpha,beta" "user args after -- reach OS.get_cmdline_user_args()"
check "res://main.ts:13:" "the exception is reported at main.ts line 13"
check "smoke: frame 4 ran after the exception" "the frame after the exception still runs"
expect_code 7 "exit code 7 from quit(7)"
if "$engine" --bogus-option >/dev/null 2>&1; then echo "    FAIL: an unknown option was accepted"; fail=1; else echo "    ok: unknown option refused"; fi
if "$engine" --path /nonexistent >/dev/null 2>&1; then echo "    FAIL: a missing project was accepted"; fail=1; else echo "    ok: missing project refused"; fi
[ $fail -eq 0 ] || { echo "--- engine output ---"; cat "$out"; }

run_scene() { # script, extra options...; sets $code and fills $out
  local script=$1
  shift
  timeout 60 "$engine" --headless --path tests/smoke_project --script "res://$script" "$@" >"$out" 2>&1
  code=$?
}

run_scene runaway.ts --script-timeout 1
check "watchdog limit" "an endless loop is stopped by the watchdog and reported"
check "runaway.ts:1[0-9]:" "the watchdog report names runaway.ts and the line"
check "runaway: frame 3 ran after the watchdog" "the engine goes on after the watchdog"
expect_code 5 "the runaway scene still quits with its code"

run_scene hungry.ts --script-memory-limit 64
check "out of memory" "running out of script memory is reported"
check "hungry: frame 3 ran after running out of script memory" "the engine goes on after the memory limit"
expect_code 6 "the hungry scene still quits with its code"

run_scene output.ts
check "^TypeError: output: bad input$" "print() of an Error shows its name and message"
check "^    at _ready \(res://output.ts:10:" "and its stack, at the .ts line"
check '^\{ "hp": 100, "pos": \(3\.0, 4\.0\), "tags": \["a", "b"\] \}$' "console.log of an object prints it as Godot's str()"
check "^output: values \(1\.0, 0\.5, 0\.0, 1\.0\) \(1\.5, 2\.0\) 2\.5$" "Godot values print as str() does, in console.log and in toString()"
check "^ERROR: RangeError: output: out of range$" "console.error of an Error"
every_frame=$(grep -c "^SCRIPT ERROR: Error: output: every frame" "$out")
if [ "$every_frame" -eq 1 ]; then echo "    ok: an exception thrown every frame is printed once"; else echo "    FAIL: the exception thrown every frame was printed $every_frame times"; fail=1; fi
check "^SCRIPT ERROR: Error: output: once" "a different exception in between is printed"
check "^SCRIPT ERROR \(the same again, 48 more times\): Error: output: every frame" "the repeats are counted when the run ends"
expect_code 0 "the output scene quits normally"

run_scene no_module.ts
check "no_module: refused: .*Crypto is not available" "without the .gdextension file, new Crypto() is a clear error"
check "no_module: refused: .*PacketPeerDTLS is not available" "without the .gdextension file, new PacketPeerDTLS() is a clear error"
check "OpenSSL module is not loaded" "the message says the OpenSSL module is not loaded"
expect_code 0 "the scene goes on after the refusals"
rm -f "$out"
exit $fail
