#!/usr/bin/env bash
# Installs what Gaplens needs to build and test, and skips what is already
# present at the pinned version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

# Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Chromium + driver: browser-side unit tests and end-to-end tests; poppler-utils
# (pdftotext, pdftoppm) reads the Report's printed PDF in the end-to-end tests.
APT_PACKAGES="chromium chromium-driver poppler-utils"
# shellcheck disable=SC2086
if ! dpkg -s $APT_PACKAGES >/dev/null 2>&1; then
  say "installing $APT_PACKAGES (apt)"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $APT_PACKAGES >/dev/null
fi

# Trunk, pinned: newer releases need a newer rustc.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen CLI must match the wasm-bindgen crate pinned in Cargo.toml.
# No --locked: its lock file does not resolve here.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node packages: wasm-opt (binaryen 132; Debian's 108 breaks the module) and
# playwright-core for the end-to-end tests (it drives Debian's chromium).
if ! npm ls --depth=0 >/dev/null 2>&1 || [ ! -d node_modules ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "toolchain ready"
