#!/usr/bin/env bash
# Entry of the `blamelint` hook in .pre-commit-hooks.yaml: build blamelint on
# first use, then lint the files pre-commit passes (arguments come first).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/ensure-built.sh"
exec node "$root/packages/cli/dist/bin.js" "$@"
