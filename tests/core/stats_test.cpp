#include <algorithm>
#include "core/random.hpp"
#include "core/stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace headway::core {
namespace {

std::vector<double> iota_values(int n, double start = 0) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(start + i);
  return v;
}

// Spearman's rho by the textbook formula for data without ties: 1 - 6*sum(d^2) / (n(n^2-1)).
double rho_without_ties(const std::vector<double>& rank_x, const std::vector<double>& rank_y) {
  const double n = static_cast<double>(rank_x.size());
  double d2 = 0;
  for (size_t i = 0; i < rank_x.size(); ++i) d2 += (rank_x[i] - rank_y[i]) * (rank_x[i] - rank_y[i]);
  return 1 - 6 * d2 / (n * (n * n - 1));
}

// A fixed shuffle of 0..29 with almost no rank correlation to 0..29.
const std::vector<double> kShuffled = {26, 21, 9,  14, 10, 5,  1, 22, 6,  12, 13, 16, 27, 25, 3,
                                       29, 8,  23, 0,  24, 2,  28, 20, 15, 19, 11, 4, 17, 18, 7};

TEST(Ranks, Table) {
  struct Case {
    std::vector<double> x;
    std::vector<double> ranks;
  };
  const std::vector<Case> cases = {
      {{}, {}},
      {{42}, {1}},
      {{3, 1, 2}, {3, 1, 2}},
      {{10, 20, 20, 30}, {1, 2.5, 2.5, 4}},
      {{5, 5, 5}, {2, 2, 2}},
      {{2, 1, 2, 1, 3}, {3.5, 1.5, 3.5, 1.5, 5}},
      {{-1.5, 0, -1.5, 7, 7, 7}, {1.5, 3, 1.5, 5, 5, 5}},
  };
  for (const Case& c : cases) EXPECT_EQ(ranks(c.x), c.ranks);
}

TEST(Ranks, SumIsAlwaysTriangular) {
  // Average ranks preserve the total n(n+1)/2 whatever the ties.
  const std::vector<double> x = {4, 4, 1, 9, 9, 9, 2, 4, 0, 0};
  double sum = 0;
  for (double r : ranks(x)) sum += r;
  EXPECT_DOUBLE_EQ(sum, 10 * 11 / 2.0);
}

TEST(Spearman, MonotoneAndReversed) {
  const auto x = iota_values(20, 1);
  std::vector<double> cubes, falling;
  for (double v : x) {
    cubes.push_back(v * v * v);  // monotone but far from linear
    falling.push_back(-std::exp(v / 4));
  }
  ASSERT_TRUE(spearman(x, cubes));
  EXPECT_NEAR(*spearman(x, cubes), 1.0, 1e-12);
  EXPECT_NEAR(*spearman(x, falling), -1.0, 1e-12);
}

TEST(Spearman, KnownSmallExample) {
  // d = (-1, 1, -1, 1, 0): 1 - 6*4/(5*24) = 0.8.
  const auto r = spearman({1, 2, 3, 4, 5}, {2, 1, 4, 3, 5});
  ASSERT_TRUE(r);
  EXPECT_NEAR(*r, 0.8, 1e-12);
}

TEST(Spearman, MatchesTheTextbookFormulaWithoutTies) {
  const auto x = iota_values(30);
  const auto r = spearman(x, kShuffled);
  ASSERT_TRUE(r);
  EXPECT_NEAR(*r, rho_without_ties(ranks(x), ranks(kShuffled)), 1e-12);
  EXPECT_LT(std::abs(*r), 0.05);
}

TEST(Spearman, NoVarianceOrMismatchedSizes) {
  EXPECT_FALSE(spearman({1, 2, 3}, {4, 4, 4}));
  EXPECT_FALSE(spearman({7, 7, 7}, {1, 2, 3}));
  EXPECT_FALSE(spearman({1, 2, 3}, {1, 2}));
  EXPECT_FALSE(spearman({}, {}));
  EXPECT_FALSE(spearman({1}, {1}));
}

