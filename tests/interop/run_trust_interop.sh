# Sourced by run_interop.sh (it uses its $engine, $project, $tmp, report, wait_for, free_port, greeted,
# background, start_fed and stop_server): Quickdot's trust extensions (beyond Godot 4.6) against
# the same foreign stacks. Public-key pins computed by the openssl CLI, CRLs made with `openssl ca -gencrl`,
# client certificates both ways, pre-shared keys both ways, and expired / not-yet-valid server
# certificates. Each failure case checks the status and get_error_reason() as the scene printed it.

# ---------------------------------------------------------------- Certificates
# `openssl ca` with a small database, signing as the suite's CA (ca.crt / ca.key), so the
# certificates of run_interop.sh stay valid under its CRL; a second one signs as other_ca for a
# CRL from the wrong issuer.
ca_config() { # name, CA certificate, CA key
	local dir=$tmp/$1.db
	mkdir -p "$dir"
	: >"$dir/index.txt"
	echo 1000 >"$dir/serial"
	echo 1000 >"$dir/crlnumber"
	cat >"$dir/openssl.cnf" <<-EOF
		[ca]
		default_ca = this_ca
		[this_ca]
		database = $dir/index.txt
		serial = $dir/serial
		crlnumber = $dir/crlnumber
		new_certs_dir = $dir
		certificate = $2
		private_key = $3
		default_md = sha256
		default_days = 2
		default_crl_days = 2
		policy = any_name
		unique_subject = no
		[any_name]
		commonName = supplied
		[server]
		basicConstraints = critical,CA:FALSE
		keyUsage = critical,digitalSignature
		extendedKeyUsage = serverAuth
		subjectAltName = DNS:localhost,IP:127.0.0.1
		[client]
		basicConstraints = critical,CA:FALSE
		keyUsage = critical,digitalSignature
		extendedKeyUsage = clientAuth
	EOF
}

issue() { # name, subject CN, extensions (server|client), [openssl ca options...]
	local name=$1 cn=$2 ext=$3
	shift 3
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/$name.key" -out "$tmp/$name.csr" -subj "/CN=$cn" &&
		openssl ca -batch -notext -config "$tmp/ca.db/openssl.cnf" -extensions "$ext" -in "$tmp/$name.csr" -out "$tmp/$name.crt" "$@"
}

pin_of() { # certificate -> "sha256/<base64 of the SHA-256 of its DER SubjectPublicKeyInfo>"
	echo "sha256/$(openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
}

make_trust_pki() {
	local stamp='+%y%m%d%H%M%SZ'
	ca_config ca "$tmp/ca.crt" "$tmp/ca.key" &&
		ca_config other_ca "$tmp/other_ca.crt" "$tmp/other_ca.key" &&
		issue good_server localhost server &&
		issue revoked_server localhost server &&
		issue expired_server localhost server -startdate "$(date -u -d '-3 days' "$stamp")" -enddate "$(date -u -d '-1 day' "$stamp")" &&
		issue future_server localhost server -startdate "$(date -u -d '+1 day' "$stamp")" -enddate "$(date -u -d '+3 days' "$stamp")" &&
		issue client "Quickdot Player One" client &&
		issue revoked_client "Quickdot Revoked Player" client &&
		openssl ca -batch -config "$tmp/ca.db/openssl.cnf" -revoke "$tmp/revoked_server.crt" -crl_reason keyCompromise &&
		openssl ca -batch -config "$tmp/ca.db/openssl.cnf" -revoke "$tmp/revoked_client.crt" -crl_reason keyCompromise &&
		openssl ca -batch -config "$tmp/ca.db/openssl.cnf" -gencrl -out "$tmp/ca.crl" &&
		openssl ca -batch -config "$tmp/other_ca.db/openssl.cnf" -gencrl -out "$tmp/other_ca.crl"
}
make_trust_pki >"$tmp/trust_pki.log" 2>&1 || { cat "$tmp/trust_pki.log"; fail "the openssl CLI could not make the trust test certificates"; }
server_pin=$(pin_of "$tmp/server.crt")
ca_pin=$(pin_of "$tmp/ca.crt")
other_pin=$(pin_of "$tmp/other_ca.crt")
psk_hex=$(openssl rand -hex 32)
printf 'player1:%s\n' "$psk_hex" >"$tmp/psk.passwd"

