#!/usr/bin/env bash
# Runs every test suite. First the unit and storage suites under AddressSanitizer and UBSan, then
# everything on the Release build: unit, storage conformance on SQLite and on a throwaway
# PostgreSQL server that this script starts and stops, PostgreSQL-specific tests, the CLI tests,
# and the API tests against real servers (Node's test runner). Ends with the runners' summary lines.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build/release}
ASAN=${ASAN:-build/asan}
JOBS=${JOBS:-$(nproc)}
PORT=${HEADWAY_TEST_PG_PORT:-55432}
# Take the first free port from PORT on, so a server already running there does not get in the way.
while (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done

pgdir=$(mktemp -d /tmp/headway-pg.XXXXXX)
stop_pg() { bash scripts/pg-test-server.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
echo "== starting a throwaway PostgreSQL server on 127.0.0.1:$PORT =="
if ! url=$(bash scripts/pg-test-server.sh start "$pgdir" "$PORT"); then
  echo "run-tests: could not start the PostgreSQL test server; its log:" >&2
  cat "$pgdir/log" >&2 2>/dev/null || true
  exit 1
fi
export HEADWAY_TEST_POSTGRES_URL=$url
export HEADWAY_TEST_POSTGRES_DIR=$pgdir
# Every PostgreSQL test must run: a missing server is a failure, not a skip.
export HEADWAY_TEST_REQUIRE_POSTGRES=1

status=0
echo "== unit and storage tests under AddressSanitizer + UBSan =="
(cd "$ASAN" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$JOBS") || status=1
echo "== all suites, Release build, SQLite and PostgreSQL =="
(cd "$BUILD" && ctest --output-on-failure -j "$JOBS") || status=1
echo "== API tests: real headway serve processes on loopback ports, SQLite, PostgreSQL and nginx =="
HEADWAY_BINARY=$ROOT/$BUILD/headway node --test --test-reporter=spec tests/api/ || status=1
if [[ -f web/package.json ]]; then
  echo "== web UI: unit tests (Vitest), then end to end in Chromium against real servers =="
  (cd web && npm run --silent test) || status=1
  (cd web && HEADWAY_E2E_REQUIRE=1 HEADWAY_BINARY=$ROOT/$BUILD/headway npm run --silent e2e) || status=1
fi
exit $status
