#!/usr/bin/env bash
# Builds native (core, tests, CLI) and WASM (core tests, app, site). Usage: scripts/build.sh [native|wasm|all]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
what="${1:-all}"
JOBS="${JOBS:-$(nproc)}"
BUILD_TYPE="${BUILD_TYPE:-Release}"

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
  cmake --build "$ROOT/build/native" -j"$JOBS"
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DPAIRWISE_DEPS="$PAIRWISE_DEPS" >/dev/null
  cmake --build "$ROOT/build/wasm" -j"$JOBS"
  echo "build: the site is in $ROOT/build/wasm/site"
fi
