#include "core/stage.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

const Frequency kDaily{1, false};
Frequency per_week(int n) { return Frequency{n, true}; }

const Date kD0 = make_date(2026, 9, 1);
Date day(int n) { return add_days(kD0, n); }

// Completions on days from..to of kD0, every `step` days.
std::vector<Date> every(int from, int to, int step = 1) {
  std::vector<Date> out;
  for (int i = from; i <= to; i += step) out.push_back(day(i));
  return out;
}

TEST(StageFor, EveryAnswer) {
  struct Case {
    const char* answer;
    StagingAnswer parsed;
    Stage stage;
  };
  const std::vector<Case> cases = {
      {"not-intending", StagingAnswer::not_intending, Stage::precontemplation},
      {"within-6-months", StagingAnswer::within_6_months, Stage::contemplation},
      {"within-30-days", StagingAnswer::within_30_days, Stage::preparation},
      {"doing-less-than-6-months", StagingAnswer::doing_less_than_6_months, Stage::action},
      {"doing-more-than-6-months", StagingAnswer::doing_more_than_6_months, Stage::maintenance},
  };
  for (const Case& c : cases) {
    const auto a = parse_staging_answer(c.answer);
    ASSERT_TRUE(a) << c.answer;
    EXPECT_EQ(*a, c.parsed) << c.answer;
    EXPECT_EQ(stage_for(*a), c.stage) << c.answer;
    EXPECT_STREQ(to_string(*a), c.answer);
  }
}

TEST(ParseStagingAnswer, Errors) {
  for (const char* bad : {"", "not intending", "Not-Intending", "not-intending ", "doing", "maybe", "action",
                          "within-6-month", "within-30-days\n"}) {
    const auto a = parse_staging_answer(bad);
    ASSERT_FALSE(a) << bad;
    EXPECT_EQ(a.error().code, ErrorCode::invalid);
    EXPECT_EQ(a.error().field, "answer") << bad;
    // The message lists the choices so the person can pick one.
    EXPECT_NE(a.error().message.find("within-30-days"), std::string::npos) << a.error().message;
  }
  const auto named = parse_staging_answer("nope", "stage_answer");
  ASSERT_FALSE(named);
  EXPECT_EQ(named.error().field, "stage_answer");
}

TEST(ParseStage, NamesRoundTrip) {
  for (Stage s : {Stage::precontemplation, Stage::contemplation, Stage::preparation, Stage::action,
                  Stage::maintenance}) {
    const auto p = parse_stage(to_string(s));
    ASSERT_TRUE(p) << to_string(s);
    EXPECT_EQ(*p, s);
    EXPECT_STRNE(stage_guidance(s), "");
  }
  const auto bad = parse_stage("relapse");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "stage");
}

TEST(RestageDue, ThirtyDays) {
  struct Case {
    int days_since;
    bool due;
  };
  const std::vector<Case> cases = {{0, false}, {1, false}, {29, false}, {30, true}, {31, true}, {365, true}};
  for (const Case& c : cases) EXPECT_EQ(restage_due(kD0, day(c.days_since)), c.due) << c.days_since;
}

TEST(SlipGapDays, ByFrequency) {
  // max(7, ceil(3 / f)) with f repetitions per day.
  struct Case {
    Frequency f;
    int gap;
  };
  const std::vector<Case> cases = {
      {kDaily, 7},         // ceil(3/1) = 3
      {per_week(1), 21},   // ceil(3/(1/7)) = 21
      {per_week(2), 11},   // ceil(10.5)
      {per_week(3), 7},    // exactly 7: must not round up to 8
      {per_week(4), 7},    // ceil(5.25) = 6
      {per_week(6), 7},
      {per_week(7), 7},
  };
  for (const Case& c : cases) EXPECT_EQ(slip_gap_days(c.f), c.gap) << to_string(c.f);
}

TEST(DetectSlip, Table) {
  struct Case {
    const char* name;
    Stage stage;
    int since;  // stage entered on day(since)
    Frequency freq;
    std::vector<Date> done;
    int today;
    std::optional<int> slip;  // day number of the slip
  };
  const std::vector<Case> cases = {
      {"daily, done every day", Stage::action, 0, kDaily, every(0, 40), 40, std::nullopt},
      {"daily, done every 7th day", Stage::action, 0, kDaily, every(0, 40, 7), 40, std::nullopt},
      {"daily, 6 empty days then done", Stage::action, 0, kDaily, {day(0), day(7)}, 12, std::nullopt},
      // Done on days 0..9; days 10..16 are the 7 empty days.
      {"daily, a week's gap", Stage::action, 0, kDaily, every(0, 9), 25, 16},
      {"daily, gap reaches 7 today", Stage::action, 0, kDaily, every(0, 9), 16, 16},
      {"daily, gap only 6 so far", Stage::action, 0, kDaily, every(0, 9), 15, std::nullopt},
      {"daily, done again after a slip", Stage::action, 0, kDaily, {day(0), day(20)}, 22, 7},
      {"daily, nothing since the stage began", Stage::action, 0, kDaily, {}, 30, 6},
      {"maintenance slips too", Stage::maintenance, 0, kDaily, every(0, 9), 25, 16},
      // The last completion was on day -10, but only days from the stage's start count.
      {"gap began before the stage", Stage::action, 0, kDaily, {day(-10)}, 30, 6},
      {"gap began before, stage just entered", Stage::action, 0, kDaily, {day(-10)}, 5, std::nullopt},
      {"completions before the stage are ignored", Stage::action, 10, kDaily, every(0, 9), 30, 16},
      {"3x/week uses a 7-day gap", Stage::action, 0, per_week(3), {day(0), day(2), day(4)}, 30, 11},
      {"3x/week, gaps of 6", Stage::action, 0, per_week(3), every(0, 60, 7), 60, std::nullopt},
      {"1x/week uses a 21-day gap", Stage::action, 0, per_week(1), {day(0)}, 30, 21},
      {"1x/week, 20 empty days are fine", Stage::action, 0, per_week(1), every(0, 63, 21), 63, std::nullopt},
      {"1x/week, 21 empty days slip", Stage::action, 0, per_week(1), every(0, 66, 22), 66, 21},
      {"1x/week, not yet", Stage::action, 0, per_week(1), {day(0)}, 20, std::nullopt},
      {"precontemplation never slips", Stage::precontemplation, 0, kDaily, {}, 100, std::nullopt},
      {"contemplation never slips", Stage::contemplation, 0, kDaily, {}, 100, std::nullopt},
      {"preparation never slips", Stage::preparation, 0, kDaily, {}, 100, std::nullopt},
      {"today before the stage began", Stage::action, 10, kDaily, {}, 5, std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto slip = detect_slip(c.stage, day(c.since), c.freq, c.done, day(c.today));
    ASSERT_EQ(slip.has_value(), c.slip.has_value()) << (slip ? to_string(*slip) : "none");
    if (c.slip) {
      EXPECT_EQ(to_string(*slip), to_string(day(*c.slip)));
    }
  }
}

TEST(DetectSlip, DuplicateCompletionsDoNotHideAGap) {
  const std::vector<Date> done = {day(0), day(0), day(3), day(3)};
  const auto slip = detect_slip(Stage::action, kD0, kDaily, done, day(20));
  ASSERT_TRUE(slip);
  EXPECT_EQ(*slip, day(10));  // empty days 4..10
}

}  // namespace
}  // namespace headway::core
