// Boundary evaluation throughput: day-evaluations (boundaries x days) per second on one core.
// Target: at least 1,000,000 per second over 5 years of evidence.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/random.hpp"
#include "core/boundary.hpp"
#include "core/checkin.hpp"
#include "core/evaluator.hpp"
#include "core/zone.hpp"
#include "support.hpp"

namespace {

using namespace headway;
using bench::must;
using core::BoundaryType;
using core::Date;

constexpr int kFiveYears = 1826;

// A fixed seed, so every run evaluates the same evidence.
using Rng = core::SplitMix;

// The six boundary types with the parameters people typically choose.
std::vector<core::Boundary> six_boundaries() {
  const std::vector<std::pair<BoundaryType, std::map<std::string, std::string>>> specs{
      {BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}},
      {BoundaryType::no_weekend_work, {}},
      {BoundaryType::weekly_hours_cap, {{"hours", "40"}}},
      {BoundaryType::min_break, {{"minutes", "30"}}},
      {BoundaryType::meeting_free, {{"days", "Fri"}, {"from", "13:00"}, {"to", "17:30"}}},
      {BoundaryType::no_messages_after, {{"time", "19:00"}}},
  };
  std::vector<core::Boundary> out;
  core::Id id = 1;
  for (const auto& [type, params] : specs) {
    core::Boundary b = must(core::make_boundary(type, params), "make_boundary");
    b.id = id++;
    b.person_id = 1;
    out.push_back(std::move(b));
  }
  return out;
}

// Five years of days for one person in Europe/Berlin, starting on a Monday: check-ins on 90% of
// weekdays and 55% of weekend days (a quarter of those with some work), late finishes, after-hours
// minutes and short breaks in realistic proportions. With `calendar`, each weekday also carries
// 1-5 meetings (some late, some on Friday afternoons) and occasional all-day events.
struct Evidence {
  std::vector<core::CheckIn> checkins;  // owns what days[i].checkin points to
  std::vector<core::DayEvidence> days;
};

Evidence make_evidence(int n_days, bool calendar) {
  const core::Zone zone = must(core::Zone::find("Europe/Berlin"), "Zone::find");
  const Date first = core::week_start(core::make_date(2021, 1, 4));
  Rng rng{42};
  Evidence ev;
  ev.checkins.reserve(static_cast<size_t>(n_days));  // no reallocation: days point into it
  ev.days.reserve(static_cast<size_t>(n_days));
  for (int i = 0; i < n_days; ++i) {
    const Date d = core::add_days(first, i);
    const bool weekend = core::weekday(d) >= 5;
    core::DayEvidence day;
    day.date = d;
    day.day_minutes = zone.day_minutes(d);
    if (rng.chance(weekend ? 0.55 : 0.9)) {
      core::CheckIn c;
      c.person_id = 1;
      c.date = d;
      if (weekend && !rng.chance(0.25)) {
        c.off = true;
      } else if (weekend) {
        c.start = core::TimeOfDay{10 * 60 + rng.pick(60)};
        c.end = core::TimeOfDay{c.start->minutes + 60 + rng.pick(150)};
      } else {
        const int early = rng.chance(0.3) ? 10 + rng.pick(30) : 0;
        c.start = core::TimeOfDay{9 * 60 - early + (early ? 0 : rng.pick(20))};
        const int late = rng.chance(0.45) ? rng.pick(150) : 0;
        c.end = core::TimeOfDay{std::min(17 * 60 + 30 + late, 23 * 60 + 30)};
        if (late > 0 && rng.chance(0.4)) c.after_hours = 15 + rng.pick(45);
        if (rng.chance(0.9)) c.break_minutes = rng.chance(0.6) ? 30 + rng.pick(30) : 5 + rng.pick(20);
      }
      c.stress = 1 + rng.pick(5);
      c.energy = 1 + rng.pick(5);
      if (auto ok = core::finalize_checkin(c, zone); !ok) {
        std::fprintf(stderr, "evaluator_bench: bad check-in: %s\n", ok.error().message.c_str());
        std::abort();
      }
      ev.checkins.push_back(std::move(c));
      day.checkin = &ev.checkins.back();
    }
    if (calendar) {
      day.has_calendar = true;
      if (!weekend) {
        const int meetings = 1 + rng.pick(5);
        for (int m = 0; m < meetings; ++m) {
          // Mostly inside working hours; one in ten runs into the evening.
          const int start = rng.chance(0.1) ? 17 * 60 + rng.pick(180) : 9 * 60 + rng.pick(8 * 60);
          const int length = 15 + 15 * rng.pick(6);
          day.spans.push_back({start, start + length, core::SpanKind::meeting, true});
        }
        if (rng.chance(0.05)) day.spans.push_back({0, 1440, core::SpanKind::event, false});  // all-day, free
        std::sort(day.spans.begin(), day.spans.end(),
                  [](const core::Span& a, const core::Span& b) { return a.start < b.start; });
      } else if (rng.chance(0.03)) {
        day.spans.push_back({11 * 60, 12 * 60, core::SpanKind::meeting, true});
      }
    }
    ev.days.push_back(std::move(day));
  }
  return ev;
}

void run(benchmark::State& state, bool calendar) {
  const auto boundaries = six_boundaries();
  const Evidence ev = make_evidence(static_cast<int>(state.range(0)), calendar);
  size_t results = 0;
  for (auto _ : state) {
    auto out = core::evaluate(boundaries, ev.days);
    results = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  // One item is one boundary on one day, whether or not the boundary applies that day.
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(boundaries.size() * ev.days.size()));
  state.counters["evaluations_per_call"] = static_cast<double>(results);
}

void BM_Evaluate_CheckIns(benchmark::State& state) { run(state, false); }
void BM_Evaluate_CheckInsAndCalendar(benchmark::State& state) { run(state, true); }

// 1826 days = 5 years; 28 days is what one weekly report evaluates; 1 day is one check-in.
BENCHMARK(BM_Evaluate_CheckIns)->Arg(kFiveYears)->Arg(28)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Evaluate_CheckInsAndCalendar)->Arg(kFiveYears)->Arg(28)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
