#!/usr/bin/env bash
# The formatting check: C and C++ against .clang-format (Godot's style, clang-format 14) and
# TypeScript against .prettierrc.json (prettier, pinned in package.json).
#   tools/check_format.sh            check every tracked source file (what CI runs)
#   tools/check_format.sh --changed  check only the files that differ from HEAD (before a commit)
#   tools/check_format.sh --fix      rewrite the files instead (add --changed for just those)
# Exit 0 when everything is formatted, 1 listing the files that are not (with the command that
# fixes them), 77 when a formatter is not installed (tools/setup.sh installs both).
set -uo pipefail
cd "$(dirname "$0")/.."

fix=0
changed=0
for arg in "$@"; do
  case "$arg" in
    --fix) fix=1 ;;
    --changed) changed=1 ;;
    *) echo "usage: tools/check_format.sh [--changed] [--fix]" >&2; exit 2 ;;
  esac
done

clang_format=$(command -v clang-format-14 || true)
prettier=node_modules/.bin/prettier
[ -n "$clang_format" ] || { echo "check_format: clang-format-14 is not installed (apt-get install clang-format-14)" >&2; exit 77; }
[ -x "$prettier" ] || { echo "check_format: prettier is not installed (npm ci)" >&2; exit 77; }

list_files() { # $1...: git pathspecs
  if [ "$changed" -eq 1 ]; then
    { git diff --name-only --diff-filter=ACMR HEAD -- "$@"; git ls-files --others --exclude-standard -- "$@"; } | sort -u
  else
    git ls-files -- "$@"
  fi
}

mapfile -t cpp_files < <(list_files '*.c' '*.cpp' '*.h')
# prettier itself leaves out what .prettierignore lists (generated typings).
mapfile -t ts_files < <(list_files '*.ts')

if [ "$fix" -eq 1 ]; then
  [ "${#cpp_files[@]}" -eq 0 ] || "$clang_format" -i "${cpp_files[@]}"
  [ "${#ts_files[@]}" -eq 0 ] || "$prettier" --log-level warn --write "${ts_files[@]}"
  exit 0
fi

unformatted=()
for f in "${cpp_files[@]}"; do
  "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ "${#ts_files[@]}" -gt 0 ]; then
  mapfile -t -O "${#unformatted[@]}" unformatted < <("$prettier" --list-different "${ts_files[@]}")
fi

echo "check_format: ${#cpp_files[@]} C/C++ and ${#ts_files[@]} TypeScript files checked (less those .prettierignore lists)"
if [ "${#unformatted[@]}" -gt 0 ]; then
  printf '  not formatted: %s\n' "${unformatted[@]}"
  echo "check_format: run tools/check_format.sh --fix (and review the diff) to format them" >&2
  exit 1
fi
