#include "core/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

const Date kWeek = make_date(2026, 11, 23);  // a Monday, ISO week 2026-W48
const Date kSunday = add_days(kWeek, 6);

Zone berlin() {
  auto z = Zone::find("Europe/Berlin");
  EXPECT_TRUE(z);
  return z ? *z : Zone::utc();
}

struct Day {
  Date date;
  bool off = false;
  int start = 9 * 60, end = 17 * 60;
  std::optional<int> brk = std::nullopt, after = std::nullopt;
  int stress = 3, energy = 3;
  bool progress = false, setback = false;
};

CheckIn checkin(const Day& d) {
  CheckIn c;
  c.person_id = 1;
  c.date = d.date;
  c.off = d.off;
  if (!d.off) {
    c.start = TimeOfDay{d.start};
    c.end = TimeOfDay{d.end};
  }
  c.break_minutes = d.brk;
  c.after_hours = d.after;
  c.stress = d.stress;
  c.energy = d.energy;
  c.progress = d.progress;
  c.setback = d.setback;
  const auto r = finalize_checkin(c, berlin());
  EXPECT_TRUE(r) << to_string(d.date) << ": " << (r ? "" : r.error().message);
  return c;
}

ReportInput base_input() {
  ReportInput in;
  in.person.id = 1;
  in.person.name = "Ada";
  in.person.timezone = "Europe/Berlin";
  in.week = kWeek;
  in.today = kSunday;
  return in;
}

// The report's week, written out by hand, after 23 plain days (stress 3, energy 3) before it.
//   Mon 09:00-17:30, 30 min break            480 min  stress 2 energy 4  progress
//   Tue 08:00-19:00, 60 min break, 30 after  630 min  stress 4 energy 2  setback
//   Wed 09:00-17:00, 30 min break            450 min  stress 3 energy 3  progress
//   Thu no check-in
//   Fri 09:00-15:00, 15 after                375 min  stress 1 energy 5
//   Sat off                                           stress 1 energy 4
//   Sun off                                           stress 2 energy 4
std::vector<CheckIn> thirty_days() {
  std::vector<CheckIn> out;
  for (int i = -23; i < 0; ++i) out.push_back(checkin(Day{add_days(kWeek, i)}));
  out.push_back(checkin({kWeek, false, 9 * 60, 17 * 60 + 30, 30, std::nullopt, 2, 4, true, false}));
  out.push_back(checkin({add_days(kWeek, 1), false, 8 * 60, 19 * 60, 60, 30, 4, 2, false, true}));
  out.push_back(checkin({add_days(kWeek, 2), false, 9 * 60, 17 * 60, 30, std::nullopt, 3, 3, true, false}));
  out.push_back(checkin({add_days(kWeek, 4), false, 9 * 60, 15 * 60, std::nullopt, 15, 1, 5, false, false}));
  out.push_back(checkin({add_days(kWeek, 5), true, 0, 0, std::nullopt, std::nullopt, 1, 4, false, false}));
  out.push_back(checkin({add_days(kWeek, 6), true, 0, 0, std::nullopt, std::nullopt, 2, 4, false, false}));
  return out;
}

bool has_word(std::string text, const std::string& word) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string::npos) {
    const bool start = pos == 0 || !std::isalpha(static_cast<unsigned char>(text[pos - 1]));
    const size_t end = pos + word.size();
    const bool stop = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (start && stop) return true;
    pos = end;
  }
  return false;
}

const Insight* insight(const WeeklyReport& r, const std::string& id) {
  for (const Insight& i : r.insights)
    if (i.id == id) return &i;
  return nullptr;
}

