#include "ingest/instrument_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/goal.hpp"

namespace headway::ingest {
namespace {

using nlohmann::json;

const std::string kDir = std::string(HEADWAY_TEST_DATA) + "/instruments";

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const core::Instrument* find(const std::vector<core::Instrument>& all, const std::string& id) {
  for (const core::Instrument& in : all)
    if (in.id == id) return &in;
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// --- the shipped instruments -----------------------------------------------------------------------

TEST(BuiltinInstruments, LoadAndValidate) {
  const auto all = builtin_instruments();
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  for (const core::Instrument& in : *all) {
    SCOPED_TRACE(in.id);
    EXPECT_TRUE(core::validate_instrument(in));
    EXPECT_FALSE(in.version.empty());
    EXPECT_FALSE(in.title.empty());
    EXPECT_FALSE(in.licence.empty());
    EXPECT_TRUE(contains(in.note, "not a diagnosis")) << in.note;  // the non-diagnostic note
    EXPECT_FALSE(in.support_pointer.empty());
    EXPECT_EQ(in.response_min, 1);
    EXPECT_EQ(in.response_max, 5);
    EXPECT_EQ(in.response_labels.size(), 5u);
  }
}

TEST(BuiltinInstruments, ShapeOfEach) {
  const auto all = builtin_instruments();
  ASSERT_TRUE(all);
  struct Case {
    const char* id;
    size_t scales, items, items_per_scale;
    bool wellbeing;
  };
  const std::vector<Case> cases = {
      {"balance-check", 4, 16, 4, true},
      {"barrier-profile", 5, 15, 3, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    const core::Instrument* in = find(*all, c.id);
    ASSERT_NE(in, nullptr);
    EXPECT_EQ(in->scales.size(), c.scales);
    EXPECT_EQ(in->items.size(), c.items);
    for (const core::Scale& s : in->scales) {
      const auto n = std::count_if(in->items.begin(), in->items.end(),
                                   [&](const core::Item& it) { return it.scale == s.id; });
      EXPECT_EQ(static_cast<size_t>(n), c.items_per_scale) << s.id;
      EXPECT_EQ(s.wellbeing, c.wellbeing) << s.id;
      EXPECT_FALSE(s.sum) << s.id;
      ASSERT_EQ(s.bands.size(), 3u) << s.id;
      EXPECT_EQ(s.bands[0].min, 0);
      EXPECT_EQ(s.bands[1].min, 40);
      EXPECT_EQ(s.bands[2].min, 70);
    }
  }
  // The barrier scales are named after the five barriers.
  const core::Instrument* barriers = find(*all, "barrier-profile");
  ASSERT_NE(barriers, nullptr);
  for (const char* name : core::kBarrierNames) {
    const bool found = std::any_of(barriers->scales.begin(), barriers->scales.end(),
                                   [&](const core::Scale& s) { return s.id == name; });
    EXPECT_TRUE(found) << name;
  }
}

TEST(BuiltinInstruments, BalanceCheckScoring) {
  const auto all = builtin_instruments();
  ASSERT_TRUE(all);
  const core::Instrument* in = find(*all, "balance-check");
  ASSERT_NE(in, nullptr);

  // All answers at the maximum: a scale without reversed items scores 100. Every shipped scale has
  // some reversed items, so its score is the share of forward items: balance 3 of 4, exhaustion
  // 1 of 4, detachment 3 of 4, boundary control 3 of 4.
  const auto top = core::score(*in, std::vector<int>(in->items.size(), 5));
  ASSERT_TRUE(top);
  ASSERT_EQ(top->size(), 4u);
  for (const core::ScaleScore& s : *top) {
    int forward = 0, total = 0;
    for (const core::Item& it : in->items)
      if (it.scale == s.scale) ++total, forward += !it.reverse;
    EXPECT_NEAR(s.score, 100.0 * forward / total, 1e-9) << s.scale;
    if (forward == total) {
      EXPECT_NEAR(s.score, 100.0, 1e-9) << s.scale;
    }
  }
  const std::vector<double> by_hand = {75, 25, 75, 75};
  for (size_t i = 0; i < by_hand.size(); ++i) EXPECT_NEAR((*top)[i].score, by_hand[i], 1e-9) << (*top)[i].scale;

  // The best answer for every item (max, or min when reversed) gives 100 everywhere; the worst 0,
  // in the lowest band, which carries the support pointer for these wellbeing scales.
  std::vector<int> best, worst;
  for (const core::Item& it : in->items) {
    best.push_back(it.reverse ? 1 : 5);
    worst.push_back(it.reverse ? 5 : 1);
  }
  const auto good = core::score(*in, best);
  const auto bad = core::score(*in, worst);
  ASSERT_TRUE(good && bad);
  for (const core::ScaleScore& s : *good) {
    EXPECT_NEAR(s.score, 100, 1e-9) << s.scale;
    EXPECT_EQ(s.band, "good") << s.scale;
    EXPECT_FALSE(s.lowest_band);
  }
  for (const core::ScaleScore& s : *bad) {
    EXPECT_NEAR(s.score, 0, 1e-9) << s.scale;
    EXPECT_EQ(s.band, "low") << s.scale;
    EXPECT_TRUE(s.lowest_band);
  }
}

// --- parse errors ----------------------------------------------------------------------------------

TEST(ParseInstrumentFile, SyntaxErrorNamesTheLine) {
  const auto r = parse_instrument(read(kDir + "/bad/bad_syntax.json"), "bad_syntax.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid);
  EXPECT_TRUE(contains(r.error().message, "line 3")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "bad_syntax.json")) << r.error().message;
}

TEST(ParseInstrumentFile, SyntaxErrorLineTable) {
  struct Case {
    std::string text;
    int line;
  };
  const std::vector<Case> cases = {
      {"{", 1},
      {"{\n\"id\": \"x\",\n\"version\": ,\n}", 3},
      {"{\n\n\n\n  \"id\": \"x\"\n  \"version\": \"1\"\n}", 6},  // missing comma found at the next key
      {"", 1},
  };
  for (const Case& c : cases) {
    const auto r = parse_instrument(c.text, "inline.json");
    ASSERT_FALSE(r) << c.text;
    EXPECT_TRUE(contains(r.error().message, "line " + std::to_string(c.line))) << c.text << "\n" << r.error().message;
  }
}

TEST(ParseInstrumentFile, GoldenFilesNameTheJsonPath) {
  struct Case {
    const char* file;
    const char* path;
  };
  const std::vector<Case> cases = {
      {"missing_scale.json", "$.items[0].scale"},
      {"bad_bands.json", "$.scales[0].bands[1].min"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const auto r = parse_instrument(read(kDir + "/bad/" + c.file), c.file);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, c.path) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.path)) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.file)) << r.error().message;
  }
}

