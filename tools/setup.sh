#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine is missing to build and test Quickdot.
# Idempotent: when everything is present it only checks, in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

QJS_VERSION="0.16.2-2~bpo13+1"       # the quickjs-ng sources we build against (also checked by SConstruct)
QJS_SUITE="trixie-backports"
LIBSSL_MIN="3.0.22-1~deb12u2"        # fixes the September 2026 DTLS CVEs
DEB_PACKAGES=(scons g++ pkg-config libssl-dev openssl gnutls-bin doctest-dev clang clang-format-14 libclang-rt-14-dev python3)  # python3: test scripts parse JUnit/JSON

source tools/private_apt.sh

step() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    as_root apt-get update -qq -o Acquire::Check-Valid-Until=false >/dev/null 2>&1 || true
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "Debian packages"
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "    installing: ${missing[*]}"
  apt_install "${missing[@]}"
fi
libssl_version=$(dpkg-query -W -f='${Version}' libssl3 2>/dev/null || echo 0)
if ! dpkg --compare-versions "$libssl_version" ge "$LIBSSL_MIN"; then
  echo "    libssl3 $libssl_version is older than $LIBSSL_MIN (DTLS CVE fixes); upgrading from bookworm-security"
  apt_install libssl3 libssl-dev openssl
  libssl_version=$(dpkg-query -W -f='${Version}' libssl3)
  if ! dpkg --compare-versions "$libssl_version" ge "$LIBSSL_MIN"; then
    echo "error: libssl3 $libssl_version is still older than $LIBSSL_MIN; enable bookworm-security in apt sources" >&2
    exit 1
  fi
fi

step "quickjs-ng sources (qjs-src $QJS_VERSION)"
stamp=thirdparty/quickjs-ng/.qjs-src-version
if [ "$(cat "$stamp" 2>/dev/null)" != "$QJS_VERSION" ]; then
  # A private apt configuration: the machine's own sources list is never touched, but its
  # Debian mirror is used (tools/debian_mirror.sh finds it), so no host name is written here.
  mirror=$(tools/debian_mirror.sh)
  apt_dir=$(mktemp -d)
  trap 'rm -rf "$apt_dir"' EXIT
  apt_config=$(private_apt_config "$apt_dir" "deb [trusted=yes check-valid-until=no] $mirror $QJS_SUITE main")
  APT_CONFIG="$apt_config" apt-get update -qq >/dev/null
  (cd "$apt_dir" && APT_CONFIG="$apt_config" apt-get download -qq "qjs-src=$QJS_VERSION" >/dev/null)
  dpkg-deb -x "$apt_dir"/qjs-src_*.deb "$apt_dir/root"
  rm -rf thirdparty/quickjs-ng
  mkdir -p thirdparty
  mv "$apt_dir/root/usr/src/quickjs-ng" thirdparty/quickjs-ng
  echo "$QJS_VERSION" > "$stamp"
fi

step "npm packages (package-lock.json)"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.quickdot-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_hash" > node_modules/.quickdot-lock-hash
fi