TEST(WeeklyReport, HeaderAndDays) {
  ReportInput in = base_input();
  in.checkins = thirty_days();
  const WeeklyReport r = build_weekly_report(in);
  EXPECT_EQ(r.person, "Ada");
  EXPECT_EQ(r.timezone, "Europe/Berlin");
  EXPECT_EQ(r.from, kWeek);
  EXPECT_EQ(r.to, kSunday);
  EXPECT_EQ(r.week_label, "2026-W48");
  ASSERT_EQ(r.days.size(), 7u);
  const std::vector<int> worked = {480, 630, 450, 0, 375, 0, 0};
  const std::vector<int> after = {0, 30, 0, 0, 15, 0, 0};
  const std::vector<bool> has = {true, true, true, false, true, true, true};
  const std::vector<bool> off = {false, false, false, false, false, true, true};
  for (int i = 0; i < 7; ++i) {
    SCOPED_TRACE(weekday_name(i));
    const ReportDay& d = r.days[static_cast<size_t>(i)];
    EXPECT_EQ(d.date, add_days(kWeek, i));
    EXPECT_EQ(d.has_checkin, has[static_cast<size_t>(i)]);
    EXPECT_EQ(d.off, off[static_cast<size_t>(i)]);
    EXPECT_EQ(d.worked_minutes, worked[static_cast<size_t>(i)]);
    EXPECT_EQ(d.after_hours, after[static_cast<size_t>(i)]);
  }
  EXPECT_EQ(r.days[1].stress, 4);
  EXPECT_EQ(r.days[1].energy, 2);
  EXPECT_TRUE(r.days[1].setback);
  EXPECT_TRUE(r.days[0].progress);
}

TEST(WeeklyReport, TotalsAndAverages) {
  ReportInput in = base_input();
  in.checkins = thirty_days();
  const WeeklyReport r = build_weekly_report(in);
  EXPECT_EQ(r.checkins, 6);
  EXPECT_EQ(r.worked_minutes, 480 + 630 + 450 + 375);
  EXPECT_EQ(r.after_hours_minutes, 45);
  EXPECT_EQ(r.setbacks, 1);
  EXPECT_EQ(r.progress_days, 2);
  ASSERT_TRUE(r.avg_stress && r.avg_energy);
  EXPECT_NEAR(*r.avg_stress, (2 + 4 + 3 + 1 + 1 + 2) / 6.0, 1e-12);
  EXPECT_NEAR(*r.avg_energy, (4 + 2 + 3 + 5 + 4 + 4) / 6.0, 1e-12);
  ASSERT_TRUE(r.prev_avg_stress && r.prev_avg_energy);
  EXPECT_DOUBLE_EQ(*r.prev_avg_stress, 3.0);
  EXPECT_DOUBLE_EQ(*r.prev_avg_energy, 3.0);
  ASSERT_EQ(r.stress_trend.size(), static_cast<size_t>(kTrendDays));
  ASSERT_EQ(r.energy_trend.size(), static_cast<size_t>(kTrendDays));
  EXPECT_EQ(r.stress_trend.back(), 2.0);          // Sunday
  EXPECT_EQ(r.stress_trend[kTrendDays - 4], std::nullopt);  // Thursday, no check-in
  EXPECT_EQ(r.energy_trend.front(), 3.0);         // 27 days before Sunday
}

TEST(WeeklyReport, EmptyWeek) {
  ReportInput in = base_input();
  const WeeklyReport r = build_weekly_report(in);
  EXPECT_EQ(r.checkins, 0);
  EXPECT_EQ(r.worked_minutes, 0);
  EXPECT_FALSE(r.avg_stress);
  EXPECT_FALSE(r.prev_avg_energy);
  ASSERT_EQ(r.days.size(), 7u);
  for (const ReportDay& d : r.days) EXPECT_FALSE(d.has_checkin);
  for (const Insight& i : r.insights) EXPECT_FALSE(i.c.clear()) << i.id;
}

