#include "core/instrument.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

// A small instrument on a 1-5 response scale:
//   plain  (mean): p1, p2              bands low 0, mid 37.5, high 75
//   mixed  (mean): x1, x2 (reversed)   bands low 0, high 50
//   summed (sum):  s1, s2, s3          bands low 0, high 50
// Items are interleaved so scoring must follow each item's scale, not its position.
Instrument small_instrument() {
  Instrument in;
  in.id = "small";
  in.version = "1";
  in.title = "Small";
  in.response_min = 1;
  in.response_max = 5;
  in.scales = {
      Scale{"plain", "Plain", false, true, {{"low", "Low", 0}, {"mid", "Middle", 37.5}, {"high", "High", 75}}},
      Scale{"mixed", "Mixed", false, false, {{"low", "Low", 0}, {"high", "High", 50}}},
      Scale{"summed", "Summed", true, false, {{"low", "Low", 0}, {"high", "High", 50}}},
  };
  in.items = {
      Item{"p1", "plain", "Plain one", false},  Item{"x1", "mixed", "Mixed one", false},
      Item{"s1", "summed", "Summed one", false}, Item{"p2", "plain", "Plain two", false},
      Item{"x2", "mixed", "Mixed two", true},   Item{"s2", "summed", "Summed two", false},
      Item{"s3", "summed", "Summed three", false},
  };
  return in;
}

TEST(ValidateInstrument, SmallInstrumentIsValid) {
  const auto v = validate_instrument(small_instrument());
  EXPECT_TRUE(v) << v.error().field << ": " << v.error().message;
}

TEST(Score, Table) {
  // Answers in item order: p1, x1, s1, p2, x2, s2, s3. Expected scores worked out by hand:
  // each answer a maps to a-1 (or 5-a when reversed); a scale is sum / (items * 4) * 100.
  struct Case {
    const char* name;
    std::vector<int> answers;
    double plain, mixed, summed;
    const char *plain_band, *mixed_band, *summed_band;
  };
  const std::vector<Case> cases = {
      {"all minimum", {1, 1, 1, 1, 1, 1, 1}, 0, 50, 0, "low", "high", "low"},  // x2 reversed: 1 -> 4
      {"all maximum", {5, 5, 5, 5, 5, 5, 5}, 100, 50, 100, "high", "high", "high"},
      {"mixed scale at its maximum", {1, 5, 1, 1, 1, 1, 1}, 0, 100, 0, "low", "high", "low"},
      {"mixed scale at its minimum", {1, 1, 1, 1, 5, 1, 1}, 0, 0, 0, "low", "low", "low"},
      {"all middle", {3, 3, 3, 3, 3, 3, 3}, 50, 50, 50, "mid", "high", "high"},
      {"plain just below mid", {2, 3, 1, 2, 3, 1, 2}, 25, 50, 100.0 / 12, "low", "high", "low"},
      {"plain on the mid cut-off", {2, 3, 1, 3, 3, 2, 2}, 37.5, 50, 200.0 / 12, "mid", "high", "low"},
      {"plain on the high cut-off", {4, 3, 5, 4, 3, 5, 4}, 75, 50, 1100.0 / 12, "high", "high", "high"},
      {"plain just below high", {4, 2, 4, 3, 4, 2, 1}, 62.5, 25, 400.0 / 12, "mid", "low", "low"},
  };
  const Instrument in = small_instrument();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = score(in, c.answers);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->size(), 3u);
    // Scores come out in the instrument's scale order.
    EXPECT_EQ((*r)[0].scale, "plain");
    EXPECT_EQ((*r)[1].scale, "mixed");
    EXPECT_EQ((*r)[2].scale, "summed");
    EXPECT_NEAR((*r)[0].score, c.plain, 1e-9);
    EXPECT_NEAR((*r)[1].score, c.mixed, 1e-9);
    EXPECT_NEAR((*r)[2].score, c.summed, 1e-9);
    EXPECT_EQ((*r)[0].band, c.plain_band);
    EXPECT_EQ((*r)[1].band, c.mixed_band);
    EXPECT_EQ((*r)[2].band, c.summed_band);
    for (const ScaleScore& s : *r) {
      EXPECT_EQ(s.lowest_band, s.band == "low") << s.scale;
      EXPECT_GE(s.score, 0.0);
      EXPECT_LE(s.score, 100.0);
    }
  }
}

