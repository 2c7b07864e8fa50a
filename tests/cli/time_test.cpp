// Days and time: habit strength over real days, boundary evaluation per local day, DST nights,
// the check-in upsert and "today" in the person's own zone.
#include <set>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

RunResult must(const Headway& hw, const std::vector<std::string>& args, const RunOptions& opt = {}) {
  auto r = hw(args, opt);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return r;
}

RunOptions at(const std::string& instant) { return RunOptions{{{"HEADWAY_NOW", instant}}, {}}; }

// The 13 days ending on the pinned today, 2026-11-25.
std::vector<std::string> thirteen_days() {
  std::vector<std::string> days;
  for (int d = 13; d <= 25; ++d) days.push_back("2026-11-" + std::to_string(d));
  return days;
}

// --- habit strength ---------------------------------------------------------------------------

// Design 4.3: m = 0.5^(sqrt(f)/13); for a daily goal 13 completions in a row from 0 give
// 1 - m^13 = 0.5, i.e. 50%.
TEST(HabitStrength, ThirteenDailyCompletionsGiveFifty) {
  Headway hw;
  // The goal exists since 2026-11-13 (the clock is pinned to that morning while it is written).
  const auto then = at("2026-11-13T08:00:00Z");
  ASSERT_EQ(hw({"init", "--name", "Alex", "--timezone", "Europe/Berlin"}, then).code, 0);
  ASSERT_EQ(hw({"value", "add", "Health"}, then).code, 0);
  const json g =
      parse_json(hw({"goal", "add", "--title", "Evening walk", "--value", "Health", "--format", "json"}, then).out);
  ASSERT_EQ(g["start_date"], "2026-11-13");
  for (const auto& d : thirteen_days()) must(hw, {"goal", "done", "1", "--date", d});
  const json shown = hw.json_of({"goal", "show", "1"});
  EXPECT_DOUBLE_EQ(shown["habit_strength"].get<double>(), 50.0) << shown.dump(2);
  EXPECT_EQ(shown["completions"], 13);
  EXPECT_EQ(shown["streak"]["current"], 13);
  EXPECT_EQ(shown["streak"]["unit"], "days");
  // Marking a day twice changes nothing.
  const json again = hw.json_of({"goal", "done", "1", "--date", "2026-11-20"});
  EXPECT_EQ(again["added"], false);
  EXPECT_DOUBLE_EQ(again["habit_strength"].get<double>(), 50.0);
  // One miss never resets it: a day later without a walk the strength only decays a little.
  const auto next = hw({"goal", "show", "1", "--format", "json"}, at("2026-11-26T18:00:00Z"));
  ASSERT_EQ(next.code, 0) << next;
  const double after_miss = parse_json(next.out)["habit_strength"].get<double>();
  EXPECT_LT(after_miss, 50.0);
  EXPECT_GT(after_miss, 45.0);
}

// The brief's version: the goal is written today and the last 13 days are logged with --date.
// Either the back-dated days count, or they are refused; accepting them and then ignoring them
// (strength 5.2, streak 1 with 13 completions on record) is inconsistent.
TEST(HabitStrength, BackdatedCompletionsCountOrAreRefused) {
  Headway hw;
  hw.init();
  must(hw, {"value", "add", "Health"});
  must(hw, {"goal", "add", "--title", "Evening walk", "--value", "Health"});
  bool refused = false;
  for (const auto& d : thirteen_days()) {
    const auto r = hw({"goal", "done", "1", "--date", d});
    if (r.code != 0) {
      expect_refusal(r, "date");
      refused = true;
    }
  }
  if (refused) return;
  const json shown = hw.json_of({"goal", "show", "1"});
  EXPECT_DOUBLE_EQ(shown["habit_strength"].get<double>(), 50.0) << shown.dump(2);
  EXPECT_EQ(shown["streak"]["current"], 13);
}

// The weekly report must show the same strength as `goal show` for today, not a value projected
// over the days of the week that have not happened yet.
TEST(HabitStrength, WeeklyReportAgreesWithGoalShow) {
  Headway hw;
  const auto then = at("2026-11-13T08:00:00Z");
  ASSERT_EQ(hw({"init", "--name", "Alex", "--timezone", "Europe/Berlin"}, then).code, 0);
  ASSERT_EQ(hw({"value", "add", "Health"}, then).code, 0);
  ASSERT_EQ(hw({"goal", "add", "--title", "Evening walk", "--value", "Health"}, then).code, 0);
  for (const auto& d : thirteen_days()) must(hw, {"goal", "done", "1", "--date", d});
  const double shown = hw.json_of({"goal", "show", "1"})["habit_strength"].get<double>();
  const json rep = hw.json_of({"report", "week"});
  ASSERT_EQ(rep["goals"].size(), 1u);
  EXPECT_DOUBLE_EQ(rep["goals"][0]["habit_strength"].get<double>(), shown) << rep["goals"].dump(2);
}

// --- boundary check ---------------------------------------------------------------------------

class BoundaryCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    hw.init("Europe/Berlin", "Mon-Fri 09:00-17:30");
    must(hw, {"boundary", "add", "--type", "work-window", "--days", "Mon-Fri", "--from", "09:00", "--to", "17:30"});
    must(hw, {"boundary", "add", "--type", "no-weekend-work"});
    // Monday within the window, Tuesday far outside it; the other days have no evidence.
    must(hw,
         {"checkin", "--date", "2026-11-23", "--start", "09:00", "--end", "17:00", "--stress", "2", "--energy", "4"});
    must(hw,
         {"checkin", "--date", "2026-11-24", "--start", "08:00", "--end", "19:30", "--stress", "4", "--energy", "2"});
  }
  json check(std::vector<std::string> args) {
    args.insert(args.begin(), {"boundary", "check"});
    const json j = hw.json_of(args);
    EXPECT_TRUE(j.is_array()) << j.dump(2);
    for (const auto& e : j)
      for (const char* key : {"date", "boundary_id", "type", "status", "evidence"})
        EXPECT_TRUE(e.contains(key)) << key << " missing in " << e.dump();
    return j;
  }
  Headway hw;
};

TEST_F(BoundaryCheck, DayWithoutCheckinIsUnknownNeverKept) {
  const json j = check({"--date", "2026-11-25"});  // Wednesday, no check-in
  ASSERT_EQ(j.size(), 1u) << "only the work window applies on a Wednesday: " << j.dump(2);
  EXPECT_EQ(j[0]["date"], "2026-11-25");
  EXPECT_EQ(j[0]["boundary_id"], 1);
  EXPECT_EQ(j[0]["type"], "work-window");
  EXPECT_EQ(j[0]["status"], "unknown");
  // The default is today, the same Wednesday.
  EXPECT_EQ(check({}), j);
  const json weekend = check({"--date", "2026-11-28"});
  ASSERT_EQ(weekend.size(), 1u) << weekend.dump(2);
  EXPECT_EQ(weekend[0]["type"], "no-weekend-work");
  EXPECT_EQ(weekend[0]["status"], "unknown");
}

TEST_F(BoundaryCheck, LongDayBreaksTheWorkWindowWithEvidence) {
  const json broken = check({"--date", "2026-11-24"});
  ASSERT_EQ(broken.size(), 1u) << broken.dump(2);
  EXPECT_EQ(broken[0]["status"], "broken");
  EXPECT_TRUE(contains(broken[0]["evidence"].get<std::string>(), "08:00-19:30")) << broken.dump(2);
  const json kept = check({"--date", "2026-11-23"});
  ASSERT_EQ(kept.size(), 1u) << kept.dump(2);
  EXPECT_EQ(kept[0]["status"], "kept");
  const auto text = must(hw, {"boundary", "check", "--date", "2026-11-24"});
  EXPECT_TRUE(contains(text.out, "broken")) << text;
  EXPECT_TRUE(contains(text.out, "08:00-19:30")) << text;
}

TEST_F(BoundaryCheck, RangeHasOneEntryPerApplicableDay) {
  const json j = check({"--from", "2026-11-16", "--to", "2026-11-25"});
  std::set<std::string> window_days, weekend_days;
  std::set<std::pair<std::string, int>> seen;
  for (const auto& e : j) {
    const std::string d = e["date"];
    EXPECT_TRUE(seen.insert({d, e["boundary_id"].get<int>()}).second) << "duplicate " << e.dump();
    (e["type"] == "work-window" ? window_days : weekend_days).insert(d);
    const std::string expected = d == "2026-11-23" ? "kept" : d == "2026-11-24" ? "broken" : "unknown";
    EXPECT_EQ(e["status"], expected) << e.dump();
  }
  EXPECT_EQ(window_days, (std::set<std::string>{"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
                                                "2026-11-23", "2026-11-24", "2026-11-25"}));
  EXPECT_EQ(weekend_days, (std::set<std::string>{"2026-11-21", "2026-11-22"}));
  EXPECT_EQ(j.size(), 10u);
  const auto text = must(hw, {"boundary", "check", "--from", "2026-11-16", "--to", "2026-11-25"});
  EXPECT_TRUE(contains(text.out, "1 kept, 1 broken, 8 unknown")) << text;
}

TEST_F(BoundaryCheck, BadRangeIsRefused) {
  expect_refusal(hw({"boundary", "check", "--from", "2026-11-25", "--to", "2026-11-16"}), "to");
  expect_refusal(hw({"boundary", "check", "--date", "2026-13-01"}), "date");
}

// --- DST ------------------------------------------------------------------------------------

struct NightCase {
  const char* name;
  const char* zone;
  const char* date;
  int worked_minutes;
};

std::ostream& operator<<(std::ostream& os, const NightCase& c) { return os << c.name; }

class DstNight : public ::testing::TestWithParam<NightCase> {};

