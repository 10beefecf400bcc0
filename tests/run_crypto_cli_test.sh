#!/usr/bin/env bash
# Crypto interop with the openssl command line, driven from a TypeScript scene:
# our certificate passes `openssl verify`, and a signature made with an EC key the CLI
# generated verifies with `openssl dgst`.
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
exit $fail