# ---------------------------------------------------------------- TS client, foreign servers
# Server kinds: openssl:<cert name> (s_server -listen, sending a greeting from its stdin),
# openssl_verify (also -Verify 1: the client must present a certificate from ca.crt),
# openssl_psk (-psk, -psk_identity player1, -nocert); gnutls:<cert name> (gnutls-serv --echo),
# gnutls_verify (--require-client-cert --x509cafile ca.crt), gnutls_psk (--pskpasswd).
start_server() { # kind, port, output file
	local kind=$1 port=$2 out=$3 cert=server
	case $kind in *:*) cert=${kind#*:} kind=${kind%%:*} ;; esac
	local s_server=(openssl s_server -dtls1_2 -listen -accept "127.0.0.1:$port" -mtu 1200 -naccept 1 -quiet)
	local gnutls=(gnutls-serv --udp --echo -p "$port" --mtu 1200)
	local x509=(--x509certfile="$tmp/$cert.crt" --x509keyfile="$tmp/$cert.key")
	case $kind in
	openssl) s_server+=(-cert "$tmp/$cert.crt" -key "$tmp/$cert.key") ;;
	openssl_verify) s_server+=(-cert "$tmp/$cert.crt" -key "$tmp/$cert.key" -Verify 1 -CAfile "$tmp/ca.crt" -verify_return_error) ;;
	openssl_psk) s_server+=(-psk "$psk_hex" -psk_identity player1 -nocert) ;;
	gnutls) gnutls+=("${x509[@]}" --disable-client-cert) ;;
	gnutls_verify) gnutls+=("${x509[@]}" --require-client-cert --x509cafile="$tmp/ca.crt") ;;
	gnutls_psk) gnutls+=(--pskpasswd="$tmp/psk.passwd" --priority "NORMAL:+ECDHE-PSK:+DHE-PSK:+PSK") ;;
	esac
	if [ "${kind%%_*}" = openssl ]; then
		start_fed "$out" "hello from s_server" timeout 9 "${s_server[@]}"
	else
		timeout 9 "${gnutls[@]}" >"$out" 2>&1 &
		server_pid=$!
		background+=("$server_pid")
	fi
}

# Expecting "connected", the line went both ways; expecting an error status, the scene saw it
# and get_error_reason() contains p_reason.
trust_client_case() { # name, server kind, expected (connected|error), reason or -, scene args (hostname, mode, CA, options...)
	local name=$1 kind=$2 expected=$3 reason=$4
	shift 4
	local hostname=$1 mode=$2 ca=$3
	shift 3
	case_number=$((case_number + 1))
	local log=$tmp/$case_number.engine.log out=$tmp/$case_number.server.log port
	port=$(free_port)
	start_server "$kind" "$port" "$out"
	sleep 0.2
	timeout 15 "$engine" --headless --path "$project" -- client "$port" "$hostname" "$mode" "$ca" "$expected" 8 "$@" >"$log" 2>&1
	local rc=$?
	stop_server
	local ok=1
	if [ "$rc" -eq 0 ]; then
		if [ "$expected" != connected ]; then
			grep -q "reason \".*$reason" "$log" && ok=0
		else
			greeted "$kind" "$log" "$out" && ok=0
		fi
	fi
	report "$name" "$ok" "$log" "$out"
}

