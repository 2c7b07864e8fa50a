#include "core/goal.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

TEST(ParseFrequency, Table) {
  struct Case {
    std::string text;
    std::optional<Frequency> want;
  };
  const std::vector<Case> cases = {
      {"daily", Frequency{1, false}},
      {"1x/week", Frequency{1, true}},
      {"2x/week", Frequency{2, true}},
      {"3x/week", Frequency{3, true}},
      {"4x/week", Frequency{4, true}},
      {"5x/week", Frequency{5, true}},
      {"6x/week", Frequency{6, true}},
      {"7x/week", Frequency{7, true}},
      {"0x/week", std::nullopt},
      {"8x/week", std::nullopt},
      {"10x/week", std::nullopt},
      {"-1x/week", std::nullopt},
      {"3x/week ", std::nullopt},
      {" 3x/week", std::nullopt},
      {"x/week", std::nullopt},
      {"3/week", std::nullopt},
      {"3x/Week", std::nullopt},
      {"3X/week", std::nullopt},
      {"3x/day", std::nullopt},
      {"3xx/week", std::nullopt},
      {"+3x/week", std::nullopt},
      {"weekly", std::nullopt},
      {"Daily", std::nullopt},
      {"daily ", std::nullopt},
      {"", std::nullopt},
      {std::string(1000, '9') + "x/week", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("\"" + c.text.substr(0, 30) + "\"");
    const auto f = parse_frequency(c.text);
    ASSERT_EQ(f.has_value(), c.want.has_value());
    if (c.want) {
      EXPECT_EQ(*f, *c.want);
    } else {
      EXPECT_EQ(f.error().code, ErrorCode::invalid);
      EXPECT_EQ(f.error().field, "frequency");
      EXPECT_LT(f.error().message.size(), 200u);
    }
  }
}

TEST(Frequency, ToStringRoundTrips) {
  std::vector<Frequency> all = {Frequency{1, false}};
  for (int n = 1; n <= 7; ++n) all.push_back(Frequency{n, true});
  for (const Frequency& f : all) {
    const auto back = parse_frequency(to_string(f));
    ASSERT_TRUE(back) << to_string(f);
    EXPECT_EQ(*back, f);
  }
  EXPECT_EQ(to_string(Frequency{1, false}), "daily");
  EXPECT_EQ(to_string(Frequency{3, true}), "3x/week");
}

TEST(Frequency, PerDay) {
  EXPECT_DOUBLE_EQ((Frequency{1, false}).per_day(), 1.0);
  EXPECT_DOUBLE_EQ((Frequency{3, true}).per_day(), 3.0 / 7.0);
  EXPECT_DOUBLE_EQ((Frequency{7, true}).per_day(), 1.0);
}

Goal valid_goal() {
  Goal g;
  g.title = "Leave on time";
  g.wish = "Evenings with my family";
  g.if_cue = "If it is 17:30 and I am still at my desk,";
  g.then_action = "then I write tomorrow's first task and close the laptop.";
  g.value_ids = {1};
  return g;
}

TEST(ValidateGoal, Table) {
  struct Case {
    const char* name;
    std::function<void(Goal&)> change;
    const char* field;  // empty: valid
  };
  const std::vector<Case> cases = {
      {"valid as is", [](Goal&) {}, ""},
      {"no if-then plan at all", [](Goal& g) { g.if_cue.clear(), g.then_action.clear(); }, ""},
      {"several values", [](Goal& g) { g.value_ids = {1, 2, 3}; }, ""},
      {"empty title", [](Goal& g) { g.title.clear(); }, "title"},
      {"blank title", [](Goal& g) { g.title = "   "; }, "title"},
      {"two-line title", [](Goal& g) { g.title = "Leave\non time"; }, "title"},
      {"title too long", [](Goal& g) { g.title = std::string(101, 'a'); }, "title"},
      {"title at the limit", [](Goal& g) { g.title = std::string(100, 'a'); }, ""},
      {"control character in the title", [](Goal& g) { g.title = "a\x07"; }, "title"},
      {"if without then", [](Goal& g) { g.then_action.clear(); }, "then"},
      {"then without if", [](Goal& g) { g.if_cue.clear(); }, "if"},
      {"if too long", [](Goal& g) { g.if_cue = std::string(501, 'a'); }, "if"},
      {"then too long", [](Goal& g) { g.then_action = std::string(501, 'a'); }, "then"},
      {"wish too long", [](Goal& g) { g.wish = std::string(2001, 'a'); }, "wish"},
      {"outcome with a control character", [](Goal& g) { g.outcome = "x\x1b"; }, "outcome"},
      {"obstacle too long", [](Goal& g) { g.obstacle = std::string(2001, 'a'); }, "obstacle"},
      {"no values", [](Goal& g) { g.value_ids.clear(); }, "value"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Goal g = valid_goal();
    c.change(g);
    const auto r = validate_goal(g);
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(r) << r.error().field << ": " << r.error().message;
    } else {
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, c.field) << r.error().message;
    }
  }
}

TEST(Barrier, NamesRoundTrip) {
  for (Barrier b : {Barrier::workplace_expectations, Barrier::mental_load, Barrier::lack_of_support,
                    Barrier::unclear_goals, Barrier::systemic}) {
    const auto p = parse_barrier(to_string(b));
    ASSERT_TRUE(p) << to_string(b);
    EXPECT_EQ(*p, b);
  }
  const auto bad = parse_barrier("money");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "barrier");
}

}  // namespace
}  // namespace headway::core