TEST(Score, BandCutOffHoldsDespiteRounding) {
  // Three items: 4 of 12 steps is 33.33...; a cut-off written as 100/3 must still include it.
  Instrument in;
  in.id = "thirds";
  in.version = "1";
  in.scales = {Scale{"s", "S", false, false, {{"low", "Low", 0}, {"high", "High", 100.0 / 3.0}}}};
  in.items = {Item{"a", "s", "A", false}, Item{"b", "s", "B", false}, Item{"c", "s", "C", false}};
  const auto r = score(in, {2, 2, 3});  // (1 + 1 + 2) / 12
  ASSERT_TRUE(r);
  EXPECT_NEAR((*r)[0].score, 100.0 / 3.0, 1e-9);
  EXPECT_EQ((*r)[0].band, "high");
  EXPECT_FALSE((*r)[0].lowest_band);
}

TEST(Score, ResponseScaleNotStartingAtOne) {
  // A 0-10 response scale: 0 maps to 0 and 10 to 100, reversed items flip around 5.
  Instrument in;
  in.id = "zero";
  in.version = "1";
  in.response_min = 0;
  in.response_max = 10;
  in.scales = {Scale{"s", "S", false, false, {{"low", "Low", 0}, {"high", "High", 50}}}};
  in.items = {Item{"a", "s", "A", false}, Item{"b", "s", "B", true}};
  struct Case {
    std::vector<int> answers;
    double score;
  };
  for (const Case& c : std::vector<Case>{{{0, 10}, 0}, {{10, 0}, 100}, {{7, 7}, 50}, {{10, 10}, 50}, {{2, 8}, 20}}) {
    const auto r = score(in, c.answers);
    ASSERT_TRUE(r);
    EXPECT_NEAR((*r)[0].score, c.score, 1e-9) << c.answers[0] << "," << c.answers[1];
  }
}

TEST(Score, RejectsBadAnswers) {
  const Instrument in = small_instrument();
  const std::vector<std::vector<int>> bad = {
      {},
      {3, 3, 3, 3, 3, 3},           // one short
      {3, 3, 3, 3, 3, 3, 3, 3},     // one too many
      {0, 3, 3, 3, 3, 3, 3},        // below the scale
      {3, 3, 3, 3, 3, 3, 6},        // above the scale
      {3, 3, 3, -1, 3, 3, 3},
  };
  for (const auto& answers : bad) {
    const auto r = score(in, answers);
    ASSERT_FALSE(r) << answers.size() << " answers";
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, "answers");
  }
}

TEST(ParseAnswers, Table) {
  struct Case {
    std::string text;
    std::optional<std::vector<int>> want;
  };
  const std::vector<Case> cases = {
      {"1,2,3", std::vector<int>{1, 2, 3}},
      {"5", std::vector<int>{5}},
      {" 1 , 2 ,3 ", std::vector<int>{1, 2, 3}},
      {"-1,0", std::vector<int>{-1, 0}},  // parsed here; score() judges the range
      {"", std::nullopt},
      {",", std::nullopt},
      {"1,,2", std::nullopt},
      {"1,2,", std::nullopt},
      {",1,2", std::nullopt},
      {"1;2", std::nullopt},
      {"1 2", std::nullopt},
      {"a,b", std::nullopt},
      {"1.5,2", std::nullopt},
      {"99999999999999999999", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("\"" + c.text + "\"");
    const auto r = parse_answers(c.text);
    ASSERT_EQ(r.has_value(), c.want.has_value());
    if (c.want) {
      EXPECT_EQ(*r, *c.want);
    } else {
      EXPECT_EQ(r.error().field, "answers");
    }
  }
}

TEST(ParseAnswers, LimitsTheCount) {
  std::string many = "3";
  for (int i = 1; i < 1000; ++i) many += ",3";
  const auto ok = parse_answers(many);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 1000u);
  const auto too_many = parse_answers(many + ",3");
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().field, "answers");
  EXPECT_EQ(parse_answers("x", "scores").error().field, "scores");
}

