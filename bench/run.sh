#!/usr/bin/env bash
# Runs Headway's benchmarks against an existing build and checks them against the targets in
# docs/PERFORMANCE.md. Builds nothing: `make bench` builds build/release first.
#
#   BUILD_DIR=build/bench bash bench/run.sh     # another build directory (default build/release)
#   RUNS=20 bash bench/run.sh                   # fewer hyperfine runs per command (default 50)
#   STORAGE_PEOPLE=1000 bash bench/run.sh       # a smaller storage data set (default 10000; 0 skips it)
#   STORAGE_PORT=55433                          # loopback port of the storage section's PostgreSQL
#
# Every step runs under `timeout`: the micro-benchmarks and end-to-end runs take at most about
# 6 minutes (about 1 minute normally); the storage section, SQLite and a throwaway PostgreSQL
# server side by side, takes about 4 minutes at the default size and is stopped after
# 5 minutes + 0.1 s per person (about 22 minutes at 10,000). It exits 1 when a target is missed
# or the storage section fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-build/release}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
HEADWAY=$BUILD_DIR/headway
BENCH=$BUILD_DIR/bench/headway_bench
STORAGE_BENCH=$BUILD_DIR/bench/headway_storage_bench
RUNS=${RUNS:-50}
DAYS=1826  # 5 years
STORAGE_PEOPLE=${STORAGE_PEOPLE:-10000}
STORAGE_PORT=${STORAGE_PORT:-55433}
if ! [[ $STORAGE_PEOPLE =~ ^[0-9]+$ ]]; then
  echo "bench/run.sh: STORAGE_PEOPLE must be a whole number (0 skips the storage section)" >&2
  exit 2
fi

bins=("$HEADWAY" "$BENCH")
((STORAGE_PEOPLE == 0)) || bins+=("$STORAGE_BENCH")
for bin in "${bins[@]}"; do
  if [[ ! -x $bin ]]; then
    echo "bench/run.sh: $bin not found; build first (make bench, or set BUILD_DIR)" >&2
    exit 2
  fi
done
if ! command -v hyperfine >/dev/null; then
  echo "bench/run.sh: hyperfine is not installed (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/headway-bench.XXXXXX")
PGDIR=""  # the storage section's throwaway PostgreSQL server, stopped and removed on exit
cleanup() {
  if [[ -n $PGDIR ]]; then
    timeout 60 bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" || true
    rm -rf "$PGDIR"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One core for the micro-benchmarks, when the machine lets us pin.
PIN=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then PIN=(taskset -c 0); fi

echo "== machine =="
echo "cores: $(nproc)  cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)" \
     " memory: $(free -g | awk '/^Mem:/ {print $2}') GiB  date: $(date -u +%F)"
echo "binaries: $BUILD_DIR  pinned: ${PIN[*]:-no}  load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- Google Benchmark: evaluator and weekly report ---------------------------------------------
echo
echo "== Google Benchmark (${PIN[*]:-unpinned}) =="
GB_JSON=$WORK/gbench.json
# TMPDIR=$WORK: the report benchmarks' 5-year database goes where the trap removes it.
TMPDIR=$WORK timeout 150 "${PIN[@]}" "$BENCH" --benchmark_min_time=0.5 --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$GB_JSON" --benchmark_out_format=json \
  || echo "bench/run.sh: headway_bench failed or timed out" >&2

# gb NAME FIELD: a field (real_time, cpu_time, items_per_second) of a benchmark's median row.
gb() {
  [[ -f $GB_JSON ]] || return 0
  awk -v name="$1_median" -v field="$2" '
    /"name":/ { n = $0; sub(/^[^:]*: *"/, "", n); sub(/",? *$/, "", n) }
    n == name && $0 ~ "\"" field "\":" { v = $0; sub(/^[^:]*: */, "", v); sub(/,? *$/, "", v); print v; exit }
  ' "$GB_JSON"
}

# --- End to end with hyperfine, on a 5-year data directory --------------------------------------
echo
echo "== end to end (hyperfine, $RUNS runs) =="
DATA=$WORK/data
echo "preparing $DAYS days of demo data ..."
timeout 60 "$HEADWAY" --data-dir "$DATA" demo --days "$DAYS" >/dev/null
FROM=$(date -d "$((DAYS - 1)) days ago" +%F)
TO=$(date +%F)

# e2e NAME COMMAND: hyperfine statistics in $WORK/NAME.csv (mean,stddev,median,... in seconds).
e2e() {
  local name=$1 cmd=$2
  timeout 45 hyperfine --shell=none --warmup 5 --runs "$RUNS" --export-csv "$WORK/$name.csv" \
    --export-json "$WORK/$name.json" "$cmd" || echo "bench/run.sh: $name failed or timed out" >&2
}
e2e startup "$HEADWAY --help"  # the floor: process start and argument parsing, no database
e2e report "$HEADWAY --data-dir $DATA report week"
e2e boundary "$HEADWAY --data-dir $DATA boundary check --from $FROM --to $TO --format json"
e2e checkin "$HEADWAY --data-dir $DATA checkin --start 09:00 --end 17:30 --stress 2 --energy 4"

# hf NAME COLUMN: a hyperfine figure in milliseconds (2 = mean, 4 = median).
hf() {
  [[ -f $WORK/$1.csv ]] || return 0
  awk -F, -v col="$2" 'NR == 2 { printf "%.1f", $col * 1000 }' "$WORK/$1.csv"
}

# --- Storage: SQLite and PostgreSQL side by side ------------------------------------------------
# Bulk insert, weekly report and db copy on a year of check-ins per person; figures only, no
# targets. The PostgreSQL server is a throwaway one on a loopback port, in its own directory.
storage_status="skipped (STORAGE_PEOPLE=0)" storage_result="-"
if ((STORAGE_PEOPLE > 0)); then
  echo
  echo "starting a throwaway PostgreSQL server on 127.0.0.1:$STORAGE_PORT for the storage section ..."
  storage_status="no result" storage_result="FAIL"
  if (exec 3<>"/dev/tcp/127.0.0.1/$STORAGE_PORT") 2>/dev/null; then
    echo "bench/run.sh: port $STORAGE_PORT is in use; set STORAGE_PORT to a free one" >&2
  else
    PGDIR=$(mktemp -d /tmp/headway-bench-pg.XXXXXX)  # in /tmp: the server may run as user postgres
    if PG_URL=$(timeout 120 bash "$ROOT/scripts/pg-test-server.sh" start "$PGDIR" "$STORAGE_PORT"); then
      # TMPDIR=$WORK: the SQLite files go where the trap removes them, whatever happens.
      # --foreground: Ctrl-C reaches the benchmark; -k: it is killed 30 s after the time limit.
      if TMPDIR=$WORK timeout --foreground -k 30 $((300 + STORAGE_PEOPLE / 10)) \
           "$STORAGE_BENCH" --postgres "$PG_URL" --people "$STORAGE_PEOPLE" --days 365; then
        storage_status="figures above" storage_result="-"
      else
        echo "bench/run.sh: headway_storage_bench failed or timed out" >&2
      fi
    else
      echo "bench/run.sh: the PostgreSQL test server did not start; the end of its log:" >&2
      tail -n 5 "$PGDIR/log" >&2 2>/dev/null || true
    fi
    timeout 60 bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" || true
    rm -rf "$PGDIR"
    PGDIR=""
  fi
fi

# --- Summary -------------------------------------------------------------------------------------
verdict() {  # verdict VALUE OP LIMIT
  [[ -n $1 ]] || { echo "FAIL (no result)"; return; }
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == ">=") ? v >= l : v < l; print ok ? "PASS" : "FAIL" }'
}
fmt1() { [[ -z $1 ]] || awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }
per_sec() {
  if [[ -n $1 ]]; then awk -v v="$1" 'BEGIN { printf "%.2f M/s", v / 1e6 }'; else echo "?"; fi
}

