#!/usr/bin/env bash
# The storage side of a calendar import (docs/PERFORMANCE.md, section 7): a generated calendar
# (bench/ics/generate.py; 1,300 events by default, 6,386 occurrences in the default window) is
# parsed once, then its first import, a re-import of the same occurrences and a re-import with 1%
# of the events changed are each timed as the write
# transaction `headway import calendar` ends with, into a SQLite file and into a throwaway
# PostgreSQL server side by side. Builds nothing: `make bench` builds build/release first.
#
#   BUILD_DIR=build/other bash bench/evidence_store/run.sh   # another build directory
#   EVIDENCE_EVENTS=5000      # a larger calendar (default 1300; 5000 gives 20,125 occurrences)
#   EVIDENCE_RUNS=9           # runs per figure (default 5); the figures are medians
#   EVIDENCE_PORT=55435       # first loopback port to try for PostgreSQL (default 55434)
#
# When the PostgreSQL server cannot start, its column says "skipped" and the reason is printed;
# the SQLite figures are still measured. Exits 1 when the benchmark itself fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-build/release}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
BENCH=$BUILD_DIR/bench/headway_evidence_store_bench
EVENTS=${EVIDENCE_EVENTS:-1300}
RUNS=${EVIDENCE_RUNS:-5}
PORT=${EVIDENCE_PORT:-55434}

for n in EVENTS RUNS PORT; do
  if ! [[ ${!n} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench/evidence_store/run.sh: EVIDENCE_$n must be a positive whole number" >&2
    exit 2
  fi
done
if [[ ! -x $BENCH ]]; then
  echo "bench/evidence_store/run.sh: $BENCH not found; build first (make bench, or set BUILD_DIR)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/headway-evidence-bench.XXXXXX")
PGDIR=""
cleanup() {
  if [[ -n $PGDIR ]]; then
    timeout 60 bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== calendar import: storage =="
echo "generating $EVENTS events (bench/ics/generate.py, fixed seed) ..."
timeout 300 /usr/bin/python3 "$ROOT/bench/ics/generate.py" "$EVENTS" > "$WORK/calendar.ics"

# The first free loopback port from PORT on.
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
PG_ARGS=()
PGDIR=$(mktemp -d /tmp/headway-evidence-pg.XXXXXX)  # in /tmp: the server may run as user postgres
if PG_URL=$(timeout 120 bash "$ROOT/scripts/pg-test-server.sh" start "$PGDIR" "$PORT" 2>"$WORK/pg.err"); then
  PG_ARGS=(--postgres "$PG_URL")
else
  echo "bench/evidence_store/run.sh: PostgreSQL skipped: the throwaway server did not start:" >&2
  sed 's/^/  /' "$WORK/pg.err" >&2 || true
  tail -n 5 "$PGDIR/log" 2>/dev/null | sed 's/^/  /' >&2 || true
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
timeout --foreground -k 30 900 "$BENCH" "$WORK/calendar.ics" --runs "$RUNS" --dir "$WORK" "${PG_ARGS[@]}"
