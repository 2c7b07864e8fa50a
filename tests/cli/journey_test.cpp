// The happy path: one person goes from why (values, motivation) to what (goals, boundaries)
// to keeping at it (check-ins, wins, reflections, assessments, reports), all through the CLI.
#include <algorithm>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

// Runs a step that must succeed and returns its result.
RunResult ok(const Headway& hw, const std::vector<std::string>& args, const RunOptions& opt = {}) {
  auto r = hw(args, opt);
  EXPECT_EQ(r.code, 0) << "headway " << ::testing::PrintToString(args) << " -> " << r;
  EXPECT_EQ(r.err, "") << "a successful command prints nothing on stderr: " << r;
  return r;
}

json ok_json(const Headway& hw, std::vector<std::string> args, const RunOptions& opt = {}) {
  args.insert(args.end(), {"--format", "json"});
  return parse_json(ok(hw, args, opt).out);
}

const std::vector<std::string> kBalanceAnswers{"4", "3", "5", "2", "4", "3", "2", "4",
                                               "3", "3", "4", "2", "3", "4", "3", "2"};

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

TEST(Journey, FromWhyToWhatToKeepingAtIt) {
  Headway hw;

  SCOPED_TRACE("init");
  auto r =
      ok(hw, {"init", "--name", "Alex Example", "--timezone", "Europe/Berlin", "--work-hours", "Mon-Fri 09:00-17:30"});
  EXPECT_TRUE(contains(r.out, "Welcome, Alex Example")) << r;
  EXPECT_TRUE(hw.has_database());

  SCOPED_TRACE("values");
  ok(hw, {"value", "add", "Health"});                            // catalogue value, unranked
  ok(hw, {"value", "add", "Family", "--rank", "2"});             // catalogue value, ranked
  r = ok(hw, {"value", "add", "Time outdoors", "--rank", "1"});  // a value of one's own
  EXPECT_TRUE(contains(r.out, "your own")) << r;
  const json values = ok_json(hw, {"value", "list"});
  ASSERT_TRUE(values.is_array());
  ASSERT_EQ(values.size(), 3u) << values.dump(2);
  // Ranked values first, by rank; unranked after them.
  EXPECT_EQ(values[0]["name"], "Time outdoors");
  EXPECT_EQ(values[0]["rank"], 1);
  EXPECT_EQ(values[0]["custom"], true);
  EXPECT_EQ(values[1]["name"], "Family");
  EXPECT_EQ(values[1]["rank"], 2);
  EXPECT_EQ(values[1]["custom"], false);
  EXPECT_EQ(values[2]["name"], "Health");
  EXPECT_TRUE(values[2]["rank"].is_null());

  SCOPED_TRACE("motivation");
  ok(hw, {"motivation", "set", "health", "4"});
  ok(hw, {"motivation", "set", "family", "5"});
  ok(hw, {"motivation", "catalyst", "add", "--kind", "burnout", "--date", "2026-06-01", "--note", "a hard spring"});
  const json mot = ok_json(hw, {"motivation", "show"});
  ASSERT_EQ(mot["drivers"].size(), 2u) << mot.dump(2);
  bool saw_health = false;
  for (const auto& d : mot["drivers"])
    if (d["driver"] == "health") saw_health = d["rating"] == 4;
  EXPECT_TRUE(saw_health) << mot.dump(2);
  ASSERT_EQ(mot["catalysts"].size(), 1u);
  EXPECT_EQ(mot["catalysts"][0]["kind"], "burnout");
  EXPECT_EQ(mot["catalysts"][0]["date"], "2026-06-01");
  EXPECT_EQ(mot["catalysts"][0]["note"], "a hard spring");
  r = ok(hw, {"motivation", "show"});
  EXPECT_TRUE(contains(r.out, "health")) << r;
  EXPECT_TRUE(contains(r.out, "burnout")) << r;

  SCOPED_TRACE("goal");
  const json goal = ok_json(hw, {"goal",        "add",
                                 "--title",     "Leave on time",
                                 "--value",     "Family",
                                 "--value",     "Time outdoors",
                                 "--wish",      "Evenings with my family",
                                 "--outcome",   "Dinner together four nights a week",
                                 "--obstacle",  "Late meetings",
                                 "--barrier",   "workplace-expectations",
                                 "--if",        "If it is 17:15 and I am still working",
                                 "--then",      "then I write tomorrow's list and close the laptop",
                                 "--frequency", "3x/week"});
  const int goal_id = goal["id"].get<int>();
  EXPECT_EQ(goal["frequency"], "3x/week");
  EXPECT_EQ(goal["values"], json({"Family", "Time outdoors"}));
  EXPECT_EQ(goal["barrier"], "workplace-expectations");
  EXPECT_TRUE(goal["stage"].is_null()) << "not staged yet";
  const std::string gid = std::to_string(goal_id);
  const json staged = ok_json(hw, {"goal", "stage", gid, "--answer", "within-30-days"});
  EXPECT_EQ(staged["stage"], "preparation");
  r = ok(hw, {"goal", "done", gid});
  EXPECT_TRUE(contains(r.out, "Done.")) << r;
  const json shown = ok_json(hw, {"goal", "show", gid});
  EXPECT_EQ(shown["stage"], "preparation");
  ASSERT_TRUE(shown["habit_strength"].is_number()) << shown.dump(2);
  EXPECT_GT(shown["habit_strength"].get<double>(), 0.0);
  EXPECT_LE(shown["habit_strength"].get<double>(), 100.0);
  EXPECT_EQ(shown["completions"], 1);
  // A goal started today has one day of strength history, ending at today's strength.
  ASSERT_EQ(shown["strength_trend"].size(), 1u) << shown.dump(2);
  EXPECT_EQ(shown["strength_trend"][0]["date"], shown["start_date"]);
  EXPECT_EQ(shown["strength_trend"][0]["strength"], shown["habit_strength"]);
  EXPECT_EQ(shown["if"], "If it is 17:15 and I am still working");
  EXPECT_EQ(shown["then"], "then I write tomorrow's list and close the laptop");
  r = ok(hw, {"goal", "show", gid});
  EXPECT_TRUE(contains(r.out, "Leave on time")) << r;
  EXPECT_TRUE(contains(r.out, "preparation")) << r;

  SCOPED_TRACE("boundaries");
  const std::vector<std::vector<std::string>> boundaries{
      {"--type", "work-window", "--days", "Mon-Fri", "--from", "09:00", "--to", "17:30"},
      {"--type", "no-weekend-work"},
      {"--type", "weekly-hours-cap", "--hours", "40"},
      {"--type", "min-break", "--minutes", "30"},
      {"--type", "meeting-free", "--days", "Fri", "--from", "13:00", "--to", "17:30"},
      {"--type", "no-messages-after", "--time", "19:00"},
  };
  std::vector<std::string> types;
  for (const auto& b : boundaries) {
    std::vector<std::string> args{"boundary", "add"};
    args.insert(args.end(), b.begin(), b.end());
    const json added = ok_json(hw, args);
    EXPECT_EQ(added["type"], b[1]);
    types.push_back(b[1]);
  }
  const json blist = ok_json(hw, {"boundary", "list"});
  ASSERT_EQ(blist.size(), 6u) << blist.dump(2);
  for (size_t i = 0; i < blist.size(); ++i) EXPECT_EQ(blist[i]["type"], types[i]);
  EXPECT_EQ(blist[0]["params"]["from"], "09:00");
  EXPECT_EQ(blist[2]["params"]["hours"], "40");
  r = ok(hw, {"boundary", "list"});
  for (const auto& t : types) EXPECT_TRUE(contains(r.out, t)) << t << " missing in " << r;

  SCOPED_TRACE("check-in, win, reflection");
  const json ci = ok_json(hw, {"checkin", "--start", "08:00", "--end", "19:30", "--stress", "4", "--energy", "2",
                               "--break", "20", "--after-hours", "15", "--progress", "--note", "long day"});
  EXPECT_EQ(ci["date"], "2026-11-25");
  EXPECT_EQ(ci["updated"], false);
  EXPECT_EQ(ci["worked_minutes"], 690 - 20 + 15);
  // The day's boundaries are evaluated right away; the long day breaks the work window.
  bool window_broken = false;
  for (const auto& e : ci["boundaries"])
    if (e["type"] == "work-window") window_broken = e["status"] == "broken";
  EXPECT_TRUE(window_broken) << ci.dump(2);
  ok(hw, {"checkin", "--date", "yesterday", "--start", "09:00", "--end", "17:00", "--stress", "2", "--energy", "4"});
  r = ok(hw, {"win", "Closed the laptop at 17:30", "--goal", gid, "--value", "Family", "--size", "medium"});
  EXPECT_TRUE(contains(r.out, "Win 1 logged for 2026-11-25")) << r;
  r = ok(hw, {"reflect", "--values", "7", "--note", "an honest week"});
  EXPECT_TRUE(contains(r.out, "2026-W48")) << r;
  EXPECT_TRUE(contains(r.out, "7/10")) << r;

  SCOPED_TRACE("assessments");
  const json a1 = ok_json(hw, {"assess", "balance-check", "--answers", joined(kBalanceAnswers, ",")});
  EXPECT_EQ(a1["instrument"], "balance-check");
  EXPECT_EQ(a1["answers"].size(), 16u);
  ASSERT_FALSE(a1["scores"].empty());
  for (const auto& s : a1["scores"]) {
    EXPECT_GE(s["score"].get<double>(), 0.0);
    EXPECT_LE(s["score"].get<double>(), 100.0);
  }
  // Interactive: one answer per line on a pipe gives the same scores.
  const json a2 = ok_json(hw, {"assess", "balance-check"}, RunOptions{{}, joined(kBalanceAnswers, "\n") + "\n"});
  EXPECT_EQ(a2["answers"], a1["answers"]);
  EXPECT_EQ(a2["scores"], a1["scores"]);
  ok(hw, {"assess", "barrier-profile", "--answers", "4,3,5,2,4,3,2,4,3,3,4,2,3,4,3"});
  const json hist = ok_json(hw, {"assessments"});
  EXPECT_EQ(hist.size(), 3u) << hist.dump(2);

  SCOPED_TRACE("strategy");
  const json sugg = ok_json(hw, {"strategy", "suggest"});
  ASSERT_TRUE(sugg.is_array());
  EXPECT_FALSE(sugg.empty()) << "a barrier profile and a staged goal should yield suggestions";
  EXPECT_LE(sugg.size(), 5u);
  for (const auto& s : sugg) {
    EXPECT_TRUE(s["id"].is_string());
    EXPECT_FALSE(s["reason"].get<std::string>().empty());
  }
  r = ok(hw, {"strategy", "suggest", "--limit", "2"});
  EXPECT_TRUE(contains(r.out, "1. ")) << r;
  EXPECT_FALSE(contains(r.out, "3. ")) << r;

  SCOPED_TRACE("weekly report");
  const json rep = ok_json(hw, {"report", "week"});
  EXPECT_EQ(rep["week"], "2026-W48");
  EXPECT_EQ(rep["from"], "2026-11-23");
  EXPECT_EQ(rep["to"], "2026-11-29");
  EXPECT_EQ(rep["timezone"], "Europe/Berlin");
  EXPECT_EQ(rep["checkins"], 2);
  EXPECT_EQ(rep["wins"].size(), 1u);
  EXPECT_EQ(rep["goals"].size(), 1u);
  EXPECT_EQ(rep["boundaries"].size(), 6u);
  EXPECT_EQ(rep["insights"].size(), 5u);
  r = ok(hw, {"report", "week"});
  EXPECT_TRUE(contains(r.out, "2026-W48")) << r;
  EXPECT_TRUE(contains(r.out, "Closed the laptop at 17:30")) << r;
  EXPECT_FALSE(contains(r.out, "\033[")) << "NO_COLOR and a pipe: no escape codes";
  r = ok(hw, {"report", "week", "--format", "markdown"});
  EXPECT_EQ(r.out.rfind("# Weekly report 2026-W48", 0), 0u) << r;
  EXPECT_TRUE(contains(r.out, "| Day |")) << r;
  r = ok(hw, {"report", "week", "--format", "html"});
  EXPECT_EQ(r.out.rfind("<!doctype html>", 0), 0u) << r;
  EXPECT_TRUE(contains(r.out, "</html>")) << r;
  EXPECT_TRUE(contains(r.out, "Closed the laptop at 17:30")) << r;

  SCOPED_TRACE("lists");
  const json cis = ok_json(hw, {"checkins"});
  ASSERT_EQ(cis.size(), 2u) << cis.dump(2);
  EXPECT_EQ(cis[0]["date"], "2026-11-24");
  EXPECT_EQ(cis[1]["date"], "2026-11-25");
  EXPECT_EQ(cis[1]["note"], "long day");
  r = ok(hw, {"checkins"});
  EXPECT_TRUE(contains(r.out, "2026-11-25")) << r;
  const json wins = ok_json(hw, {"wins"});
  ASSERT_EQ(wins.size(), 1u);
  EXPECT_EQ(wins[0]["text"], "Closed the laptop at 17:30");
  EXPECT_EQ(wins[0]["goal_id"], goal_id);
  EXPECT_EQ(wins[0]["size"], "medium");
  r = ok(hw, {"wins"});
  EXPECT_TRUE(contains(r.out, "Closed the laptop at 17:30")) << r;

  SCOPED_TRACE("profile");
  const json prof = ok_json(hw, {"profile", "show"});
  EXPECT_EQ(prof["name"], "Alex Example");
  EXPECT_EQ(prof["timezone"], "Europe/Berlin");
  EXPECT_EQ(prof["work_hours"], "Mon-Fri 09:00-17:30");
  r = ok(hw, {"profile", "show"});
  EXPECT_TRUE(contains(r.out, "Alex Example")) << r;
  EXPECT_TRUE(contains(r.out, "Europe/Berlin")) << r;

  SCOPED_TRACE("nothing escaped the data directory");
  EXPECT_FALSE(fs::exists(hw.home().path() / "xdg")) << "--data-dir must be the only place written";
  EXPECT_FALSE(fs::exists(hw.home().path() / ".local"));
}

