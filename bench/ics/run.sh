#!/usr/bin/env bash
# The calendar import benchmark (docs/PERFORMANCE.md, section 7): one generated calendar of
# 100,000 events, imported over the same window (the past 12 months and the next 3 around a fixed
# "now") by headway, by libical's bare parser, by ical.js and by Python's icalendar with
# recurring_ical_events, side by side. Builds nothing: `make bench` builds build/release first.
#
#   BUILD_DIR=build/other bash bench/ics/run.sh   # another build directory (default build/release)
#   ICS_EVENTS=20000                              # a smaller calendar (default 100000)
#   ICS_RUNS=3                                    # hyperfine runs per command (default 5)
#   ICS_PYTHON=0                                  # leave out Python (one run takes minutes)
#
# Wall times are hyperfine means; Python, at minutes a run, is timed once by /usr/bin/time. Peak
# memory is /usr/bin/time's maximum resident set size of one more run of each. Exits 1 when a
# target is missed: headway at least 20 times faster than ical.js and than Python, at most twice
# libical's bare parse, at most 200 MB.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-build/release}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
BENCH=$BUILD_DIR/bench/headway_ics_bench
EVENTS=${ICS_EVENTS:-100000}
RUNS=${ICS_RUNS:-5}
PYTHON=${ICS_PYTHON:-1}
NOW=2026-11-25T12:00:00Z   # the window is import_ics's default around it: 365 days back, 92 ahead
FROM=2025-11-25T12:00:00Z
TO=2027-02-25T12:00:00Z
ZONE=Europe/Berlin

for n in EVENTS RUNS; do
  if ! [[ ${!n} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench/ics/run.sh: ICS_$n must be a positive whole number" >&2
    exit 2
  fi
done
if [[ ! -x $BENCH ]]; then
  echo "bench/ics/run.sh: $BENCH not found; build first (make bench, or set BUILD_DIR)" >&2
  exit 2
fi
for tool in hyperfine node /usr/bin/time /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench/ics/run.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done
if [[ ! -d $ROOT/bench/ics/node_modules/ical.js ]]; then
  echo "bench/ics/run.sh: ical.js is not installed (scripts/install-deps.sh installs bench/ics/package-lock.json)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/headway-ics-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
ICS=$WORK/calendar.ics

echo "== calendar import =="
echo "generating $EVENTS events (bench/ics/generate.py, fixed seed) ..."
timeout 300 /usr/bin/python3 "$ROOT/bench/ics/generate.py" "$EVENTS" > "$ICS"
echo "$(du -h "$ICS" | cut -f1) in $(grep -c '^BEGIN:VEVENT' "$ICS") VEVENTs; window $FROM .. $TO; load average $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A CMD=(
  [headway]="$BENCH headway $ICS $NOW $ZONE"
  [libical]="$BENCH libical $ICS"
  [icaljs]="node $ROOT/bench/ics/icaljs.mjs $ICS $FROM $TO"
  [python]="/usr/bin/python3 $ROOT/bench/ics/python_bench.py $ICS $FROM $TO"
)
NAMES=(headway libical icaljs)
((PYTHON == 0)) || NAMES+=(python)

# One run of each under /usr/bin/time: what it found, its peak memory and (Python) its time.
declare -A RSS_MB WALL_S FOUND
for name in "${NAMES[@]}"; do
  echo "running $name once under /usr/bin/time ..."
  if timeout 3600 /usr/bin/time -f '%M %e' -o "$WORK/$name.time" ${CMD[$name]} > "$WORK/$name.out" 2> "$WORK/$name.err"; then
    read -r kb secs < "$WORK/$name.time"
    RSS_MB[$name]=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    WALL_S[$name]=$secs
    FOUND[$name]=$(cat "$WORK/$name.out")
    echo "  ${FOUND[$name]}"
    sed 's/^/  /' "$WORK/$name.err"
  else
    echo "bench/ics/run.sh: $name failed or timed out:" >&2
    tail -n 5 "$WORK/$name.err" >&2 || true
  fi
done

# hyperfine for everything but Python.
for name in headway libical icaljs; do
  [[ -n ${WALL_S[$name]:-} ]] || continue
  echo "hyperfine: $name ($RUNS runs) ..."
  if timeout 1800 hyperfine --shell=none --warmup 1 --runs "$RUNS" --export-json "$WORK/$name.json" \
       "${CMD[$name]}" > /dev/null; then
    WALL_S[$name]=$(/usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]; print("%.3f %.3f" % (r["mean"], r["stddev"]))' "$WORK/$name.json")
  else
    echo "bench/ics/run.sh: hyperfine $name failed or timed out" >&2
    WALL_S[$name]=""
  fi
done

mean() { echo "${WALL_S[$1]:-}" | cut -d' ' -f1; }
ratio() {  # ratio A B: A / B, empty when either is missing
  local a b
  a=$(mean "$1") b=$(mean "$2")
  [[ -n $a && -n $b ]] && awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }'
}
verdict() {  # verdict VALUE OP LIMIT
  [[ -n $1 ]] || { echo "FAIL (no result)"; return; }
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == ">=") ? v >= l : v <= l; print ok ? "PASS" : "FAIL" }'
}

echo
echo "== calendar import: summary (load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
printf '%-48s %-18s %-14s %s\n' "tool" "wall time (s)" "peak RSS (MB)" "found"
label() {
  case $1 in
    headway) echo "headway: import_ics + daily_signals" ;;
    libical) echo "libical: icalparser over the file, no expansion" ;;
    icaljs) echo "ical.js $(node -p 'require(process.argv[1]).version' "$ROOT/bench/ics/node_modules/ical.js/package.json"): parse + expand" ;;
    python) echo "Python icalendar + recurring_ical_events" ;;
  esac
}
for name in "${NAMES[@]}"; do
  wall=${WALL_S[$name]:-}
  [[ $name == python && -n $wall ]] && wall="$wall (1 run)"
  [[ $name != python && -n $wall ]] && wall="$(echo "$wall" | awk '{ printf "%s ± %s", $1, $2 }')"
  printf '%-48s %-18s %-14s %s\n' "$(label "$name")" "${wall:-?}" "${RSS_MB[$name]:-?}" "${FOUND[$name]:-?}"
done

failures=0
row() {  # row FIGURE MEASURED TARGET RESULT
  printf '%-48s %-18s %-14s %s\n' "$@"
  [[ $4 != FAIL* ]] || failures=$((failures + 1))
}
echo
row "figure" "measured" "target" "result"
speed_js=$(ratio icaljs headway)
row "headway vs ical.js (times faster)" "${speed_js:-?}" ">= 20" "$(verdict "$speed_js" '>=' 20)"
if ((PYTHON != 0)); then
  speed_py=$(ratio python headway)
  row "headway vs Python (times faster)" "${speed_py:-?}" ">= 20" "$(verdict "$speed_py" '>=' 20)"
fi
vs_bare=$(ratio headway libical)
row "headway / libical bare parse" "${vs_bare:-?}" "<= 2" "$(verdict "$vs_bare" '<=' 2)"
row "headway peak RSS (MB)" "${RSS_MB[headway]:-?}" "<= 200" "$(verdict "${RSS_MB[headway]:-}" '<=' 200)"

((failures == 0)) || { echo "$failures calendar import target(s) missed" >&2; exit 1; }
