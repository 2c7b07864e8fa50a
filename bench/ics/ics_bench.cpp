// The calendar import benchmark's C++ side (bench/ics/run.sh runs it under hyperfine):
//
//   headway_ics_bench headway FILE NOW ZONE   import_ics over the default window around NOW, then
//                                             core::daily_signals over the window's days
//   headway_ics_bench libical FILE            libical's parser over the whole file, nothing more
//
// Each mode prints one line of counts (so the tools can be compared) and, on stderr, the time of
// each phase.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include <libical/ical.h>

#include "core/date.hpp"
#include "core/person.hpp"
#include "core/signals.hpp"
#include "core/zone.hpp"
#include "ingest/ics.hpp"
#include "support.hpp"

namespace {

using namespace headway;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

int run_headway(const char* file, const char* now_text, const char* zone_name) {
  const core::Instant now = bench::must(core::parse_instant(now_text), "NOW");
  const core::Zone zone = bench::must(core::Zone::find(zone_name), "ZONE");
  const auto t0 = Clock::now();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "headway_ics_bench: cannot open %s\n", file);
    return 2;
  }
  const ingest::IcsOptions options = ingest::default_ics_window(now, zone);
  const ingest::IcsResult result = bench::must(ingest::import_ics(in, options), "import_ics");
  const double import_ms = ms_since(t0);
  const auto t1 = Clock::now();
  const core::Date from = zone.local_date(options.from);
  const core::Date to = zone.local_date(options.to - 1);
  const auto days = core::daily_signals(zone, core::WorkHours{}, from, to, result.occurrences, {},
                                        core::Coverage{{core::DayRange{from, to}}, {}});
  const double signals_ms = ms_since(t1);
  long meeting_minutes = 0;
  for (const auto& d : days) meeting_minutes += d.meeting_minutes;
  std::printf("headway: %d events, %zu occurrences in the window, %zu days, %ld meeting minutes\n", result.events,
              result.occurrences.size(), days.size(), meeting_minutes);
  std::fprintf(stderr, "headway: import_ics %.1f ms, daily_signals %.1f ms\n", import_ms, signals_ms);
  return 0;
}

int run_libical(const char* file) {
  const auto t0 = Clock::now();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "headway_ics_bench: cannot open %s\n", file);
    return 2;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const double read_ms = ms_since(t0);
  const auto t1 = Clock::now();
  icalcomponent* calendar = icalparser_parse_string(text.c_str());
  const double parse_ms = ms_since(t1);
  if (!calendar) {
    std::fprintf(stderr, "headway_ics_bench: libical could not parse %s\n", file);
    return 1;
  }
  const int events = icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT);
  const auto t2 = Clock::now();
  icalcomponent_free(calendar);
  std::printf("libical: %d events\n", events);
  std::fprintf(stderr, "libical: read %.1f ms, parse %.1f ms, free %.1f ms\n", read_ms, parse_ms, ms_since(t2));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "headway") == 0) return run_headway(argv[2], argv[3], argv[4]);
  if (argc == 3 && std::strcmp(argv[1], "libical") == 0) return run_libical(argv[2]);
  std::fprintf(stderr, "usage: headway_ics_bench headway FILE NOW ZONE | headway_ics_bench libical FILE\n");
  return 2;
}
