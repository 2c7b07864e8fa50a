// Imported evidence in the export: calendars and activity leave with `headway export` and come
// back exactly with `headway import-data`; a broken evidence section is refused whole.
#include <functional>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

const fs::path kData = fs::path(HEADWAY_TEST_DATA);

RunResult must(const Headway& hw, const std::vector<std::string>& args) {
  auto r = hw(args);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return r;
}

// A profile with four sources: the test week as a calendar with titles and again without, and
// the ActivityWatch (with application names) and Timewarrior samples.
const Template& with_evidence() {
  static const Template t([](Headway& hw) {
    hw.init();
    const auto week = (kData / "evidence" / "week.ics").string();
    must(hw, {"import", "calendar", week, "--me", "alex@example.org", "--source", "work", "--keep-titles"});
    must(hw, {"import", "calendar", week, "--me", "alex@example.org", "--source", "private"});
    must(hw, {"import", "activitywatch", (kData / "activitywatch" / "export.json").string(), "--keep-titles"});
    must(hw, {"import", "timewarrior", (kData / "timewarrior" / "export.json").string()});
  });
  return t;
}

std::string export_of(const Headway& hw, const fs::path& dir) {
  const auto r = hw.in(dir, {"export"});
  EXPECT_EQ(r.code, 0) << r;
  return r.out;
}

const json& source_named(const json& ex, const std::string& name) {
  for (const auto& s : ex["evidence"])
    if (s["name"] == name) return s;
  ADD_FAILURE() << "no source " << name << " in " << ex["evidence"].dump();
  static const json none;
  return none;
}

TEST(ExportEvidence, CarriesEverySourceWithTitlesOnlyWhereKept) {
  Headway hw;
  hw.adopt(with_evidence().dir());
  const json ex = parse_json(export_of(hw, hw.data_dir()));
  EXPECT_EQ(ex["version"], 3);
  ASSERT_EQ(ex["evidence"].size(), 4u) << ex["evidence"].dump(2);
  // Sorted by kind, then name.
  std::vector<std::string> order;
  for (const auto& s : ex["evidence"]) order.push_back(s["kind"].get<std::string>() + "/" + s["name"].get<std::string>());
  EXPECT_EQ(order, (std::vector<std::string>{"activity/activitywatch", "activity/timewarrior", "calendar/private",
                                             "calendar/work"}));
  // What `import list` says each source holds is what the export lists.
  const json list = hw.json_of({"import", "list"});
  ASSERT_EQ(list.size(), 4u);
  for (const auto& l : list) {
    const json& s = source_named(ex, l["name"]);
    const json& held = s["kind"] == "calendar" ? s["events"] : s["spans"];
    EXPECT_EQ(held.size(), l["items"].get<size_t>()) << l.dump();
    EXPECT_EQ(s["id"], l["id"]);
    EXPECT_EQ(s["imported_at"], kNow);
    EXPECT_FALSE(s.contains(s["kind"] == "calendar" ? "spans" : "events")) << s.dump();
  }
  const json& work = source_named(ex, "work");
  const json& priv = source_named(ex, "private");
  ASSERT_EQ(work["events"].size(), 11u);
  ASSERT_EQ(priv["events"].size(), 11u);
  size_t titled = 0;
  for (size_t i = 0; i < 11; ++i) {
    const json& a = work["events"][i];
    const json& b = priv["events"][i];
    EXPECT_TRUE(b["title"].is_null()) << b.dump();
    if (a["title"].is_string()) ++titled;
    json untitled = a;
    untitled["title"] = nullptr;
    EXPECT_EQ(untitled, b) << "the same occurrence, titles aside";
  }
  EXPECT_EQ(titled, 11u);
  size_t labelled = 0;
  for (const auto& s : source_named(ex, "activitywatch")["spans"]) labelled += s["label"].is_string();
  EXPECT_GT(labelled, 0u);
  for (const auto& s : source_named(ex, "timewarrior")["spans"]) EXPECT_TRUE(s["label"].is_null()) << s.dump();
}

TEST(ExportEvidence, RoundTripIsByteIdenticalAndMeansTheSame) {
  Headway hw;
  hw.adopt(with_evidence().dir());
  const std::string original = export_of(hw, hw.data_dir());
  const fs::path file = hw.home().path() / "export.json";
  write_file(file, original);
  const fs::path target = hw.home().path() / "restored";
  const auto r = hw.in(target, {"import-data", file.string()});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_TRUE(same_text(export_of(hw, target), original));
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts, hw.tables_of(target).counts);
  // The restored evidence gives the same signals and boundary checks.
  const std::vector<std::string> signals{"signals", "--from", "2026-11-16", "--to", "2026-11-22"};
  EXPECT_EQ(hw.json_in(target, signals), hw.json_of(signals));
  const std::vector<std::string> check{"boundary", "check", "--date", "2026-11-17"};
  EXPECT_EQ(hw.json_in(target, check), hw.json_of(check));
  // Re-importing the same calendar into the restored directory finds every occurrence unchanged.
  const json again = hw.json_in(target, {"import", "calendar", (kData / "evidence" / "week.ics").string(), "--me",
                                         "alex@example.org", "--source", "work", "--keep-titles"});
  EXPECT_EQ(again["unchanged"], 11);
  EXPECT_EQ(again["added"], 0);
}