// 22:00 to 06:00 is 8 hours on the clock; the spring-forward night has 7, the fall-back night 9.
TEST_P(DstNight, OvernightShiftCountsRealMinutes) {
  const auto& c = GetParam();
  Headway hw;
  hw.init(c.zone);
  const json ci =
      hw.json_of({"checkin", "--date", c.date, "--start", "22:00", "--end", "06:00", "--stress", "3", "--energy", "3"});
  EXPECT_EQ(ci["worked_minutes"], c.worked_minutes) << ci.dump(2);
  const json list = hw.json_of({"checkins", "--from", c.date, "--to", c.date});
  ASSERT_EQ(list.size(), 1u) << list.dump(2);
  EXPECT_EQ(list[0]["date"], c.date);
  EXPECT_EQ(list[0]["start"], "22:00");
  EXPECT_EQ(list[0]["end"], "06:00");
  EXPECT_TRUE(list[0]["break"].is_null());
  EXPECT_EQ(list[0]["worked_minutes"], c.worked_minutes) << list.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Nights, DstNight,
                         ::testing::Values(NightCase{"BerlinSpringForward", "Europe/Berlin", "2026-03-28", 420},
                                           NightCase{"BerlinFallBack", "Europe/Berlin", "2026-10-24", 540},
                                           NightCase{"BerlinOrdinaryNight", "Europe/Berlin", "2026-03-29", 480},
                                           NightCase{"NewYorkSpringForward", "America/New_York", "2026-03-07", 420},
                                           NightCase{"NewYorkFallBack", "America/New_York", "2026-10-31", 540},
                                           NightCase{"NewYorkOrdinaryNight", "America/New_York", "2026-03-08", 480},
                                           NightCase{"TokyoHasNoDst", "Asia/Tokyo", "2026-03-28", 480}),
                         [](const auto& info) { return std::string(info.param.name); });

// --- check-in upsert and "today" ---------------------------------------------------------------

TEST(Checkin, SecondCheckinForTheSameDayUpdatesIt) {
  Headway hw;
  hw.init();
  const auto first = must(hw, {"checkin", "--date", "2026-11-24", "--start", "09:00", "--end", "17:00", "--stress", "2",
                               "--energy", "4", "--note", "first"});
  EXPECT_TRUE(contains(first.out, "Checked in for Tue 2026-11-24")) << first;
  EXPECT_FALSE(contains(first.out, "updated")) << first;
  const auto second = must(hw, {"checkin", "--date", "2026-11-24", "--start", "08:30", "--end", "18:45", "--stress",
                                "5", "--energy", "1", "--break", "30", "--setback", "--note", "second"});
  EXPECT_TRUE(contains(second.out, "updated")) << second;
  const json third = hw.json_of({"checkin", "--date", "2026-11-24", "--start", "08:30", "--end", "18:45", "--stress",
                                 "5", "--energy", "1", "--break", "30", "--setback", "--note", "second"});
  EXPECT_EQ(third["updated"], true);
  const json list = hw.json_of({"checkins", "--from", "2026-11-24", "--to", "2026-11-24"});
  ASSERT_EQ(list.size(), 1u) << list.dump(2);
  EXPECT_EQ(list[0]["start"], "08:30");
  EXPECT_EQ(list[0]["end"], "18:45");
  EXPECT_EQ(list[0]["stress"], 5);
  EXPECT_EQ(list[0]["energy"], 1);
  EXPECT_EQ(list[0]["break"], 30);
  EXPECT_EQ(list[0]["setback"], true);
  EXPECT_EQ(list[0]["progress"], false);
  EXPECT_EQ(list[0]["note"], "second");
  EXPECT_EQ(list[0]["worked_minutes"], 615 - 30);
  EXPECT_EQ(hw.snapshot().counts.at("checkins"), 1);
}

TEST(Checkin, DayOffHasNoHours) {
  Headway hw;
  hw.init();
  const json off = hw.json_of({"checkin", "--off", "--stress", "1", "--energy", "5"});
  EXPECT_EQ(off["off"], true);
  EXPECT_EQ(off["worked_minutes"], 0);
  EXPECT_TRUE(off["start"].is_null());
}

// "Today" is the person's local day: at 18:00 UTC it is already Thursday in Kiritimati (UTC+14)
// but still Wednesday in Berlin.
TEST(Checkin, TodayIsTheLocalDayOfThePersonsZone) {
  Headway east;
  east.init("Pacific/Kiritimati");
  const json ci = east.json_of({"checkin", "--start", "09:00", "--end", "17:00", "--stress", "2", "--energy", "3"});
  EXPECT_EQ(ci["date"], "2026-11-26");
  Headway berlin;
  berlin.init("Europe/Berlin");
  expect_refusal(berlin({"checkin", "--date", "2026-11-26", "--start", "09:00", "--end", "17:00", "--stress", "2",
                         "--energy", "3"}),
                 "date");
  // In Honolulu (UTC-10) it is 08:00 on Wednesday, so "yesterday" is Tuesday 2026-11-24.
  Headway west;
  west.init("Pacific/Honolulu");
  const json y = west.json_of({"checkin", "--date", "yesterday", "--off", "--stress", "2", "--energy", "3"});
  EXPECT_EQ(y["date"], "2026-11-24");
}

}  // namespace
}  // namespace headway::cli_test
