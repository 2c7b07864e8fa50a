#include "core/evaluator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

// The week of Monday 2026-11-23.
const Date kMon = make_date(2026, 11, 23);
const Date kTue = add_days(kMon, 1);
const Date kWed = add_days(kMon, 2);
const Date kThu = add_days(kMon, 3);
const Date kFri = add_days(kMon, 4);
const Date kSat = add_days(kMon, 5);
const Date kSun = add_days(kMon, 6);

Boundary boundary(BoundaryType t, const std::map<std::string, std::string>& params, Id id = 1) {
  auto b = make_boundary(t, params);
  EXPECT_TRUE(b) << to_string(t) << ": " << (b ? "" : b.error().message);
  Boundary out = b.value_or(Boundary{});
  out.id = id;
  return out;
}

// The default parameters used for each type when a test does not care.
Boundary default_boundary(BoundaryType t, Id id = 1) {
  switch (t) {
    case BoundaryType::work_window: return boundary(t, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}, id);
    case BoundaryType::meeting_free: return boundary(t, {{"days", "Mon-Fri"}, {"from", "12:00"}, {"to", "13:00"}}, id);
    case BoundaryType::no_weekend_work: return boundary(t, {}, id);
    case BoundaryType::weekly_hours_cap: return boundary(t, {{"hours", "40"}}, id);
    case BoundaryType::min_break: return boundary(t, {{"minutes", "30"}}, id);
    case BoundaryType::no_messages_after: return boundary(t, {{"time", "19:00"}}, id);
  }
  return Boundary{};
}

const std::vector<BoundaryType> kAllTypes = {BoundaryType::work_window,      BoundaryType::no_weekend_work,
                                             BoundaryType::weekly_hours_cap, BoundaryType::min_break,
                                             BoundaryType::meeting_free,     BoundaryType::no_messages_after};

CheckIn worked(Date d, int start, int end, std::optional<int> brk = std::nullopt,
               std::optional<int> after = std::nullopt) {
  CheckIn c;
  c.date = d;
  c.start = TimeOfDay{start};
  c.end = TimeOfDay{end};
  c.break_minutes = brk;
  c.after_hours = after;
  const auto r = finalize_checkin(c, Zone::utc());
  EXPECT_TRUE(r) << to_string(d) << ": " << (r ? "" : r.error().message);
  return c;
}

CheckIn off_day(Date d, std::optional<int> after = std::nullopt) {
  CheckIn c;
  c.date = d;
  c.off = true;
  c.after_hours = after;
  EXPECT_TRUE(finalize_checkin(c, Zone::utc()));
  return c;
}

constexpr int hm(int h, int m = 0) { return h * 60 + m; }

Span meeting(int start, int end, bool busy = true) { return Span{start, end, SpanKind::meeting, busy}; }
Span activity(int start, int end) { return Span{start, end, SpanKind::activity, true}; }

// One boundary on one day.
struct Case {
  const char* name;
  Date date;
  std::optional<CheckIn> checkin;
  std::vector<Span> spans = {};
  bool has_calendar = false;
  bool has_activity = false;
  std::optional<Status> expected;  // nullopt: no result (the boundary does not apply, or a day off for min-break)
  const char* evidence = "";       // must appear in the evidence
};

void run_cases(const Boundary& b, const std::vector<Case>& cases) {
  for (const Case& k : cases) {
    SCOPED_TRACE(std::string(to_string(b.type)) + ": " + k.name);
    DayEvidence d;
    d.date = k.date;
    d.checkin = k.checkin ? &*k.checkin : nullptr;
    d.spans = k.spans;
    d.has_calendar = k.has_calendar;
    d.has_activity = k.has_activity;
    const auto out = evaluate({b}, {d});
    if (!k.expected) {
      EXPECT_TRUE(out.empty()) << "got " << to_string(out.front().status) << ": " << out.front().evidence;
      continue;
    }
    EXPECT_TRUE(applies(b, k.date));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].date, k.date);
    EXPECT_EQ(out[0].boundary_id, b.id);
    EXPECT_EQ(out[0].type, b.type);
    EXPECT_EQ(to_string(out[0].status), std::string(to_string(*k.expected))) << out[0].evidence;
    EXPECT_FALSE(out[0].evidence.empty());
    EXPECT_NE(out[0].evidence.find(k.evidence), std::string::npos) << out[0].evidence;
  }
}

