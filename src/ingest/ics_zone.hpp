#pragma once
// Time zones of the iCalendar importer: written times (wall clock, TZID, UTC or DATE) and the
// book that turns them into instants. Internal to src/ingest/ics*.cpp (it includes libical).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libical/ical.h>

#include "core/date.hpp"
#include "core/zone.hpp"

namespace headway::ingest::ics {

// A time as written: the wall clock (floating in libical terms), its TZID, or UTC, or a DATE.
struct LocalTime {
  icaltimetype t = icaltime_null_time();
  std::string tzid;
  bool utc = false;
  int line = 0;
};

// Owns a libical component.
struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

// Seconds since 1970-01-01 00:00 of a wall-clock time, as if it were UTC.
int64_t wall_seconds(const icaltimetype& t);
// The floating libical time (or DATE) of such wall-clock seconds.
icaltimetype floating_of(core::Instant wall, bool is_date);

// Resolves TZIDs: IANA names through core::Zone, then Windows names through ICU, then the file's
// own VTIMEZONE definitions through libical (the same order as Python's icalendar).
class ZoneBook {
 public:
  explicit ZoneBook(const core::Zone& person) : person_(person) {}
  ~ZoneBook();
  ZoneBook(const ZoneBook&) = delete;
  ZoneBook& operator=(const ZoneBook&) = delete;

  // Keeps the file's VTIMEZONE for `tzid`; the first definition of a TZID wins.
  void add_vtimezone(const std::string& tzid, ComponentPtr comp);

  // The instant of a written time; an error text when its TZID is unknown.
  std::optional<core::Instant> instant(const LocalTime& lt, const std::string& fallback_tzid, std::string& why);

 private:
  // A zone's UTC offset per local day, for days without a change in them (the common case);
  // date's get_info costs microseconds, and a large calendar asks millions of times.
  struct DayOffsets {
    std::unordered_map<int32_t, int64_t> offset;  // kIrregular: a change on that day
  };
  struct Entry {
    std::optional<core::Zone> zone;
    icaltimezone* ical = nullptr;
    DayOffsets days;
  };

  Entry* find(const std::string& tzid);
  // core::Zone::to_instant, through the day's cached offset when the day has no change.
  static core::Instant to_instant(const core::Zone& zone, DayOffsets& days, core::Date day, int wall_minute,
                                  int second);

  const core::Zone& person_;
  DayOffsets person_days_;
  const std::string* last_tzid_ = nullptr;  // the TZID of the last lookup, and its entry
  Entry* last_entry_ = nullptr;
  std::map<std::string, ComponentPtr> vtimezones_;
  std::vector<std::pair<std::string, icaltimezone*>> ical_;
  std::map<std::string, std::optional<Entry>> cache_;  // node-based: entries stay put
  std::map<std::string, std::string> refused_;         // VTIMEZONEs not handed to libical, and why
};

}  // namespace headway::ingest::ics
