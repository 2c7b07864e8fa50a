// Moving over from Daylio and Loop Habit Tracker: `import daylio` and `import loop`. The Daylio
// expectations are worked out by hand from tests/data/daylio/export.csv; the Loop strengths are
// computed here from tests/data/loop/history/Checkmarks.csv with the formula in DESIGN.md 4.3,
// not with Headway's code.
#include <cmath>
#include <map>
#include <set>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

const fs::path kData = fs::path(HEADWAY_TEST_DATA);
const std::string kDaylio = (kData / "daylio" / "export.csv").string();
const std::string kLoop = (kData / "loop" / "history").string();
constexpr const char* kToday = "2026-11-25";  // kNow in Berlin

RunResult must(const Headway& hw, const std::vector<std::string>& args) {
  auto r = hw(args);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return r;
}

// The person with a value and two goals: 1 "Exercise", 2 "Reading".
void seed_goals(const Headway& hw) {
  hw.init();
  must(hw, {"value", "add", "Health"});
  must(hw, {"goal", "add", "--title", "Exercise", "--value", "Health"});
  must(hw, {"goal", "add", "--title", "Reading", "--value", "Health"});
}

std::vector<std::string> daylio_args(std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"import", "daylio", kDaylio, "--mood", "Anxious=bad", "--goal", "exercise=1", "--goal",
                                "Reading=2"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

json checkins(const Headway& hw) { return hw.json_of({"checkins", "--from", "2026-11-20", "--to", kToday}); }

json checkin_on(const json& list, const std::string& date) {
  for (const auto& c : list)
    if (c["date"] == date) return c;
  return nullptr;
}

std::vector<std::string> completion_dates(const Headway& hw, int goal) {
  std::vector<std::string> out;
  const json view = hw.json_of({"goal", "show", std::to_string(goal)});
  for (const auto& c : view["recent_completions"])
    out.push_back(c["date"].get<std::string>());
  return out;
}

json without(json j, const std::vector<std::string>& keys) {
  for (const auto& k : keys) j.erase(k);
  return j;
}

TEST(MigrateDaylio, PreviewWritesNothingAndCommitWritesThePlan) {
  Headway hw;
  seed_goals(hw);
  must(hw, {"checkin", "--date", "2026-11-24", "--start", "09:00", "--end", "17:00", "--stress", "5", "--energy", "1"});
  const DbSnapshot before = hw.snapshot();

  const auto text = must(hw, daylio_args());
  EXPECT_TRUE(contains(text.out, "Daylio export: 5 entries on 4 days, 2026-11-22 to 2026-11-25.")) << text;
  EXPECT_TRUE(contains(text.out, "Mood     Stress  Energy  Entries  From\n"
                                 "rad      1       5       1        Daylio\n"
                                 "good     2       4       1        Daylio\n"
                                 "meh      3       3       1        Daylio\n"
                                 "Anxious  4       2       1        --mood\n"
                                 "awful    5       1       1        Daylio\n"))
      << text;
  EXPECT_TRUE(contains(text.out, "Check-ins: 3 new, 1 skipped, 0 overwritten, 0 unchanged.")) << text;
  EXPECT_TRUE(contains(text.out, "1     Exercise  exercise    2    0")) << text;
  EXPECT_TRUE(contains(text.out, "2     Reading   Reading     2    0")) << text;
  EXPECT_TRUE(contains(text.out, "Activities without a goal: late meeting, work")) << text;
  EXPECT_TRUE(contains(text.out, "--goal \"late meeting=GOAL_ID\"")) << text;
  EXPECT_TRUE(contains(text.out, "Nothing was written. Run again with --yes to import.")) << text;
  const json preview = hw.json_of(daylio_args());
  EXPECT_EQ(preview["committed"], false);
  EXPECT_EQ(hw.snapshot(), before) << "a preview changed the database";

  const json done = hw.json_of(daylio_args({"--yes"}));
  EXPECT_EQ(done["committed"], true);
  EXPECT_EQ(without(done, {"committed"}), without(preview, {"committed"})) << done.dump(2);
  EXPECT_EQ(done["checkins"], json::parse(R"({"new":3,"skipped":1,"overwritten":0,"unchanged":0})"));

  // By hand from the file: the 22nd good (2/4), the 23rd awful (5/1), the 24th Anxious=bad (4/2)
  // but a check-in was there, the 25th meh + rad (means 2 and 4).
  const json list = checkins(hw);
  ASSERT_EQ(list.size(), 4u) << list.dump(2);
  // The new ones are not days off: Daylio has no working times, so they have none either.
  const struct {
    const char* date;
    int stress, energy;
    bool timed;
    const char* note;
  } want[] = {{"2026-11-22", 2, 4, false, ""},
              {"2026-11-23", 5, 1, false, ""},
              {"2026-11-24", 5, 1, true, ""},
              {"2026-11-25", 2, 4, false, "Good day\n\nFinished the draft, finally.\nWalked home."}};
  for (const auto& w : want) {
    SCOPED_TRACE(w.date);
    const json c = checkin_on(list, w.date);
    ASSERT_FALSE(c.is_null());
    EXPECT_EQ(c["stress"], w.stress);
    EXPECT_EQ(c["energy"], w.energy);
    EXPECT_EQ(c["off"], false);
    EXPECT_EQ(c["start"], w.timed ? json("09:00") : json(nullptr));
    EXPECT_EQ(c["end"], w.timed ? json("17:00") : json(nullptr));
    EXPECT_EQ(c["worked_minutes"], w.timed ? 480 : 0);
    EXPECT_EQ(c["after_hours"], nullptr);
    EXPECT_EQ(c["note"], w.note);
  }
  EXPECT_EQ(completion_dates(hw, 1), (std::vector<std::string>{"2026-11-22", "2026-11-25"}));
  EXPECT_EQ(completion_dates(hw, 2), (std::vector<std::string>{"2026-11-22", "2026-11-25"}));
  // The goals were written today, so their history now starts at the first completion.
  EXPECT_EQ(hw.json_of({"goal", "show", "1"})["start_date"], "2026-11-22");

  // Once more: nothing new, nothing written.
  const DbSnapshot after = hw.snapshot();
  const json again = hw.json_of(daylio_args({"--yes"}));
  EXPECT_EQ(again["checkins"], json::parse(R"({"new":0,"skipped":1,"overwritten":0,"unchanged":3})"));
  EXPECT_EQ(again["goals"][0]["added"], 0);
  EXPECT_EQ(again["goals"][0]["existing"], 2);
  EXPECT_EQ(hw.snapshot(), after) << "a second import changed the database";
}

TEST(MigrateDaylio, OverwriteReplacesMoodAndNoteAndKeepsTheTimes) {
  Headway hw;
  seed_goals(hw);
  must(hw, {"checkin", "--date", "2026-11-24", "--start", "09:00", "--end", "17:00", "--stress", "5", "--energy", "1",
            "--note", "typed"});
  const auto r = must(hw, daylio_args({"--overwrite", "--yes"}));
  EXPECT_TRUE(contains(r.out, "Imported from Daylio: 5 entries on 4 days")) << r;
  EXPECT_TRUE(contains(r.out, "Check-ins: 3 new, 0 skipped, 1 overwritten, 0 unchanged.")) << r;
  EXPECT_FALSE(contains(r.out, "Nothing was written")) << r;
  const json c = checkin_on(checkins(hw), "2026-11-24");
  EXPECT_EQ(c["stress"], 4);
  EXPECT_EQ(c["energy"], 2);
  EXPECT_EQ(c["note"], "She said \"no\" twice");
  EXPECT_EQ(c["off"], false);
  EXPECT_EQ(c["start"], "09:00");
  EXPECT_EQ(c["end"], "17:00");
  EXPECT_EQ(c["worked_minutes"], 480);
  // Overwriting again finds the values already there.
  EXPECT_EQ(hw.json_of(daylio_args({"--overwrite", "--yes"}))["checkins"]["unchanged"], 4);
}

// A day Daylio knows only the mood of is no evidence for or against any boundary, and its hours
// are unknown in the weekly report, not 0.
TEST(MigrateDaylio, ImportedDaysAreNoEvidenceAboutWork) {
  Headway hw;
  seed_goals(hw);
  for (const std::vector<std::string>& b : std::vector<std::vector<std::string>>{
           {"--type", "work-window", "--days", "Mon-Sun", "--from", "09:00", "--to", "17:30"},
           {"--type", "no-weekend-work"},
           {"--type", "weekly-hours-cap", "--hours", "40"},
           {"--type", "min-break", "--minutes", "30"},
           {"--type", "meeting-free", "--days", "Mon-Sun", "--from", "12:00", "--to", "13:00"},
           {"--type", "no-messages-after", "--time", "19:00"}}) {
    std::vector<std::string> args{"boundary", "add"};
    args.insert(args.end(), b.begin(), b.end());
    must(hw, args);
  }
  must(hw, {"checkin", "--date", "2026-11-24", "--start", "09:00", "--end", "17:00", "--break", "45", "--stress", "5",
            "--energy", "1"});
  must(hw, daylio_args({"--yes"}));

  std::map<std::string, std::set<std::string>> statuses;  // date -> statuses
  std::map<std::string, int> results;                     // date -> boundaries that apply
  for (const auto& e : hw.json_of({"boundary", "check", "--from", "2026-11-22", "--to", kToday})) {
    statuses[e["date"]].insert(e["status"].get<std::string>());
    ++results[e["date"]];
  }
  EXPECT_EQ(results["2026-11-22"], 6);  // a Sunday, and the windows are Mon-Sun: every one applies
  for (const char* date : {"2026-11-22", "2026-11-23", "2026-11-25"}) {
    EXPECT_EQ(statuses[date], std::set<std::string>{"unknown"}) << date;
    const json one = hw.json_of({"boundary", "check", "--date", date});
    for (const auto& e : one) EXPECT_EQ(e["status"], "unknown") << date << ": " << e.dump();
  }
  // The day with times still counts: inside the window, a long enough break, 8 h of 40.
  EXPECT_TRUE(statuses["2026-11-24"].count("kept")) << ::testing::PrintToString(statuses["2026-11-24"]);

  const json week = hw.json_of({"report", "week", "--date", kToday});
  EXPECT_EQ(week["worked_minutes"], 480 - 45);
  EXPECT_EQ(week["checkins"], 3);
  for (const auto& d : week["days"]) {
    if (d["date"] != "2026-11-23" && d["date"] != "2026-11-25") continue;
    EXPECT_EQ(d["checked_in"], true) << d.dump();
    EXPECT_EQ(d["off"], false) << d.dump();
    EXPECT_EQ(d["times_recorded"], false) << d.dump();
    EXPECT_EQ(d["worked_minutes"], 0) << d.dump();
  }
  const auto text = must(hw, {"report", "week", "--date", kToday});
  EXPECT_TRUE(contains(text.out, "7 h 15 min worked (times not recorded on 2 days)")) << text;
  const auto listing = must(hw, {"checkins", "--from", "2026-11-22", "--to", kToday});
  EXPECT_TRUE(contains(listing.out, "times not recorded")) << listing;
  EXPECT_FALSE(contains(listing.out, "day off")) << listing;

  // An export with them restores as it was.
  const auto exported = must(hw, {"export"});
  const fs::path file = hw.home().path() / "export.json";
  write_file(file, exported.out);
  const fs::path target = hw.home().path() / "restored";
  const auto restored = hw.in(target, {"import-data", file.string()});
  ASSERT_EQ(restored.code, 0) << restored;
  EXPECT_EQ(hw.json_in(target, {"checkins", "--from", "2026-11-22", "--to", kToday}),
            hw.json_of({"checkins", "--from", "2026-11-22", "--to", kToday}));
}

TEST(MigrateDaylio, BadInputIsRefusedAndChangesNothing) {
  Headway hw;
  seed_goals(hw);
  // Another person with a goal of their own.
  const auto bob = hw({"user", "add", "--email", "bob@example.org", "--format", "json"},
                      RunOptions{{}, std::string("correct horse battery staple\n")});
  ASSERT_EQ(bob.code, 0) << bob;
  const int bob_id = parse_json(bob.out)["person_id"].get<int>();
  hw.exec_sql(hw.data_dir(), "INSERT INTO goals (id, person_id, title, frequency, start_date, created_at) VALUES (77, " +
                                 std::to_string(bob_id) + ", 'Bob''s goal', 'daily', 20000, 0)");
  const DbSnapshot before = hw.snapshot();

  expect_refusal(hw({"import", "daylio", kDaylio, "--yes"}),
                 "export.csv: line 5: unknown mood \"Anxious\": map it with --mood \"Anxious=LEVEL\"");
  expect_refusal(hw(daylio_args({"--mood", "tired", "--yes"})), "mood_map: expected NAME=LEVEL");
  expect_refusal(hw(daylio_args({"--mood", "tired=9/1", "--yes"})), "mood_map:");
  expect_refusal(hw(daylio_args({"--goal", "exercise", "--yes"})), "goal_map: \"exercise\" is not ACTIVITY=GOAL_ID");
  expect_refusal(hw(daylio_args({"--goal", "work=abc", "--yes"})), "goal_map: \"abc\" in \"work=abc\" is not a goal id");
  expect_refusal(hw(daylio_args({"--goal", "exercise=2", "--yes"})), "is mapped to two goals (1 and 2)");
  expect_refusal(hw(daylio_args({"--goal", "work=77", "--yes"})), "no goal 77 for --goal work=77");
  expect_refusal(hw(daylio_args({"--goal", "work=99", "--yes"})), "no goal 99 for --goal work=99");
  expect_refusal(hw({"import", "daylio", "/no/such/daylio.csv", "--yes"}), "cannot read /no/such/daylio.csv");
  expect_refusal(hw({"import", "daylio", (kData / "daylio" / "bad-date.csv").string(), "--yes"}),
                 "bad-date.csv: line 3: full_date \"2026-13-01\" is not a date");
  const fs::path future = hw.home().path() / "future.csv";
  write_file(future, "full_date,date,weekday,time,mood,activities,note_title,note\n"
                     "2026-11-25,25 November,Wednesday,08:00,meh,\"\",\"\",\"\"\n"
                     "2026-11-26,26 November,Thursday,08:00,rad,\"\",\"\",\"\"\n");
  expect_refusal(hw({"import", "daylio", future.string(), "--yes"}), "future.csv: line 3: 2026-11-26 is in the future");
  const fs::path broken = hw.home().path() / "broken.csv";
  write_file(broken, "full_date,date,weekday,time,mood,activities,note_title,note\n"
                     "2026-11-25,25 November,Wednesday,08:00,meh,\"work\",\"\",\"\"\n"
                     "2026-11-24,24 November,Tuesday,08:00,meh,\"work\",\"open\n");
  expect_refusal(hw({"import", "daylio", broken.string(), "--yes"}), "broken.csv: line 3:");
  EXPECT_EQ(hw.snapshot(), before) << "a refused import changed the database";
}

// --- Loop ---------------------------------------------------------------------------------------

int days_from_civil(int y, unsigned m, unsigned d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
int day(const std::string& iso) {
  return days_from_civil(std::stoi(iso.substr(0, 4)), std::stoul(iso.substr(5, 2)), std::stoul(iso.substr(8, 2)));
}

// One habit's column of Checkmarks.csv: the days it was done, and the first day Loop knew of it.
struct Column {
  std::set<int> done;
  int first_known = 0;
  int first_done = 0;
};

std::map<std::string, Column> read_checkmarks(const std::set<std::string>& numerical) {
  std::istringstream in(read_file(fs::path(kLoop) / "Checkmarks.csv"));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  for (std::istringstream h(line); std::getline(h, line, ',');) names.push_back(line);
  std::map<std::string, Column> out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    for (std::istringstream r(line); std::getline(r, line, ',');) cells.push_back(line);
    const int d = day(cells[0]);
    for (size_t i = 1; i < cells.size(); ++i) {
      if (cells[i] == "-1") continue;
      Column& c = out[names[i]];
      c.first_known = c.first_known == 0 ? d : std::min(c.first_known, d);
      const bool done = numerical.count(names[i]) ? std::stod(cells[i]) > 0 : cells[i] == "2";
      if (!done) continue;
      c.done.insert(d);
      c.first_done = c.first_done == 0 ? d : std::min(c.first_done, d);
    }
  }
  return out;
}

// Habit strength (0-100) after `today` per DESIGN.md 4.3: m = 0.5^(sqrt(f)/13), a daily goal
// scores 1 on a done day, an N x/week goal min(1, k/N) for k completions in the last 7 days.
double expected_strength(const std::set<int>& done, int start, int today, int times, bool weekly) {
  const double f = weekly ? times / 7.0 : times;
  const double m = std::pow(0.5, std::sqrt(f) / 13.0);
  double s = 0;
  for (int d = start; d <= today; ++d) {
    double credit = done.count(d) ? 1 : 0;
    if (weekly) {
      int k = 0;
      for (int back = 0; back < 7; ++back) k += static_cast<int>(done.count(d - back));
      credit = std::min(1.0, static_cast<double>(k) / times);
    }
    s = s * m + credit * (1 - m);
  }
  return s * 100;
}

struct HabitWant {
  const char* name;
  int times;
  bool weekly;
  const char* frequency;
  const char* stage;  // "" for none
  bool archived;
};
// Frequencies from Habits.csv: 1/1 daily, 3/7 3x/week, 1/2 the nearest weekly count (3.5 -> 4), 5/7.
const HabitWant kHabits[] = {{"Meditate", 1, false, "daily", "maintenance", false},
                             {"Run", 3, true, "3x/week", "action", false},
                             {"Read", 1, false, "daily", "preparation", false},
                             {"Call family", 4, true, "4x/week", "preparation", true},
                             {"Stretch", 5, true, "5x/week", "", false}};

json loop_json(const Headway& hw, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"import", "loop", kLoop};
  args.insert(args.end(), extra.begin(), extra.end());
  return hw.json_of(args);
}

