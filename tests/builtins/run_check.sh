#!/usr/bin/env bash
# Compiles the built-in value types with the results checker and runs it under Node.
#   tests/builtins/run_check.sh [Class]    only the calls of one class, e.g. Vector3
set -euo pipefail
cd "$(dirname "$0")/../.."
node_modules/.bin/tsc -p tests/builtins
echo '{ "type": "module" }' > .build/builtins_check/package.json
node .build/builtins_check/tests/builtins/check_results.js tests/reference/godot-4.6-builtin-results.json "$@"
node .build/builtins_check/tests/builtins/check_strings.js ts-types/reference/godot-4.6-builtin-classes.json "$@"
node .build/builtins_check/tests/builtins/check_containers.js "$@"
node .build/builtins_check/tests/builtins/check_api.js ts-types/reference/godot-4.6-builtin-classes.json "$@"
