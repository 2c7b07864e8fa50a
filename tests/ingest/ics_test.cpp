#include "ingest/ics.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ics_support.hpp"

namespace headway::ingest {
namespace {

using namespace ics_test;

// --- time zones -------------------------------------------------------------------------------

TEST(Ics, BerlinDstNightsHaveTheirRealLength) {
  auto r = import_file("berlin_dst_single.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto spring = of_uid(*r, "spring-forward@headway.test");
  ASSERT_EQ(spring.size(), 1u);
  EXPECT_EQ(core::format_instant(spring[0].start), "2025-03-29T22:00:00Z");
  EXPECT_EQ(spring[0].end - spring[0].start, 4 * 3600);  // 23:00 to 04:00 with an hour skipped
  auto fall = of_uid(*r, "fall-back@headway.test");
  ASSERT_EQ(fall.size(), 1u);
  EXPECT_EQ(fall[0].end - fall[0].start, 6 * 3600);
  EXPECT_EQ(fall[0].recurrence_id, fall[0].start);
}

TEST(Ics, NewYorkDailyKeepsWallClockAcrossTheChange) {
  auto r = import_file("newyork_dst.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(starts(of_uid(*r, "ny-daily@headway.test")),
            (std::vector<std::string>{"2025-10-30T12:30:00Z", "2025-10-31T12:30:00Z", "2025-11-01T12:30:00Z",
                                      "2025-11-02T13:30:00Z", "2025-11-03T13:30:00Z", "2025-11-04T13:30:00Z"}));
}

TEST(Ics, WeeklyAcrossDstAndUntilInUtc) {
  auto r = import_file("weekly_across_dst.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto spring = starts(of_uid(*r, "weekly-dst@headway.test"));
  ASSERT_EQ(spring.size(), 6u);
  EXPECT_EQ(spring[3], "2025-03-24T08:00:00Z");
  EXPECT_EQ(spring[4], "2025-03-31T07:00:00Z");
  // UNTIL=20251110T180000Z is exactly the last start: inclusive.
  auto autumn = starts(of_uid(*r, "weekly-dst-autumn@headway.test"));
  ASSERT_EQ(autumn.size(), 5u);
  EXPECT_EQ(autumn.back(), "2025-11-10T18:00:00Z");
}

TEST(Ics, OutlookWindowsZoneWithItsVtimezone) {
  auto r = import_file("outlook_w_europe.ics");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_FALSE(r->occurrences.empty());
  EXPECT_EQ(core::format_instant(r->occurrences.front().start), "2025-03-18T08:00:00Z");
}

TEST(Ics, OutlookWindowsZoneWithoutVtimezoneMapsThroughIcu) {
  EXPECT_EQ(windows_zone_to_iana("W. Europe Standard Time"), "Europe/Berlin");
  EXPECT_EQ(windows_zone_to_iana("Pacific Standard Time"), "America/Los_Angeles");
  EXPECT_EQ(windows_zone_to_iana("Gnomeregan Standard Time"), "");
  auto r = import_file("outlook_no_vtimezone.ics");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->occurrences.size(), 4u);
  EXPECT_EQ(core::format_instant(r->occurrences[0].start), "2025-03-05T17:00:00Z");  // PST
  EXPECT_EQ(core::format_instant(r->occurrences[1].start), "2025-03-12T16:00:00Z");  // PDT
}

TEST(Ics, CustomVtimezoneIsUsedThroughLibical) {
  auto r = import_file("custom_vtimezone.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(starts(r->occurrences), (std::vector<std::string>{"2025-02-26T15:00:00Z", "2025-03-05T15:00:00Z",
                                                              "2025-03-12T14:00:00Z", "2025-03-19T14:00:00Z"}));
}

TEST(Ics, FloatingTimesAreInThePersonsZone) {
  auto berlin = import_file("floating.ics");
  auto ny = import_file("floating.ics", options("America/New_York"));
  ASSERT_TRUE(berlin && ny);
  EXPECT_EQ(core::format_instant(of_uid(*berlin, "floating-run@headway.test")[0].start), "2025-06-12T04:30:00Z");
  EXPECT_EQ(core::format_instant(of_uid(*ny, "floating-run@headway.test")[0].start), "2025-06-12T10:30:00Z");
}

TEST(Ics, UtcAndInstantEvents) {
  auto r = import_file("utc.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto instant = of_uid(*r, "instant-reminder@headway.test");
  ASSERT_EQ(instant.size(), 1u);
  EXPECT_EQ(instant[0].start, instant[0].end);
  EXPECT_EQ(starts(of_uid(*r, "utc-weekly@headway.test")),
            (std::vector<std::string>{"2025-03-21T08:00:00Z", "2025-03-28T08:00:00Z", "2025-04-04T08:00:00Z"}));
}

TEST(Ics, UnknownTzidNamesItsLine) {
  auto r = import_text(calendar({"UID:x\r\nDTSTART;TZID=Mars/Olympus:20250301T100000\r\n"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 6");  // the DTSTART line
  EXPECT_TRUE(contains(r.error().message, "Mars/Olympus")) << r.error().message;
}

// --- recurrence -------------------------------------------------------------------------------

TEST(Ics, OverrideMovesAnInstance) {
  auto r = import_file("override_moved.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto occ = of_uid(*r, "one-on-one@headway.test");
  ASSERT_EQ(occ.size(), 5u);
  EXPECT_EQ(core::format_instant(occ[2].start), "2025-06-17T16:30:00Z");
  EXPECT_EQ(core::format_instant(occ[2].recurrence_id), "2025-06-16T12:00:00Z");
  EXPECT_EQ(occ[3].recurrence_id, occ[3].start);
}

TEST(Ics, CancelledOverrideRemovesTheInstanceWhateverTheOrder) {
  auto r = import_file("override_cancelled.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(starts(r->occurrences), (std::vector<std::string>{"2025-06-25T14:00:00Z", "2025-07-23T14:00:00Z",
                                                              "2025-08-06T14:00:00Z"}));
}

TEST(Ics, ExdateRemovesInstances) {
  auto r = import_file("exdate.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(of_uid(*r, "gym@headway.test").size(), 7u);
  EXPECT_EQ(of_uid(*r, "holiday-series@headway.test").size(), 3u);  // four Fridays less the DATE EXDATE
}

TEST(Ics, RdateAddsInstances) {
  auto r = import_file("rdate.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(of_uid(*r, "choir@headway.test").size(), 5u);
  EXPECT_EQ(starts(of_uid(*r, "dentist-series@headway.test")),
            (std::vector<std::string>{"2025-02-10T08:00:00Z", "2025-05-12T08:00:00Z", "2025-08-11T08:00:00Z"}));
}

TEST(Ics, CountUntilAndOldOpenEndedRules) {
  auto r = import_file("count_until.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(of_uid(*r, "count-5@headway.test").size(), 5u);
  EXPECT_EQ(of_uid(*r, "until-utc@headway.test").size(), 4u);
  EXPECT_EQ(of_uid(*r, "until-date-allday@headway.test").size(), 4u);
  // Weekly since 2018: only the window's Wednesdays.
  EXPECT_EQ(of_uid(*r, "started-long-ago@headway.test").size(), 52u);
}

TEST(Ics, MonthlyLastFridayAndYearly) {
  auto m = import_file("monthly_last_friday.ics");
  ASSERT_TRUE(m) << m.error().message;
  auto fridays = starts(of_uid(*m, "last-friday@headway.test"));
  ASSERT_EQ(fridays.size(), 12u);
  EXPECT_EQ(fridays.back(), "2025-12-26T15:00:00Z");
  auto y = import_file("yearly.ics");
  ASSERT_TRUE(y) << y.error().message;
  EXPECT_EQ(of_uid(*y, "anniversary@headway.test").size(), 1u);
  EXPECT_EQ(of_uid(*y, "tax-day@headway.test").size(), 1u);
}

TEST(Ics, HugeCountIsExpandedOnlyInsideTheWindow) {
  auto r = import_file("huge_count.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->occurrences.size(), 364u);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(Ics, InstancesPerEventAreCapped) {
  auto r = import_text(calendar({"UID:hourly\r\nDTSTART:20250101T000000Z\r\nRRULE:FREQ=HOURLY;COUNT=1000000\r\n"}));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->occurrences.size(), 5000u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].line, 7);  // the RRULE line
  EXPECT_TRUE(contains(r->warnings[0].reason, "5000"));
}

// libical 3.0 searches centuries ahead for a rule that stops matching (18 s for an hourly one):
// such rules are refused, or bounded by an UNTIL just past the window.
TEST(Ics, RulesThatNeverMatchFinishQuickly) {
  IcsOptions o = options();
  o.skip_invalid = true;
  auto r = import_text(
      calendar({"UID:feb30\r\nDTSTART:20250101T100000Z\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n",
                "UID:hourly-feb31\r\nDTSTART:20000101T100000Z\r\nRRULE:FREQ=HOURLY;COUNT=5;BYMONTH=2;BYMONTHDAY=31\r\n",
                "UID:june-first-day\r\nDTSTART:20240101T100000Z\r\nRRULE:FREQ=HOURLY;BYMONTH=6;BYYEARDAY=1\r\n"}),
      o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(r->skipped[0].line, 7);
  EXPECT_EQ(r->skipped[1].line, 12);
  EXPECT_TRUE(contains(r->skipped[1].reason, "never")) << r->skipped[1].reason;
  EXPECT_TRUE(r->occurrences.empty());  // the third one's DTSTART is before the window
}

TEST(Ics, SecondlyAndMinutelyAreRefusedNamingTheLine) {
  auto r = import_file("invalid/minutely.ics");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 6");
  EXPECT_TRUE(contains(r.error().message, "MINUTELY")) << r.error().message;
}

TEST(Ics, WindowEdgesAndOverrideMovedIntoTheWindow) {
  auto r = import_file("window_edges.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(of_uid(*r, "new-year-party@headway.test").size(), 1u);
  EXPECT_TRUE(of_uid(*r, "before-window@headway.test").empty());
  EXPECT_TRUE(of_uid(*r, "after-window@headway.test").empty());
  auto standup = of_uid(*r, "standup@headway.test");
  ASSERT_EQ(standup.size(), 3u);
  EXPECT_EQ(core::format_instant(standup[0].recurrence_id), "2024-12-23T08:30:00Z");
}

// --- event details ----------------------------------------------------------------------------

TEST(Ics, AllDayEventsUseLocalMidnights) {
  auto r = import_file("allday_single.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto party = of_uid(*r, "birthday-party@headway.test");
  ASSERT_EQ(party.size(), 1u);
  EXPECT_TRUE(party[0].all_day);
  EXPECT_EQ(core::format_instant(party[0].start), "2025-05-16T22:00:00Z");
  EXPECT_EQ(core::format_instant(party[0].end), "2025-05-17T22:00:00Z");
  auto no_end = of_uid(*r, "no-dtend@headway.test");  // one day, 23 hours long on the DST day
  ASSERT_EQ(no_end.size(), 1u);
  EXPECT_EQ(no_end[0].end - no_end[0].start, 23 * 3600);
}

TEST(Ics, MultiDayAllDayAndTransparency) {
  auto r = import_file("allday_multiday.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto vacation = of_uid(*r, "vacation@headway.test");
  ASSERT_EQ(vacation.size(), 1u);
  EXPECT_TRUE(vacation[0].transparent);
  EXPECT_EQ(vacation[0].end - vacation[0].start, 11 * 86400);
  auto two = of_uid(*r, "two-days-duration@headway.test");
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].end - two[0].start, 2 * 86400);
  auto t = import_file("transparent.ics");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->occurrences.size(), 2u);  // the VTODO is not an event
  EXPECT_TRUE(t->occurrences[0].transparent);
  EXPECT_FALSE(t->occurrences[1].transparent);
}

TEST(Ics, CancelledEventsAreSkipped) {
  auto r = import_file("cancelled_event.ics");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->occurrences.size(), 1u);
  EXPECT_EQ(r->occurrences[0].uid, "kept-lunch@headway.test");
}

TEST(Ics, DeclinedOnlyByMyOwnAttendee) {
  auto r = import_file("declined.ics");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->occurrences.size(), 2u);
  EXPECT_TRUE(r->occurrences[0].declined);   // MAILTO:Me@Example.COM, case-insensitive
  EXPECT_FALSE(r->occurrences[1].declined);  // someone else declined
  EXPECT_TRUE(r->occurrences[0].meeting);
}

TEST(Ics, MeetingNeedsMoreThanOneAttendee) {
  auto r = import_file("meeting.ics");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(of_uid(*r, "design-review@headway.test")[0].meeting);
  EXPECT_FALSE(of_uid(*r, "focus-block@headway.test")[0].meeting);
}

TEST(Ics, DurationGivesTheEnd) {
  auto r = import_file("duration.ics");
  ASSERT_TRUE(r) << r.error().message;
  auto single = of_uid(*r, "duration-single@headway.test");
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].end - single[0].start, 45 * 60);
  EXPECT_EQ(of_uid(*r, "duration-weekly@headway.test").size(), 3u);
}

TEST(Ics, TitlesOnlyWhenAsked) {
  auto without = import_file("meeting.ics");
  ASSERT_TRUE(without);
  for (const auto& o : without->occurrences) EXPECT_EQ(o.title, "");
  IcsOptions o = options();
  o.keep_titles = true;
  auto with = import_file("meeting.ics", o);
  ASSERT_TRUE(with);
  EXPECT_EQ(of_uid(*with, "design-review@headway.test")[0].title, "Design review");
}

TEST(Ics, FoldedLinesAreUnfolded) {
  IcsOptions o = options();
  o.keep_titles = true;
  auto r = import_file("folded_lines.ics", o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->occurrences.size(), 1u);
  EXPECT_EQ(r->occurrences[0].uid, "folded@headway.test");
  EXPECT_EQ(core::format_instant(r->occurrences[0].start), "2025-08-12T12:00:00Z");
  EXPECT_EQ(core::format_instant(r->occurrences[0].end), "2025-08-12T13:00:00Z");
  EXPECT_TRUE(contains(r->occurrences[0].title, "octets, with umlauts: Grüße aus München"))
      << r->occurrences[0].title;
}

TEST(Ics, OccurrencesAreSortedAndCounted) {
  auto r = import_file("override_moved.ics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->events, 2);
  for (size_t i = 1; i < r->occurrences.size(); ++i)
    EXPECT_LE(r->occurrences[i - 1].start, r->occurrences[i].start);
}

// --- differential test against python3-recurring-ical-events ------------------------------

// uid|start|end per occurrence, as the reference script prints them.
std::set<std::string> ours(const IcsResult& r, const core::Zone& zone) {
  std::set<std::string> out;
  for (const auto& o : r.occurrences) {
    if (o.all_day)
      out.insert(o.uid + "|D:" + core::to_string(zone.local_date(o.start)) + "|D:" +
                 core::to_string(zone.local_date(o.end)));
    else
      out.insert(o.uid + "|" + core::format_instant(o.start) + "|" + core::format_instant(o.end));
  }
  return out;
}

std::map<std::string, std::set<std::string>> reference(const std::vector<std::string>& files, const char* zone) {
  std::string cmd = std::string("/usr/bin/python3 ") + HEADWAY_ICS_REFERENCE +
                    " 2025-01-01T12:00:00Z 2025-12-31T12:00:00Z " + zone;
  for (const std::string& f : files) cmd += " '" + kDir + "/" + f + "'";
  std::map<std::string, std::set<std::string>> out;
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  if (!p) return out;
  char buf[4096];
  while (fgets(buf, sizeof buf, p)) {
    std::string line(buf);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)].insert(line.substr(tab + 1));
  }
  EXPECT_EQ(pclose(p), 0) << cmd;
  return out;
}

TEST(IcsDifferential, EveryCorpusFileMatchesRecurringIcalEvents) {
  // Every valid corpus file (invalid/ holds the deliberately broken ones). Known differences in
  // the reference are handled in ics_reference.py (cancelled events, all-day without DTEND); the
  // corpus avoids its other quirks: it matches overrides by date only, interprets all-day dates
  // at UTC midnight for the window test (the window's ends are at noon UTC), and puts ambiguous
  // fall-back wall times at the second occurrence (the corpus has none).
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(kDir))
    if (e.is_regular_file() && e.path().extension() == ".ics") files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20u);
  for (const char* zone : {"Europe/Berlin", "America/New_York"}) {
    const auto expected = reference(files, zone);
    for (const std::string& f : files) {
      SCOPED_TRACE(f + " in " + zone);
      auto r = import_file(f, options(zone));
      ASSERT_TRUE(r) << r.error().message;
      const auto it = expected.find(f);
      const std::set<std::string> want = it == expected.end() ? std::set<std::string>{} : it->second;
      const std::set<std::string> got = ours(*r, *core::Zone::find(zone));
      EXPECT_FALSE(want.empty()) << "the reference printed nothing";
      EXPECT_FALSE(got.empty());
      for (const auto& s : want)
        if (!got.count(s)) ADD_FAILURE() << "missing: " << s;
      for (const auto& s : got)
        if (!want.count(s)) ADD_FAILURE() << "unexpected: " << s;
    }
  }
}

}  // namespace
}  // namespace headway::ingest