json goal_by_title(const Headway& hw, const json& plan, const std::string& title) {
  for (const auto& h : plan["habits"])
    if (h["title"] == title) return hw.json_of({"goal", "show", std::to_string(h["goal_id"].get<int>())});
  ADD_FAILURE() << "no goal " << title;
  return nullptr;
}

TEST(MigrateLoop, PreviewThenCommitCarriesStrengthAndStage) {
  Headway hw;
  hw.init();
  must(hw, {"value", "add", "Health"});
  const DbSnapshot before = hw.snapshot();

  const auto text = must(hw, {"import", "loop", kLoop});
  EXPECT_TRUE(contains(text.out, "Loop Habit Tracker export: 5 habits, ")) << text;
  EXPECT_TRUE(contains(text.out, "Call family  new, archived  4x/week ~  1/2   preparation")) << text;
  EXPECT_TRUE(contains(text.out, "Stretch      new            5x/week    5/7   -            0    0")) << text;
  EXPECT_TRUE(contains(text.out, "New goals link to Health (--value to choose).")) << text;
  EXPECT_TRUE(contains(text.out, "Nothing was written.")) << text;
  const json preview = loop_json(hw);
  EXPECT_EQ(hw.snapshot(), before) << "a preview changed the database";

  const json done = loop_json(hw, {"--yes"});
  EXPECT_EQ(done["committed"], true);
  EXPECT_EQ(done["new_goals"], 5);
  ASSERT_EQ(done["habits"].size(), 5u);
  for (size_t i = 0; i < 5; ++i) {  // the plan that was shown is the plan that was written
    EXPECT_EQ(without(done["habits"][i], {"goal_id"}), without(preview["habits"][i], {"goal_id"}));
    EXPECT_TRUE(preview["habits"][i]["goal_id"].is_null());
  }

  const auto columns = read_checkmarks({"Read"});
  const int today = day(kToday);
  int total = 0;
  for (const auto& w : kHabits) {
    SCOPED_TRACE(w.name);
    const Column& c = columns.at(w.name);
    total += static_cast<int>(c.done.size());
    const json g = goal_by_title(hw, done, w.name);
    ASSERT_FALSE(g.is_null());
    EXPECT_EQ(g["frequency"], w.frequency);
    EXPECT_EQ(g["archived"], w.archived);
    EXPECT_EQ(g["completions"], static_cast<int>(c.done.size()));
    EXPECT_EQ(day(g["start_date"].get<std::string>()), c.first_known);
    EXPECT_EQ(g["obstacle"], "Imported from Loop Habit Tracker: the obstacle and the if-then plan are still to be written.");
    EXPECT_EQ(g["values"], json::array({"Health"}));
    if (*w.stage) {
      EXPECT_EQ(g["stage"], w.stage);
    } else {
      EXPECT_TRUE(g["stage"].is_null()) << g["stage"];
    }
    const double want = expected_strength(c.done, c.first_known, today, w.times, w.weekly);
    EXPECT_NEAR(g["habit_strength"].get<double>(), want, 0.051);
  }
  EXPECT_EQ(done["added"], total);
  const json meditate = goal_by_title(hw, done, "Meditate");
  EXPECT_EQ(meditate["wish"], "Did you meditate today?");
  EXPECT_EQ(meditate["outcome"], "Ten minutes after breakfast");
  EXPECT_GT(meditate["habit_strength"].get<double>(), 50);  // a habit kept for months is strong from day one
}

