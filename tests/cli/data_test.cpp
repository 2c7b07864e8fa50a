// Your data, whole: export and import, backups, the demo, hostile text, and files that are not
// Headway databases.
#include <array>
#include <functional>
#include <set>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

const Template& demo60() {
  static const Template t([](Headway& hw) {
    const auto r = hw({"demo", "--days", "60"});
    ASSERT_EQ(r.code, 0) << r;
  });
  return t;
}

const Template& demo120() {
  static const Template t([](Headway& hw) {
    const auto r = hw({"demo", "--days", "120"});
    ASSERT_EQ(r.code, 0) << r;
  });
  return t;
}

std::string export_of(const Headway& hw, const fs::path& dir) {
  const auto r = hw.in(dir, {"export"});
  EXPECT_EQ(r.code, 0) << r;
  return r.out;
}

// After a failed import the target has no profile: commands still say to run init (on a
// PostgreSQL database that was never migrated: to run migrate).
void expect_no_profile(const Headway& hw, const fs::path& dir) {
  const auto r = hw.in(dir, {"profile", "show"});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, on_postgres() && !hw.has_database(dir) ? "headway migrate" : "headway init")) << r;
  if (hw.has_database(dir)) {
    const DbSnapshot s = hw.tables_of(dir);
    for (const auto& [table, n] : s.counts)
      if (table != "schema_migrations" && table != "revision_counter") {  // bookkeeping, not data
        EXPECT_EQ(n, 0) << "partial import left rows in " << table;
      }
  }
}

// --- export / import ------------------------------------------------------------------------

TEST(ExportImport, RoundTripIsByteIdentical) {
  Headway hw;
  hw.adopt(demo60().dir());
  const std::string original = export_of(hw, hw.data_dir());
  const json j = parse_json(original);
  EXPECT_EQ(j["format"], "headway-export");
  EXPECT_EQ(j["version"], 3);
  EXPECT_GT(j["checkins"].size(), 30u);
  EXPECT_FALSE(j["goals"].empty());
  EXPECT_FALSE(j["assessments"].empty());
  const fs::path file = hw.home().path() / "export.json";
  write_file(file, original);

  const fs::path target = hw.home().path() / "restored";
  const auto r = hw.in(target, {"import-data", file.string()});
  ASSERT_EQ(r.code, 0) << r;
  // Everything that is the person's own comes back byte for byte. The demo person is also in a
  // circle with other people and has a coach: that part of the file is a record for them, which
  // the new directory, without those people, does not have.
  json mine = j;
  ASSERT_FALSE(mine["together"]["record"]["circles"].empty()) << "the demo has a social side";
  for (auto& [key, list] : mine["together"]["record"].items())
    if (list.is_array()) list = json::array();
  EXPECT_TRUE(same_text(export_of(hw, target), mine.dump(2) + "\n"));
  // Same rows in every table of the person's own, too.
  auto own_rows = [&](const fs::path& dir) {
    auto counts = hw.tables_of(dir).counts;
    for (const char* other : {"people", "wins", "circles", "circle_members", "circle_invites", "win_shares", "kudos",
                              "pledges", "pledge_signatures", "grants", "grant_accesses", "plan_comments"})
      counts.erase(other);
    return counts;
  };
  EXPECT_EQ(own_rows(hw.data_dir()), own_rows(target));
  EXPECT_EQ(static_cast<size_t>(hw.tables_of(target).counts.at("wins")), j["wins"].size());

  // An export of the restored directory round-trips exactly, and so does one from stdin.
  const std::string again = export_of(hw, target);
  const fs::path piped = hw.home().path() / "piped";
  const auto p = hw.in(piped, {"import-data", "-"}, RunOptions{{}, again});
  ASSERT_EQ(p.code, 0) << p;
  EXPECT_TRUE(same_text(export_of(hw, piped), again));
  EXPECT_EQ(hw.tables_of(target).counts, hw.tables_of(piped).counts);
}

TEST(ExportImport, ImportIntoADirectoryWithAProfileIsRefused) {
  Headway hw;
  hw.adopt(demo60().dir());
  const fs::path file = hw.home().path() / "export.json";
  write_file(file, export_of(hw, hw.data_dir()));
  const DbSnapshot before = hw.snapshot();
  expect_refusal(hw({"import-data", file.string()}), "profile");
  EXPECT_EQ(hw.snapshot(), before);

  // Also into a different person's directory.
  Headway other;
  other.init();
  const DbSnapshot other_before = other.snapshot();
  expect_refusal(other({"import-data", file.string()}), "profile");
  EXPECT_EQ(other.snapshot(), other_before);
}

