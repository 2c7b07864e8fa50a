#pragma once
// The weekly report: what happened this week and what the person's own data suggests.
#include <optional>
#include <string>
#include <vector>

#include "core/boundary.hpp"
#include "core/checkin.hpp"
#include "core/evaluator.hpp"
#include "core/instrument.hpp"
#include "core/signals.hpp"
#include "core/stage.hpp"
#include "core/stats.hpp"
#include "core/win.hpp"

namespace headway::core {

inline constexpr int kInsightWindowDays = 90;
inline constexpr int kTrendDays = 28;

struct GoalHistory {
  Goal goal;
  std::vector<Date> completions;  // sorted; manual and boundary-derived
  std::vector<StageEntry> stages; // oldest first
};

// Everything the report reads; the service loads it in one transaction.
struct ReportInput {
  Person person;
  Date week;   // Monday
  Date today;  // the person's local today (days after it are "not yet")
  std::vector<CheckIn> checkins;        // kInsightWindowDays before the week's end, ascending
  std::vector<Boundary> boundaries;
  std::vector<Evaluation> evaluations;  // the week and the 3 weeks before it
  std::vector<Win> wins;                // this week's
  std::vector<GoalHistory> goals;
  std::vector<Reflection> reflections;  // ascending, the last 8 weeks
  std::vector<Assessment> assessments;  // ascending by date
  std::vector<DailySignals> signals;    // the week's days from imported evidence, Mon..Sun
};

struct ReportDay {
  Date date;
  bool has_checkin = false;
  bool off = false;
  bool times_recorded = true;  // false: the check-in has no working times, so the hours are unknown
  int worked_minutes = 0;      // 0 when the times are not recorded
  int after_hours = 0;
  int stress = 0;
  int energy = 0;
  bool progress = false;
  bool setback = false;
};

struct BoundaryLine {
  Id id = 0;
  std::string description;
  std::string type;
  int kept = 0, broken = 0, unknown = 0;    // this week
  std::vector<std::optional<Status>> days;  // Mon..Sun; nullopt = does not apply
  double four_week_rate = -1;               // kept / (kept+broken) over 4 weeks, -1 when none
  std::vector<std::string> broken_evidence; // this week, "Tue: worked until 20:10"
};

struct GoalLine {
  Id id = 0;
  std::string title;
  std::string frequency;
  std::optional<Stage> stage;  // empty until the goal is staged
  bool restage_due = false;
  double strength = 0;           // 0-100 at the week's end
  double strength_change = 0;    // points since the previous week's end
  std::vector<double> trend;     // 0-100, kTrendDays values ending at the week's end
  int done_this_week = 0;
  int target_this_week = 0;
  int streak = 0, longest_streak = 0;
  bool streak_in_weeks = false;
};

struct StageChange {
  Id goal_id = 0;
  std::string goal;
  Date date;
  std::optional<Stage> from;
  Stage to = Stage::contemplation;
  StageReason reason = StageReason::answered;
};

struct Insight {
  std::string id;
  std::string question;  // "Does after-hours work go with lower energy the next day?"
  Correlation c;
  std::string sentence;  // honest plain-language result
};

struct Helped {
  std::string text;  // "On days you kept 'No messages after 19:00', stress averaged 2.1 (3.4 otherwise)"
};

struct AssessmentLine {
  std::string instrument;
  std::string scale;
  Date date;
  double score = 0;
  std::string band;
  std::optional<double> change;  // since the previous assessment of this instrument
  bool meaningful = false;
  bool lowest_band = false;
};

// The week's imported evidence in a few figures; see summarize_evidence.
struct EvidenceWeek {
  int work_minutes = 0;
  int after_hours_minutes = 0;
  int meeting_minutes = 0;
  int after_hours_meeting_minutes = 0;
  int longest_focus_minutes = 0;  // the longest single focus block of the week
  int days_past_end = 0;          // work days whose last work ended after the work hours' end
  bool operator==(const EvidenceWeek&) const = default;
};

// Totals over `days`. A day counts towards days_past_end when it is one of the work-hours days
// and its last activity is later than their end.
EvidenceWeek summarize_evidence(const std::vector<DailySignals>& days, const WorkHours& hours);

struct WeeklyReport {
  std::string person;
  std::string timezone;
  Date from, to;
  std::string week_label;
  std::vector<ReportDay> days;
  int checkins = 0;
  int worked_minutes = 0;  // over the days whose check-in records times
  int after_hours_minutes = 0;
  std::optional<double> avg_stress, avg_energy;            // this week
  std::optional<double> prev_avg_stress, prev_avg_energy;  // the 3 weeks before
  std::vector<std::optional<double>> stress_trend, energy_trend;  // kTrendDays ending at the week's end
  std::vector<BoundaryLine> boundaries;
  std::vector<Win> wins;
  int setbacks = 0;
  int progress_days = 0;
  std::vector<GoalLine> goals;
  std::vector<StageChange> stage_changes;
  std::vector<std::pair<Date, int>> reflections;  // week, score
  std::vector<Insight> insights;
  std::vector<Helped> helped;
  std::vector<AssessmentLine> assessments;
  // Imported evidence: the 7 days Mon..Sun, or empty when no calendar or activity source covers
  // any of them; `evidence` is their summary, set exactly when `signals` is not empty.
  std::vector<DailySignals> signals;
  std::optional<EvidenceWeek> evidence;
};

WeeklyReport build_weekly_report(const ReportInput& in);

// "2 h 05 min"-style duration.
std::string format_minutes(int minutes);

}  // namespace headway::core
