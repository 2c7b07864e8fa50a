#pragma once
// A person's calendar feed: a secret URL whose token is stored only as its hash.
#include <string>

#include "core/date.hpp"
#include "core/person.hpp"

namespace headway::core {

// The daily check-in reminder's time when none is chosen: the end of a default working day.
inline constexpr TimeOfDay kDefaultFeedReminder{17 * 60 + 30};

// One feed per person. Rotating it replaces the hash, so the old URL stops working at once.
struct CalendarFeed {
  Id person_id = 0;
  std::string token_hash;  // hex SHA-256 of the URL's token
  Instant created_at = 0;  // when this token was made
  TimeOfDay reminder = kDefaultFeedReminder;  // local time of the daily check-in reminder
  bool operator==(const CalendarFeed&) const = default;
};

}  // namespace headway::core
