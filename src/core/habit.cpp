#include "core/habit.hpp"

#include <algorithm>
#include <cmath>

namespace headway::core {

double strength_multiplier(double per_day) { return std::pow(0.5, std::sqrt(per_day) / 13.0); }

std::vector<double> done_credit(Frequency f, const std::vector<Date>& done, Date from, Date to) {
  const int n = std::max(0, days_between(from, to) + 1);
  std::vector<bool> hit(static_cast<size_t>(n), false);
  for (Date d : done)
    if (d >= from && d <= to) hit[static_cast<size_t>(days_between(from, d))] = true;
  std::vector<double> out(static_cast<size_t>(n), 0.0);
  if (!f.weekly) {
    for (int i = 0; i < n; ++i) out[static_cast<size_t>(i)] = hit[static_cast<size_t>(i)] ? 1.0 : 0.0;
    return out;
  }
  // Count completions in a trailing 7-day window, including those just before `from`.
  int window = 0;
  for (Date d : done)
    if (d >= add_days(from, -6) && d < from) ++window;
  for (int i = 0; i < n; ++i) {
    if (hit[static_cast<size_t>(i)]) ++window;
    const Date leaving = add_days(from, i - 7);
    if (i >= 7) {
      if (hit[static_cast<size_t>(i - 7)]) --window;
    } else if (i >= 1 && std::binary_search(done.begin(), done.end(), leaving)) {
      // Days before `from` were counted up front only from from-6 on, so from-7 never leaves.
      --window;
    }
    out[static_cast<size_t>(i)] = std::min(1.0, static_cast<double>(window) / f.times);
  }
  return out;
}

std::vector<double> strength_series(Frequency f, const std::vector<Date>& done, Date from, Date to) {
  const double m = strength_multiplier(f.per_day());
  const auto days = done_credit(f, done, from, to);
  std::vector<double> out;
  out.reserve(days.size());
  double s = 0;
  for (double d : days) {
    s = strength_step(s, d, m);
    out.push_back(s);
  }
  return out;
}

Streaks streaks(Frequency f, const std::vector<Date>& done, Date from, Date today) {
  Streaks st;
  st.weekly = f.weekly;
  if (today < from) return st;
  std::vector<bool> units;  // one per day, or one per ISO week
  if (!f.weekly) {
    const int n = days_between(from, today) + 1;
    units.assign(static_cast<size_t>(n), false);
    for (Date d : done)
      if (d >= from && d <= today) units[static_cast<size_t>(days_between(from, d))] = true;
  } else {
    const Date w0 = week_start(from);
    const int n = days_between(w0, week_start(today)) / 7 + 1;
    std::vector<int> counts(static_cast<size_t>(n), 0);
    for (Date d : done)
      if (d >= w0 && d <= today) ++counts[static_cast<size_t>(days_between(w0, d) / 7)];
    for (int c : counts) units.push_back(c >= f.times);
  }
  int run = 0;
  for (bool u : units) {
    run = u ? run + 1 : 0;
    st.longest = std::max(st.longest, run);
  }
  // The current unit may still be completed: count back from the last finished one if needed.
  size_t i = units.size();
  if (i > 0 && !units[i - 1]) --i;
  while (i > 0 && units[i - 1]) {
    ++st.current;
    --i;
  }
  return st;
}

}  // namespace headway::core