TEST(ExportEvidence, VersionOneFileWithoutEvidenceStillImports) {
  Headway hw;
  hw.adopt(with_evidence().dir());
  json old = parse_json(export_of(hw, hw.data_dir()));
  old["version"] = 1;
  old.erase("evidence");
  old.erase("together");
  const fs::path file = hw.home().path() / "v1.json";
  write_file(file, old.dump(2));
  const fs::path target = hw.home().path() / "restored";
  ASSERT_EQ(hw.in(target, {"import-data", file.string()}).code, 0);
  const json back = parse_json(export_of(hw, target));
  EXPECT_EQ(back["version"], 3);
  EXPECT_EQ(back["evidence"], json::array());
  EXPECT_EQ(back["checkins"], old["checkins"]);
  EXPECT_EQ(hw.json_in(target, {"import", "list"}), json::array());
}

struct BrokenEvidence {
  const char* name;
  std::function<void(json&)> edit;  // evidence[0] is ActivityWatch, [1] Timewarrior, [2] private, [3] work
  std::string mention;
};

std::ostream& operator<<(std::ostream& os, const BrokenEvidence& c) { return os << c.name; }

class MalformedEvidence : public ::testing::TestWithParam<BrokenEvidence> {};

TEST_P(MalformedEvidence, IsRefusedWholeAndNamesTheField) {
  const auto& c = GetParam();
  Headway hw;
  hw.adopt(with_evidence().dir());
  json j = parse_json(export_of(hw, hw.data_dir()));
  c.edit(j);
  const fs::path file = hw.home().path() / "broken.json";
  write_file(file, j.dump(2));
  const fs::path target = hw.home().path() / "target";
  expect_refusal(hw.in(target, {"import-data", file.string()}), c.mention);
  // Nothing was written: no profile, and not a row in any table.
  const auto r = hw.in(target, {"profile", "show"});
  EXPECT_EQ(r.code, 2) << r;
  if (hw.has_database(target)) {
    for (const auto& [table, n] : hw.tables_of(target).counts) {
      if (table != "schema_migrations" && table != "revision_counter") {
        EXPECT_EQ(n, 0) << table;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, MalformedEvidence,
    ::testing::Values(
        BrokenEvidence{"SectionMissing", [](json& j) { j.erase("evidence"); }, "$.evidence: expected an array"},
        BrokenEvidence{"SectionInVersionOne", [](json& j) { j["version"] = 1; }, "$.evidence"},
        BrokenEvidence{"SourceNotObject", [](json& j) { j["evidence"][2] = 7; }, "$.evidence[2]: expected an object"},
        BrokenEvidence{"UnknownKind", [](json& j) { j["evidence"][0]["kind"] = "diary"; }, "$.evidence[0].kind"},
        BrokenEvidence{"EmptyName", [](json& j) { j["evidence"][3]["name"] = ""; }, "$.evidence[3].name"},
        BrokenEvidence{"SameIdTwice", [](json& j) { j["evidence"][3]["id"] = j["evidence"][2]["id"]; },
                       "$.evidence[3].id"},
        BrokenEvidence{"SameNameTwice", [](json& j) { j["evidence"][3]["name"] = "private"; }, "$.evidence[3].name"},
        BrokenEvidence{"CoverageBackwards", [](json& j) { j["evidence"][2]["covered_to"] = "2020-01-01"; },
                       "$.evidence[2].covered_to"},
        BrokenEvidence{"ImportedAtNotTime", [](json& j) { j["evidence"][1]["imported_at"] = "yesterday"; },
                       "$.evidence[1].imported_at"},
        BrokenEvidence{"ItemsWrong", [](json& j) { j["evidence"][3]["items"] = 12; }, "$.evidence[3].items"},
        BrokenEvidence{"SpansInACalendar", [](json& j) { j["evidence"][3]["spans"] = json::array(); },
                       "$.evidence[3].spans"},
        BrokenEvidence{"EventsMissing", [](json& j) { j["evidence"][2].erase("events"); }, "$.evidence[2].events"},
        BrokenEvidence{"EventStartNotTime", [](json& j) { j["evidence"][3]["events"][4]["start"] = "2026-11-31T09:00:00Z"; },
                       "$.evidence[3].events[4].start"},
        BrokenEvidence{"EventEndsBeforeStart",
                       [](json& j) { j["evidence"][3]["events"][0]["end"] = "2000-01-01T00:00:00Z"; },
                       "$.evidence[3].events[0].end"},
        BrokenEvidence{"EventUidEmpty", [](json& j) { j["evidence"][2]["events"][1]["uid"] = ""; },
                       "$.evidence[2].events[1].uid"},
        BrokenEvidence{"EventMeetingText", [](json& j) { j["evidence"][3]["events"][2]["meeting"] = "yes"; },
                       "$.evidence[3].events[2].meeting"},
        BrokenEvidence{"EventTitleEmpty", [](json& j) { j["evidence"][3]["events"][0]["title"] = ""; },
                       "$.evidence[3].events[0].title"},
        BrokenEvidence{"EventListedTwice",
                       [](json& j) {
                         auto& e = j["evidence"][3];
                         e["events"].push_back(e["events"][5]);
                         e["items"] = e["events"].size();
                       },
                       "$.evidence[3].events[11]: the occurrence"},
        BrokenEvidence{"SpanKindUnknown", [](json& j) { j["evidence"][0]["spans"][0]["kind"] = "idle"; },
                       "$.evidence[0].spans[0].kind"},
        BrokenEvidence{"SpanLabelNumber", [](json& j) { j["evidence"][0]["spans"][0]["label"] = 3; },
                       "$.evidence[0].spans[0].label"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace headway::cli_test