TEST(WeeklyReport, BoundaryLines) {
  ReportInput in = base_input();
  in.checkins = thirty_days();
  Boundary window;
  window.id = 7;
  window.type = BoundaryType::work_window;
  window.from = TimeOfDay{9 * 60};
  window.to = TimeOfDay{17 * 60 + 30};
  Boundary labelled;
  labelled.id = 8;
  labelled.type = BoundaryType::no_weekend_work;
  labelled.label = "Weekends are for the family";
  in.boundaries = {window, labelled};
  const auto eval = [](Date d, Id id, Status s, const char* evidence) {
    return Evaluation{d, id, id == 7 ? BoundaryType::work_window : BoundaryType::no_weekend_work, s, evidence};
  };
  // This week: Mon kept, Tue broken, Wed kept, Thu unknown, Fri kept.
  in.evaluations = {
      eval(kWeek, 7, Status::kept, "worked 09:00-17:30"),
      eval(add_days(kWeek, 1), 7, Status::broken, "worked 08:00-19:00"),
      eval(add_days(kWeek, 2), 7, Status::kept, "worked 09:00-17:00"),
      eval(add_days(kWeek, 3), 7, Status::unknown, "no check-in or tracked data"),
      eval(add_days(kWeek, 4), 7, Status::kept, "worked 09:00-15:00"),
      eval(add_days(kWeek, 5), 8, Status::kept, "no work logged"),
      eval(add_days(kWeek, 6), 8, Status::kept, "no work logged"),
  };
  // The three weeks before: 10 kept and 5 broken days of the window; one more, too old to count.
  for (int i = 0; i < 15; ++i)
    in.evaluations.push_back(
        eval(add_days(kWeek, -21 + i), 7, i < 10 ? Status::kept : Status::broken, "earlier"));
  in.evaluations.push_back(eval(add_days(kWeek, -22), 7, Status::broken, "too old"));
  std::stable_sort(in.evaluations.begin(), in.evaluations.end(),
                   [](const Evaluation& a, const Evaluation& b) { return a.date < b.date; });

  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.boundaries.size(), 2u);
  const BoundaryLine& w = r.boundaries[0];
  EXPECT_EQ(w.id, 7);
  EXPECT_EQ(w.type, "work-window");
  EXPECT_EQ(w.description, describe(window));
  EXPECT_EQ(w.kept, 3);
  EXPECT_EQ(w.broken, 1);
  EXPECT_EQ(w.unknown, 1);
  ASSERT_EQ(w.days.size(), 7u);
  EXPECT_EQ(w.days[0], Status::kept);
  EXPECT_EQ(w.days[1], Status::broken);
  EXPECT_EQ(w.days[3], Status::unknown);
  EXPECT_EQ(w.days[5], std::nullopt);  // does not apply at the weekend
  EXPECT_EQ(w.days[6], std::nullopt);
  EXPECT_NEAR(w.four_week_rate, 13.0 / 19.0, 1e-12);  // (3 + 10) kept of (3 + 10) + (1 + 5)
  ASSERT_EQ(w.broken_evidence.size(), 1u);
  EXPECT_EQ(w.broken_evidence[0], "Tue: worked 08:00-19:00");

  const BoundaryLine& l = r.boundaries[1];
  EXPECT_EQ(l.description, "Weekends are for the family");  // the person's own words win
  EXPECT_EQ(l.kept, 2);
  EXPECT_DOUBLE_EQ(l.four_week_rate, 1.0);
  EXPECT_TRUE(l.broken_evidence.empty());

  // Stress on kept window days: ten earlier days at 3, then Mon 2, Wed 3, Fri 1 -> 36/13 = 2.8.
  // On broken days: five earlier days at 3, then Tue 4 -> 19/6 = 3.2. A gap of 0.3 or more is shown.
  ASSERT_EQ(r.helped.size(), 1u);
  const std::string& h = r.helped[0].text;
  EXPECT_NE(h.find(describe(window)), std::string::npos) << h;
  EXPECT_NE(h.find("2.8"), std::string::npos) << h;
  EXPECT_NE(h.find("3.2"), std::string::npos) << h;
}

TEST(WeeklyReport, BoundaryWithoutEvaluationsHasNoRate) {
  ReportInput in = base_input();
  Boundary b;
  b.id = 3;
  b.type = BoundaryType::min_break;
  b.minutes = 30;
  in.boundaries = {b};
  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.boundaries.size(), 1u);
  EXPECT_EQ(r.boundaries[0].four_week_rate, -1);
  EXPECT_EQ(r.boundaries[0].kept + r.boundaries[0].broken + r.boundaries[0].unknown, 0);
}

