#!/usr/bin/env bash
# Installs Neovim for the language server's editor test
# (packages/language-server/test/nvim.test.ts) when it is missing: Debian's
# `neovim` package (0.7 or later has the built-in LSP client it uses).
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
  nvim --version | head -n 1
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-neovim: nvim is missing and apt-get is not available; install Neovim 0.7 or later" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq neovim >/dev/null
nvim --version | head -n 1
