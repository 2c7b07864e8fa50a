#include "core/signals.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace headway::core {
namespace {

struct Interval {
  Instant start = 0;
  Instant end = 0;
};

bool busy(const EventOccurrence& o) { return !o.all_day && !o.declined && !o.transparent && o.end > o.start; }
bool is_meeting(const EventOccurrence& o) { return busy(o) && o.meeting; }
// The one switch for which calendar time is work (see the header for why only meetings).
bool counts_as_work(const EventOccurrence& o) { return is_meeting(o); }

// Sorts and joins overlapping or touching intervals, so the result is sorted and disjoint.
std::vector<Interval> merge(std::vector<Interval> v) {
  std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> out;
  for (const Interval& i : v) {
    if (i.end <= i.start) continue;
    if (!out.empty() && i.start <= out.back().end)
      out.back().end = std::max(out.back().end, i.end);
    else
      out.push_back(i);
  }
  return out;
}

Instant overlap(Instant a, Instant b, Instant from, Instant to) {
  return std::max<Instant>(0, std::min(b, to) - std::max(a, from));
}

int round_minutes(Instant seconds) { return static_cast<int>((seconds + 30) / 60); }

// The local days of a range: day i runs from bounds[i] to bounds[i + 1].
struct Days {
  Date from;
  std::vector<Instant> bounds;

  Days(const Zone& zone, Date first, Date last) : from(first) {
    bounds.reserve(static_cast<size_t>(days_between(first, last) + 2));
    for (Date d = first; d <= add_days(last, 1); d = add_days(d, 1)) bounds.push_back(zone.to_instant(d, 0));
  }
  size_t size() const { return bounds.size() - 1; }
  Date date(size_t i) const { return add_days(from, static_cast<int>(i)); }
  // The day holding t, which must lie inside the range.
  size_t index(Instant t) const {
    return static_cast<size_t>(std::upper_bound(bounds.begin(), bounds.end(), t) - bounds.begin()) - 1;
  }
  // Calls f(day, a, b) for each day that [start, end) overlaps, with the overlap [a, b).
  template <class F>
  void split(Instant start, Instant end, F&& f) const {
    if (end <= start || end <= bounds.front() || start >= bounds.back()) return;
    for (size_t i = start <= bounds.front() ? 0 : index(start); i < size() && bounds[i] < end; ++i) {
      const Instant a = std::max(start, bounds[i]), b = std::min(end, bounds[i + 1]);
      if (a < b) f(i, a, b);
    }
  }
};

// Per day: does a calendar / an activity tracker cover it?
struct Covered {
  std::vector<bool> calendar;
  std::vector<bool> activity;
};

// Marks days with a difference array, so a long item costs O(1) rather than one step per day.
class DayMarks {
 public:
  explicit DayMarks(const Days& days) : days_(days), diff_(days.size() + 1, 0) {}
  void range(const DayRange& r, Date from, Date to) {
    const Date a = std::max(r.from, from), b = std::min(r.to, to);
    if (a <= b) add(static_cast<size_t>(days_between(from, a)), static_cast<size_t>(days_between(from, b)));
  }
  // The days [start, end) touches; an instant item touches the day it falls on.
  void item(Instant start, Instant end) {
    const Instant last = std::max(start, end - 1);
    if (last < days_.bounds.front() || start >= days_.bounds.back()) return;
    add(start <= days_.bounds.front() ? 0 : days_.index(start),
        last >= days_.bounds.back() ? days_.size() - 1 : days_.index(last));
  }
  std::vector<bool> result() const {
    std::vector<bool> out(days_.size());
    int64_t run = 0;
    for (size_t i = 0; i < out.size(); ++i) out[i] = (run += diff_[i]) > 0;
    return out;
  }