struct BrokenExport {
  const char* name;
  std::function<void(json&)> edit;  // null: the file is not JSON at all
  std::string mention;
};

std::ostream& operator<<(std::ostream& os, const BrokenExport& c) { return os << c.name; }

class MalformedImport : public ::testing::TestWithParam<BrokenExport> {};

TEST_P(MalformedImport, IsRefusedWholeAndNamesThePath) {
  const auto& c = GetParam();
  Headway hw;
  hw.adopt(demo60().dir());
  const std::string good = export_of(hw, hw.data_dir());
  std::string text = "this is { not JSON";
  if (c.edit) {
    json j = json::parse(good);
    c.edit(j);
    text = j.dump(2);
  }
  const fs::path file = hw.home().path() / "broken.json";
  write_file(file, text);
  const fs::path target = hw.home().path() / "target";
  const auto r = hw.in(target, {"import-data", file.string()});
  expect_refusal(r, c.mention);
  expect_no_profile(hw, target);
}

INSTANTIATE_TEST_SUITE_P(
    Files, MalformedImport,
    ::testing::Values(
        BrokenExport{"NotJson", nullptr, "JSON"},
        BrokenExport{"StressIsText", [](json& j) { j["checkins"][0]["stress"] = "high"; }, "$.checkins[0].stress"},
        BrokenExport{"StressOutOfRange", [](json& j) { j["checkins"][2]["stress"] = 9; }, "$.checkins[2].stress"},
        BrokenExport{"LateCheckinBad", [](json& j) { j["checkins"].back()["date"] = "2026-02-30"; }, "].date"},
        BrokenExport{"WrongFormat", [](json& j) { j["format"] = "timewarrior"; }, "$.format"},
        BrokenExport{"FutureVersion", [](json& j) { j["version"] = 4; }, "$.version"},
        BrokenExport{"CheckinsNotArray", [](json& j) { j["checkins"] = json::object(); }, "$.checkins"},
        BrokenExport{"UnknownZone", [](json& j) { j["person"]["timezone"] = "Mars/Olympus"; }, "$.person.timezone"},
        BrokenExport{"UnknownBoundaryType", [](json& j) { j["boundaries"][0]["type"] = "curfew"; },
                     "$.boundaries[0].type"},
        BrokenExport{"WinTextControl", [](json& j) { j["wins"][0]["text"] = "a\x1b[2Jb"; }, "$.wins[0]"},
        BrokenExport{"WinTextOneMegabyte", [](json& j) { j["wins"][0]["text"] = std::string(1 << 20, 'w'); },
                     "$.wins[0]"},
        BrokenExport{"WinWithUnknownGoal", [](json& j) { j["wins"][1]["goal_id"] = 999; }, "wins"},
        BrokenExport{"DuplicateValueName", [](json& j) { j["values"].push_back(j["values"][0]); }, "values"}),
    [](const auto& info) { return std::string(info.param.name); });

// The header of service/export.hpp promises "the error names the JSON path" for every error.
TEST(ExportImport, ReferenceErrorsNameTheJsonPath) {
  Headway hw;
  hw.adopt(demo60().dir());
  json j = json::parse(export_of(hw, hw.data_dir()));
  j["wins"][1]["goal_id"] = 999;
  const fs::path file = hw.home().path() / "broken.json";
  write_file(file, j.dump());
  expect_refusal(hw.in(hw.home().path() / "target", {"import-data", file.string()}), "$.wins[1].goal_id");
}

// Bad input changes nothing (design section 6): not even an empty database file is left behind
// (on PostgreSQL: the empty database is not migrated).
TEST(ExportImport, RefusedImportLeavesNoDatabaseFile) {
  Headway hw;
  const fs::path file = hw.home().path() / "broken.json";
  write_file(file, "this is { not JSON");
  expect_refusal(hw({"import-data", file.string()}), "JSON");
  EXPECT_FALSE(hw.has_database());
  EXPECT_FALSE(fs::exists(hw.db_path()));
}

TEST(ExportImport, MissingFileIsRefused) {
  Headway hw;
  expect_refusal(hw({"import-data", (hw.home().path() / "nope.json").string()}), "file");
  EXPECT_FALSE(hw.has_database());
  EXPECT_FALSE(fs::exists(hw.db_path()));
}

