#include "core/strategy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace headway::core {
namespace {

bool has_barrier(const Strategy& s, Barrier b) {
  return std::find(s.barriers.begin(), s.barriers.end(), b) != s.barriers.end();
}

bool has_stage(const Strategy& s, Stage st) {
  return std::find(s.stages.begin(), s.stages.end(), st) != s.stages.end();
}

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char prev = 0;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

TEST(StrategyLibrary, HasAtLeastThirtyStrategies) { EXPECT_GE(strategy_library().size(), 30u); }

TEST(StrategyLibrary, IdsAreUniqueAndKebabCase) {
  std::set<std::string> seen;
  for (const Strategy& s : strategy_library()) {
    EXPECT_TRUE(is_kebab_case(s.id)) << s.id;
    EXPECT_TRUE(seen.insert(s.id).second) << "duplicate id " << s.id;
  }
}

TEST(StrategyLibrary, EveryFieldIsFilledAndTagged) {
  for (const Strategy& s : strategy_library()) {
    EXPECT_FALSE(std::string_view(s.title).empty()) << s.id;
    EXPECT_FALSE(std::string_view(s.summary).empty()) << s.id;
    EXPECT_GE(s.barriers.size(), 1u) << s.id;
    EXPECT_LE(s.barriers.size(), 2u) << s.id;
    EXPECT_GE(s.stages.size(), 1u) << s.id;
  }
}

TEST(StrategyLibrary, IfThenPlansAreReadyToUse) {
  for (const Strategy& s : strategy_library()) {
    EXPECT_TRUE(std::string_view(s.if_cue).starts_with("If ")) << s.id << ": " << s.if_cue;
    EXPECT_TRUE(std::string_view(s.then_action).starts_with("then ")) << s.id << ": " << s.then_action;
  }
}

TEST(StrategyLibrary, FindStrategy) {
  const Strategy* s = find_strategy("shutdown-ritual");
  ASSERT_NE(s, nullptr);
  EXPECT_STREQ(s->id, "shutdown-ritual");
  EXPECT_EQ(find_strategy("no-such-strategy"), nullptr);
  EXPECT_EQ(find_strategy(""), nullptr);
  for (const Strategy& each : strategy_library()) EXPECT_EQ(find_strategy(each.id), &each);
}

class BarrierCoverage : public ::testing::TestWithParam<Barrier> {};

TEST_P(BarrierCoverage, AtLeastFiveStrategies) {
  const auto n = std::count_if(strategy_library().begin(), strategy_library().end(),
                               [](const Strategy& s) { return has_barrier(s, GetParam()); });
  EXPECT_GE(n, 5) << to_string(GetParam());
}

INSTANTIATE_TEST_SUITE_P(AllBarriers, BarrierCoverage,
                         ::testing::Values(Barrier::workplace_expectations, Barrier::mental_load,
                                           Barrier::lack_of_support, Barrier::unclear_goals, Barrier::systemic),
                         [](const auto& info) {
                           std::string name = to_string(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

class StageCoverage : public ::testing::TestWithParam<Stage> {};

TEST_P(StageCoverage, AtLeastFourStrategies) {
  const auto n = std::count_if(strategy_library().begin(), strategy_library().end(),
                               [](const Strategy& s) { return has_stage(s, GetParam()); });
  EXPECT_GE(n, 4) << to_string(GetParam());
}

INSTANTIATE_TEST_SUITE_P(AllStages, StageCoverage,
                         ::testing::Values(Stage::precontemplation, Stage::contemplation, Stage::preparation,
                                           Stage::action, Stage::maintenance),
                         [](const auto& info) { return std::string(to_string(info.param)); });

// A profile where one barrier scores 90 and the others 10 puts a strategy for that barrier first.
class StrongestBarrierFirst : public ::testing::TestWithParam<Barrier> {};

TEST_P(StrongestBarrierFirst, TopSuggestionAddressesIt) {
  SuggestionInput in;
  in.barrier_scores.assign(5, 10.0);
  in.barrier_scores[static_cast<size_t>(GetParam())] = 90.0;
  const auto out = suggest(in, 5);
  ASSERT_FALSE(out.empty());
  EXPECT_TRUE(has_barrier(*out.front().strategy, GetParam())) << out.front().strategy->id;
  EXPECT_NE(out.front().reason.find("strongest barrier"), std::string::npos) << out.front().reason;
  EXPECT_NE(out.front().reason.find("90/100"), std::string::npos) << out.front().reason;
}

INSTANTIATE_TEST_SUITE_P(AllBarriers, StrongestBarrierFirst,
                         ::testing::Values(Barrier::workplace_expectations, Barrier::mental_load,
                                           Barrier::lack_of_support, Barrier::unclear_goals, Barrier::systemic),
                         [](const auto& info) {
                           std::string name = to_string(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(Suggest, WorkplaceExpectationsFirstWithReason) {
  SuggestionInput in;
  in.barrier_scores = {90, 10, 10, 10, 10};
  const auto out = suggest(in, 5);
  ASSERT_FALSE(out.empty());
  EXPECT_TRUE(has_barrier(*out.front().strategy, Barrier::workplace_expectations));
  EXPECT_NE(out.front().reason.find("workplace expectations"), std::string::npos) << out.front().reason;
}

TEST(Suggest, GoalStageAndBarrierPullMatchingStrategiesToTop) {
  SuggestionInput in;
  in.goals.push_back({Stage::preparation, Barrier::mental_load});
  const auto out = suggest(in, 5);
  ASSERT_FALSE(out.empty());
  const auto both = std::count_if(strategy_library().begin(), strategy_library().end(), [](const Strategy& s) {
    return has_barrier(s, Barrier::mental_load) && has_stage(s, Stage::preparation);
  });
  ASSERT_GE(both, 1);
  const size_t expect_both = std::min<size_t>(static_cast<size_t>(both), out.size());
  for (size_t i = 0; i < expect_both; ++i) {
    EXPECT_TRUE(has_barrier(*out[i].strategy, Barrier::mental_load)) << out[i].strategy->id;
    EXPECT_TRUE(has_stage(*out[i].strategy, Stage::preparation)) << out[i].strategy->id;
    EXPECT_DOUBLE_EQ(out[i].score, 2.0);
    EXPECT_NE(out[i].reason.find("preparation"), std::string::npos) << out[i].reason;
  }
}

TEST(Suggest, ScoresDescendAndTiesKeepLibraryOrder) {
  SuggestionInput in;
  in.barrier_scores = {72, 40, 55, 20, 10};
  in.goals.push_back({Stage::action, Barrier::workplace_expectations});
  const auto out = suggest(in, 100);
  ASSERT_GE(out.size(), 2u);
  const auto lib = strategy_library();
  auto index = [&](const Strategy* s) { return s - lib.data(); };
  for (size_t i = 1; i < out.size(); ++i) {
    EXPECT_GE(out[i - 1].score, out[i].score);
    if (out[i - 1].score == out[i].score) {
      EXPECT_LT(index(out[i - 1].strategy), index(out[i].strategy));
    }
  }
  for (const auto& s : out) EXPECT_GT(s.score, 0.0);
}

struct LimitCase {
  size_t limit;
  size_t expected;
};

class SuggestLimit : public ::testing::TestWithParam<LimitCase> {};

TEST_P(SuggestLimit, IsRespected) {
  SuggestionInput in;
  in.barrier_scores = {50, 50, 50, 50, 50};
  const auto out = suggest(in, GetParam().limit);
  EXPECT_EQ(out.size(), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Limits, SuggestLimit,
                         ::testing::Values(LimitCase{0, 0}, LimitCase{1, 1}, LimitCase{3, 3}, LimitCase{5, 5},
                                           LimitCase{10, 10}));

TEST(Suggest, AllScoresPositiveProfileReturnsWholeLibraryAtMost) {
  SuggestionInput in;
  in.barrier_scores = {50, 50, 50, 50, 50};
  EXPECT_EQ(suggest(in, 1000).size(), strategy_library().size());
}

TEST(Suggest, EmptyInputStillReturnsSuggestions) {
  const auto out = suggest(SuggestionInput{}, 5);
  ASSERT_EQ(out.size(), 5u);
  for (const auto& s : out) {
    EXPECT_GT(s.score, 0.0);
    EXPECT_TRUE(has_stage(*s.strategy, Stage::contemplation) || has_stage(*s.strategy, Stage::preparation))
        << s.strategy->id;
    EXPECT_FALSE(s.reason.empty());
  }
}

TEST(Suggest, ZeroProfileAndNoGoalsDropsZeroScores) {
  SuggestionInput in;
  in.barrier_scores = {0, 0, 0, 0, 0};
  EXPECT_TRUE(suggest(in, 5).empty());
}

TEST(Suggest, DefaultLimitIsFive) { EXPECT_EQ(suggest(SuggestionInput{}).size(), 5u); }

}  // namespace
}  // namespace headway::core
