#!/usr/bin/env bash
# Quickdot's UDP and DTLS benchmarks, in one command: builds what they need (the optimised engine
# and OpenSSL module, the C baselines, the benchmark project's TypeScript), then runs the C
# baseline, the engine and Godot 4.6.3 (bench/godot_project, in the chroot of tools/setup_godot.sh,
# when it is installed) in turn, K rounds, and prints a table of medians with the ratios
# engine / baseline and Quickdot / Godot. Raw results: bench/out/results.json. See README.md,
# "Benchmarks".
#
#   bench/run.sh                 all benchmarks, 3 rounds
#   bench/run.sh -k 5            5 rounds
#   bench/run.sh --only echo_64,handshake_1000
#   bench/run.sh --no-build      skip the build step
#   bench/run.sh --no-godot      leave out the Godot column
#   bench/run.sh -v              show each command
# BENCH_JOBS=2 bench/run.sh     more scons jobs for the build (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

engine=bin/quickdot.template_release
module=bin/libquickdot_openssl.linux.template_release.x86_64.so
baseline=bin/dtls_baseline.template_release
udp_baseline=bin/udp_baseline.template_release

if [ "$build" = 1 ]; then
  echo "bench: building $engine, $module, $baseline, $udp_baseline (scons -j${BENCH_JOBS:-1})" >&2
  scons -Q -j"${BENCH_JOBS:-1}" target=template_release "$engine" "$module" "$baseline" "$udp_baseline" >&2
  echo "bench: compiling bench/project (tsc)" >&2
  node_modules/.bin/tsc -p bench/project >&2
fi
for file in "$engine" "$module" "$baseline" "$udp_baseline" bench/project/.quickdot/js/main.js; do
  [ -e "$file" ] || { echo "bench: $file is missing; run without --no-build" >&2; exit 2; }
done

exec python3 bench/run.py --engine "$engine" --baseline "$baseline" --udp-baseline "$udp_baseline" "${args[@]+"${args[@]}"}"