TEST(WeeklyReport, GoalStrengthLine) {
  ReportInput in = base_input();
  GoalHistory g;
  g.goal.id = 3;
  g.goal.title = "Leave on time";
  g.goal.frequency = Frequency{1, false};
  g.goal.start_date = add_days(kWeek, -20);
  for (Date d = g.goal.start_date; d <= kSunday; d = add_days(d, 1)) g.completions.push_back(d);  // 27 days
  StageEntry first;
  first.goal_id = 3;
  first.stage = Stage::contemplation;
  first.answer = StagingAnswer::within_6_months;
  first.date = g.goal.start_date;
  StageEntry second = first;
  second.stage = Stage::action;
  second.answer = StagingAnswer::doing_less_than_6_months;
  second.date = add_days(kWeek, 2);
  g.stages = {first, second};
  GoalHistory archived = g;
  archived.goal.id = 4;
  archived.goal.archived = true;
  in.goals = {g, archived};

  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.goals.size(), 1u);  // archived goals are left out
  const GoalLine& line = r.goals[0];
  EXPECT_EQ(line.id, 3);
  EXPECT_EQ(line.title, "Leave on time");
  EXPECT_EQ(line.frequency, "daily");
  EXPECT_EQ(line.stage, Stage::action);
  EXPECT_FALSE(line.restage_due);
  // 27 straight days from zero: 1 - m^27, with m = 0.5^(1/13).
  const double m = std::pow(0.5, 1.0 / 13.0);
  EXPECT_NEAR(line.strength, 100 * (1 - std::pow(m, 27)), 1e-9);
  EXPECT_NEAR(line.strength_change, 100 * (std::pow(m, 20) - std::pow(m, 27)), 1e-9);  // since day 20
  ASSERT_EQ(line.trend.size(), static_cast<size_t>(kTrendDays));
  EXPECT_DOUBLE_EQ(line.trend.front(), 0.0);  // the day before the goal began
  EXPECT_NEAR(line.trend[1], 100 * (1 - m), 1e-9);
  EXPECT_NEAR(line.trend.back(), line.strength, 1e-12);
  EXPECT_EQ(line.done_this_week, 7);
  EXPECT_EQ(line.target_this_week, 7);
  EXPECT_EQ(line.streak, 27);
  EXPECT_EQ(line.longest_streak, 27);
  EXPECT_FALSE(line.streak_in_weeks);

  ASSERT_EQ(r.stage_changes.size(), 1u);
  EXPECT_EQ(r.stage_changes[0].goal_id, 3);
  EXPECT_EQ(r.stage_changes[0].date, add_days(kWeek, 2));
  EXPECT_EQ(r.stage_changes[0].from, Stage::contemplation);
  EXPECT_EQ(r.stage_changes[0].to, Stage::action);
}

TEST(WeeklyReport, RestageDueAfterThirtyDays) {
  ReportInput in = base_input();
  GoalHistory g;
  g.goal.id = 5;
  g.goal.title = "Walk at lunch";
  g.goal.frequency = Frequency{3, true};
  g.goal.start_date = add_days(kSunday, -40);
  StageEntry e;
  e.goal_id = 5;
  e.stage = Stage::preparation;
  e.date = add_days(kSunday, -30);
  g.stages = {e};
  in.goals = {g};
  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.goals.size(), 1u);
  EXPECT_TRUE(r.goals[0].restage_due);
  EXPECT_EQ(r.goals[0].target_this_week, 3);
  EXPECT_TRUE(r.goals[0].streak_in_weeks);
  EXPECT_DOUBLE_EQ(r.goals[0].strength, 0.0);
}

TEST(WeeklyReport, AssessmentChanges) {
  ReportInput in = base_input();
  Assessment before;
  before.instrument_id = "balance-check";
  before.date = add_days(kWeek, -28);
  before.scores = {{"balance", 40, "moderate", false}, {"detachment", 50, "moderate", false}};
  Assessment after = before;
  after.date = add_days(kWeek, 1);
  after.scores = {{"balance", 55, "moderate", false}, {"detachment", 45, "moderate", false}};
  Assessment future = before;  // after the week: not shown
  future.date = add_days(kSunday, 1);
  future.scores = {{"balance", 90, "good", false}};
  in.assessments = {before, after, future};
  const WeeklyReport r = build_weekly_report(in);
  ASSERT_EQ(r.assessments.size(), 2u);
  EXPECT_EQ(r.assessments[0].scale, "balance");
  EXPECT_DOUBLE_EQ(r.assessments[0].score, 55);
  ASSERT_TRUE(r.assessments[0].change);
  EXPECT_DOUBLE_EQ(*r.assessments[0].change, 15);
  EXPECT_TRUE(r.assessments[0].meaningful);
  EXPECT_EQ(r.assessments[1].scale, "detachment");
  EXPECT_DOUBLE_EQ(*r.assessments[1].change, -5);
  EXPECT_FALSE(r.assessments[1].meaningful);
}

