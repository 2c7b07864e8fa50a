// SQLite and PostgreSQL side by side, in one run: a bulk insert of a year of check-ins for many
// people through the repository interface, one person's weekly report, and `db copy` of the whole
// data set in both directions. A plain program rather than Google Benchmark, because one
// iteration takes minutes.
//
//   headway_storage_bench --postgres URL [--people 10000] [--days 365] [--batch 100] [--runs 21]
//                         [--dir DIR] [--keep]
//
// URL is a maintenance connection (e.g. to the database "postgres") of a role that may create
// databases. The benchmark creates its own databases there and a temporary directory for its
// SQLite files (in DIR, default $TMPDIR or /tmp), and removes all of them at the end, also after
// a failure or a first Ctrl-C / SIGTERM (a second one ends it at once); --keep leaves them.
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <pqxx/pqxx>
#include <sqlite3.h>

#include "core/boundary.hpp"
#include "core/checkin.hpp"
#include "core/date.hpp"
#include "core/random.hpp"
#include "core/zone.hpp"
#include "service/context.hpp"
#include "service/copy.hpp"
#include "service/export.hpp"
#include "service/reports.hpp"
#include "store/database.hpp"

namespace {

using namespace headway;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

std::atomic<bool> g_stop{false};

void on_signal(int) { g_stop = true; }

// Ends the run before anything was created: 2 for bad usage, 1 when the server cannot be used.
[[noreturn]] void die(const std::string& what, int code = 2) {
  std::fprintf(stderr, "headway_storage_bench: %s\n", what.c_str());
  std::exit(code);
}

// The value of a step that cannot fail on good data; a failure ends the run (cleanup still runs
// through the Cleanup guard's destructor, because the error is thrown to main).
struct Failure {
  std::string what;
};
template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) throw Failure{std::string(what) + ": " + r.error().message};
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}
void check_stop() {
  if (g_stop) throw Failure{"interrupted"};
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// --- memory: the peak resident set of a phase (Linux: writing 5 to clear_refs resets VmHWM) ----
int64_t status_kib(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string k = std::string(key) + ":";
  while (std::getline(in, line))
    if (line.rfind(k, 0) == 0) return std::atoll(line.c_str() + k.size());
  return -1;
}
bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}
std::string mib(int64_t kib) { return kib < 0 ? "?" : std::to_string((kib + 512) / 1024) + " MiB"; }

// --- reproducible data ------------------------------------------------------------------------------

// A fixed-seed generator (splitmix64), so every run, and both backends, get exactly the same data.
struct Rng {
  core::SplitMix mix;
  bool chance(double p) { return mix.chance(p); }
  int between(int lo, int hi) { return lo + mix.pick(hi - lo + 1); }
  size_t below(size_t n) { return mix.below(n); }
};

const char* const kZones[] = {"Europe/Berlin", "America/New_York", "Europe/London",
                              "Asia/Tokyo",    "Australia/Sydney", "America/Los_Angeles"};
const char* const kNotes[] = {"Long review meeting ran over.", "Left on time, walked home.",
                              "Deadline week.", "Quiet day, deep work in the morning.",
                              "Answered mail after dinner.", "Kids' school event at 16:00."};

struct Dataset {
  int people = 10000;
  int days = 365;
  core::Date first = core::make_date(2025, 1, 1);
  core::Date last() const { return core::add_days(first, days - 1); }
};

core::Person make_person(int index, const core::Zone& zone, const Dataset& ds) {
  core::Person p;
  char name[32];
  std::snprintf(name, sizeof name, "Person %05d", index + 1);
  p.name = name;
  p.email = "person" + std::to_string(index + 1) + "@example.org";
  p.timezone = zone.name();
  p.created_at = zone.to_instant(ds.first, 8 * 60);
  return p;
}

