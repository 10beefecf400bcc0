# Shared by the shell test scripts: each check prints "ok" or "FAIL" and a failure sets $fail.
# Callers set $out (the captured output) and $code (the exit code) first.
fail=0

# check <extended regex> <what it proves>: the pattern must appear in $out.
check() { if grep -qE -- "$1" "$out"; then echo "    ok: $2"; else echo "    FAIL: $2 (no \"$1\" in output)"; fail=1; fi; }

# expect_code <code> <what it proves>: $code must be <code>.
expect_code() { if [ "$code" -eq "$1" ]; then echo "    ok: $2"; else echo "    FAIL: $2 (exit code $code, expected $1)"; fail=1; fi; }
