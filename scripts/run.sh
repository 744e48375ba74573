#!/usr/bin/env bash
# Sets up (if needed), builds the app and serves it. PORT=8080 and HOST=127.0.0.1 by default.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
source "$ROOT/scripts/env.sh"
bash "$ROOT/scripts/build.sh" wasm
exec node "$ROOT/scripts/serve-site.mjs" "$ROOT/build/wasm/site" "${PORT:-8080}" "${HOST:-127.0.0.1}"
