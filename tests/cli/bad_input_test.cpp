// Bad input of any kind: exit 2, one line on stderr that names the field, and the database is
// exactly as it was (design section 6).
#include "harness.hpp"

namespace headway::cli_test {
namespace {

// A person with a little of everything, written once and copied into each test.
const Template& seeded() {
  static const Template t([](Headway& hw) {
    hw.init("Europe/Berlin", "Mon-Fri 09:00-17:30");
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"value", "add", "Health", "--rank", "1"},
             {"value", "add", "Family"},
             {"goal", "add", "--title", "Evening walk", "--value", "Health"},
             {"goal", "stage", "1", "--answer", "within-30-days"},
             {"goal", "done", "1", "--date", "2026-11-24"},
             {"boundary", "add", "--type", "work-window", "--days", "Mon-Fri", "--from", "09:00", "--to", "17:30"},
             {"boundary", "add", "--type", "no-weekend-work"},
             {"checkin", "--date", "2026-11-24", "--start", "09:00", "--end", "17:00", "--stress", "2", "--energy",
              "4"},
             {"win", "Walked after work"},
             {"reflect", "--values", "6"},
             {"assess", "balance-check", "--answers", "3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"},
         }) {
      const auto r = hw(args);
      ASSERT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
    }
  });
  return t;
}

struct BadCase {
  std::string name;
  std::vector<std::string> args;
  std::string mention;  // the field (or thing) the one-line error must name
  std::optional<std::string> stdin_text = std::nullopt;
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

const std::vector<std::string> kDay{"--start", "09:00", "--end", "17:00"};

std::vector<std::string> checkin(std::vector<std::string> extra, bool with_day = true, const std::string& stress = "3",
                                 const std::string& energy = "3") {
  std::vector<std::string> args{"checkin"};
  if (with_day) args.insert(args.end(), kDay.begin(), kDay.end());
  args.insert(args.end(), {"--stress", stress, "--energy", energy});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::string answers(int n, int value) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? "," : "") + std::to_string(value);
  return s;
}

// Linux refuses a single argument of 128 KiB or more (MAX_ARG_STRLEN), so this is the largest
// text the command line can carry; the 1 MB cases go through a file and stdin below.
const std::string kHugeArg(128 * 1024 - 1, 'a');

