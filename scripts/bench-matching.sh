#!/usr/bin/env bash
# Matching benchmark: builds native + WASM, times both on a reproducible skewed cohort, times
# LEMON's network simplex (dimacs-solver, Debian liblemon-utils) on the same DIMACS file,
# checks that the optimal totals agree and prints the ratios.
#   scripts/bench-matching.sh [--large] [--mentees N --mentors M --capacity C --seed S]
# --large runs 20000 x 8000 (capacity 3); LEMON then needs ~75 s and ~10 GB.
#   scripts/bench-matching.sh --dimacs-families [--seeds "1 2 3"] [--native-build DIR] [sizes as above]
# --dimacs-families (native only): DIMACS instances the matcher has never seen, popularity-skewed
# costs in super-source form (bench/dimacs_families.hpp; ~10 % of pairs forbidden), several skews
# and noise levels and several seeds; each is solved by `pairwise match --dimacs` and by LEMON's
# dimacs-solver in the same run, whole process timed, totals checked; the headline is the WORST
# ratio. --native-build uses an existing native build (pairwise, matching_bench) instead of building.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N=5000 M=2000 C=3 SEED=1 LARGE=0 FAMILIES=0 SEEDS="1 2 3" NATIVE_BUILD=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) LARGE=1; N=20000; M=8000 ;;
    --mentees) N="$2"; shift ;;
    --mentors) M="$2"; shift ;;
    --capacity) C="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    --dimacs-families) FAMILIES=1 ;;
    --seeds) SEEDS="$2"; shift ;;
    --native-build) NATIVE_BUILD="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
TIME=/usr/bin/time

if [ "$FAMILIES" = 1 ]; then
  if [ -z "$NATIVE_BUILD" ]; then
    echo "== building native"
    NATIVE_BUILD=build/native
    nice cmake -S . -B "$NATIVE_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
    nice cmake --build "$NATIVE_BUILD" --target matching_bench pairwise -j2 >/dev/null
  fi
  OUT="$ROOT/build/bench"; mkdir -p "$OUT"
  echo "load average before timing: $(cat /proc/loadavg)"
  # skew (power-law exponent of mentor popularity by rank) and noise (per-pair spread against a top
  # popularity of 1000): a few mentors wanted by all, a gentler slope, and noise that dominates.
  FAMILY_LIST=("0.7 200" "1.5 200" "0.3 1000")
  printf "%-34s %12s %10s %10s %10s %8s\n" instance min_cost ours_s lemon_s lemon_read ratio
  worst="" worst_name="" all_agree=1
  for seed in $SEEDS; do
    for family in "${FAMILY_LIST[@]}"; do
      read -r skew noise <<<"$family"
      name="skewed-${N}x${M}-c${C}-k${skew}-r${noise}-s${seed}"
      file="$OUT/$name.min"
      "$NATIVE_BUILD/matching_bench" --write-skewed-dimacs "$file" --mentees "$N" --mentors "$M" --capacity "$C" \
        --seed "$seed" --skew "$skew" --noise "$noise" >/dev/null
      ours=$($TIME -f "wall_s=%e maxrss_kb=%M" "$NATIVE_BUILD/pairwise" match --dimacs "$file" 2>&1)
      lemon=$($TIME -f "wall_s=%e maxrss_kb=%M" dimacs-solver -long "$file" 2>&1)
      rm -f "$file"  # ~180 MB each
      ours_cost=$(grep -o "optimal cost [-0-9]*" <<<"$ours" | awk '{print $3}')
      lemon_cost=$(grep -o "Min flow cost: [-0-9]*" <<<"$lemon" | awk '{print $4}')
      ours_s=$(grep -o "wall_s=[0-9.]*" <<<"$ours" | cut -d= -f2)
      lemon_s=$(grep -o "wall_s=[0-9.]*" <<<"$lemon" | cut -d= -f2)
      lemon_read=$(grep -o "Read the file:.*real: [0-9.e+-]*" <<<"$lemon" | sed 's/.*real: //')
      ratio=$(awk -v l="$lemon_s" -v o="$ours_s" 'BEGIN { printf "%.2f", l / o }')
      if [ -z "$ours_cost" ] || [ "$ours_cost" != "$lemon_cost" ]; then
        all_agree=0; echo "TOTALS DIFFER on $name: ours=$ours_cost lemon=$lemon_cost"; echo "$ours"
      fi
      printf "%-34s %12s %10s %10s %10.2f %7sx\n" "$name" "$ours_cost" "$ours_s" "$lemon_s" "$lemon_read" "$ratio"
      if [ -z "$worst" ] || awk -v r="$ratio" -v w="$worst" 'BEGIN { exit !(r < w) }'; then worst=$ratio; worst_name=$name; fi
    done
  done
  echo "load average after timing: $(cat /proc/loadavg)"
  echo "ours = pairwise match --dimacs, LEMON = dimacs-solver -long, both whole process (wall s); ratio = LEMON / ours"
  echo "worst ratio: ${worst}x ($worst_name)"
  if [ "$all_agree" = 1 ]; then echo "totals agree: yes"; else echo "totals agree: NO"; exit 1; fi
  exit 0
fi
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
