#pragma once
// Habit strength (an exponential moving average of completions) and streaks.
#include <vector>

#include "core/goal.hpp"

namespace headway::core {

// The daily multiplier m = 0.5^(sqrt(f)/13) for f repetitions per day.
double strength_multiplier(double per_day);

// One step of the moving average: prev*m + done*(1-m).
inline double strength_step(double prev, bool done, double m) { return prev * m + (done ? 1.0 - m : 0.0); }

// Whether each day from `from` to `to` counts as done. A daily goal needs a completion that day;
// an Nx/week goal counts a day as done when the 7 days ending on it hold at least N completions.
std::vector<bool> done_days(Frequency f, const std::vector<Date>& completions_sorted, Date from, Date to);

// Strength (0..1) after each day from `from` to `to`, starting from zero.
std::vector<double> strength_series(Frequency f, const std::vector<Date>& completions_sorted, Date from, Date to);

struct Streaks {
  int current = 0;  // in days (daily goals) or weeks (weekly goals)
  int longest = 0;
  bool weekly = false;
};
// Streaks up to `today`; a current streak survives a not-yet-done today (or this week).
Streaks streaks(Frequency f, const std::vector<Date>& completions_sorted, Date from, Date today);

}  // namespace headway::core
