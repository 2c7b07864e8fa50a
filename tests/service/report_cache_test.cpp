#include "service/report_cache.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "service/boundaries.hpp"
#include "service/checkins.hpp"
#include "service/demo.hpp"
#include "service/evidence.hpp"
#include "service/goals.hpp"
#include "service/profile.hpp"
#include "service/reports.hpp"
#include "store/database.hpp"

#include <nlohmann/json.hpp>

namespace headway::service {
namespace {

constexpr core::Instant kNow = 1'795'629'600;  // 2026-11-25T18:00:00Z, a Wednesday evening
constexpr core::Instant kDaySeconds = 24 * 3600;
const std::string kData = HEADWAY_TEST_DATA;

// Unwraps a Result, or throws with the error and the calling line (reported as a test failure).
template <typename T>
T must(Result<T> r, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
  if (!r)
    throw std::runtime_error(std::string(file) + ":" + std::to_string(line) + ": unexpected " +
                             to_string(r.error().code) + " error: " + r.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

// A real SQLite file with the demo person (the local profile) and a second person, Bob, with a
// little data of his own; a clock the test moves by hand; one cache.
class ReportCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "headway-report-cache-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = open();
    ctx_ = std::make_unique<Context>(Context{*db_, [this] { return now_; }, ""});
    ana_ = must(run_demo(*ctx_, DemoOptions{.days = 60})).actor;
    bob_.person_id = must(store::with_write(*db_, [&](store::Transaction& tx) {
      core::Person p;
      p.name = "Bob";
      p.timezone = "Europe/Berlin";
      p.created_at = now_;
      return tx.insert_person(p);
    }));
    CheckinInput in;
    in.start = "09:00";
    in.end = "17:00";
    in.stress = 2;
    in.energy = 4;
    must(checkin(*ctx_, bob_, in));
  }
  void TearDown() override {
    ctx_.reset();
    db_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  // Another Database object on the same file, as another app node or the CLI has.
  std::unique_ptr<store::Database> open() {
    auto db = store::open_database("sqlite://" + (dir_ / "headway.db").string(), {.create = true});
    if (!db) throw std::runtime_error("open_database: " + db.error().message);
    return std::move(*db);
  }

  // The report built now from the database, without the cache.
  std::string fresh(const Actor& who, const std::optional<std::string>& date = std::nullopt) {
    return render_json(must(weekly_report(*ctx_, who, date)));
  }
  std::string cached(const Actor& who, const std::optional<std::string>& date = std::nullopt) {
    return must(cache_.weekly_json(*ctx_, who, date));
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Context> ctx_;
  core::Instant now_ = kNow;
  Actor ana_, bob_;
  ReportCache cache_;
};

TEST_F(ReportCacheTest, CachedJsonIsTheRenderedReportForEveryDate) {
  const std::vector<std::optional<std::string>> dates{std::nullopt, "today", "yesterday", "2026-11-23", "2026-11-29",
                                                      "2026-11-16", "2026-10-01", "2025-01-01"};
  for (const auto& date : dates) {
    SCOPED_TRACE(date.value_or("(none)"));
    EXPECT_EQ(cached(ana_, date), fresh(ana_, date));
  }
}

TEST_F(ReportCacheTest, SecondCallIsServedFromTheCache) {
  EXPECT_EQ(cache_.size(), 0u);
  const std::string first = cached(ana_);
  EXPECT_EQ(cache_.size(), 1u);
  EXPECT_EQ(cached(ana_), first);
  EXPECT_EQ(cache_.size(), 1u) << "the second call built a new entry";
  // Naming the same week another way is the same entry.
  EXPECT_EQ(cached(ana_, "today"), first);
  EXPECT_EQ(cached(ana_, "2026-11-23"), first);
  EXPECT_EQ(cache_.size(), 1u);
}

struct Change {
  std::string name;
  std::function<void(Context&, const Actor&)> apply;
};

// Imports tests/data/evidence/week.ics (a hand-made week, 2026-11-16 to 22) as the person's calendar;
// the default window (the past 12 months and the next 3) also covers this week.
void import_week(Context& ctx, const Actor& who) {
  std::ifstream ics(kData + "/evidence/week.ics", std::ios::binary);
  if (!ics) throw std::runtime_error("cannot read week.ics");
  CalendarImportOptions opt;
  opt.source = "week";
  opt.me_email = "alex@example.org";
  must(import_calendar(ctx, who, ics, opt));
}

Id first_goal(Context& ctx, const Actor& who) {
  const auto goals = must(list_goals(ctx, who));
  if (goals.empty()) throw std::runtime_error("the demo person has no goals");
  return goals.front().goal.id;
}

// One row per kind of change through the service layer; each must show in this week's report.
const std::vector<Change>& changes() {
  static const std::vector<Change> k{
      {"CheckinToday",
       [](Context& ctx, const Actor& who) {
         CheckinInput in;
         in.start = "07:00";
         in.end = "21:45";
         in.stress = 5;
         in.energy = 1;
         in.after_hours = 90;
         in.setback = true;
         in.note = "release day";
         must(checkin(ctx, who, in));
       }},
      {"CheckinEarlierThisWeek",
       [](Context& ctx, const Actor& who) {
         CheckinInput in;
         in.date = "2026-11-23";
         in.off = true;
         in.stress = 1;
         in.energy = 5;
         must(checkin(ctx, who, in));
       }},
      {"AddWin",
       [](Context& ctx, const Actor& who) {
         WinInput in;
         in.text = "Said no to the 19:00 call";
         in.size = "big";
         must(add_win(ctx, who, in));
       }},
      {"DeleteWin",
       [](Context& ctx, const Actor& who) {
         const auto wins = must(list_wins(ctx, who, std::string("2026-11-23"), std::string("2026-11-25")));
         if (wins.empty()) throw std::runtime_error("no win this week to delete");
         must(delete_win(ctx, who, wins.back().id));
       }},
      {"GoalDone",
       [](Context& ctx, const Actor& who) {
         // Yesterday, in case the demo already marked today.
         const Id id = first_goal(ctx, who);
         bool added = false;
         for (const char* day : {"today", "yesterday", "2026-11-23"})
           if (!added) added = must(goal_done(ctx, who, id, std::string(day))).added;
         if (!added) throw std::runtime_error("the goal was done every day this week already");
       }},
      {"ArchiveGoal", [](Context& ctx, const Actor& who) { must(archive_goal(ctx, who, first_goal(ctx, who))); }},
      {"AddBoundary",
       [](Context& ctx, const Actor& who) {
         must(add_boundary(ctx, who, "weekly-hours-cap", {{"hours", "30"}}, "thirty is plenty"));
       }},
      {"RemoveBoundary",
       [](Context& ctx, const Actor& who) {
         const auto boundaries = must(list_boundaries(ctx, who));
         if (boundaries.empty()) throw std::runtime_error("no boundary to remove");
         must(remove_boundary(ctx, who, boundaries.front().id));
       }},
      {"Reflect", [](Context& ctx, const Actor& who) { must(reflect(ctx, who, 2, std::nullopt, "hard week")); }},
      {"ProfileTimezone",
       [](Context& ctx, const Actor& who) {
         ProfileUpdate up;
         up.timezone = "Pacific/Kiritimati";  // UTC+14: already Thursday there
         must(update_profile(ctx, who, up));
       }},
      {"ImportCalendar", import_week},
      {"ProfileName",
       [](Context& ctx, const Actor& who) {
         ProfileUpdate up;
         up.name = "Ana Renamed";
         must(update_profile(ctx, who, up));
       }},
  };
  return k;
}

TEST_F(ReportCacheTest, EveryChangeThroughTheServiceShowsInTheNextReport) {
  for (const Change& change : changes()) {
    SCOPED_TRACE(change.name);
    const std::string before = cached(ana_);
    const std::string bob_before = cached(bob_);
    change.apply(*ctx_, ana_);
    const std::string after = cached(ana_);
    EXPECT_NE(after, before) << "the report still shows the data from before the change";
    EXPECT_EQ(after, fresh(ana_));
    EXPECT_EQ(cached(bob_), bob_before) << "Bob's report changed with Ana's data";
  }
}

// The report's signals for the hand-made week are the hand-worked ones of
// tests/data/evidence/signals-week.json, with the coverage flags the API adds.
TEST_F(ReportCacheTest, ImportedCalendarShowsInTheWeeksSignals) {
  using nlohmann::json;
  const std::string week = "2026-11-17";
  const json before = json::parse(cached(bob_, week));
  EXPECT_EQ(before["signals"], json::array());
  EXPECT_EQ(before["evidence"], nullptr);

  import_week(*ctx_, bob_);  // Bob: Europe/Berlin, work hours Mon-Fri 09:00-17:30
  const std::string after = cached(bob_, week);
  EXPECT_EQ(after, fresh(bob_, week));
  std::ifstream golden(kData + "/evidence/signals-week.json");
  json want = json::parse(golden);
  for (auto& day : want) {
    day["has_calendar"] = true;
    day["has_activity"] = false;
  }
  const json report = json::parse(after);
  EXPECT_EQ(report["signals"], want) << report["signals"].dump(2);
  // 15 + 135 + 15 + 15 + 15 + 60 minutes of meetings; Tuesday's late call and Saturday's meeting
  // after hours; Monday's focus block the longest; Tuesday the only work day past 17:30.
  const json totals = {{"work_minutes", 255},          {"after_hours_minutes", 120},
                       {"meeting_minutes", 255},       {"after_hours_meeting_minutes", 120},
                       {"longest_focus_minutes", 465}, {"days_past_end", 1}};
  EXPECT_EQ(report["evidence"], totals);
  const std::string text = render_text(must(weekly_report(*ctx_, bob_, week)), {});
  EXPECT_NE(text.find("EVIDENCE · imported calendar and activity\n"
                      "  4 h 15 min worked · 2 h 00 min after hours · 4 h 15 min in meetings (2 h 00 min after hours)\n"
                      "  longest focus block 7 h 45 min · worked past the end of work hours on 1 day\n"),
            std::string::npos)
      << text;

  // A week the import does not cover has no signals and no Evidence section.
  const json old = json::parse(cached(bob_, "2025-01-08"));
  EXPECT_EQ(old["signals"], json::array());
  EXPECT_EQ(old["evidence"], nullptr);
  EXPECT_EQ(render_text(must(weekly_report(*ctx_, bob_, "2025-01-08")), {}).find("EVIDENCE"), std::string::npos);
}

TEST_F(ReportCacheTest, ChangeThroughASecondDatabaseOnTheSameFileIsSeen) {
  const std::string before = cached(ana_);
  auto other_db = open();
  Context other{*other_db, [this] { return now_; }, ""};
  CheckinInput in;
  in.start = "06:30";
  in.end = "22:00";
  in.stress = 5;
  in.energy = 1;
  in.note = "written by another node";
  must(checkin(other, ana_, in));
  const std::string after = cached(ana_);
  EXPECT_NE(after, before) << "the cache did not see a change made through another Database";
  EXPECT_EQ(after, fresh(ana_));
  EXPECT_EQ(after, render_json(must(weekly_report(other, ana_, std::nullopt))));
}

TEST_F(ReportCacheTest, NextDayGivesThatDaysReport) {
  const std::string wednesday = cached(ana_);
  now_ += kDaySeconds;  // Thursday, same ISO week
  const std::string thursday = cached(ana_);
  EXPECT_NE(thursday, wednesday) << "Wednesday's report served on Thursday";
  EXPECT_EQ(thursday, fresh(ana_));
  EXPECT_EQ(cache_.size(), 2u);
  now_ += 6 * kDaySeconds;  // the Wednesday after: a new week
  EXPECT_EQ(cached(ana_), fresh(ana_));
  EXPECT_NE(cached(ana_), thursday);
}

TEST_F(ReportCacheTest, PeopleNeverGetEachOthersReport) {
  // Both orders, and both again from the cache.
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    const std::string ana = cached(ana_);
    const std::string bob = cached(bob_);
    EXPECT_NE(ana, bob);
    EXPECT_EQ(ana, fresh(ana_));
    EXPECT_EQ(bob, fresh(bob_));
    EXPECT_EQ(cached(bob_, "2026-11-23"), fresh(bob_));
    EXPECT_EQ(cached(ana_, "2026-11-23"), fresh(ana_));
  }
  EXPECT_EQ(cache_.size(), 2u);
}

// SQLite gives a new row the highest id plus one, so a person made right after the newest person
// was deleted (an account deleted, another registered) gets the deleted person's id, and their
// revision counts up from the start again.
TEST_F(ReportCacheTest, PersonWhoGetsADeletedPersonsIdNeverGetsTheirReport) {
  const auto revision_of = [&](Id person) {
    return must(store::with_read(*db_, [&](store::Transaction& tx) { return tx.person_revision(person); }));
  };
  const std::string bobs = cached(bob_);
  const auto bobs_revision = revision_of(bob_.person_id);
  ASSERT_TRUE(bobs_revision.has_value());
  must(store::with_write(*db_, [&](store::Transaction& tx) { return tx.delete_person(bob_.person_id); }));
  const Actor carol{must(store::with_write(*db_, [&](store::Transaction& tx) {
    core::Person p;
    p.name = "Carol";
    p.timezone = "Europe/Berlin";
    p.created_at = now_;
    return tx.insert_person(p);
  }))};
  // Carol's own data, until her revision is where Bob's was when his report was cached.
  for (int stress = 1; revision_of(carol.person_id).value_or(0) < *bobs_revision && stress <= 5; ++stress) {
    CheckinInput in;
    in.start = "10:00";
    in.end = "15:00";
    in.stress = stress;
    in.energy = 3;
    must(checkin(*ctx_, carol, in));
  }
  const std::string carols = cached(carol);
  EXPECT_TRUE(carols == fresh(carol)) << "Carol's cached report is not her report";
  EXPECT_TRUE(carols != bobs) << "Carol (id " << carol.person_id << ", Bob's was " << bob_.person_id
                              << ") got the deleted Bob's cached report";
  EXPECT_EQ(carols.find("\"person\": \"Bob\""), std::string::npos) << "Bob's name in Carol's report";
}

TEST_F(ReportCacheTest, AnotherWeekIsAnotherEntry) {
  const std::string this_week = cached(ana_);
  const std::string last_week = cached(ana_, "2026-11-18");
  EXPECT_NE(this_week, last_week);
  EXPECT_EQ(last_week, fresh(ana_, "2026-11-18"));
  EXPECT_EQ(cache_.size(), 2u);
  EXPECT_EQ(cached(ana_), this_week);
  EXPECT_EQ(cached(ana_, "2026-11-17"), last_week);  // another day of the same week
  EXPECT_EQ(cache_.size(), 2u);
}

struct BadRequest {
  std::string name;
  std::optional<std::string> date;
  Id person = 0;  // 0: Ana
};

TEST_F(ReportCacheTest, BadRequestsFailAsTheReportDoes) {
  const std::vector<BadRequest> cases{
      {"NoSuchDay", "2026-02-30"},       {"MonthZero", "2026-00-10"},  {"Words", "tomorrow-ish"},
      {"WrongOrder", "25-11-2026"},      {"Empty", ""},                {"TrailingText", "2026-11-25x"},
      {"UnknownPerson", std::nullopt, 999'999},
  };
  for (const BadRequest& c : cases) {
    SCOPED_TRACE(c.name);
    const Actor who{c.person ? c.person : ana_.person_id};
    const auto expected = weekly_report(*ctx_, who, c.date);
    const auto got = cache_.weekly_json(*ctx_, who, c.date);
    ASSERT_FALSE(expected.has_value()) << "weekly_report accepted it";
    ASSERT_FALSE(got.has_value()) << "the cache accepted it";
    EXPECT_EQ(got.error().code, expected.error().code);
    EXPECT_EQ(got.error().message, expected.error().message);
    EXPECT_EQ(got.error().field, expected.error().field);
  }
  EXPECT_EQ(cache_.size(), 0u);
}

}  // namespace
}  // namespace headway::service
