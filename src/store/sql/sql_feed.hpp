#pragma once
// The calendar-feed part of the repository, in portable SQL for every backend; SqlTransaction
// forwards to it. One row per person, found by the person or by the hash of the URL's token.
#include <optional>
#include <string>

#include "store/database.hpp"

namespace headway::store::sql {

template <typename Conn>
class FeedRepo {
  using Statement = typename Conn::Statement;

 public:
  explicit FeedRepo(Conn& c) : c_(c) {}

  Result<void> put(const core::CalendarFeed& f) {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO calendar_feeds (person_id, token_hash, created_at, reminder) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, "
        "reminder = excluded.reminder"));
    st.bind(1, f.person_id).bind(2, f.token_hash).bind(3, f.created_at).bind(4, f.reminder.minutes);
    return st.run();
  }

  Result<std::optional<core::CalendarFeed>> find(Id person) {
    auto st = HW_TRY(c_.prepare(std::string(kFeed) + " WHERE person_id = ?"));
    st.bind(1, person);
    return one(st);
  }

  Result<std::optional<core::CalendarFeed>> find_by_token(const std::string& token_hash) {
    auto st = HW_TRY(c_.prepare(std::string(kFeed) + " WHERE token_hash = ?"));
    st.bind(1, token_hash);
    return one(st);
  }

  Result<bool> set_reminder(Id person, core::TimeOfDay reminder) {
    auto st = HW_TRY(c_.prepare("UPDATE calendar_feeds SET reminder = ? WHERE person_id = ?"));
    HW_CHECK(st.bind(1, reminder.minutes).bind(2, person).run());
    return st.changes() > 0;
  }

  Result<bool> remove(Id person) {
    auto st = HW_TRY(c_.prepare("DELETE FROM calendar_feeds WHERE person_id = ?"));
    HW_CHECK(st.bind(1, person).run());
    return st.changes() > 0;
  }

 private:
  static constexpr const char* kFeed = "SELECT person_id, token_hash, created_at, reminder FROM calendar_feeds";

  static Result<std::optional<core::CalendarFeed>> one(Statement& st) {
    if (!HW_TRY(st.step())) return std::optional<core::CalendarFeed>();
    const int reminder = st.i32(3);
    if (reminder < 0 || reminder >= 1440) return fail(ErrorCode::corrupt, "stored feed reminder is out of range");
    return std::optional<core::CalendarFeed>(core::CalendarFeed{st.i64(0), st.text(1), st.i64(2), core::TimeOfDay{reminder}});
  }

  Conn& c_;
};

}  // namespace headway::store::sql
