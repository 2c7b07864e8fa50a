#pragma once
// The repository interface: everything Headway stores, independent of the database behind it.
// Every query that reads a person's object takes the person's id, so another person's object
// is simply not found.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/boundary.hpp"
#include "core/checkin.hpp"
#include "core/evidence.hpp"
#include "core/evidence_source.hpp"
#include "core/feed.hpp"
#include "core/goal.hpp"
#include "core/instrument.hpp"
#include "core/motivation.hpp"
#include "core/person.hpp"
#include "core/stage.hpp"
#include "core/value.hpp"
#include "core/win.hpp"
#include "store/together.hpp"

namespace headway::store {

using core::Date;
using core::Id;

// One unit of work. Nothing is visible to others until commit(); destroying an uncommitted
// transaction rolls it back. Inserts take the object's id when it is non-zero (import), and
// otherwise assign one; they return the id.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Result<void> commit() = 0;

  // the social part: support networks, grants, circles, pledges, notifications, plans
  virtual Together& together() = 0;

  // settings: small key/value pairs of the instance
  virtual Result<std::optional<std::string>> get_setting(const std::string& key) = 0;
  virtual Result<void> set_setting(const std::string& key, const std::string& value) = 0;
  virtual Result<std::vector<std::pair<std::string, std::string>>> list_settings() = 0;

  // people
  virtual Result<Id> insert_person(const core::Person& p) = 0;
  virtual Result<std::optional<core::Person>> find_person(Id id) = 0;
  virtual Result<std::vector<core::Person>> list_people() = 0;
  virtual Result<void> update_person(const core::Person& p) = 0;
  // The person's revision: it rises with every change to anything the person owns.
  virtual Result<std::optional<int64_t>> person_revision(Id id) = 0;
  // The last local day the person's goals were checked for slips (0 = never), and setting it.
  virtual Result<Date> slips_checked(Id id) = 0;
  virtual Result<void> set_slips_checked(Id id, Date day) = 0;
  // Deletes the person and everything they own.
  virtual Result<void> delete_person(Id id) = 0;

  // values
  virtual Result<Id> insert_value(const core::Value& v) = 0;
  virtual Result<void> update_value(const core::Value& v) = 0;
  virtual Result<bool> delete_value(Id person, Id id) = 0;
  virtual Result<std::vector<core::Value>> list_values(Id person) = 0;

  // motivation profile
  virtual Result<void> upsert_motivation(const core::Motivation& m) = 0;
  virtual Result<std::vector<core::Motivation>> list_motivations(Id person) = 0;
  virtual Result<Id> insert_catalyst(const core::Catalyst& c) = 0;
  virtual Result<bool> delete_catalyst(Id person, Id id) = 0;
  virtual Result<std::vector<core::Catalyst>> list_catalysts(Id person) = 0;

  // goals, their stage history and completions
  virtual Result<Id> insert_goal(const core::Goal& g) = 0;
  virtual Result<void> update_goal(const core::Goal& g) = 0;
  virtual Result<std::optional<core::Goal>> find_goal(Id person, Id id) = 0;
  virtual Result<std::vector<core::Goal>> list_goals(Id person) = 0;
  virtual Result<bool> delete_goal(Id person, Id id) = 0;
  virtual Result<Id> insert_stage_entry(const core::StageEntry& e) = 0;
  virtual Result<std::vector<core::StageEntry>> list_stage_entries(Id person, Id goal) = 0;
  // Returns false when the goal already had a completion that day.
  virtual Result<bool> insert_completion(const core::Completion& c) = 0;
  virtual Result<bool> delete_completion(Id goal, Date date) = 0;
  virtual Result<std::vector<core::Completion>> list_completions(Id goal, Date from, Date to) = 0;

  // boundaries
  virtual Result<Id> insert_boundary(const core::Boundary& b) = 0;
  virtual Result<void> update_boundary(const core::Boundary& b) = 0;
  virtual Result<std::optional<core::Boundary>> find_boundary(Id person, Id id) = 0;
  virtual Result<std::vector<core::Boundary>> list_boundaries(Id person) = 0;
  virtual Result<bool> delete_boundary(Id person, Id id) = 0;

  // check-ins, one per person and local day
  virtual Result<void> upsert_checkin(const core::CheckIn& c) = 0;
  // Upserts many check-ins at once (imports, copies); backends may batch them.
  virtual Result<void> upsert_checkins(const std::vector<core::CheckIn>& batch) {
    for (const auto& c : batch) HW_CHECK(upsert_checkin(c));
    return {};
  }
  virtual Result<std::optional<core::CheckIn>> find_checkin(Id person, Date date) = 0;
  virtual Result<std::vector<core::CheckIn>> list_checkins(Id person, Date from, Date to) = 0;
  virtual Result<bool> delete_checkin(Id person, Date date) = 0;