// A week of a person's data, exported by headway 0.1.0 (tests/data/cli/export-v1.json). Files
// people exported must keep importing, byte for byte, and keep meaning the same. Exported again
// it is a version 2 file: the same document with an empty "evidence" section.
TEST(ExportImport, GoldenVersionOneFileImportsExactly) {
  const fs::path golden = fs::path(HEADWAY_TEST_DATA) / "cli" / "export-v1.json";
  ASSERT_TRUE(fs::exists(golden)) << golden;
  Headway hw;
  const auto r = hw({"import-data", golden.string()});
  ASSERT_EQ(r.code, 0) << r;
  // Exported again, it is the current version with empty evidence and an empty social side.
  json now = json::parse(read_file(golden));
  now["version"] = 3;
  now["evidence"] = json::array();
  now["together"] = {{"supporters", json::array()}, {"conversation_plans", json::array()}, {"notifications", json::array()}};
  json& record = now["together"]["record"];
  record["about"] = "A copy for you of what involves other people. Importing this file does not restore it.";
  for (const char* key : {"plan_comments", "grants_given", "grants_received", "access_log", "circles", "pledges",
                          "shared_wins", "kudos_received"})
    record[key] = json::array();
  EXPECT_TRUE(same_text(export_of(hw, hw.data_dir()), now.dump(2) + "\n"));

  const json rep = hw.json_of({"report", "week", "--date", "2026-11-18"});
  EXPECT_EQ(rep["person"], "Robin Fixture");
  EXPECT_EQ(rep["week"], "2026-W47");
  EXPECT_EQ(rep["checkins"], 5);
  EXPECT_EQ(rep["worked_minutes"], 455 + 705 + 455 + 435 + 450);
  EXPECT_EQ(rep["after_hours_minutes"], 30);
  EXPECT_DOUBLE_EQ(rep["avg_stress"].get<double>(), 2.6);
  EXPECT_DOUBLE_EQ(rep["avg_energy"].get<double>(), 3.4);
  ASSERT_EQ(rep["boundaries"].size(), 3u) << rep["boundaries"].dump(2);
  const std::vector<std::array<int, 3>> expected{{4, 1, 0}, {0, 0, 2}, {4, 1, 2}};  // kept, broken, unknown
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rep["boundaries"][i]["kept"], expected[i][0]) << i;
    EXPECT_EQ(rep["boundaries"][i]["broken"], expected[i][1]) << i;
    EXPECT_EQ(rep["boundaries"][i]["unknown"], expected[i][2]) << i;
  }
  ASSERT_EQ(rep["goals"].size(), 2u);
  EXPECT_EQ(rep["goals"][0]["stage"], "preparation");
  EXPECT_EQ(rep["goals"][1]["stage"], "action");
  ASSERT_EQ(rep["wins"].size(), 2u);
  EXPECT_EQ(rep["wins"][1]["text"], "Said no to a 19:00 call <b>politely</b> 🙂");

  const json tuesday = hw.json_of({"boundary", "check", "--date", "2026-11-17"});
  bool window = false;
  for (const auto& e : tuesday) {
    if (e["type"] != "work-window") continue;
    window = true;
    EXPECT_EQ(e["status"], "broken");
    EXPECT_TRUE(contains(e["evidence"].get<std::string>(), "08:15-19:45")) << e.dump();
  }
  EXPECT_TRUE(window) << tuesday.dump(2);
}

// --- backup ---------------------------------------------------------------------------------

TEST(Backup, CopyWorksAsADataDirectoryAndEqualsTheOriginal) {
  SKIP_UNLESS_SQLITE();
  Headway hw;
  hw.adopt(demo60().dir());
  const fs::path file = hw.home().path() / "backup.db";
  const auto r = hw({"backup", file.string()});
  ASSERT_EQ(r.code, 0) << r;
  ASSERT_TRUE(fs::exists(file));
  const fs::path restored = hw.home().path() / "restored";
  fs::create_directories(restored);
  fs::copy_file(file, restored / "headway.db");
  EXPECT_TRUE(same_text(export_of(hw, restored), export_of(hw, hw.data_dir())));
  // The copy is a live database: it takes new data.
  const auto w = hw.in(restored, {"win", "Restored and still going"});
  EXPECT_EQ(w.code, 0) << w;
}

