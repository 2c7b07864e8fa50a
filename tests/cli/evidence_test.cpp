// Evidence from the command line: `import calendar`, `import list/remove`, `signals`, and imported
// meetings in `boundary check`. The week in tests/data/evidence/week.ics is hand-made; its signals
// (tests/data/evidence/signals-week.json) were worked out by hand from the rules in core/signals.hpp.
#include "harness.hpp"

namespace headway::cli_test {
namespace {

const fs::path kData = fs::path(HEADWAY_TEST_DATA);
const std::string kWeek = (kData / "evidence" / "week.ics").string();

RunResult must(const Headway& hw, const std::vector<std::string>& args) {
  auto r = hw(args);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return r;
}

json import_json(const Headway& hw, const std::string& file, const std::string& source = "work",
                 std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"import", "calendar", file, "--me", "alex@example.org", "--source", source};
  args.insert(args.end(), extra.begin(), extra.end());
  return hw.json_of(args);
}

std::string counts(const json& j) {
  return j["added"].dump() + "/" + j["changed"].dump() + "/" + j["removed"].dump() + "/" + j["unchanged"].dump();
}

TEST(ImportedEvidence, ImportsAndReimportsIdempotently) {
  Headway hw;
  hw.init();
  const auto first = must(hw, {"import", "calendar", kWeek, "--me", "alex@example.org"});
  EXPECT_TRUE(contains(first.out, "Imported calendar \"week\": 7 events, 11 occurrences from 2025-11-25 to 2027-02-25."))
      << first;
  EXPECT_TRUE(contains(first.out, "11 added, 0 changed, 0 removed, 0 unchanged.")) << first;
  const DbSnapshot after_first = hw.snapshot();

  const json again = import_json(hw, kWeek, "week");
  EXPECT_EQ(counts(again), "0/0/0/11");
  EXPECT_EQ(again["events"], 7);
  EXPECT_EQ(again["occurrences"], 11);
  EXPECT_EQ(again["source"]["name"], "week");
  EXPECT_EQ(again["source"]["kind"], "calendar");
  EXPECT_EQ(again["source"]["covered_from"], "2025-11-25");
  EXPECT_EQ(again["source"]["covered_to"], "2027-02-25");
  EXPECT_EQ(again["source"]["items"], 11);
  // Only the source's row may differ (its import time is the same pinned clock, so not even that).
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts, after_first.counts);

  const json list = hw.json_of({"import", "list"});
  ASSERT_EQ(list.size(), 1u) << list.dump(2);
  EXPECT_EQ(list[0]["name"], "week");
  EXPECT_EQ(list[0]["items"], 11);
  EXPECT_EQ(list[0]["imported_at"], kNow);
}

TEST(ImportedEvidence, AChangedFileUpdatesAndRemoves) {
  Headway hw;
  hw.init();
  EXPECT_EQ(counts(import_json(hw, kWeek)), "11/0/0/0");
  // The review runs longer, the late call and the Saturday meeting are gone, the stand-up series
  // ends after three days, and one new meeting appears.
  std::string text = read_file(kWeek);
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("DTEND;TZID=Europe/Berlin:20261117T150000", "DTEND;TZID=Europe/Berlin:20261117T153000");
  replace("UID:late-call@headway.test", "UID:new-meeting@headway.test");
  replace("UID:saturday@headway.test\nDTSTART;TZID=Europe/Berlin:20261121T100000",
          "UID:saturday@headway.test\nDTSTART;TZID=Europe/Berlin:20261121T100000\nSTATUS:CANCELLED");
  replace("COUNT=5", "COUNT=3");
  const fs::path changed = hw.home().path() / "week.ics";
  write_file(changed, text);
  // added: new-meeting; changed: review; removed: late-call, saturday, two stand-ups; unchanged: the
  // three stand-ups left, the solo block, the declined meeting and the offsite.
  EXPECT_EQ(counts(import_json(hw, changed.string())), "1/1/4/6");
  const json days = hw.json_of({"signals", "--from", "2026-11-17", "--to", "2026-11-21"});
  ASSERT_EQ(days.size(), 5u);
  EXPECT_EQ(days[0]["meeting_minutes"], 15 + 90 + 60) << days[0].dump();  // stand-up, longer review, new meeting
  EXPECT_EQ(days[3]["meeting_minutes"], 0) << days[3].dump();             // no stand-up on Friday any more
  EXPECT_EQ(days[4]["weekend_minutes"], 0) << days[4].dump();             // the Saturday meeting was cancelled
  EXPECT_EQ(counts(import_json(hw, changed.string())), "0/0/0/8");
}

