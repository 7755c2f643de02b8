#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on 127.0.0.1.
# A first visit shows the Projects page with the demo project ready.
# PORT=9000 ./scripts/serve.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/size.mjs | tail -n 3
exec node scripts/serve-dist.mjs --dir dist --port "${PORT:-8080}"