// One person's check-in for every day: most weekdays worked (some late, some with evening mail,
// mostly with a break), most weekend days off, a few night finishes, an occasional note.
// worked_minutes comes from core::finalize_checkin in the person's zone, as with `headway checkin`.
std::vector<core::CheckIn> make_checkins(int index, const core::Zone& zone, const Dataset& ds) {
  Rng rng{{0x5eed0000ull + static_cast<uint64_t>(index) * 7919}};
  const int habit_start = rng.between(7 * 60 + 30, 9 * 60 + 30);  // each person's usual start
  std::vector<core::CheckIn> out;
  out.reserve(static_cast<size_t>(ds.days));
  for (int i = 0; i < ds.days; ++i) {
    core::CheckIn c;
    c.date = core::add_days(ds.first, i);
    const bool weekend = core::weekday(c.date) >= 5;
    c.off = weekend ? !rng.chance(0.15) : rng.chance(0.08);
    int end = 20 * 60;
    if (!c.off) {
      const int start = std::clamp(habit_start + 5 * rng.between(-6, 6), 6 * 60, 11 * 60);
      int length = weekend ? rng.between(60, 300) : rng.between(450, 570);
      if (!weekend && rng.chance(0.15)) length += rng.between(60, 240);  // a late evening
      if (!weekend && rng.chance(0.005)) length = 24 * 60 + rng.between(0, 90) - start;  // until after midnight
      end = start + length;
      if (end >= 24 * 60) end = std::min(end, 24 * 60 + 90) - 24 * 60;  // past midnight
      if (end == start) end += 5;
      c.start = core::TimeOfDay{start};
      c.end = core::TimeOfDay{end};
      if (length >= 240 && rng.chance(0.7)) c.break_minutes = 5 * rng.between(3, 12);
      if (end < start) end += 24 * 60;
    }
    if (rng.chance(0.25)) c.after_hours = 5 * rng.between(2, 24);
    const int strain = (c.after_hours ? 1 : 0) + (end > 19 * 60 ? 1 : 0);
    c.stress = std::clamp(rng.between(1, 4) + strain, 1, 5);
    c.energy = std::clamp(rng.between(2, 5) - strain, 1, 5);
    c.progress = rng.chance(0.6);
    c.setback = rng.chance(0.1);
    if (rng.chance(0.08)) c.note = kNotes[rng.below(std::size(kNotes))];
    c.updated_at = zone.to_instant(c.date, std::min(end, 24 * 60 + 120)) + rng.between(0, 3600);
    must(core::finalize_checkin(c, zone), "finalize_checkin");
    out.push_back(std::move(c));
  }
  return out;
}

const core::Zone& zone_of(int index) {
  static const std::vector<core::Zone> zones = [] {
    std::vector<core::Zone> z;
    for (const char* name : kZones) z.push_back(must(core::Zone::find(name), "Zone::find"));
    return z;
  }();
  return zones[static_cast<size_t>(index) % zones.size()];
}

// --- the measurements -------------------------------------------------------------------------------

struct Bulk {
  double seconds = 0;        // inside the write transactions only
  double gen_seconds = 0;    // making the data (not part of `seconds`)
  int64_t checkins = 0;
  int64_t peak_rss_kib = -1;
};

// People and their check-ins through the repository: one write transaction per `batch` people,
// each person inserted with insert_person and their year with one upsert_checkins call.
Bulk bulk_insert(store::Database& db, const Dataset& ds, int batch) {
  Bulk out;
  reset_peak_rss();
  std::vector<core::Person> people;
  std::vector<std::vector<core::CheckIn>> checkins;
  const bool progress = isatty(STDERR_FILENO);
  for (int first = 0; first < ds.people; first += batch) {
    check_stop();
    const int n = std::min(batch, ds.people - first);
    const auto g = Clock::now();
    people.clear();
    checkins.clear();
    for (int k = 0; k < n; ++k) {
      const auto& zone = zone_of(first + k);
      people.push_back(make_person(first + k, zone, ds));
      checkins.push_back(make_checkins(first + k, zone, ds));
    }
    out.gen_seconds += seconds_since(g);
    const auto t = Clock::now();
    must(store::with_write(db,
                           [&](store::Transaction& tx) -> Result<void> {
                             for (int k = 0; k < n; ++k) {
                               const core::Id id = HW_TRY(tx.insert_person(people[static_cast<size_t>(k)]));
                               auto& year = checkins[static_cast<size_t>(k)];
                               for (auto& c : year) c.person_id = id;
                               HW_CHECK(tx.upsert_checkins(year));
                             }
                             return {};
                           }),
         "bulk insert");
    out.seconds += seconds_since(t);
    for (const auto& year : checkins) out.checkins += static_cast<int64_t>(year.size());
    if (progress && first / batch % 10 == 9)
      std::fprintf(stderr, "\r  %s: %d of %d people, %.0f s", db.backend().c_str(), first + n, ds.people, out.seconds);
  }
  if (progress) std::fprintf(stderr, "\r%60s\r", "");
  out.peak_rss_kib = status_kib("VmHWM");
  return out;
}