TEST(EvaluateWorkWindow, Table) {
  const Boundary b = default_boundary(BoundaryType::work_window);  // Mon-Fri 09:00-17:30
  run_cases(b, {
      {"inside the window", kWed, worked(kWed, hm(9), hm(17, 30), 30), {}, false, false, Status::kept, "09:00-17:30"},
      {"shorter day inside", kWed, worked(kWed, hm(9, 30), hm(16)), {}, false, false, Status::kept},
      {"day off", kWed, off_day(kWed), {}, false, false, Status::kept, "day off"},
      {"started early", kWed, worked(kWed, hm(8), hm(17)), {}, false, false, Status::broken, "08:00"},
      {"ended late", kWed, worked(kWed, hm(9), hm(18, 45)), {}, false, false, Status::broken, "18:45"},
      {"ended one minute late", kWed, worked(kWed, hm(9), hm(17, 31)), {}, false, false, Status::broken},
      {"after-hours work", kWed, worked(kWed, hm(9), hm(17), std::nullopt, 30), {}, false, false, Status::broken,
       "30 min after hours"},
      {"overnight shift", kWed, worked(kWed, hm(22), hm(6)), {}, false, false, Status::broken},
      {"no evidence", kWed, std::nullopt, {}, false, false, Status::unknown},
      {"empty calendar alone proves nothing", kWed, std::nullopt, {}, true, false, Status::unknown},
      {"meeting outside the window", kWed, worked(kWed, hm(9), hm(17)), {meeting(hm(19, 30), hm(20, 15))}, true,
       false, Status::broken, "meeting 19:30-20:15"},
      {"free (not busy) meeting outside is ignored", kWed, worked(kWed, hm(9), hm(17)),
       {meeting(hm(19, 30), hm(20, 15), false)}, true, false, Status::kept},
      {"calendar meetings inside", kWed, std::nullopt, {meeting(hm(10), hm(11))}, true, false, Status::kept},
      {"tracked activity inside", kWed, std::nullopt, {activity(hm(9, 15), hm(12)), activity(hm(13), hm(17))}, false,
       true, Status::kept},
      {"tracked activity late", kWed, std::nullopt, {activity(hm(9), hm(12)), activity(hm(21), hm(22))}, false, true,
       Status::broken, "21:00-22:00"},
      {"Saturday is not a window day", kSat, worked(kSat, hm(8), hm(20)), {}, false, false, std::nullopt},
      {"Sunday is not a window day", kSun, std::nullopt, {}, false, false, std::nullopt},
  });
}

TEST(EvaluateNoWeekendWork, Table) {
  const Boundary b = default_boundary(BoundaryType::no_weekend_work);
  run_cases(b, {
      {"Saturday off", kSat, off_day(kSat), {}, false, false, Status::kept},
      {"Sunday off", kSun, off_day(kSun), {}, false, false, Status::kept},
      {"Saturday worked", kSat, worked(kSat, hm(10), hm(12)), {}, false, false, Status::broken, "2.0 h"},
      {"Sunday worked", kSun, worked(kSun, hm(14), hm(15, 30)), {}, false, false, Status::broken},
      {"Saturday meeting", kSat, std::nullopt, {meeting(hm(10), hm(11))}, true, false, Status::broken, "meeting"},
      {"Saturday activity", kSat, std::nullopt, {activity(hm(20), hm(20, 30))}, false, true, Status::broken},
      {"Saturday, tracker saw nothing", kSat, std::nullopt, {}, false, true, Status::kept},
      {"Sunday without evidence", kSun, std::nullopt, {}, false, false, Status::unknown},
      {"Monday is not evaluated", kMon, worked(kMon, hm(9), hm(17)), {}, false, false, std::nullopt},
      {"Friday is not evaluated", kFri, std::nullopt, {}, false, false, std::nullopt},
  });
}

