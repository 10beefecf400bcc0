#!/usr/bin/env bash
# Self-test of the GUT-style framework (the "gut" module): runs the engine on the fixture scripts
# in tests/gut_fixtures, whose outcomes are known, and checks the reported counts, lines and
# positions, the exit codes, the command-line and .gutconfig.json options, and the JUnit XML.
# Fails (exit 1) on any mismatch, listing every one.
#   tests/gut_selftest.sh [engine]     (default bin/quickdot; compile the TypeScript first:
#                                       tools/build_ts.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
engine=${1:-bin/quickdot}
project=tests/gut_fixtures
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export XDG_DATA_HOME="$out/data" # user:// files stay in the temporary folder.
failures=0
failed_runs=()
current=setup

[ -x "$engine" ] || { echo "gut_selftest: no engine at $engine (build with scons)" >&2; exit 2; }
[ -f "$project/.quickdot/js/tests/test_passing.js" ] || { echo "gut_selftest: compile the fixtures first: tools/build_ts.sh" >&2; exit 2; }

ok() { echo "    ok: $*"; }
bad() {
  echo "    FAIL: $*"
  failures=$((failures + 1))
  [[ " ${failed_runs[*]} " == *" $current "* ]] || failed_runs+=("$current")
}

# run <name> <engine arguments...>: output in $out/<name>.out (stdout) and .err, exit code in .code.
run() {
  local name=$1
  shift
  "$engine" --headless --path "$project" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.code"
  current=$name
  echo "  [$name] $*"
}

expect_code() {
  local code
  code=$(cat "$out/$current.code")
  if [ "$code" = "$1" ]; then ok "exit code $1"; else bad "[$current] exit code $code, expected $1"; fi
}

# An exact line of the output (fixed string, whole line).
expect_line() {
  if grep -qxF -- "$1" "$out/$current.out" "$out/$current.err"; then ok "line: $1"; else bad "[$current] no line: $1"; fi
}

expect_no_text() {
  if grep -qF -- "$1" "$out/$current.out" "$out/$current.err"; then bad "[$current] unexpected text: $1"; else ok "no text: $1"; fi
}

# The line after a line: how a failure's position is printed under it.
expect_followed_by() {
  if grep -A1 -xF -- "$1" "$out/$current.out" | grep -qxF -- "$2"; then ok "\"$1\" then \"$2\""; else bad "[$current] \"$1\" is not followed by \"$2\""; fi
}

# A Totals line: GUT's layout, label padded to 18 and value to 5, "none" for 0. Lines GUT omits
# when zero (Failing Tests, Risky/Pending) must be absent for 0.
expect_total() {
  local label=$1 value=$2 shown line
  shown=$value
  [ "$value" = 0 ] && shown=none
  line=$(printf '%-18s%5s' "$label" "$shown")
  if [ "$value" = 0 ] && { [ "$label" = "Failing Tests" ] || [ "$label" = "Risky/Pending" ]; }; then
    if grep -q "^$label " "$out/$current.out"; then bad "[$current] \"$label\" shown for 0"; else ok "no \"$label\" line (0)"; fi
    return
  fi
  if grep -qxF -- "$line" "$out/$current.out"; then ok "$line"; else bad "[$current] no Totals line \"$line\" (got: $(grep "^$label " "$out/$current.out" || echo none))"; fi
}

# expect_junit <file> <python expression over r (the root Element), find(), cases>...
expect_junit() {
  local file=$1
  shift
  if python3 - "$file" "$@" <<'PY'; then ok "JUnit checks on $(basename "$file")"; else bad "[$current] JUnit checks on $file"; fi
import sys
import xml.etree.ElementTree as ET
path, checks = sys.argv[1], sys.argv[2:]
try:
    r = ET.parse(path).getroot()
except Exception as error:  # Missing or malformed.
    print(f"      {path}: {error}")
    sys.exit(1)
cases = {(s.get("name"), c.get("name")): c for s in r.findall("testsuite") for c in s.findall("testcase")}
suites = {s.get("name"): s for s in r.findall("testsuite")}
def text(case, tag):
    element = case.find(tag)
    return "" if element is None else (element.text or "")
failed = False
for check in checks:
    try:
        passed = eval(check)
    except Exception as error:
        passed = False
        print(f"      error in {check}: {error!r}")
    if not passed:
        print(f"      JUnit check failed: {check}")
        failed = True
sys.exit(1 if failed else 0)
PY
}

