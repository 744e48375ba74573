#!/usr/bin/env bash
# Matching benchmark: builds native + WASM, times both on a reproducible skewed cohort, times
# LEMON's network simplex (dimacs-solver, Debian liblemon-utils) on the same DIMACS file,
# checks that the optimal totals agree and prints the ratios.
#   scripts/bench-matching.sh [--large] [--mentees N --mentors M --capacity C --seed S]
# --large runs 20000 x 8000 (capacity 3); LEMON then needs ~75 s and ~10 GB.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N=5000 M=2000 C=3 SEED=1 LARGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --large) LARGE=1; N=20000; M=8000 ;;
    --mentees) N="$2"; shift ;;
    --mentors) M="$2"; shift ;;
    --capacity) C="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
source "$ROOT/scripts/env.sh"  # NODE_PATH for em++, PAIRWISE_DEPS for the WASM configure
# Debian's emscripten keeps its prebuilt system libraries in its own frozen cache: never override it.
unset EM_CACHE

echo "== building native and WASM"
nice cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
nice cmake --build build/native --target matching_bench -j2 >/dev/null
nice emcmake cmake -S . -B build/wasm-bench -DCMAKE_BUILD_TYPE=Release -DPAIRWISE_DEPS="$PAIRWISE_DEPS" >/dev/null
nice cmake --build build/wasm-bench --target matching_bench -j2 >/dev/null
echo "load average before timing: $(cat /proc/loadavg)" 

OUT="$ROOT/build/bench"; mkdir -p "$OUT"
DIMACS="$OUT/cohort-${N}x${M}-c${C}-s${SEED}.min"
ARGS=(--mentees "$N" --mentors "$M" --capacity "$C" --seed "$SEED")
TIME=/usr/bin/time

echo "== native ($N mentees x $M mentors, capacity $C, seed $SEED)"
$TIME -f "native_wall_s=%e native_maxrss_kb=%M" ./build/native/matching_bench "${ARGS[@]}" --dimacs "$DIMACS" \
  2>&1 | tee "$OUT/native.txt"
echo "== WASM under node"
$TIME -f "wasm_wall_s=%e wasm_maxrss_kb=%M" node --no-experimental-fetch build/wasm-bench/matching_bench.js "${ARGS[@]}" \
  2>&1 | tee "$OUT/wasm.txt"
echo "== our solver reading the DIMACS file"
./build/native/matching_bench --solve-dimacs "$DIMACS" | tee "$OUT/ours-dimacs.txt"
echo "== LEMON network simplex (dimacs-solver -long)"
$TIME -f "lemon_wall_s=%e lemon_maxrss_kb=%M" dimacs-solver -long "$DIMACS" 2>&1 | grep -E "Run|cost|lemon_" | tee "$OUT/lemon.txt"

get() { grep -o "$2=[-0-9.]*" "$1" | head -1 | cut -d= -f2; }
native_ms=$(get "$OUT/native.txt" total_ms); wasm_ms=$(get "$OUT/wasm.txt" total_ms)
native_cost=$(get "$OUT/native.txt" min_cost); wasm_cost=$(get "$OUT/wasm.txt" min_cost)
dimacs_cost=$(get "$OUT/ours-dimacs.txt" min_cost)
lemon_cost=$(grep -o "Min flow cost: [-0-9]*" "$OUT/lemon.txt" | awk '{print $4}')
lemon_s=$(grep -o "Run NetworkSimplex:.*real: [0-9.e+-]*" "$OUT/lemon.txt" | sed 's/.*real: //')
lemon_wall=$(get "$OUT/lemon.txt" lemon_wall_s)
echo "== summary"
echo "load average after timing: $(cat /proc/loadavg)"
echo "min cost: native=$native_cost wasm=$wasm_cost ours-from-dimacs=$dimacs_cost lemon=$lemon_cost"
if [ "$native_cost" = "$lemon_cost" ] && [ "$wasm_cost" = "$lemon_cost" ] && [ "$dimacs_cost" = "$lemon_cost" ]; then
  echo "totals agree: yes"
else
  echo "totals agree: NO"; exit 1
fi
awk -v n="$native_ms" -v w="$wasm_ms" -v l="$lemon_s" -v lw="$lemon_wall" 'BEGIN {
  printf "ours native %.0f ms, ours WASM %.0f ms, LEMON network simplex %.0f ms (solve only; %.1f s with reading)\n", n, w, l*1000, lw;
  printf "speed-up vs LEMON solve: native x%.1f, WASM x%.1f\n", l*1000/n, l*1000/w }'
