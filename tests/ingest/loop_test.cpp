#include "ingest/loop.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "import_test_util.hpp"

namespace headway::ingest {
namespace {

using testing::contains;

core::Date d(const char* iso) { return *core::parse_date(iso); }

Result<LoopExport> from_text(const std::string& habits, const std::string& checkmarks) {
  std::istringstream h(habits), c(checkmarks);
  return read_loop(h, c);
}

const std::string kOldHabits =
    "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
    "001,Walk,Did you walk today?,,1,1,#FF0000\n"
    "002,\"Stretch, gently\",,,5,7,#00FF00\n";

TEST(Loop, ReadsAnUnzippedExport) {
  const auto r = read_loop_dir(testing::data_path("loop"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->habits.size(), 4u);
  EXPECT_EQ(r->habits[0].name, "Meditate");
  EXPECT_EQ(r->habits[0].question, "Did you meditate today?");
  EXPECT_EQ(r->habits[0].frequency, (core::Frequency{1, false}));
  EXPECT_EQ(r->habits[1].description, "Easy pace, 5 km");
  EXPECT_EQ(r->habits[1].frequency, (core::Frequency{3, true}));
  EXPECT_FALSE(r->habits[1].approximate);
  EXPECT_TRUE(r->habits[2].numerical);
  EXPECT_EQ(r->habits[3].frequency, (core::Frequency{4, true}));  // 1/2: every other day
  EXPECT_TRUE(r->habits[3].approximate);
  EXPECT_TRUE(r->habits[3].archived);
  // Oldest first; -1 (unknown) left out; only 2 is a completion for yes/no habits.
  const std::vector<LoopCheckmark> want{
      {d("2026-11-23"), "Meditate", true},     {d("2026-11-23"), "Run", false},
      {d("2026-11-23"), "Call family", false}, {d("2026-11-24"), "Meditate", false},
      {d("2026-11-24"), "Run", true},          {d("2026-11-24"), "Read", false},
      {d("2026-11-24"), "Call family", true},  {d("2026-11-25"), "Meditate", true},
      {d("2026-11-25"), "Run", false},         {d("2026-11-25"), "Read", true},
  };
  EXPECT_EQ(r->checkmarks, want);
}

TEST(Loop, OldHeaderAndQuotedNames) {
  const auto r = from_text(kOldHabits, "Date,Walk\n2026-11-25,2\n2026-11-24,0\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->habits.size(), 2u);
  EXPECT_EQ(r->habits[1].name, "Stretch, gently");
  EXPECT_EQ(r->habits[1].frequency, (core::Frequency{5, true}));
  ASSERT_EQ(r->checkmarks.size(), 2u);
  EXPECT_EQ(r->checkmarks[0], (LoopCheckmark{d("2026-11-24"), "Walk", false}));
  EXPECT_EQ(r->checkmarks[1], (LoopCheckmark{d("2026-11-25"), "Walk", true}));
}

TEST(Loop, Frequencies) {
  const struct {
    int n, den;
    core::Frequency want;
    bool approximate;
  } table[] = {
      {1, 1, {1, false}, false}, {3, 7, {3, true}, false}, {7, 7, {1, false}, false}, {1, 7, {1, true}, false},
      {1, 2, {4, true}, true},   {1, 30, {1, true}, true}, {10, 30, {2, true}, true}, {2, 1, {1, false}, true},
      {6, 7, {6, true}, false},  {13, 14, {1, false}, true},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(std::to_string(row.n) + "/" + std::to_string(row.den));
    bool approximate = false;
    EXPECT_EQ(loop_frequency(row.n, row.den, approximate), row.want);
    EXPECT_EQ(approximate, row.approximate);
  }
}

TEST(Loop, BadInputNamesFileAndLine) {
  const std::string habits = kOldHabits;
  const struct {
    const char* name;
    std::string habits;
    std::string checkmarks;
    std::string field;
    std::string part;
  } cases[] = {
      {"empty habits", "", "Date\n", "Habits.csv line 1", "empty"},
      {"empty checkmarks", habits, "", "Checkmarks.csv line 1", "empty"},
      {"not loop", "a,b\n1,2\n", "Date\n", "Habits.csv line 1", "no \"Name\" column"},
      {"bad frequency", "Position,Name,NumRepetitions,Interval\n001,Walk,0,7\n", "Date\n", "Habits.csv line 2",
       "frequency \"0/7\""},
      {"huge frequency", "Position,Name,NumRepetitions,Interval\n001,Walk,99999999999999999999,7\n", "Date\n",
       "Habits.csv line 2", "frequency"},
      {"duplicate name", "Position,Name,NumRepetitions,Interval\n001,Walk,1,1\n002,Walk,1,1\n", "Date\n",
       "Habits.csv line 3", "two habits"},
      {"unknown column", habits, "Date,Walk,Swim\n", "Checkmarks.csv line 1", "\"Swim\" is no habit"},
      {"bad date", habits, "Date,Walk\n2026-11-25,2\n25/11/2026,2\n", "Checkmarks.csv line 3", "not a date"},
      {"bad value", habits, "Date,Walk\n2026-11-25,yes\n", "Checkmarks.csv line 2", "\"yes\" for \"Walk\""},
      {"fraction for yes/no", habits, "Date,Walk\n2026-11-25,1.5\n", "Checkmarks.csv line 2", "not a checkmark"},
      {"duplicate date", habits, "Date,Walk\n2026-11-25,2\n2026-11-24,2\n2026-11-25,0\n", "Checkmarks.csv line 1",
       "twice"},
      {"wrong width", habits, "Date,Walk\n2026-11-25,2,2,2\n", "Checkmarks.csv line 2", "4 fields"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = from_text(c.habits, c.checkmarks);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.part)) << r.error().message;
  }
}

TEST(Loop, MissingDirectory) {
  const auto r = read_loop_dir(testing::data_path("loop/001 Meditate"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_TRUE(contains(r.error().message, "Habits.csv"));
}

}  // namespace
}  // namespace headway::ingest