# ---------------------------------------------------------------- TS server, foreign clients
# Client kinds: openssl (s_client verifying the server with ca.crt), openssl:<cert name> (also
# presenting that certificate), openssl_psk:<identity> (-psk, no certificates), gnutls:<cert name>,
# gnutls_psk:<identity>.
run_client() { # kind, port, output file
	local kind=$1 port=$2 out=$3 arg=""
	case $kind in *:*) arg=${kind#*:} kind=${kind%%:*} ;; esac
	local s_client=(openssl s_client -dtls1_2 -connect "127.0.0.1:$port" -mtu 1200 -quiet -no_ign_eof)
	local gnutls=(gnutls-cli --udp --mtu 1200 -p "$port")
	case $kind in
	openssl)
		s_client+=(-CAfile "$tmp/ca.crt" -verify_return_error -verify_hostname localhost)
		[ -z "$arg" ] || s_client+=(-cert "$tmp/$arg.crt" -key "$tmp/$arg.key")
		;;
	openssl_psk) s_client+=(-psk "$psk_hex" -psk_identity "$arg") ;;
	gnutls) gnutls+=(--x509cafile="$tmp/ca.crt" --verify-hostname=localhost --x509certfile="$tmp/$arg.crt" --x509keyfile="$tmp/$arg.key") ;;
	# Plain PSK only: gnutls-cli 3.7.9 crashes after an ECDHE-PSK or DHE-PSK handshake (its session
	# printer calls gnutls_psk_server_get_username() on the client side).
	gnutls_psk) gnutls+=(--pskusername "$arg" --pskkey "$psk_hex" --priority "NORMAL:-KX-ALL:+PSK") ;;
	esac
	[ "${kind%%_*}" = openssl ] || gnutls+=(127.0.0.1)
	local command=("${s_client[@]}")
	[ "${kind%%_*}" = openssl ] || command=("${gnutls[@]}")
	{ echo "interop via $kind"; sleep 1.5; } | timeout 8 "${command[@]}" >"$out" 2>&1
}

# Expecting "connected", the line was echoed and the engine log has p_text (the client
# certificate's subject, as the openssl CLI reads the PEM the scene printed, or the PSK
# identity); expecting "refused", the TS server saw a handshake fail with p_text in the reason.
trust_server_case() { # name, client kind, expected (connected|refused), text, scene args (certificate, key, options...)
	local name=$1 kind=$2 expected=$3 text=$4
	shift 4
	case_number=$((case_number + 1))
	local log=$tmp/$case_number.engine.log out=$tmp/$case_number.client.log
	local certificate=$1 key=$2
	shift 2
	[ "$expected" = connected ] || set -- "$@" expect=refused
	"$engine" --headless --path "$project" -- server "$certificate" "$key" 8 "$@" >"$log" 2>&1 &
	local pid=$! port=""
	background+=("$pid")
	for ((i = 0; i < 100; i++)); do
		port=$(grep -so 'listening on [0-9]*' "$log" | grep -o '[0-9]*$')
		[ -z "$port" ] || break
		sleep 0.05
	done
	if [ -z "$port" ]; then
		report "$name" 1 "$log"
		return
	fi
	run_client "$kind" "$port" "$out"
	local client_rc=$?
	wait_for "$pid" 100
	local engine_rc=$?
	# The client certificate the scene printed, as the openssl CLI reads it.
	sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/p' "$log" | openssl x509 -noout -subject >>"$log" 2>/dev/null
	local ok=1
	if [ "$expected" = connected ]; then
		[ "$client_rc" -eq 0 ] && [ "$engine_rc" -eq 0 ] && grep -qx "interop via ${kind%%:*}" "$out" && grep -qF "$text" "$log" && ok=0
	else
		# Status 3: PacketPeerDTLS.STATUS_ERROR.
		[ "$engine_rc" -eq 0 ] && grep -q "handshake failed with status 3, reason \".*$text" "$log" && ok=0
	fi
	report "$name" "$ok" "$log" "$out"
}

