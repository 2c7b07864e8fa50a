#pragma once
// Shared pieces of the storage tests: unwrapping results, printing stored objects, building them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "backend.hpp"

namespace headway {
// Lets GoogleTest print error codes by name.
inline void PrintTo(ErrorCode code, std::ostream* os) { *os << to_string(code); }
}  // namespace headway

namespace headway::store::testing {

// --- unwrapping ---------------------------------------------------------------------------------

// Unwraps a Result; an error means the storage failed where it must not, which ends the test with
// the error and the calling line (GoogleTest reports the exception as a failure). The builtins
// stand in for std::source_location, which the clang behind clang-tidy cannot use with libstdc++ 12.
template <typename T>
T must(Result<T> r, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
  if (!r)
    throw std::runtime_error(std::string(file) + ":" + std::to_string(line) + ": unexpected " +
                             to_string(r.error().code) + " error: " + r.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

// --- printing: every stored field, so comparing two texts compares two objects -------------------

inline std::string show_double(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);  // 17 digits tell any two doubles apart
  return buf;
}
inline std::string show(core::Date d) { return core::to_string(d) + "(" + std::to_string(d.days) + ")"; }
inline std::string show(core::TimeOfDay t) { return std::to_string(t.minutes) + "min"; }
inline std::string show(const std::string& s) { return "\"" + s + "\""; }
inline std::string show(const char* s) { return show(std::string(s)); }  // not the bool overload
inline std::string show(bool b) { return b ? "true" : "false"; }
inline std::string show(int64_t v) { return std::to_string(v); }
inline std::string show(int v) { return std::to_string(v); }
// Declared before the templates below so that they find them.
inline std::string show(const core::Person& p);
inline std::string show(const core::Value& v);
inline std::string show(const core::Motivation& m);
inline std::string show(const core::Catalyst& c);
inline std::string show(const core::Goal& g);
inline std::string show(const core::StageEntry& e);
inline std::string show(const core::Completion& c);
inline std::string show(const core::Boundary& b);
inline std::string show(const core::CheckIn& c);
inline std::string show(const core::Win& w);
inline std::string show(const core::Reflection& r);
inline std::string show(const core::ScaleScore& s);
inline std::string show(const core::Assessment& a);
template <typename T>
std::string show(const std::optional<T>& v) {
  return v ? show(*v) : std::string("none");
}
template <typename T>
std::string show(const std::vector<T>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + show(items[i]);
  return out + "]";
}

inline std::string show(const core::Person& p) {
  return "Person{id=" + show(p.id) + " name=" + show(p.name) + " email=" + show(p.email) +
         " timezone=" + show(p.timezone) + " days=" + std::to_string(p.work_hours.days.bits) +
         " from=" + show(p.work_hours.from) + " to=" + show(p.work_hours.to) + " created_at=" + show(p.created_at) +
         "}";
}
inline std::string show(const core::Value& v) {
  return "Value{id=" + show(v.id) + " person=" + show(v.person_id) + " name=" + show(v.name) +
         " custom=" + show(v.custom) + " rank=" + show(v.rank) + " created_at=" + show(v.created_at) + "}";
}
inline std::string show(const core::Motivation& m) {
  return "Motivation{person=" + show(m.person_id) + " driver=" + core::to_string(m.driver) +
         " rating=" + show(m.rating) + " updated_at=" + show(m.updated_at) + "}";
}
inline std::string show(const core::Catalyst& c) {
  return "Catalyst{id=" + show(c.id) + " person=" + show(c.person_id) + " kind=" + core::to_string(c.kind) +
         " date=" + show(c.date) + " note=" + show(c.note) + "}";
}
inline std::string show(const core::Goal& g) {
  return "Goal{id=" + show(g.id) + " person=" + show(g.person_id) + " title=" + show(g.title) +
         " wish=" + show(g.wish) + " outcome=" + show(g.outcome) + " obstacle=" + show(g.obstacle) +
         " barrier=" + (g.barrier ? core::to_string(*g.barrier) : "none") + " if=" + show(g.if_cue) +
         " then=" + show(g.then_action) + " frequency=" + core::to_string(g.frequency) +
         " boundary=" + show(g.boundary_id) + " values=" + show(g.value_ids) + " start=" + show(g.start_date) +
         " archived=" + show(g.archived) + " created_at=" + show(g.created_at) + "}";
}
inline std::string show(const core::StageEntry& e) {
  return "StageEntry{id=" + show(e.id) + " goal=" + show(e.goal_id) + " stage=" + core::to_string(e.stage) +
         " answer=" + (e.answer ? core::to_string(*e.answer) : "none") + " reason=" + core::to_string(e.reason) +
         " date=" + show(e.date) + " note=" + show(e.note) + "}";
}
inline std::string show(const core::Completion& c) {
  return "Completion{goal=" + show(c.goal_id) + " date=" + show(c.date) + " source=" + core::to_string(c.source) +
         "}";
}
inline std::string show(const core::Boundary& b) {
  return "Boundary{id=" + show(b.id) + " person=" + show(b.person_id) + " type=" + core::to_string(b.type) +
         " days=" + std::to_string(b.days.bits) + " from=" + show(b.from) + " to=" + show(b.to) +
         " hours=" + show_double(b.hours) + " minutes=" + show(b.minutes) + " time=" + show(b.time) +
         " label=" + show(b.label) + " active=" + show(b.active) + " created_at=" + show(b.created_at) + "}";
}
inline std::string show(const core::CheckIn& c) {
  return "CheckIn{person=" + show(c.person_id) + " date=" + show(c.date) + " off=" + show(c.off) +
         " start=" + show(c.start) + " end=" + show(c.end) + " worked=" + show(c.worked_minutes) +
         " after_hours=" + show(c.after_hours) + " break=" + show(c.break_minutes) + " stress=" + show(c.stress) +
         " energy=" + show(c.energy) + " progress=" + show(c.progress) + " setback=" + show(c.setback) +
         " note=" + show(c.note) + " updated_at=" + show(c.updated_at) + "}";
}
inline std::string show(const core::Win& w) {
  return "Win{id=" + show(w.id) + " person=" + show(w.person_id) + " text=" + show(w.text) +
         " goal=" + show(w.goal_id) + " value=" + show(w.value_id) + " size=" + core::to_string(w.size) +
         " date=" + show(w.date) + " created_at=" + show(w.created_at) + "}";
}
inline std::string show(const core::Reflection& r) {
  return "Reflection{person=" + show(r.person_id) + " week=" + show(r.week) + " score=" + show(r.score) +
         " note=" + show(r.note) + " updated_at=" + show(r.updated_at) + "}";
}
inline std::string show(const core::ScaleScore& s) {
  return "ScaleScore{scale=" + show(s.scale) + " score=" + show_double(s.score) + " band=" + show(s.band) +
         " lowest=" + show(s.lowest_band) + "}";
}
inline std::string show(const core::Assessment& a) {
  return "Assessment{id=" + show(a.id) + " person=" + show(a.person_id) + " instrument=" + show(a.instrument_id) +
         " version=" + show(a.instrument_version) + " date=" + show(a.date) + " answers=" + show(a.answers) +
         " scores=" + show(a.scores) + " created_at=" + show(a.created_at) + "}";
}

// --- builders: complete objects with every field set to something other than its default --------

inline constexpr core::Instant kCreated = 1'764'000'000;  // 2025-11-24, an arbitrary fixed instant
inline const core::Date kDay = core::make_date(2026, 3, 4);  // a Wednesday
// A range wide enough to hold every date the tests write.
inline const core::Date kEver = core::Date{-1'000'000};
inline const core::Date kNever = core::Date{1'000'000};

// The object with its id set, as a store returns it.
template <typename T>
T with_id(T object, core::Id id) {
  object.id = id;
  return object;
}

inline core::Person person(std::string name) {
  core::Person p;
  p.name = std::move(name);
  p.email = "someone@example.org";
  p.timezone = "Europe/Berlin";
  p.work_hours = core::WorkHours{core::DaySet{0b0010101}, core::TimeOfDay{8 * 60 + 15}, core::TimeOfDay{16 * 60 + 45}};
  p.created_at = kCreated;
  return p;
}

inline core::Value value(core::Id person, std::string name, int rank = 0) {
  return core::Value{0, person, std::move(name), /*custom=*/true, rank, kCreated};
}

inline core::Catalyst catalyst(core::Id person, core::Date date, std::string note) {
  return core::Catalyst{0, person, core::CatalystKind::burnout, date, std::move(note)};
}

inline core::Goal goal(core::Id person, std::vector<core::Id> value_ids, std::string title = "Leave on time") {
  core::Goal g;
  g.person_id = person;
  g.title = std::move(title);
  g.wish = "Evenings with my family";
  g.outcome = "Calmer, present at dinner";
  g.obstacle = "The 17:00 'quick question'";
  g.barrier = core::Barrier::workplace_expectations;
  g.if_cue = "If it is 17:30 and I am still at my desk,";
  g.then_action = "then I write tomorrow's first task and close the laptop.";
  g.frequency = core::Frequency{3, true};
  g.value_ids = std::move(value_ids);
  g.start_date = kDay;
  g.created_at = kCreated;
  return g;
}

inline core::StageEntry stage_entry(core::Id goal, core::Date date, std::string note) {
  return core::StageEntry{0, goal, core::Stage::preparation, core::StagingAnswer::within_30_days,
                          core::StageReason::answered, date, std::move(note)};
}

// A boundary made the way the CLI makes it, from named parameters.
inline core::Boundary boundary(core::Id person, core::BoundaryType type,
                               const std::map<std::string, std::string>& params) {
  core::Boundary b = must(core::make_boundary(type, params));
  b.person_id = person;
  b.label = "my own words";
  b.created_at = kCreated;
  return b;
}

// A worked day with every optional field filled in.
inline core::CheckIn checkin(core::Id person, core::Date date) {
  core::CheckIn c;
  c.person_id = person;
  c.date = date;
  c.off = false;
  c.start = core::TimeOfDay{8 * 60 + 50};
  c.end = core::TimeOfDay{18 * 60 + 5};
  c.worked_minutes = 510;
  c.after_hours = 25;
  c.break_minutes = 40;
  c.stress = 4;
  c.energy = 2;
  c.progress = true;
  c.setback = true;
  c.note = "long day";
  c.updated_at = kCreated;
  return c;
}

// A day off: no start, end, after-hours or break.
inline core::CheckIn day_off(core::Id person, core::Date date) {
  core::CheckIn c;
  c.person_id = person;
  c.date = date;
  c.off = true;
  c.worked_minutes = 0;
  c.stress = 1;
  c.energy = 5;
  c.note = "";
  c.updated_at = kCreated + 60;
  return c;
}

inline core::Win win(core::Id person, core::Date date, std::string text) {
  core::Win w;
  w.person_id = person;
  w.text = std::move(text);
  w.size = core::WinSize::medium;
  w.date = date;
  w.created_at = kCreated;
  return w;
}

inline core::Reflection reflection(core::Id person, core::Date week, int score, std::string note) {
  return core::Reflection{person, week, score, std::move(note), kCreated};
}

inline core::Assessment assessment(core::Id person, core::Date date) {
  core::Assessment a;
  a.person_id = person;
  a.instrument_id = "balance-check";
  a.instrument_version = "1.2";
  a.date = date;
  a.answers = {5, 1, 3, 2, 4, 4, 1};
  // Scores that have no short decimal form, so a lossy store shows.
  a.scores = {core::ScaleScore{"balance", 62.5, "ok", false},
              core::ScaleScore{"exhaustion", 100.0 / 3.0, "low", true},
              core::ScaleScore{"detachment", 0.1 + 0.2, "low", true},
              core::ScaleScore{"control", 100.0, "high", false}};
  a.created_at = kCreated;
  return a;
}

// --- scenarios and views shared by the suites ---------------------------------------------------

template <typename T>
std::vector<T> by_id(std::vector<T> items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.id < b.id; });
  return items;
}

