#include "core/habit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace headway::core {
namespace {

const Frequency kDaily{1, false};
Frequency per_week(int n) { return Frequency{n, true}; }

const Date kD0 = make_date(2026, 6, 1);  // a Monday
Date day(int n) { return add_days(kD0, n); }

// Completion dates from a pattern such as "11.1": '1' = done on day(offset + i).
std::vector<Date> pattern(const std::string& p, int offset = 0) {
  std::vector<Date> out;
  for (size_t i = 0; i < p.size(); ++i)
    if (p[i] == '1') out.push_back(day(offset + static_cast<int>(i)));
  return out;
}

// The reference reading of daily credit, written from the header's contract: a daily goal scores 1
// on a day with a completion; an Nx/week goal scores min(1, k/N) for the k completions in the 7
// days ending on the day.
std::vector<double> reference_credit(Frequency f, const std::vector<Date>& done, Date from, Date to) {
  std::vector<double> out;
  for (Date d = from; d <= to; d = add_days(d, 1)) {
    int k = 0;
    for (Date c : done) {
      if (!f.weekly && c == d) ++k;
      if (f.weekly && c <= d && c >= add_days(d, -6)) ++k;
    }
    out.push_back(f.weekly ? std::min(1.0, static_cast<double>(k) / f.times) : (k > 0 ? 1.0 : 0.0));
  }
  return out;
}

// The design's formula: m = 0.5^(sqrt(f)/13), score = prev*m + done*(1-m).
std::vector<double> reference_strength(Frequency f, const std::vector<double>& credit) {
  const double per_day = f.weekly ? f.times / 7.0 : f.times;
  const double m = std::pow(0.5, std::sqrt(per_day) / 13.0);
  std::vector<double> out;
  double s = 0;
  for (double done : credit) {
    s = s * m + done * (1 - m);
    out.push_back(s);
  }
  return out;
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol = 1e-12) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "day " << i;
}

TEST(StrengthMultiplier, Formula) {
  EXPECT_DOUBLE_EQ(strength_multiplier(1.0), std::pow(0.5, 1.0 / 13.0));
  EXPECT_NEAR(strength_multiplier(1.0), 0.948078, 1e-6);  // half-life of 13 days
  EXPECT_DOUBLE_EQ(strength_multiplier(4.0), std::pow(0.5, 2.0 / 13.0));
  EXPECT_DOUBLE_EQ(strength_multiplier(3.0 / 7.0), std::pow(0.5, std::sqrt(3.0 / 7.0) / 13.0));
  // Rarer goals decay more slowly per day.
  EXPECT_GT(strength_multiplier(1.0 / 7.0), strength_multiplier(3.0 / 7.0));
  EXPECT_GT(strength_multiplier(3.0 / 7.0), strength_multiplier(1.0));
}

TEST(StrengthStep, Formula) {
  const double m = 0.9;
  EXPECT_DOUBLE_EQ(strength_step(0.0, 1.0, m), 0.1);
  EXPECT_DOUBLE_EQ(strength_step(0.5, 1.0, m), 0.55);
  EXPECT_DOUBLE_EQ(strength_step(0.5, 0.0, m), 0.45);
  EXPECT_DOUBLE_EQ(strength_step(1.0, 1.0, m), 1.0);
  EXPECT_DOUBLE_EQ(strength_step(0.0, 0.0, m), 0.0);
  EXPECT_DOUBLE_EQ(strength_step(0.5, 0.5, m), 0.5);  // partial credit equal to the score keeps it
}

TEST(StrengthSeries, ThirteenDailyCompletionsGiveHalf) {
  // 1 - m^13 = 1 - 0.5 when m^13 = 0.5.
  const auto s = strength_series(kDaily, pattern(std::string(13, '1')), day(0), day(12));
  ASSERT_EQ(s.size(), 13u);
  EXPECT_NEAR(s.back(), 0.5, 1e-12);
  const auto s26 = strength_series(kDaily, pattern(std::string(26, '1')), day(0), day(25));
  EXPECT_NEAR(s26.back(), 0.75, 1e-12);
}

