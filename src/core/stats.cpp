#include "core/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/random.hpp"

namespace headway::core {
namespace {

using Rng = SplitMix;

std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 2) return std::nullopt;
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 1e-12 || syy <= 1e-12) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

// The original values' order with tie groups, to rank any resample of them in linear time.
class TieOrder {
 public:
  TieOrder(const std::vector<double>& v, size_t n) : order_(n), group_end_(n) {
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    for (size_t p = 0; p < n;) {
      size_t e = p + 1;
      while (e < n && v[order_[e]] == v[order_[p]]) ++e;
      for (size_t q = p; q < e; ++q) group_end_[q] = e;
      p = e;
    }
  }
  // Average ranks (1-based) of each original index within a resample holding it mult[i] times.
  void ranks(const std::vector<int>& mult, std::vector<double>& out) const {
    double before = 0;
    for (size_t p = 0; p < order_.size();) {
      const size_t e = group_end_[p];
      double count = 0;
      for (size_t q = p; q < e; ++q) count += mult[order_[q]];
      const double rank = before + (count + 1) / 2;
      for (size_t q = p; q < e; ++q) out[order_[q]] = rank;
      before += count;
      p = e;
    }
  }

 private:
  std::vector<size_t> order_;
  std::vector<size_t> group_end_;
};

// Pearson's r over values weighted by how often each occurs.
std::optional<double> weighted_pearson(const std::vector<double>& x, const std::vector<double>& y,
                                       const std::vector<int>& w) {
  double n = 0, sx = 0, sy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    n += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  if (n < 2) return std::nullopt;
  const double mx = sx / n, my = sy / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!w[i]) continue;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
    sxx += w[i] * (x[i] - mx) * (x[i] - mx);
    syy += w[i] * (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 1e-12 || syy <= 1e-12) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

double percentile(std::vector<double>& v, double p) {
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

}  // namespace

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<size_t> idx(x.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  size_t i = 0;
  while (i < idx.size()) {
    size_t j = i;
    while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
    const double avg = (static_cast<double>(i + j) / 2.0) + 1.0;
    for (size_t k = i; k <= j; ++k) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) return std::nullopt;
  return pearson(ranks(x), ranks(y));
}

Correlation correlate(const std::vector<double>& x, const std::vector<double>& y, int resamples, uint64_t seed) {
  Correlation c;
  c.n = static_cast<int>(std::min(x.size(), y.size()));
  const auto rho = spearman(x, y);
  if (!rho || c.n < kMinPairedDays || resamples < 1) {
    c.rho = rho.value_or(0);
    return c;
  }
  c.rho = *rho;
  c.enough_data = true;
  // A resample is a multiset of the original pairs, so its ranks follow from the original order:
  // no sorting and no allocation per resample, only counts.
  const TieOrder ox(x, static_cast<size_t>(c.n)), oy(y, static_cast<size_t>(c.n));
  Rng rng{seed};
  std::vector<double> boot;
  boot.reserve(static_cast<size_t>(resamples));
  std::vector<int> mult(static_cast<size_t>(c.n));
  std::vector<double> rx(static_cast<size_t>(c.n)), ry(static_cast<size_t>(c.n));
  for (int r = 0; r < resamples; ++r) {
    std::fill(mult.begin(), mult.end(), 0);
    for (size_t i = 0; i < mult.size(); ++i) ++mult[rng.below(mult.size())];
    ox.ranks(mult, rx);
    oy.ranks(mult, ry);
    // A resample without variance has no rho; it counts as 0 so the interval stays honest.
    boot.push_back(weighted_pearson(rx, ry, mult).value_or(0.0));
  }
  c.lo = percentile(boot, 0.025);
  c.hi = percentile(boot, 0.975);
  return c;
}

std::optional<EffectSize> hedges_g(const std::vector<double>& a, const std::vector<double>& b) {
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  if (a.size() < 2 || b.size() < 2) return std::nullopt;
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / na;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / nb;
  double va = 0, vb = 0;
  for (double v : a) va += (v - ma) * (v - ma);
  for (double v : b) vb += (v - mb) * (v - mb);
  const double pooled = std::sqrt((va + vb) / (na + nb - 2));
  if (pooled <= 1e-12) return std::nullopt;
  const double d = (mb - ma) / pooled;
  const double j = 1.0 - 3.0 / (4.0 * (na + nb) - 9.0);
  const double g = d * j;
  const double se = std::sqrt((na + nb) / (na * nb) + g * g / (2.0 * (na + nb)));
  return EffectSize{mb - ma, g, g - 1.96 * se, g + 1.96 * se};
}

double slope(const std::vector<double>& y) {
  const size_t n = y.size();
  if (n < 2) return 0;
  const double mx = static_cast<double>(n - 1) / 2.0;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (static_cast<double>(i) - mx) * (y[i] - my);
    sxx += (static_cast<double>(i) - mx) * (static_cast<double>(i) - mx);
  }
  return sxx > 0 ? sxy / sxx : 0;
}

}  // namespace headway::core
