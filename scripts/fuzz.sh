#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build/fuzz and runs each for a bounded time.
# Usage: scripts/fuzz.sh [seconds-per-target]   (default 20). Exits non-zero on a crash; the
# crashing input is copied to tests/fixtures/fuzz-regressions/ so the doctest suite keeps it.
set -euo pipefail
seconds="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/fuzz"
CXX=clang++ cmake -S "$root" -B "$build" -DPAIRWISE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target fuzz_json_documents fuzz_csv_reader fuzz_xlsx_reader
status=0
for pair in "fuzz_json_documents:json" "fuzz_csv_reader:csv" "fuzz_xlsx_reader:xlsx"; do
  target="${pair%%:*}"; kind="${pair##*:}"
  work="$build/corpus-$kind"; artifacts="$build/artifacts-$kind/"
  mkdir -p "$work" "$artifacts"
  echo "== $target for ${seconds}s"
  if ! "$build/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$artifacts" "$work" "$root/fuzz/corpus/$kind"; then
    status=1
    for crash in "$artifacts"*; do
      [ -f "$crash" ] && cp "$crash" "$root/tests/fixtures/fuzz-regressions/$kind/$(basename "$crash")"
    done
    echo "!! $target found a crash; input kept in tests/fixtures/fuzz-regressions/$kind/" >&2
  fi
done
exit $status
