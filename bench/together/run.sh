#!/usr/bin/env bash
# The Together benchmarks (docs/PERFORMANCE.md, section 8), against real `headway serve` nodes:
#   - the circle feed: a circle of 100 members, each sharing one win a day for a year (36,500
#     shared wins, every 5th with kudos); GET /api/v1/circles/{id}/feed, the first page (20
#     entries) and the page after 10,000 entries, 200 sequential requests each (median, p95), then
#     with wrk (1 thread, 16 connections);
#   - 1,000 concurrent pledge signatures: 1,000 members of one circle sign one pledge
#     (threshold 500) at once, then every answer, the pledge and every signer's notifications are
#     checked (exactly one activation; signers 1..1000; one pledge_activated notification each).
# On SQLite with one node, then on a throwaway PostgreSQL server with two nodes (the feed on the
# first; the signatures alternate between them). The data is seeded through the store interface
# by headway_together_seed. Builds nothing: `make bench` builds build/release first.
#
#   BUILD_DIR=build/x bash bench/together/run.sh   # another build directory (default build/release)
#   TOGETHER_REQUESTS=500     # sequential feed requests per page (default 200)
#   TOGETHER_DURATION=5       # seconds per wrk run (default 5; 0 skips wrk)
#   TOGETHER_PG=0             # SQLite only
#   TOGETHER_PG_PORT=55436    # first loopback port to try for PostgreSQL (default 55436)
#
# When the PostgreSQL server cannot start, its rows say "skipped" and the reason is printed.
# Exits 1 when a check fails or a target is missed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-build/release}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
HEADWAY=$BUILD_DIR/headway
SEED=$BUILD_DIR/bench/headway_together_seed
LOAD=$ROOT/bench/together/load.mjs
REQUESTS=${TOGETHER_REQUESTS:-200}
DURATION=${TOGETHER_DURATION:-5}
USE_PG=${TOGETHER_PG:-1}
PG_PORT=${TOGETHER_PG_PORT:-55436}
PG_THREADS=4  # a PostgreSQL call blocks its I/O thread for a round trip (as in bench/http.sh)
# 1,000 signatures arrive at once from one address: above the default per-address cap (256).
CAPS=(--max-connections 4096 --max-connections-per-ip 2048)

for n in REQUESTS PG_PORT; do
  [[ ${!n} =~ ^[1-9][0-9]*$ ]] || { echo "bench/together/run.sh: TOGETHER_$n must be a positive whole number" >&2; exit 2; }
done
[[ $DURATION =~ ^[0-9]+$ ]] || { echo "bench/together/run.sh: TOGETHER_DURATION must be a whole number (0 skips wrk)" >&2; exit 2; }
for bin in "$HEADWAY" "$SEED"; do
  [[ -x $bin ]] || { echo "bench/together/run.sh: $bin not found; build first (make bench, or set BUILD_DIR)" >&2; exit 2; }
done
command -v node >/dev/null || { echo "bench/together/run.sh: node not found (scripts/install-deps.sh installs it)" >&2; exit 2; }
if ((DURATION > 0)) && ! command -v wrk >/dev/null; then
  echo "bench/together/run.sh: wrk not found; the wrk rows are skipped" >&2
  DURATION=0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/headway-together-bench.XXXXXX")
PIDS=()
PGDIR=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n $PGDIR ]]; then
    timeout 60 bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BENCH_NAME=bench/together/run.sh