TEST(Backup, ExistingTargetIsRefusedAndKept) {
  SKIP_UNLESS_SQLITE();
  Headway hw;
  hw.adopt(demo60().dir());
  const fs::path file = hw.home().path() / "precious.txt";
  write_file(file, "do not overwrite me\n");
  const DbSnapshot before = hw.snapshot();
  expect_refusal(hw({"backup", file.string()}), "exists");
  EXPECT_EQ(read_file(file), "do not overwrite me\n");
  EXPECT_EQ(hw.snapshot(), before);
  // A second backup to the same name is refused as well.
  const fs::path bk = hw.home().path() / "bk.db";
  ASSERT_EQ(hw({"backup", bk.string()}).code, 0);
  const std::string bytes = read_file(bk);
  expect_refusal(hw({"backup", bk.string()}), "exists");
  EXPECT_TRUE(same_text(read_file(bk), bytes));
}

// backup copies a SQLite file; on PostgreSQL it refuses, points to pg_dump, and writes nothing.
TEST(Backup, OnPostgresqlPointsToPgDump) {
  if (!on_postgres()) GTEST_SKIP() << "PostgreSQL behaviour";
  Headway hw;
  hw.adopt(demo60().dir());
  const DbSnapshot before = hw.snapshot();
  const fs::path file = hw.home().path() / "backup.db";
  expect_refusal(hw({"backup", file.string()}), "pg_dump");
  EXPECT_FALSE(fs::exists(file));
  EXPECT_FALSE(fs::exists(hw.db_path()));
  EXPECT_EQ(hw.snapshot(), before);
}

// --- demo -----------------------------------------------------------------------------------

TEST(Demo, WeeklyReportFindsRealPatterns) {
  Headway hw;
  hw.adopt(demo120().dir());
  const json rep = hw.json_of({"report", "week"});
  const json& insights = rep["insights"];
  ASSERT_TRUE(insights.is_array());
  std::set<std::string> ids;
  for (const auto& i : insights) ids.insert(i["id"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{"after-hours-next-energy", "on-time-next-energy", "hours-stress",
                                        "break-stress", "progress-energy"}));
  EXPECT_EQ(insights.size(), 5u);
  int clear = 0;
  for (const auto& i : insights) {
    SCOPED_TRACE(i.dump());
    const int n = i["n"].get<int>();
    const std::string sentence = i["sentence"];
    if (n < 14) {
      EXPECT_TRUE(contains(sentence, "Not enough data"));
      EXPECT_EQ(i["clear"], false);
      EXPECT_TRUE(i["rho"].is_null());
    }
    if (i["clear"] == true) {
      ++clear;
      // A clear pattern has an interval that does not cross 0, and no causal claim.
      const double lo = i["ci_low"].get<double>(), hi = i["ci_high"].get<double>();
      EXPECT_TRUE(lo > 0 || hi < 0);
      EXPECT_LE(lo, i["rho"].get<double>());
      EXPECT_GE(hi, i["rho"].get<double>());
      EXPECT_TRUE(contains(sentence, "not proof of cause"));
    }
    EXPECT_FALSE(contains(sentence, "causes"));
  }
  EXPECT_GE(clear, 1) << "the demo is built to have real patterns";
}

TEST(Demo, ShortHistorySaysNotEnoughData) {
  Headway hw;
  ASSERT_EQ(hw({"demo", "--days", "14"}).code, 0);
  const json rep = hw.json_of({"report", "week"});
  ASSERT_EQ(rep["insights"].size(), 5u);
  for (const auto& i : rep["insights"]) {
    SCOPED_TRACE(i.dump());
    EXPECT_LT(i["n"].get<int>(), 14);
    EXPECT_TRUE(contains(i["sentence"].get<std::string>(), "Not enough data"));
    EXPECT_EQ(i["clear"], false);
  }
}

TEST(Demo, IsDeterministicForASeed) {
  Headway a, b;
  ASSERT_EQ(a({"demo", "--days", "30", "--seed", "7"}).code, 0);
  ASSERT_EQ(b({"demo", "--days", "30", "--seed", "7"}).code, 0);
  EXPECT_TRUE(same_text(export_of(a, a.data_dir()), export_of(b, b.data_dir())));
}