echo "==> Whole fixture folder (.gutconfig.json: dirs, include_subdirs, test_timeout=1)"
run full -gjunit_xml_file="$out/full.xml"
expect_code 1
expect_total Scripts 15
expect_total Tests 42
expect_total "Passing Tests" 31
expect_total "Failing Tests" 8
expect_total Risky/Pending 4
expect_total Asserts 94/104
expect_line "---- 8 failing tests ----"
expect_line "res://tests/test_failing.ts"
expect_followed_by '    [Failed]:  ["a"] expected to equal ["b"]:  deliberate failure' "          at res://tests/test_failing.ts:11"
expect_followed_by "    [Failed]:  [false] expected to be [true]:  first" "          at res://tests/test_failing.ts:16"
expect_followed_by "    [Failed]:  [[1, 2, 3]] expected to equal [[1, 2, 4]]:  arrays" "          first difference at [2]: 3 != 4"
expect_followed_by "          first difference at [2]: 3 != 4" "          at res://tests/test_failing.ts:18"
expect_followed_by "    [Failed]:  Uncaught Error: thrown from a helper" "          at res://tests/test_failing.ts:6"
expect_followed_by "    [Failed]:  failed on purpose after a frame" "          at res://tests/test_failing.ts:28"
expect_followed_by "    [Failed]:  Uncaught TypeError: async failure" "          at res://tests/test_failing.ts:29"
expect_followed_by '    [Failed]:  ["b"] expected not to equal ["b"]:  b fails' '          with parameters[1] = "b"'
expect_followed_by '          with parameters[1] = "b"' "          at res://tests/test_params.ts:13"
expect_line "          at res://tests/test_signals.ts:39"
expect_line '    [Failed]:  The test did not finish within 1 s (an await that never resolves?); raise the limit with -gtest_timeout=<s> or "test_timeout" in .gutconfig.json'
expect_line "    [Pending]:  not written yet"
expect_line "    [Risky]:  Did not assert"
expect_line "    [Risky]:  Script was skipped:  needs a feature this machine lacks"
expect_line "res://tests/test_inner.ts.TestInnerB"
expect_line "res://tests/unit/test_subdir.ts"
expect_line "* test_runs_after_the_hung_test"
expect_no_text "helpers.ts"
expect_no_text "test_notes"
expect_no_text "test_never_runs"
expect_no_text "SCRIPT ERROR"
# Declaration order, not alphabetical.
if grep -n -xF -e "* test_zeta_runs_first" -e "* test_alpha_runs_second" "$out/full.out" | head -1 | grep -q zeta; then ok "tests run in declaration order"; else bad "[full] test_zeta_runs_first did not run before test_alpha_runs_second"; fi
expect_junit "$out/full.xml" \
  'r.tag == "testsuites" and r.get("tests") == "43" and r.get("failures") == "8"' \
  'len(suites) == 15' \
  'suites["tests/test_failing.ts"].get("tests") == "4" and suites["tests/test_failing.ts"].get("failures") == "4"' \
  'cases[("tests/test_failing.ts", "test_eq_fails")].get("status") == "fail"' \
  '"res://tests/test_failing.ts:11" in text(cases[("tests/test_failing.ts", "test_eq_fails")], "failure")' \
  '"at helper_that_throws (res://tests/test_failing.ts:6:" in text(cases[("tests/test_failing.ts", "test_exception")], "failure")' \
  'cases[("tests/test_passing.ts", "test_equality")].get("assertions") == "10"' \
  'cases[("tests/test_passing.ts", "test_equality")].get("status") == "pass"' \
  'cases[("tests/test_passing.ts", "test_equality")].find("failure") is None' \
  'text(cases[("tests/test_pending_risky.ts", "test_pending_with_text")], "skipped") == "not written yet"' \
  'cases[("tests/test_pending_risky.ts", "test_risky_asserts_nothing")].get("status") == "risky"' \
  'suites["tests/test_pending_risky.ts"].get("skipped") == "2"' \
  'suites["tests/test_skipped.ts"].get("skipped") == "1" and suites["tests/test_skipped.ts"].get("tests") == "1"' \
  'suites["tests/test_inner.ts.TestInnerB"].get("tests") == "2"' \
  '"did not finish within 1 s" in text(cases[("tests/test_timeout.ts", "test_hangs")], "failure")' \
  'all(c.get("classname") == s.get("name") for s in r.findall("testsuite") for c in s.findall("testcase"))'

