#!/usr/bin/env bash
# Crypto interop with the openssl command line, driven from a TypeScript scene:
# our certificate passes `openssl verify`, and a signature made with an EC key the CLI
# generated verifies with `openssl dgst`; every X509Certificate getter says what `openssl x509`
# prints for a chain the CLI made; keys, certificates and signatures from Crypto.generate_ec pass
# the CLI's checks.
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl ecparam -name prime256v1 -genkey -noout -out "$work/cli_ec.key" 2>/dev/null
openssl ec -in "$work/cli_ec.key" -pubout -out "$work/cli_ec.pub" 2>/dev/null
printf 'signed from TypeScript' > "$work/message.txt"

fail=0
if ! timeout 60 "$engine" --headless --path tests/project --script res://scenes/crypto_cli.ts -- "$work"; then
  echo "    FAIL: the crypto scene failed"
  exit 1
fi
if openssl verify -CAfile "$work/generated.crt" "$work/generated.crt" >/dev/null 2>&1; then
  echo "    ok: openssl verify accepts the certificate generated from TypeScript"
else
  echo "    FAIL: openssl verify rejects the generated certificate"; fail=1
fi
if openssl x509 -in "$work/generated.crt" -noout -subject | grep -q "CN = quickdot.test"; then
  echo "    ok: the certificate's subject is the issuer name given"
else
  echo "    FAIL: unexpected certificate subject"; fail=1
fi
if openssl rsa -in "$work/generated.key" -check -noout >/dev/null 2>&1; then
  echo "    ok: the saved RSA key passes openssl rsa -check"
else
  echo "    FAIL: the saved key does not pass openssl rsa -check"; fail=1
fi
perl -ne 'print pack("H*", $_)' "$work/signature.hex" > "$work/signature.der"
if openssl dgst -sha256 -verify "$work/cli_ec.pub" -signature "$work/signature.der" "$work/message.txt" >/dev/null 2>&1; then
  echo "    ok: openssl dgst verifies the signature made with the CLI's EC key"
else
  echo "    FAIL: openssl dgst rejects the signature"; fail=1
fi

# A CA and a leaf it signed, made by the CLI: UTF-8 in a name, a known serial, DNS and IP names.
openssl req -x509 -newkey rsa:2048 -nodes -subj "/O=Studio/CN=Studio Players CA" -days 30 \
  -keyout "$work/cli_ca.key" -out "$work/cli_ca.crt" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -utf8 -subj "/O=Stüdio Nord/CN=player1" \
  -keyout "$work/cli_leaf.key" -out "$work/cli_leaf.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,DNS:player1.example,IP:127.0.0.1,IP:::1\n' > "$work/cli_leaf.ext"
openssl x509 -req -in "$work/cli_leaf.csr" -CA "$work/cli_ca.crt" -CAkey "$work/cli_ca.key" -set_serial 0x0A1B2C3D4E5F60718293 \
  -days 7 -extfile "$work/cli_leaf.ext" -out "$work/cli_leaf.crt" 2>/dev/null
cat "$work/cli_leaf.crt" "$work/cli_ca.crt" > "$work/cli_chain.crt" # leaf first, as the getters read it
if ! timeout 60 "$engine" --headless --path tests/project --script res://scenes/x509_cli.ts -- "$work"; then
  echo "    FAIL: the certificate scene failed"
  exit 1
fi