TEST(ParseInstrumentFile, DescendingBandsAreRejected) {
  const auto r = parse_instrument(read(kDir + "/bad/descending_bands.json"), "descending_bands.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid);
  EXPECT_TRUE(contains(r.error().field, "bands")) << r.error().field;
  EXPECT_TRUE(contains(r.error().message, "descending_bands.json")) << r.error().message;
}

// A small valid instrument as JSON, changed one way per case below.
json valid_json() {
  return json::parse(R"({
    "id": "t", "version": "1", "title": "T", "licence": "CC0", "note": "Not a diagnosis.",
    "response_scale": {"min": 1, "max": 5, "labels": ["a", "b", "c", "d", "e"]},
    "scales": [{"id": "s", "title": "S", "scoring": "mean", "wellbeing": true,
                "bands": [{"id": "low", "label": "Low", "min": 0}, {"id": "high", "label": "High", "min": 50}]}],
    "items": [{"id": "i1", "scale": "s", "text": "One"}, {"id": "i2", "scale": "s", "text": "Two", "reverse": true}]
  })");
}

TEST(ParseInstrumentFile, ValidBaseParses) {
  const auto r = parse_instrument(valid_json().dump(), "t.json");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->id, "t");
  ASSERT_EQ(r->items.size(), 2u);
  EXPECT_FALSE(r->items[0].reverse);  // reverse defaults to false
  EXPECT_TRUE(r->items[1].reverse);
  EXPECT_TRUE(r->scales[0].wellbeing);
  EXPECT_EQ(r->description, "");      // optional
  EXPECT_EQ(r->support_pointer, "");  // optional
}

