#!/usr/bin/env bash
# Runs the iCalendar importer's fuzzer for a bounded time over a corpus seeded from tests/data/ics.
#
#   bash fuzz/run.sh BUILD_DIR [SECONDS]      # e.g. build/fuzz 60 (what `make fuzz` runs)
#
# The corpus grows in BUILD_DIR/fuzz/corpus/ics between runs; crashes, leaks and slow inputs are
# written to BUILD_DIR/fuzz/artifacts/ and make the script exit non-zero. Each input has 5 s
# (-timeout; libFuzzer checks every 3 s), inputs over 1 s are reported, and the process may use
# 2 GB (-rss_limit_mb).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}
SECONDS_TO_RUN=${2:-60}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
FUZZER=$BUILD_DIR/fuzz/headway_ics_fuzz
if [[ ! -x $FUZZER ]]; then
  echo "fuzz/run.sh: $FUZZER not found; configure with CC=clang CXX=clang++ -DHEADWAY_FUZZ=ON and build it" >&2
  exit 2
fi
if ! [[ $SECONDS_TO_RUN =~ ^[0-9]+$ ]] || ((SECONDS_TO_RUN == 0)); then
  echo "fuzz/run.sh: SECONDS must be a positive whole number" >&2
  exit 2
fi

CORPUS=$BUILD_DIR/fuzz/corpus/ics
ARTIFACTS=$BUILD_DIR/fuzz/artifacts
mkdir -p "$CORPUS" "$ARTIFACTS"
# Seeds: every corpus file, the broken ones and the fuzzer's own regressions included.
find "$ROOT/tests/data/ics" -type f -name '*.ics' -exec cp -n -t "$CORPUS" {} +

echo "fuzzing import_ics for $SECONDS_TO_RUN s (corpus $CORPUS, $(find "$CORPUS" -type f | wc -l) inputs)"
# -max_len: larger than any seed; -use_value_profile helps get past the many string compares.
"$FUZZER" "$CORPUS" -dict="$ROOT/fuzz/ics.dict" -max_total_time="$SECONDS_TO_RUN" -max_len=16384 \
  -timeout=5 -report_slow_units=1 -rss_limit_mb=2048 -use_value_profile=1 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/"
