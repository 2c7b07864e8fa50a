# Headway: the two set-up commands are `make run` and `make test`.
SHELL := /bin/bash
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD := build/release
ASAN := build/asan
DATA ?= ./data
HEADWAY := $(BUILD)/headway

.PHONY: run test bench fuzz screenshots deps build build-asan unit-asan web clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The browser UI: TypeScript checked, bundled by Vite into web/dist, which `headway serve` serves.
web: deps
	@cd web && npm run --silent build

build-asan: deps
	@cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DHEADWAY_SANITIZE=ON -DHEADWAY_BENCH=OFF >/dev/null
	@cmake --build $(ASAN) -j $(JOBS) --target headway_unit_tests headway_store_tests headway_pg_restart_tests

# Builds in Release mode, fills ./data with a demo person the first time, and serves
# http://127.0.0.1:8080 until Ctrl-C. The first account is made with `headway user add`.
LISTEN ?= 127.0.0.1:8080
run: deps web
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target headway
	@if [ ! -f $(DATA)/headway.db ]; then $(HEADWAY) --data-dir $(DATA) demo >/dev/null && \
	  echo "Made $(DATA)/headway.db with 120 days of a demo person, Sam Rivera <sam@example.org>."; fi
	@echo
	@echo "Create the first account in another terminal (it asks for a password of 12+ characters):"
	@echo "  $(HEADWAY) --data-dir $(DATA) user add --email you@example.org --admin"
	@echo "or sign in as the demo person by giving it an account:"
	@echo "  $(HEADWAY) --data-dir $(DATA) user add --email sam@example.org"
	@echo "Then open http://$(LISTEN) in a browser and sign in."
	@echo
	@exec $(HEADWAY) --data-dir $(DATA) serve --listen $(LISTEN)

# Every suite: unit and storage tests under AddressSanitizer and UBSan, then on the Release build
# unit, storage conformance on SQLite and on a throwaway PostgreSQL server, PostgreSQL-specific
# tests and the CLI tests. See scripts/run-tests.sh.
test: build build-asan web
	@bash scripts/run-tests.sh

# Micro and end-to-end benchmarks (bench/run.sh), the HTTP server with wrk (bench/http.sh), the
# circle feed and concurrent pledge signatures (bench/together/run.sh), and how soon the Today
# page is usable in Chromium (web/bench/today.mjs).
bench: build web
	@status=0; bash bench/run.sh || status=1; bash bench/ics/run.sh || status=1; \
	  bash bench/evidence_store/run.sh || status=1; bash bench/http.sh || status=1; \
	  bash bench/together/run.sh || status=1; \
	  (cd web && HEADWAY_BINARY=../$(HEADWAY) node bench/today.mjs) || status=1; exit $$status

# The iCalendar importer under libFuzzer with ASan and UBSan (clang): FUZZ_SECONDS of fuzzing over
# a corpus seeded from tests/data/ics, kept in build/fuzz between runs. See fuzz/run.sh.
FUZZ := build/fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEADWAY_FUZZ=ON \
	  -DHEADWAY_TESTS=OFF -DHEADWAY_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ) -j $(JOBS) --target headway_ics_fuzz
	@bash fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

# PNGs of the main pages from demo data (docs/screenshots/), as the README shows them.
screenshots: deps web
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target headway
	@cd web && HEADWAY_BINARY=../$(HEADWAY) node scripts/screenshots.mjs ../docs/screenshots

clean:
	rm -rf build