TEST(EvaluateNoWeekendWork, OffDayWithAfterHoursWorkIsBroken) {
  // A Saturday marked off, but with two hours of e-mail: finalize_checkin counts 120 worked minutes.
  const CheckIn c = off_day(kSat, 120);
  ASSERT_EQ(c.worked_minutes, 120);
  const Boundary b = default_boundary(BoundaryType::no_weekend_work);
  run_cases(b, {{"Saturday off with after-hours", kSat, c, {}, false, false, Status::broken}});
}

TEST(EvaluateMinBreak, Table) {
  const Boundary b = default_boundary(BoundaryType::min_break);  // 30 minutes
  run_cases(b, {
      {"break exactly the minimum", kWed, worked(kWed, hm(9), hm(17), 30), {}, false, false, Status::kept, "30 min"},
      {"longer break", kWed, worked(kWed, hm(9), hm(17), 60), {}, false, false, Status::kept},
      {"short break", kWed, worked(kWed, hm(9), hm(17), 29), {}, false, false, Status::broken, "29 min"},
      {"no break at all", kWed, worked(kWed, hm(9), hm(17), 0), {}, false, false, Status::broken},
      {"break not recorded", kWed, worked(kWed, hm(9), hm(17)), {}, false, false, Status::unknown},
      {"no evidence", kWed, std::nullopt, {}, false, false, Status::unknown},
      {"tracked pause long enough", kWed, std::nullopt, {activity(hm(9), hm(12)), activity(hm(12, 45), hm(17))},
       false, true, Status::kept, "45 min"},
      {"tracked pause too short", kWed, std::nullopt, {activity(hm(9), hm(12)), activity(hm(12, 10), hm(17))}, false,
       true, Status::broken, "10 min"},
      {"applies at the weekend too", kSat, worked(kSat, hm(10), hm(14), 45), {}, false, false, Status::kept},
      {"day off gives no result", kWed, off_day(kWed), {}, false, false, std::nullopt},
  });
}

TEST(EvaluateMinBreak, DayOffGivesNoResultButStillApplies) {
  // applies() is about the calendar; a day off is skipped by evaluate itself.
  const Boundary b = default_boundary(BoundaryType::min_break);
  const CheckIn c = off_day(kWed);
  DayEvidence d;
  d.date = kWed;
  d.checkin = &c;
  EXPECT_TRUE(applies(b, kWed));
  EXPECT_TRUE(evaluate({b}, {d}).empty());
}

TEST(EvaluateMeetingFree, Table) {
  const Boundary b = default_boundary(BoundaryType::meeting_free);  // Mon-Fri 12:00-13:00
  const CheckIn day = worked(kWed, hm(9), hm(17));
  run_cases(b, {
      {"meeting overlaps the end", kWed, day, {meeting(hm(12, 30), hm(13, 15))}, true, false, Status::broken,
       "meeting 12:30-13:15"},
      {"meeting overlaps the start", kWed, day, {meeting(hm(11, 30), hm(12, 1))}, true, false, Status::broken,
       "meeting"},
      {"meeting covers the window", kWed, day, {meeting(hm(11), hm(14))}, true, false, Status::broken, "meeting"},
      {"meeting inside the window", kWed, day, {meeting(hm(12, 15), hm(12, 45))}, true, false, Status::broken,
       "meeting"},
      {"meeting ends as the window starts", kWed, day, {meeting(hm(11), hm(12))}, true, false, Status::kept},
      {"meeting starts as the window ends", kWed, day, {meeting(hm(13), hm(14))}, true, false, Status::kept},
      {"free (not busy) meeting", kWed, day, {meeting(hm(12), hm(13), false)}, true, false, Status::kept},
      {"an event that is not a meeting", kWed, day, {Span{hm(12), hm(13), SpanKind::event, true}}, true, false,
       Status::kept},
      {"calendar without meetings", kWed, day, {}, true, false, Status::kept},
      {"no calendar", kWed, day, {}, false, false, Status::unknown},
      {"no calendar, activity only", kWed, std::nullopt, {activity(hm(12), hm(13))}, false, true, Status::unknown},
      {"Saturday is not a meeting-free day", kSat, std::nullopt, {meeting(hm(12), hm(13))}, true, false,
       std::nullopt},
  });
}

