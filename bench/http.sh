#!/usr/bin/env bash
# HTTP benchmarks with wrk against real `headway serve` processes, 64 connections each:
#   /healthz (the floor, measured in the same run), an authenticated GET /api/v1/reports/week on a
#   demo person with 120 days of data, and PUT /api/v1/checkins/{date} by 16 people in turn
#   (WRITERS=N); idle RSS of a node.
# On SQLite (the default store), then on a throwaway PostgreSQL server with one node, and with two
# nodes behind Debian's nginx. Builds nothing: `make bench` builds build/release first.
#
#   BUILD_DIR=build/x bash bench/http.sh   # another build directory (default build/release)
#   DURATION=5 bash bench/http.sh          # seconds per wrk run (default 10)
#   HTTP_PG=0 bash bench/http.sh           # SQLite only
#   HTTP_PG_PORT=55435                     # loopback port of the throwaway PostgreSQL server
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-build/release}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
HEADWAY=$BUILD_DIR/headway
DURATION=${DURATION:-10}
CONNECTIONS=64
HTTP_PG=${HTTP_PG:-1}
PG_PORT=${HTTP_PG_PORT:-55435}
PG_THREADS=${PG_THREADS:-4}  # PostgreSQL calls block their I/O thread for a round trip
PASSWORD="benchmark password 42"
EMAIL=sam@example.org  # the demo person

