#include "ingest/timewarrior.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "import_test_util.hpp"

namespace headway::ingest {
namespace {

using core::ActivityKind;
using core::ActivitySpan;
using testing::at;
using testing::contains;

Result<TimewarriorResult> from_text(const std::string& text, TimewarriorOptions o = {}) {
  std::istringstream in(text);
  return import_timewarrior(in, o);
}

Result<TimewarriorResult> from_file(const std::string& name, TimewarriorOptions o = {}) {
  auto in = testing::open_data("timewarrior/" + name);
  EXPECT_TRUE(in) << name;
  return import_timewarrior(in, o);
}

ActivitySpan span(const char* from, const char* to, std::string label = {}) {
  return ActivitySpan{at(from), at(to), ActivityKind::active, std::move(label)};
}

TEST(Timewarrior, ExportWithoutTitles) {
  const auto r = from_file("export.json");
  ASSERT_TRUE(r) << r.error().message;
  // Overlapping intervals merge; the open one is left out without an export time.
  const std::vector<ActivitySpan> want{span("2026-11-24T22:00:00Z", "2026-11-25T01:00:00Z"),
                                       span("2026-11-25T08:00:00Z", "2026-11-25T11:00:00Z")};
  EXPECT_EQ(r->spans, want);
  EXPECT_EQ(r->intervals, 3);
  EXPECT_EQ(r->covered_from, at("2026-11-24T22:00:00Z"));
  EXPECT_EQ(r->covered_to, at("2026-11-25T11:00:00Z"));
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].where, "$[3]");
  EXPECT_TRUE(contains(r->warnings[0].reason, "left out"));
}

TEST(Timewarrior, OpenIntervalEndsAtTheExportTime) {
  TimewarriorOptions o;
  o.now = at("2026-11-25T15:00:00Z");
  o.keep_titles = true;
  const auto r = from_file("export.json", o);
  ASSERT_TRUE(r) << r.error().message;
  const std::vector<ActivitySpan> want{span("2026-11-24T22:00:00Z", "2026-11-25T01:00:00Z", "client-a, late"),
                                       span("2026-11-25T08:00:00Z", "2026-11-25T11:00:00Z", "work"),
                                       span("2026-11-25T13:00:00Z", "2026-11-25T15:00:00Z", "work")};
  EXPECT_EQ(r->spans, want);
  EXPECT_EQ(r->covered_to, at("2026-11-25T15:00:00Z"));
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_TRUE(contains(r->warnings[0].reason, "ends at the export time"));
  // An export time before the open interval's start cannot close it.
  o.now = at("2026-11-25T12:00:00Z");
  const auto early = from_file("export.json", o);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->spans.size(), 2u);
}

TEST(Timewarrior, OverlappingTagsEarlierKeepsTheTime) {
  TimewarriorOptions o;
  o.keep_titles = true;
  const auto r = from_text(R"([{"start":"20261125T080000Z","end":"20261125T100000Z","tags":["a"]},
                               {"start":"20261125T090000Z","end":"20261125T110000Z","tags":["b"]},
                               {"start":"20261125T110000Z","end":"20261125T113000Z","tags":["b"]}])",
                           o);
  ASSERT_TRUE(r) << r.error().message;
  const std::vector<ActivitySpan> want{span("2026-11-25T08:00:00Z", "2026-11-25T10:00:00Z", "a"),
                                       span("2026-11-25T10:00:00Z", "2026-11-25T11:30:00Z", "b")};
  EXPECT_EQ(r->spans, want);
}

TEST(Timewarrior, UtcAcrossDstIsExact) {
  // Europe's clocks went back at 01:00Z on 2026-10-25; Timewarrior's times are UTC, so nothing shifts.
  const auto r = from_text(R"([{"start":"20261025T003000Z","end":"20261025T013000Z"}])");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->spans.size(), 1u);
  EXPECT_EQ(r->spans[0].end - r->spans[0].start, 3600);
}

TEST(Timewarrior, EmptyExport) {
  const auto r = from_text("[\n]\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->spans.empty());
  EXPECT_EQ(r->intervals, 0);
}

TEST(Timewarrior, BadInputNamesTheInterval) {
  const struct {
    const char* name;
    std::string text;
    ErrorCode code;
    std::string field;
    std::string part;
  } cases[] = {
      {"empty file", "", ErrorCode::malformed, "byte 0", "unexpected end of input"},
      {"not an array", R"({"start":"20261125T080000Z"})", ErrorCode::invalid, "$", "expected an array"},
      {"local time", R"([{"start":"20261125T080000"}])", ErrorCode::invalid, "$[0].start", "not a UTC time"},
      {"extended form", R"([{"start":"2026-11-25T08:00:00Z"}])", ErrorCode::invalid, "$[0].start", "not a UTC time"},
      {"bad day", R"([{"start":"20260231T080000Z"}])", ErrorCode::invalid, "$[0].start", "not a UTC time"},
      {"number", R"([{"start":20261125}])", ErrorCode::invalid, "$[0].start", "expected a string"},
      {"tags not an array", R"([{"start":"20261125T080000Z","end":"20261125T090000Z","tags":"work"}])",
       ErrorCode::invalid, "$[0].tags", "expected an array"},
      {"tag not a string", R"([{"start":"20261125T080000Z","tags":[1]}])", ErrorCode::invalid, "$[0].tags[0]",
       "expected a string"},
      {"no start", R"([{"start":"20261125T080000Z","end":"20261125T090000Z"},{"end":"20261125T090000Z"}])",
       ErrorCode::invalid, "$[1]", "no start"},
      {"backwards", R"([{"start":"20261125T100000Z","end":"20261125T090000Z"}])", ErrorCode::invalid, "$[0]",
       "ends before it starts"},
      {"element not an object", R"([{"start":"20261125T080000Z","end":"20261125T090000Z"}, 7])", ErrorCode::invalid,
       "$[1]", "expected an interval object"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = from_text(c.text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.part)) << r.error().message;
  }
  const auto cut = from_file("truncated.json");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::malformed);
  EXPECT_TRUE(contains(cut.error().message, "line 3")) << cut.error().message;
}

TEST(Timewarrior, InstantFormat) {
  core::Instant t = 0;
  ASSERT_TRUE(parse_timew_instant("20261125T080000Z", t));
  EXPECT_EQ(t, at("2026-11-25T08:00:00Z"));
  EXPECT_FALSE(parse_timew_instant("20261125T080000", t));
  EXPECT_FALSE(parse_timew_instant("2026112XT080000Z", t));
  EXPECT_FALSE(parse_timew_instant("20261125T250000Z", t));
}

}  // namespace
}  // namespace headway::ingest
