#include "core/value.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace headway::core {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(ValueCatalogue, HasAtLeast25UniqueNamedEntries) {
  const auto cat = value_catalogue();
  EXPECT_GE(cat.size(), 25u);
  std::set<std::string> names;
  for (const CatalogueValue& v : cat) {
    ASSERT_NE(v.name, nullptr);
    ASSERT_NE(v.description, nullptr);
    EXPECT_FALSE(std::string(v.name).empty());
    EXPECT_FALSE(std::string(v.description).empty()) << v.name;
    EXPECT_TRUE(names.insert(lower(v.name)).second) << "duplicate (ignoring case): " << v.name;
  }
}

TEST(FindCatalogueValue, IgnoresCase) {
  struct Case {
    const char* query;
    const char* found;  // nullptr: not found
  };
  const std::vector<Case> cases = {
      {"Family", "Family"}, {"family", "Family"}, {"FAMILY", "Family"}, {"fAmIlY", "Family"},
      {"rest", "Rest"},     {"Wisdom", "Wisdom"}, {"famil", nullptr},   {"Family ", nullptr},
      {" Family", nullptr}, {"", nullptr},        {"Famlly", nullptr},  {"Work", nullptr},
  };
  for (const Case& c : cases) {
    const auto v = find_catalogue_value(c.query);
    if (!c.found) {
      EXPECT_FALSE(v) << c.query;
    } else {
      ASSERT_TRUE(v) << c.query;
      EXPECT_STREQ(v->name, c.found);
    }
  }
}

TEST(FindCatalogueValue, FindsEveryEntryByItsOwnName) {
  for (const CatalogueValue& v : value_catalogue()) {
    const auto found = find_catalogue_value(lower(v.name));
    ASSERT_TRUE(found) << v.name;
    EXPECT_STREQ(found->name, v.name);
  }
}

TEST(ValidateRank, Table) {
  for (int r = 0; r <= 5; ++r) EXPECT_TRUE(validate_rank(r)) << r;
  for (int r : {-1, 6, 100}) {
    const auto v = validate_rank(r);
    ASSERT_FALSE(v) << r;
    EXPECT_EQ(v.error().field, "rank");
  }
  EXPECT_EQ(validate_rank(9, "position").error().field, "position");
}

// --- apply_rank --------------------------------------------------------------------------------

// Values with ids 1..n; `ranks` gives each value's starting rank.
std::vector<Value> values_with_ranks(const std::vector<int>& ranks) {
  std::vector<Value> out;
  for (size_t i = 0; i < ranks.size(); ++i) {
    Value v;
    v.id = static_cast<Id>(i + 1);
    v.name = "v" + std::to_string(i + 1);
    v.rank = ranks[i];
    out.push_back(v);
  }
  return out;
}

std::vector<int> ranks_of(const std::vector<Value>& values) {
  std::vector<int> r;
  for (const Value& v : values) r.push_back(v.rank);
  return r;
}

// Ranked values hold exactly 1..k, each once, with k at most 5.
void expect_contiguous(const std::vector<Value>& values) {
  std::vector<int> ranked;
  for (const Value& v : values)
    if (v.rank != 0) ranked.push_back(v.rank);
  std::sort(ranked.begin(), ranked.end());
  EXPECT_LE(ranked.size(), static_cast<size_t>(kRankedValues));
  for (size_t i = 0; i < ranked.size(); ++i) EXPECT_EQ(ranked[i], static_cast<int>(i + 1)) << "ranks not 1..k";
}

TEST(ApplyRank, Table) {
  struct Case {
    const char* name;
    std::vector<int> before;
    size_t index;
    int rank;
    std::vector<int> after;
    std::vector<Id> changed;  // in any order
  };
  const std::vector<Case> cases = {
      {"insert at 1 shifts all down, the 5th drops out", {1, 2, 3, 4, 5, 0}, 5, 1, {2, 3, 4, 5, 0, 1},
       {1, 2, 3, 4, 5, 6}},
      {"insert at 3 shifts 3.. down", {1, 2, 3, 4, 5, 0}, 5, 3, {1, 2, 4, 5, 0, 3}, {3, 4, 5, 6}},
      {"insert at 5 pushes the old 5th out", {1, 2, 3, 4, 5, 0}, 5, 5, {1, 2, 3, 4, 0, 5}, {5, 6}},
      {"insert into a short list", {1, 2, 0, 0}, 3, 1, {2, 3, 0, 1}, {1, 2, 4}},
      {"a rank past the end closes the gap", {1, 2, 0, 0}, 2, 5, {1, 2, 3, 0}, {3}},
      {"move up", {1, 2, 3, 4, 5}, 3, 1, {2, 3, 4, 1, 5}, {1, 2, 3, 4}},
      {"move down", {1, 2, 3, 4, 5}, 0, 4, {4, 1, 2, 3, 5}, {1, 2, 3, 4}},
      {"same rank changes nothing", {1, 2, 3}, 1, 2, {1, 2, 3}, {}},
      {"unrank closes the gap", {1, 2, 3, 4, 5}, 1, 0, {1, 0, 2, 3, 4}, {2, 3, 4, 5}},
      {"unrank the last", {1, 2, 3}, 2, 0, {1, 2, 0}, {3}},
      {"first ever rank", {0, 0, 0}, 1, 1, {0, 1, 0}, {2}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto values = values_with_ranks(c.before);
    auto changed = apply_rank(values, c.index, c.rank);
    EXPECT_EQ(ranks_of(values), c.after);
    std::sort(changed.begin(), changed.end());
    auto want = c.changed;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(changed, want);
    expect_contiguous(values);
  }
}

TEST(ApplyRank, UnrankingAnUnrankedValueChangesNothing) {
  auto values = values_with_ranks({1, 0});
  const auto changed = apply_rank(values, 1, 0);
  EXPECT_EQ(ranks_of(values), (std::vector<int>{1, 0}));
  EXPECT_TRUE(changed.empty()) << "reported " << changed.size() << " changed ids";
}

TEST(ApplyRank, RanksStayUniqueAndContiguousOverManyMoves) {
  auto values = values_with_ranks({0, 0, 0, 0, 0, 0, 0, 0});
  // A fixed sequence of (index, rank) moves, including unranking.
  const std::vector<std::pair<size_t, int>> moves = {
      {0, 1}, {1, 1}, {2, 3}, {3, 2}, {4, 5}, {5, 1}, {6, 4}, {7, 0}, {0, 0}, {7, 2},
      {2, 5}, {5, 0}, {1, 3}, {3, 1}, {6, 5}, {4, 2}, {0, 4}, {2, 0}, {3, 0}, {1, 1},
  };
  for (const auto& [index, rank] : moves) {
    SCOPED_TRACE("move " + std::to_string(index) + " to " + std::to_string(rank));
    apply_rank(values, index, rank);
    expect_contiguous(values);
    if (rank > 0) {
      EXPECT_GT(values[index].rank, 0);
      EXPECT_LE(values[index].rank, rank);  // at the asked rank, or higher if the list is shorter
    } else {
      EXPECT_EQ(values[index].rank, 0);
    }
  }
}

}  // namespace
}  // namespace headway::core