# ---------------------------------------------------------------- Cases
c=$tmp/ca.crt
trust_client_case "pin: TS client_unsafe().pin_public_keys([CLI pin])       -> openssl s_server" openssl connected - unverified.example unsafe - "pin=$server_pin"
trust_client_case "pin: TS client_unsafe().pin_public_keys([other key's pin]) -> s_server: pin mismatch" openssl error "pin mismatch" unverified.example unsafe - "pin=$other_pin"
trust_client_case "pin: TS client(CA).pin_public_keys([CA's pin])          -> gnutls-serv --echo" gnutls connected - localhost verify "$c" "pin=$ca_pin"
trust_client_case "pin: TS client(CA).pin_public_keys([other key's pin])   -> gnutls-serv: pin mismatch" gnutls error "pin mismatch" localhost verify "$c" "pin=$other_pin"
trust_client_case "crl: TS client(CA).check_revocation(CRL)      -> s_server, a good certificate" openssl:good_server connected - localhost verify "$c" "crl=$tmp/ca.crl"
trust_client_case "crl: TS client(CA).check_revocation(CRL)      -> s_server, a revoked one: revoked" openssl:revoked_server error "revoked" localhost verify "$c" "crl=$tmp/ca.crl"
trust_client_case "crl: TS client(CA).check_revocation(other CA's CRL) -> s_server: no CRL" openssl:good_server error "unable to get certificate CRL" localhost verify "$c" "crl=$tmp/other_ca.crl"
trust_client_case "crl: TS client(CA) without check_revocation   -> s_server, the revoked one connects" openssl:revoked_server connected - localhost verify "$c"
trust_server_case "crl: TS server require_client_certificate(CA).check_revocation(CRL) <- s_client, good cert" openssl:client connected "CN = Quickdot Player One" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c" "crl=$tmp/ca.crl"
trust_server_case "crl: TS server require_client_certificate(CA).check_revocation(CRL) <- s_client, revoked cert" openssl:revoked_client refused "revoked" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c" "crl=$tmp/ca.crl"
trust_server_case "cert: TS server require_client_certificate(CA) <- s_client -cert: peer certificate" openssl:client connected "subject=CN = Quickdot Player One" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c"
trust_server_case "cert: TS server require_client_certificate(CA) <- gnutls-cli --x509certfile" gnutls:client connected "subject=CN = Quickdot Player One" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c"
trust_server_case "cert: TS server require_client_certificate(CA) <- s_client, no cert: refused" openssl refused "sent no certificate" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c"
trust_server_case "cert: TS server require_client_certificate(CA, false) <- s_client, no cert: null" openssl connected "no peer certificate" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c" client_cert=optional
trust_server_case "cert: TS server require_client_certificate(other CA) <- s_client -cert: refused" openssl:client refused "certificate verify failed.*not issued by require_client_certificate" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$tmp/other_ca.crt"
trust_server_case "cert: TS server require_client_certificate(CA).pin_public_keys([other]) <- s_client -cert" openssl:client refused "pin mismatch" \
	"$tmp/server.crt" "$tmp/server.key" "client_ca=$c" "pin=$other_pin"
trust_client_case "cert: TS client(CA).with_certificate(key, cert) -> s_server -Verify 1 -CAfile" openssl_verify connected - localhost verify "$c" "cert=$tmp/client.crt" "key=$tmp/client.key"
trust_client_case "cert: TS client(CA).with_certificate(key, cert) -> gnutls-serv --require-client-cert" gnutls_verify connected - localhost verify "$c" "cert=$tmp/client.crt" "key=$tmp/client.key"
trust_client_case "psk: TS client_psk(\"player1\", key) -> openssl s_server -psk -nocert" openssl_psk connected - localhost psk - "psk=player1:$psk_hex"
trust_client_case "psk: TS client_psk(\"player1\", key) -> gnutls-serv --pskpasswd" gnutls_psk connected - localhost psk - "psk=player1:$psk_hex"
# A wrong key (or, with gnutls-serv, an unknown identity: it answers with a random key) is not a
# case: DTLS drops records that fail their MAC in silence, so the handshake only times out. Nor
# is an unknown identity with s_server, which only warns that -psk_identity was not the one sent.
trust_client_case "psk: TS client_psk(\"player1\", key) -> s_server without -psk: alert" openssl error "alert 'handshake failure'" localhost psk - "psk=player1:$psk_hex"
trust_server_case "psk: TS server_psk({player1}) <- openssl s_client -psk: get_psk_identity()" openssl_psk:player1 connected 'PSK identity "player1"' \
	- - "psk=player1:$psk_hex" "psk=player2:$(openssl rand -hex 16)"
trust_server_case "psk: TS server_psk({player1}) <- gnutls-cli --pskusername: get_psk_identity()" gnutls_psk:player1 connected 'PSK identity "player1"' \
	- - "psk=player1:$psk_hex"
trust_server_case "psk: TS server_psk({player1}) <- s_client, identity mallory: unknown PSK identity" openssl_psk:mallory refused "unknown PSK identity" \
	- - "psk=player1:$psk_hex"
trust_client_case "time: TS client(CA) -> s_server, an expired certificate: expired" openssl:expired_server error "expired" localhost verify "$c"
trust_client_case "time: TS client(CA) -> s_server, a not-yet-valid certificate: not yet valid" openssl:future_server error "not yet valid" localhost verify "$c"