TEST(MigrateLoop, ReimportAddsOnlyWhatIsMissing) {
  Headway hw;
  hw.init();
  must(hw, {"value", "add", "Health"});
  // A goal written by hand with the habit's name (other case), done today.
  must(hw, {"goal", "add", "--title", "meditate", "--value", "Health"});
  must(hw, {"goal", "done", "1"});

  const json first = loop_json(hw, {"--yes"});
  EXPECT_EQ(first["new_goals"], 4);
  EXPECT_EQ(first["existing_goals"], 1);
  const json med = first["habits"][0];
  EXPECT_EQ(med["goal"], "existing");
  EXPECT_EQ(med["goal_id"], 1);
  EXPECT_EQ(med["existing"], 1);
  EXPECT_EQ(med["added"], med["checks"].get<int>() - 1);
  EXPECT_EQ(med["start_moved"], true);

  const auto columns = read_checkmarks({"Read"});
  const Column& c = columns.at("Meditate");
  const json g = hw.json_of({"goal", "show", "1"});
  EXPECT_EQ(g["title"], "meditate");  // the goal is kept as it was written, only its history grows
  EXPECT_TRUE(g["stage"].is_null());
  EXPECT_EQ(g["completions"], static_cast<int>(c.done.size()));
  EXPECT_EQ(day(g["start_date"].get<std::string>()), c.first_done);
  EXPECT_NEAR(g["habit_strength"].get<double>(), expected_strength(c.done, c.first_done, day(kToday), 1, false), 0.051);

  const DbSnapshot after = hw.snapshot();
  const json again = loop_json(hw, {"--yes"});
  EXPECT_EQ(again["new_goals"], 0);
  EXPECT_EQ(again["existing_goals"], 5);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["existing"], first["added"].get<int>() + 1);
  EXPECT_EQ(hw.snapshot(), after) << "a second import changed the database";
}

