#!/usr/bin/env bash
# DTLS interop between Quickdot's TypeScript scenes (tests/interop_project) and other DTLS 1.2
# stacks: OpenSSL's s_client/s_server and GnuTLS's gnutls-cli/gnutls-serv.
#   (a) the TS echo server (UDPServer + DTLSServer.take_connection) <- s_client, gnutls-cli
#   (b) the TS client (PacketPeerDTLS.connect_to_peer) -> s_server -listen, gnutls-serv --echo,
#       verifying the server (a CA and a localhost certificate made here with the openssl CLI)
#       and with TLSOptions.client_unsafe(); plus a name mismatch and an untrusted chain.
#   Also with 16000-byte lines: Quickdot sends each as one DTLS record in one datagram, as Godot
#   does, over paths whose handshake MTU is 1200 bytes, and receives s_server's as one. The
#   command-line clients cannot send one that large (s_client writes 8 KiB records, gnutls-cli
#   4 KiB ones, and only with --mtu raised); gnutls-serv --echo answers in 128-byte records.
#   Then run_trust_interop.sh (sourced): the trust extensions (key pins, CRLs, client
#   certificates, pre-shared keys, certificate validity dates) both ways.
# Builds nothing: it needs bin/quickdot (scons) and the compiled project
# (node_modules/.bin/tsc -p tests/interop_project). Each case prints PASS or FAIL with the
# handshake time the scene measured; the exit code is the number of failures (0 = all passed).
#   tests/interop/run_interop.sh [engine]     (default bin/quickdot)
set -uo pipefail
cd "$(dirname "$0")/../.."
engine=${1:-bin/quickdot}
project=tests/interop_project

fail() { echo "run_interop: $*" >&2; exit 1; }
[ -x "$engine" ] || fail "$engine not found; build it with scons"
[ -f "$project/.quickdot/js/main.js" ] || fail "$project is not compiled; run node_modules/.bin/tsc -p $project"
for tool in openssl gnutls-cli gnutls-serv timeout; do
	command -v "$tool" >/dev/null || fail "$tool not found; tools/setup.sh installs it (packages openssl, gnutls-bin)"
done