const std::vector<BadCase>& cases() {
  static const std::vector<BadCase> k{
      // dates
      {"CheckinNoSuchDay", checkin({"--date", "2026-02-30"}), "date"},
      {"CheckinDateWords", checkin({"--date", "tomorrow-ish"}), "date"},
      {"CheckinFutureDate", checkin({"--date", "2026-11-26"}), "date"},
      {"CheckinDateWrongOrder", checkin({"--date", "25-11-2026"}), "date"},
      {"WinFutureDate", {"win", "Early bird", "--date", "2026-12-01"}, "date"},
      {"GoalDoneFutureDate", {"goal", "done", "1", "--date", "2026-11-26"}, "date"},
      {"GoalDoneBadDate", {"goal", "done", "1", "--date", "2026-11-31"}, "date"},
      {"CheckinsBadFrom", {"checkins", "--from", "last week"}, "from"},
      {"CheckinsToBeforeFrom", {"checkins", "--from", "2026-11-20", "--to", "2026-11-10"}, "to"},
      {"ReportBadDate", {"report", "week", "--date", "2026-00-10"}, "date"},
      // times
      {"CheckinStartHour25", checkin({"--start", "25:00", "--end", "17:00"}, false), "start"},
      {"CheckinStart9am", checkin({"--start", "9am", "--end", "17:00"}, false), "start"},
      {"CheckinEnd9am", checkin({"--start", "09:00", "--end", "5pm"}, false), "end"},
      {"CheckinMissingEnd", checkin({"--start", "09:00"}, false), "end"},
      {"CheckinOffWithHours", checkin({"--off"}), "off"},
      {"CheckinEndEqualsStart", checkin({"--start", "09:00", "--end", "09:00"}, false), "end"},
      {"CheckinBreakTooLong", checkin({"--break", "721"}), "break"},
      {"CheckinAfterHoursNegative", checkin({"--after-hours", "-5"}), "after_hours"},
      // stress and energy
      {"StressZero", checkin({}, true, "0"), "stress"},
      {"StressSix", checkin({}, true, "6"), "stress"},
      {"StressWord", checkin({}, true, "abc"), "stress"},
      {"StressFraction", checkin({}, true, "2.5"), "stress"},
      {"EnergyZero", checkin({}, true, "3", "0"), "energy"},
      {"EnergySix", checkin({}, true, "3", "6"), "energy"},
      {"EnergyWord", checkin({}, true, "3", "abc"), "energy"},
      {"EnergyMissing", {"checkin", "--start", "09:00", "--end", "17:00", "--stress", "3"}, "energy"},
      // reflection
      {"ReflectEleven", {"reflect", "--values", "11"}, "values"},
      {"ReflectNegative", {"reflect", "--values", "-1"}, "values"},
      {"ReflectWord", {"reflect", "--values", "high"}, "values"},
      // unknown ids and names
      {"GoalShowUnknownId", {"goal", "show", "99"}, "goal 99"},
      {"GoalDoneUnknownId", {"goal", "done", "99"}, "goal 99"},
      {"GoalStageUnknownId", {"goal", "stage", "99", "--answer", "within-30-days"}, "goal 99"},
      {"GoalShowNotANumber", {"goal", "show", "one"}, "id"},
      {"GoalAddUnknownBoundary", {"goal", "add", "--title", "T", "--value", "Health", "--boundary", "99"}, "boundary"},
      {"GoalAddUnknownValue", {"goal", "add", "--title", "T", "--value", "Courage"}, "value"},
      {"GoalAddNoValue", {"goal", "add", "--title", "T"}, "value"},
      {"WinUnknownValue", {"win", "Nice", "--value", "Courage"}, "value"},
      {"WinUnknownGoal", {"win", "Nice", "--goal", "99"}, "goal"},
      {"WinUnknownSize", {"win", "Nice", "--size", "huge"}, "size"},
      {"BoundaryRemoveUnknown", {"boundary", "remove", "99"}, "99"},
      {"ValueRemoveUnknown", {"value", "remove", "Courage"}, "Courage"},
      {"ValueDuplicate", {"value", "add", "health"}, "Health"},
      {"ValueRankSix", {"value", "rank", "Family", "6"}, "rank"},
      {"MotivationUnknownDriver", {"motivation", "set", "money", "3"}, "driver"},
      {"MotivationRatingSix", {"motivation", "set", "health", "6"}, "rating"},
      {"CatalystUnknownKind", {"motivation", "catalyst", "add", "--kind", "lottery"}, "kind"},
      // goals
      {"FrequencyNoX", {"goal", "add", "--title", "T", "--value", "Health", "--frequency", "3/week"}, "frequency"},
      {"FrequencyZero", {"goal", "add", "--title", "T", "--value", "Health", "--frequency", "0x/week"}, "frequency"},
      {"FrequencyEight", {"goal", "add", "--title", "T", "--value", "Health", "--frequency", "8x/week"}, "frequency"},
      {"GoalIfWithoutThen", {"goal", "add", "--title", "T", "--value", "Health", "--if", "If it is 17:15"}, "then"},
      {"GoalUnknownBarrier", {"goal", "add", "--title", "T", "--value", "Health", "--barrier", "laziness"}, "barrier"},
      {"GoalTitleTooLong", {"goal", "add", "--title", std::string(5000, 't'), "--value", "Health"}, "title"},
      {"StageUnknownAnswer", {"goal", "stage", "1", "--answer", "maybe-later"}, "answer"},
      // boundaries
      {"BoundaryUnknownType", {"boundary", "add", "--type", "curfew"}, "type"},
      {"BoundaryMissingParam",
       {"boundary", "add", "--type", "work-window", "--days", "Mon-Fri", "--from", "09:00"},
       "to"},
      {"BoundaryUnexpectedParam", {"boundary", "add", "--type", "no-weekend-work", "--hours", "3"}, "hours"},
      {"BoundaryHoursWord", {"boundary", "add", "--type", "weekly-hours-cap", "--hours", "lots"}, "hours"},
      {"BoundaryWindowBackwards",
       {"boundary", "add", "--type", "work-window", "--days", "Mon-Fri", "--from", "17:30", "--to", "09:00"},
       "to"},
      {"BoundaryBadDays",
       {"boundary", "add", "--type", "meeting-free", "--days", "Funday", "--from", "13:00", "--to", "17:00"},
       "days"},
      {"BoundaryBadTime", {"boundary", "add", "--type", "no-messages-after", "--time", "7pm"}, "time"},
      // assessments
      {"AssessTooFewAnswers", {"assess", "balance-check", "--answers", "4,3,5"}, "answers"},
      {"AssessTooManyAnswers", {"assess", "balance-check", "--answers", answers(17, 3)}, "answers"},
      {"AssessAnswerOutOfRange", {"assess", "balance-check", "--answers", answers(15, 3) + ",9"}, "answers"},
      {"AssessAnswerZero", {"assess", "balance-check", "--answers", "0," + answers(15, 3)}, "answers"},
      {"AssessAnswerWord", {"assess", "balance-check", "--answers", "3,3,x"}, "answers"},
      {"AssessUnknownInstrument", {"assess", "burnout-inventory", "--answers", "3"}, "instrument"},
      {"AssessStdinTooFew", {"assess", "balance-check"}, "answers", std::string("3\n3\n3\n")},
      {"AssessStdinOutOfRange", {"assess", "balance-check"}, "answers", std::string("3\n3\n7\n")},
      {"AssessStdinHugeLine", {"assess", "balance-check"}, "answers", std::string(1 << 20, '3') + "\n"},
      // text
      {"WinEmpty", {"win", ""}, "text"},
      {"WinBlank", {"win", "   \t "}, "text"},
      {"WinTooLong", {"win", std::string(501, 'w')}, "text"},
      {"WinHuge", {"win", kHugeArg}, "text"},
      {"WinBell", {"win", "ding\adong"}, "text"},
      {"WinEscapeSequence", {"win", "red \x1b[31malert\x1b[0m"}, "text"},
      {"WinDelete", {"win", "del\x7f"}, "text"},
      {"CheckinNoteEscape", checkin({"--note", "clear\x1b[2Jscreen"}), "note"},
      {"CheckinNoteHuge", checkin({"--note", kHugeArg}), "note"},
      {"GoalTitleEscape", {"goal", "add", "--title", "T\x1b]0;owned\a", "--value", "Health"}, "title"},
      {"ValueNameControl", {"value", "add", "Calm\r\nInjected"}, "name"},
      {"ReflectNoteControl", {"reflect", "--values", "5", "--note", "a\x01b"}, "note"},
      {"ProfileNameControl", {"profile", "set", "--name", "Al\bex"}, "name"},
      {"ProfileBadTimezone", {"profile", "set", "--timezone", "Berlin"}, "timezone"},
      // the profile exists already
      {"InitTwice", {"init", "--name", "Again", "--timezone", "UTC"}, "profile"},
      {"DemoOverProfile", {"demo", "--days", "30"}, "profile"},
  };
  return k;
}

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, ExitsTwoNamesTheFieldAndChangesNothing) {
  const BadCase& c = GetParam();
  Headway hw;
  hw.adopt(seeded().dir());
  const DbSnapshot before = hw.snapshot();
  ASSERT_EQ(before.export_code, 0);
  ASSERT_GT(before.counts.at("checkins"), 0);
  const auto r = hw(c.args, RunOptions{{}, c.stdin_text});
  expect_refusal(r, c.mention);
  EXPECT_LT(r.err.size(), 1000u) << "the error line should not echo huge input";
  EXPECT_EQ(r.out, "") << "nothing on stdout when refusing";
  EXPECT_EQ(hw.snapshot(), before) << "the database changed";
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

// --- refusals before any data exists ----------------------------------------------------------

TEST(BadInputFresh, UnknownTimeZoneOnInitCreatesNothing) {
  Headway hw;
  for (const char* zone : {"Mars/Olympus", "CEST", "Europe/berlin", "../../etc/passwd", ""}) {
    SCOPED_TRACE(zone);
    expect_refusal(hw({"init", "--name", "Alex", "--timezone", zone}), "timezone");
    EXPECT_FALSE(fs::exists(hw.data_dir())) << "no data directory for a refused init";
    EXPECT_FALSE(hw.has_database()) << "no database for a refused init";
  }
  expect_refusal(hw({"init", "--name", "Alex", "--timezone", "UTC", "--work-hours", "Mon-Fri 17:30-09:00"}), "work");
  expect_refusal(hw({"init", "--name", "Alex", "--timezone", "UTC", "--work-hours", "weekdays"}), "work");
  expect_refusal(hw({"init", "--name", "", "--timezone", "UTC"}), "name");
  expect_refusal(hw({"init", "--name", "Alex"}), "--timezone");
  EXPECT_FALSE(fs::exists(hw.data_dir()));
  EXPECT_FALSE(hw.has_database());
  // An existing empty directory stays empty.
  fs::create_directories(hw.data_dir());
  expect_refusal(hw({"init", "--name", "Alex", "--timezone", "Nowhere/Town"}), "timezone");
  EXPECT_TRUE(fs::is_empty(hw.data_dir()));
  EXPECT_FALSE(hw.has_database());
}

// Every command that needs a profile refuses before init, points to `headway init`, and creates
// no database (neither in a missing nor in an existing empty data directory). On an empty
// PostgreSQL database the pointer is to `headway migrate` (only init, demo and import-data
// migrate an empty database by themselves), and the database stays unmigrated.
TEST(BadInputFresh, CommandsBeforeInitPointToInit) {
  const std::vector<std::vector<std::string>> commands{
      {"profile", "show"},
      {"checkin", "--start", "09:00", "--end", "17:00", "--stress", "3", "--energy", "3"},
      {"checkins"},
      {"win", "A win"},
      {"wins"},
      {"reflect", "--values", "5"},
      {"value", "add", "Health"},
      {"value", "list"},
      {"motivation", "show"},
      {"goal", "list"},
      {"goal", "show", "1"},
      {"boundary", "add", "--type", "no-weekend-work"},
      {"boundary", "check"},
      {"assess", "balance-check", "--answers", answers(16, 3)},
      {"assessments"},
      {"strategy", "suggest"},
      {"report", "week"},
      {"export"},
  };
  for (const bool dir_exists : {false, true}) {
    Headway hw;
    if (dir_exists) fs::create_directories(hw.data_dir());
    for (const auto& args : commands) {
      SCOPED_TRACE(::testing::PrintToString(args) + (dir_exists ? " (empty dir)" : " (no dir)"));
      const auto r = hw(args);
      expect_refusal(r, on_postgres() ? "headway migrate" : "headway init");
      EXPECT_FALSE(hw.has_database()) << "a refused command created the database";
      EXPECT_FALSE(fs::exists(hw.db_path())) << "a refused command created the database";
      EXPECT_EQ(fs::exists(hw.data_dir()), dir_exists);
    }
  }
}

// (On PostgreSQL backup refuses every database: it copies SQLite files.)
// On PostgreSQL `headway migrate` makes the schema of an empty database; after it the commands
// point to init like on a new SQLite data directory, and init, demo and import-data work.
TEST(BadInputFresh, MigratedPostgresqlDatabaseWithoutProfilePointsToInit) {
  if (!on_postgres()) GTEST_SKIP() << "PostgreSQL behaviour";
  Headway hw;
  const auto m = hw({"migrate"});
  ASSERT_EQ(m.code, 0) << m;
  EXPECT_TRUE(contains(m.out, "schema version 8")) << m;
  ASSERT_TRUE(hw.has_database());
  const DbSnapshot migrated = hw.snapshot();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"profile", "show"}, {"checkins"}, {"win", "A win"}, {"export"}, {"report", "week"}}) {
    SCOPED_TRACE(::testing::PrintToString(args));
    expect_refusal(hw(args), "headway init");
  }
  EXPECT_EQ(hw.snapshot(), migrated);
  // Migrating again changes nothing.
  ASSERT_EQ(hw({"migrate"}).code, 0);
  EXPECT_EQ(hw.snapshot(), migrated);
  for (const std::vector<std::string>& create : std::vector<std::vector<std::string>>{
           {"init", "--name", "Alex", "--timezone", "UTC"}, {"demo", "--days", "14"}}) {
    SCOPED_TRACE(::testing::PrintToString(create));
    Headway fresh;
    ASSERT_EQ(fresh({"migrate"}).code, 0);
    const auto r = fresh(create);
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_EQ(fresh({"profile", "show"}).code, 0);
  }
}

TEST(BadInputFresh, BackupWithoutDatabaseCreatesNothing) {
  Headway hw;
  const fs::path target = hw.home().path() / "backup.db";
  const auto r = hw({"backup", target.string()});
  expect_refusal(r, on_postgres() ? "pg_dump" : "headway init");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(hw.has_database());
  EXPECT_FALSE(fs::exists(hw.db_path()));
}

// Text that is not UTF-8 cannot be rendered as JSON; it must be refused at the door, or the
// person can no longer export their data or read their wins as JSON.
TEST(BadInputFresh, WinTextMustBeUtf8) {
  Headway hw;
  hw.adopt(seeded().dir());
  const DbSnapshot before = hw.snapshot();
  expect_refusal(hw({"win", "bad\xff\xfeutf8"}), "text");
  EXPECT_EQ(hw.snapshot(), before);
  EXPECT_EQ(hw({"export"}).code, 0);
  EXPECT_EQ(hw({"wins", "--format", "json"}).code, 0);
}

}  // namespace
}  // namespace headway::cli_test