NODE_ARGS=("${CAPS[@]}")
source "$ROOT/bench/nodes.sh"
json() {  # json TEXT PATH: one field of a JSON object ("first.median"); empty when missing
  node -e 'let v = JSON.parse(process.argv[1]); for (const k of process.argv[2].split(".")) v = v?.[k];
           process.stdout.write(v === undefined || v === null ? "" : String(v))' "$1" "$2" 2>/dev/null || true
}
wrk_row() {  # wrk_row LABEL URL TOKEN: prints one row; sets W_RPS and W_P50, W_P99 (ms)
  local out
  out=$(wrk -t1 -c16 -d"${DURATION}s" --latency -H "Cookie: headway_session=$3" "$2" 2>&1) || true
  W_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  W_P50=$(wrk_ms 50% "$out")
  W_P99=$(wrk_ms 99% "$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ && n++ < 2 { printf "%s ", $0 }' <<<"$out")
  [[ -z $errors ]] || FAILED+=("wrk $1: $errors")
  printf '  wrk %-34s %7s req/s   p50 %7s ms   p99 %7s ms  %s\n' "$1" "${W_RPS:-?}" "${W_P50:-?}" "${W_P99:-?}" "$errors"
}

FAILED=()
declare -A R  # results by "backend.figure"

# suite NAME SEED-URL BASE-URLS STORE-ARGS...: seeds, runs the feed and the signatures.
suite() {
  local name=$1 url=$2 bases=$3
  local sessions=$WORK/$name-sessions.txt seeded first_base
  echo "seeding (headway_together_seed) ..."
  seeded=$(timeout 600 "$SEED" "$url" --sessions "$sessions")
  echo "  $seeded"
  R[$name.seed]=$(json "$seeded" seconds)
  local circle pledge cursor token
  circle=$(json "$seeded" feed_circle)
  pledge=$(json "$seeded" pledge)
  cursor=$(json "$seeded" deep_cursor)
  token=$(head -1 "$sessions" | cut -d' ' -f1)
  [[ $name != postgresql ]] || psql -q "$url" -c "VACUUM ANALYZE" >/dev/null  # as autovacuum would after a bulk load

  shift 3
  local port nodes=()
  for _ in ${bases//,/ }; do
    port=$(free_port $((18700 + ${#PIDS[@]} * 7)))
    start_node "$port" "$@"
    nodes+=("http://127.0.0.1:$port")
  done
  first_base=${nodes[0]}
  local all_bases
  all_bases=$(IFS=,; echo "${nodes[*]}")

  echo "feed: $REQUESTS sequential requests per page on ${first_base} ..."
  local feed
  feed=$(timeout 600 node "$LOAD" feed --base "$first_base" --sessions "$sessions" --circle "$circle" \
           --cursor "$cursor" --requests "$REQUESTS") || FAILED+=("$name feed: $(json "$feed" failures)")
  echo "  $feed"
  for page in first deep; do
    R[$name.$page.median]=$(json "$feed" "$page.median")
    R[$name.$page.p95]=$(json "$feed" "$page.p95")
  done
  if ((DURATION > 0)); then
    wrk_row "$name first page" "$first_base/api/v1/circles/$circle/feed" "$token"
    R[$name.first.rps]=$W_RPS
    wrk_row "$name page after 10,000" "$first_base/api/v1/circles/$circle/feed?cursor=$cursor" "$token"
    R[$name.deep.rps]=$W_RPS
  fi

  echo "signatures: $(wc -l <"$sessions") at once on ${#nodes[@]} node(s) ..."
  local signed
  signed=$(timeout 600 node "$LOAD" sign --base "$all_bases" --sessions "$sessions" --pledge "$pledge") \
    || FAILED+=("$name signatures: $(json "$signed" failures)")
  echo "  $signed"
  R[$name.sign.seconds]=$(json "$signed" seconds)
  R[$name.sign.rps]=$(json "$signed" per_second)
  R[$name.sign.ok]=$(json "$signed" ok)
  R[$name.sign.nodes]=${#nodes[@]}
  local pid
  for pid in "${PIDS[@]: -${#nodes[@]}}"; do kill "$pid" 2>/dev/null || true; done  # idle nodes take no CPU from the next suite
}

echo "== machine =="
echo "cores: $(nproc)  cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)  date: $(date -u +%F)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== SQLite, one node (default threads) =="
suite sqlite "sqlite://$WORK/headway.db" one --database "sqlite://$WORK/headway.db"

if [[ $USE_PG == 1 ]]; then
  echo
  echo "== PostgreSQL, two nodes (--threads $PG_THREADS) =="
  PG_PORT=$(free_port "$PG_PORT")
  PGDIR=$(mktemp -d /tmp/headway-together-pg.XXXXXX)  # in /tmp: the server may run as user postgres
  if ADMIN_URL=$(timeout 120 bash "$ROOT/scripts/pg-test-server.sh" start "$PGDIR" "$PG_PORT" 2>"$WORK/pg.err"); then
    psql -q "$ADMIN_URL" -c "CREATE DATABASE headway_together" >/dev/null
    DB=${ADMIN_URL%/*}/headway_together
    suite postgresql "$DB" "a,b" --database "$DB" --threads "$PG_THREADS"
  else
    echo "bench/together/run.sh: PostgreSQL skipped: the throwaway server did not start:" >&2
    sed 's/^/  /' "$WORK/pg.err" >&2 || true
    tail -n 5 "$PGDIR/log" 2>/dev/null | sed 's/^/  /' >&2 || true
  fi
else
  echo
  echo "PostgreSQL skipped (TOGETHER_PG=0)"
fi

echo
echo "== summary (load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
verdict() {  # verdict VALUE OP LIMIT
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "") { print "FAIL (no result)"; exit } ok = (op == ">=") ? v + 0 >= l : v + 0 <= l; print ok ? "PASS" : "FAIL" }'
}
row() { printf '%-50s %-22s %-8s %s\n' "$@"; [[ $4 != FAIL* ]] || FAILED+=("$1: $2 (target $3)"); }
row "figure" "measured" "target" "result"
for b in sqlite postgresql; do
  if [[ -z ${R[$b.seed]:-} ]]; then
    row "$b" "skipped" "" ""
    continue
  fi
  row "$b: seeding" "${R[$b.seed]} s" "-" "-"
  row "$b: feed, first page, p95 (median)" "${R[$b.first.p95]:-?} ms (${R[$b.first.median]:-?})" "< 20 ms" "$(verdict "${R[$b.first.p95]:-}" '<=' 20)"
  row "$b: feed, page after 10,000, p95 (median)" "${R[$b.deep.p95]:-?} ms (${R[$b.deep.median]:-?})" "< 20 ms" "$(verdict "${R[$b.deep.p95]:-}" '<=' 20)"
  if [[ -n ${R[$b.first.rps]:-} && -n ${R[$b.deep.rps]:-} ]]; then
    # Keyset paging is flat when a deep page costs about what the first does under load.
    ratio=$(awk -v d="${R[$b.deep.rps]}" -v f="${R[$b.first.rps]}" 'BEGIN { printf("%.2f", (f > 0) ? d / f : 0) }')
    row "$b: feed, deep / first page req/s (wrk)" "${R[$b.deep.rps]} / ${R[$b.first.rps]} = $ratio" ">= 0.5" "$(verdict "$ratio" '>=' 0.5)"
  fi
  sign_check=FAIL
  [[ ${R[$b.sign.ok]:-} == true ]] && sign_check=PASS
  row "$b: 1,000 signatures, ${R[$b.sign.nodes]} node(s)" "${R[$b.sign.seconds]:-?} s, ${R[$b.sign.rps]:-?}/s" "checks" "$sign_check"
done

if ((${#FAILED[@]})); then
  echo
  echo "failed:"
  printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
