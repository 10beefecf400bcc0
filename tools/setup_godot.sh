#!/usr/bin/env bash
# Installs real Godot (Debian sid's `godot` package, pinned below) into a chroot under the ignored
# thirdparty/ folder, as the peer of the Godot interop tests (tests/godot_interop/). Bookworm has
# no Godot and sid's needs sid's libraries, hence a whole sid system (~620 MB) rather than one
# .deb. Made once with mmdebstrap (about 40 s with a nearby mirror), reused while its stamp names
# the pinned version, made again when the pin changes. Packages come from the Debian mirror of the
# machine's own apt sources (tools/debian_mirror.sh); the machine's apt set-up is not changed.
#   tools/setup_godot.sh     exit 0: thirdparty/godot-sid/usr/bin/godot is the pinned Godot;
#                            exit 77: it cannot be made here (the reason is the last line on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."

GODOT_VERSION="4.6.3+ds-3" # the Godot the reference files in tests/reference/ were made with
root=thirdparty/godot-sid
stamp=$root/.quickdot-godot-version

source tools/private_apt.sh

step() { printf '==> %s\n' "$*"; }
cannot() { echo "setup_godot: Godot $GODOT_VERSION cannot be installed here: $*" >&2; exit 77; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

step "Godot $GODOT_VERSION (Debian sid chroot in $root)"
# Two test runs at once in this checkout must not both build it: the second waits, then reuses.
mkdir -p thirdparty
exec 9>"$root.lock"
flock 9
if [ "$(cat "$stamp" 2>/dev/null)" = "$GODOT_VERSION" ] && [ -x "$root/usr/bin/godot" ]; then
	exit 0
fi

as_root true 2>/dev/null || cannot "mmdebstrap and chroot need root (or password-less sudo)"
if ! command -v mmdebstrap >/dev/null; then
	echo "    installing mmdebstrap"
	as_root apt-get update -qq -o Acquire::Check-Valid-Until=false >/dev/null 2>&1 || true
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null 2>&1 ||
		cannot "mmdebstrap is not installed and apt-get could not install it"
fi
mirror=$(tools/debian_mirror.sh) || cannot "no Debian mirror in the machine's apt sources"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || cannot "$keyring is missing (package debian-archive-keyring)"
source_line="deb [signed-by=$keyring] $mirror sid main"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Whether sid still has the pinned version, asked with a private apt configuration first: a
# vanished pin should say so, not end in a solver error from inside mmdebstrap.
apt_config=$(private_apt_config "$work" "$source_line")
APT_CONFIG="$apt_config" apt-get update -qq --error-on=any >"$work/update.log" 2>&1 ||
	cannot "apt-get update of sid failed (no network?): $(grep -m 1 -E '^(W|E):' "$work/update.log")"
sid_versions=$(APT_CONFIG="$apt_config" apt-cache madison godot 2>/dev/null | awk '{print $3}' | paste -sd ' ')
case " $sid_versions " in
*" $GODOT_VERSION "*) ;;
*) cannot "the pinned version $GODOT_VERSION is gone from sid (sid has: ${sid_versions:-no godot}); update GODOT_VERSION in tools/setup_godot.sh and check tests/godot_interop against it" ;;
esac

# Anything still mounted inside the old chroot would be deleted through the mount: refuse.
if grep -q " $(realpath -m "$root")/" /proc/mounts; then
	cannot "something is mounted under $root (see /proc/mounts); unmount it first"
fi
echo "    mmdebstrap sid (godot=$GODOT_VERSION), log in $root.log"
started=$SECONDS
as_root rm -rf "$root.new"
# essential + godot only (mmdebstrap installs no Recommends); ca-certificates because Godot loads
# the system CA bundle at start and prints an error without it. Documentation is left out.
if ! as_root mmdebstrap --variant=essential --include="godot=$GODOT_VERSION,ca-certificates" \
	--aptopt='Acquire::Check-Valid-Until "false"' --aptopt='Acquire::Languages "none"' \
	--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
	--dpkgopt='path-exclude=/usr/share/locale/*' \
	sid "$root.new" "$source_line" >"$root.log" 2>&1; then
	tail -n 5 "$root.log" >&2
	as_root rm -rf "$root.new"
	cannot "mmdebstrap failed (see $root.log)"
fi
as_root rm -rf "$root"
as_root mv "$root.new" "$root"
echo "$GODOT_VERSION" | as_root tee "$stamp" >/dev/null
echo "    made in $((SECONDS - started)) s, $(as_root du -sh "$root" | cut -f1), $(as_root chroot "$root" godot --headless --version 2>/dev/null)"