TEST(Journey, StrengthTrendCoversTheLastNinetyDays) {
  Headway hw;
  ok(hw, {"demo"});
  for (const auto& goal : ok_json(hw, {"goal", "list"})) {
    SCOPED_TRACE(goal["title"].get<std::string>());
    const auto& trend = goal["strength_trend"];
    ASSERT_EQ(trend.size(), 90u) << "the demo's goals are older than 90 days";
    // One entry per consecutive day, ending today (HEADWAY_NOW is 2026-11-25, evening in Europe).
    EXPECT_EQ(trend.back()["date"], "2026-11-25");
    EXPECT_EQ(trend.front()["date"], "2026-08-28");
    EXPECT_EQ(trend.back()["strength"], goal["habit_strength"]);
    double lowest = 100, highest = 0;
    for (const auto& point : trend) {
      const double s = point["strength"].get<double>();
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 100.0);
      lowest = std::min(lowest, s);
      highest = std::max(highest, s);
    }
    EXPECT_GT(highest, lowest) << "strength moves as completions come and go";
  }
}

TEST(Journey, InstrumentsDescribeTheirBandsAndSupportPointer) {
  Headway hw;
  ok(hw, {"init", "--name", "Alex", "--timezone", "UTC"});
  const json instruments = ok_json(hw, {"instruments"});
  ASSERT_GE(instruments.size(), 2u) << instruments.dump(2);
  for (const auto& in : instruments) {
    SCOPED_TRACE(in["id"].get<std::string>());
    EXPECT_FALSE(in["support_pointer"].get<std::string>().empty());
    EXPECT_TRUE(in["description"].is_string());
    for (const auto& scale : in["scales"]) {
      const auto& bands = scale["bands"];
      ASSERT_GE(bands.size(), 2u) << scale.dump(2);
      EXPECT_EQ(bands[0]["min"], 0.0) << "the first band starts at 0";
      for (size_t i = 1; i < bands.size(); ++i) EXPECT_GT(bands[i]["min"].get<double>(), bands[i - 1]["min"].get<double>());
      for (const auto& b : bands) EXPECT_FALSE(b["label"].get<std::string>().empty());
    }
  }
}