template <typename T>
std::vector<std::string> dates_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(core::to_string(item.date));
  return out;
}

inline std::vector<std::string> names_of(const std::vector<core::Value>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.name);
  return out;
}

// The row count of `table`, or -1 when table_counts() does not list it.
inline int64_t count_of(const std::vector<std::pair<std::string, int64_t>>& counts, const std::string& table) {
  for (const auto& [name, n] : counts)
    if (name == table) return n;
  return -1;
}

// Gives `who` at least one row in every table a person owns; returns the goal's id.
inline core::Id give_one_of_everything(Transaction& tx, core::Id who) {
  const core::Id value_id = must(tx.insert_value(value(who, "Health", 1)));
  must(tx.upsert_motivation(core::Motivation{who, core::Driver::family, 4, kCreated}));
  must(tx.insert_catalyst(catalyst(who, kDay, "the winter")));
  const core::Id boundary_id = must(tx.insert_boundary(boundary(who, core::BoundaryType::no_weekend_work, {})));
  core::Goal g = goal(who, {value_id});
  g.boundary_id = boundary_id;
  const core::Id goal_id = must(tx.insert_goal(g));
  must(tx.insert_stage_entry(stage_entry(goal_id, kDay, "first staging")));
  EXPECT_TRUE(must(tx.insert_completion(core::Completion{goal_id, kDay, core::CompletionSource::manual})));
  must(tx.upsert_checkin(checkin(who, kDay)));
  core::Win w = win(who, kDay, "said no to a 19:00 call");
  w.goal_id = goal_id;
  w.value_id = value_id;
  must(tx.insert_win(w));
  must(tx.upsert_reflection(reflection(who, core::week_start(kDay), 7, "good week")));
  must(tx.insert_assessment(assessment(who, kDay)));
  // Evidence: a calendar with one meeting and an activity tracker with one span.
  const core::Instant nine = 1'772'611'200;  // kDay 08:00 UTC
  const core::Id cal = must(tx.upsert_evidence_source(
      core::EvidenceSource{0, who, core::SourceKind::calendar, "work", kCreated, kDay, kDay, 1}));
  must(tx.replace_calendar_events(who, cal, {core::EventOccurrence{"standup", nine, nine, nine + 900, false, false,
                                                                   false, true, "Stand-up"}}));
  const core::Id act = must(tx.upsert_evidence_source(
      core::EvidenceSource{0, who, core::SourceKind::activity, "laptop", kCreated, kDay, kDay, 1}));
  must(tx.replace_activity_spans(who, act, {core::ActivitySpan{nine, nine + 3600, core::ActivityKind::active, ""}}));
  must(tx.put_calendar_feed(core::CalendarFeed{who, "feed-of-" + std::to_string(who), kCreated, core::TimeOfDay{18 * 60}}));
  // The social side: a supporter, a grant read once, a circle with an invite, a shared win with
  // kudos, a signed pledge, a notification and a conversation plan with a comment.
  auto& t = tx.together();
  must(t.insert_supporter(core::Supporter{0, who, "Mia", core::Relation::friend_, 1, std::nullopt, kCreated}));
  core::Grant grant;
  grant.owner_id = who;
  grant.grantee_id = who;
  grant.grantee_email = "partner-of-" + std::to_string(who) + "@example.org";
  grant.scopes.add(core::Scope::wins);
  grant.created_at = kCreated;
  grant.expires_at = kCreated + 86400;
  const core::Id grant_id = must(t.insert_grant(grant));
  must(t.insert_grant_access(core::GrantAccess{0, grant_id, who, who, "", core::Scope::wins, "wins", kCreated}));
  const core::Id circle_id = must(t.insert_circle(core::Circle{0, "Circle", "", who, kCreated}));
  must(t.add_circle_member(circle_id, who, kCreated));
  must(t.insert_circle_invite(core::CircleInvite{0, circle_id, "invite-of-" + std::to_string(who), who, kCreated, kCreated + 86400}));
  const core::Id shared_win = must(tx.insert_win(win(who, kDay, "shared")));
  must(t.share_win(core::WinShare{shared_win, circle_id, who, kCreated}));
  must(t.insert_kudos(core::Kudos{0, shared_win, who, "", circle_id, "🎉", "", kCreated}));
  core::Pledge pledge;
  pledge.circle_id = circle_id;
  pledge.author_id = who;
  pledge.text = "Offline after 19:00";
  pledge.threshold = 2;
  pledge.deadline = kCreated + 86400;
  pledge.created_at = kCreated;
  const core::Id pledge_id = must(t.insert_pledge(pledge));
  must(t.insert_signature(pledge_id, who, kCreated));
  must(t.insert_notification(core::Notification{0, who, core::NotificationKind::kudos, shared_win, "kudos", kCreated, 0}));
  core::ConversationPlan plan;
  plan.person_id = who;
  plan.title = "Leaving on time";
  plan.created_at = plan.updated_at = kCreated;
  const core::Id plan_id = must(t.insert_plan(plan));
  must(t.insert_plan_comment(core::PlanComment{0, plan_id, who, "", "Lead with the evidence.", kCreated}));
  // A sign-in account with a session and an API token, unless the person has an account already.
  if (must(tx.find_account_by_person(who))) return goal_id;
  core::Account account{0, who, "person" + std::to_string(who) + "@example.org", "$argon2id$test", false, kCreated, kCreated};
  const core::Id account_id = must(tx.insert_account(account));
  must(tx.insert_session(core::Session{"session-of-" + std::to_string(who), account_id, "csrf", kCreated, kCreated}));
  must(tx.insert_api_token(core::ApiToken{0, account_id, "cli", "token-of-" + std::to_string(who), core::TokenScope::read,
                                          kCreated, 0, 0}));
  return goal_id;
}