TEST(EvaluateNoMessagesAfter, Table) {
  const Boundary b = default_boundary(BoundaryType::no_messages_after);  // 19:00
  run_cases(b, {
      {"worked until after the time", kWed, worked(kWed, hm(9), hm(20, 10)), {}, false, false, Status::broken,
       "20:10"},
      {"finished exactly at the time", kWed, worked(kWed, hm(9), hm(19)), {}, false, false, Status::kept},
      {"finished early, no after-hours", kWed, worked(kWed, hm(9), hm(18)), {}, false, false, Status::kept, "18:00"},
      {"finished early, after-hours 0", kWed, worked(kWed, hm(9), hm(18), std::nullopt, 0), {}, false, false,
       Status::kept},
      {"after-hours at an unknown time", kWed, worked(kWed, hm(9), hm(17), std::nullopt, 30), {}, false, false,
       Status::unknown, "30 min"},
      {"overnight shift", kWed, worked(kWed, hm(22), hm(6)), {}, false, false, Status::broken},
      {"a late message", kWed, std::nullopt, {Span{hm(21), hm(21, 5), SpanKind::message, true}}, false, true,
       Status::broken, "message 21:00-21:05"},
      {"a late message beats an early finish", kWed, worked(kWed, hm(9), hm(17)),
       {Span{hm(21), hm(21, 5), SpanKind::message, true}}, false, true, Status::broken, "message"},
      {"tracked activity ends in time", kWed, std::nullopt, {activity(hm(9), hm(18))}, false, true, Status::kept},
      {"day off", kWed, off_day(kWed), {}, false, false, Status::kept},
      {"no evidence", kWed, std::nullopt, {}, false, false, Status::unknown},
      {"applies at the weekend too", kSun, worked(kSun, hm(18), hm(22)), {}, false, false, Status::broken},
  });
}

// --- the weekly cap needs a sequence of days -------------------------------------------------------

struct Week {
  std::vector<CheckIn> checkins;  // stable storage for the evidence pointers
  std::vector<DayEvidence> days;
};

// Days from `first` on, one per entry; a missing entry is a day without evidence.
Week week_of(Date first, const std::vector<std::optional<int>>& worked_per_day) {
  Week w;
  w.checkins.reserve(worked_per_day.size());
  for (size_t i = 0; i < worked_per_day.size(); ++i) {
    const Date d = add_days(first, static_cast<int>(i));
    if (worked_per_day[i]) w.checkins.push_back(worked(d, hm(8), hm(8) + *worked_per_day[i]));
  }
  size_t next = 0;
  for (size_t i = 0; i < worked_per_day.size(); ++i) {
    DayEvidence d;
    d.date = add_days(first, static_cast<int>(i));
    if (worked_per_day[i]) d.checkin = &w.checkins[next++];
    w.days.push_back(d);
  }
  return w;
}

std::vector<Status> statuses(const std::vector<Evaluation>& out) {
  std::vector<Status> s;
  for (const Evaluation& e : out) s.push_back(e.status);
  return s;
}

TEST(EvaluateWeeklyHoursCap, CrossingTheCapOnThursday) {
  const Boundary b = boundary(BoundaryType::weekly_hours_cap, {{"hours", "30"}});
  // 8 h a day: 8, 16, 24, 32 (> 30 on Thursday), 40.
  const Week w = week_of(kMon, {480, 480, 480, 480, 480});
  const auto out = evaluate({b}, w.days);
  ASSERT_EQ(out.size(), 5u);
  const std::vector<Status> want = {Status::kept, Status::kept, Status::kept, Status::broken, Status::broken};
  EXPECT_EQ(statuses(out), want);
  EXPECT_NE(out[3].evidence.find("32.0 h"), std::string::npos) << out[3].evidence;
  EXPECT_NE(out[3].evidence.find("Thu"), std::string::npos) << out[3].evidence;
}

