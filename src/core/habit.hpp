#pragma once
// Habit strength (an exponential moving average of completions) and streaks.
#include <vector>

#include "core/goal.hpp"

namespace headway::core {

// The daily multiplier m = 0.5^(sqrt(f)/13) for f repetitions per day.
double strength_multiplier(double per_day);

// One step of the moving average: prev*m + done*(1-m), with done in [0, 1].
inline double strength_step(double prev, double done, double m) { return prev * m + done * (1.0 - m); }

// How done each day from `from` to `to` is, 0..1. A daily goal scores 1 on a day with a completion.
// An Nx/week goal scores min(1, k/N) where k is the completions in the 7 days ending that day, so
// keeping the weekly target keeps every day fully done, and a partial week earns partial credit.
std::vector<double> done_credit(Frequency f, const std::vector<Date>& completions_sorted, Date from, Date to);

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