for tool in wrk "$HEADWAY"; do
  command -v "$tool" >/dev/null || { echo "bench/http.sh: $tool not found (make bench builds and installs it)" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/headway-http-bench.XXXXXX")
PIDS=()
PGDIR=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n $PGDIR ]]; then bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 || true; rm -rf "$PGDIR"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BENCH_NAME=bench/http.sh
source "$ROOT/bench/nodes.sh"
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# bench LABEL URL [wrk args...]: prints one row and remembers requests/s and p99 in R_RPS, R_P99.
bench() {
  local label=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" 2>&1) || true
  R_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  R_P99=$(wrk_ms 99% "$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors|unexpected status/ && n++ < 2 { printf "%s ", $0 }' <<<"$out")
  printf '%-44s %10s req/s   p99 %8s ms  %s\n' "$label" "${R_RPS:-?}" "${R_P99:-?}" "$errors"
}

# setup STORE-ARGS...: demo data, an account for the demo person and a read-write API token,
# then WRITERS more people with tokens for the check-in run (many people check in at once, as
# in real use; one person's writes queue behind each other).
WRITERS=${WRITERS:-16}
setup() {
  "$HEADWAY" "$@" demo >/dev/null
  echo "$PASSWORD" | "$HEADWAY" "$@" user add --email "$EMAIL" >/dev/null
  "$HEADWAY" "$@" user token --email "$EMAIL" --name bench --scope read-write
}
writer_tokens() {  # writer_tokens STORE-ARGS...: prints the tokens comma-separated
  local tokens=()
  for i in $(seq "$WRITERS"); do
    echo "$PASSWORD" | "$HEADWAY" "$@" user add --email "writer$i@example.org" --timezone Europe/Berlin >/dev/null
    tokens+=("$("$HEADWAY" "$@" user token --email "writer$i@example.org" --name bench --scope read-write)")
  done
  local IFS=,
  echo "${tokens[*]}"
}

run_suite() {  # run_suite NAME BASE-URL TOKEN WRITER-TOKENS
  local name=$1 base=$2 token=$3 writers=$4
  bench "$name: GET /healthz (floor)" "$base/healthz"
  bench "$name: GET /api/v1/reports/week" "$base/api/v1/reports/week" -H "Authorization: Bearer $token"
  eval "${name//[^a-zA-Z]/_}_REPORT_RPS=$R_RPS ${name//[^a-zA-Z]/_}_REPORT_P99=$R_P99"
  HEADWAY_TOKENS=$writers bench "$name: PUT /api/v1/checkins/{date}" "$base" -s "$ROOT/bench/wrk/checkin.lua"
  eval "${name//[^a-zA-Z]/_}_CHECKIN_RPS=$R_RPS"
}

echo "== machine =="
echo "cores: $(nproc)  cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)  date: $(date -u +%F)"
echo "wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per run; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
# wrk runs on the same machine: with 2 cores it takes one, so a node with one I/O thread is
# measured first (the targets are checked on it) and the default (one thread per core) after it.
SQLITE_THREADS=${SQLITE_THREADS:-"1 0"}
DATA=$WORK/sqlite
TOKEN=$(setup --data-dir "$DATA")
WRITER_TOKENS=$(writer_tokens --data-dir "$DATA")
first=1
for threads in $SQLITE_THREADS; do
  echo
  echo "== SQLite, one node, --threads $threads (0 = one per core) =="
  PORT=$(free_port 18400)
  start_node "$PORT" --data-dir "$DATA" --threads "$threads"
  NODE=${PIDS[-1]}
  sleep 1
  rss=$(rss_mb "$NODE")
  echo "idle RSS after start: $rss MB"
  if ((first)); then
    IDLE_RSS=$rss
    run_suite SQLite "http://127.0.0.1:$PORT" "$TOKEN" "$WRITER_TOKENS"
  else
    run_suite "SQLite, threads $threads" "http://127.0.0.1:$PORT" "$TOKEN" "$WRITER_TOKENS"
  fi
  sleep 1
  echo "RSS after the runs, idle again: $(rss_mb "$NODE") MB"
  kill "$NODE"
  first=0
done

if [[ $HTTP_PG == 1 ]]; then
  echo
  echo "== PostgreSQL: one node, then two nodes behind nginx =="
  PG_PORT=$(free_port "$PG_PORT")
  PGDIR=$(mktemp -d /tmp/headway-http-pg.XXXXXX)
  ADMIN_URL=$(bash "$ROOT/scripts/pg-test-server.sh" start "$PGDIR" "$PG_PORT")
  psql -q "$ADMIN_URL" -c "CREATE DATABASE headway_bench" >/dev/null
  DB=${ADMIN_URL%/*}/headway_bench
  PG_TOKEN=$(setup --database "$DB")
  PG_WRITERS=$(writer_tokens --database "$DB")
  A=$(free_port 18500)
  start_node "$A" --database "$DB" --threads "$PG_THREADS"
  run_suite "PostgreSQL, 1 node" "http://127.0.0.1:$A" "$PG_TOKEN" "$PG_WRITERS"
  B=$(free_port $((A + 1)))
  start_node "$B" --database "$DB" --threads "$PG_THREADS"
  LB=$(free_port $((B + 1)))
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream headway { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 64; }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://headway;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off; master_process off;' &
  PIDS+=($!)
  wait_port "$LB"
  run_suite "PostgreSQL, 2 nodes + nginx" "http://127.0.0.1:$LB" "$PG_TOKEN" "$PG_WRITERS"
fi

echo
echo "== targets (SQLite, --threads ${SQLITE_THREADS%% *}, $CONNECTIONS connections) =="
verdict() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "") { print "FAIL (no result)"; exit } ok = (op == ">=") ? v >= l : v <= l; print ok ? "PASS" : "FAIL" }'; }
printf '%-44s %-12s %-10s %s\n' "figure" "measured" "target" "result"
printf '%-44s %-12s %-10s %s\n' "GET /api/v1/reports/week" "${SQLite_REPORT_RPS:-?}/s" ">= 10000/s" "$(verdict "${SQLite_REPORT_RPS:-}" '>=' 10000)"
printf '%-44s %-12s %-10s %s\n' "GET /api/v1/reports/week p99" "${SQLite_REPORT_P99:-?} ms" "<= 10 ms" "$(verdict "${SQLite_REPORT_P99:-}" '<=' 10)"
printf '%-44s %-12s %-10s %s\n' "PUT /api/v1/checkins/{date}" "${SQLite_CHECKIN_RPS:-?}/s" ">= 8000/s" "$(verdict "${SQLite_CHECKIN_RPS:-}" '>=' 8000)"
printf '%-44s %-12s %-10s %s\n' "idle RSS" "$IDLE_RSS MB" "<= 30 MB" "$(verdict "$IDLE_RSS" '<=' 30)"
