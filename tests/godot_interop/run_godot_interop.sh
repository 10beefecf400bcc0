#!/usr/bin/env bash
# Interop with real Godot 4.6.3 (Debian sid's package, in the chroot tools/setup_godot.sh makes):
# GDScript peers (godot_project/, run headless in the chroot) against Quickdot's TypeScript peers
# (quickdot_project/), over loopback:
#   1. Godot's clients -> Quickdot's servers: DTLS verified with a test CA and the hostname
#      (and a wrong hostname refused), every value of tests/reference/godot-4.6-all-types.json and
#      godot-4.6-var-to-bytes.json sent with put_var over DTLS and UDP and echoed by Quickdot with
#      put_var(get_var()) as the same bytes, Godot's var_to_str text parsed by Quickdot, a
#      16000-byte DTLS packet each way, 50 clients at once (join times printed).
#   2. Quickdot's clients -> Godot's DTLS server (default settings): the same handshake cases,
#      values built by a Quickdot script checked by Godot with typeof() and ==, the var_to_str
#      text of each parsed by Godot, a 16000-byte packet each way, 50 clients at once.
# Each case prints PASS or FAIL and the runner ends with the list of failed cases. Exit code 0
# when all passed, 1 when any failed, 77 (SKIPPED, with the reason) when Godot cannot be
# installed here.
# Builds nothing: it needs the engine and the compiled project (tools/build_ts.sh).
#   tests/godot_interop/run_godot_interop.sh [engine]     (default bin/quickdot)
set -euo pipefail
cd "$(dirname "$0")/../.."
engine=${1:-bin/quickdot}
here=tests/godot_interop
root=$PWD/thirdparty/godot-sid
sessions=52 # DTLS sessions each server sees: the verified client, the last-words client and the 50 at once (Godot's, one more: the pinned client)
timeout_s=60