 private:
  void add(size_t a, size_t b) {
    ++diff_[a];
    --diff_[b + 1];
  }
  const Days& days_;
  std::vector<int64_t> diff_;
};

Covered covered(const Days& days, Date to, std::span<const EventOccurrence> occurrences,
                std::span<const ActivitySpan> activity, const Coverage& coverage) {
  DayMarks cal(days), act(days);
  for (const DayRange& r : coverage.calendar) cal.range(r, days.from, to);
  for (const DayRange& r : coverage.activity) act.range(r, days.from, to);
  for (const EventOccurrence& o : occurrences) cal.item(o.start, o.end);
  for (const ActivitySpan& s : activity) act.item(s.start, s.end);
  return {cal.result(), act.result()};
}

std::vector<Interval> active_time(std::span<const ActivitySpan> activity) {
  std::vector<Interval> v;
  v.reserve(activity.size());
  for (const ActivitySpan& s : activity)
    if (s.kind == ActivityKind::active) v.push_back({s.start, s.end});
  return merge(std::move(v));
}

template <class Pred>
std::vector<Interval> calendar_time(std::span<const EventOccurrence> occurrences, Pred pred) {
  std::vector<Interval> v;
  for (const EventOccurrence& o : occurrences)
    if (pred(o)) v.push_back({o.start, o.end});
  return v;
}

// Wall-clock minutes on day d: the start of a piece rounds down, its end (exclusive) rounds up.
int wall_start(const Zone& z, Date d, Instant t) {
  return days_between(d, z.local_date(t)) * 1440 + z.wall_minutes(t);
}
int wall_end(const Zone& z, Date d, Instant t) { return wall_start(z, d, t - 1) + 1; }

// Seconds the zone is ahead of UTC at t (whole-minute offsets, as every current zone has).
int64_t offset_at(const Zone& z, Instant t) {
  const int64_t sec = ((t % 60) + 60) % 60;
  return static_cast<int64_t>(z.local_date(t).days) * 86400 + z.wall_minutes(t) * 60 + sec - t;
}

// The first instant of [a, b) with a different UTC offset than a (a DST change), or b if none.
Instant offset_change(const Zone& z, Instant a, Instant b) {
  const int64_t before = offset_at(z, a);
  if (offset_at(z, b - 1) == before) return b;
  Instant lo = a, hi = b - 1;  // offset(lo) == before, offset(hi) != before
  while (hi - lo > 1) {
    const Instant mid = lo + (hi - lo) / 2;
    (offset_at(z, mid) == before ? lo : hi) = mid;
  }
  return hi;
}

}  // namespace

std::vector<DailySignals> daily_signals(const Zone& zone, const WorkHours& hours, Date from, Date to,
                                        std::span<const EventOccurrence> occurrences,
                                        std::span<const ActivitySpan> activity, const Coverage& coverage) {
  if (to < from) return {};
  const Days days(zone, from, to);
  const Covered cov = covered(days, to, occurrences, activity, coverage);

  struct Acc {
    Instant hours_from = 0, hours_to = 0;  // work hours; empty on a day off
    Instant work = 0, work_in_hours = 0, meeting = 0, meeting_in_hours = 0;
    Instant first = 0, last = 0;
    bool worked = false;
    Instant focus_reach = 0, focus_best = 0;  // focus: end of busy time so far, longest gap
  };
  std::vector<Acc> acc(days.size());
  for (size_t i = 0; i < days.size(); ++i) {
    const Date d = days.date(i);
    if (!hours.days.contains(weekday(d))) continue;
    acc[i].hours_from = acc[i].focus_reach = zone.to_instant(d, hours.from.minutes);
    acc[i].hours_to = zone.to_instant(d, hours.to.minutes);
  }

  std::vector<Interval> meetings = calendar_time(occurrences, is_meeting);
  std::vector<Interval> work = calendar_time(occurrences, counts_as_work);
  const std::vector<Interval> active = active_time(activity);
  work.insert(work.end(), active.begin(), active.end());

  // Merged lists are sorted and disjoint, so each day sees its pieces in order.
  for (const Interval& w : merge(std::move(work)))
    days.split(w.start, w.end, [&](size_t i, Instant a, Instant b) {
      Acc& x = acc[i];
      x.work += b - a;
      x.work_in_hours += overlap(a, b, x.hours_from, x.hours_to);
      if (!x.worked) x.first = a;
      x.worked = true;
      x.last = b;
    });
  for (const Interval& m : merge(std::move(meetings)))
    days.split(m.start, m.end, [&](size_t i, Instant a, Instant b) {
      acc[i].meeting += b - a;
      acc[i].meeting_in_hours += overlap(a, b, acc[i].hours_from, acc[i].hours_to);
    });
  for (const Interval& o : merge(calendar_time(occurrences, busy)))
    days.split(o.start, o.end, [&](size_t i, Instant a, Instant b) {
      Acc& x = acc[i];
      const Instant ca = std::max(a, x.hours_from), cb = std::min(b, x.hours_to);
      if (ca >= cb) return;
      x.focus_best = std::max(x.focus_best, ca - x.focus_reach);
      x.focus_reach = std::max(x.focus_reach, cb);
    });

  std::vector<DailySignals> out(days.size());
  for (size_t i = 0; i < days.size(); ++i) {
    const Acc& x = acc[i];
    DailySignals& s = out[i];
    s.date = days.date(i);
    s.has_calendar = cov.calendar[i];
    s.has_activity = cov.activity[i];
    s.work_minutes = round_minutes(x.work);
    s.after_hours_minutes = round_minutes(x.work - x.work_in_hours);
    s.weekend_minutes = weekday(s.date) >= 5 ? s.work_minutes : 0;
    s.meeting_minutes = round_minutes(x.meeting);
    s.after_hours_meeting_minutes = round_minutes(x.meeting - x.meeting_in_hours);
    if (s.has_calendar && x.hours_to > x.hours_from) {
      const int focus = static_cast<int>(std::max(x.focus_best, x.hours_to - x.focus_reach) / 60);
      s.longest_focus_minutes = focus >= kMinFocusMinutes ? focus : 0;
    }
    if (x.worked) {
      s.first_activity = TimeOfDay{zone.wall_minutes(x.first)};
      s.last_activity = TimeOfDay{std::min(1439, zone.wall_minutes(x.last - 1) + 1)};
    }
  }
  return out;
}

