#pragma once
// The daily check-in: one per person and local day, upserted.
#include <optional>
#include <string>

#include "core/person.hpp"
#include "core/zone.hpp"

namespace headway::core {

struct CheckIn {
  Id person_id = 0;
  Date date;
  bool off = false;                  // a day without work: no start or end
  std::optional<TimeOfDay> start;    // local wall clock
  std::optional<TimeOfDay> end;      // earlier than start means the next morning
  int worked_minutes = 0;            // derived: real time start..end, less the break, plus after-hours
  std::optional<int> after_hours;    // minutes of work outside start..end (e-mail at night, ...)
  std::optional<int> break_minutes;  // longest break
  int stress = 3;                    // 1-5
  int energy = 3;                    // 1-5
  bool progress = false;             // progress on meaningful work
  bool setback = false;
  std::string note;
  Instant updated_at = 0;
};

// Whether the check-in says when work started and ended.
inline bool has_times(const CheckIn& c) { return c.start.has_value() && c.end.has_value(); }

// Whether the check-in says how long was worked: start and end, or a day off. A check-in without
// recorded times (an import from a mood diary) keeps stress, energy, progress, setback and the
// note only; as evidence about work and in statistics of hours it counts as no check-in.
inline bool times_recorded(const CheckIn& c) { return c.off || has_times(c); }

// Whether finalize_checkin accepts a check-in that is neither a day off nor has start and end.
enum class CheckinMode {
  times_required,  // `headway checkin` and the API: --start and --end, or --off
  times_optional,  // importers of data that has no working times (Daylio, a restored export)
};

// Validates the fields and derives worked_minutes with the person's zone, so a shift across a
// DST change counts its real length. Errors name the CLI field (start, end, stress, ...). A check-in
// without recorded times (times_optional only) has worked_minutes 0 and no after_hours or break.
Result<void> finalize_checkin(CheckIn& c, const Zone& zone, CheckinMode mode = CheckinMode::times_required);

// Wall-clock end in minutes past the day's midnight (end + 1440 when it wraps past midnight).
int end_wall_minutes(const CheckIn& c);

}  // namespace headway::core
