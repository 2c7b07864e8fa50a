// Evidence use cases on a real SQLite file: calendar and activity imports, daily signals, and the
// same evidence in boundary checks and the weekly report.
#include "service/evidence.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "service/boundaries.hpp"
#include "service/checkins.hpp"
#include "service/profile.hpp"
#include "service/report_cache.hpp"
#include "store/database.hpp"

namespace headway::service {
namespace {

constexpr core::Instant kNow = 1'774'008'000;  // 2026-03-20T12:00:00Z, a Friday

template <typename T>
T must(Result<T> r, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
  if (!r)
    throw std::runtime_error(std::string(file) + ":" + std::to_string(line) + ": unexpected " +
                             to_string(r.error().code) + " error: " + r.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

// A calendar in Europe/Berlin with the given VEVENT bodies.
std::string calendar(const std::vector<std::string>& events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Headway tests//EN\r\n";
  for (const auto& e : events) out += "BEGIN:VEVENT\r\n" + e + "END:VEVENT\r\n";
  return out + "END:VCALENDAR\r\n";
}

// A meeting (two attendees) on a local Berlin day and time.
std::string meeting(const std::string& uid, const std::string& day, const std::string& from, const std::string& to,
                     const std::string& my_partstat = "ACCEPTED") {
  return "UID:" + uid + "\r\nDTSTART;TZID=Europe/Berlin:" + day + "T" + from + "00\r\nDTEND;TZID=Europe/Berlin:" + day +
         "T" + to + "00\r\nSUMMARY:" + uid + "\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:lead@example.org\r\n" +
         "ATTENDEE;PARTSTAT=" + my_partstat + ":mailto:ana@example.org\r\n";
}

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "headway-evidence-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto db = store::open_database("sqlite://" + (dir_ / "headway.db").string(), {.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    ctx_ = std::make_unique<Context>(Context{*db_, [] { return kNow; }, ""});
    must(init_profile(*ctx_, InitRequest{"Ana", "Europe/Berlin", "Mon-Fri 09:00-17:30", "ana@example.org"}));
    ana_ = must(local_actor(*ctx_));
    bob_.person_id = must(store::with_write(*db_, [&](store::Transaction& tx) {
      core::Person p;
      p.name = "Bob";
      p.timezone = "Europe/Berlin";
      p.created_at = kNow;
      return tx.insert_person(p);
    }));
  }
  void TearDown() override {
    ctx_.reset();
    db_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  Result<CalendarImportSummary> import(const Actor& who, const std::string& text, CalendarImportOptions o = {}) {
    if (o.source.empty()) o.source = "work";
    std::istringstream in(text);
    return import_calendar(*ctx_, who, in, o);
  }

  std::vector<std::pair<std::string, int64_t>> counts() {
    return must(store::with_read(*db_, [](store::Transaction& tx) { return tx.table_counts(); }));
  }
  core::DailySignals day(const Actor& who, const std::string& date) {
    const auto all = must(signals(*ctx_, who, SignalsRange{date, date}));
    EXPECT_EQ(all.size(), 1u);
    return all.at(0);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Context> ctx_;
  Actor ana_, bob_;
};

std::string show(const core::ReplaceCounts& c) {
  return std::to_string(c.added) + "/" + std::to_string(c.changed) + "/" + std::to_string(c.removed) + "/" +
         std::to_string(c.unchanged);
}

TEST_F(EvidenceTest, ReimportingTheSameFileChangesNothing) {
  const std::string ics = calendar({meeting("standup", "20260317", "1000", "1100"),
                                    "UID:weekly\r\nDTSTART;TZID=Europe/Berlin:20260302T090000\r\n"
                                    "DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"});
  const auto first = must(import(ana_, ics));
  EXPECT_EQ(first.events, 2);
  EXPECT_EQ(first.occurrences, 5);
  EXPECT_EQ(show(first.counts), "5/0/0/0");
  EXPECT_EQ(first.source.covered_from, core::make_date(2025, 3, 20));  // the default window: 12 months back
  EXPECT_EQ(first.source.covered_to, core::make_date(2026, 6, 20));    // and 3 ahead
  const auto second = must(import(ana_, ics));
  EXPECT_EQ(show(second.counts), "0/0/0/5");
  EXPECT_EQ(second.source.id, first.source.id);
  const auto sources = must(list_sources(*ctx_, ana_));
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].items, 5);
}

TEST_F(EvidenceTest, AChangedFileUpdatesAddsAndRemoves) {
  must(import(ana_, calendar({meeting("a", "20260316", "1000", "1100"), meeting("b", "20260317", "1000", "1100")})));
  // "a" runs longer (same start: changed), "b" is gone, "c" is new.
  const auto r = must(import(ana_, calendar({meeting("a", "20260316", "1000", "1130"), meeting("c", "20260318", "1000", "1100")})));
  EXPECT_EQ(show(r.counts), "1/1/1/0");
  EXPECT_EQ(day(ana_, "2026-03-16").last_activity, core::TimeOfDay{11 * 60 + 30});
  EXPECT_EQ(day(ana_, "2026-03-17").meeting_minutes, 0);
  EXPECT_EQ(day(ana_, "2026-03-18").meeting_minutes, 60);
  // A single event that moves is a new occurrence: its start is its recurrence id.
  const auto moved = must(import(ana_, calendar({meeting("a", "20260316", "1400", "1530"), meeting("c", "20260318", "1000", "1100")})));
  EXPECT_EQ(show(moved.counts), "1/0/1/1");
  EXPECT_EQ(day(ana_, "2026-03-16").first_activity, core::TimeOfDay{14 * 60});
}

TEST_F(EvidenceTest, AnInvalidFileWritesNothingAndSkipInvalidListsIt) {
  must(import(ana_, calendar({meeting("a", "20260316", "1000", "1100")})));
  const auto before = counts();
  const std::string bad = calendar({meeting("b", "20260317", "1000", "1100"),
                                    "UID:broken\r\nDTSTART:20260230T100000Z\r\nDTEND:20260230T110000Z\r\n"});
  const auto r = import(ana_, bad);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid);
  EXPECT_NE(r.error().message.find("line 14"), std::string::npos) << r.error().message;
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(day(ana_, "2026-03-16").meeting_minutes, 60);  // the earlier import is intact

