// The weekly report for a person with 5 years of daily data (target: under 50 ms), its text
// rendering, and the in-process parts of the CLI commands timed end to end by bench/run.sh.
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/date.hpp"
#include "core/stats.hpp"
#include "core/zone.hpp"
#include "service/boundaries.hpp"
#include "service/checkins.hpp"
#include "service/context.hpp"
#include "service/demo.hpp"
#include "service/reports.hpp"
#include "store/database.hpp"
#include "support.hpp"

namespace {

using namespace headway;
using bench::must;

constexpr int kFiveYears = 1826;

// One SQLite database with 5 years of demo data, made once per run in a temporary directory
// and removed at exit. The clock is pinned so every benchmark sees the same "today".
class FiveYears {
 public:
  static FiveYears& get() {
    static FiveYears instance;
    return instance;
  }

  service::Context& ctx() { return *ctx_; }
  const service::Actor& actor() const { return actor_; }
  const std::string& path() const { return path_; }
  // The person's local today, as the demo and the CLI see it.
  core::Date today() const { return core::Zone::find("Europe/Berlin")->local_date(now_); }

  ~FiveYears() {
    ctx_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  FiveYears() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "headway-bench-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      std::perror("report_bench: mkdtemp");
      std::abort();
    }
    dir_ = tmpl;
    path_ = (std::filesystem::path(dir_) / "headway.db").string();
    db_ = must(store::open_sqlite(path_, {.create = true}), "open_sqlite");
    now_ = core::now();
    const core::Instant fixed = now_;
    ctx_ = std::make_unique<service::Context>(service::Context{*db_, [fixed] { return fixed; }, ""});
    service::DemoOptions opt;
    opt.days = kFiveYears;
    actor_ = must(service::run_demo(*ctx_, opt), "run_demo").actor;
  }

  std::string dir_, path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<service::Context> ctx_;
  service::Actor actor_;
  core::Instant now_ = 0;
};

void BM_WeeklyReport(benchmark::State& state) {
  auto& data = FiveYears::get();
  for (auto _ : state) {
    auto r = must(service::weekly_report(data.ctx(), data.actor(), std::nullopt), "weekly_report");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_WeeklyReport)->Unit(benchmark::kMillisecond);

void BM_RenderText(benchmark::State& state) {
  auto& data = FiveYears::get();
  const auto report = must(service::weekly_report(data.ctx(), data.actor(), std::nullopt), "weekly_report");
  size_t bytes = 0;
  for (auto _ : state) {
    auto text = service::render_text(report, {});
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderText)->Unit(benchmark::kMicrosecond);

// The report's five bootstrap correlations over its 90-day window are a fixed share of its cost,
// whatever the length of the history: one of them, on 64 paired days with 2000 resamples.
void BM_Correlate(benchmark::State& state) {
  std::vector<double> x, y;
  uint64_t s = 7;
  for (int i = 0; i < 64; ++i) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    x.push_back(static_cast<double>((s >> 33) % 120));  // minutes after hours, many ties
    y.push_back(static_cast<double>(1 + (s >> 40) % 5));  // energy 1-5
  }
  for (auto _ : state) {
    auto c = core::correlate(x, y, 2000, 11);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_Correlate)->Unit(benchmark::kMillisecond);

// What `headway boundary check --from <5 years ago> --to <today>` does after opening the database.
void BM_CheckBoundaries_FiveYears(benchmark::State& state) {
  auto& data = FiveYears::get();
  service::CheckRange range;
  range.from = core::to_string(core::add_days(data.today(), -(kFiveYears - 1)));
  range.to = core::to_string(data.today());
  size_t n = 0;
  for (auto _ : state) {
    auto r = must(service::check_boundaries(data.ctx(), data.actor(), range), "check_boundaries");
    n = r.size();
    benchmark::DoNotOptimize(r.data());
  }
  state.counters["evaluations"] = static_cast<double>(n);
}
BENCHMARK(BM_CheckBoundaries_FiveYears)->Unit(benchmark::kMillisecond);

// What `headway checkin ...` does after opening the database: upserts today's check-in in a write
// transaction, looks for slipped goals and evaluates the day.
void BM_ServiceCheckin(benchmark::State& state) {
  auto& data = FiveYears::get();
  service::CheckinInput in;
  in.start = "09:00";
  in.end = "17:30";
  in.stress = 2;
  in.energy = 4;
  for (auto _ : state) {
    auto r = must(service::checkin(data.ctx(), data.actor(), in), "checkin");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ServiceCheckin)->Unit(benchmark::kMillisecond);

// Opening an existing database (schema check and pragmas), which every CLI command does once.
void BM_OpenDatabase(benchmark::State& state) {
  auto& data = FiveYears::get();
  for (auto _ : state) {
    auto db = must(store::open_sqlite(data.path(), {}), "open_sqlite");
    benchmark::DoNotOptimize(db.get());
  }
}
BENCHMARK(BM_OpenDatabase)->Unit(benchmark::kMicrosecond);

}  // namespace