TEST(Correlate, FewerThanFourteenPairsIsNotEnough) {
  for (int n : {0, 2, 13}) {
    const auto x = iota_values(n);
    const Correlation c = correlate(x, x);
    EXPECT_EQ(c.n, n);
    EXPECT_FALSE(c.enough_data) << n;
    EXPECT_FALSE(c.clear()) << n;
  }
  const auto x14 = iota_values(14);
  const Correlation c14 = correlate(x14, x14);
  EXPECT_EQ(c14.n, 14);
  EXPECT_TRUE(c14.enough_data);
}

TEST(Correlate, NoVarianceIsNotEnough) {
  const auto x = iota_values(30);
  const std::vector<double> flat(30, 3.0);
  const Correlation c = correlate(x, flat);
  EXPECT_FALSE(c.enough_data);
  EXPECT_FALSE(c.clear());
}

TEST(Correlate, StrongPositivePatternIsClear) {
  const auto x = iota_values(30);
  std::vector<double> y;
  for (int i = 0; i < 30; ++i) y.push_back(2.0 * i + (i * 7) % 5);  // rising, with a little wobble
  const Correlation c = correlate(x, y);
  EXPECT_TRUE(c.enough_data);
  EXPECT_GT(c.rho, 0.9);
  EXPECT_GT(c.lo, 0);
  EXPECT_LE(c.lo, c.hi);
  EXPECT_LE(c.hi, 1.0 + 1e-12);
  EXPECT_TRUE(c.clear());
}

TEST(Correlate, StrongNegativePatternIsClear) {
  const auto x = iota_values(30);
  std::vector<double> y;
  for (int i = 0; i < 30; ++i) y.push_back(5.0 - 0.1 * i + 0.05 * ((i * 3) % 4));
  const Correlation c = correlate(x, y);
  EXPECT_LT(c.rho, -0.9);
  EXPECT_LT(c.hi, 0);
  EXPECT_GE(c.lo, -1.0 - 1e-12);
  EXPECT_TRUE(c.clear());
}

TEST(Correlate, UnrelatedDataIsNotClear) {
  const auto x = iota_values(30);
  const Correlation c = correlate(x, kShuffled);
  EXPECT_TRUE(c.enough_data);
  EXPECT_LT(c.lo, 0);
  EXPECT_GT(c.hi, 0);
  EXPECT_FALSE(c.clear());
}

TEST(Correlate, IsDeterministic) {
  const auto x = iota_values(30);
  const Correlation a = correlate(x, kShuffled);
  const Correlation b = correlate(x, kShuffled);
  EXPECT_EQ(a.rho, b.rho);
  EXPECT_EQ(a.lo, b.lo);
  EXPECT_EQ(a.hi, b.hi);
  const Correlation seeded_a = correlate(x, kShuffled, 500, 99);
  const Correlation seeded_b = correlate(x, kShuffled, 500, 99);
  EXPECT_EQ(seeded_a.lo, seeded_b.lo);
  EXPECT_EQ(seeded_a.hi, seeded_b.hi);
}

TEST(Correlate, ClearNeedsTheIntervalToExcludeZero) {
  // clear() is a function of the fields alone.
  struct Case {
    bool enough;
    double lo, hi;
    bool clear;
  };
  const std::vector<Case> cases = {
      {true, 0.1, 0.8, true},   {true, -0.8, -0.1, true}, {true, -0.1, 0.5, false},
      {true, 0.0, 0.5, false},  {true, -0.5, 0.0, false}, {false, 0.1, 0.8, false},
  };
  for (const Case& k : cases) {
    Correlation c;
    c.enough_data = k.enough;
    c.lo = k.lo;
    c.hi = k.hi;
    EXPECT_EQ(c.clear(), k.clear) << k.lo << " " << k.hi;
  }
}

TEST(HedgesG, WorkedExample) {
  // Baseline 1..5 (mean 3, squared deviations 10), trial 3..7 (mean 5, squared deviations 10).
  // Pooled sd = sqrt(20 / 8); d = 2 / sqrt(2.5); J = 1 - 3 / (4*10 - 9) = 28/31.
  const auto e = hedges_g({1, 2, 3, 4, 5}, {3, 4, 5, 6, 7});
  ASSERT_TRUE(e);
  const double g = 2 / std::sqrt(2.5) * 28.0 / 31.0;
  EXPECT_DOUBLE_EQ(e->mean_difference, 2.0);
  EXPECT_NEAR(e->hedges_g, g, 1e-12);
  EXPECT_NEAR(e->hedges_g, 1.1425, 1e-4);
  const double se = std::sqrt(10.0 / 25.0 + g * g / 20.0);
  EXPECT_NEAR(e->lo, g - 1.96 * se, 1e-12);
  EXPECT_NEAR(e->hi, g + 1.96 * se, 1e-12);
  EXPECT_LT(e->lo, e->hedges_g);
  EXPECT_GT(e->hi, e->hedges_g);
}

