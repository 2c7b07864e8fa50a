#include "core/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/habit.hpp"

namespace headway::core {
namespace {

std::optional<double> mean(const std::vector<double>& v) {
  if (v.empty()) return std::nullopt;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

std::string fmt2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string fmt1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Plain-language reading of a correlation; never causal.
std::string describe(const Correlation& c, const char* higher_x, const char* y_up, const char* y_down) {
  if (c.n < kMinPairedDays)
    return "Not enough data yet: " + std::to_string(c.n) + " paired days, " + std::to_string(kMinPairedDays) +
           " needed.";
  if (!c.enough_data) return "No clear pattern yet: one side did not vary over " + std::to_string(c.n) + " days.";
  const std::string stats =
      "(rho " + fmt2(c.rho) + ", 95% CI " + fmt2(c.lo) + " to " + fmt2(c.hi) + ", " + std::to_string(c.n) + " days)";
  if (!c.clear()) return "No clear pattern yet " + stats + ".";
  return std::string("On days with ") + higher_x + ", " + (c.rho > 0 ? y_up : y_down) + " " + stats +
         ". This is a pattern in your own data, not proof of cause.";
}

struct Series {
  std::map<int32_t, const CheckIn*> by_day;
  const CheckIn* at(Date d) const {
    auto it = by_day.find(d.days);
    return it == by_day.end() ? nullptr : it->second;
  }
};

}  // namespace

std::string format_minutes(int minutes) {
  char buf[32];
  if (minutes < 60) {
    std::snprintf(buf, sizeof buf, "%d min", minutes);
  } else {
    std::snprintf(buf, sizeof buf, "%d h %02d min", minutes / 60, minutes % 60);
  }
  return buf;
}

EvidenceWeek summarize_evidence(const std::vector<DailySignals>& days, const WorkHours& hours) {
  EvidenceWeek e;
  for (const DailySignals& d : days) {
    e.work_minutes += d.work_minutes;
    e.after_hours_minutes += d.after_hours_minutes;
    e.meeting_minutes += d.meeting_minutes;
    e.after_hours_meeting_minutes += d.after_hours_meeting_minutes;
    e.longest_focus_minutes = std::max(e.longest_focus_minutes, d.longest_focus_minutes);
    if (hours.days.contains(weekday(d.date)) && d.last_activity && *d.last_activity > hours.to) ++e.days_past_end;
  }
  return e;
}

WeeklyReport build_weekly_report(const ReportInput& in) {
  WeeklyReport r;
  r.person = in.person.name;
  r.timezone = in.person.timezone;
  r.from = in.week;
  r.to = add_days(in.week, 6);
  r.week_label = iso_week_label(in.week);
  Series s;
  for (const CheckIn& c : in.checkins) s.by_day[c.date.days] = &c;

  // --- the days of the week -------------------------------------------------------------------
  std::vector<double> stress, energy;
  for (int i = 0; i < 7; ++i) {
    ReportDay day;
    day.date = add_days(in.week, i);
    if (const CheckIn* c = s.at(day.date)) {
      day.has_checkin = true;
      day.off = c->off;
      day.times_recorded = times_recorded(*c);
      day.worked_minutes = c->worked_minutes;
      day.after_hours = c->after_hours.value_or(0);
      day.stress = c->stress;
      day.energy = c->energy;
      day.progress = c->progress;
      day.setback = c->setback;
      ++r.checkins;
      r.worked_minutes += day.worked_minutes;
      r.after_hours_minutes += day.after_hours;
      r.setbacks += c->setback;
      r.progress_days += c->progress;
      stress.push_back(c->stress);
      energy.push_back(c->energy);
    }
    r.days.push_back(day);
  }
  r.avg_stress = mean(stress);
  r.avg_energy = mean(energy);
  std::vector<double> ps, pe;
  for (Date d = add_days(in.week, -21); d < in.week; d = add_days(d, 1))
    if (const CheckIn* c = s.at(d)) {
      ps.push_back(c->stress);
      pe.push_back(c->energy);
    }
  r.prev_avg_stress = mean(ps);
  r.prev_avg_energy = mean(pe);
  for (Date d = add_days(r.to, 1 - kTrendDays); d <= r.to; d = add_days(d, 1)) {
    const CheckIn* c = s.at(d);
    r.stress_trend.push_back(c ? std::optional<double>(c->stress) : std::nullopt);
    r.energy_trend.push_back(c ? std::optional<double>(c->energy) : std::nullopt);
  }

  // --- boundaries -----------------------------------------------------------------------------
  const Date four_weeks = add_days(in.week, -21);
  for (const Boundary& b : in.boundaries) {
    BoundaryLine line;
    line.id = b.id;
    line.description = b.label.empty() ? describe(b) : b.label;
    line.type = to_string(b.type);
    line.days.assign(7, std::nullopt);
    int k4 = 0, b4 = 0;
    std::vector<double> kept_stress, broken_stress;
    for (const Evaluation& e : in.evaluations) {
      if (e.boundary_id != b.id || e.date < four_weeks || e.date > r.to) continue;
      k4 += e.status == Status::kept;
      b4 += e.status == Status::broken;
      if (const CheckIn* c = s.at(e.date)) {
        if (e.status == Status::kept) kept_stress.push_back(c->stress);
        if (e.status == Status::broken) broken_stress.push_back(c->stress);
      }
      if (e.date < in.week) continue;
      line.days[static_cast<size_t>(days_between(in.week, e.date))] = e.status;
      if (e.status == Status::kept) ++line.kept;
      if (e.status == Status::broken) {
        ++line.broken;
        line.broken_evidence.push_back(std::string(weekday_name(weekday(e.date))) + ": " + e.evidence);
      }
      if (e.status == Status::unknown) ++line.unknown;
    }
    if (k4 + b4 > 0) line.four_week_rate = static_cast<double>(k4) / (k4 + b4);
    if (kept_stress.size() >= 3 && broken_stress.size() >= 3) {
      const double ks = *mean(kept_stress), bs = *mean(broken_stress);
      if (bs - ks >= 0.3)
        r.helped.push_back({"On days you kept \"" + line.description + "\", stress averaged " + fmt1(ks) + " (" +
                            fmt1(bs) + " on days you did not), over the last 4 weeks."});
    }
    r.boundaries.push_back(std::move(line));
  }

  // --- wins and goals -------------------------------------------------------------------------
  r.wins = in.wins;
  std::sort(r.wins.begin(), r.wins.end(), [](const Win& a, const Win& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  for (const GoalHistory& g : in.goals) {
    if (g.goal.archived) continue;
    GoalLine line;
    line.id = g.goal.id;
    line.title = g.goal.title;
    line.frequency = to_string(g.goal.frequency);
    Date last_staged = g.goal.start_date;
    line.restage_due = false;
    for (const StageEntry& e : g.stages) {
      if (e.date > r.to) break;
      line.stage = e.stage;
      last_staged = e.date;
    }
    line.restage_due = line.stage && restage_due(last_staged, std::min(r.to, in.today));
    // Strength as of the week's end, or today for the current week: days to come are not misses.
    const Date until = std::min(r.to, in.today);
    const Date start = std::min(g.goal.start_date, until);
    const auto series = strength_series(g.goal.frequency, g.completions, start, until);
    if (!series.empty()) line.strength = series.back() * 100.0;
    const size_t n = series.size();
    line.strength_change = line.strength - (n > 7 ? series[n - 8] * 100.0 : 0.0);
    for (int i = kTrendDays; i >= 1; --i) {
      const long idx = static_cast<long>(n) - i;
      line.trend.push_back(idx >= 0 ? series[static_cast<size_t>(idx)] * 100.0 : 0.0);
    }
    for (Date d : g.completions)
      if (d >= in.week && d <= r.to) ++line.done_this_week;
    line.target_this_week = g.goal.frequency.weekly ? g.goal.frequency.times : 7 * g.goal.frequency.times;
    const Streaks st = streaks(g.goal.frequency, g.completions, g.goal.start_date, std::min(r.to, in.today));
    line.streak = st.current;
    line.longest_streak = st.longest;
    line.streak_in_weeks = st.weekly;
    std::optional<Stage> prev;
    for (const StageEntry& e : g.stages) {
      if (e.date >= in.week && e.date <= r.to)
        r.stage_changes.push_back({g.goal.id, g.goal.title, e.date, prev, e.stage, e.reason});
      prev = e.stage;
    }
    r.goals.push_back(std::move(line));
  }
  std::sort(r.stage_changes.begin(), r.stage_changes.end(),
            [](const StageChange& a, const StageChange& b) { return a.date < b.date; });

  for (const Reflection& ref : in.reflections)
    if (ref.week <= in.week) r.reflections.push_back({ref.week, ref.score});

  // --- assessments ----------------------------------------------------------------------------
  std::map<std::string, const Assessment*> latest, previous;
  for (const Assessment& a : in.assessments) {
    if (a.date > r.to) continue;
    if (latest.count(a.instrument_id)) previous[a.instrument_id] = latest[a.instrument_id];
    latest[a.instrument_id] = &a;
  }
  for (const auto& [id, a] : latest) {
    const Assessment* before = previous.count(id) ? previous[id] : nullptr;
    for (const ScaleScore& sc : a->scores) {
      AssessmentLine line{id, sc.scale, a->date, sc.score, sc.band, std::nullopt, false, sc.lowest_band};
      if (before)
        for (const ScaleScore& old : before->scores)
          if (old.scale == sc.scale) {
            line.change = sc.score - old.score;
            line.meaningful = meaningful_change(old.score, sc.score);
          }
      r.assessments.push_back(line);
    }
  }

  // --- correlations over the person's own recent data -----------------------------------------
  const Date window_start = add_days(r.to, 1 - kInsightWindowDays);
  std::vector<double> ah, next_energy, hours, day_stress, brk, brk_stress, on_time, on_time_energy, prog,
      prog_energy;
  const int work_end = in.person.work_hours.to.minutes;
  for (Date d = window_start; d <= r.to; d = add_days(d, 1)) {
    const CheckIn* c = s.at(d);
    // Hours, breaks and finishing times are unknown on a day whose check-in has no times; whether
    // it was a work day at all (for progress) is unknown too.
    if (!c || !times_recorded(*c)) continue;
    const CheckIn* next = s.at(add_days(d, 1));
    const int late = c->off ? 0 : std::max(0, end_wall_minutes(*c) - work_end);
    if (next && add_days(d, 1) <= r.to) {
      ah.push_back(c->after_hours.value_or(0) + late);
      next_energy.push_back(next->energy);
      on_time.push_back(late == 0 && c->after_hours.value_or(0) == 0 ? 1 : 0);
      on_time_energy.push_back(next->energy);
    }
    if (!c->off) {
      hours.push_back(c->worked_minutes);
      day_stress.push_back(c->stress);
      prog.push_back(c->progress ? 1 : 0);
      prog_energy.push_back(c->energy);
      if (c->break_minutes) {
        brk.push_back(*c->break_minutes);
        brk_stress.push_back(c->stress);
      }
    }
  }
  const auto add = [&](const char* id, const char* q, const std::vector<double>& x, const std::vector<double>& y,
                       const char* higher_x, const char* up, const char* down, uint64_t seed) {
    Insight ins{id, q, correlate(x, y, 2000, seed), ""};
    ins.sentence = describe(ins.c, higher_x, up, down);
    r.insights.push_back(std::move(ins));
  };
  add("after-hours-next-energy", "Does work after hours go with your energy the next day?", ah, next_energy,
      "more work after hours", "your energy the next day tended to be higher",
      "your energy the next day tended to be lower", 11);
  add("on-time-next-energy", "Does finishing on time go with your energy the next day?", on_time, on_time_energy,
      "an on-time finish", "your energy the next day tended to be higher",
      "your energy the next day tended to be lower", 12);
  add("hours-stress", "Do longer days go with more stress?", hours, day_stress, "longer hours",
      "your stress tended to be higher", "your stress tended to be lower", 13);
  add("break-stress", "Do longer breaks go with less stress?", brk, brk_stress, "longer breaks",
      "your stress tended to be higher", "your stress tended to be lower", 14);
  add("progress-energy", "Does progress on meaningful work go with your energy?", prog, prog_energy,
      "progress on meaningful work", "your energy tended to be higher", "your energy tended to be lower", 15);

  // --- imported evidence ------------------------------------------------------------------------
  const bool covered = std::any_of(in.signals.begin(), in.signals.end(),
                                   [](const DailySignals& d) { return d.has_calendar || d.has_activity; });
  if (covered) {
    r.signals = in.signals;
    r.evidence = summarize_evidence(in.signals, in.person.work_hours);
  }
  return r;
}

}  // namespace headway::core
