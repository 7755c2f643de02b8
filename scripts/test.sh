#!/usr/bin/env bash
# Installs what is missing, then runs every test layer:
#   1. native tests of the pure core (cargo test), pinned to SciPy/pingouin fixtures;
#   2. browser unit tests of storage (wasm-bindgen-test in headless Chromium);
#   3. the release build, its size budget, and end-to-end tests in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

started=$SECONDS
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$((SECONDS - started))"; }

step "1/5 native tests: model, analysis, import, export, native command"
cargo test --locked

step "2/5 browser unit tests: storage in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser_storage

step "3/5 release build (trunk, wasm-opt, CSP hash)"
trunk build --release

step "4/5 first-load size (guard: 700 KB brotli without the files fetched on demand: ECharts, language packs, icons; see README)"
node scripts/size.mjs --budget-first-load 700000

step "5/5 end-to-end tests in Chromium against dist/"
node --test --test-concurrency=1 e2e/

printf '\nAll test layers passed in %ss.\n' "$((SECONDS - started))"