TEST(MigrateLoop, BadInputIsRefusedAndChangesNothing) {
  Headway hw;
  hw.init();
  const DbSnapshot empty = hw.snapshot();
  expect_refusal(hw({"import", "loop", kLoop, "--yes"}), "value: a goal links to at least one value");
  EXPECT_EQ(hw.snapshot(), empty);

  must(hw, {"value", "add", "Health"});
  const DbSnapshot before = hw.snapshot();
  expect_refusal(hw({"import", "loop", "/no/such/export", "--yes"}), "cannot read /no/such/export/Habits.csv");
  const fs::path zip = hw.home().path() / "Loop Habits CSV 2026-11-25.zip";
  write_file(zip, "PK\x03\x04");
  expect_refusal(hw({"import", "loop", zip.string(), "--yes"}), "is a file: unzip Loop's export");
  expect_refusal(hw({"import", "loop", "--habits", (fs::path(kLoop) / "Habits.csv").string(), "--yes"}),
                 "--habits and --checkmarks go together");
  expect_refusal(hw({"import", "loop", kLoop, "--value", "Family", "--yes"}), "no value \"Family\"");

  const fs::path dir = hw.home().path() / "broken";
  fs::create_directories(dir);
  fs::copy_file(fs::path(kLoop) / "Habits.csv", dir / "Habits.csv");
  std::string marks = read_file(fs::path(kLoop) / "Checkmarks.csv");
  const auto third = marks.find('\n', marks.find('\n', marks.find('\n') + 1) + 1);  // end of line 3
  marks.insert(third + 1, "2026-08-19,2,yes,0,0,-1,\n");
  write_file(dir / "Checkmarks.csv", marks);
  expect_refusal(hw({"import", "loop", dir.string(), "--yes"}), "Checkmarks.csv line 4: \"yes\" for \"Run\"");
  // The two files given one by one.
  const fs::path future = hw.home().path() / "future.csv";
  write_file(future, "Date,Meditate,Run,Read,Call family,Stretch,\n2026-11-26,2,0,0,-1,0,\n");
  expect_refusal(hw({"import", "loop", "--habits", (fs::path(kLoop) / "Habits.csv").string(), "--checkmarks",
                     future.string(), "--yes"}),
                 "2026-11-26 is in the future");
  EXPECT_EQ(hw.snapshot(), before) << "a refused import changed the database";
}

}  // namespace
}  // namespace headway::cli_test
