#!/usr/bin/env bash
# Runs real Godot 4.6.3 (thirdparty/godot-sid, the Debian sid chroot tools/setup_godot.sh makes)
# the one way this repository starts it: as root (or password-less sudo), in a private mount
# namespace that gives the chroot its own /proc (Godot reads /proc/self/exe) without leaving a
# mount behind, `unshare --kill-child` so that Godot ends with this process. Paths given to Godot
# are paths inside the chroot: put what it should see under thirdparty/godot-sid/tmp (--mktemp).
# Used by tests/godot_interop/run_godot_interop.sh and bench/run.py.
#   tools/run_godot.sh --check           exit 0 when Godot can run here; 77 with the reason on stderr
#   tools/run_godot.sh --mktemp PREFIX   makes a fresh folder under the chroot's /tmp, owned by the
#                                        caller, and prints its path outside the chroot
#   tools/run_godot.sh [--timeout S] HOME GODOT_ARGS...
#                                        runs `godot GODOT_ARGS...` with HOME (a path inside the
#                                        chroot); its exit code is Godot's (124 after S seconds)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$here/thirdparty/godot-sid

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
as_root() { "${sudo[@]+"${sudo[@]}"}" "$@"; }
cannot() { echo "run_godot: $*" >&2; exit 77; }

check() {
	[ -x "$root/usr/bin/godot" ] || cannot "Godot is not installed ($root/usr/bin/godot is missing; tools/setup_godot.sh makes it)"
	as_root true 2>/dev/null || cannot "running Godot in its chroot needs root (or password-less sudo)"
	as_root unshare --mount true 2>/dev/null || cannot "unshare --mount is not allowed here (Godot's chroot needs its own /proc)"
}

case "${1:-}" in
--check)
	check
	exit 0
	;;
--mktemp)
	[ $# -eq 2 ] || { echo "usage: tools/run_godot.sh --mktemp PREFIX" >&2; exit 2; }
	check
	dir=$(as_root mktemp -d -p "$root/tmp" "$2.XXXXXX")
	as_root chown "$(id -u):$(id -g)" "$dir"
	echo "$dir"
	exit 0
	;;
esac

timeout=()
if [ "${1:-}" = "--timeout" ]; then
	timeout=(timeout "$2")
	shift 2
fi
[ $# -ge 1 ] || { echo "usage: tools/run_godot.sh [--timeout S] HOME GODOT_ARGS..." >&2; exit 2; }
home=$1
shift
exec "${sudo[@]+"${sudo[@]}"}" "${timeout[@]+"${timeout[@]}"}" unshare --mount --fork --kill-child sh -c '
	root=$1 home=$2
	shift 2
	mount -t proc proc "$root/proc" &&
		exec chroot "$root" env HOME="$home" godot "$@"' \
	sh "$root" "$home" "$@"