// The boundaries most people start with, for the person whose report is timed, so the report
// evaluates them over its four weeks like a real one.
void add_boundaries(store::Database& db, core::Id person) {
  const std::vector<std::pair<core::BoundaryType, std::map<std::string, std::string>>> specs{
      {core::BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}},
      {core::BoundaryType::weekly_hours_cap, {{"hours", "40"}}},
      {core::BoundaryType::no_messages_after, {{"time", "19:00"}}},
  };
  must(store::with_write(db,
                         [&](store::Transaction& tx) -> Result<void> {
                           for (const auto& [type, params] : specs) {
                             core::Boundary b = HW_TRY(core::make_boundary(type, params));
                             b.person_id = person;
                             b.created_at = 1735689600;  // 2025-01-01
                             HW_CHECK(tx.insert_boundary(b));
                           }
                           return {};
                         }),
       "add boundaries");
}

struct Timing {
  double median_ms = 0, min_ms = 0, max_ms = 0;
};

// service::weekly_report for the week of the data's last day, `runs` times after two warm-ups,
// with the clock at 20:00 that day in the person's zone.
Timing report_timing(store::Database& db, core::Id person, const Dataset& ds, int runs) {
  const auto found =
      must(store::with_read(db, [&](store::Transaction& tx) { return tx.find_person(person); }), "find_person");
  if (!found) throw Failure{"no person " + std::to_string(person) + " to report on"};
  const auto zone = must(core::Zone::find(found->timezone), "Zone::find");
  const core::Instant evening = zone.to_instant(ds.last(), 20 * 60);
  service::Context ctx{db, [evening] { return evening; }, ""};
  const service::Actor actor{person};
  const std::string date = core::to_string(ds.last());
  std::vector<double> ms;
  for (int i = 0; i < runs + 2; ++i) {
    const auto t = Clock::now();
    auto r = must(service::weekly_report(ctx, actor, date), "weekly_report");
    if (i >= 2) ms.push_back(seconds_since(t) * 1000);
    if (r.checkins == 0) throw Failure{"the timed weekly report found no check-ins"};
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

struct Copy {
  double seconds = 0;
  double verify_seconds = 0;  // the verification's work, timed again on its own afterwards
  int64_t rows = 0;
  int people = 0;
  int64_t peak_rss_kib = -1;
};

// What `headway db copy --from A --to B` does: open both (the target created and migrated),
// copy_database, which verifies row counts and each person's export.
Copy db_copy(const std::string& from_url, const std::string& to_url) {
  Copy out;
  reset_peak_rss();
  const auto t = Clock::now();
  auto from = must(store::open_database(from_url, {}), "open copy source");
  store::OpenOptions create;
  create.create = true;
  auto to = must(store::open_database(to_url, create), "open copy target");
  const auto report = must(service::copy_database(*from, *to, false), "copy_database");
  out.seconds = seconds_since(t);
  for (const auto& [table, n] : report.counts) out.rows += n;
  out.people = report.exports_compared;
  out.peak_rss_kib = status_kib("VmHWM");
  // What the verification inside copy_database does, once more on its own: the row counts of
  // both sides, then every person's export on both sides.
  const auto v = Clock::now();
  for (store::Database* db : {from.get(), to.get()})
    must(store::with_read(*db, [](store::Transaction& tx) { return tx.table_counts(); }), "table_counts");
  const auto people =
      must(store::with_read(*from, [](store::Transaction& tx) { return tx.list_people(); }), "list_people");
  for (store::Database* db : {from.get(), to.get()}) {
    service::Context ctx{*db, core::now, ""};
    for (const auto& p : people) (void)must(service::export_all(ctx, service::Actor{p.id}), "export_all");
  }
  out.verify_seconds = seconds_since(v);
  return out;
}

int64_t total_rows(store::Database& db) {
  const auto counts = must(store::with_read(db, [](store::Transaction& tx) { return tx.table_counts(); }),
                           "table_counts");
  int64_t n = 0;
  for (const auto& [table, rows] : counts) n += rows;
  return n;
}

// --- PostgreSQL housekeeping ------------------------------------------------------------------------

// The URL with its database name replaced: scheme://user:pw@host:port/NAME?query.
std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) die("--postgres must be a URL like postgresql://user:pw@host:port/postgres");
  const auto query = url.find('?', scheme + 3);
  const auto slash = url.find('/', scheme + 3);
  const auto host_end = std::min(slash, query);
  return url.substr(0, host_end) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

class Server {
 public:
  explicit Server(const std::string& url) : url_(url) {
    try {
      conn_ = std::make_unique<pqxx::connection>(url);
    } catch (const std::exception& e) {
      std::string why = e.what();
      why = why.substr(0, why.find('\n'));
      die("cannot connect to " + store::redact_url(url) + ": " + why, 1);
    }
  }
  std::string query1(const std::string& sql) {
    pqxx::nontransaction w(*conn_);
    const auto r = w.exec(sql);
    return r.empty() || r[0][0].is_null() ? "" : r[0][0].c_str();
  }
  // Creates an empty database and returns its URL; remembered for drop_all().
  std::string create(const std::string& name) {
    pqxx::nontransaction w(*conn_);
    w.exec("DROP DATABASE IF EXISTS " + w.quote_name(name) + " WITH (FORCE)");
    w.exec("CREATE DATABASE " + w.quote_name(name));
    created_.push_back(name);
    return with_database(url_, name);
  }
  int64_t size(const std::string& name) {
    pqxx::nontransaction w(*conn_);
    return w.exec("SELECT pg_database_size(" + w.quote(name) + ")")[0][0].as<int64_t>();
  }
  void drop_all() {
    for (const auto& name : created_) {
      try {
        pqxx::nontransaction w(*conn_);
        w.exec("DROP DATABASE IF EXISTS " + w.quote_name(name) + " WITH (FORCE)");
      } catch (const std::exception& e) {
        std::fprintf(stderr, "headway_storage_bench: could not drop database %s: %s\n", name.c_str(), e.what());
      }
    }
    created_.clear();
  }

 private:
  std::string url_;
  std::unique_ptr<pqxx::connection> conn_;
  std::vector<std::string> created_;
};

// Removes what the run created, however it ends (normally, by a Failure, or interrupted).
struct Cleanup {
  Server& server;
  fs::path dir;
  bool keep = false;
  ~Cleanup() {
    if (keep) {
      std::fprintf(stderr, "headway_storage_bench: --keep: left %s and the databases in place\n", dir.c_str());
      return;
    }
    server.drop_all();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

int64_t disk_size(const fs::path& p) {
  std::error_code ec;
  int64_t n = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const auto s = fs::file_size(p.string() + suffix, ec);
    if (!ec) n += static_cast<int64_t>(s);
  }
  return n;
}

// --- output -----------------------------------------------------------------------------------------

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string grouped(int64_t n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}
void row(const std::string& figure, const std::string& sqlite, const std::string& postgres) {
  std::printf("%-50s %-24s %s\n", figure.c_str(), sqlite.c_str(), postgres.c_str());
}

struct Args {
  std::string postgres;
  Dataset ds;
  int batch = 100;
  int runs = 21;
  std::string dir;
  bool keep = false;  // leave the files and databases for inspection
};

Args parse_args(int argc, char** argv) {
  Args a;
  const char* tmp = std::getenv("TMPDIR");
  a.dir = tmp && *tmp ? tmp : "/tmp";
  const auto usage = [] {
    die("usage: headway_storage_bench --postgres URL [--people N] [--days N] [--batch N] [--runs N] [--dir DIR] [--keep]");
  };
  for (int i = 1; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt == "--help" || opt == "-h") usage();
    if (opt == "--keep") {
      a.keep = true;
      continue;
    }
    if (i + 1 >= argc) usage();
    const std::string val = argv[++i];
    const auto number = [&](int lo, int hi) {
      char* end = nullptr;
      const long v = std::strtol(val.c_str(), &end, 10);
      if (!end || *end || v < lo || v > hi) die(opt + " must be " + std::to_string(lo) + " to " + std::to_string(hi));
      return static_cast<int>(v);
    };
    if (opt == "--postgres") a.postgres = val;
    else if (opt == "--people") a.ds.people = number(1, 1000000);
    else if (opt == "--days") a.ds.days = number(7, 3660);
    else if (opt == "--batch") a.batch = number(1, 100000);
    else if (opt == "--runs") a.runs = number(1, 1000);
    else if (opt == "--dir") a.dir = val;
    else usage();
  }
  if (a.postgres.empty()) usage();
  (void)with_database(a.postgres, "check");  // a malformed URL ends the run before anything is created
  return a;
}

int run(const Args& a) {
  const Dataset& ds = a.ds;
  Server server(a.postgres);
  std::string tmpl = (fs::path(a.dir) / "headway-storage-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) die("cannot create a temporary directory in " + a.dir, 1);
  Cleanup cleanup{server, tmpl, a.keep};
  const std::string tag = "headway_storage_bench_" + std::to_string(getpid());

  const std::string pg_version = server.query1("SHOW server_version");
  const std::string pg_settings = "fsync=" + server.query1("SHOW fsync") +
                                  ", synchronous_commit=" + server.query1("SHOW synchronous_commit") +
                                  ", shared_buffers=" + server.query1("SHOW shared_buffers");
  std::printf("== storage: %s people x %d days (%s to %s), one write transaction per %d people ==\n",
              grouped(ds.people).c_str(), ds.days, core::to_string(ds.first).c_str(),
              core::to_string(ds.last()).c_str(), a.batch);
  std::printf("SQLite %s, files in %s (WAL, synchronous=NORMAL)\n", sqlite3_libversion(), cleanup.dir.c_str());
  std::printf("PostgreSQL %s at %s (%s)\n", pg_version.c_str(), store::redact_url(a.postgres).c_str(),
              pg_settings.c_str());
  std::fflush(stdout);

  const fs::path sqlite_main = cleanup.dir / "main.db";
  const std::string sqlite_url = "sqlite://" + sqlite_main.string();
  const std::string pg_url = server.create(tag + "_main");

  // a) bulk insert
  Bulk bulk_sq, bulk_pg;
  int64_t rows_sq = 0, rows_pg = 0;
  {
    std::fprintf(stderr, "bulk insert into SQLite ...\n");
    store::SqliteOptions so;
    so.create = true;
    auto db = must(store::open_sqlite(sqlite_main.string(), so), "open SQLite");
    bulk_sq = bulk_insert(*db, ds, a.batch);
  }
  {
    std::fprintf(stderr, "bulk insert into PostgreSQL ...\n");
    store::OpenOptions po;
    po.create = true;
    auto db = must(store::open_database(pg_url, po), "open PostgreSQL");
    bulk_pg = bulk_insert(*db, ds, a.batch);
  }
  const int64_t size_sq = disk_size(sqlite_main);
  const int64_t size_pg = server.size(tag + "_main");

  // b) weekly report of one person (the middle one), on each backend
  const core::Id person = (ds.people + 1) / 2;
  Timing rep_sq, rep_pg;
  check_stop();
  {
    std::fprintf(stderr, "weekly report ...\n");
    auto sq = must(store::open_database(sqlite_url, {}), "open SQLite");
    auto pg = must(store::open_database(pg_url, {}), "open PostgreSQL");
    add_boundaries(*sq, person);
    add_boundaries(*pg, person);
    rows_sq = total_rows(*sq);
    rows_pg = total_rows(*pg);
    if (rows_sq != rows_pg) throw Failure{"the two databases hold different row counts after the bulk insert"};
    rep_sq = report_timing(*sq, person, ds, a.runs);
    rep_pg = report_timing(*pg, person, ds, a.runs);
  }

  // c) db copy, each backend to a new empty database of the other
  check_stop();
  std::fprintf(stderr, "db copy SQLite -> PostgreSQL ...\n");
  const Copy copy_sq = db_copy(sqlite_url, server.create(tag + "_copy"));
  check_stop();
  std::fprintf(stderr, "db copy PostgreSQL -> SQLite ...\n");
  const Copy copy_pg = db_copy(pg_url, "sqlite://" + (cleanup.dir / "copy.db").string());
  if (copy_sq.rows != rows_sq || copy_pg.rows != rows_pg) throw Failure{"a copy holds a different number of rows"};

  const auto per_sec = [](int64_t n, double s) { return grouped(static_cast<int64_t>(n / s)); };
  const auto ms = [](const Timing& t) {
    return fixed(t.median_ms, 2) + " (" + fixed(t.min_ms, 2) + "-" + fixed(t.max_ms, 2) + ")";
  };
  std::printf("\n");
  row("figure", "SQLite", "PostgreSQL");
  row("a) bulk insert: people and check-ins, total", fixed(bulk_sq.seconds, 1) + " s", fixed(bulk_pg.seconds, 1) + " s");
  row("   check-ins inserted", grouped(bulk_sq.checkins), grouped(bulk_pg.checkins));
  row("   check-in rows per second", per_sec(bulk_sq.checkins, bulk_sq.seconds),
      per_sec(bulk_pg.checkins, bulk_pg.seconds));
  row("   peak RSS of the benchmark process", mib(bulk_sq.peak_rss_kib), mib(bulk_pg.peak_rss_kib));
  row("   size on disk afterwards", mib(size_sq / 1024), mib(size_pg / 1024));
  row("b) weekly report, ms: median of " + std::to_string(a.runs) + " (min-max)", ms(rep_sq), ms(rep_pg));
  row("c) db copy to a new database of the other backend", fixed(copy_sq.seconds, 1) + " s",
      fixed(copy_pg.seconds, 1) + " s");
  row("   (direction)", "SQLite -> PostgreSQL", "PostgreSQL -> SQLite");
  row("   of which verification (timed again alone)", "~" + fixed(copy_sq.verify_seconds, 1) + " s",
      "~" + fixed(copy_pg.verify_seconds, 1) + " s");
  row("   rows copied (all tables) / per second", grouped(copy_sq.rows) + " / " + per_sec(copy_sq.rows, copy_sq.seconds),
      grouped(copy_pg.rows) + " / " + per_sec(copy_pg.rows, copy_pg.seconds));
  row("   people whose exports were compared", grouped(copy_sq.people), grouped(copy_pg.people));
  row("   peak RSS of the benchmark process", mib(copy_sq.peak_rss_kib), mib(copy_pg.peak_rss_kib));
  std::printf("\nGenerating the data (finalize_checkin per day; not in the figures above): %.1f s per backend.\n",
              (bulk_sq.gen_seconds + bulk_pg.gen_seconds) / 2);
  std::printf("The copy times include opening both databases, migrating the new target, and the\n"
              "verification (row counts of every table, then each person's export on both sides);\n"
              "the verification's share is estimated by doing that work again after the copy.\n");
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;  // a second signal ends the process at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  try {
    return run(args);
  } catch (const Failure& f) {
    std::fprintf(stderr, "headway_storage_bench: %s\n", f.what.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "headway_storage_bench: %s\n", e.what());
  }
  return 1;
}
