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
#   scripts/bench-matching.sh --families [--seeds "1"] [--native-build DIR] [sizes as above]
# --families (native only): the benchmark that cannot flatter itself. DIMACS cost families
# (uniform; popularity-skewed x3; clustered with ties; sparse top-k lists) solved by
# `pairwise match --dimacs`, and profile cohorts (the skewed benchmark cohort; a Cochrane KT
# cohort, spread goal on) solved by matching_bench from profiles, each against LEMON's
# dimacs-solver in the same run on the same instance (for the Cochrane cohort: the
# `--write-dimacs` instance, the issue's comparison, and the `--with-goal` instance, whose optimum
# must equal ours). Whole process wall time and CPU time (user + sys) for both, totals checked,
# the WORST ratio is the headline, with where our time went. With a WASM build of matching_bench
# (--wasm-build DIR; default build/wasm-bench or build/wasm when one holds matching_bench.js) the
# profile cohorts are also run as WASM under node (the browser's matching worker runs the same
# code), in the same run against the same LEMON times, and the browser target (the Cochrane KT
# cohort matched in under 1 s as WASM) is checked. With a built site (--site DIR; default
# build/wasm/site) the Cochrane KT cohort is also timed in the app's own matching worker in
# headless Chromium (bench/browser_matching_worker.mjs): the issue's browser target.
#   scripts/bench-matching.sh --browser-worker [--site DIR] [--seed S] [sizes]   (RUNS=N requests)
# only that: the Cochrane KT cohort (spread goal on) in the matching worker, against the native total.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N=5000 M=2000 C=3 SEED=1 LARGE=0 FAMILIES=0 SEEDS="1 2 3" NATIVE_BUILD="" WASM_BUILD="" SITE="build/wasm/site" worker_ms=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) LARGE=1; N=20000; M=8000 ;;
    --mentees) N="$2"; shift ;;
    --mentors) M="$2"; shift ;;
    --capacity) C="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    --dimacs-families) FAMILIES=1 ;;
    --families) FAMILIES=2; SEEDS="1" ;;
    --browser-worker) FAMILIES=3 ;;
    --seeds) SEEDS="$2"; shift ;;
    --native-build) NATIVE_BUILD="$2"; shift ;;
    --wasm-build) WASM_BUILD="$2"; shift ;;
    --site) SITE="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
TIME=/usr/bin/time

if [ "$FAMILIES" = 3 ]; then
  # Only the browser target: the Cochrane KT cohort in the app's matching worker in Chromium,
  # checked against the native total for the same cohort.
  [ -n "$NATIVE_BUILD" ] || { NATIVE_BUILD=build/native; nice cmake --build "$NATIVE_BUILD" --target matching_bench -j2 >/dev/null; }
  OUT="$ROOT/build/bench"; mkdir -p "$OUT"
  args=(--cohort cochrane --mentees "$N" --mentors "$M" --capacity "$C" --seed "$SEED")
  echo "load average before timing: $(cat /proc/loadavg)"
  native=$("$NATIVE_BUILD/matching_bench" "${args[@]}")
  echo "native: $(grep -o "total_ms=[0-9.]*" <<<"$native") $(grep -o "total_score=[-0-9]*" <<<"$native")"
  "$NATIVE_BUILD/matching_bench" "${args[@]}" --write-worker-request "$OUT/cochrane-request.json" \
    --write-warm-up-request "$OUT/cochrane-warm-up.json" >/dev/null
  status=0
  node bench/browser_matching_worker.mjs "$OUT/cochrane-request.json" --warm-up "$OUT/cochrane-warm-up.json" \
    --site "$SITE" --runs "${RUNS:-6}" \
    --expect-total "$(grep -o "total_score=[-0-9]*" <<<"$native" | cut -d= -f2)" || status=1
  rm -f "$OUT/cochrane-request.json" "$OUT/cochrane-warm-up.json"
  echo "load average after timing: $(cat /proc/loadavg)"
  exit $status
fi

