#include "core/signals.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace headway::core {
namespace {

// The week of Monday 2026-11-23, in Berlin (CET, no DST change).
const Date kMon = make_date(2026, 11, 23);
const Date kTue = add_days(kMon, 1);
const Date kWed = add_days(kMon, 2);
const Date kThu = add_days(kMon, 3);
const Date kFri = add_days(kMon, 4);
const Date kSat = add_days(kMon, 5);
const Date kSun = add_days(kMon, 6);
const Date kSpring = make_date(2026, 3, 29);  // Berlin: 02:00 CET -> 03:00 CEST, 1380 minutes
const Date kFall = make_date(2026, 10, 25);   // Berlin: 03:00 CEST -> 02:00 CET, 1500 minutes

const Zone& berlin() {
  static const Zone z = Zone::find("Europe/Berlin").value();
  return z;
}
const WorkHours kHours;  // Mon-Fri 09:00-17:30
const Coverage kBoth{{{kMon, kSun}}, {{kMon, kSun}}};

constexpr int hm(int h, int m = 0) { return h * 60 + m; }
Instant at(Date d, int wall) { return berlin().to_instant(d, wall); }
Instant utc(const char* iso) { return parse_instant(iso).value(); }

EventOccurrence event(Date d, int from, int to, bool is_meeting = false) {
  EventOccurrence o;
  o.uid = "e" + std::to_string(d.days) + "-" + std::to_string(from);
  o.start = o.recurrence_id = at(d, from);
  o.end = at(d, to);
  o.meeting = is_meeting;
  return o;
}
EventOccurrence meeting(Date d, int from, int to) { return event(d, from, to, true); }
EventOccurrence declined(EventOccurrence o) {
  o.declined = true;
  return o;
}
EventOccurrence transparent(EventOccurrence o) {
  o.transparent = true;
  return o;
}
EventOccurrence all_day(Date d, bool is_meeting) {
  EventOccurrence o = event(d, 0, 0, is_meeting);
  o.end = at(add_days(d, 1), 0);
  o.all_day = true;
  return o;
}
ActivitySpan active(Instant from, Instant to) { return ActivitySpan{from, to, ActivityKind::active, ""}; }
ActivitySpan active(Date d, int from, int to) { return active(at(d, from), at(d, to)); }
ActivitySpan afk(Date d, int from, int to) { return ActivitySpan{at(d, from), at(d, to), ActivityKind::afk, ""}; }

std::optional<TimeOfDay> t(int h, int m = 0) { return TimeOfDay{hm(h, m)}; }
const std::optional<TimeOfDay> kNone;

struct Want {
  int work = 0, after = 0, weekend = 0, meeting = 0, after_meeting = 0, focus = 0;
  std::optional<TimeOfDay> first, last;
};

void expect_signals(const DailySignals& s, const Want& w) {
  EXPECT_EQ(s.work_minutes, w.work);
  EXPECT_EQ(s.after_hours_minutes, w.after);
  EXPECT_EQ(s.weekend_minutes, w.weekend);
  EXPECT_EQ(s.meeting_minutes, w.meeting);
  EXPECT_EQ(s.after_hours_meeting_minutes, w.after_meeting);
  EXPECT_EQ(s.longest_focus_minutes, w.focus);
  EXPECT_EQ(s.first_activity, w.first);
  EXPECT_EQ(s.last_activity, w.last);
}

// One day, covered by both sources.
struct Case {
  const char* name;
  Date date;
  std::vector<EventOccurrence> events;
  std::vector<ActivitySpan> activity;
  Want want;
};

TEST(DailySignals, Table) {
  const std::vector<Case> cases = {
      {"plain workday", kWed, {meeting(kWed, hm(10), hm(11)), meeting(kWed, hm(13, 30), hm(14))},
       {active(kWed, hm(9), hm(12)), active(kWed, hm(13), hm(17))},
       // work 180 + 240; focus gaps 60, 150, 210 inside 09:00-17:30
       {420, 0, 0, 90, 0, 210, t(9), t(17)}},
      {"meeting overlapping activity counts once", kWed, {meeting(kWed, hm(10), hm(11))},
       {active(kWed, hm(9), hm(10, 30))},
       {120, 0, 0, 60, 0, 390, t(9), t(11)}},
      {"overlapping meetings count once", kWed, {meeting(kWed, hm(9), hm(10)), meeting(kWed, hm(9, 30), hm(10, 30))},
       {},
       {90, 0, 0, 90, 0, 420, t(9), t(10, 30)}},
      {"overlapping activity counts once", kWed, {},
       {active(kWed, hm(9), hm(11)), active(kWed, hm(10), hm(12)), active(kWed, hm(12), hm(12, 15))},
       {195, 0, 0, 0, 0, 510, t(9), t(12, 15)}},
      {"after-hours meeting", kWed, {meeting(kWed, hm(19, 30), hm(20, 15))}, {active(kWed, hm(9), hm(17))},
       {525, 45, 0, 45, 45, 510, t(9), t(20, 15)}},
      {"meeting across the end of work hours", kWed, {meeting(kWed, hm(17), hm(18))}, {},
       {60, 30, 0, 60, 30, 480, t(17), t(18)}},
      {"early start", kWed, {}, {active(kWed, hm(8), hm(9, 30))}, {90, 60, 0, 0, 0, 510, t(8), t(9, 30)}},
      {"saturday work", kSat, {meeting(kSat, hm(11), hm(11, 30))}, {active(kSat, hm(10), hm(12))},
       {120, 120, 120, 30, 30, 0, t(10), t(12)}},
      {"sunday meeting only", kSun, {meeting(kSun, hm(15), hm(16))}, {}, {60, 60, 60, 60, 60, 0, t(15), t(16)}},
      {"declined, transparent and all-day events are ignored", kWed,
       {declined(meeting(kWed, hm(10), hm(11))), transparent(meeting(kWed, hm(12), hm(13))),
        transparent(event(kWed, hm(14), hm(15))), all_day(kWed, false), all_day(kWed, true)},
       {},
       {0, 0, 0, 0, 0, 510, kNone, kNone}},
      {"a solo busy event blocks focus but is not work", kWed, {event(kWed, hm(10), hm(16, 30))}, {},
       {0, 0, 0, 0, 0, 60, kNone, kNone}},
      {"focus of exactly 60 minutes counts", kWed,
       {meeting(kWed, hm(10), hm(12)), event(kWed, hm(11), hm(16, 30))},
       {},
       {120, 0, 0, 120, 0, 60, t(10), t(12)}},
      {"focus of 59 minutes does not", kWed, {event(kWed, hm(9, 59), hm(16, 31))}, {},
       {0, 0, 0, 0, 0, 0, kNone, kNone}},
      {"focus only inside work hours", kWed, {event(kWed, hm(9, 30), hm(17))}, {},
       {0, 0, 0, 0, 0, 0, kNone, kNone}},  // the free evening does not count
      {"back-to-back events leave no gap", kWed,
       {event(kWed, hm(9), hm(12)), event(kWed, hm(12), hm(15)), event(kWed, hm(15), hm(16, 29))},
       {},
       {0, 0, 0, 0, 0, 61, kNone, kNone}},
      {"an instant event is nothing", kWed, {event(kWed, hm(12), hm(12), true)}, {},
       {0, 0, 0, 0, 0, 510, kNone, kNone}},
      {"afk is not work", kWed, {}, {afk(kWed, hm(9), hm(17))}, {0, 0, 0, 0, 0, 510, kNone, kNone}},
      {"seconds round to the nearest minute", kWed, {},
       {active(at(kWed, hm(21)) + 10, at(kWed, hm(21)) + 40), active(at(kWed, hm(9)), at(kWed, hm(9)) + 100)},
       // 30 s + 100 s = 130 s -> 2 min, of which 30 s after hours -> 1 min; last rounds up
       {2, 1, 0, 0, 0, 510, t(9), t(21, 1)}},
      {"unsorted input", kWed, {meeting(kWed, hm(16), hm(16, 30)), meeting(kWed, hm(8), hm(8, 30))},
       {active(kWed, hm(12), hm(13)), active(kWed, hm(7, 45), hm(8, 10))},
       {135, 45, 0, 60, 30, 420, t(7, 45), t(16, 30)}},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    const auto out = daily_signals(berlin(), kHours, k.date, k.date, k.events, k.activity, kBoth);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].date, k.date);
    EXPECT_TRUE(out[0].has_calendar);
    EXPECT_TRUE(out[0].has_activity);
    expect_signals(out[0], k.want);
  }
}

