#include "ingest/daylio.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "import_test_util.hpp"

namespace headway::ingest {
namespace {

using testing::contains;

core::Date d(const char* iso) { return *core::parse_date(iso); }

Result<std::vector<DaylioEntry>> from_text(const std::string& text) {
  std::istringstream in(text);
  return read_daylio(in);
}

Result<std::vector<DaylioEntry>> from_file(const std::string& name) {
  auto in = testing::open_data("daylio/" + name);
  EXPECT_TRUE(in) << name;
  return read_daylio(in);
}

const char* kHeader = "full_date,date,weekday,time,mood,activities,note_title,note\n";

TEST(Daylio, ReadsTheExport) {
  const auto r = from_file("export.csv");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 5u);
  const DaylioEntry& first = (*r)[0];
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.date, d("2026-11-25"));
  EXPECT_EQ(first.time, core::TimeOfDay{21 * 60 + 15});
  EXPECT_EQ(first.mood, "rad");
  EXPECT_EQ(first.activities, (std::vector<std::string>{"work", "exercise", "reading"}));
  EXPECT_EQ(first.note, "Good day\n\nFinished the draft, finally.\nWalked home.");
  EXPECT_EQ((*r)[1].line, 4);  // the note above spans two lines
  EXPECT_EQ((*r)[1].time, core::TimeOfDay{8 * 60 + 10});
  EXPECT_EQ((*r)[2].mood, "Anxious");
  EXPECT_EQ((*r)[2].note, "She said \"no\" twice");
  EXPECT_EQ((*r)[3].time, core::TimeOfDay{30});  // 12:30 am
  EXPECT_TRUE((*r)[3].activities.empty());
  EXPECT_EQ((*r)[4].mood, "good");  // "good " trimmed
  EXPECT_EQ((*r)[4].activities, (std::vector<std::string>{"exercise", "reading"}));
}

TEST(Daylio, PlanCombinesEntriesPerDay) {
  const auto entries = from_file("export.csv");
  ASSERT_TRUE(entries);
  MoodMap custom;
  custom.insert(*parse_mood_mapping("Anxious=bad"));
  const auto plan = plan_daylio(*entries, custom, {{"exercise", 7}, {"Reading", 9}});
  ASSERT_TRUE(plan) << plan.error().message;
  const std::vector<CheckInDraft> want{
      {d("2026-11-22"), 2, 4, "", 1},
      {d("2026-11-23"), 5, 1, "", 1},
      {d("2026-11-24"), 4, 2, "She said \"no\" twice", 1},
      // meh (3/3) at 08:10 and rad (1/5) at 21:15: means 2 and 4.
      {d("2026-11-25"), 2, 4, "Good day\n\nFinished the draft, finally.\nWalked home.", 2},
  };
  EXPECT_EQ(plan->checkins, want);
  ASSERT_EQ(plan->completions.size(), 4u);
  EXPECT_EQ(plan->completions[0].date, d("2026-11-22"));
  EXPECT_EQ(plan->completions[0].goal_id, 7);
  EXPECT_EQ(plan->completions[1].goal_id, 9);
  EXPECT_EQ(plan->completions[3].date, d("2026-11-25"));
  EXPECT_EQ(plan->completions[3].source, core::CompletionSource::manual);
  EXPECT_EQ(plan->unmapped_activities, (std::vector<std::string>{"late meeting", "work"}));
}

TEST(Daylio, UnknownMoodNamesTheLine) {
  const auto entries = from_file("export.csv");
  ASSERT_TRUE(entries);
  const auto plan = plan_daylio(*entries, {}, {});
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().field, "line 5");
  EXPECT_TRUE(contains(plan.error().message, "unknown mood \"Anxious\"")) << plan.error().message;
}

TEST(Daylio, MoodTable) {
  const struct {
    const char* mood;
    int stress;
    int energy;
  } table[] = {{"rad", 1, 5}, {"good", 2, 4}, {"meh", 3, 3}, {"bad", 4, 2}, {"awful", 5, 1}, {" Rad ", 1, 5}, {"MEH", 3, 3}};
  for (const auto& row : table) {
    SCOPED_TRACE(row.mood);
    const auto s = mood_scores(row.mood);
    ASSERT_TRUE(s);
    EXPECT_EQ(*s, (MoodScore{row.stress, row.energy}));
  }
  EXPECT_FALSE(mood_scores("ecstatic"));
  EXPECT_EQ(mood_scores("ecstatic").error().field, "mood");
  // A user mapping wins over the built-in name.
  MoodMap custom{{"good", {3, 3}}};
  EXPECT_EQ(*mood_scores("good", custom), (MoodScore{3, 3}));
}