TEST(Journey, DefaultDataDirIsUnderXdgDataHome) {
  SKIP_UNLESS_SQLITE();
  Headway hw;
  const auto r = hw.raw({"init", "--name", "Alex", "--timezone", "UTC"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_TRUE(fs::exists(hw.home().path() / "xdg" / "headway" / "headway.db"));
  EXPECT_FALSE(fs::exists(hw.home().path() / ".local"));
  const auto shown = hw.raw({"profile", "show", "--format", "json"});
  ASSERT_EQ(shown.code, 0) << shown;
  EXPECT_EQ(parse_json(shown.out)["name"], "Alex");
  // HEADWAY_DATA_DIR overrides XDG_DATA_HOME.
  const auto other =
      hw.raw({"profile", "show"}, RunOptions{{{"HEADWAY_DATA_DIR", (hw.home().path() / "other").string()}}, {}});
  expect_refusal(other, "headway init");
}

// init, demo and import-data say where the data lives: the SQLite file, or on PostgreSQL the
// database (its URL without the password), never a file that does not exist.
TEST(Journey, CommandsThatCreateDataSayWhereItLives) {
  Headway hw;
  const auto r = hw({"init", "--name", "Alex", "--timezone", "UTC"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_TRUE(contains(r.out, "Your data lives in " + hw.database_name(hw.data_dir()) + ".")) << r;
  const fs::path demo = hw.home().path() / "demo";
  const auto d = hw.in(demo, {"demo", "--days", "14"});
  ASSERT_EQ(d.code, 0) << d;
  EXPECT_TRUE(contains(d.out, " in " + hw.database_name(demo) + ".")) << d;
  const auto ex = hw.in(demo, {"export"});
  ASSERT_EQ(ex.code, 0) << ex;
  const fs::path imported = hw.home().path() / "imported";
  const auto i = hw.in(imported, {"import-data", "-"}, RunOptions{{}, ex.out});
  ASSERT_EQ(i.code, 0) << i;
  EXPECT_TRUE(contains(i.out, " into " + hw.database_name(imported) + ".")) << i;
  for (const auto* out : {&r.out, &d.out, &i.out}) {
    EXPECT_FALSE(contains(*out, "headway-test")) << "the password is printed: " << *out;
    if (on_postgres()) {
      EXPECT_FALSE(contains(*out, "headway.db")) << "names a SQLite file that does not exist: " << *out;
    }
  }
}

TEST(Journey, InteractiveAssessmentRejectsShortOrBadInput) {
  Headway hw;
  hw.init();
  const auto before = hw.snapshot();
  expect_refusal(hw({"assess", "balance-check"}, RunOptions{{}, std::string("4\n3\n5\n")}), "answers");
  expect_refusal(hw({"assess", "balance-check"}, RunOptions{{}, std::string("4\n3\n9\n")}), "answers");
  expect_refusal(hw({"assess", "balance-check"}), "answers");  // stdin is /dev/null
  EXPECT_EQ(hw.snapshot(), before);
}

}  // namespace
}  // namespace headway::cli_test