  // wins
  virtual Result<Id> insert_win(const core::Win& w) = 0;
  virtual Result<std::optional<core::Win>> find_win(Id person, Id id) = 0;
  virtual Result<std::vector<core::Win>> list_wins(Id person, Date from, Date to) = 0;
  virtual Result<bool> delete_win(Id person, Id id) = 0;

  // weekly values reflections, one per person and ISO week
  virtual Result<void> upsert_reflection(const core::Reflection& r) = 0;
  virtual Result<std::vector<core::Reflection>> list_reflections(Id person, Date from, Date to) = 0;

  // assessments with their scale scores
  virtual Result<Id> insert_assessment(const core::Assessment& a) = 0;
  virtual Result<std::vector<core::Assessment>> list_assessments(Id person) = 0;

  // evidence sources (imported calendars and activity trackers) and what they hold
  // Inserts the source, or updates the one with the same (person, kind, name); returns its id.
  virtual Result<Id> upsert_evidence_source(const core::EvidenceSource& s) = 0;
  virtual Result<std::vector<core::EvidenceSource>> list_evidence_sources(Id person) = 0;
  // Deletes the source with everything it holds; false when the person has no such source.
  virtual Result<bool> delete_evidence_source(Id person, Id id) = 0;
  // Makes the source hold exactly `occurrences`, matched by (uid, recurrence_id) against what it
  // holds: new ones are inserted, differing ones updated, missing ones deleted. Keys must be unique.
  // not_found when the person has no such source.
  virtual Result<core::ReplaceCounts> replace_calendar_events(Id person, Id source,
                                                              const std::vector<core::EventOccurrence>& occurrences) = 0;
  // Makes the source hold exactly `spans` (equal spans match; nothing is "changed").
  virtual Result<core::ReplaceCounts> replace_activity_spans(Id person, Id source,
                                                             const std::vector<core::ActivitySpan>& spans) = 0;
  // The person's occurrences and spans of every source overlapping [from, to), by start; an
  // instant occurrence overlaps when from <= start < to.
  virtual Result<std::vector<core::EventOccurrence>> list_calendar_events(Id person, core::Instant from,
                                                                          core::Instant to) = 0;
  virtual Result<std::vector<core::ActivitySpan>> list_activity_spans(Id person, core::Instant from,
                                                                      core::Instant to) = 0;
  // Everything one source holds (copies, exports), in the order of the lists above.
  virtual Result<std::vector<core::EventOccurrence>> list_source_events(Id person, Id source) = 0;
  virtual Result<std::vector<core::ActivitySpan>> list_source_spans(Id person, Id source) = 0;

  // the calendar feed, one per person, found by the hash of its URL's token
  // Inserts the person's feed, or replaces it (a new token, created_at and reminder).
  virtual Result<void> put_calendar_feed(const core::CalendarFeed& f) = 0;
  virtual Result<std::optional<core::CalendarFeed>> find_calendar_feed(Id person) = 0;
  virtual Result<std::optional<core::CalendarFeed>> find_calendar_feed_by_token(const std::string& token_hash) = 0;
  // False when the person has no feed.
  virtual Result<bool> set_calendar_feed_reminder(Id person, core::TimeOfDay reminder) = 0;
  virtual Result<bool> delete_calendar_feed(Id person) = 0;

  // sign-in accounts, one per person at most
  virtual Result<Id> insert_account(const core::Account& a) = 0;
  virtual Result<std::optional<core::Account>> find_account(Id id) = 0;
  virtual Result<std::optional<core::Account>> find_account_by_email(const std::string& email) = 0;
  virtual Result<std::optional<core::Account>> find_account_by_person(Id person) = 0;
  virtual Result<std::vector<core::Account>> list_accounts() = 0;
  // Rewrites email, password hash, admin flag and password_changed_at.
  virtual Result<void> update_account(const core::Account& a) = 0;

  // browser sessions, keyed by the hash of their token
  virtual Result<void> insert_session(const core::Session& s) = 0;
  virtual Result<std::optional<core::Session>> find_session(const std::string& token_hash) = 0;
  virtual Result<void> touch_session(const std::string& token_hash, core::Instant at) = 0;
  // A session with its account in one lookup (every browser request makes it).
  virtual Result<std::optional<std::pair<core::Session, core::Account>>> find_session_account(
      const std::string& token_hash) = 0;
  virtual Result<bool> delete_session(const std::string& token_hash) = 0;
  // Ends every session of the account except `keep_hash` (may be empty); returns how many.
  virtual Result<int64_t> delete_account_sessions(Id account, const std::string& keep_hash) = 0;
  // Removes sessions idle since before `idle_before` or created before `created_before`.
  virtual Result<int64_t> delete_stale_sessions(core::Instant idle_before, core::Instant created_before) = 0;

