#include "core/evaluator.hpp"

#include <algorithm>
#include <cstdio>

namespace headway::core {
namespace {

std::string hm(int wall) { return to_string(TimeOfDay{((wall % 1440) + 1440) % 1440}); }

std::string span_text(const char* what, const Span& s) { return std::string(what) + " " + hm(s.start) + "-" + hm(s.end); }

const char* span_word(SpanKind k) {
  switch (k) {
    case SpanKind::meeting: return "meeting";
    case SpanKind::event: return "event";
    case SpanKind::activity: return "active";
    case SpanKind::message: return "message";
  }
  return "event";
}

std::string hours_text(int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f h", minutes / 60.0);
  return buf;
}

// The day's check-in as evidence about work: none when it has no recorded times (it says how the
// day felt, not when or how long work happened).
const CheckIn* work_checkin(const DayEvidence& d) {
  return d.checkin && times_recorded(*d.checkin) ? d.checkin : nullptr;
}

// Any work at all that day, including after-hours work on a day off.
bool works(const CheckIn& c) { return c.worked_minutes > 0; }
int after_hours(const CheckIn& c) { return c.after_hours.value_or(0); }
std::string off_day_work(const CheckIn& c) {
  return std::to_string(after_hours(c)) + " min of work after hours on a day off";
}

std::string worked_text(const CheckIn& c) {
  std::string s = "worked " + hm(c.start->minutes) + "-" + hm(end_wall_minutes(c));
  if (c.after_hours.value_or(0) > 0) s += " +" + std::to_string(*c.after_hours) + " min after hours";
  return s;
}

// Combines the verdicts of independent sources: any broken wins, then any kept.
struct Verdict {
  Status status = Status::unknown;
  std::string evidence;
  void add(Status s, std::string text) {
    if (s == Status::unknown) {
      if (status == Status::unknown && evidence.empty()) evidence = std::move(text);
      return;
    }
    if (s == Status::broken && status != Status::broken) {
      status = s;
      evidence = std::move(text);
    } else if (s == Status::kept && status == Status::unknown) {
      status = s;
      evidence = std::move(text);
    }
  }
};

void eval_work_window(const Boundary& b, const DayEvidence& d, Verdict& v) {
  if (const CheckIn* c = work_checkin(d)) {
    if (c->off) {
      v.add(works(*c) ? Status::broken : Status::kept, works(*c) ? off_day_work(*c) : std::string("day off"));
    } else {
      const int end = end_wall_minutes(*c);
      const bool outside = c->start->minutes < b.from.minutes || end > b.to.minutes || c->after_hours.value_or(0) > 0;
      v.add(outside ? Status::broken : Status::kept,
            worked_text(*c) + " (window " + to_string(b.from) + "-" + to_string(b.to) + ")");
    }
  }
  bool any = false;
  for (const Span& s : d.spans) {
    if (!s.busy || s.kind == SpanKind::event) continue;
    any = true;
    if (s.start < b.from.minutes || s.end > b.to.minutes) {
      v.add(Status::broken, span_text(span_word(s.kind), s));
      return;
    }
  }
  if (d.has_activity || (d.has_calendar && any)) v.add(Status::kept, "all activity inside " + to_string(b.from) + "-" + to_string(b.to));
}

void eval_weekend(const DayEvidence& d, Verdict& v) {
  if (const CheckIn* c = work_checkin(d))
    v.add(works(*c) ? Status::broken : Status::kept,
          works(*c) ? "worked " + hours_text(c->worked_minutes) : std::string("no work logged"));
  for (const Span& s : d.spans) {
    if (!s.busy || s.kind == SpanKind::event) continue;
    v.add(Status::broken, span_text(span_word(s.kind), s));
    return;
  }
  if (d.has_activity || d.has_calendar) v.add(Status::kept, "no work seen");
}

void eval_min_break(const Boundary& b, const DayEvidence& d, Verdict& v) {
  if (const CheckIn* c = work_checkin(d)) {
    if (c->off) return;  // a day off needs no break
    if (c->break_minutes)
      v.add(*c->break_minutes >= b.minutes ? Status::kept : Status::broken,
            std::to_string(*c->break_minutes) + " min break (at least " + std::to_string(b.minutes) + ")");
    else
      v.add(Status::unknown, "break not recorded");
  }
  if (!d.has_activity) return;
  // Longest gap between tracked activity on this day.
  std::vector<Span> act;
  for (const Span& s : d.spans)
    if (s.kind == SpanKind::activity || s.kind == SpanKind::meeting) act.push_back(s);
  if (act.size() < 2) return;
  std::sort(act.begin(), act.end(), [](const Span& a, const Span& x) { return a.start < x.start; });
  int reach = act[0].end, gap = 0;
  for (size_t i = 1; i < act.size(); ++i) {
    gap = std::max(gap, act[i].start - reach);
    reach = std::max(reach, act[i].end);
  }
  v.add(gap >= b.minutes ? Status::kept : Status::broken,
        "longest pause in activity " + std::to_string(gap) + " min (at least " + std::to_string(b.minutes) + ")");
}

void eval_meeting_free(const Boundary& b, const DayEvidence& d, Verdict& v) {
  for (const Span& s : d.spans) {
    if (s.kind != SpanKind::meeting || !s.busy) continue;
    if (s.start < b.to.minutes && s.end > b.from.minutes) {
      v.add(Status::broken, span_text("meeting", s));
      return;
    }
  }
  if (d.has_calendar)
    v.add(Status::kept, "no meetings " + to_string(b.from) + "-" + to_string(b.to));
  else
    v.add(Status::unknown, "no calendar data");
}

void eval_no_messages(const Boundary& b, const DayEvidence& d, Verdict& v) {
  if (const CheckIn* c = work_checkin(d)) {
    if (c->off) {
      if (works(*c))
        v.add(Status::unknown, off_day_work(*c) + ", time not recorded");
      else
        v.add(Status::kept, "day off");
    } else if (end_wall_minutes(*c) > b.time.minutes) {
      v.add(Status::broken, "worked until " + hm(end_wall_minutes(*c)));
    } else if (c->after_hours.value_or(0) > 0) {
      v.add(Status::unknown, std::to_string(*c->after_hours) + " min after hours, time not recorded");
    } else {
      v.add(Status::kept, "finished at " + hm(end_wall_minutes(*c)));
    }
  }
  for (const Span& s : d.spans) {
    if (!s.busy || s.kind == SpanKind::event) continue;
    if (s.end > b.time.minutes) {
      v.add(Status::broken, span_text(span_word(s.kind), s));
      return;
    }
  }
  if (d.has_activity) v.add(Status::kept, "no activity after " + to_string(b.time));
}

}  // namespace

bool applies(const Boundary& b, Date d) {
  const int wd = weekday(d);
  switch (b.type) {
    case BoundaryType::work_window:
    case BoundaryType::meeting_free: return b.days.contains(wd);
    case BoundaryType::no_weekend_work: return wd >= 5;
    default: return true;
  }
}

int worked_minutes(const DayEvidence& d) {
  if (const CheckIn* c = work_checkin(d)) return c->worked_minutes;
  int total = 0;
  for (const Span& s : d.spans)
    if (s.busy && (s.kind == SpanKind::activity)) total += s.end - s.start;
  return total;
}

std::vector<Evaluation> evaluate(const std::vector<Boundary>& boundaries, const std::vector<DayEvidence>& days) {
  std::vector<Evaluation> out;
  out.reserve(boundaries.size() * days.size());
  for (const Boundary& b : boundaries) {
    int week_minutes = 0;
    for (const DayEvidence& d : days) {
      if (weekday(d.date) == 0) week_minutes = 0;
      if (!applies(b, d.date)) continue;
      Verdict v;
      switch (b.type) {
        case BoundaryType::work_window: eval_work_window(b, d, v); break;
        case BoundaryType::no_weekend_work: eval_weekend(d, v); break;
        case BoundaryType::min_break:
          eval_min_break(b, d, v);
          if (v.status == Status::unknown && v.evidence.empty() && work_checkin(d)) continue;  // day off
          break;
        case BoundaryType::meeting_free: eval_meeting_free(b, d, v); break;
        case BoundaryType::no_messages_after: eval_no_messages(b, d, v); break;
        case BoundaryType::weekly_hours_cap: {
          const bool known = work_checkin(d) || d.has_activity;
          week_minutes += worked_minutes(d);
          const int cap = static_cast<int>(b.hours * 60 + 0.5);
          if (week_minutes > cap)
            v.add(Status::broken, hours_text(week_minutes) + " by " + weekday_name(weekday(d.date)) + " (cap " +
                                      hours_text(cap) + ")");
          else if (known)
            v.add(Status::kept, hours_text(week_minutes) + " so far this week (cap " + hours_text(cap) + ")");
          break;
        }
      }
      if (v.status == Status::unknown && v.evidence.empty())
        v.evidence = d.checkin && !work_checkin(d) ? "check-in without recorded times, no tracked data"
                                                   : "no check-in or tracked data";
      out.push_back(Evaluation{d.date, b.id, b.type, v.status, std::move(v.evidence)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Evaluation& a, const Evaluation& b) { return a.date < b.date; });
  return out;
}

}  // namespace headway::core