TEST(Demo, RefusesANonEmptyDirectoryAndBadOptions) {
  Headway hw;
  hw.adopt(demo60().dir());
  const DbSnapshot before = hw.snapshot();
  expect_refusal(hw({"demo", "--days", "120"}), "profile");
  EXPECT_EQ(hw.snapshot(), before);

  Headway fresh;
  expect_refusal(fresh({"demo", "--days", "13"}), "days");
  expect_refusal(fresh({"demo", "--days", "99999"}), "days");
  expect_refusal(fresh({"demo", "--timezone", "Atlantis/Capital"}), "timezone");
  EXPECT_FALSE(fresh.has_database());
  EXPECT_FALSE(fs::exists(fresh.db_path()));
}

// --- hostile text ---------------------------------------------------------------------------

TEST(HostileText, IsStoredVerbatim) {
  Headway hw;
  hw.init();
  const std::vector<std::string> texts{
      "She said \"no\" and meant it",
      "Tea with Mum 🫖☕ — ünïcödé ✓",
      "<script>alert(1)</script>",
      "'); DROP TABLE wins; --",
      "Robert'); DELETE FROM checkins WHERE ('1'='1",
      "back\\slash and %s %n {} $(rm -rf /) `id`",
      "two\nlines\tand a tab",
  };
  for (const auto& t : texts) {
    const auto r = hw({"win", t});
    ASSERT_EQ(r.code, 0) << r;
  }
  const json wins = hw.json_of({"wins"});
  ASSERT_EQ(wins.size(), texts.size()) << wins.dump(2);
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(wins[i]["text"], texts[i]);
  // The tables are all still there, and the export carries the same bytes.
  const DbSnapshot s = hw.snapshot();
  EXPECT_EQ(s.counts.at("wins"), static_cast<int64_t>(texts.size()));
  const json ex = parse_json(s.export_json);
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(ex["wins"][i]["text"], texts[i]);
  // HTML escapes it; Markdown and text print it without interpreting it.
  const auto html = hw({"report", "week", "--format", "html"});
  ASSERT_EQ(html.code, 0) << html;
  EXPECT_FALSE(contains(html.out, "<script>alert(1)</script>")) << "unescaped script in the HTML report";
  EXPECT_TRUE(contains(html.out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  const auto text = hw({"wins"});
  EXPECT_TRUE(contains(text.out, "'); DROP TABLE wins; --")) << text;
}

TEST(HostileText, NamesAndNotesRoundTrip) {
  Headway hw;
  const std::string name = "Zoë O'Brien-\"Zed\" <zed@example.org>";
  ASSERT_EQ(hw({"init", "--name", name, "--timezone", "Europe/Dublin"}).code, 0);
  const std::string value = "Time with Oma 👵 & Opa";
  ASSERT_EQ(hw({"value", "add", value}).code, 0);
  const std::string note = "50% done; \"quotes\"; <b>bold</b>; 🎉";
  ASSERT_EQ(hw({"checkin", "--off", "--stress", "1", "--energy", "5", "--note", note}).code, 0);
  EXPECT_EQ(hw.json_of({"profile", "show"})["name"], name);
  EXPECT_EQ(hw.json_of({"value", "list"})[0]["name"], value);
  EXPECT_EQ(hw.json_of({"checkins"})[0]["note"], note);
}

// --- files that are not Headway databases ---------------------------------------------------

// "sqlite" is a database of another application in the backend's own kind: a SQLite file, or a
// PostgreSQL database holding someone else's table. "rails" and "golang_migrate" are such
// databases that also keep a schema_migrations table of their own, as many migration tools do
// (Ruby on Rails: version text; golang-migrate: version bigint and a dirty flag). "text" and
// "damaged" are SQLite files only.
class ForeignDatabase : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite" || GetParam() == "rails" || GetParam() == "golang_migrate") {
      std::string migrations;
      if (GetParam() == "rails")
        migrations =
            "CREATE TABLE schema_migrations (version VARCHAR(255) PRIMARY KEY);"
            "INSERT INTO schema_migrations (version) VALUES ('20240101120000');";
      if (GetParam() == "golang_migrate")
        migrations =
            "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, dirty BOOLEAN NOT NULL);"
            "INSERT INTO schema_migrations (version, dirty) VALUES (20240101120000, FALSE);";
      hw.make_foreign_database(hw.data_dir(), migrations);
      expected_message = "another application";
      if (on_postgres()) {
        before = hw.tables_of(hw.data_dir());
        ASSERT_EQ(before.counts.at("recipes"), 1);
        return;
      }
    } else {
      SKIP_UNLESS_SQLITE();
      fs::create_directories(hw.data_dir());
      if (GetParam() == "text") {
        write_file(hw.db_path(), "these are my notes, not a database\n");
        expected_message = "not a SQLite database";
      } else {
        // The first bytes of a SQLite file, then garbage: a damaged database.
        write_file(hw.db_path(), std::string("SQLite format 3\0", 16) + std::string(4096, '\x5a'));
        expected_message = "cannot be read as a database";
      }
    }
    bytes = read_file(hw.db_path());
  }
  void expect_untouched() {
    if (on_postgres()) {
      EXPECT_EQ(hw.tables_of(hw.data_dir()), before) << "the other application's database was modified";
      EXPECT_FALSE(fs::exists(hw.db_path()));
      return;
    }
    EXPECT_TRUE(same_text(read_file(hw.db_path()), bytes)) << "the foreign file was modified";
    EXPECT_FALSE(fs::exists(hw.db_path().string() + "-wal"));
    EXPECT_FALSE(fs::exists(hw.db_path().string() + "-journal"));
  }
  Headway hw;
  std::string bytes;      // SQLite: the file
  DbSnapshot before;      // PostgreSQL: the tables
  std::string expected_message;
};