TEST(DailySignals, OneEntryPerDayInOrder) {
  const auto out = daily_signals(berlin(), kHours, kMon, kSun, {}, {}, kBoth);
  ASSERT_EQ(out.size(), 7u);
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].date, add_days(kMon, static_cast<int>(i)));
  EXPECT_TRUE(daily_signals(berlin(), kHours, kTue, kMon, {}, {}, kBoth).empty());
}

TEST(DailySignals, NothingOutsideTheRangeCounts) {
  const std::vector<EventOccurrence> events = {meeting(kMon, hm(10), hm(11)), meeting(kFri, hm(10), hm(11))};
  const std::vector<ActivitySpan> activity = {active(kTue, hm(23), hm(24 + 2))};  // into Wednesday
  const auto out = daily_signals(berlin(), kHours, kWed, kThu, events, activity, {});
  ASSERT_EQ(out.size(), 2u);
  expect_signals(out[0], {120, 120, 0, 0, 0, 0, t(0), t(2)});
  EXPECT_FALSE(out[0].has_calendar);  // the meetings lie outside and cover only their own days
  EXPECT_TRUE(out[0].has_activity);
  expect_signals(out[1], {});
  EXPECT_FALSE(out[1].has_activity);
}

TEST(DailySignals, SpanAcrossMidnightIsSplit) {
  // Thursday 23:00 to Friday 01:30 active; a meeting Friday 23:30 to Saturday 00:30.
  const std::vector<ActivitySpan> activity = {active(kThu, hm(23), hm(24 + 1, 30))};
  const std::vector<EventOccurrence> events = {meeting(kFri, hm(23, 30), hm(24, 30))};
  const auto out = daily_signals(berlin(), kHours, kThu, kSat, events, activity, kBoth);
  ASSERT_EQ(out.size(), 3u);
  expect_signals(out[0], {60, 60, 0, 0, 0, 510, t(23), t(23, 59)});  // work runs on past midnight
  expect_signals(out[1], {120, 120, 0, 30, 30, 510, t(0), t(23, 59)});
  expect_signals(out[2], {30, 30, 30, 30, 30, 0, t(0), t(0, 30)});
}

