#!/usr/bin/env bash
# CI smoke run of the libFuzzer targets (built by `scons use_fuzzer=yes`): each one runs over its
# seed corpus, then mutates for FUZZ_SECONDS (default 20). Any crash, sanitizer report, leak or
# timeout fails the run; the reproducer is kept in tests/out/fuzz/. Prints executions and
# coverage per target. The committed corpora are never modified (the run works on a copy).
#
# The DTLS seeds are also recorded afresh (bin/record_dtls_seeds.fuzz, which checks they replay
# through the handshake) and fuzzed along: they replay deep even if the committed ones went stale
# with another OpenSSL build, which is reported.
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-20}
artifacts=tests/out/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
fail=0

echo "    recording fresh DTLS seeds"
if ! bin/record_dtls_seeds.fuzz "$work/fresh" >"$work/record.log" 2>&1; then
  cat "$work/record.log"
  echo "    FAIL: the DTLS seeds cannot be recorded, or do not replay through the handshake"
  exit 1
fi
for target in dtls_server dtls_client; do
  if ! diff -rq "$work/fresh/$target" "tests/fuzz/corpus/$target" >/dev/null 2>&1; then
    echo "    note: tests/fuzz/corpus/$target differs from this machine's recording (another OpenSSL build?);"
    echo "          refresh it with: bin/record_dtls_seeds.fuzz tests/fuzz/corpus"
  fi
done

# fuzz <target> <seed dir>...: mutates for $seconds from a copy of the seeds.
fuzz() {
  local target=$1
  shift
  local corpus="$work/corpus_$target"
  mkdir -p "$corpus"
  for seeds in "$@"; do
    cp "$seeds"/* "$corpus"/
  done
  local log="$work/$target.log"
  "bin/fuzz_$target.fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$target-" "$corpus" >"$log" 2>&1
  local code=$?
  local done_line execs
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log")
  if [ $code -ne 0 ]; then
    tail -60 "$log"
    echo "    FAIL: fuzz_$target found a problem (exit code $code); reproducer: $(ls -t "$artifacts/$target-"* 2>/dev/null | head -1)"
    fail=1
    return
  fi
  echo "    ok: fuzz_$target: ${execs:-?} executions in ${seconds} s, $(echo "$done_line" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || echo 'no DONE line')"
}

fuzz variant_decoder tests/fuzz/corpus/variant_decoder
fuzz variant_conversion tests/fuzz/corpus/variant_decoder
fuzz dtls_server tests/fuzz/corpus/dtls_server "$work/fresh/dtls_server"
fuzz dtls_client tests/fuzz/corpus/dtls_client "$work/fresh/dtls_client"
exit $fail