TEST(EvaluateWeeklyHoursCap, ReachingTheCapExactlyIsKept) {
  const Boundary b = boundary(BoundaryType::weekly_hours_cap, {{"hours", "32"}});
  const Week w = week_of(kMon, {480, 480, 480, 480, 1});
  const std::vector<Status> want = {Status::kept, Status::kept, Status::kept, Status::kept, Status::broken};
  EXPECT_EQ(statuses(evaluate({b}, w.days)), want);
}

TEST(EvaluateWeeklyHoursCap, DayWithoutEvidenceUnderTheCapIsUnknown) {
  const Boundary b = boundary(BoundaryType::weekly_hours_cap, {{"hours", "40"}});
  const Week w = week_of(kMon, {480, std::nullopt, 480});
  const std::vector<Status> want = {Status::kept, Status::unknown, Status::kept};
  EXPECT_EQ(statuses(evaluate({b}, w.days)), want);
}

TEST(EvaluateWeeklyHoursCap, ResetsOnMonday) {
  const Boundary b = boundary(BoundaryType::weekly_hours_cap, {{"hours", "10"}});
  // Mon..Sun of one week, then Monday of the next: 6 h a day.
  const Week w = week_of(kMon, {360, 360, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 360});
  const auto out = evaluate({b}, w.days);
  ASSERT_EQ(out.size(), 8u);
  EXPECT_EQ(out[0].status, Status::kept);    // 6 h
  EXPECT_EQ(out[1].status, Status::broken);  // 12 h
  EXPECT_EQ(out[7].date, add_days(kMon, 7));
  EXPECT_EQ(out[7].status, Status::kept);    // a new week: 6 h
}

TEST(EvaluateWeeklyHoursCap, CountsTrackedActivityWithoutCheckin) {
  const Boundary b = boundary(BoundaryType::weekly_hours_cap, {{"hours", "5"}});
  DayEvidence mon;
  mon.date = kMon;
  mon.has_activity = true;
  mon.spans = {activity(hm(9), hm(12)), activity(hm(13), hm(15))};  // 5 h
  DayEvidence tue;
  tue.date = kTue;
  tue.has_activity = true;
  tue.spans = {activity(hm(9), hm(9, 1))};
  EXPECT_EQ(worked_minutes(mon), 300);
  const std::vector<Status> want = {Status::kept, Status::broken};
  EXPECT_EQ(statuses(evaluate({b}, {mon, tue})), want);
}

// --- properties over every type --------------------------------------------------------------------

TEST(Evaluate, NoEvidenceIsNeverKept) {
  for (BoundaryType t : kAllTypes) {
    const Boundary b = default_boundary(t);
    std::vector<DayEvidence> days;
    for (int i = 0; i < 14; ++i) {
      DayEvidence d;
      d.date = add_days(kMon, i);
      days.push_back(d);
    }
    const auto out = evaluate({b}, days);
    EXPECT_FALSE(out.empty()) << to_string(t);
    for (const Evaluation& e : out) {
      EXPECT_NE(e.status, Status::kept) << to_string(t) << " " << to_string(e.date) << ": " << e.evidence;
      EXPECT_EQ(e.status, Status::unknown) << to_string(t) << " " << to_string(e.date) << ": " << e.evidence;
      EXPECT_FALSE(e.evidence.empty()) << to_string(t);
    }
  }
}

// A fortnight of mixed evidence used by the properties below.
struct Fortnight {
  std::vector<CheckIn> checkins;
  std::vector<DayEvidence> days;
};