eval_plain=$(gb "BM_Evaluate_CheckIns/$DAYS" items_per_second)
eval_cal=$(gb "BM_Evaluate_CheckInsAndCalendar/$DAYS" items_per_second)
report_ms=$(fmt1 "$(gb BM_WeeklyReport real_time)")
report_cpu=$(fmt1 "$(gb BM_WeeklyReport cpu_time)")
render_us=$(fmt1 "$(gb BM_RenderText real_time)")
checkin_ms=$(hf checkin 2)
report_e2e=$(hf report 2)
boundary_e2e=$(hf boundary 2)
startup_e2e=$(hf startup 2)

echo
echo "== summary (medians of 3 repetitions; hyperfine means; load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
failures=0
row() {  # row FIGURE MEASURED TARGET RESULT
  printf '%-52s %-16s %-12s %s\n' "$@"
  [[ $4 != FAIL* ]] || failures=$((failures + 1))
}
row "figure" "measured" "target" "result"
row "boundary evaluation, check-ins (day-evaluations)" "$(per_sec "$eval_plain")" ">= 1 M/s" \
  "$(verdict "$eval_plain" '>=' 1000000)"
row "boundary evaluation, check-ins + calendar" "$(per_sec "$eval_cal")" ">= 1 M/s" \
  "$(verdict "$eval_cal" '>=' 1000000)"
row "weekly report, 5 years of data (in process)" "${report_ms:-?} ms" "< 50 ms" "$(verdict "$report_ms" '<' 50)"
row "  (CPU time of the same)" "${report_cpu:-?} ms" "-" "-"
row "render_text of that report" "${render_us:-?} us" "-" "-"
row "headway checkin, end to end (mean)" "${checkin_ms:-?} ms" "< 30 ms" "$(verdict "$checkin_ms" '<' 30)"
row "headway report week, end to end (mean)" "${report_e2e:-?} ms" "-" "-"
row "headway boundary check, 5 years, json (mean)" "${boundary_e2e:-?} ms" "-" "-"
row "headway --help, end to end (mean; start-up floor)" "${startup_e2e:-?} ms" "-" "-"
row "storage: SQLite and PostgreSQL, $STORAGE_PEOPLE people" "$storage_status" "-" "$storage_result"

# A missed target fails `make bench`.
((failures == 0)) || { echo "$failures target(s) missed" >&2; exit 1; }