// A person with three values and a boundary to link goals to.
struct GoalOwner {
  core::Id person = 0;
  core::Id v1 = 0, v2 = 0, v3 = 0;
  core::Id boundary = 0;
};

inline GoalOwner make_goal_owner(Transaction& tx, const std::string& name) {
  GoalOwner o;
  o.person = must(tx.insert_person(person(name)));
  o.v1 = must(tx.insert_value(value(o.person, "Family", 1)));
  o.v2 = must(tx.insert_value(value(o.person, "Health", 2)));
  o.v3 = must(tx.insert_value(value(o.person, "Craft", 0)));
  o.boundary = must(tx.insert_boundary(boundary(o.person, core::BoundaryType::no_weekend_work, {})));
  return o;
}

// --- the fixture ---------------------------------------------------------------------------------

// One empty database of the backend under test per test.
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = GetParam().make_empty();
    ASSERT_NE(db_, nullptr) << "backend " << GetParam().name << " could not make an empty database";
  }

  // Runs fn in a write transaction and commits. At most one transaction is open at a time: the
  // interface does not promise that one thread may hold two.
  void write(const std::function<void(Transaction&)>& fn) {
    auto tx = must(db_->begin(true));
    fn(*tx);
    must(tx->commit());
  }
  // Runs fn in a read transaction.
  void read(const std::function<void(Transaction&)>& fn) {
    auto tx = must(db_->begin(false));
    fn(*tx);
  }

  std::unique_ptr<Database> db_;
};

}  // namespace headway::store::testing
