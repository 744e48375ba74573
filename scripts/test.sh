#!/usr/bin/env bash
# Sets up (if needed), builds native and WASM, and runs every test: native doctest (CTest), the
# calendar files read back by Python's icalendar, the same core tests as WASM under node, the bounded
# fuzz run, and the browser suite in headless Chromium.
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
# Options (environment): SKIP_BROWSER=1, SKIP_FUZZ=1, FUZZ_SECONDS=20.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/build/test-logs"
started=$(date +%s)

bash "$ROOT/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }
source "$ROOT/scripts/env.sh"
mkdir -p "$LOGS"

passed=0; failed=0
declare -a failures=()
record() { # name passed failed
  passed=$((passed + $2)); failed=$((failed + $3))
  [ "$3" -gt 0 ] && failures+=("$1: $3 failed")
  echo "test: $1: $2 passed, $3 failed"
}
# Reads doctest's closing summary; a run that crashed before it counts as one failure.
doctest_counts() { # name log exit-code
  local line; line="$(grep -E '^\[doctest\] test cases:' "$2" | tail -1)"
  if [ -z "$line" ]; then record "$1" 0 1; echo "test: $1 did not finish; see $2"; tail -20 "$2"; return; fi
  local p f
  p="$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")"
  f="$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")"
  [ "$3" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "$1" "$p" "$f"
  [ "$f" -gt 0 ] && grep -B2 -A8 -E 'ERROR|FATAL' "$2" | head -60
}

echo "test: building native"
if ! bash "$ROOT/scripts/build.sh" native >"$LOGS/build-native.log" 2>&1; then
  tail -40 "$LOGS/build-native.log"; record "native build" 0 1
else
  # The doctest binary itself (CTest's core_native runs the same binary: once is enough).
  "$ROOT/build/native/pairwise_tests" --no-colors=true >"$LOGS/native-doctest.log" 2>&1; rc=$?
  doctest_counts "native core tests" "$LOGS/native-doctest.log" $rc

  # The calendar files the CLI writes (the app writes the same from the same core), read back by an
  # independent parser: Debian's python3-icalendar, which /usr/bin/python3 sees.
  cal_passed=0; cal_failed=0; : >"$LOGS/calendar.log"
  for which in planned next; do
    out="$LOGS/calendar-$which.ics"; next_flag=(); [ "$which" = next ] && next_flag=(--next)
    if "$ROOT/build/native/pairwise" calendar --from "$ROOT/tests/fixtures/calendar.backup.json" \
         --mentor mentor@example.org --mentee mentee@example.org --today 2024-01-01 "${next_flag[@]}" -o "$out" \
         >>"$LOGS/calendar.log" 2>&1 &&
       /usr/bin/python3 "$ROOT/tests/calendar/check_ics.py" "$which" "$out" >>"$LOGS/calendar.log" 2>&1; then
      cal_passed=$((cal_passed + 1))
    else
      cal_failed=$((cal_failed + 1))
    fi
  done
  record "calendar files (python3-icalendar)" "$cal_passed" "$cal_failed"
  [ "$cal_failed" -gt 0 ] && tail -20 "$LOGS/calendar.log"
fi

echo "test: building WASM"
if ! bash "$ROOT/scripts/build.sh" wasm >"$LOGS/build-wasm.log" 2>&1; then
  tail -40 "$LOGS/build-wasm.log"; record "wasm build" 0 1
else
  node --no-experimental-fetch "$ROOT/build/wasm/pairwise_tests.js" --no-colors=true >"$LOGS/wasm-doctest.log" 2>&1; rc=$?
  doctest_counts "WASM core tests (node)" "$LOGS/wasm-doctest.log" "$rc"

  if [ "${SKIP_BROWSER:-0}" != 1 ]; then
    echo "test: browser suite (headless Chromium)"
    ( cd "$ROOT/tests/browser" && node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs ) >"$LOGS/browser.log" 2>&1; rc=$?
    bp="$(grep -E '^# pass ' "$LOGS/browser.log" | awk '{print $3}')"; bf="$(grep -E '^# fail ' "$LOGS/browser.log" | awk '{print $3}')"
    if [ -z "$bp" ]; then bp=0; bf=1; tail -30 "$LOGS/browser.log"; fi
    [ "$rc" -ne 0 ] && [ "$bf" -eq 0 ] && bf=1
    record "browser suite" "$bp" "$bf"
    [ "$bf" -gt 0 ] && grep -E -A20 '^not ok' "$LOGS/browser.log" | head -80
    grep -E '^# (idle tab|measure)' "$LOGS/browser.log" || true
  fi
fi

if [ "${SKIP_FUZZ:-0}" != 1 ] && [ -x "$ROOT/scripts/fuzz.sh" ]; then
  echo "test: fuzzing the JSON, CSV and XLSX readers (${FUZZ_SECONDS:-20} s each)"
  if bash "$ROOT/scripts/fuzz.sh" "${FUZZ_SECONDS:-20}" >"$LOGS/fuzz.log" 2>&1; then record "fuzzing" 1 0
  else tail -30 "$LOGS/fuzz.log"; record "fuzzing" 0 1; fi
fi

echo "test: logs in $LOGS; took $(( $(date +%s) - started )) s"
for f in "${failures[@]}"; do echo "test: FAILED $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
