// A check-in without recorded times (stress, energy and a note from a mood diary, no start, end or
// --off): only importers may write one, it is no evidence about work for any boundary, and hours
// statistics leave it out instead of counting 0.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checkin.hpp"
#include "core/evaluator.hpp"
#include "core/report.hpp"

namespace headway::core {
namespace {

const Date kMon = make_date(2026, 11, 23);
const Date kWed = add_days(kMon, 2);
const Date kSat = add_days(kMon, 5);

constexpr int hm(int h, int m = 0) { return h * 60 + m; }

CheckIn untimed(Date d, int stress = 3, int energy = 3) {
  CheckIn c;
  c.date = d;
  c.stress = stress;
  c.energy = energy;
  const auto r = finalize_checkin(c, Zone::utc(), CheckinMode::times_optional);
  EXPECT_TRUE(r) << to_string(d) << ": " << (r ? "" : r.error().message);
  return c;
}

CheckIn worked(Date d, int start, int end, std::optional<int> brk = std::nullopt, int stress = 3, int energy = 3) {
  CheckIn c;
  c.date = d;
  c.start = TimeOfDay{start};
  c.end = TimeOfDay{end};
  c.break_minutes = brk;
  c.stress = stress;
  c.energy = energy;
  const auto r = finalize_checkin(c, Zone::utc());
  EXPECT_TRUE(r) << to_string(d) << ": " << (r ? "" : r.error().message);
  return c;
}

Boundary boundary(BoundaryType t, const std::map<std::string, std::string>& params) {
  auto b = make_boundary(t, params);
  EXPECT_TRUE(b) << to_string(t);
  Boundary out = b.value_or(Boundary{});
  out.id = 1;
  return out;
}

// Every type, applying on every day of the week.
std::vector<Boundary> every_type() {
  return {boundary(BoundaryType::work_window, {{"days", "Mon-Sun"}, {"from", "09:00"}, {"to", "17:30"}}),
          boundary(BoundaryType::no_weekend_work, {}),
          boundary(BoundaryType::weekly_hours_cap, {{"hours", "40"}}),
          boundary(BoundaryType::min_break, {{"minutes", "30"}}),
          boundary(BoundaryType::meeting_free, {{"days", "Mon-Sun"}, {"from", "12:00"}, {"to", "13:00"}}),
          boundary(BoundaryType::no_messages_after, {{"time", "19:00"}})};
}

std::optional<Evaluation> one(const Boundary& b, const DayEvidence& d) {
  const auto out = evaluate({b}, {d});
  if (out.empty()) return std::nullopt;
  EXPECT_EQ(out.size(), 1u);
  return out.front();
}

// --- finalize_checkin -------------------------------------------------------------------------------

TEST(UntimedCheckinFinalize, OrdinaryInputStillNeedsTimesOrOff) {
  CheckIn c;
  c.date = kWed;
  const auto r = finalize_checkin(c, Zone::utc());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "start");
  EXPECT_EQ(r.error().message, "required (or use --off for a day without work)");
}

TEST(UntimedCheckinFinalize, ImportersMayLeaveTheTimesOut) {
  CheckIn c = untimed(kWed, 4, 2);
  EXPECT_FALSE(c.off);
  EXPECT_FALSE(has_times(c));
  EXPECT_FALSE(times_recorded(c));
  EXPECT_EQ(c.worked_minutes, 0);
  EXPECT_EQ(c.stress, 4);
  EXPECT_EQ(c.energy, 2);

  const CheckIn day = worked(kWed, hm(9), hm(17));
  EXPECT_TRUE(has_times(day));
  EXPECT_TRUE(times_recorded(day));
  CheckIn off;
  off.date = kWed;
  off.off = true;
  ASSERT_TRUE(finalize_checkin(off, Zone::utc()));
  EXPECT_FALSE(has_times(off));
  EXPECT_TRUE(times_recorded(off));  // a day off says how long was worked: not at all
}

TEST(UntimedCheckinFinalize, RefusesWhatNeedsTimesAndNamesTheField) {
  struct Case {
    const char* name;
    void (*change)(CheckIn&);
    const char* field;
  };
  const std::vector<Case> cases = {
      {"after-hours minutes", [](CheckIn& c) { c.after_hours = 30; }, "after_hours"},
      {"after-hours 0", [](CheckIn& c) { c.after_hours = 0; }, "after_hours"},
      {"a break", [](CheckIn& c) { c.break_minutes = 30; }, "break"},
      {"a start without an end", [](CheckIn& c) { c.start = TimeOfDay{hm(9)}; }, "end"},
      {"an end without a start", [](CheckIn& c) { c.end = TimeOfDay{hm(17)}; }, "start"},
      {"stress out of range", [](CheckIn& c) { c.stress = 0; }, "stress"},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    CheckIn c;
    c.date = kWed;
    k.change(c);
    const auto r = finalize_checkin(c, Zone::utc(), CheckinMode::times_optional);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, k.field) << r.error().message;
  }
}

