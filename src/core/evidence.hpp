#pragma once
// Evidence from outside Headway: calendar events and tracked activity, as imports store them.
// Times are UTC instants; local days come from the person's zone (core/zone.hpp).
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/person.hpp"

namespace headway::core {

// One occurrence of a calendar event after recurrence expansion. A single event is one
// occurrence; a recurring one is one per instance inside the import window, with overrides
// (RECURRENCE-ID) applied and cancelled instances (EXDATE, STATUS:CANCELLED) left out.
struct EventOccurrence {
  std::string uid;
  // The instance's original start (its RECURRENCE-ID), or the start of a non-recurring event.
  // With uid it identifies the occurrence across re-imports of the same source.
  Instant recurrence_id = 0;
  Instant start = 0;
  Instant end = 0;           // exclusive; equal to start for an instant event
  bool all_day = false;      // DATE values: start and end are local midnights in the person's zone
  bool transparent = false;  // TRANSP:TRANSPARENT: shown as free, so not busy
  bool declined = false;     // the person's own PARTSTAT=DECLINED
  bool meeting = false;      // more than one attendee
  std::string title;         // kept only when the import asks for titles; otherwise empty
  bool operator==(const EventOccurrence&) const = default;
};

enum class ActivityKind { active, afk };

// A stretch of tracked computer activity (ActivityWatch, Timewarrior).
struct ActivitySpan {
  Instant start = 0;
  Instant end = 0;  // exclusive
  ActivityKind kind = ActivityKind::active;
  std::string label;  // app or tag, kept only with titles; otherwise empty
  bool operator==(const ActivitySpan&) const = default;
};

}  // namespace headway::core
