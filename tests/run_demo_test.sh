#!/usr/bin/env bash
# Runs demo_project headless, as the README's first command does, and checks its summary.
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
out=$(mktemp)
timeout 120 "$engine" --headless --path demo_project >"$out" 2>&1
code=$?
source tests/check_lib.sh
check "accepted 3 connections through take_connection" "the server accepted 3 clients with DTLSServer.take_connection"
check "relayed [1-9][0-9]* messages" "the server relayed messages between clients"
check "clients: 3/3 connected and chatted, 1 impostor refused, 0 errors" "every client chatted; the wrong-hostname client was refused"
check "mallory +refused: hostname mismatch" "the impostor saw STATUS_ERROR_HOSTNAME_MISMATCH"
check "=== demo OK ===" "the demo reports success"
expect_code 0 "exit code 0"
[ $fail -eq 0 ] || { echo "--- demo output ---"; cat "$out"; }

# Server-only mode, as the README shows it, talking to openssl s_client with verification on.
port=$((20000 + RANDOM % 20000))
cert="${XDG_DATA_HOME:-$HOME/.local/share}/quickdot/app_userdata/Quickdot DTLS demo/demo_server.crt"
timeout 30 "$engine" --headless --path demo_project -- --server --port "$port" >"$out" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q "listening for DTLS" "$out" && break; sleep 0.1; done
reply=$( (printf 'hello from s_client\n'; sleep 2) | timeout 10 openssl s_client -dtls1_2 -connect "127.0.0.1:$port" \
  -CAfile "$cert" -verify_hostname localhost -verify_return_error -quiet -no_ign_eof 2>/dev/null)
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
if grep -q 'raw text from a DTLS client: "hello from s_client"' "$out"; then
  echo "    ok: the server-only demo received a line from openssl s_client -dtls1_2 (certificate verified for localhost)"
else
  echo "    FAIL: the server-only demo did not receive s_client's line"; fail=1; cat "$out"
fi
if [ "$reply" = "hello from s_client" ]; then echo "    ok: s_client got its line echoed back"; else echo "    FAIL: s_client got \"$reply\""; fail=1; fi
rm -f "$out"
exit $fail
