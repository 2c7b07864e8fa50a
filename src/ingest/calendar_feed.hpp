#pragma once
// The calendar feed: an iCalendar document any calendar app can subscribe to, with the
// protected time a person's boundaries imply and a daily check-in reminder.
#include <string>
#include <vector>

#include "core/boundary.hpp"
#include "core/person.hpp"

namespace headway::ingest {

struct FeedOptions {
  core::Date first_day;         // recurring blocks start here (the person's local today)
  core::Instant generated_at = 0;
  core::TimeOfDay reminder{0};  // the daily check-in reminder, local time
  int reminder_minutes = 10;    // how long the reminder event lasts
};

// What each boundary type becomes in the feed (all weekly or daily recurring, in the person's zone):
// - work-window: its days, from the window's end until midnight ("Protected: off work").
// - no-weekend-work: Saturday and Sunday, all day.
// - meeting-free: its days, from..to, busy so others cannot book it.
// - no-messages-after: every day, from its time until midnight.
// - min-break: the person's work days, a block of its minutes at 12:00 ("Break").
// - weekly-hours-cap: nothing to block.
// Inactive boundaries are left out. Every event is opaque (busy) except the reminder, which is
// transparent and carries a display alarm at its start.
std::string calendar_feed(const core::Person& person, const std::vector<core::Boundary>& boundaries,
                          const FeedOptions& options);

}  // namespace headway::ingest