TEST(MeaningfulChange, TenPointsOrMore) {
  struct Case {
    double before, after;
    bool meaningful;
  };
  const std::vector<Case> cases = {
      {50, 59.9, false}, {50, 60, true},  {50, 40, true},  {50, 40.1, false}, {0, 10, true},
      {100, 90, true},   {10, 0, true},   {40, 50, true},  {50, 50, false},   {0, 100, true},
      {62.5, 75, true},  {75, 62.5, true}, {62.5, 68.75, false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(meaningful_change(c.before, c.after), c.meaningful) << c.before << " -> " << c.after;
}

TEST(MeaningfulChange, TenPointsBetweenComputedScores) {
  // A five-item scale: each step of raw score is 100/20 = 5 points.
  Instrument in;
  in.id = "five";
  in.version = "1";
  in.scales = {Scale{"s", "S", false, true, {{"low", "Low", 0}, {"high", "High", 50}}}};
  for (const char* id : {"a", "b", "c", "d", "e"}) in.items.push_back(Item{id, "s", "Item", false});
  const auto before = score(in, {3, 3, 3, 3, 4});  // raw 2+2+2+2+3 = 11 of 20: 55
  const auto after = score(in, {3, 3, 4, 4, 4});   // raw 13 of 20: 65
  ASSERT_TRUE(before && after);
  EXPECT_NEAR((*before)[0].score, 55, 1e-9);
  EXPECT_NEAR((*after)[0].score, 65, 1e-9);
  EXPECT_TRUE(meaningful_change((*before)[0].score, (*after)[0].score));
}

TEST(ValidateInstrument, Errors) {
  struct Case {
    const char* name;
    void (*change)(Instrument&);
    const char* field;
  };
  const std::vector<Case> cases = {
      {"no id", [](Instrument& in) { in.id.clear(); }, "id"},
      {"no version", [](Instrument& in) { in.version.clear(); }, "version"},
      {"response max not above min", [](Instrument& in) { in.response_max = in.response_min; }, "response_scale"},
      {"no scales", [](Instrument& in) { in.scales.clear(); }, "scales"},
      {"no items", [](Instrument& in) { in.items.clear(); }, "items"},
      {"duplicate scale", [](Instrument& in) { in.scales[1].id = "plain"; }, "scales"},
      {"bands not from 0", [](Instrument& in) { in.scales[0].bands[0].min = 5; }, "scales.plain.bands"},
      {"no bands", [](Instrument& in) { in.scales[0].bands.clear(); }, "scales.plain.bands"},
      {"bands not ascending", [](Instrument& in) { in.scales[0].bands[2].min = 30; }, "scales.plain.bands"},
      {"band above 100", [](Instrument& in) { in.scales[0].bands[2].min = 101; }, "scales.plain.bands"},
      {"duplicate item", [](Instrument& in) { in.items[1].id = "p1"; }, "items"},
      {"item on an unknown scale", [](Instrument& in) { in.items[0].scale = "nope"; }, "items.p1.scale"},
      {"item without text", [](Instrument& in) { in.items[0].text.clear(); }, "items.p1.text"},
      {"scale without items",
       [](Instrument& in) { in.scales.push_back(Scale{"empty", "E", false, false, {{"low", "Low", 0}}}); },
       "scales.empty"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Instrument in = small_instrument();
    c.change(in);
    const auto v = validate_instrument(in);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().field, c.field) << v.error().message;
  }
}

}  // namespace
}  // namespace headway::core
