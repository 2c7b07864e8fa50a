// The iCalendar importer on bad input: each error names its line, limits hold, and the inputs
// the fuzzer (fuzz/ics_fuzz.cpp) found slow or leaking stay fixed.
#include "ingest/ics.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ics_support.hpp"

namespace headway::ingest {
namespace {

using namespace ics_test;

// --- found by the fuzzer ------------------------------------------------------------------------

// Found by fuzz/ics_fuzz.cpp: libical spends most of a second to seconds on each of these before
// it gives up (MONTHLY and YEARLY rules that no month matches), or searches without end for the
// next instance of a COUNT rule that has none left.
TEST(Ics, RulesLibicalSearchesForeverAreQuick) {
  const std::vector<std::string> never = {
      "FREQ=MONTHLY;BYDAY=-8FR",             "FREQ=MONTHLY;BYDAY=6FR;COUNT=3",
      "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-40",  "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=11",
      "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1", "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=1;BYSETPOS=2",
      "FREQ=MONTHLY;BYMONTHDAY=5;BYSETPOS=2", "FREQ=YEARLY;BYMONTH=2;BYDAY=6FR",
      "FREQ=YEARLY;BYDAY=MO;BYSETPOS=54"};
  const std::vector<std::string> counted = {"FREQ=DAILY;BYDAY=2MO;COUNT=3", "FREQ=HOURLY;BYHOUR=5;BYDAY=2MO;COUNT=3"};
  std::vector<std::string> events;
  for (const auto& rule : never) events.push_back("UID:never\r\nDTSTART:20250301T100000Z\r\nRRULE:" + rule + "\r\n");
  for (const auto& rule : counted) events.push_back("UID:counted\r\nDTSTART:20250301T100000Z\r\nRRULE:" + rule + "\r\n");
  events.push_back("UID:fine\r\nDTSTART:20250301T100000Z\r\nRRULE:FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2;COUNT=2\r\n");
  IcsOptions o = options();
  o.skip_invalid = true;
  const auto t0 = std::chrono::steady_clock::now();
  auto r = import_text(calendar(events), o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_LT(seconds, 2.0);  // several seconds per rule before
  ASSERT_EQ(r->skipped.size(), never.size());
  for (const auto& s : r->skipped) EXPECT_TRUE(contains(s.reason, "never produces an instance")) << s.reason;
  EXPECT_EQ(of_uid(*r, "counted").size(), 2u);  // each event's DTSTART: the rules have nothing else
  // February with five Mondays: DTSTART (a Saturday) and 2044-02-29.
  EXPECT_EQ(of_uid(*r, "fine").size(), 1u);

  // The fuzzer's input itself: line 8's rule; the other event has no UID ("U(ID").
  IcsOptions fuzz = options();
  fuzz.skip_invalid = true;
  auto f = import_file("fuzz/monthly_never_matching_ordinal.ics", fuzz);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_FALSE(f->skipped.empty());
  EXPECT_EQ(f->skipped[0].line, 8);
  EXPECT_TRUE(contains(f->skipped[0].reason, "never")) << f->skipped[0].reason;
}

// libical expands a VTIMEZONE's observances from their DTSTART: seconds for an hourly rule from
// 1800 or a rule that never matches, for each zone an event uses.
TEST(Ics, VtimezonesLibicalWouldExpandForSecondsAreRefused) {
  for (const std::string rule : {"FREQ=HOURLY", "FREQ=DAILY", "FREQ=MONTHLY;BYDAY=-8FR"}) {
    SCOPED_TRACE(rule);
    const std::string text =
        "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:18000101T000000\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:" + rule + "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Custom:20250301T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto t0 = std::chrono::steady_clock::now();
    auto r = import_text(text);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 0.5);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "line 13");
    EXPECT_TRUE(contains(r.error().message, "TZID=Custom cannot be used")) << r.error().message;
  }
}

// libical hands RSCALE back as a copy the caller frees (a leak the fuzzer found under ASan).
TEST(Ics, RscaleIsRefused) {
  IcsOptions o = options();
  o.skip_invalid = true;
  auto r = import_text(calendar({"UID:a\r\nDTSTART:20250301T100000Z\r\nRRULE:RSCALE=GREGORIAN;FREQ=YEARLY\r\n"}), o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_TRUE(contains(r->skipped[0].reason, "RSCALE")) << r->skipped[0].reason;
}

// --- bad input: each error names the line ----------------------------------------------------

TEST(Ics, TruncatedFile) {
  auto r = import_file("invalid/truncated.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::malformed);
  EXPECT_EQ(r.error().field, "line 9");
  EXPECT_TRUE(contains(r.error().message, "END:VEVENT")) << r.error().message;
}

TEST(Ics, UnbalancedBeginEnd) {
  auto r = import_file("invalid/unbalanced.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 6");
  EXPECT_TRUE(contains(r.error().message, "BEGIN:VEVENT at line 3")) << r.error().message;
}

TEST(Ics, Utf16IsRefused) {
  auto r = import_file("invalid/utf16.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 1");
  EXPECT_TRUE(contains(r.error().message, "UTF-16")) << r.error().message;
}

TEST(Ics, InvalidUtf8NamesTheLine) {
  auto r = import_file("invalid/bad_utf8.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 6");
  EXPECT_TRUE(contains(r.error().message, "UTF-8")) << r.error().message;
}

TEST(Ics, OverlongLineIsRefused) {
  const std::string text = calendar({"UID:long\r\nDTSTART:20250301T100000Z\r\nDESCRIPTION:" +
                                     std::string(70000, 'x') + "\r\n"});
  auto r = import_text(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 7");
  // Folding does not get around the limit: the unfolded line counts.
  std::string folded = "DESCRIPTION:x";
  for (int i = 0; i < 1000; ++i) folded += "\r\n " + std::string(70, 'y');
  auto f = import_text(calendar({"UID:long\r\nDTSTART:20250301T100000Z\r\n" + folded + "\r\n"}));
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().field, "line 7");
}

TEST(Ics, FileOverTheSizeLimit) {
  IcsOptions o = options();
  o.max_bytes = 100;
  auto r = import_file("utc.ics", o);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().field, "line ")) << r.error().field;
  EXPECT_TRUE(contains(r.error().message, "100 bytes")) << r.error().message;
}

TEST(Ics, InvalidDateFailsTheWholeImport) {
  auto r = import_file("invalid/mixed_invalid.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid);
  EXPECT_EQ(r.error().field, "line 10");
  EXPECT_TRUE(contains(r.error().message, "20250230T100000Z")) << r.error().message;
}

TEST(Ics, SkipInvalidListsWhatWasSkipped) {
  IcsOptions o = options();
  o.skip_invalid = true;
  auto r = import_file("invalid/mixed_invalid.ics", o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->occurrences.size(), 2u);
  ASSERT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(r->skipped[0].line, 10);
  EXPECT_TRUE(contains(r->skipped[0].reason, "not a valid date")) << r->skipped[0].reason;
  EXPECT_EQ(r->skipped[1].line, 16);
  EXPECT_TRUE(contains(r->skipped[1].reason, "SECONDLY")) << r->skipped[1].reason;
}

TEST(Ics, MissingDtstartAndUidAndBadEnd) {
  IcsOptions o = options();
  o.skip_invalid = true;
  auto r = import_text(calendar({"UID:no-start\r\nSUMMARY:x\r\n", "DTSTART:20250301T100000Z\r\n",
                                 "UID:backwards\r\nDTSTART:20250301T100000Z\r\nDTEND:20250301T090000Z\r\n",
                                 "UID:bad-duration\r\nDTSTART:20250301T100000Z\r\nDURATION:soon\r\n"}),
                       o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->skipped.size(), 4u);
  EXPECT_EQ(r->skipped[0].line, 4);
  EXPECT_TRUE(contains(r->skipped[0].reason, "DTSTART"));
  EXPECT_EQ(r->skipped[1].line, 8);
  EXPECT_TRUE(contains(r->skipped[1].reason, "UID"));
  EXPECT_EQ(r->skipped[2].line, 14);
  EXPECT_TRUE(contains(r->skipped[2].reason, "before DTSTART"));
  EXPECT_EQ(r->skipped[3].line, 19);
  EXPECT_TRUE(r->occurrences.empty());
}

TEST(Ics, NotACalendar) {
  auto r = import_text("hello world\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 1");
  auto empty = import_text("");
  ASSERT_FALSE(empty);
}

}  // namespace
}  // namespace headway::ingest