tmp=$(mktemp -d)
background=()
cleanup() {
	for pid in "${background[@]}"; do
		kill "$pid" 2>/dev/null
	done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# ---------------------------------------------------------------- Certificates
# A CA, a P-256 server certificate for localhost / 127.0.0.1 signed by it, and an unrelated CA.
make_pki() {
	local ext=$tmp/leaf.ext
	printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$ext"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/ca.key" -out "$tmp/ca.crt" -days 2 \
		-subj "/CN=Quickdot Interop CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/other_ca.key" -out "$tmp/other_ca.crt" -days 2 \
			-subj "/CN=Someone Else's CA" -addext "basicConstraints=critical,CA:TRUE" &&
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/server.key" -out "$tmp/server.csr" -subj "/CN=localhost" &&
		openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -CAcreateserial -out "$tmp/server.crt" -days 2 -extfile "$ext"
}
make_pki >"$tmp/pki.log" 2>&1 || { cat "$tmp/pki.log"; fail "the openssl CLI could not make the test certificates"; }

# A UDP port that is free right now on 127.0.0.1 (asked from the kernel when python3 exists).
free_port() {
	if command -v python3 >/dev/null; then
		python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
	else
		echo $((20000 + RANDOM % 40000))
	fi
}

# Starts p_command (s_server) in the background, its stdin a fifo that gives it p_line after
# 0.5 s and then stays open for 8 s (s_server sends its stdin to the client and ends at EOF);
# sets server_pid and feeder_pid, which stop_server ends (not a pipeline: waiting for one waits
# for its whole job, the 8 s included).
start_fed() { # output file, line, command...
	local out=$1 line=$2 fifo=$tmp/$case_number.stdin
	shift 2
	mkfifo "$fifo"
	printf '%s\n' "$line" >"$fifo.line" # cat writes it in one write(), so s_server reads it whole.
	"$@" <"$fifo" >"$out" 2>&1 &
	server_pid=$!
	(sleep 0.5; cat "$fifo.line"; exec sleep 8) >"$fifo" &
	feeder_pid=$!
	background+=("$server_pid" "$feeder_pid")
}

stop_server() {
	kill "$server_pid" ${feeder_pid:+"$feeder_pid"} 2>/dev/null
	wait "$server_pid" ${feeder_pid:+"$feeder_pid"} 2>/dev/null
	feeder_pid=""
}

# ---------------------------------------------------------------- Reporting
failures=0
case_number=0
server_pid=""
feeder_pid=""
report() { # name, ok (0/1), log files to show on failure...
	local name=$1 ok=$2
	shift 2
	local time
	time=$(grep -ho 'handshake completed in [0-9]* ms' "$@" 2>/dev/null | head -n 1 | grep -o '[0-9]* ms')
	if [ "$ok" -eq 0 ]; then
		echo "PASS  $name${time:+ (handshake $time)}"
	else
		echo "FAIL  $name"
		failures=$((failures + 1))
		for file in "$@"; do
			echo "  --- $(basename "$file")"
			tail -n 15 "$file" | cut -c 1-300 | sed 's/^/  | /'
		done
	fi
}

# Waits (at most p_tenths tenths of a second) for a process to end; returns its exit code, or
# 124 after killing it.
wait_for() {
	local pid=$1 tenths=$2
	for ((i = 0; i < tenths; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		return 124
	fi
	wait "$pid"
}

# ---------------------------------------------------------------- (a) TS server, foreign clients
# A line of p_bytes - 1 copies of p_char (the newline makes p_bytes).
long_line() { # bytes, char
	head -c $(($1 - 1)) /dev/zero | tr '\0' "$2"
}

server_case() { # name, client kind (openssl|gnutls), [payload bytes]
	local name=$1 kind=$2 bytes=${3:-0}
	case_number=$((case_number + 1))
	local log=$tmp/$case_number.engine.log out=$tmp/$case_number.client.log line="interop via $kind" mtu=1200
	if [ "$bytes" -gt 0 ]; then
		line=$(long_line "$bytes" P)
		mtu=17000 # Lets gnutls-cli send the line as one record; s_client does that at any MTU.
	fi
	"$engine" --headless --path "$project" -- server "$tmp/server.crt" "$tmp/server.key" 8 >"$log" 2>&1 &
	local pid=$!
	background+=("$pid")
	local port=""
	for ((i = 0; i < 100; i++)); do
		port=$(grep -so 'listening on [0-9]*' "$log" | grep -o '[0-9]*$')
		[ -z "$port" ] || break
		sleep 0.05
	done
	if [ -z "$port" ]; then
		report "$name" 1 "$log"
		return
	fi
	# The client's stdin stays open long enough for the echo to come back; its EOF then ends
	# the connection with close_notify, which makes the scene quit.
	if [ "$kind" = openssl ]; then
		{ printf '%s\n' "$line"; sleep 1.5; } | timeout 8 openssl s_client -dtls1_2 -connect "127.0.0.1:$port" -mtu 1200 \
			-CAfile "$tmp/ca.crt" -verify_return_error -verify_hostname localhost -quiet -no_ign_eof >"$out" 2>&1
	else
		{ printf '%s\n' "$line"; sleep 1.5; } | timeout 8 gnutls-cli --udp --mtu "$mtu" -p "$port" --x509cafile="$tmp/ca.crt" \
			--verify-hostname=localhost 127.0.0.1 >"$out" 2>&1
	fi
	local client_rc=$?
	wait_for "$pid" 100
	local engine_rc=$?
	local ok=1
	if [ "$client_rc" -eq 0 ] && [ "$engine_rc" -eq 0 ] && grep -qx "$line" "$out" && grep -q "handshake completed" "$log"; then
		ok=0
	fi
	# The long line went back in one packet.
	if [ "$bytes" -gt 0 ] && ! grep -q "echoing a $bytes-byte line in one packet" "$log"; then
		ok=1
	fi
	report "$name" "$ok" "$log" "$out"
}

# ---------------------------------------------------------------- (b) TS client, foreign servers
# The short greeting went both ways: s_server printed ours and sent its own; gnutls-serv echoed
# ours. p_kind may carry a variant after '_' or ':' (openssl_psk, gnutls:...).
greeted() { # server kind, engine log, server log
	if [ "${1%%[_:]*}" = openssl ]; then
		grep -q 'received "hello from s_server' "$2" && grep -q "hello from quickdot" "$3"
	else
		grep -q 'received "hello from quickdot' "$2"
	fi
}

client_case() { # name, server kind (openssl|gnutls), hostname, verify|unsafe, CA file or -, expected status, [payload bytes]
	local name=$1 kind=$2 hostname=$3 mode=$4 ca=$5 expected=$6 bytes=${7:-0}
	case_number=$((case_number + 1))
	local log=$tmp/$case_number.engine.log out=$tmp/$case_number.server.log port greeting="hello from s_server"
	port=$(free_port)
	[ "$bytes" -eq 0 ] || greeting=$(long_line "$bytes" S)
	if [ "$kind" = openssl ]; then
		start_fed "$out" "$greeting" timeout 9 openssl s_server -dtls1_2 -listen -accept "127.0.0.1:$port" \
			-cert "$tmp/server.crt" -key "$tmp/server.key" -mtu 1200 -naccept 1 -quiet
	else
		timeout 9 gnutls-serv --udp --echo -p "$port" --x509certfile="$tmp/server.crt" --x509keyfile="$tmp/server.key" \
			--disable-client-cert --mtu 1200 >"$out" 2>&1 &
		server_pid=$!
		background+=("$server_pid")
	fi
	sleep 0.2 # A ClientHello sent before the server is up is retransmitted anyway.
	local payload=()
	[ "$bytes" -eq 0 ] || payload=("$bytes")
	timeout 15 "$engine" --headless --path "$project" -- client "$port" "$hostname" "$mode" "$ca" "$expected" 8 "${payload[@]}" >"$log" 2>&1
	local rc=$?
	stop_server
	local ok=1
	if [ "$rc" -eq 0 ]; then
		if [ "$expected" != connected ]; then
			ok=0
		elif [ "$bytes" -gt 0 ] && [ "$kind" = openssl ]; then
			# Each way one record: s_server's stdin line arrives whole, and it prints ours.
			grep -q "received $bytes bytes in 1 packet(s)" "$log" && grep -qx "$(long_line "$bytes" Q)" "$out" && ok=0
		elif [ "$bytes" -gt 0 ]; then
			grep -q "received $bytes bytes in" "$log" && ok=0
		else
			greeted "$kind" "$log" "$out" && ok=0
		fi
	fi
	report "$name" "$ok" "$log" "$out"
}

started=$SECONDS
server_case "TS DTLSServer echo  <- openssl s_client -dtls1_2 (CA + hostname verified)" openssl
server_case "TS DTLSServer echo  <- gnutls-cli --udp (CA + hostname verified)" gnutls
client_case "TS PacketPeerDTLS   -> openssl s_server -listen, TLSOptions.client(CA)" openssl localhost verify "$tmp/ca.crt" connected
client_case "TS PacketPeerDTLS   -> openssl s_server -listen, TLSOptions.client_unsafe()" openssl unverified.example unsafe - connected
client_case "TS PacketPeerDTLS   -> gnutls-serv --udp --echo, TLSOptions.client(CA)" gnutls localhost verify "$tmp/ca.crt" connected
client_case "TS PacketPeerDTLS   -> gnutls-serv --udp --echo, TLSOptions.client_unsafe()" gnutls unverified.example unsafe - connected
client_case "TS PacketPeerDTLS   -> openssl s_server, wrong name: STATUS_ERROR_HOSTNAME_MISMATCH" openssl wrong.example verify "$tmp/ca.crt" hostname_mismatch
client_case "TS PacketPeerDTLS   -> gnutls-serv, unrelated CA: STATUS_ERROR" gnutls localhost verify "$tmp/other_ca.crt" error
server_case "TS DTLSServer echo  <- openssl s_client, a 16000-byte line echoed in one packet" openssl 16000
server_case "TS DTLSServer echo  <- gnutls-cli --udp, a 16000-byte line echoed in one packet" gnutls 16000
client_case "TS PacketPeerDTLS   -> openssl s_server, a 16000-byte packet each way" openssl localhost verify "$tmp/ca.crt" connected 16000
client_case "TS PacketPeerDTLS   -> gnutls-serv --echo, a 16000-byte packet out" gnutls localhost verify "$tmp/ca.crt" connected 16000
source tests/interop/run_trust_interop.sh
echo "run_interop: $((case_number - failures))/$case_number passed in $((SECONDS - started)) s"
exit "$failures"