TEST(ImportedEvidence, AnInvalidFileExitsNonZeroAndWritesNothing) {
  Headway hw;
  hw.init();
  import_json(hw, kWeek);
  const DbSnapshot before = hw.snapshot();
  const std::string invalid = (kData / "ics" / "invalid" / "mixed_invalid.ics").string();
  const auto r = hw({"import", "calendar", invalid, "--source", "work"});
  expect_refusal(r, "mixed_invalid.ics: line 10: DTSTART");
  EXPECT_EQ(hw.snapshot(), before) << "the database changed";
  expect_refusal(hw({"import", "calendar", (kData / "ics" / "invalid" / "truncated.ics").string(), "--source", "work"}),
                 "truncated");
  expect_refusal(hw({"import", "calendar", "/no/such/file.ics"}), "cannot read /no/such/file.ics");
  expect_refusal(hw({"import", "calendar", kWeek, "--from", "2026-12-01", "--to", "2026-11-01"}), "to:");
  EXPECT_EQ(hw.snapshot(), before) << "the database changed";

  // With --skip-invalid the good events are imported and the bad ones listed with their lines.
  const auto skipped = hw({"import", "calendar", invalid, "--skip-invalid"});
  ASSERT_EQ(skipped.code, 0) << skipped;
  EXPECT_TRUE(contains(skipped.out, "Skipped 2 invalid events:\n  line 10: DTSTART")) << skipped;
  EXPECT_TRUE(contains(skipped.out, "  line 16: RRULE FREQ=SECONDLY")) << skipped;
  const json j = import_json(hw, invalid, "mixed_invalid", {"--skip-invalid"});
  ASSERT_EQ(j["skipped"].size(), 2u);
  EXPECT_EQ(j["skipped"][0]["line"], 10);
}

TEST(ImportedEvidence, SignalsHandMadeWeekMatchesTheGoldenValues) {
  Headway hw;
  hw.init();
  import_json(hw, kWeek);
  const json got = hw.json_of({"signals", "--from", "2026-11-16", "--to", "2026-11-22"});
  const json want = parse_json(read_file(kData / "evidence" / "signals-week.json"));
  EXPECT_EQ(got, want) << got.dump(2);
  for (const auto& day : got) EXPECT_EQ(day.size(), 9u) << day.dump();
  // The default range: the last 28 days up to today.
  const json recent = hw.json_of({"signals"});
  ASSERT_EQ(recent.size(), 28u);
  EXPECT_EQ(recent.front()["date"], "2026-10-29");
  EXPECT_EQ(recent.back()["date"], "2026-11-25");
  // The table shows the same day, and days nothing covers say so.
  const auto table = must(hw, {"signals", "--from", "2026-11-17", "--to", "2026-11-17"});
  EXPECT_TRUE(contains(table.out, "2026-11-17 Tue  2:15  1:00")) << table;
  Headway empty;
  empty.init();
  const auto none = must(empty, {"signals", "--from", "2026-11-17", "--to", "2026-11-17"});
  EXPECT_TRUE(contains(none.out, "no data")) << none;
  expect_refusal(empty({"signals", "--from", "2026-11-30", "--to", "2026-11-01"}), "to:");
}

TEST(ImportedEvidence, TheWeeklyReportShowsTheWeeksSignals) {
  Headway hw;
  hw.init();
  import_json(hw, kWeek);
  json want = parse_json(read_file(kData / "evidence" / "signals-week.json"));
  for (auto& day : want) {
    day["has_calendar"] = true;
    day["has_activity"] = false;
  }
  const json report = hw.json_of({"report", "week", "--date", "2026-11-18"});
  EXPECT_EQ(report["signals"], want) << report["signals"].dump(2);
  EXPECT_EQ(report["evidence"]["work_minutes"], 255) << report["evidence"].dump();
  EXPECT_EQ(report["evidence"]["days_past_end"], 1) << report["evidence"].dump();
  const auto text = must(hw, {"report", "week", "--date", "2026-11-18"});
  EXPECT_TRUE(contains(text.out, "EVIDENCE · imported calendar and activity\n"
                                 "  4 h 15 min worked · 2 h 00 min after hours · 4 h 15 min in meetings (2 h 00 min after hours)\n"
                                 "  longest focus block 7 h 45 min · worked past the end of work hours on 1 day\n"))
      << text;
  // Before the import window nothing is known: no signals, no Evidence section.
  EXPECT_EQ(hw.json_of({"report", "week", "--date", "2025-01-08"})["signals"], json::array());
  EXPECT_FALSE(contains(must(hw, {"report", "week", "--date", "2025-01-08"}).out, "EVIDENCE"));
}