TEST(HedgesG, UnequalSizesAndDirection) {
  // Baseline {2,4,6}: mean 4, SS 8. Trial {5,6,7,8}: mean 6.5, SS 5. Pooled sd sqrt(13/5).
  const auto e = hedges_g({2, 4, 6}, {5, 6, 7, 8});
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(e->mean_difference, 2.5);
  EXPECT_NEAR(e->hedges_g, 2.5 / std::sqrt(13.0 / 5.0) * (1 - 3.0 / 19.0), 1e-12);
  // Swapping the sides flips the sign.
  const auto back = hedges_g({5, 6, 7, 8}, {2, 4, 6});
  ASSERT_TRUE(back);
  EXPECT_NEAR(back->hedges_g, -e->hedges_g, 1e-12);
  EXPECT_DOUBLE_EQ(back->mean_difference, -2.5);
}

TEST(HedgesG, NeedsTwoValuesASideAndVariance) {
  EXPECT_FALSE(hedges_g({1}, {2, 3, 4}));
  EXPECT_FALSE(hedges_g({1, 2, 3}, {4}));
  EXPECT_FALSE(hedges_g({}, {}));
  EXPECT_FALSE(hedges_g({3, 3, 3}, {5, 5, 5}));
  EXPECT_TRUE(hedges_g({3, 3, 3}, {5, 5, 6}));  // one side varying is enough
}

TEST(Slope, Table) {
  struct Case {
    std::vector<double> y;
    double slope;
  };
  const std::vector<Case> cases = {
      {{}, 0},
      {{5}, 0},
      {{1, 3}, 2},
      {{3, 5, 7, 9, 11}, 2},
      {{10, 8, 6, 4}, -2},
      {{4, 4, 4, 4}, 0},
      {{1, 3, 2}, 0.5},  // x mean 1: sxy = 1, sxx = 2
      {{0, 0, 0, 10}, 3},  // sxy = 1.5*10 = 15, sxx = 5
  };
  for (const Case& c : cases) EXPECT_NEAR(slope(c.y), c.slope, 1e-12) << c.y.size();
}


// The bootstrap ranks each resample from counts; resampling the pairs naively, with the same
// generator and seed, and ranking each resample from scratch must give the same interval.
TEST(Correlate, BootstrapMatchesNaiveResampling) {
  SplitMix gen{7};
  std::vector<double> x, y;
  for (int i = 0; i < 40; ++i) {
    x.push_back(static_cast<double>(gen.pick(6)));  // many ties, like 1-5 ratings
    y.push_back(x.back() * 0.5 + static_cast<double>(gen.pick(4)));
  }
  const int resamples = 500;
  const uint64_t seed = 99;
  SplitMix rng{seed};
  std::vector<double> boot;
  for (int r = 0; r < resamples; ++r) {
    std::vector<double> bx, by;
    for (size_t i = 0; i < x.size(); ++i) {
      const size_t k = rng.below(x.size());
      bx.push_back(x[k]);
      by.push_back(y[k]);
    }
    boot.push_back(spearman(bx, by).value_or(0.0));
  }
  std::sort(boot.begin(), boot.end());
  const auto pct = [&](double p) {
    const double pos = p * static_cast<double>(boot.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, boot.size() - 1);
    return boot[lo] + (boot[hi] - boot[lo]) * (pos - static_cast<double>(lo));
  };
  const Correlation c = correlate(x, y, resamples, seed);
  ASSERT_TRUE(c.enough_data);
  EXPECT_NEAR(c.lo, pct(0.025), 1e-9);
  EXPECT_NEAR(c.hi, pct(0.975), 1e-9);
  EXPECT_NEAR(c.rho, spearman(x, y).value(), 1e-12);
}

}  // namespace
}  // namespace headway::core