TEST(Daylio, MoodMappingSpecs) {
  EXPECT_EQ(*parse_mood_mapping("tired=3/1"), (std::pair<std::string, MoodScore>{"tired", {3, 1}}));
  EXPECT_EQ(*parse_mood_mapping(" Super Happy = rad"), (std::pair<std::string, MoodScore>{"super happy", {1, 5}}));
  for (const char* bad : {"tired", "=bad", "tired=6/1", "tired=3/0", "tired=ok", "tired=3-1"}) {
    SCOPED_TRACE(bad);
    const auto r = parse_mood_mapping(bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "mood_map");
  }
}

TEST(Daylio, HalvesRoundTowardNeutral) {
  auto entry = [](const char* mood, int minute) {
    DaylioEntry e;
    e.date = core::make_date(2026, 11, 25);
    e.time = core::TimeOfDay{minute};
    e.mood = mood;
    return e;
  };
  const struct {
    std::vector<const char*> moods;
    int stress;
    int energy;
  } cases[] = {
      {{"good", "meh"}, 3, 3},           // 2.5 -> 3, 3.5 -> 3
      {{"rad", "good"}, 2, 4},           // 1.5 -> 2, 4.5 -> 4
      {{"bad", "awful"}, 4, 2},          // 4.5 -> 4, 1.5 -> 2
      {{"rad", "rad", "awful"}, 2, 4},   // 7/3 = 2.33 -> 2, 11/3 = 3.67 -> 4
      {{"rad", "awful"}, 3, 3},
  };
  for (const auto& c : cases) {
    std::vector<DaylioEntry> es;
    for (size_t i = 0; i < c.moods.size(); ++i) es.push_back(entry(c.moods[i], static_cast<int>(i)));
    const auto plan = plan_daylio(es, {}, {});
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->checkins.size(), 1u);
    EXPECT_EQ(plan->checkins[0].stress, c.stress) << c.moods[0] << "+" << c.moods[1];
    EXPECT_EQ(plan->checkins[0].energy, c.energy) << c.moods[0] << "+" << c.moods[1];
  }
}

TEST(Daylio, LongNotesAreCutOnACharacterBoundary) {
  std::vector<DaylioEntry> es(2);
  for (DaylioEntry& e : es) {
    e.date = core::make_date(2026, 11, 25);
    e.mood = "meh";
    e.note = "";
    for (int i = 0; i < 700; ++i) e.note += "\xC3\xA9";  // é, 1400 bytes
  }
  const auto plan = plan_daylio(es, {}, {});
  ASSERT_TRUE(plan);
  const std::string& note = plan->checkins[0].note;
  EXPECT_LE(note.size(), kDaylioNoteBytes);
  EXPECT_TRUE(core::valid_utf8(note));
}

TEST(Daylio, CsvDetails) {
  // CRLF, a byte order mark, columns in another order and no note columns.
  const auto r = from_text("\xEF\xBB\xBFmood,full_date,time,activities\r\nmeh,2026-11-25,7:05 AM,\"a|b\"\r\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].time, core::TimeOfDay{7 * 60 + 5});
  EXPECT_EQ((*r)[0].activities, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*r)[0].note, "");
  // A header only is an empty export, not an error.
  const auto empty = from_text(kHeader);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(Daylio, BadInputNamesTheLine) {
  const std::string h = kHeader;
  const struct {
    const char* name;
    std::string text;
    std::string field;
    std::string part;
  } cases[] = {
      {"empty file", "", "line 1", "empty"},
      {"not daylio", "date,mood\n2026-11-25,meh\n", "line 1", "no \"full_date\" column"},
      {"bad time", h + "2026-11-25,25 Nov,Wed,25:00,meh,\"\",\"\",\"\"\n", "line 2", "time \"25:00\""},
      {"13 pm", h + "2026-11-25,25 Nov,Wed,13:00 pm,meh,\"\",\"\",\"\"\n", "line 2", "time"},
      {"no mood", h + "2026-11-25,25 Nov,Wed,10:00,,\"\",\"\",\"\"\n", "line 2", "no mood"},
      {"short row", h + "2026-11-25,25 Nov,Wed,10:00,meh\n", "line 2", "5 fields where the header has 8"},
      {"open quote", h + "2026-11-25,25 Nov,Wed,10:00,meh,\"\",\"\",\"never closed\n", "line 2", "not closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = from_text(c.text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.part)) << r.error().message;
  }
  const auto bad = from_file("bad-date.csv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "line 3");
  EXPECT_TRUE(contains(bad.error().message, "2026-13-01")) << bad.error().message;
}

}  // namespace
}  // namespace headway::ingest
