#include "ingest/calendar_feed.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/zone.hpp"
#include "ingest/ics.hpp"

namespace headway::ingest {
namespace {

core::Instant at(const char* iso) { return *core::parse_instant(iso); }

core::Boundary boundary(core::Id id, core::BoundaryType type, std::map<std::string, std::string> params) {
  auto b = core::make_boundary(type, params);
  EXPECT_TRUE(b) << b.error().message;
  b->id = id;
  return *b;
}

core::Person berlin() {
  core::Person p;
  p.id = 7;
  p.name = "Sam";
  p.timezone = "Europe/Berlin";
  p.work_hours = *core::parse_work_hours("Mon-Fri 09:00-17:30");
  return p;
}

std::vector<core::Boundary> every_kind() {
  using T = core::BoundaryType;
  auto labelled = boundary(6, T::meeting_free, {{"days", "Fri"}, {"from", "13:00"}, {"to", "17:00"}});
  labelled.label = "Fridays, think; no calls, please";
  auto inactive = boundary(9, T::no_messages_after, {{"time", "06:00"}});
  inactive.active = false;
  return {boundary(1, T::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}),
          boundary(2, T::no_weekend_work, {}),
          boundary(3, T::weekly_hours_cap, {{"hours", "40"}}),
          boundary(4, T::min_break, {{"minutes", "30"}}),
          boundary(5, T::no_messages_after, {{"time", "19:00"}}),
          labelled,
          inactive};
}

FeedOptions options() {
  FeedOptions o;
  o.first_day = core::make_date(2026, 3, 23);  // a Monday, the week before summer time starts
  o.generated_at = at("2026-03-23T08:00:00Z");
  o.reminder = *core::parse_time("18:00");
  return o;
}

// Reads the feed back with Headway's own importer, over the two weeks around the DST change.
IcsResult read_back(const std::string& feed) {
  std::istringstream in(feed);
  IcsOptions o;
  o.from = at("2026-03-23T00:00:00Z");
  o.to = at("2026-04-06T00:00:00Z");
  o.zone = *core::Zone::find("Europe/Berlin");
  o.keep_titles = true;
  auto r = import_ics(in, o);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : IcsResult{};
}

using Span = std::pair<std::string, std::string>;

std::vector<Span> starts_of(const IcsResult& r, const std::string& uid_part) {
  std::vector<Span> out;
  for (const auto& o : r.occurrences)
    if (o.uid.find(uid_part) != std::string::npos) out.emplace_back(core::format_instant(o.start), core::format_instant(o.end));
  return out;
}

TEST(CalendarFeed, EveryLineIsCrlfAndAtMost75Octets) {
  const auto feed = calendar_feed(berlin(), every_kind(), options());
  ASSERT_TRUE(feed.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  ASSERT_TRUE(feed.ends_with("END:VCALENDAR\r\n"));
  size_t pos = 0;
  while (pos < feed.size()) {
    const auto end = feed.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - pos, 75u) << feed.substr(pos, end - pos);
    EXPECT_EQ(feed.substr(pos, end - pos).find('\n'), std::string::npos);
    pos = end + 2;
  }
  EXPECT_NE(feed.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"), std::string::npos) << "a VTIMEZONE for the TZID used";
  // Its observances come from the tz database: summer time starts at 02:00 on 29 March 2026 and
  // ends at 03:00 on 25 October.
  EXPECT_NE(feed.find("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"),
            std::string::npos);
  EXPECT_NE(feed.find("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"),
            std::string::npos);
}

TEST(CalendarFeed, ProtectedTimeFollowsTheWallClockAcrossSummerTime) {
  const auto r = read_back(calendar_feed(berlin(), every_kind(), options()));
  // No messages after 19:00, every day until midnight: 18:00Z in winter, 17:00Z from 29 March.
  const auto quiet = starts_of(r, "boundary-5-quiet");
  ASSERT_EQ(quiet.size(), 14u);
  EXPECT_EQ(quiet[0], Span("2026-03-23T18:00:00Z", "2026-03-23T23:00:00Z"));
  EXPECT_EQ(quiet[5], Span("2026-03-28T18:00:00Z", "2026-03-28T23:00:00Z"));
  EXPECT_EQ(quiet[6], Span("2026-03-29T17:00:00Z", "2026-03-29T22:00:00Z"));
  // Off work after 17:30 on weekdays only.
  const auto evening = starts_of(r, "boundary-1-evening");
  ASSERT_EQ(evening.size(), 10u);
  EXPECT_EQ(evening[0].first, "2026-03-23T16:30:00Z");
  EXPECT_EQ(evening[5].first, "2026-03-30T15:30:00Z");
  // Weekends all day; the break at noon on work days; Friday afternoons free of meetings.
  EXPECT_EQ(starts_of(r, "boundary-2-weekend").size(), 4u);
  const auto breaks = starts_of(r, "boundary-4-break");
  ASSERT_EQ(breaks.size(), 10u);
  EXPECT_EQ(breaks[0], Span("2026-03-23T11:00:00Z", "2026-03-23T11:30:00Z"));
  const auto friday = starts_of(r, "boundary-6-meeting-free");
  ASSERT_EQ(friday.size(), 2u);
  EXPECT_EQ(friday[0], Span("2026-03-27T12:00:00Z", "2026-03-27T16:00:00Z"));
  // The weekly cap blocks nothing, and an inactive boundary is left out.
  EXPECT_TRUE(starts_of(r, "boundary-3").empty());
  EXPECT_TRUE(starts_of(r, "boundary-9").empty());
  // The reminder: daily at 18:00 local, transparent (so it blocks nothing).
  const auto reminder = starts_of(r, "checkin-reminder-7");
  ASSERT_EQ(reminder.size(), 14u);
  EXPECT_EQ(reminder[0].first, "2026-03-23T17:00:00Z");
  EXPECT_EQ(reminder[13].first, "2026-04-05T16:00:00Z");
  for (const auto& o : r.occurrences) EXPECT_EQ(o.transparent, o.uid.starts_with("checkin-reminder")) << o.uid;
}

TEST(CalendarFeed, TextIsEscapedAndTheReminderHasAnAlarm) {
  const auto feed = calendar_feed(berlin(), every_kind(), options());
  EXPECT_NE(feed.find("DESCRIPTION:Fridays\\, think\\; no calls\\, please\r\n"), std::string::npos);
  EXPECT_NE(feed.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Check in with Headway\r\nTRIGGER:PT0M\r\nEND:VALARM"),
            std::string::npos);
  const auto r = read_back(feed);
  bool found = false;
  for (const auto& o : r.occurrences) found |= o.title == "Protected: no meetings";
  EXPECT_TRUE(found);
}

TEST(CalendarFeed, UtcPeopleGetNoTimezoneAndNoBoundariesStillRemind) {
  auto p = berlin();
  p.timezone = "UTC";
  const auto feed = calendar_feed(p, {}, options());
  EXPECT_EQ(feed.find("VTIMEZONE"), std::string::npos);
  std::istringstream in(feed);
  IcsOptions o;
  o.from = at("2026-03-23T00:00:00Z");
  o.to = at("2026-03-25T00:00:00Z");
  const auto r = import_ics(in, o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->occurrences.size(), 2u);
  EXPECT_EQ(core::format_instant(r->occurrences[0].start), "2026-03-23T18:00:00Z");
}

// Python's icalendar and recurring_ical_events, as calendar apps would, read the same blocks.
TEST(CalendarFeed, PythonIcalendarReadsTheSameOccurrences) {
  const auto dir = std::filesystem::temp_directory_path() / ("headway-feed-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "feed.ics";
  const auto feed = calendar_feed(berlin(), every_kind(), options());
  std::ofstream(file, std::ios::binary) << feed;
  const std::string script =
      "import sys, icalendar, recurring_ical_events, datetime as dt\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "utc = dt.timezone.utc\n"
      "for e in recurring_ical_events.of(cal).between(dt.datetime(2026,3,23,tzinfo=utc), dt.datetime(2026,4,6,tzinfo=utc)):\n"
      "  s = e['DTSTART'].dt\n"
      "  if not isinstance(s, dt.datetime): continue\n"
      "  print(str(e['UID']), s.astimezone(utc).strftime('%Y-%m-%dT%H:%M:%SZ'))\n";
  std::ofstream(dir / "read.py") << script;
  const std::string cmd = "/usr/bin/python3 " + (dir / "read.py").string() + " " + file.string();
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::multiset<std::string> theirs;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) {
    std::string l(buf);
    if (!l.empty() && l.back() == '\n') l.pop_back();
    theirs.insert(l);
  }
  EXPECT_EQ(pclose(p), 0);
  std::filesystem::remove_all(dir);

  std::multiset<std::string> ours;
  for (const auto& o : read_back(feed).occurrences)
    if (!o.all_day) ours.insert(o.uid + " " + core::format_instant(o.start));
  EXPECT_GT(ours.size(), 40u);
  EXPECT_EQ(ours, theirs);
}

}  // namespace
}  // namespace headway::ingest