Fortnight mixed_fortnight() {
  Fortnight f;
  f.checkins.reserve(14);
  for (int i = 0; i < 14; ++i) {
    const Date d = add_days(kMon, i);
    switch (i % 5) {
      case 0: f.checkins.push_back(worked(d, hm(9), hm(17, 30), 30)); break;
      case 1: f.checkins.push_back(worked(d, hm(8), hm(20), 10, 45)); break;
      case 2: f.checkins.push_back(off_day(d)); break;
      case 3: f.checkins.push_back(worked(d, hm(22), hm(6))); break;
      default: break;  // no check-in
    }
  }
  size_t next = 0;
  for (int i = 0; i < 14; ++i) {
    DayEvidence d;
    d.date = add_days(kMon, i);
    if (i % 5 != 4) d.checkin = &f.checkins[next++];
    if (i % 3 == 0) {
      d.has_calendar = true;
      d.spans.push_back(meeting(hm(12, 15), hm(12, 45)));
    }
    if (i % 4 == 1) {
      d.has_activity = true;
      d.spans.push_back(activity(hm(9), hm(11)));
      d.spans.push_back(activity(hm(19, 30), hm(21)));
    }
    f.days.push_back(d);
  }
  return f;
}

std::vector<Boundary> all_boundaries() {
  std::vector<Boundary> out;
  Id id = 1;
  for (BoundaryType t : kAllTypes) out.push_back(default_boundary(t, id++));
  return out;
}

TEST(Evaluate, EveryResultHasEvidence) {
  const Fortnight f = mixed_fortnight();
  const auto out = evaluate(all_boundaries(), f.days);
  ASSERT_FALSE(out.empty());
  for (const Evaluation& e : out)
    EXPECT_FALSE(e.evidence.empty()) << to_string(e.type) << " " << to_string(e.date) << " " << to_string(e.status);
}

TEST(Evaluate, ResultsAreSortedByDate) {
  const Fortnight f = mixed_fortnight();
  const auto out = evaluate(all_boundaries(), f.days);
  ASSERT_GT(out.size(), 14u);
  EXPECT_TRUE(std::is_sorted(out.begin(), out.end(),
                             [](const Evaluation& a, const Evaluation& b) { return a.date < b.date; }));
  // Every boundary appears on every date it applies to, exactly once.
  for (const Boundary& b : all_boundaries())
    for (const DayEvidence& d : f.days) {
      const auto n = std::count_if(out.begin(), out.end(), [&](const Evaluation& e) {
        return e.boundary_id == b.id && e.date == d.date;
      });
      const bool skipped_day_off = b.type == BoundaryType::min_break && d.checkin && d.checkin->off;
      EXPECT_EQ(n, applies(b, d.date) && !skipped_day_off ? 1 : 0) << to_string(b.type) << " " << to_string(d.date);
    }
}

TEST(Applies, ByType) {
  const Boundary window = boundary(BoundaryType::work_window, {{"days", "Mon,Wed"}, {"from", "09:00"}, {"to", "17:00"}});
  const Boundary weekend = default_boundary(BoundaryType::no_weekend_work);
  const Boundary cap = default_boundary(BoundaryType::weekly_hours_cap);
  for (int i = 0; i < 7; ++i) {
    const Date d = add_days(kMon, i);
    EXPECT_EQ(applies(window, d), i == 0 || i == 2) << i;
    EXPECT_EQ(applies(weekend, d), i >= 5) << i;
    EXPECT_TRUE(applies(cap, d)) << i;
  }
}

TEST(WorkedMinutes, OffDayAfterHoursCount) {
  const CheckIn c = off_day(kSat, 90);
  ASSERT_EQ(c.worked_minutes, 90);
  DayEvidence d;
  d.date = kSat;
  d.checkin = &c;
  EXPECT_EQ(worked_minutes(d), 90);
}

TEST(WorkedMinutes, CheckinWinsOverActivity) {
  const CheckIn c = worked(kWed, hm(9), hm(10));
  DayEvidence d;
  d.date = kWed;
  d.spans = {activity(hm(9), hm(12)), meeting(hm(13), hm(14))};
  d.has_activity = true;
  EXPECT_EQ(worked_minutes(d), 180);  // meetings are not activity time
  d.checkin = &c;
  EXPECT_EQ(worked_minutes(d), 60);
}

}  // namespace
}  // namespace headway::core