echo "==> One passing script"
run passing -gselect=test_passing
expect_code 0
expect_total Scripts 1
expect_total Tests 6
expect_total "Passing Tests" 6
expect_total "Failing Tests" 0
expect_total Asserts 43
expect_line "---- All tests passed! ----"
expect_line 'Ran Scripts matching "test_passing"'
expect_line "6/6 passed."

echo "==> Pending tests alone do not fail a run"
run pending -gselect=test_pending_risky -gunit_test_name=with_text
expect_code 0
expect_total Tests 1
expect_total Risky/Pending 1
expect_line "---- 1 pending/risky tests. ----"

echo "==> Broken scripts are failures, and the run goes on"
run broken -gconfig= -gdir=res://broken
expect_code 1
expect_total Scripts 6
expect_total Tests 6
expect_total "Passing Tests" 2
expect_total "Failing Tests" 4
expect_total Asserts 2/8
expect_followed_by "    [Failed]:  Could not import the script: Error: boom while importing" "          at res://broken/test_throws_on_import.ts:5"
expect_line "    [Failed]:  Could not import the script: ReferenceError: can't import \"./does_not_exist.js\" from res://broken/test_missing_module.ts:3: res://broken/does_not_exist.ts does not exist"
expect_line '    [Failed]:  Nothing to run in the script: its default export does not extend GutTest (write `export default class ... extends GutTest`)'
expect_line '    [Failed]:  Nothing to run in the script: it exports no test class (write `export default class ... extends GutTest`)'
expect_line "* (import)"
expect_followed_by "* before_all" "    [Failed]:  before_all threw: Error: before_all broke"
expect_followed_by "    [Failed]:  before_all threw: Error: before_all broke" "          at res://broken/test_hook_failures.ts:6"
expect_followed_by "* after_all" "    [Failed]:  [1] expected to equal [2]:  after_all assert"
expect_line "* test_still_runs"

echo "==> Failing before_all/after_all alone fail the run"
run hooks -gconfig= -gdir=res://broken -gselect=test_hook_failures -gjunit_xml_file="$out/hooks.xml"
expect_code 1
expect_total "Failing Tests" 0
expect_line "---- 2 assert(s) in before_all/after_all methods failed ----"
expect_junit "$out/hooks.xml" \
  'r.get("failures") == "1" and r.get("tests") == "2"' \
  '"before_all broke" in text(cases[("broken/test_hook_failures.ts", "before_all/after_all")], "failure")'

echo "==> Folders: subfolders only with -ginclude_subdirs; -gtest; -gprefix"
run no_subdirs -gconfig= -gdir=res://tests -gselect=test_subdir
expect_code 1
expect_line "[ERROR]:  Nothing was run."
run subdirs -gconfig= -gdir=res://tests -ginclude_subdirs -gselect=test_subdir
expect_code 0
expect_total Tests 1
run gtest -gconfig= -gtest=res://tests/test_inner.ts,res://broken/test_good.ts
expect_code 0
expect_total Scripts 4
expect_total Tests 5
run prefix -gconfig= -gdir=res://tests -gprefix=nomatch_
expect_code 1
expect_line "[ERROR]:  Nothing was run."

echo "==> Selecting inner classes and tests"
run inner -gselect=test_inner -ginner_class=TestInnerB
expect_code 0
expect_total Scripts 1
expect_total Tests 2
expect_line 'Ran Inner Classes matching "TestInnerB"'
run unit_test_name -gselect=test_params -gunit_test_name=sum
expect_code 0
expect_total Tests 1
expect_total Asserts 3