fail() { echo "run_godot_interop: $*" >&2; exit 1; }
skip() { echo "SKIPPED  every Godot interop case: $*"; exit 77; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
[ -x "$engine" ] || fail "$engine not found; build it with scons"
[ -f "$here/quickdot_project/.quickdot/js/main.js" ] || fail "$here/quickdot_project is not compiled; run tools/build_ts.sh"
command -v openssl >/dev/null || fail "openssl not found; tools/setup.sh installs it"

# Godot itself: made once (about 40 s), then reused.
setup_errors=$(mktemp)
setup_rc=0
tools/setup_godot.sh 2>"$setup_errors" || setup_rc=$?
reason=$(tail -n 1 "$setup_errors")
cat "$setup_errors" >&2
rm -f "$setup_errors"
[ "$setup_rc" -ne 77 ] || skip "${reason#setup_godot: }"
[ "$setup_rc" -eq 0 ] || fail "tools/setup_godot.sh failed (exit $setup_rc)"
check_errors=$(tools/run_godot.sh --check 2>&1) || skip "${check_errors#run_godot: }"

# The work folder is inside the chroot, so that Godot sees it as /tmp/<name> and Quickdot as
# $root/tmp/<name>: the certificates, the reference vectors, a copy of the Godot project (Godot
# writes its .godot/ folder there) and Godot's HOME.
tmp=$(tools/run_godot.sh --mktemp quickdot-interop)
inside=${tmp#"$root"}
background=()
cleanup() {
	for pid in "${background[@]}"; do
		as_root kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	as_root rm -rf "$tmp"
}
trap cleanup EXIT
cp -r "$here/godot_project" "$tmp/godot_project"
cp tests/reference/godot-4.6-all-types.json tests/reference/godot-4.6-var-to-bytes.json "$tmp/"
mkdir "$tmp/home"

# A CA and a P-256 certificate for localhost signed by it; both peers verify against the CA.
make_pki() {
	printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n' >"$tmp/leaf.ext"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/ca.key" -out "$tmp/ca.crt" -days 2 \
		-subj "/CN=Quickdot Godot Interop CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/server.key" -out "$tmp/server.csr" -subj "/CN=localhost" &&
		openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -CAcreateserial -out "$tmp/server.crt" -days 2 -extfile "$tmp/leaf.ext" &&
		for name in server ca; do
			# The public key pin, as curl's --pinnedpubkey documents it.
			pin=$(openssl x509 -in "$tmp/$name.crt" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64) &&
				echo "sha256/$pin" >"$tmp/$name.pin" || return 1
		done
}
make_pki >"$tmp/pki.log" 2>&1 || { cat "$tmp/pki.log"; fail "the openssl CLI could not make the test certificates"; }

# Godot headless in the chroot (tools/run_godot.sh: its own /proc, ended with its parent).
run_godot() { # user args...
	tools/run_godot.sh --timeout $((timeout_s + 30)) "$inside/home" --headless --path "$inside/godot_project" -s res://main.gd -- "$@"
}

# Waits for a line matching a pattern in a log (at most 10 s) and prints it.
wait_for_line() { # log, pattern
	for ((i = 0; i < 200; i++)); do
		if grep -q "$2" "$1" 2>/dev/null; then
			grep "$2" "$1" | head -n 1
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# Waits (at most 15 s) for a background process; returns its exit code, or 124 after ending it.
wait_or_kill() { # pid
	for ((i = 0; i < 150; i++)); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$1" 2>/dev/null; then
		as_root kill "$1" 2>/dev/null || true
		wait "$1" 2>/dev/null || true
		return 124
	fi
	wait "$1"
}

failed=()
# Prints the case lines of the logs; a peer that exited badly without saying so is a failed case
# too, and the end of each log is shown when anything failed.
results() { # "what:exit code:log"...
	local entry what rc log bad=0
	for entry in "$@"; do
		IFS=: read -r what rc log <<<"$entry"
		grep -E '^(PASS|FAIL|JOIN) ' "$log" | sed 's/^/    /' || true
		while IFS= read -r line; do
			failed+=("${line#FAIL }")
			bad=1
		done < <(grep '^FAIL ' "$log" | cut -c1-300)
		if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$log"; then
			echo "    FAIL $what exited with $rc"
			failed+=("$what exited with $rc")
			bad=1
		fi
	done
	if [ "$bad" -ne 0 ]; then
		for entry in "$@"; do
			IFS=: read -r what rc log <<<"$entry"
			echo "    --- $what ($(basename "$log"): its first errors, then its last lines)"
			{
				grep -E 'ERROR|[Ee]rror' "$log" | head -n 8
				grep -vE '^(PASS|FAIL|JOIN) ' "$log" | tail -n 4
			} | awk '!seen[$0]++' | cut -c1-400 | sed 's/^/    | /'
		done
	fi
}

started=$SECONDS
echo "==> Godot 4.6.3's clients -> Quickdot's servers ($engine)"
"$engine" --headless --path "$here/quickdot_project" -- servers "$tmp" "$sessions" "$timeout_s" >"$tmp/servers.log" 2>&1 &
servers=$!
background+=("$servers")
if ports=$(wait_for_line "$tmp/servers.log" '^quickdot: ports '); then
	read -r dtls_port echo_port text_port <<<"${ports#quickdot: ports }"
	godot_rc=0
	run_godot client "$inside" "$dtls_port" "$echo_port" "$text_port" >"$tmp/godot_client.log" 2>&1 || godot_rc=$?
	servers_rc=0
	wait_or_kill "$servers" || servers_rc=$?
	results "Godot client_suite.gd:$godot_rc:$tmp/godot_client.log" "Quickdot servers.ts:$servers_rc:$tmp/servers.log"
else
	results "Quickdot servers.ts (never listened):1:$tmp/servers.log"
fi

echo "==> Quickdot's clients ($engine) -> Godot 4.6.3's DTLS server"
run_godot server "$inside" "$((sessions + 1))" "$timeout_s" >"$tmp/godot_server.log" 2>&1 &
godot_server=$!
background+=("$godot_server")
if listening=$(wait_for_line "$tmp/godot_server.log" '^godot: listening on '); then
	clients_rc=0
	timeout $((timeout_s + 30)) "$engine" --headless --path "$here/quickdot_project" -- clients "$tmp" "${listening##* }" "$timeout_s" \
		>"$tmp/clients.log" 2>&1 || clients_rc=$?
	godot_rc=0
	wait_or_kill "$godot_server" || godot_rc=$?
	results "Quickdot clients.ts:$clients_rc:$tmp/clients.log" "Godot server_suite.gd:$godot_rc:$tmp/godot_server.log"
else
	results "Godot server_suite.gd (never listened):1:$tmp/godot_server.log"
fi

echo "run_godot_interop: ${#failed[@]} failed case(s) in $((SECONDS - started)) s"
for case_name in "${failed[@]}"; do
	echo "    FAILED: $case_name"
done
[ ${#failed[@]} -eq 0 ]
