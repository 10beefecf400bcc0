#!/usr/bin/env bash
# Quickdot's two entry points (see README):
#   ./dev.sh demo   set up a fresh Debian 12 machine, build, compile the TypeScript, run the demo
#   ./dev.sh test   the same set-up and build, then every test suite (exit 0 only if all pass)
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }
jobs=$(nproc 2>/dev/null || echo 2)

setup_and_build() {
  step "Set-up (packages, quickjs-ng sources, npm)"
  tools/setup.sh
  step "Build (scons)"
  scons -Q -j"$jobs" "$@"
  step "TypeScript (tsc)"
  tools/build_ts.sh
}

case "${1:-}" in
  demo)
    setup_and_build
    step "Demo (bin/quickdot --headless --path demo_project)"
    bin/quickdot --headless --path demo_project
    ;;
  test)
    setup_and_build
    step "Build with sanitizers (scons use_asan=yes)"
    scons -Q -j"$jobs" use_asan=yes
    step "Build the libFuzzer targets (scons use_fuzzer=yes)"
    scons -Q -j"$jobs" use_fuzzer=yes
    tools/run_tests.sh
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test" >&2
    exit 2
    ;;
esac
