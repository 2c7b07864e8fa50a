// The storage side of a calendar import, SQLite and PostgreSQL side by side in one run. The
// calendar is parsed and expanded once (not timed); then, per backend, each run times the write
// transaction `headway import calendar` ends with (upsert the source, replace its occurrences):
//   first      into a source that holds nothing (every occurrence inserted)
//   same       the same occurrences again (every one unchanged: nothing but the source row written)
//   changed    1% of the events (every 100th UID) end 30 minutes later (their occurrences updated)
// The source is deleted between runs, so every run starts from the same state.
//
//   headway_evidence_store_bench FILE.ics [--postgres URL] [--runs 5] [--dir DIR]
//
// Without --postgres the PostgreSQL column says "skipped". URL is a maintenance connection of a
// role that may create databases; the benchmark creates one database there and drops it at the
// end, and keeps its SQLite file in a temporary directory under DIR (default $TMPDIR or /tmp).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pqxx/pqxx>
#include <sqlite3.h>

#include "core/date.hpp"
#include "core/zone.hpp"
#include "ingest/ics.hpp"
#include "store/database.hpp"

namespace {

using namespace headway;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& what, int code = 2) {
  std::fprintf(stderr, "headway_evidence_store_bench: %s\n", what.c_str());
  std::exit(code);
}

template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) die(std::string(what) + " failed: " + r.error().message, 1);
  return std::move(*r);
}

struct Args {
  std::string ics;
  std::string postgres;
  int runs = 5;
  fs::path dir;
};

Args parse_args(int argc, char** argv) {
  Args a;
  const char* tmp = std::getenv("TMPDIR");
  a.dir = tmp && *tmp ? tmp : "/tmp";
  for (int i = 1; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt.rfind("--", 0) != 0) {
      a.ics = opt;
      continue;
    }
    if (i + 1 >= argc) die(opt + " needs a value");
    const std::string val = argv[++i];
    if (opt == "--postgres") a.postgres = val;
    else if (opt == "--dir") a.dir = val;
    else if (opt == "--runs") {
      a.runs = std::atoi(val.c_str());
      if (a.runs < 1 || a.runs > 1000) die("--runs must be 1-1000");
    } else die("unknown option " + opt);
  }
  if (a.ics.empty()) die("usage: headway_evidence_store_bench FILE.ics [--postgres URL] [--runs N] [--dir DIR]");
  return a;
}

// --- the calendar ------------------------------------------------------------------------------------

struct Calendar {
  std::vector<core::EventOccurrence> occurrences;  // as import_calendar stores them
  std::vector<core::EventOccurrence> changed;      // every 100th UID ends 30 minutes later
  int events = 0;
  size_t changed_events = 0, changed_occurrences = 0;
  double parse_seconds = 0;
};

Calendar load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path);
  const auto now = must(core::parse_instant("2026-11-25T12:00:00Z"), "now");
  auto options = ingest::default_ics_window(now, must(core::Zone::find("Europe/Berlin"), "zone"));
  const auto t = Clock::now();
  auto result = must(ingest::import_ics(in, options), "import_ics");
  Calendar c;
  c.parse_seconds = std::chrono::duration<double>(Clock::now() - t).count();
  c.events = result.events;
  // What the import stores: the first copy of each (uid, recurrence_id).
  std::set<std::pair<std::string, core::Instant>> seen;
  for (auto& o : result.occurrences)
    if (seen.emplace(o.uid, o.recurrence_id).second) c.occurrences.push_back(std::move(o));
  std::set<std::string> uids;
  for (const auto& o : c.occurrences) uids.insert(o.uid);
  std::set<std::string> picked;
  size_t k = 0;
  for (const auto& u : uids)
    if (k++ % 100 == 0) picked.insert(u);
  c.changed = c.occurrences;
  for (auto& o : c.changed)
    if (picked.count(o.uid)) o.end += 1800, ++c.changed_occurrences;
  c.changed_events = picked.size();
  return c;
}

// --- one backend --------------------------------------------------------------------------------------