std::vector<DayEvidence> build_evidence(const Zone& zone, Date from, Date to,
                                        std::span<const EventOccurrence> occurrences,
                                        std::span<const ActivitySpan> activity, const Coverage& coverage) {
  if (to < from) return {};
  const Days days(zone, from, to);
  const Covered cov = covered(days, to, occurrences, activity, coverage);

  std::vector<DayEvidence> out(days.size());
  std::vector<Instant> change(days.size());  // the day's DST change, or its end
  for (size_t i = 0; i < days.size(); ++i) {
    DayEvidence& d = out[i];
    d.date = days.date(i);
    d.day_minutes = static_cast<int>((days.bounds[i + 1] - days.bounds[i]) / 60);
    d.has_calendar = cov.calendar[i];
    d.has_activity = cov.activity[i];
    change[i] = offset_change(zone, days.bounds[i], days.bounds[i + 1]);
  }

  const auto add = [&](SpanKind kind) {
    return [&, kind](size_t i, Instant a, Instant b) {
      const Date d = out[i].date;
      const auto push = [&](Instant x, Instant y) {
        out[i].spans.push_back(Span{wall_start(zone, d, x), wall_end(zone, d, y), kind, true});
      };
      if (a < change[i] && change[i] < b) {
        push(a, change[i]);
        push(change[i], b);
      } else {
        push(a, b);
      }
    };
  };
  for (const Interval& s : active_time(activity)) days.split(s.start, s.end, add(SpanKind::activity));
  for (const EventOccurrence& o : occurrences)
    if (busy(o)) days.split(o.start, o.end, add(o.meeting ? SpanKind::meeting : SpanKind::event));

  for (DayEvidence& d : out)
    std::sort(d.spans.begin(), d.spans.end(), [](const Span& a, const Span& b) {
      if (a.start != b.start) return a.start < b.start;
      return a.end != b.end ? a.end < b.end : a.kind < b.kind;
    });
  return out;
}

DayEvidence build_day_evidence(const Zone& zone, Date date, std::span<const EventOccurrence> occurrences,
                               std::span<const ActivitySpan> activity, const Coverage& coverage) {
  return std::move(build_evidence(zone, date, date, occurrences, activity, coverage).front());
}

}  // namespace headway::core