if [ "$FAMILIES" = 2 ]; then
  if [ -z "$NATIVE_BUILD" ]; then
    echo "== building native"
    NATIVE_BUILD=build/native
    nice cmake -S . -B "$NATIVE_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
    nice cmake --build "$NATIVE_BUILD" --target matching_bench pairwise -j2 >/dev/null
  fi
  if [ -z "$WASM_BUILD" ]; then
    for d in build/wasm-bench build/wasm; do [ -f "$d/matching_bench.js" ] && { WASM_BUILD=$d; break; }; done
  fi
  if [ -n "$WASM_BUILD" ] && [ ! -f "$WASM_BUILD/matching_bench.js" ]; then echo "no $WASM_BUILD/matching_bench.js" >&2; exit 2; fi
  OUT="$ROOT/build/bench"; mkdir -p "$OUT"
  LOG="$OUT/families.log"; : >"$LOG"
  browser_ms=""
  echo "load average before timing: $(cat /proc/loadavg)"
  # time_of OUTPUT -> "wall cpu" (seconds) from /usr/bin/time's line
  time_of() { grep -o "wall_s=[0-9.]* cpu=[0-9.]* [0-9.]*" <<<"$1" | awk '{split($1,w,"="); split($2,u,"="); printf "%s %.2f", w[2], u[2] + $3}'; }
  timed() { $TIME -f "wall_s=%e cpu=%U %S maxrss_kb=%M" "$@" 2>&1; }
  printf "%-40s %14s %8s %8s %8s %8s %8s %8s %s\n" instance total ours_s lemon_s ratio ours_cpu lemon_cpu cpu_ratio agree
  worst="" worst_name="" worst_cpu="" worst_cpu_name="" all_agree=1
  row() {  # name ours_out lemon_out ours_total lemon_total
    local name=$1 ours=$2 lemon=$3 ot=$4 lt=$5 agree=yes
    read -r ow oc <<<"$(time_of "$ours")"; read -r lw lc <<<"$(time_of "$lemon")"
    [ -n "$ot" ] && [ "$ot" = "$lt" ] || { agree=NO; all_agree=0; }
    local ratio cpu_ratio
    ratio=$(awk -v l="$lw" -v o="$ow" 'BEGIN { printf "%.2f", l / (o > 0 ? o : 0.01) }')
    cpu_ratio=$(awk -v l="$lc" -v o="$oc" 'BEGIN { if (l + o < 0.05) print "-"; else printf "%.2f", l / (o > 0 ? o : 0.01) }')
    printf "%-40s %14s %8s %8s %7sx %8s %8s %7sx %s\n" "$name" "$ot" "$ow" "$lw" "$ratio" "$oc" "$lc" "$cpu_ratio" "$agree"
    { echo "== $name"; echo "$ours"; echo "-- LEMON"; echo "$lemon"; } >>"$LOG"
    if [ -z "$worst" ] || awk -v r="$ratio" -v w="$worst" 'BEGIN { exit !(r < w) }'; then worst=$ratio; worst_name=$name; fi
    if [ "$cpu_ratio" = "-" ]; then :; elif [ -z "$worst_cpu" ] || awk -v r="$cpu_ratio" -v w="$worst_cpu" 'BEGIN { exit !(r < w) }'; then worst_cpu=$cpu_ratio; worst_cpu_name=$name; fi
  }
  lemon_cost() { grep -o "Min flow cost: [-0-9]*" <<<"$1" | awk '{print $4}'; }
  for seed in $SEEDS; do
    for family in "uniform" "skewed 0.7 200" "skewed 1.5 200" "skewed 0.3 1000" "clustered" "topk"; do
      read -r kind skew noise <<<"$family"
      name="$kind${skew:+-k$skew-r$noise}-${N}x${M}-c${C}-s${seed}"
      file="$OUT/$name.min"
      "$NATIVE_BUILD/matching_bench" --write-family "$kind" "$file" --mentees "$N" --mentors "$M" --capacity "$C" --seed "$seed" \
        ${skew:+--skew "$skew" --noise "$noise"} >/dev/null
      ours=$(timed "$NATIVE_BUILD/pairwise" match --dimacs "$file")
      lemon=$(timed dimacs-solver -long "$file")
      rm -f "$file"  # ~180 MB each
      row "dimacs $name" "$ours" "$lemon" "$(grep -o "optimal cost [-0-9]*" <<<"$ours" | awk '{print $3}')" "$(lemon_cost "$lemon")"
    done
    for cohort in bench cochrane; do
      name="profiles $cohort-${N}x${M}-c${C}-s${seed}"
      args=(--cohort "$cohort" --mentees "$N" --mentors "$M" --capacity "$C" --seed "$seed")
      inst="$OUT/$cohort-instance.min" ginst="$OUT/$cohort-goal-instance.min"
      written=$("$NATIVE_BUILD/matching_bench" "${args[@]}" --write-instance "$inst" --write-goal-instance "$ginst")
      offset=$(grep -o "goal_offset=[-0-9]*" <<<"$written" | cut -d= -f2)
      ours=$(timed "$NATIVE_BUILD/matching_bench" "${args[@]}")
      objective=$(grep -o "objective=[-0-9]*" <<<"$ours" | cut -d= -f2)
      grep -q "optimal=yes" <<<"$ours" || { echo "NOT PROVEN OPTIMAL: $name"; all_agree=0; }
      # LEMON on the instance with the goal (the same objective as ours: offset - min cost)
      lemon_goal=$(timed dimacs-solver -long "$ginst")
      lemon_objective=$(awk -v o="$offset" -v c="$(lemon_cost "$lemon_goal")" 'BEGIN { printf "%d", o - c }')
      label="$name"; grep -q "goal on" <<<"$ours" && label="$name (--with-goal instance)"
      row "$label" "$ours" "$lemon_goal" "$objective" "$lemon_objective"
      if [ -n "$WASM_BUILD" ]; then
        wasm=$(timed node --no-experimental-fetch "$WASM_BUILD/matching_bench.js" "${args[@]}")
        grep -q "optimal=yes" <<<"$wasm" || { echo "NOT PROVEN OPTIMAL (WASM): $name"; all_agree=0; }
        row "$name WASM" "$wasm" "$lemon_goal" "$(grep -o "objective=[-0-9]*" <<<"$wasm" | cut -d= -f2)" "$lemon_objective"
        if [ "$cohort" = cochrane ]; then browser_ms=$(grep -o "total_ms=[0-9.]*" <<<"$wasm" | cut -d= -f2); fi
      fi
      if [ "$cohort" = cochrane ] && [ -f "$SITE/matching_worker.js" ]; then
        # The same cohort in the app's own matching worker in Chromium (the production site):
        # the request the Matching screen sends, timed in the page from posting to the reply.
        "$NATIVE_BUILD/matching_bench" "${args[@]}" --write-worker-request "$OUT/cochrane-request.json" \
          --write-warm-up-request "$OUT/cochrane-warm-up.json" >/dev/null
        worker=$(node bench/browser_matching_worker.mjs "$OUT/cochrane-request.json" --warm-up "$OUT/cochrane-warm-up.json" \
                   --site "$SITE" --runs 4 \
                   --expect-total "$(grep -o "total_score=[-0-9]*" <<<"$ours" | cut -d= -f2)" 2>&1) || { echo "$worker"; all_agree=0; }
        echo "$worker" | tee -a "$LOG"
        worker_ms=$(grep -o "prepared worst [0-9]*" <<<"$worker" | awk '{print $3}')
        rm -f "$OUT/cochrane-request.json" "$OUT/cochrane-warm-up.json"
      fi
      if grep -q "goal on" <<<"$ours"; then
        # the issue's comparison: LEMON on the instance --write-dimacs writes (before the goal);
        # its optimum is ours with the goal off (checked in the --with-goal row above).
        lemon_plain=$(timed dimacs-solver -long "$inst")
        ours_plain=$(timed "$NATIVE_BUILD/matching_bench" "${args[@]}" --no-goal)
        plain_total=$(grep -o "min_cost=[-0-9]*" <<<"$ours_plain" | cut -d= -f2)
        row "$name vs --write-dimacs (goal on)" "$ours" "$lemon_plain" "$plain_total" "$(lemon_cost "$lemon_plain")"
      fi
      rm -f "$inst" "$ginst"
    done
  done
  echo "load average after timing: $(cat /proc/loadavg)"
  echo "ours: pairwise match --dimacs FILE (DIMACS rows) or matching_bench --cohort C (profiles, explanations on);"
  echo "LEMON: dimacs-solver -long FILE; both whole process; ratio = LEMON / ours (wall), cpu_ratio the same in CPU s"
  echo "(the row 'vs --write-dimacs' compares totals of our goal-off run with LEMON's; its time is our goal-on run)"
  echo "worst ratio (wall): ${worst}x ($worst_name)"
  echo "worst ratio (cpu):  ${worst_cpu}x ($worst_cpu_name)"
  if [ -n "$browser_ms" ]; then
    awk -v t="$browser_ms" 'BEGIN { printf "browser target (Cochrane KT cohort, goal on, matcher as WASM < 1000 ms): %.0f ms: %s\n", t, t < 1000 ? "met" : "NOT met" }'
  else
    echo "browser target not checked: no WASM build (--wasm-build DIR, or build matching_bench into build/wasm-bench)"
  fi
  if [ -n "$worker_ms" ]; then
    awk -v t="$worker_ms" 'BEGIN { printf "browser target (the same cohort in the app'"'"'s matching worker in Chromium, worst request < 1000 ms): %.0f ms: %s\n", t, t < 1000 ? "met" : "NOT met" }'
  else
    echo "matching worker not timed: no site in $SITE (scripts/build.sh wasm, or --site DIR)"
  fi
  echo "where our time went (per instance): $LOG"
  grep -E "^== |^pairwise: read|scoring_ms|presolve_ms|sparse_solves" "$LOG" | sed 's/^/  /'
  if [ "$all_agree" = 1 ]; then echo "totals agree: yes"; else echo "totals agree: NO"; exit 1; fi
  exit 0
fi
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
