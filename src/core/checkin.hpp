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

// Validates the fields and derives worked_minutes with the person's zone, so a shift across a
// DST change counts its real length. Errors name the CLI field (start, end, stress, ...).
Result<void> finalize_checkin(CheckIn& c, const Zone& zone);

// Wall-clock end in minutes past the day's midnight (end + 1440 when it wraps past midnight).
int end_wall_minutes(const CheckIn& c);

}  // namespace headway::core