TEST_P(ForeignDatabase, EveryCommandRefusesAndLeavesTheFileAlone) {
  const std::vector<std::vector<std::string>> commands{
      {"profile", "show"},
      {"checkins"},
      {"checkin", "--start", "09:00", "--end", "17:00", "--stress", "3", "--energy", "3"},
      {"win", "A win"},
      {"export"},
      {"report", "week"},
      {"init", "--name", "Alex", "--timezone", "Europe/Berlin"},
      {"demo", "--days", "30"},
      {"import-data", "-"},
      {"migrate"},
      {"backup", (hw.home().path() / "backup.db").string()},
  };
  // Other migration tools also name their table schema_migrations; only Headway's own counts.
  for (const auto& args : commands) {
    SCOPED_TRACE(::testing::PrintToString(args));
    const auto r = hw(args, RunOptions{{}, std::string("{}")});
    // backup never touches a PostgreSQL database: it refuses because it copies SQLite files.
    expect_refusal(r, on_postgres() && args[0] == "backup" ? "pg_dump" : expected_message);
    expect_untouched();
  }
  EXPECT_FALSE(fs::exists(hw.home().path() / "backup.db"));
}

INSTANTIATE_TEST_SUITE_P(Kinds, ForeignDatabase,
                         ::testing::Values("text", "sqlite", "damaged", "rails", "golang_migrate"),
                         [](const auto& info) { return info.param; });

TEST(ForeignDatabaseFile, EmptyFileIsNotAProfile) {
  SKIP_UNLESS_SQLITE();
  Headway hw;
  fs::create_directories(hw.data_dir());
  write_file(hw.db_path(), "");
  expect_refusal(hw({"profile", "show"}), "empty");
  EXPECT_EQ(fs::file_size(hw.db_path()), 0u);
}

TEST(ForeignDatabaseFile, DirectoryInPlaceOfTheDatabase) {
  SKIP_UNLESS_SQLITE();
  Headway hw;
  fs::create_directories(hw.db_path());
  const auto r = hw({"init", "--name", "Alex", "--timezone", "UTC"});
  EXPECT_NE(r.code, 0) << r;
  EXPECT_EQ(r.err_lines().size(), 1u) << r;
  EXPECT_TRUE(fs::is_directory(hw.db_path()));
}

// A database written by a newer headway (a schema version this one does not know) is refused by
// every command, with the advice to upgrade, and left as it is.
TEST(ForeignDatabaseFile, NewerSchemaIsRefusedAndLeftAlone) {
  Headway hw;
  hw.init();
  hw.exec_sql(hw.data_dir(), "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future', 0)");
  const DbSnapshot before = hw.tables_of(hw.data_dir());
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"profile", "show"},
           {"win", "A win"},
           {"init", "--name", "Al", "--timezone", "UTC"},
           {"demo"},
           {"migrate"}}) {
    SCOPED_TRACE(::testing::PrintToString(args));
    expect_refusal(hw(args), "upgrade headway");
    EXPECT_EQ(hw.tables_of(hw.data_dir()), before);
  }
}

}  // namespace
}  // namespace headway::cli_test
