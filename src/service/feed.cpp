#include "service/feed.hpp"

#include <nlohmann/json.hpp>

#include "ingest/calendar_feed.hpp"
#include "service/accounts.hpp"

namespace headway::service {
namespace {

// A token as create_feed makes it: the prefix and 43 base64url characters (256 bits).
bool well_formed(std::string_view token) {
  if (!token.starts_with(kFeedTokenPrefix)) return false;
  token.remove_prefix(kFeedTokenPrefix.size());
  if (token.size() != 43) return false;
  for (char c : token)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

Result<std::string> build(Context& ctx, store::Transaction& tx, Id person, core::TimeOfDay reminder) {
  const auto pz = HW_TRY(load_person(tx, Actor{person}));
  ingest::FeedOptions o;
  o.first_day = local_today(ctx, pz.zone);
  o.generated_at = ctx.clock();
  o.reminder = reminder;
  return ingest::calendar_feed(pz.person, HW_TRY(tx.list_boundaries(person)), o);
}

tl::unexpected<Error> no_feed() { return not_found("there is no calendar feed"); }

}  // namespace

std::string feed_path(std::string_view token) { return "/feed/" + std::string(token) + ".ics"; }

Result<CreatedFeed> create_feed(Context& ctx, const Actor& actor, const std::optional<std::string>& reminder) {
  std::optional<core::TimeOfDay> chosen;
  if (reminder) chosen = HW_TRY(core::parse_time(*reminder, "reminder"));
  CreatedFeed out;
  out.token = std::string(kFeedTokenPrefix) + random_token();
  out.path = feed_path(out.token);
  out.feed = HW_TRY(store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::CalendarFeed> {
    HW_CHECK(load_person(tx, actor));
    core::CalendarFeed f;
    f.person_id = actor.person_id;
    f.token_hash = hash_token(out.token);
    f.created_at = ctx.clock();
    if (chosen) f.reminder = *chosen;
    else if (auto old = HW_TRY(tx.find_calendar_feed(actor.person_id))) f.reminder = old->reminder;
    HW_CHECK(tx.put_calendar_feed(f));
    return f;
  }));
  return out;
}

Result<std::optional<core::CalendarFeed>> find_feed(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_calendar_feed(actor.person_id); });
}

Result<void> revoke_feed(Context& ctx, const Actor& actor) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.delete_calendar_feed(actor.person_id))) return no_feed();
    return {};
  });
}

Result<core::CalendarFeed> set_feed_reminder(Context& ctx, const Actor& actor, const std::string& reminder) {
  const auto t = HW_TRY(core::parse_time(reminder, "reminder"));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::CalendarFeed> {
    if (!HW_TRY(tx.set_calendar_feed_reminder(actor.person_id, t))) return no_feed();
    auto f = HW_TRY(tx.find_calendar_feed(actor.person_id));
    if (!f) return no_feed();
    return *f;
  });
}

Result<std::string> feed_for_token(Context& ctx, std::string_view token) {
  // The same answer for every token that opens nothing, so a URL reveals only that it does not work.
  if (!well_formed(token)) return fail(ErrorCode::not_found, "no such calendar feed");
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::string> {
    const auto f = HW_TRY(tx.find_calendar_feed_by_token(hash_token(token)));
    if (!f) return fail(ErrorCode::not_found, "no such calendar feed");
    return build(ctx, tx, f->person_id, f->reminder);
  });
}

Result<std::string> feed_ics(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::string> {
    const auto f = HW_TRY(tx.find_calendar_feed(actor.person_id));
    return build(ctx, tx, actor.person_id, f ? f->reminder : core::kDefaultFeedReminder);
  });
}

nlohmann::json feed_json(const std::optional<core::CalendarFeed>& feed) {
  if (!feed) return {{"exists", false}};
  return {{"exists", true},
          {"created_at", core::format_instant(feed->created_at)},
          {"reminder", core::to_string(feed->reminder)}};
}

}  // namespace headway::service
