#!/usr/bin/env bash
# Install and build blamelint in this checkout unless that is done already.
# The GitHub Action (action.yml) and the pre-commit hook run blamelint from a
# checkout of this repository rather than from npm, so their first run
# builds it (a few seconds with a warm pnpm store). Progress goes to stderr.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
marker="$root/node_modules/.blamelint-built"
[ -f "$marker" ] && exit 0

cd "$root"
if command -v pnpm >/dev/null 2>&1; then
  pnpm=(pnpm)
else
  # pnpm then switches to the exact version package.json#packageManager names.
  pnpm=(npx --yes pnpm@10)
fi
echo "blamelint: first run in $root: installing and building..." >&2
"${pnpm[@]}" install --frozen-lockfile >&2
"${pnpm[@]}" run build >&2
# Written last, so an interrupted build is redone next time.
touch "$marker"
