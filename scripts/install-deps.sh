#!/usr/bin/env bash
# Installs what Headway needs to build, test and run, and nothing that is already there.
# Idempotent: a second run does no package work at all.
set -euo pipefail

APT_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  libsqlite3-dev sqlite3
  libfmt-dev nlohmann-json3-dev libcli11-dev libexpected-dev
  libhowardhinnant-date-dev tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  hyperfine
  libpqxx-dev postgresql
  libboost-dev libsodium-dev
  wrk nginx
  libical-dev libicu-dev python3-recurring-ical-events
  poppler-utils qpdf
  clang libclang-rt-14-dev time
  chromium fonts-noto-color-emoji
)
# The API and browser tests run on Node.js (20 is tested; Debian's 18 works for the API tests).
command -v node >/dev/null || APT_PACKAGES+=(nodejs)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all system packages present"
fi

# The web UI's npm packages, exactly as package-lock.json pins them. Playwright drives Debian's
# Chromium, so it downloads no browser of its own.
WEB=$(cd "$(dirname "$0")/.." && pwd)/web
if [[ -f $WEB/package-lock.json ]]; then
  if [[ ! -d $WEB/node_modules || $WEB/package-lock.json -nt $WEB/node_modules/.package-lock.json ]]; then
    echo "install-deps: installing the web UI's npm packages"
    (cd "$WEB" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "install-deps: npm packages present"
  fi
fi

# ical.js for the calendar import benchmark (bench/ics/run.sh), pinned by its package-lock.json.
BENCH_ICS=$(cd "$(dirname "$0")/.." && pwd)/bench/ics
if [[ -f $BENCH_ICS/package-lock.json ]]; then
  if [[ ! -d $BENCH_ICS/node_modules || $BENCH_ICS/package-lock.json -nt $BENCH_ICS/node_modules/.package-lock.json ]]; then
    echo "install-deps: installing the calendar benchmark's npm packages"
    (cd "$BENCH_ICS" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