TEST(UntimedCheckinFinalize, TimesOptionalChangesNothingForTimedOrOffDays) {
  for (const CheckinMode mode : {CheckinMode::times_required, CheckinMode::times_optional}) {
    CheckIn c;
    c.date = kWed;
    c.start = TimeOfDay{hm(9)};
    c.end = TimeOfDay{hm(17, 30)};
    c.break_minutes = 30;
    ASSERT_TRUE(finalize_checkin(c, Zone::utc(), mode));
    EXPECT_EQ(c.worked_minutes, 480);
    CheckIn off;
    off.date = kWed;
    off.off = true;
    off.after_hours = 20;
    ASSERT_TRUE(finalize_checkin(off, Zone::utc(), mode));
    EXPECT_EQ(off.worked_minutes, 20);
    off.start = TimeOfDay{hm(9)};
    const auto r = finalize_checkin(off, Zone::utc(), mode);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "off");
  }
}

// --- the evaluator ----------------------------------------------------------------------------------

TEST(UntimedCheckinEvaluator, EveryTypeIsUnknownAsWithoutACheckin) {
  for (const Date date : {kWed, kSat}) {
    const CheckIn c = untimed(date, 1, 5);
    for (const Boundary& b : every_type()) {
      SCOPED_TRACE(std::string(to_string(b.type)) + " " + to_string(date));
      if (!applies(b, date)) continue;  // no-weekend-work on the Wednesday
      DayEvidence without;
      without.date = date;
      DayEvidence with = without;
      with.checkin = &c;
      const auto got = one(b, with);
      const auto want = one(b, without);
      ASSERT_TRUE(got.has_value()) << "min-break skips days off, not days without times";
      ASSERT_TRUE(want.has_value());
      EXPECT_EQ(got->status, Status::unknown) << got->evidence;
      EXPECT_EQ(got->status, want->status);
      EXPECT_FALSE(got->evidence.empty());
    }
  }
}

TEST(UntimedCheckinEvaluator, ImportedEvidenceStillApplies) {
  const CheckIn c = untimed(kWed);
  DayEvidence d;
  d.date = kWed;
  d.checkin = &c;
  d.has_calendar = true;
  d.has_activity = true;
  d.spans = {Span{hm(9), hm(12), SpanKind::activity, true}, Span{hm(12, 15), hm(12, 45), SpanKind::meeting, true},
             Span{hm(13), hm(20), SpanKind::activity, true}};
  std::map<BoundaryType, Status> got;
  for (const Boundary& b : every_type())
    if (const auto e = one(b, d)) got[b.type] = e->status;
  EXPECT_EQ(got[BoundaryType::work_window], Status::broken);        // active until 20:00
  EXPECT_EQ(got[BoundaryType::no_messages_after], Status::broken);  // the same
  EXPECT_EQ(got[BoundaryType::meeting_free], Status::broken);       // the 12:15 meeting
  EXPECT_EQ(got[BoundaryType::min_break], Status::broken);          // longest pause 15 min
  EXPECT_EQ(got[BoundaryType::weekly_hours_cap], Status::kept);     // 10 h of activity, known
  EXPECT_EQ(worked_minutes(d), 600);                                // the activity, not the check-in's 0
}

