#!/usr/bin/env bash
# Make the `pre-commit` tool available for packages/cli/test/pre-commit.test.ts
# (Debian package; the test fails, naming this script, when it is missing).
set -euo pipefail
command -v pre-commit >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq pre-commit >/dev/null
pre-commit --version
