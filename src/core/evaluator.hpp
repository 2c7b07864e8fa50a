#pragma once
// The boundary evaluator: one day of evidence in, kept / broken / unknown out, with the evidence.
#include <array>
#include <string>
#include <vector>

#include "core/boundary.hpp"
#include "core/checkin.hpp"

namespace headway::core {

enum class Status { kept, broken, unknown };
inline constexpr std::array<const char*, 3> kStatusNames{"kept", "broken", "unknown"};
inline const char* to_string(Status s) { return kStatusNames[static_cast<size_t>(s)]; }

enum class SpanKind { meeting, event, activity, message };

// A stretch of time on a local day, in wall-clock minutes past midnight (end may pass 1440).
struct Span {
  int start = 0;
  int end = 0;
  SpanKind kind = SpanKind::activity;
  bool busy = true;  // all-day and transparent events are not busy
};

// Everything known about one local day.
struct DayEvidence {
  Date date;
  int day_minutes = 1440;             // 1380 or 1500 on DST change days
  const CheckIn* checkin = nullptr;   // not owned; without recorded times it counts as none
  std::vector<Span> spans;            // calendar events and tracked activity
  bool has_calendar = false;          // a calendar covers this day (even if it is empty)
  bool has_activity = false;          // an activity tracker covers this day
};

struct Evaluation {
  Date date;
  Id boundary_id = 0;
  BoundaryType type = BoundaryType::no_weekend_work;
  Status status = Status::unknown;
  std::string evidence;  // e.g. "worked 08:10-18:45 (window 09:00-17:30)"
};

// Whether a boundary applies on a day at all (work-window only on its days, ...).
bool applies(const Boundary& b, Date d);

// Evaluates each boundary on each day. `days` must be consecutive and ascending; for the weekly
// cap they should start on a Monday, or the week's earlier days count as unknown. Days on which a
// boundary does not apply give no result.
std::vector<Evaluation> evaluate(const std::vector<Boundary>& boundaries, const std::vector<DayEvidence>& days);

// Minutes of work a day's evidence shows: the check-in if it records times (or a day off), else
// tracked activity.
int worked_minutes(const DayEvidence& day);

}  // namespace headway::core