TEST(ImportedEvidence, MeetingsBreakBoundaries) {
  Headway hw;
  hw.init();
  must(hw, {"boundary", "add", "--type", "work-window", "--days", "Mon-Fri", "--from", "09:00", "--to", "17:30"});
  must(hw, {"boundary", "add", "--type", "no-weekend-work"});
  const json before = hw.json_of({"boundary", "check", "--from", "2026-11-17", "--to", "2026-11-21"});
  for (const auto& e : before) EXPECT_EQ(e["status"], "unknown") << e.dump();
  import_json(hw, kWeek);
  const auto text = must(hw, {"boundary", "check", "--date", "2026-11-17"});
  EXPECT_TRUE(contains(text.out, "broken")) << text;
  EXPECT_TRUE(contains(text.out, "meeting 18:00-19:00")) << text;
  const json after = hw.json_of({"boundary", "check", "--from", "2026-11-17", "--to", "2026-11-21"});
  std::map<std::string, std::string> status;
  for (const auto& e : after) status[e["date"].get<std::string>() + " " + e["type"].get<std::string>()] = e["status"];
  EXPECT_EQ(status["2026-11-17 work-window"], "broken");
  EXPECT_EQ(status["2026-11-18 work-window"], "kept");
  EXPECT_EQ(status["2026-11-21 no-weekend-work"], "broken");
  // Removing the calendar takes its evidence with it.
  const auto rm = must(hw, {"import", "remove", "work"});
  EXPECT_TRUE(contains(rm.out, "Removed calendar \"work\" (11 items).")) << rm;
  EXPECT_EQ(hw.json_of({"boundary", "check", "--date", "2026-11-17"})[0]["status"], "unknown");
  expect_refusal(hw({"import", "remove", "work"}), "no imported source named \"work\"");
}

TEST(ImportedEvidence, ActivityExportsAreSourcesOfTheirOwn) {
  Headway hw;
  hw.init();
  const auto aw = (kData / "activitywatch" / "export.json").string();
  const auto tw = (kData / "timewarrior" / "export.json").string();
  const json first = hw.json_of({"import", "activitywatch", aw});
  EXPECT_EQ(first["source"]["name"], "activitywatch");
  EXPECT_EQ(first["source"]["kind"], "activity");
  ASSERT_GT(first["spans"].get<int>(), 0);
  EXPECT_EQ(counts(first), std::to_string(first["spans"].get<int>()) + "/0/0/0");
  EXPECT_EQ(counts(hw.json_of({"import", "activitywatch", aw})), "0/0/0/" + std::to_string(first["spans"].get<int>()));
  // Timewarrior's default name is its own, so it never replaces the ActivityWatch source.
  const json t = hw.json_of({"import", "timewarrior", tw});
  EXPECT_EQ(t["source"]["name"], "timewarrior");
  const json list = hw.json_of({"import", "list"});
  ASSERT_EQ(list.size(), 2u) << list.dump(2);
  EXPECT_EQ(list[0]["items"], first["spans"]);

  // A broken export names the file and the place in it, and changes nothing.
  const DbSnapshot before = hw.snapshot();
  const auto broken = hw({"import", "timewarrior", (kData / "timewarrior" / "truncated.json").string(), "--source", "x"});
  EXPECT_EQ(broken.code, 2) << broken;
  EXPECT_TRUE(contains(broken.err, "truncated.json: byte ")) << broken;
  EXPECT_EQ(hw.snapshot(), before);
  const auto missing = hw({"import", "activitywatch", "/nonexistent/export.json"});
  EXPECT_NE(missing.code, 0);
  EXPECT_TRUE(contains(missing.err, "cannot read /nonexistent/export.json")) << missing;
}

}  // namespace
}  // namespace headway::cli_test