TEST(DailySignals, SpringForwardHasRealMinutes) {
  const WorkHours night{parse_days("daily").value(), TimeOfDay{hm(1)}, TimeOfDay{hm(5)}};
  const Coverage cov{{{kSpring, kSpring}}, {{kSpring, kSpring}}};
  // The whole day active: 23 hours.
  {
    const std::vector<ActivitySpan> a = {active(utc("2026-03-28T20:00:00Z"), utc("2026-03-30T02:00:00Z"))};
    const auto out = daily_signals(berlin(), night, kSpring, kSpring, {}, a, cov);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].work_minutes, 1380);
    EXPECT_EQ(out[0].after_hours_minutes, 1380 - 180);  // 01:00-05:00 is 3 real hours
    EXPECT_EQ(out[0].weekend_minutes, 1380);
    EXPECT_EQ(out[0].first_activity, t(0));
    EXPECT_EQ(out[0].last_activity, t(23, 59));
  }
  // 01:30 CET to 03:30 CEST is one real hour; an empty 01:00-05:00 is 180 minutes of focus.
  {
    const std::vector<ActivitySpan> a = {active(utc("2026-03-29T00:30:00Z"), utc("2026-03-29T01:30:00Z"))};
    const auto out = daily_signals(berlin(), night, kSpring, kSpring, {}, a, cov);
    expect_signals(out[0], {60, 0, 60, 0, 0, 180, t(1, 30), t(3, 30)});
  }
}