struct Times {
  std::vector<double> first, same, changed;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

Times measure(store::Database& db, const Calendar& cal, int runs) {
  core::Person p;
  p.name = "Bench Person";
  p.email = "bench@example.org";
  p.timezone = "Europe/Berlin";
  p.work_hours = must(core::parse_work_hours("Mon-Fri 09:00-17:30"), "work hours");
  p.created_at = must(core::parse_instant("2026-01-01T00:00:00Z"), "created_at");
  const core::Id me = must(store::with_write(db, [&](store::Transaction& tx) { return tx.insert_person(p); }), "person");
  core::EvidenceSource src{0, me, core::SourceKind::calendar, "bench", 0, core::Date{20000}, core::Date{20500}, 0};
  // The write transaction of service::import_calendar.
  const auto import = [&](const std::vector<core::EventOccurrence>& occ, core::ReplaceCounts& counts) {
    const auto t = Clock::now();
    counts = must(store::with_write(db, [&](store::Transaction& tx) -> Result<core::ReplaceCounts> {
                    auto s = src;
                    s.items = static_cast<int64_t>(occ.size());
                    const auto id = HW_TRY(tx.upsert_evidence_source(s));
                    return tx.replace_calendar_events(me, id, occ);
                  }),
                  "import");
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  const auto expect = [](const core::ReplaceCounts& c, size_t added, size_t changed, size_t unchanged) {
    if (c.added != static_cast<int>(added) || c.changed != static_cast<int>(changed) ||
        c.unchanged != static_cast<int>(unchanged) || c.removed != 0)
      die("unexpected counts " + std::to_string(c.added) + "/" + std::to_string(c.changed) + "/" +
              std::to_string(c.removed) + "/" + std::to_string(c.unchanged),
          1);
  };
  Times t;
  const size_t n = cal.occurrences.size();
  for (int r = 0; r < runs; ++r) {
    must(store::with_write(db, [&](store::Transaction& tx) -> Result<bool> {
           for (const auto& s : HW_TRY(tx.list_evidence_sources(me))) HW_CHECK(tx.delete_evidence_source(me, s.id));
           return true;
         }),
         "delete source");
    core::ReplaceCounts c;
    t.first.push_back(import(cal.occurrences, c));
    expect(c, n, 0, 0);
    t.same.push_back(import(cal.occurrences, c));
    expect(c, 0, 0, n);
    t.changed.push_back(import(cal.changed, c));
    expect(c, 0, cal.changed_occurrences, n - cal.changed_occurrences);
  }
  return t;
}

// --- PostgreSQL housekeeping ----------------------------------------------------------------------------

std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) die("--postgres must be a URL like postgresql://user:pw@host:port/postgres");
  const auto query = url.find('?', scheme + 3);
  const auto slash = url.find('/', scheme + 3);
  return url.substr(0, std::min(slash, query)) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

struct PgDatabase {
  std::unique_ptr<pqxx::connection> admin;
  std::string name, url, version;
  explicit PgDatabase(const std::string& admin_url) {
    try {
      admin = std::make_unique<pqxx::connection>(admin_url);
      pqxx::nontransaction w(*admin);
      name = "headway_evidence_bench_" + std::to_string(::getpid());
      w.exec("DROP DATABASE IF EXISTS " + w.quote_name(name) + " WITH (FORCE)");
      w.exec("CREATE DATABASE " + w.quote_name(name));
      version = w.exec("SHOW server_version")[0][0].c_str();
    } catch (const std::exception& e) {
      die(std::string("PostgreSQL: ") + e.what(), 1);
    }
    url = with_database(admin_url, name);
  }
  ~PgDatabase() {
    try {
      pqxx::nontransaction w(*admin);
      w.exec("DROP DATABASE IF EXISTS " + w.quote_name(name) + " WITH (FORCE)");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "headway_evidence_store_bench: could not drop %s: %s\n", name.c_str(), e.what());
    }
  }
};

// --- output ------------------------------------------------------------------------------------------------

std::string cell(const std::optional<Times>& t, std::vector<double> Times::*which) {
  if (!t) return "skipped";
  const auto& v = (*t).*which;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.3f (%.3f-%.3f)", median(v), *std::min_element(v.begin(), v.end()),
                *std::max_element(v.begin(), v.end()));
  return buf;
}

void row(const std::string& a, const std::string& b, const std::string& c) {
  std::printf("%-52s %-24s %s\n", a.c_str(), b.c_str(), c.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse_args(argc, argv);
  const Calendar cal = load(a.ics);
  std::printf("== calendar import, storage side: %d events, %zu occurrences in the default window ==\n", cal.events,
              cal.occurrences.size());
  std::printf("parse and expansion (once, not in the figures): %.3f s; changed: %zu events, %zu occurrences\n",
              cal.parse_seconds, cal.changed_events, cal.changed_occurrences);
  std::fflush(stdout);

  std::error_code ec;
  const fs::path dir = a.dir / ("headway-evidence-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir, ec);
  if (ec) die("cannot create " + dir.string() + ": " + ec.message());
  std::optional<Times> sq, pg;
  std::string pg_version = "skipped (no --postgres)";
  {
    store::OpenOptions create;
    create.create = true;
    auto db = must(store::open_database("sqlite://" + (dir / "headway.db").string(), create), "open SQLite");
    std::fprintf(stderr, "SQLite: %d runs ...\n", a.runs);
    sq = measure(*db, cal, a.runs);
  }
  fs::remove_all(dir, ec);
  if (!a.postgres.empty()) {
    PgDatabase server(a.postgres);
    pg_version = server.version;
    store::OpenOptions create;
    create.create = true;
    auto db = must(store::open_database(server.url, create), "open PostgreSQL");
    std::fprintf(stderr, "PostgreSQL: %d runs ...\n", a.runs);
    pg = measure(*db, cal, a.runs);
  }
  std::printf("SQLite %s (a file; WAL, synchronous=NORMAL); PostgreSQL %s\n\n", sqlite3_libversion(), pg_version.c_str());
  row("seconds per write transaction: median (min-max) of " + std::to_string(a.runs), "SQLite", "PostgreSQL");
  row("first import (" + std::to_string(cal.occurrences.size()) + " inserted)", cell(sq, &Times::first),
      cell(pg, &Times::first));
  row("re-import, unchanged", cell(sq, &Times::same), cell(pg, &Times::same));
  row("re-import, 1% of events changed (" + std::to_string(cal.changed_occurrences) + " updated)",
      cell(sq, &Times::changed), cell(pg, &Times::changed));
  return 0;
}
