#pragma once
// The calendar feed: a secret, revocable URL that serves an iCalendar document of the protected
// time a person's boundaries imply, with a daily check-in reminder. The URL's token leaves this
// layer once, when it is made; the database keeps only its hash.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/feed.hpp"
#include "service/context.hpp"

namespace headway::service {

// Every feed token starts with this, so a leaked one is recognisable (API tokens use "hw_").
inline constexpr std::string_view kFeedTokenPrefix = "hwf_";

// The path that serves a token's feed: "/feed/<token>.ics".
std::string feed_path(std::string_view token);

struct CreatedFeed {
  core::CalendarFeed feed;
  std::string token;  // shown once
  std::string path;   // feed_path(token)
};

// Makes the actor's feed, or rotates it: a new token replaces the old one, whose URL stops
// working at once. `reminder` ("HH:MM") sets the reminder; without it a rotated feed keeps its
// reminder and a new one gets 17:30.
Result<CreatedFeed> create_feed(Context& ctx, const Actor& actor, const std::optional<std::string>& reminder);
// The actor's feed (its hash included: callers show only created_at and reminder).
Result<std::optional<core::CalendarFeed>> find_feed(Context& ctx, const Actor& actor);
// Turns the feed off; not_found when there is none.
Result<void> revoke_feed(Context& ctx, const Actor& actor);
// Sets the reminder's local time ("HH:MM", field "reminder"); not_found when there is no feed.
Result<core::CalendarFeed> set_feed_reminder(Context& ctx, const Actor& actor, const std::string& reminder);

// The .ics of the feed whose URL carries `token`; not_found for a token that is malformed,
// unknown or revoked, all alike.
Result<std::string> feed_for_token(Context& ctx, std::string_view token);
// The actor's .ics as a subscriber would get it (the stored reminder, or 17:30 without a feed).
Result<std::string> feed_ics(Context& ctx, const Actor& actor);

// {"exists", "created_at", "reminder"}: what may be shown of a feed; never the token or its hash.
nlohmann::json feed_json(const std::optional<core::CalendarFeed>& feed);

}  // namespace headway::service