TEST(UntimedCheckinEvaluator, WeeklyCapDoesNotCountItsZeroAsKnownHours) {
  const Boundary cap = boundary(BoundaryType::weekly_hours_cap, {{"hours", "40"}});
  std::vector<CheckIn> checkins;
  for (int i = 0; i < 7; ++i) checkins.push_back(untimed(add_days(kMon, i)));
  std::vector<DayEvidence> days;
  for (int i = 0; i < 7; ++i) {
    DayEvidence d;
    d.date = add_days(kMon, i);
    d.checkin = &checkins[static_cast<size_t>(i)];
    days.push_back(d);
    EXPECT_EQ(worked_minutes(d), 0);
  }
  const auto out = evaluate({cap}, days);
  ASSERT_EQ(out.size(), 7u);
  for (const Evaluation& e : out) EXPECT_EQ(e.status, Status::unknown) << to_string(e.date) << ": " << e.evidence;

  // With one timed day in the week, that day is kept and the untimed ones stay unknown.
  const CheckIn tue = worked(add_days(kMon, 1), hm(9), hm(17));
  days[1].checkin = &tue;
  const auto mixed = evaluate({cap}, days);
  ASSERT_EQ(mixed.size(), 7u);
  EXPECT_EQ(mixed[0].status, Status::unknown);
  EXPECT_EQ(mixed[1].status, Status::kept);
  for (size_t i = 2; i < 7; ++i) EXPECT_EQ(mixed[i].status, Status::unknown) << mixed[i].evidence;
}

// --- the weekly report ------------------------------------------------------------------------------

bool insight_clear(const WeeklyReport& r, const std::string& id) {
  for (const Insight& i : r.insights)
    if (i.id == id) return i.c.clear();
  return false;
}

ReportInput week_input() {
  ReportInput in;
  in.person.id = 1;
  in.person.name = "Ada";
  in.person.timezone = "UTC";
  in.week = kMon;
  in.today = add_days(kMon, 6);
  return in;
}

TEST(UntimedCheckinReport, DaysShowMoodButNoHours) {
  ReportInput in = week_input();
  in.checkins = {worked(kMon, hm(9), hm(17), 30, 2, 4), untimed(add_days(kMon, 1), 5, 1)};
  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.days.size(), 7u);
  const ReportDay& tue = r.days[1];
  EXPECT_TRUE(tue.has_checkin);
  EXPECT_FALSE(tue.off);
  EXPECT_FALSE(tue.times_recorded);
  EXPECT_EQ(tue.worked_minutes, 0);
  EXPECT_EQ(tue.stress, 5);
  EXPECT_EQ(tue.energy, 1);
  EXPECT_TRUE(r.days[0].times_recorded);
  EXPECT_EQ(r.checkins, 2);
  EXPECT_EQ(r.worked_minutes, 450);
  EXPECT_DOUBLE_EQ(*r.avg_stress, 3.5);  // stress and energy still count
  EXPECT_DOUBLE_EQ(*r.avg_energy, 2.5);
}

TEST(UntimedCheckinReport, HoursStatisticsLeaveItOut) {
  // 30 timed days with rising hours and stress, then 30 untimed days of stress 1: counted as 0 h,
  // they would pull the hours-stress pairs to 60.
  ReportInput in = week_input();
  const Date end = add_days(kMon, 6);
  for (int i = 59; i >= 30; --i) in.checkins.push_back(untimed(add_days(end, -i), 1, 3));
  for (int i = 29; i >= 0; --i)
    in.checkins.push_back(worked(add_days(end, -i), hm(9), hm(12) + (29 - i) * 10, std::nullopt, 1 + (29 - i) / 6, 3));
  const WeeklyReport r = build_weekly_report(in);
  // Days with a next day: 29 timed ones (an untimed day's after-hours and finish are unknown).
  const std::map<std::string, int> want = {
      {"hours-stress", 30}, {"break-stress", 0}, {"progress-energy", 30},
      {"after-hours-next-energy", 29}, {"on-time-next-energy", 29}};
  for (const auto& [id, n] : want) {
    SCOPED_TRACE(id);
    const Insight* ins = nullptr;
    for (const Insight& i : r.insights)
      if (i.id == id) ins = &i;
    ASSERT_NE(ins, nullptr);
    EXPECT_EQ(ins->c.n, n);
  }
  EXPECT_TRUE(insight_clear(r, "hours-stress"));
}

}  // namespace
}  // namespace headway::core
