#pragma once
// Daily signals from calendar and activity imports, and the same data as boundary evidence.
//
// Rules (one place, so signals and boundary checks agree):
// - Local days come from the person's zone. Minutes are real elapsed minutes, so a DST day has
//   1380 or 1500 of them. Sums are kept in seconds and rounded to the nearest minute at the end.
// - Anything crossing local midnight is split across the days it touches; nothing outside
//   [from, to] is counted.
// - Busy occurrence: timed (not all-day), not declined, not transparent, end > start. Declined,
//   transparent and all-day occurrences are not busy, not meetings and not work; they still show
//   that a calendar covers their days.
// - Meeting: a busy occurrence with meeting = true (more than one attendee).
// - Work: the union of active activity spans and meetings, so an overlap counts once. AFK spans
//   are not work. A busy occurrence that is not a meeting (a solo block: "dentist", "lunch",
//   "write report") is not work either: it says when the person was unavailable, not that they
//   worked. This matches core::evaluate, which ignores SpanKind::event for work-window,
//   no-weekend-work and no-messages-after (see counts_as_work in signals.cpp).
// - Work hours: on a WorkHours day, wall-clock [from, to) of that day. after_hours_minutes is work
//   outside that window, plus all work on a day that is not a WorkHours day.
//   after_hours_meeting_minutes is the same for meeting time. weekend_minutes is work on a
//   Saturday or Sunday, whatever the work days are.
// - Focus: the longest stretch inside work hours on a WorkHours day with calendar coverage that
//   no busy occurrence (meeting or not) touches. Stretches under 60 minutes give 0; so do days
//   off and days without calendar coverage.
// - first_activity / last_activity: the wall-clock start of the day's first work and the end of
//   its last (end rounded up to the minute; 23:59 when work runs on past midnight). Empty when
//   there was no work.
// - Coverage: a day has calendar (activity) coverage when it lies in one of the given ranges or
//   any occurrence (activity span, afk included) touches it. A covered day without work has zero
//   signals; has_calendar / has_activity tell it apart from a day nothing is known about.
// Cost: O(n log n + days) for n occurrences and spans; no per-minute arrays.
#include <optional>
#include <span>
#include <vector>

#include "core/date.hpp"
#include "core/evaluator.hpp"
#include "core/evidence.hpp"
#include "core/person.hpp"
#include "core/zone.hpp"

namespace headway::core {

// Local days from..to, both included.
struct DayRange {
  Date from;
  Date to;
  bool operator==(const DayRange&) const = default;
};

// Which local days each source was imported for, e.g. an .ics export's window.
struct Coverage {
  std::vector<DayRange> calendar;
  std::vector<DayRange> activity;
};

// One local day's signals. The first nine members are the JSON object of `headway signals`,
// name for name; times print as "HH:MM" or null.
struct DailySignals {
  Date date;
  int work_minutes = 0;
  int after_hours_minutes = 0;
  int weekend_minutes = 0;
  int meeting_minutes = 0;
  int after_hours_meeting_minutes = 0;
  int longest_focus_minutes = 0;
  std::optional<TimeOfDay> first_activity;
  std::optional<TimeOfDay> last_activity;
  bool has_calendar = false;  // a calendar covers this day, even if it is empty
  bool has_activity = false;  // an activity tracker covers this day
  bool operator==(const DailySignals&) const = default;
};

inline constexpr int kMinFocusMinutes = 60;

// Signals for every local day in [from, to] (empty when to < from); inputs need no order.
std::vector<DailySignals> daily_signals(const Zone& zone, const WorkHours& hours, Date from, Date to,
                                        std::span<const EventOccurrence> occurrences,
                                        std::span<const ActivitySpan> activity, const Coverage& coverage = {});

// Boundary evidence for every local day in [from, to]: date, day_minutes, spans and coverage;
// checkin is left null. Spans are in wall-clock minutes, sorted by start: one per busy occurrence
// (kind meeting or event, busy) and one per stretch of merged active time (kind activity).
// Non-busy occurrences and afk time are left out. Start rounds down, end up, so a 20-second
// activity still shows. On a DST day a span is split at the change, so each piece's wall-clock
// times are right and end - start adds up to real minutes.
std::vector<DayEvidence> build_evidence(const Zone& zone, Date from, Date to,
                                        std::span<const EventOccurrence> occurrences,
                                        std::span<const ActivitySpan> activity, const Coverage& coverage = {});

// build_evidence for one day.
DayEvidence build_day_evidence(const Zone& zone, Date date, std::span<const EventOccurrence> occurrences,
                               std::span<const ActivitySpan> activity, const Coverage& coverage = {});

}  // namespace headway::core