  const auto truncated = import(ana_, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n");
  ASSERT_FALSE(truncated.has_value());
  EXPECT_EQ(counts(), before);

  CalendarImportOptions o;
  o.skip_invalid = true;
  const auto skipped = must(import(ana_, bad, o));
  ASSERT_EQ(skipped.skipped.size(), 1u);
  EXPECT_EQ(skipped.skipped[0].line, 14);
  EXPECT_EQ(show(skipped.counts), "1/0/1/0");
}

TEST_F(EvidenceTest, BadOptionsAreRefusedBeforeReading) {
  CalendarImportOptions o;
  o.from = "2026-03-10";
  o.to = "2026-03-01";
  const auto r = import(ana_, calendar({}), o);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "to");
  o = {};
  o.source = "bad\nname";
  EXPECT_EQ(import(ana_, calendar({}), o).error().field, "source");
  const auto backwards = import_activity(*ctx_, ana_, "laptop", {{kNow, kNow - 60, core::ActivityKind::active, ""}},
                                         kNow - 86400, kNow);
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().field, "spans[0]");
  EXPECT_EQ(import_activity(*ctx_, ana_, "laptop", {}, kNow, kNow - 1).error().field, "covered_to");
  EXPECT_TRUE(must(list_sources(*ctx_, ana_)).empty());
}

TEST_F(EvidenceTest, SignalsFromAnImportedCalendar) {
  CalendarImportOptions o;
  o.from = "2026-03-16";
  o.to = "2026-03-22";
  must(import(ana_, calendar({meeting("review", "20260317", "1000", "1100"), meeting("late", "20260317", "1800", "1900"),
                              meeting("declined", "20260317", "2000", "2100", "DECLINED"),
                              meeting("outside", "20260310", "1000", "1100")}),
              o));
  const auto tue = day(ana_, "2026-03-17");
  EXPECT_TRUE(tue.has_calendar);
  EXPECT_EQ(tue.work_minutes, 120);
  EXPECT_EQ(tue.meeting_minutes, 120);
  EXPECT_EQ(tue.after_hours_minutes, 60);
  EXPECT_EQ(tue.after_hours_meeting_minutes, 60);
  EXPECT_EQ(tue.longest_focus_minutes, 390);  // 11:00-17:30
  EXPECT_EQ(tue.first_activity, core::TimeOfDay{10 * 60});
  EXPECT_EQ(tue.last_activity, core::TimeOfDay{19 * 60});
  EXPECT_FALSE(day(ana_, "2026-03-10").has_calendar);  // outside the window: not imported, not covered
  EXPECT_EQ(day(ana_, "2026-03-10").meeting_minutes, 0);
  // The default range is the last 28 days up to today.
  const auto all = must(signals(*ctx_, ana_, {}));
  ASSERT_EQ(all.size(), 28u);
  EXPECT_EQ(all.back().date, core::make_date(2026, 3, 20));

  // The declined meeting is declined by the profile's address; as someone else it counts.
  o.me_email = "someone@example.org";
  must(import(ana_, calendar({meeting("declined", "20260317", "2000", "2100", "DECLINED")}), o));
  EXPECT_EQ(day(ana_, "2026-03-17").meeting_minutes, 60);
}