x509() { openssl x509 -in "$work/cli_leaf.crt" -noout "$@"; }
got() { sed -n "s/^$1=//p" "$work/details.txt"; }
same() { # name, what openssl says
  if [ "$(got "$1")" = "$2" ]; then
    echo "    ok: $1 is what openssl x509 prints: $2"
  else
    echo "    FAIL: $1 is '$(got "$1")'; openssl x509 prints '$2'"; fail=1
  fi
}
same subject "$(x509 -subject -nameopt RFC2253,-esc_msb | sed 's/^subject=//')"
same issuer "$(x509 -issuer -nameopt RFC2253,-esc_msb | sed 's/^issuer=//')"
same serial "$(x509 -serial | sed 's/^serial=//')"
same not_before "$(date -u -d "$(x509 -startdate | sed 's/^notBefore=//')" +%s)"
same not_after "$(date -u -d "$(x509 -enddate | sed 's/^notAfter=//')" +%s)"
same fingerprint "$(x509 -fingerprint -sha256 | sed 's/^.*=//; s/://g' | tr 'A-F' 'a-f')"
# "DNS:localhost, ..., IP Address:0:0:0:0:0:0:0:1": plain values, addresses in their short form.
same alt_names "$(x509 -ext subjectAltName | tail -n +2 | python3 -c '
import ipaddress, sys
names = [n.strip() for n in sys.stdin.read().split(",")]
print(",".join(str(ipaddress.ip_address(n[len("IP Address:"):])) if n.startswith("IP Address:") else n.split(":", 1)[1] for n in names))')"
same pin "sha256/$(x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
# What the certificate was made with, so a CLI printing something else would not pass unseen.
for expected in "subject=CN=player1,O=Stüdio Nord" "serial=0A1B2C3D4E5F60718293" "alt_names=localhost,player1.example,127.0.0.1,::1"; do
  if grep -qxF "$expected" "$work/details.txt"; then
    echo "    ok: $expected, as the certificate was made"
  else
    echo "    FAIL: expected $expected"; fail=1
  fi
done
if [ "$(openssl pkey -in "$work/cli_leaf.key" -pubout 2>/dev/null)" = "$(cat "$work/cli_leaf_from_ts.pub")" ]; then
  echo "    ok: the CLI's PKCS#8 EC key (PRIVATE KEY) loads; its public part saves as the CLI writes it"
else
  echo "    FAIL: the CLI's EC key did not round-trip through CryptoKey"; fail=1
fi

if openssl pkey -in "$work/ec_generated.key" -check -noout >/dev/null 2>&1 &&
  openssl pkey -in "$work/ec_generated.key" -noout -text 2>/dev/null | grep -q "NIST CURVE: P-256" &&
  grep -q "BEGIN EC PRIVATE KEY" "$work/ec_generated.key" && grep -q "BEGIN PUBLIC KEY" "$work/ec_generated.pub"; then
  # EC PRIVATE KEY (SEC 1), not PKCS#8: what Godot's mbedTLS writes.
  echo "    ok: the Crypto.generate_ec key is a valid P-256 key (PEM EC PRIVATE KEY / PUBLIC KEY)"
else
  echo "    FAIL: the Crypto.generate_ec key does not pass openssl pkey -check"; fail=1
fi
if openssl verify -CAfile "$work/ec_generated.crt" "$work/ec_generated.crt" >/dev/null 2>&1 &&
  openssl x509 -in "$work/ec_generated.crt" -noout -text | grep -q "Signature Algorithm: ecdsa-with-SHA256"; then
  echo "    ok: openssl verify accepts the ECDSA-SHA256 certificate made with the generate_ec key"
else
  echo "    FAIL: openssl verify rejects the certificate made with the generate_ec key"; fail=1
fi
perl -ne 'print pack("H*", $_)' "$work/ec_signature.hex" > "$work/ec_signature.der"
if openssl dgst -sha256 -verify "$work/ec_generated.pub" -signature "$work/ec_signature.der" "$work/message.txt" >/dev/null 2>&1; then
  echo "    ok: openssl dgst verifies the signature made with the generate_ec key"
else
  echo "    FAIL: openssl dgst rejects the generate_ec key's signature"; fail=1
fi
ec_pin="sha256/$(openssl pkey -pubin -in "$work/ec_generated.pub" -outform der | openssl dgst -sha256 -binary | base64)"
if [ "$(cat "$work/ec_pin.txt")" = "$ec_pin" ]; then
  echo "    ok: the generate_ec certificate's pin is the CLI's hash of the saved public key"
else
  echo "    FAIL: pin $(cat "$work/ec_pin.txt") is not the CLI's $ec_pin"; fail=1
fi
exit $fail