echo "==> Log levels"
run log0 -gselect=test_failing -glog=0
expect_code 1
expect_no_text "4 passed."
expect_line "* test_eq_fails"
run log0_passing -gselect=test_passing -glog=0
expect_no_text "* test_equality"
run log2 -gselect=test_failing -glog=2
expect_line '    [Passed]:  [1] expected to equal [1]:  this one passes'
if grep -q "^            at helper_that_throws (res://tests/test_failing.ts:6:" "$out/log2.out"; then ok "-glog=2 prints the mapped stack"; else bad "[log2] no mapped stack frame for helper_that_throws"; fi

echo "==> Command line"
run help -gh
expect_code 0
if grep -q -- "-gjunit_xml_file" "$out/help.out"; then ok "help lists -gjunit_xml_file"; else bad "[help] no -gjunit_xml_file in the help"; fi
expect_no_text "Totals"
run unknown -gbogus -gselect=test_passing
expect_code 1
expect_line '[ERROR]:  Unknown arguments: ["-gbogus"]'
run bad_value -glog=abc
expect_code 1
expect_line '[ERROR]:  -glog expects a whole number, got "abc"'
run user_args -- -gselect test_good -gdir res://broken
expect_code 0
expect_total Tests 1
run script_option --script res://gut_runner.ts -gselect=test_passing
expect_code 0
expect_total Tests 6

echo "==> .gutconfig.json"
run alt_config -gconfig=res://alt.gutconfig.json
expect_code 0
expect_total Tests 1
expect_line "[INFO]:  Results saved to user://gut_selftest/alt.xml"
expect_junit "$XDG_DATA_HOME/quickdot/app_userdata/quickdot_gut_fixtures/gut_selftest/alt.xml" \
  'r.get("tests") == "1" and r.get("failures") == "0"' \
  'cases[("broken/test_good.ts", "test_still_runs")].get("status") == "pass"'
run alt_config_overridden -gconfig=res://alt.gutconfig.json -gselect=test_throws -gjunit_xml_file=
expect_code 1
expect_total "Failing Tests" 1
expect_no_text "Results saved"
run missing_config -gconfig=res://no_such.gutconfig.json
expect_code 1
expect_line "[ERROR]:  Could not find the config file res://no_such.gutconfig.json"
echo '{ "dirs": ' >"$out/bad.json"
run bad_config -gconfig="$out/bad.json"
expect_code 1
if grep -q "^\[ERROR\]:  Could not parse the config file $out/bad.json" "$out/bad_config.err"; then ok "malformed config reported"; else bad "[bad_config] no parse error"; fi
echo '{ "dirs": "res://tests", "log_level": "loud" }' >"$out/typed.json"
run typed_config -gconfig="$out/typed.json"
expect_code 1
expect_line "[ERROR]:  $out/typed.json: \"log_level\" expects a whole number, got \"loud\""

echo "==> JUnit file name with a timestamp"
run timestamp -gselect=test_passing -gjunit_xml_file="$out/stamped.xml" -gjunit_xml_timestamp
expect_code 0
stamped=$(ls "$out"/stamped_*.xml 2>/dev/null | head -1)
if [ -n "$stamped" ]; then ok "wrote $(basename "$stamped")"; else bad "[timestamp] no $out/stamped_<time>.xml"; fi
[ -n "$stamped" ] && expect_junit "$stamped" 'r.get("tests") == "6" and r.get("failures") == "0"'

echo
if [ $failures -eq 0 ]; then
  echo "gut_selftest: all checks passed"
  exit 0
fi
echo "gut_selftest: $failures check(s) failed (outputs of the failing runs below)"
for name in "${failed_runs[@]}"; do
  [ -f "$out/$name.code" ] || continue
  echo "--- $name (exit $(cat "$out/$name.code")) ---"
  tail -n 40 "$out/$name.out"
  tail -n 10 "$out/$name.err"
done
exit 1
