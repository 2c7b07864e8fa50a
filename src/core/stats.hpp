#pragma once
// Personal statistics: rank correlation with an honest interval, and effect sizes.
#include <cstdint>
#include <optional>
#include <vector>

namespace headway::core {

inline constexpr int kMinPairedDays = 14;

// Average ranks (1-based), ties share their mean rank.
std::vector<double> ranks(const std::vector<double>& x);
// Spearman's rho; nullopt when either side has no variance.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);

struct Correlation {
  int n = 0;
  double rho = 0;
  double lo = 0;  // bootstrap 95% percentile interval
  double hi = 0;
  bool enough_data = false;  // n >= 14 and both sides vary
  // True only when there is enough data and the interval excludes 0.
  bool clear() const { return enough_data && (lo > 0 || hi < 0); }
};
// Spearman with a seeded bootstrap (resamples of pairs), so the same data gives the same answer.
Correlation correlate(const std::vector<double>& x, const std::vector<double>& y, int resamples = 2000,
                      uint64_t seed = 0x5eed);

struct EffectSize {
  double mean_difference = 0;  // trial - baseline
  double hedges_g = 0;
  double lo = 0;  // approximate 95% interval of g
  double hi = 0;
};
// Difference of means and Hedges' g; nullopt with fewer than 2 values a side or no variance.
std::optional<EffectSize> hedges_g(const std::vector<double>& baseline, const std::vector<double>& trial);

// Least-squares slope per step (for "rising"/"falling" trends).
double slope(const std::vector<double>& y);

}  // namespace headway::core