// --- insights --------------------------------------------------------------------------------------

TEST(WeeklyReportInsights, FewerThanFourteenDaysIsNotEnoughData) {
  ReportInput in = base_input();
  for (int i = -9; i <= 0; ++i) in.checkins.push_back(checkin({add_days(kSunday, i), false, 9 * 60, 17 * 60,
                                                               std::nullopt, (i + 9) * 10, 3, 5 + i / 2}));
  const WeeklyReport r = build_weekly_report(in);
  const Insight* ins = insight(r, "after-hours-next-energy");
  ASSERT_NE(ins, nullptr);
  EXPECT_EQ(ins->c.n, 9);  // ten days make nine pairs of (day, next day)
  EXPECT_FALSE(ins->c.enough_data);
  EXPECT_FALSE(ins->c.clear());
  EXPECT_NE(ins->sentence.find("Not enough data"), std::string::npos) << ins->sentence;
  for (const Insight& i : r.insights) {
    EXPECT_FALSE(i.c.clear()) << i.id;
    EXPECT_FALSE(i.question.empty()) << i.id;
    EXPECT_FALSE(i.sentence.empty()) << i.id;
  }
}

// 60 days ending on the report's Sunday. After-hours minutes vary; the next day's energy is an exact
// decreasing function of them: 5 - minutes/30 (integer division), so 0-29 min -> 5 ... 120 min -> 1.
std::vector<CheckIn> sixty_days_energy_follows_after_hours() {
  std::vector<int> minutes;
  for (int i = 0; i < 60; ++i) minutes.push_back((i * 37) % 121);
  std::vector<CheckIn> out;
  for (int i = 0; i < 60; ++i) {
    const int energy = i == 0 ? 3 : 5 - minutes[static_cast<size_t>(i - 1)] / 30;
    // Ends before the person's 17:30, so after-hours minutes are the whole of the late work.
    out.push_back(checkin({add_days(kSunday, i - 59), false, 9 * 60, 17 * 60, 30, minutes[static_cast<size_t>(i)],
                           2 + i % 3, energy}));
  }
  return out;
}

TEST(WeeklyReportInsights, AfterHoursAndNextDayEnergy) {
  ReportInput in = base_input();
  in.checkins = sixty_days_energy_follows_after_hours();
  const WeeklyReport r = build_weekly_report(in);
  const Insight* ins = insight(r, "after-hours-next-energy");
  ASSERT_NE(ins, nullptr);
  EXPECT_EQ(ins->c.n, 59);
  EXPECT_TRUE(ins->c.enough_data);
  EXPECT_LT(ins->c.rho, -0.9);
  EXPECT_LT(ins->c.hi, 0);
  EXPECT_TRUE(ins->c.clear());
  EXPECT_NE(ins->sentence.find("lower"), std::string::npos) << ins->sentence;
}

TEST(WeeklyReportInsights, SentencesAreNeverCausal) {
  std::vector<ReportInput> inputs(3, base_input());
  inputs[0].checkins = thirty_days();
  inputs[1].checkins = sixty_days_energy_follows_after_hours();
  for (int i = 0; i < 40; ++i)  // strongly patterned data for every insight
    inputs[2].checkins.push_back(checkin({add_days(kSunday, i - 39), false, 9 * 60, 17 * 60 + (i % 5) * 20,
                                          10 + (i % 5) * 10, (i % 5) * 15, 1 + i % 5, 5 - i % 5, i % 2 == 0}));
  for (const ReportInput& in : inputs) {
    const WeeklyReport r = build_weekly_report(in);
    ASSERT_EQ(r.insights.size(), 5u);
    for (const Insight& i : r.insights) {
      SCOPED_TRACE(i.id + ": " + i.sentence);
      for (const char* word : {"because", "causes", "caused", "causing", "leads", "makes"})
        EXPECT_FALSE(has_word(i.sentence, word)) << word;
      if (i.c.clear()) {
        EXPECT_NE(i.sentence.find("not proof"), std::string::npos);
      }
    }
    for (const Helped& h : r.helped)
      for (const char* word : {"because", "causes", "caused"}) EXPECT_FALSE(has_word(h.text, word)) << h.text;
  }
}