TEST_F(EvidenceTest, AnAfterHoursMeetingBreaksAWorkWindowAndShowsInTheReport) {
  must(add_boundary(*ctx_, ana_, "work-window", {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}, ""));
  CheckinInput in;
  in.date = "2026-03-17";
  in.start = "09:00";
  in.end = "17:00";
  in.stress = 2;
  in.energy = 4;
  must(checkin(*ctx_, ana_, in));
  const auto check = [&] {
    const auto r = must(check_boundaries(*ctx_, ana_, CheckRange{"2026-03-17", {}, {}}));
    EXPECT_EQ(r.size(), 1u);
    return r.at(0);
  };
  EXPECT_EQ(check().status, core::Status::kept);
  ReportCache cache;
  const std::string report_before = must(cache.weekly_json(*ctx_, ana_, "2026-03-17"));

  must(import(ana_, calendar({meeting("late", "20260317", "1800", "1900")})));
  const auto e = check();
  EXPECT_EQ(e.status, core::Status::broken);
  EXPECT_EQ(e.evidence, "meeting 18:00-19:00");
  const std::string report_after = must(cache.weekly_json(*ctx_, ana_, "2026-03-17"));
  EXPECT_NE(report_after, report_before);
  EXPECT_NE(report_after.find("meeting 18:00-19:00"), std::string::npos);

  // Removing the calendar brings the check-in's verdict back.
  must(remove_source(*ctx_, ana_, "work"));
  EXPECT_EQ(check().status, core::Status::kept);
}

TEST_F(EvidenceTest, ActivityImportsAreIdempotentAndCountAsWork) {
  const core::Instant nine = 1'773'734'400;  // 2026-03-17T08:00:00Z, 09:00 in Berlin
  const std::vector<core::ActivitySpan> spans{{nine, nine + 3 * 3600, core::ActivityKind::active, ""},
                                              {nine + 3 * 3600, nine + 4 * 3600, core::ActivityKind::afk, ""},
                                              {nine + 9 * 3600, nine + 10 * 3600, core::ActivityKind::active, ""}};
  // The export covers Monday 10:00 to Thursday 10:00, Berlin time.
  const core::Instant from = nine - 86400 + 3600, to = nine + 2 * 86400 + 3600;
  const auto first = must(import_activity(*ctx_, ana_, "laptop", spans, from, to));
  EXPECT_EQ(show(first.counts), "3/0/0/0");
  EXPECT_EQ(first.source.covered_from, core::make_date(2026, 3, 16));
  EXPECT_EQ(first.source.covered_to, core::make_date(2026, 3, 19));
  EXPECT_EQ(show(must(import_activity(*ctx_, ana_, "laptop", spans, from, to)).counts), "0/0/0/3");
  const auto tue = day(ana_, "2026-03-17");
  EXPECT_TRUE(tue.has_activity);
  EXPECT_EQ(tue.work_minutes, 240);
  EXPECT_EQ(tue.after_hours_minutes, 60);  // 18:00-19:00; the afk hour is not work
  EXPECT_TRUE(day(ana_, "2026-03-16").has_activity);
  EXPECT_EQ(day(ana_, "2026-03-16").work_minutes, 0);
  EXPECT_FALSE(day(ana_, "2026-03-20").has_activity);
  // An export that says nothing covers no day, and empties the source.
  const auto empty = must(import_activity(*ctx_, ana_, "laptop", {}, kNow, kNow));
  EXPECT_EQ(show(empty.counts), "0/0/3/0");
  EXPECT_FALSE(day(ana_, "2026-03-20").has_activity);
  EXPECT_FALSE(day(ana_, "2026-03-17").has_activity);
}

TEST_F(EvidenceTest, EvidenceStaysWithItsPerson) {
  must(import(ana_, calendar({meeting("a", "20260317", "1000", "1100")})));
  const auto bobs = day(bob_, "2026-03-17");
  EXPECT_FALSE(bobs.has_calendar);
  EXPECT_EQ(bobs.meeting_minutes, 0);
  EXPECT_TRUE(must(list_sources(*ctx_, bob_)).empty());
  EXPECT_EQ(remove_source(*ctx_, bob_, "work").error().code, ErrorCode::not_found);
  // Bob's source of the same name is his own.
  EXPECT_EQ(show(must(import(bob_, calendar({meeting("a", "20260317", "1000", "1100")}))).counts), "1/0/0/0");
  must(remove_source(*ctx_, bob_, "work"));
  EXPECT_EQ(day(ana_, "2026-03-17").meeting_minutes, 60);
}

}  // namespace
}  // namespace headway::service