TEST(StrengthSeries, OneMissLowersButDoesNotReset) {
  std::string p(60, '1');
  p += '0';
  p += "1";
  const auto s = strength_series(kDaily, pattern(p), day(0), day(61));
  ASSERT_EQ(s.size(), 62u);
  const double before = s[59], missed = s[60], after = s[61];
  EXPECT_LT(missed, before);
  EXPECT_NEAR(missed, before * strength_multiplier(1.0), 1e-12);  // lowered by one step only
  EXPECT_GT(missed, 0.9);                                         // far from zero
  EXPECT_GT(after, missed);
}

TEST(StrengthSeries, MatchesTheFormulaForPatterns) {
  struct Case {
    Frequency f;
    std::string pattern;
  };
  const std::vector<Case> cases = {
      {kDaily, "1"},
      {kDaily, "0000000"},
      {kDaily, "1010101010101010"},
      {kDaily, "1111111111111111111111111111110000000000"},
      {kDaily, "0001110011100111"},
      {per_week(3), "1010100101010010101001010100"},
      {per_week(1), "1000000100000010000001000000"},
      {per_week(2), "1100000000000011000000000000"},
      {per_week(7), "1111111111111101111111"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(to_string(c.f) + " " + c.pattern);
    const Date to = day(static_cast<int>(c.pattern.size()) - 1);
    const auto done = pattern(c.pattern);
    const auto want = reference_strength(c.f, reference_credit(c.f, done, day(0), to));
    const auto got = strength_series(c.f, done, day(0), to);
    expect_near_all(got, want);
    for (double v : got) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
  }
}

TEST(StrengthSeries, KnownValuesByHand) {
  const double m = std::pow(0.5, 1.0 / 13.0);
  // done, done, missed: (1-m), then (1-m)m + (1-m), then that times m.
  const auto s = strength_series(kDaily, {day(0), day(1)}, day(0), day(2));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_NEAR(s[0], 1 - m, 1e-15);
  EXPECT_NEAR(s[1], (1 - m) * m + (1 - m), 1e-15);
  EXPECT_NEAR(s[2], ((1 - m) * m + (1 - m)) * m, 1e-15);
}

TEST(StrengthSeries, EmptyWhenToIsBeforeFrom) {
  EXPECT_TRUE(strength_series(kDaily, {day(0)}, day(5), day(4)).empty());
  EXPECT_TRUE(done_credit(per_week(2), {day(0)}, day(5), day(4)).empty());
}

TEST(DoneCredit, DailyNeedsACompletionThatDay) {
  const auto d = done_credit(kDaily, pattern("1101"), day(0), day(4));
  const std::vector<double> want = {1, 1, 0, 1, 0};
  EXPECT_EQ(d, want);
}

TEST(DoneCredit, WeeklyCountsTheTrailingSevenDays) {
  // 3x/week, done Mon, Wed, Fri of the first week only: k in each trailing window, over N = 3.
  const auto d = done_credit(per_week(3), pattern("10101"), day(0), day(13));
  //                               M  T  W  T  F  S  S  M  T  W  T  F  S  S
  const std::vector<int> k = {1, 1, 2, 2, 3, 3, 3, 2, 2, 1, 1, 0, 0, 0};
  ASSERT_EQ(d.size(), k.size());
  for (size_t i = 0; i < d.size(); ++i) EXPECT_DOUBLE_EQ(d[i], k[i] / 3.0) << "day " << i;
}

TEST(DoneCredit, WeeklyIsCappedAtOne) {
  // 2x/week, done every day: a full week holds 7, which is still full credit, not 3.5.
  const auto d = done_credit(per_week(2), pattern(std::string(14, '1')), day(0), day(13));
  EXPECT_EQ(d, reference_credit(per_week(2), pattern(std::string(14, '1')), day(0), day(13)));
  for (double c : d) EXPECT_LE(c, 1.0);
  EXPECT_DOUBLE_EQ(d[0], 0.5);
  EXPECT_DOUBLE_EQ(d.back(), 1.0);
}

TEST(DoneCredit, WeeklyCountsCompletionsJustBeforeFrom) {
  // 2x/week; done on day -3 and day 1: day 1's window (days -5..1) holds both.
  const auto d = done_credit(per_week(2), {day(-3), day(1)}, day(0), day(4));
  const std::vector<double> want = {0.5, 1, 1, 1, 0.5};  // day 4's window is -2..4
  EXPECT_EQ(d, want);
}

TEST(DoneCredit, WeeklyMatchesTheReferenceOnManyPatterns) {
  // Completions start within the 6 days before `from`, the range the window reaches back to.
  const std::vector<std::string> patterns = {
      "101010010101001010101110000001",
      "111111100000001111111000000011",
      "000000000000000000000000000001",
      "100000010000001000000100000010",
      "110011001100110011001100110011",
  };
  for (int times = 1; times <= 7; ++times)
    for (const std::string& p : patterns) {
      SCOPED_TRACE(std::to_string(times) + "x/week " + p);
      const auto done = pattern(p, -6);
      expect_near_all(done_credit(per_week(times), done, day(0), day(40)),
                      reference_credit(per_week(times), done, day(0), day(40)));
    }
}

TEST(DoneCredit, CompletionSevenDaysBeforeFromIsOutsideTheWindow) {
  // 2x/week; done on days -7, -1 and 0. Day 0's window is days -6..0: two completions.
  const std::vector<Date> both = {day(-7), day(-1), day(0)};
  const std::vector<double> want = {1, 1, 1, 1, 1, 1};  // day 5's window is -1..5
  EXPECT_EQ(done_credit(per_week(2), both, day(0), day(5)), want);
  // 1x/week with only the day -7 completion: nothing in any window from day 0 on.
  const auto alone = done_credit(per_week(1), {day(-7)}, day(0), day(3));
  for (double c : alone) EXPECT_EQ(c, 0.0);
  for (double s : strength_series(per_week(1), {day(-7)}, day(0), day(3))) EXPECT_GE(s, 0.0);
}

// --- streaks ------------------------------------------------------------------------------------

TEST(Streaks, Daily) {
  struct Case {
    const char* name;
    std::string pattern;  // from day 0
    int today;
    int current, longest;
  };
  const std::vector<Case> cases = {
      {"nothing yet", "", 0, 0, 0},
      {"done today", "1", 0, 1, 1},
      {"five days, today not yet done", "11111", 5, 5, 5},
      {"five days, yesterday missed", "11111", 6, 0, 5},
      {"a break, then six days", "1110111111", 9, 6, 6},
      {"long run earlier, short run now", "11111011", 7, 2, 5},
      {"short run now, today not yet done", "11111011", 8, 2, 5},
      {"only today missing in a long run", std::string(30, '1'), 30, 30, 30},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Streaks s = streaks(kDaily, pattern(c.pattern), day(0), day(c.today));
    EXPECT_FALSE(s.weekly);
    EXPECT_EQ(s.current, c.current);
    EXPECT_EQ(s.longest, c.longest);
  }
}

TEST(Streaks, Weekly) {
  // 2x/week; kD0 is a Monday, so each 7 characters are one ISO week.
  struct Case {
    const char* name;
    std::string pattern;
    int today;
    int current, longest;
  };
  const std::vector<Case> cases = {
      {"two full weeks, this week not yet done", "1010000" "0000011", 15, 2, 2},
      {"two full weeks, this week done", "1010000" "0000011" "11", 15, 3, 3},
      {"a short week breaks the run", "1100000" "1000000" "0110000" "0000101", 27, 2, 2},
      {"last week missed", "1100000" "1100000" "1100000" "0000000", 29, 0, 3},
      {"three in a week still count once", "1110000", 6, 1, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Streaks s = streaks(per_week(2), pattern(c.pattern), day(0), day(c.today));
    EXPECT_TRUE(s.weekly);
    EXPECT_EQ(s.current, c.current);
    EXPECT_EQ(s.longest, c.longest);
  }
}

TEST(Streaks, TodayBeforeFromIsEmpty) {
  const Streaks s = streaks(kDaily, {day(0)}, day(5), day(2));
  EXPECT_EQ(s.current, 0);
  EXPECT_EQ(s.longest, 0);
}

}  // namespace
}  // namespace headway::core