TEST(DailySignals, FallBackHasRealMinutes) {
  const WorkHours night{parse_days("daily").value(), TimeOfDay{hm(1)}, TimeOfDay{hm(5)}};
  const Coverage cov{{{kFall, kFall}}, {{kFall, kFall}}};
  {
    const std::vector<ActivitySpan> a = {active(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z"))};
    const auto out = daily_signals(berlin(), night, kFall, kFall, {}, a, cov);
    EXPECT_EQ(out[0].work_minutes, 1500);
    EXPECT_EQ(out[0].after_hours_minutes, 1500 - 300);  // 01:00-05:00 is 5 real hours
  }
  // A meeting 01:30 CEST to 02:30 CET lasts two real hours, all inside 01:00-05:00.
  {
    const std::vector<EventOccurrence> e = {
        EventOccurrence{"m", 0, utc("2026-10-24T23:30:00Z"), utc("2026-10-25T01:30:00Z"),
                        false, false, false, true, ""}};
    const auto out = daily_signals(berlin(), night, kFall, kFall, e, {}, cov);
    // focus: 01:00-01:30 CEST (30 min), then 02:30-05:00 CET (150 min)
    expect_signals(out[0], {120, 0, 120, 120, 0, 150, t(1, 30), t(2, 30)});
  }
}

TEST(DailySignals, CoverageWithoutDataIsZeroNotUnknown) {
  const Coverage cov{{{kMon, kTue}}, {{kTue, kWed}}};
  const std::vector<EventOccurrence> events = {declined(meeting(kThu, hm(10), hm(11)))};
  const std::vector<ActivitySpan> activity = {afk(kFri, hm(10), hm(11))};
  const auto out = daily_signals(berlin(), kHours, kMon, kSat, events, activity, cov);
  ASSERT_EQ(out.size(), 6u);
  const std::vector<std::pair<bool, bool>> want = {
      {true, false}, {true, true}, {false, true}, {true, false}, {false, true}, {false, false}};
  for (size_t i = 0; i < out.size(); ++i) {
    SCOPED_TRACE(to_string(out[i].date));
    EXPECT_EQ(out[i].has_calendar, want[i].first);
    EXPECT_EQ(out[i].has_activity, want[i].second);
    EXPECT_EQ(out[i].work_minutes, 0);
    EXPECT_FALSE(out[i].first_activity);
    // An empty calendar on a work day is a whole free day; no calendar means no focus figure.
    EXPECT_EQ(out[i].longest_focus_minutes, want[i].first ? 510 : 0);
  }
}

TEST(DailySignals, FirstAndLastActivity) {
  const std::vector<ActivitySpan> activity = {active(kTue, hm(10), hm(11)), active(kTue, hm(7, 5), hm(7, 20)),
                                              afk(kTue, hm(6), hm(7)), afk(kTue, hm(21), hm(23))};
  const std::vector<EventOccurrence> events = {meeting(kTue, hm(18), hm(18, 40)),
                                               declined(meeting(kTue, hm(20), hm(21)))};
  const auto out = daily_signals(berlin(), kHours, kTue, kTue, events, activity, kBoth);
  EXPECT_EQ(out[0].first_activity, t(7, 5));
  EXPECT_EQ(out[0].last_activity, t(18, 40));
}

TEST(DailySignals, OtherWorkDays) {
  const WorkHours sun_thu{parse_days("Sun-Thu").value(), TimeOfDay{hm(8)}, TimeOfDay{hm(16)}};
  const std::vector<ActivitySpan> activity = {active(kSun, hm(8), hm(12)), active(kFri, hm(8), hm(9))};
  const auto out = daily_signals(berlin(), sun_thu, kFri, kSun, {}, activity, kBoth);
  ASSERT_EQ(out.size(), 3u);
  expect_signals(out[0], {60, 60, 0, 0, 0, 0, t(8), t(9)});        // Friday is a day off
  expect_signals(out[2], {240, 0, 240, 0, 0, 480, t(8), t(12)});  // Sunday: in hours, still weekend
}

TEST(DailySignals, ManyEventsOverAYear) {
  // 100,000 one-minute spans and 20,000 meetings; totals are known in closed form.
  const Date first = make_date(2026, 1, 5);  // a Monday
  std::vector<ActivitySpan> activity;
  std::vector<EventOccurrence> events;
  for (int i = 0; i < 100000; ++i) {
    const Date d = add_days(first, i / 400);
    activity.push_back(active(d, hm(9) + i % 400, hm(9) + i % 400 + 1));
  }
  for (int i = 0; i < 20000; ++i) events.push_back(meeting(add_days(first, i / 80), hm(9), hm(10)));
  const auto out = daily_signals(berlin(), kHours, first, add_days(first, 249), events, activity, {});
  ASSERT_EQ(out.size(), 250u);
  for (const DailySignals& s : out) {
    SCOPED_TRACE(to_string(s.date));
    ASSERT_EQ(s.work_minutes, 400);  // 09:00-15:40, the meeting inside it
    ASSERT_EQ(s.meeting_minutes, 60);
    ASSERT_EQ(s.after_hours_minutes, weekday(s.date) >= 5 ? 400 : 0);
  }
}

// --- boundary evidence -----------------------------------------------------------------------------

TEST(BuildEvidence, SpansForTheEvaluator) {
  const std::vector<EventOccurrence> events = {
      meeting(kWed, hm(10), hm(11)), declined(meeting(kWed, hm(12), hm(13))), event(kWed, hm(14), hm(15)),
      transparent(event(kWed, hm(15), hm(16))), all_day(kWed, false), meeting(kThu, hm(9), hm(10))};
  const std::vector<ActivitySpan> activity = {active(kWed, hm(9), hm(11)), active(kWed, hm(10), hm(12)),
                                              afk(kWed, hm(12), hm(13)),
                                              active(at(kWed, hm(21)) + 10, at(kWed, hm(21)) + 40)};
  const DayEvidence d = build_day_evidence(berlin(), kWed, events, activity, {});
  EXPECT_EQ(d.date, kWed);
  EXPECT_EQ(d.day_minutes, 1440);
  EXPECT_TRUE(d.has_calendar);
  EXPECT_TRUE(d.has_activity);
  EXPECT_EQ(d.checkin, nullptr);
  ASSERT_EQ(d.spans.size(), 4u);
  const std::vector<std::tuple<int, int, SpanKind>> want = {{hm(9), hm(12), SpanKind::activity},
                                                            {hm(10), hm(11), SpanKind::meeting},
                                                            {hm(14), hm(15), SpanKind::event},
                                                            {hm(21), hm(21, 1), SpanKind::activity}};
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(d.spans[i].start, std::get<0>(want[i]));
    EXPECT_EQ(d.spans[i].end, std::get<1>(want[i]));
    EXPECT_EQ(d.spans[i].kind, std::get<2>(want[i]));
    EXPECT_TRUE(d.spans[i].busy);
  }
}

TEST(BuildEvidence, MidnightAndCoverage) {
  const std::vector<ActivitySpan> activity = {active(kWed, hm(23), hm(24 + 1))};
  const auto out = build_evidence(berlin(), kTue, kThu, {}, activity, Coverage{{{kTue, kTue}}, {}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].has_calendar);
  EXPECT_FALSE(out[0].has_activity);
  EXPECT_TRUE(out[0].spans.empty());
  ASSERT_EQ(out[1].spans.size(), 1u);
  EXPECT_EQ(out[1].spans[0].start, hm(23));
  EXPECT_EQ(out[1].spans[0].end, 1440);
  ASSERT_EQ(out[2].spans.size(), 1u);
  EXPECT_EQ(out[2].spans[0].start, 0);
  EXPECT_EQ(out[2].spans[0].end, hm(1));
  EXPECT_FALSE(out[2].has_calendar);
  EXPECT_TRUE(out[2].has_activity);
}

// On a DST day a span is cut at the change: wall-clock times stay right and end - start adds up.
TEST(BuildEvidence, DstDays) {
  struct DstCase {
    const char* name;
    Date date;
    const char* from;
    const char* to;
    int day_minutes;
    std::vector<std::pair<int, int>> spans;
  };
  const std::vector<DstCase> cases = {
      {"spring 01:30 CET - 03:30 CEST", kSpring, "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", 1380,
       {{hm(1, 30), hm(2)}, {hm(3), hm(3, 30)}}},
      {"fall 01:30 CEST - 03:30 CET", kFall, "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z", 1500,
       {{hm(1, 30), hm(3)}, {hm(2), hm(3, 30)}}},
      {"fall, after the change only", kFall, "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z", 1500,
       {{hm(3), hm(4)}}},
      {"fall, the whole day", kFall, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 1500,
       {{0, hm(3)}, {hm(2), 1440}}},
  };
  for (const DstCase& k : cases) {
    SCOPED_TRACE(k.name);
    const std::vector<ActivitySpan> a = {active(utc(k.from), utc(k.to))};
    const DayEvidence d = build_day_evidence(berlin(), k.date, {}, a, {});
    EXPECT_EQ(d.day_minutes, k.day_minutes);
    ASSERT_EQ(d.spans.size(), k.spans.size());
    int total = 0;
    for (size_t i = 0; i < k.spans.size(); ++i) {
      EXPECT_EQ(d.spans[i].start, k.spans[i].first);
      EXPECT_EQ(d.spans[i].end, k.spans[i].second);
      total += d.spans[i].end - d.spans[i].start;
    }
    const auto s = daily_signals(berlin(), kHours, k.date, k.date, {}, a, {});
    EXPECT_EQ(total, s[0].work_minutes);
    EXPECT_EQ(worked_minutes(d), s[0].work_minutes);
  }
}

Boundary boundary(BoundaryType type, const std::map<std::string, std::string>& params) {
  auto b = make_boundary(type, params);
  EXPECT_TRUE(b);
  Boundary out = b.value_or(Boundary{});
  out.id = 1;
  return out;
}

Evaluation evaluate_one(const Boundary& b, Date d, const std::vector<EventOccurrence>& events,
                        const std::vector<ActivitySpan>& activity, const Coverage& cov = kBoth) {
  const auto out = evaluate({b}, {build_day_evidence(berlin(), d, events, activity, cov)});
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? Evaluation{} : out[0];
}

TEST(BuildEvidence, FeedsWorkWindow) {
  const Boundary b = boundary(BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}});
  const std::vector<ActivitySpan> day = {active(kWed, hm(9), hm(12)), active(kWed, hm(13), hm(17))};
  struct WCase {
    const char* name;
    std::vector<EventOccurrence> events;
    Status want;
    const char* evidence;
  };
  const std::vector<WCase> cases = {
      {"inside", {meeting(kWed, hm(10), hm(11))}, Status::kept, "inside 09:00-17:30"},
      {"late meeting", {meeting(kWed, hm(17), hm(18))}, Status::broken, "meeting 17:00-18:00"},
      {"declined late meeting", {declined(meeting(kWed, hm(17), hm(18)))}, Status::kept, ""},
      {"solo evening event is not work", {event(kWed, hm(18), hm(19))}, Status::kept, ""},
  };
  for (const WCase& k : cases) {
    SCOPED_TRACE(k.name);
    const Evaluation e = evaluate_one(b, kWed, k.events, day);
    EXPECT_EQ(e.status, k.want) << e.evidence;
    EXPECT_NE(e.evidence.find(k.evidence), std::string::npos) << e.evidence;
    // The signals agree: broken exactly when there is after-hours work.
    const auto s = daily_signals(berlin(), kHours, kWed, kWed, k.events, day, kBoth);
    EXPECT_EQ(s[0].after_hours_minutes > 0, k.want == Status::broken);
  }
  // Early activity breaks it; no evidence at all is unknown.
  EXPECT_EQ(evaluate_one(b, kWed, {}, {active(kWed, hm(8, 50), hm(9, 10))}).status, Status::broken);
  EXPECT_EQ(evaluate_one(b, kWed, {}, {}, {}).status, Status::unknown);
}

