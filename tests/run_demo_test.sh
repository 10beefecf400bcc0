#!/usr/bin/env bash
# Runs demo_project headless, as the README's first command does, and checks its summary.
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
out=$(mktemp)
timeout 120 "$engine" --headless --path demo_project >"$out" 2>&1
code=$?
fail=0
check() { if grep -qE -- "$1" "$out"; then echo "    ok: $2"; else echo "    FAIL: $2"; fail=1; fi; }
check "accepted 3 connections through take_connection" "the server accepted 3 clients with DTLSServer.take_connection"
check "relayed [1-9][0-9]* messages" "the server relayed messages between clients"
check "clients: 3/3 connected and chatted, 1 impostor refused, 0 errors" "every client chatted; the wrong-hostname client was refused"
check "mallory +refused: hostname mismatch" "the impostor saw STATUS_ERROR_HOSTNAME_MISMATCH"
check "=== demo OK ===" "the demo reports success"
if [ "$code" -eq 0 ]; then echo "    ok: exit code 0"; else echo "    FAIL: exit code $code"; fail=1; fi
[ $fail -eq 0 ] || { echo "--- demo output ---"; cat "$out"; }
rm -f "$out"
exit $fail