  // personal API tokens
  virtual Result<Id> insert_api_token(const core::ApiToken& t) = 0;
  virtual Result<std::optional<core::ApiToken>> find_api_token(const std::string& token_hash) = 0;
  virtual Result<std::vector<core::ApiToken>> list_api_tokens(Id account) = 0;
  // A token with its account in one lookup (every token-authenticated request makes it).
  virtual Result<std::optional<std::pair<core::ApiToken, core::Account>>> find_api_token_account(
      const std::string& token_hash) = 0;
  // Marks the account's token revoked; false when there is no such active token.
  virtual Result<bool> revoke_api_token(Id account, Id id, core::Instant at) = 0;
  virtual Result<void> touch_api_token(Id id, core::Instant at) = 0;

  // registration invites
  virtual Result<Id> insert_invite(const core::Invite& i) = 0;
  virtual Result<std::optional<core::Invite>> find_invite(const std::string& token_hash) = 0;
  // Marks an unused invite used; false when it was used already.
  virtual Result<bool> use_invite(Id id, core::Instant at) = 0;

  // rate-limit windows shared by every app node
  virtual Result<std::optional<core::RateWindow>> find_rate_window(const std::string& key) = 0;
  virtual Result<void> put_rate_window(const core::RateWindow& w) = 0;
  virtual Result<void> delete_rate_window(const std::string& key) = 0;

  // Rows per table, for verification after copies and imports.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> table_counts() = 0;
  // Deletes every row of every table (db copy --force onto a used target).
  virtual Result<void> clear_all() = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // Starts a unit of work. Write transactions take the write lock up front.
  virtual Result<std::unique_ptr<Transaction>> begin(bool write) = 0;
  // A write transaction for work serialised on one row's lock (signing a pledge): every statement
  // sees what others committed before it, and a row locked by an UPDATE makes later lockers wait
  // instead of failing. PostgreSQL: READ COMMITTED; SQLite writers are serialised anyway.
  virtual Result<std::unique_ptr<Transaction>> begin_locking() { return begin(true); }
  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;
  // The schema version this database is at.
  virtual Result<int> schema_version() = 0;
};

struct SqliteOptions {
  bool create = false;     // create the file when missing (init); otherwise a missing file is an error
  int busy_timeout_ms = 5000;
};

struct PostgresOptions {
  bool migrate = false;  // apply pending migrations on open; otherwise an outdated schema is an error
  int pool_size = 4;     // connections kept open
  int checkout_timeout_ms = 10000;
};

// Opens (or with `create`, creates) a Headway SQLite database and migrates it.
// A file that is not a Headway database is refused and left untouched.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const SqliteOptions& options);

// Opens a PostgreSQL database by libpq URL ("postgresql://user@host:port/db"). Unreachable
// servers, bad credentials and missing databases are not_ready errors whose text never holds
// the password.
Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const PostgresOptions& options);

struct OpenOptions {
  bool create = false;  // SQLite: create the file; PostgreSQL: apply migrations
  bool migrate = false; // apply pending migrations (PostgreSQL; SQLite always migrates)
  int pool_size = 4;
};
// Opens a database by URL: "sqlite:///path/headway.db", "sqlite:relative.db" or
// "postgresql://..." (also "postgres://"). Any other scheme is an invalid error on "database".
Result<std::unique_ptr<Database>> open_database(const std::string& url, const OpenOptions& options);
// The URL with any password replaced by "***", for messages and logs.
std::string redact_url(const std::string& url);

// Copies a live SQLite database to `target` with SQLite's online backup.
Result<void> backup_sqlite(const std::string& source, const std::string& target);

// Sleeps a little before retrying a transaction: growing, jittered pauses up to ~50 ms.
void retry_pause(int attempt);

// Runs fn inside one write transaction (begin_locking when `locking`) and commits it when fn succeeds. A transient conflict
// (ErrorCode::busy) rolls back and runs fn again, a few times, so fn must only touch the database.
template <typename Fn>
auto with_transaction(Database& db, bool locking, Fn&& fn) -> decltype(fn(std::declval<Transaction&>())) {
  constexpr int kAttempts = 20;
  for (int attempt = 1;; ++attempt) {
    if (attempt > 1) retry_pause(attempt);
    auto tx = locking ? db.begin_locking() : db.begin(true);
    if (!tx) return tl::unexpected(tx.error());
    auto result = fn(**tx);
    if (result) {
      auto c = (*tx)->commit();
      if (c) return result;
      result = tl::unexpected(c.error());
    }
    if (result.error().code != ErrorCode::busy || attempt == kAttempts) return result;
  }
}

template <typename Fn>
auto with_write(Database& db, Fn&& fn) -> decltype(fn(std::declval<Transaction&>())) {
  return with_transaction(db, false, std::forward<Fn>(fn));
}
// with_write on a begin_locking transaction.
template <typename Fn>
auto with_locking(Database& db, Fn&& fn) -> decltype(fn(std::declval<Transaction&>())) {
  return with_transaction(db, true, std::forward<Fn>(fn));
}

// Runs fn inside one read transaction.
template <typename Fn>
auto with_read(Database& db, Fn&& fn) -> decltype(fn(std::declval<Transaction&>())) {
  auto tx = db.begin(false);
  if (!tx) return tl::unexpected(tx.error());
  return fn(**tx);
}

}  // namespace headway::store