TEST(ParseInstrumentFile, ErrorPathTable) {
  struct Case {
    const char* name;
    std::function<void(json&)> change;
    const char* field;
  };
  const std::vector<Case> cases = {
      {"no id", [](json& j) { j.erase("id"); }, "$.id"},
      {"numeric version", [](json& j) { j["version"] = 1; }, "$.version"},
      {"no title", [](json& j) { j.erase("title"); }, "$.title"},
      {"no licence", [](json& j) { j.erase("licence"); }, "$.licence"},
      {"no note", [](json& j) { j.erase("note"); }, "$.note"},
      {"no response scale", [](json& j) { j.erase("response_scale"); }, "$.response_scale"},
      {"response scale not an object", [](json& j) { j["response_scale"] = "1-5"; }, "$.response_scale"},
      {"response max missing", [](json& j) { j["response_scale"].erase("max"); }, "$.response_scale.max"},
      {"labels not an array", [](json& j) { j["response_scale"]["labels"] = "abc"; }, "$.response_scale.labels"},
      {"scales not an array", [](json& j) { j["scales"] = json::object(); }, "$.scales"},
      {"scale not an object", [](json& j) { j["scales"][0] = 3; }, "$.scales[0]"},
      {"bad scoring", [](json& j) { j["scales"][0]["scoring"] = "median"; }, "$.scales[0].scoring"},
      {"wellbeing not a bool", [](json& j) { j["scales"][0]["wellbeing"] = "yes"; }, "$.scales[0].wellbeing"},
      {"band without id", [](json& j) { j["scales"][0]["bands"][1].erase("id"); }, "$.scales[0].bands[1].id"},
      {"items missing", [](json& j) { j.erase("items"); }, "$.items"},
      {"item not an object", [](json& j) { j["items"][1] = "Two"; }, "$.items[1]"},
      {"item without text", [](json& j) { j["items"][1].erase("text"); }, "$.items[1].text"},
      {"item scale not a string", [](json& j) { j["items"][0]["scale"] = 1; }, "$.items[0].scale"},
      {"reverse not a bool", [](json& j) { j["items"][0]["reverse"] = "no"; }, "$.items[0].reverse"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    json j = valid_json();
    c.change(j);
    const auto r = parse_instrument(j.dump(2), "t.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "t.json")) << r.error().message;
  }
}

TEST(ParseInstrumentFile, ConsistencyErrorsAreReported) {
  // Valid JSON shape, but inconsistent content: caught by core::validate_instrument.
  const std::vector<std::pair<const char*, std::function<void(json&)>>> cases = {
      {"item on an unknown scale", [](json& j) { j["items"][0]["scale"] = "nope"; }},
      {"duplicate item ids", [](json& j) { j["items"][1]["id"] = "i1"; }},
      {"bands not from zero", [](json& j) { j["scales"][0]["bands"][0]["min"] = 10; }},
      {"max not above min", [](json& j) { j["response_scale"]["max"] = 1; }},
      {"empty id", [](json& j) { j["id"] = ""; }},
  };
  for (const auto& [name, change] : cases) {
    SCOPED_TRACE(name);
    json j = valid_json();
    change(j);
    const auto r = parse_instrument(j.dump(), "t.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_FALSE(r.error().field.empty());
    EXPECT_TRUE(contains(r.error().message, "t.json")) << r.error().message;
  }
}

TEST(ParseInstrumentFile, NotAnObject) {
  for (const char* text : {"[]", "42", "\"text\"", "null"}) {
    const auto r = parse_instrument(text, "t.json");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().field, "file");
  }
}

// --- load_instruments --------------------------------------------------------------------------------

TEST(LoadInstruments, WithoutADirectoryGivesTheBuiltins) {
  for (const std::string& dir : {std::string(), kDir + "/no-such-dir", kDir + "/bad/bad_syntax.json"}) {
    const auto all = load_instruments(dir);
    ASSERT_TRUE(all) << dir << ": " << all.error().message;
    EXPECT_EQ(all->size(), 2u) << dir;
    EXPECT_NE(find(*all, "balance-check"), nullptr);
    EXPECT_NE(find(*all, "barrier-profile"), nullptr);
  }
}

TEST(LoadInstruments, CustomFilesOverrideAndExtend) {
  const auto all = load_instruments(kDir + "/custom");
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->size(), 3u);  // two built-in (one replaced) plus one new; README.txt is ignored
  const core::Instrument* balance = find(*all, "balance-check");
  ASSERT_NE(balance, nullptr);
  EXPECT_EQ(balance->version, "2.0.0-test");
  EXPECT_EQ(balance->scales.size(), 1u);
  EXPECT_EQ(balance->items.size(), 2u);
  EXPECT_EQ(balance->response_min, 0);
  EXPECT_EQ(std::count_if(all->begin(), all->end(), [](const core::Instrument& in) { return in.id == "balance-check"; }),
            1);
  const core::Instrument* barriers = find(*all, "barrier-profile");
  ASSERT_NE(barriers, nullptr);
  EXPECT_EQ(barriers->version, "1.0.0");
  const core::Instrument* sleep = find(*all, "sleep-check");
  ASSERT_NE(sleep, nullptr);
  EXPECT_EQ(sleep->response_max, 7);
  EXPECT_EQ(sleep->scales.size(), 2u);
  EXPECT_EQ(sleep->items.size(), 3u);

  // The replacement scores with its own response scale: 0-4, b2 reversed.
  const auto s = core::score(*balance, {4, 0});
  ASSERT_TRUE(s);
  EXPECT_NEAR((*s)[0].score, 100, 1e-9);
  EXPECT_EQ((*s)[0].band, "good");
  const auto sleepy = core::score(*sleep, {1, 7, 4});
  ASSERT_TRUE(sleepy);
  EXPECT_NEAR((*sleepy)[0].score, 0, 1e-9);
  EXPECT_TRUE((*sleepy)[0].lowest_band);
  EXPECT_NEAR((*sleepy)[1].score, 50, 1e-9);
}

TEST(LoadInstruments, ABrokenFileIsAnErrorNamingIt) {
  const auto all = load_instruments(kDir + "/broken-dir");
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().code, ErrorCode::invalid);
  EXPECT_TRUE(contains(all.error().message, "b_missing_scale.json")) << all.error().message;
  EXPECT_EQ(all.error().field, "$.items[0].scale");
}

}  // namespace
}  // namespace headway::ingest