TEST(BuildEvidence, FeedsNoMessagesAfter) {
  const Boundary b = boundary(BoundaryType::no_messages_after, {{"time", "19:00"}});
  const std::vector<ActivitySpan> day = {active(kWed, hm(9), hm(18, 30))};
  EXPECT_EQ(evaluate_one(b, kWed, {}, day).status, Status::kept);
  const Evaluation late = evaluate_one(b, kWed, {meeting(kWed, hm(19, 30), hm(20, 15))}, day);
  EXPECT_EQ(late.status, Status::broken);
  EXPECT_NE(late.evidence.find("meeting 19:30-20:15"), std::string::npos) << late.evidence;
  // Half a minute of activity at 21:00 is enough to break it.
  const Evaluation glance = evaluate_one(b, kWed, {}, {active(at(kWed, hm(21)) + 10, at(kWed, hm(21)) + 40)});
  EXPECT_EQ(glance.status, Status::broken);
  EXPECT_NE(glance.evidence.find("active 21:00-21:01"), std::string::npos) << glance.evidence;
  // A declined late meeting is no evidence against it.
  EXPECT_EQ(evaluate_one(b, kWed, {declined(meeting(kWed, hm(19, 30), hm(20)))}, day).status, Status::kept);
}

TEST(BuildEvidence, FeedsMeetingFree) {
  const Boundary b = boundary(BoundaryType::meeting_free, {{"days", "Fri"}, {"from", "12:00"}, {"to", "18:00"}});
  EXPECT_EQ(evaluate_one(b, kFri, {meeting(kFri, hm(14), hm(15))}, {}).status, Status::broken);
  EXPECT_EQ(evaluate_one(b, kFri, {event(kFri, hm(14), hm(15)), transparent(meeting(kFri, hm(15), hm(16)))}, {}).status,
            Status::kept);
  EXPECT_EQ(evaluate_one(b, kFri, {}, {}, Coverage{{}, {{kFri, kFri}}}).status, Status::unknown);
}

}  // namespace
}  // namespace headway::core
