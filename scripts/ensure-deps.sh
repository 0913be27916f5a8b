#!/usr/bin/env bash
# Installs the system packages Gazette builds against, when they are missing and we may install them
# (root, or sudo without a password); otherwise prints the exact command and fails.
set -euo pipefail

# libcurl4-openssl-dev: Gazette's HTTP transport (NewsSources, through the CCurl module), and with
# libxml2-dev what the statically linked Foundation of the release binary needs (`-lcurl`, `-lxml2`).
packages=(libncurses-dev libsqlite3-dev libgumbo-dev tmux pkg-config libcurl4-openssl-dev libxml2-dev)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
elif [ "$(uname)" = Darwin ]; then
  for p in ncurses sqlite gumbo-parser tmux pkg-config; do
    brew list "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "gazette: missing Homebrew packages: ${missing[*]}" >&2
    echo "  run: brew install ${missing[*]}" >&2
    exit 1
  fi
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null 2>&1; then
  echo "gazette: the Swift toolchain (6.1 or later) is not on PATH; see https://www.swift.org/install/" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "gazette: missing system packages: ${missing[*]}" >&2
  echo "  run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "gazette: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