// The week's signals from imported evidence: a few hand-made days.
std::vector<DailySignals> evidence_week(bool calendar) {
  std::vector<DailySignals> days(7);
  for (int i = 0; i < 7; ++i) {
    days[i].date = add_days(kWeek, i);
    days[i].has_calendar = calendar;
  }
  days[0].work_minutes = 60;  // Mon: ends 17:30 exactly, the work hours' end: not past it
  days[0].meeting_minutes = 60;
  days[0].longest_focus_minutes = 240;
  days[0].first_activity = TimeOfDay{16 * 60 + 30};
  days[0].last_activity = TimeOfDay{17 * 60 + 30};
  days[1].work_minutes = 150;  // Tue: until 19:00, 90 after hours, all meetings
  days[1].after_hours_minutes = 90;
  days[1].meeting_minutes = 150;
  days[1].after_hours_meeting_minutes = 90;
  days[1].longest_focus_minutes = 300;
  days[1].first_activity = TimeOfDay{16 * 60 + 30};
  days[1].last_activity = TimeOfDay{19 * 60};
  days[5].work_minutes = 45;  // Sat: after hours all day, but not a work-hours day, so not "past the end"
  days[5].after_hours_minutes = 45;
  days[5].weekend_minutes = 45;
  days[5].first_activity = TimeOfDay{20 * 60};
  days[5].last_activity = TimeOfDay{20 * 60 + 45};
  return days;
}

TEST(WeeklyReportEvidence, SummaryOfTheWeek) {
  const WorkHours hours;  // Mon-Fri 09:00-17:30
  const EvidenceWeek e = summarize_evidence(evidence_week(true), hours);
  EXPECT_EQ(e.work_minutes, 255);
  EXPECT_EQ(e.after_hours_minutes, 135);
  EXPECT_EQ(e.meeting_minutes, 210);
  EXPECT_EQ(e.after_hours_meeting_minutes, 90);
  EXPECT_EQ(e.longest_focus_minutes, 300);
  EXPECT_EQ(e.days_past_end, 1);
  EXPECT_EQ(summarize_evidence({}, hours), EvidenceWeek{});
}

TEST(WeeklyReportEvidence, SignalsOnlyWhenASourceCoversTheWeek) {
  ReportInput in = base_input();
  EXPECT_TRUE(build_weekly_report(in).signals.empty());
  in.signals = evidence_week(false);  // nothing covers any day: nothing known, not zeros
  WeeklyReport r = build_weekly_report(in);
  EXPECT_TRUE(r.signals.empty());
  EXPECT_FALSE(r.evidence);

  in.signals = evidence_week(false);
  in.signals[6].has_activity = true;  // one covered day is enough to show the week
  r = build_weekly_report(in);
  EXPECT_EQ(r.signals, in.signals);
  ASSERT_TRUE(r.evidence);
  EXPECT_EQ(*r.evidence, summarize_evidence(in.signals, in.person.work_hours));
  EXPECT_EQ(r.evidence->work_minutes, 255);
}

TEST(FormatMinutes, Table) {
  struct Case {
    int minutes;
    const char* text;
  };
  const std::vector<Case> cases = {{0, "0 min"}, {5, "5 min"}, {59, "59 min"}, {60, "1 h 00 min"},
                                   {125, "2 h 05 min"}, {1935, "32 h 15 min"}};
  for (const Case& c : cases) EXPECT_EQ(format_minutes(c.minutes), c.text);
}

}  // namespace
}  // namespace headway::core
