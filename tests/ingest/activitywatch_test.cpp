#include "ingest/activitywatch.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "import_test_util.hpp"
#include "ingest/json_stream.hpp"

namespace headway::ingest {
namespace {

using core::ActivityKind;
using core::ActivitySpan;
using testing::at;
using testing::contains;

Result<ActivityWatchResult> from_text(const std::string& text, ActivityWatchOptions o = {}) {
  std::istringstream in(text);
  return import_activitywatch(in, o);
}

Result<ActivityWatchResult> from_file(const std::string& name, ActivityWatchOptions o = {}) {
  auto in = testing::open_data("activitywatch/" + name);
  EXPECT_TRUE(in) << name;
  return import_activitywatch(in, o);
}

ActivitySpan span(const char* from, const char* to, ActivityKind kind, std::string label = {}) {
  return ActivitySpan{at(std::string("2026-11-25T") + from + "Z"), at(std::string("2026-11-25T") + to + "Z"), kind,
                      std::move(label)};
}

TEST(ActivityWatch, ExportOfTwoHostsMergesPresence) {
  const auto r = from_file("export.json");
  ASSERT_TRUE(r) << r.error().message;
  // Laptop and desktop not-afk overlap and touch: one active stretch 09:15-10:30. AFK time under
  // someone's activity (08:30-08:40 on the desktop) is not afk.
  const std::vector<ActivitySpan> want{
      span("08:00:00", "09:00:00", ActivityKind::active),
      span("09:00:00", "09:15:00", ActivityKind::afk),
      span("09:15:00", "10:30:00", ActivityKind::active),
      span("10:30:00", "11:00:00", ActivityKind::afk),
  };
  EXPECT_EQ(r->spans, want);
  EXPECT_EQ(r->covered_from, at("2026-11-25T08:00:00Z"));
  EXPECT_EQ(r->covered_to, at("2026-11-25T11:00:00Z"));
  EXPECT_EQ(r->afk_buckets, 2);
  EXPECT_EQ(r->window_buckets, 1);
  EXPECT_EQ(r->events, 12);
  ASSERT_EQ(r->warnings.size(), 1u);  // the web bucket
  EXPECT_TRUE(contains(r->warnings[0].reason, "web.tab.current"));
  EXPECT_EQ(r->warnings[0].where, "$.buckets[\"aw-watcher-web-firefox\"]");
}

TEST(ActivityWatch, TitlesLabelActiveTimeWithTheApp) {
  ActivityWatchOptions o;
  o.keep_titles = true;
  const auto r = from_file("export.json", o);
  ASSERT_TRUE(r) << r.error().message;
  // Window events only label time the afk watchers call active; where two overlap, the earlier keeps it.
  const std::vector<ActivitySpan> want{
      span("08:00:00", "08:30:00", ActivityKind::active, "Firefox"),
      span("08:30:00", "09:00:00", ActivityKind::active, "Code"),
      span("09:00:00", "09:15:00", ActivityKind::afk),
      span("09:15:00", "09:30:00", ActivityKind::active, "Code"),
      span("09:30:00", "09:40:00", ActivityKind::active, "Terminal"),
      span("09:40:00", "10:00:00", ActivityKind::active),
      span("10:00:00", "10:10:00", ActivityKind::active, "Code"),
      span("10:10:00", "10:30:00", ActivityKind::active),
      span("10:30:00", "11:00:00", ActivityKind::afk),
  };
  EXPECT_EQ(r->spans, want);
}

TEST(ActivityWatch, WithoutTitlesNoWindowTextIsKept) {
  const auto r = from_file("export.json");
  ASSERT_TRUE(r);
  for (const ActivitySpan& s : r->spans) EXPECT_TRUE(s.label.empty());
}

TEST(ActivityWatch, EventsBeforeTypeStillCount) {
  const auto r = from_text(R"({"buckets":{"b":{"events":[
      {"timestamp":"2026-11-25T08:00:00Z","duration":60,"data":{"status":"not-afk"}},
      {"timestamp":"2026-11-25T08:01:00Z","duration":60,"data":{"status":"sleeping"}}],
    "type":"afkstatus"}}})");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->spans.size(), 1u);
  EXPECT_EQ(r->spans[0], span("08:00:00", "08:01:00", ActivityKind::active));
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_TRUE(contains(r->warnings[0].reason, "sleeping")) << r->warnings[0].reason;
}

TEST(ActivityWatch, UtcOffsetsAcrossDstAreExact) {
  // 02:30+02:00 (CEST) and 02:30+01:00 (CET) on 2026-10-25 are 00:30Z and 01:30Z: one stretch.
  const auto r = from_text(R"({"buckets":{"aw-watcher-afk_x":{"type":"afkstatus","events":[
      {"timestamp":"2026-10-25T02:30:00+02:00","duration":3600,"data":{"status":"not-afk"}},
      {"timestamp":"2026-10-25T02:30:00+01:00","duration":1800,"data":{"status":"not-afk"}}]}}})");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->spans.size(), 1u);
  EXPECT_EQ(r->spans[0].start, at("2026-10-25T00:30:00Z"));
  EXPECT_EQ(r->spans[0].end - r->spans[0].start, 5400);
}

TEST(ActivityWatch, EmptyAfkBucketIsFine) {
  const auto r = from_text(R"({"buckets":{"aw-watcher-afk_x":{"type":"afkstatus","events":[]}}})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->spans.empty());
  EXPECT_EQ(r->covered_from, r->covered_to);
}

struct Bad {
  const char* name;
  std::string text;  // or a file under tests/data/activitywatch when it ends in .json
  ErrorCode code;
  std::string field;
  std::string part;
};

TEST(ActivityWatch, BadInputNamesTheLocation) {
  const std::string head = R"({"buckets":{"aw-watcher-afk_x":{"type":"afkstatus","events":[)";
  const std::string tail = "]}}}";
  const std::vector<Bad> cases = {
      // The offset of the end of the file: where the next value should have been.
      {"truncated", "truncated.json", ErrorCode::malformed,
       "byte " + std::to_string(std::filesystem::file_size(testing::data_path("activitywatch/truncated.json"))),
       "unexpected end of input"},
      {"duration as a string", "wrong-type.json", ErrorCode::invalid,
       "$.buckets[\"aw-watcher-afk_laptop\"].events[1].duration", "expected a number"},
      {"window only", "window-only.json", ErrorCode::invalid, "$.buckets", "no afkstatus bucket"},
      {"empty file", "", ErrorCode::malformed, "byte 0", "unexpected end of input"},
      {"not an object", "[1,2]", ErrorCode::invalid, "$", "expected an object"},
      {"no buckets", R"({"other":1})", ErrorCode::invalid, "$", "no \"buckets\""},
      {"events not an array", R"({"buckets":{"a":{"type":"afkstatus","events":{}}}})", ErrorCode::invalid,
       "$.buckets.a.events", "expected an array"},
      {"huge duration", head + R"({"timestamp":"2026-11-25T08:00:00Z","duration":1e300,"data":{"status":"afk"}})" + tail,
       ErrorCode::invalid, "$.buckets[\"aw-watcher-afk_x\"].events[0].duration", "longer than a year"},
      {"overflowing number", head + R"({"timestamp":"2026-11-25T08:00:00Z","duration":1e999})" + tail,
       ErrorCode::invalid, "$.buckets[\"aw-watcher-afk_x\"].events[0].duration", "out of range"},
      {"negative duration", head + R"({"timestamp":"2026-11-25T08:00:00Z","duration":-1})" + tail, ErrorCode::invalid,
       "$.buckets[\"aw-watcher-afk_x\"].events[0].duration", "negative"},
      {"no zone", head + R"({"timestamp":"2026-11-25T08:00:00","duration":1})" + tail, ErrorCode::invalid,
       "$.buckets[\"aw-watcher-afk_x\"].events[0].timestamp", "with a zone"},
      {"bad month", head + R"({"timestamp":"2026-13-25T08:00:00Z","duration":1})" + tail, ErrorCode::invalid,
       "$.buckets[\"aw-watcher-afk_x\"].events[0].timestamp", "not an ISO 8601"},
      {"missing timestamp", head + R"({"duration":1,"data":{"status":"afk"}})" + tail, ErrorCode::invalid,
       "$.buckets[\"aw-watcher-afk_x\"].events[0]", "no timestamp"},
      {"status not a string", head + R"({"timestamp":"2026-11-25T08:00:00Z","data":{"status":1}})" + tail,
       ErrorCode::invalid, "$.buckets[\"aw-watcher-afk_x\"].events[0].data.status", "expected a string"},
      {"trailing garbage", R"({"buckets":{}} x)", ErrorCode::malformed, "byte 15", "syntax error"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string t = c.text;
    const auto r = t.size() > 5 && t.ends_with(".json") ? from_file(t) : from_text(t);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, c.part)) << r.error().message;
    if (c.code == ErrorCode::invalid && c.field != "$.buckets") {
      EXPECT_TRUE(contains(r.error().message, "(byte ")) << r.error().message;
    }
  }
}

TEST(ActivityWatch, LimitsStopEarly) {
  ActivityWatchOptions o;
  o.max_bytes = 100;
  auto r = from_file("export.json", o);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message, "larger than 100 bytes")) << r.error().message;
  o = ActivityWatchOptions{};
  o.max_events = 3;
  r = from_file("export.json", o);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message, "more than 3 events")) << r.error().message;
  // Nesting deeper than the limit is refused before it costs memory.
  r = from_text(R"({"buckets":{"a":{"data":)" + std::string(100, '[') + std::string(100, ']') + "}}}");
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message, "nested deeper")) << r.error().message;
}

TEST(ActivityWatch, LargeExportStreams) {
  // 200k events, about 20 MB of JSON: read without a document tree; checks it finishes and merges.
  std::string text = R"({"buckets":{"aw-watcher-afk_x":{"type":"afkstatus","events":[)";
  const int n = 200000;
  const core::Instant base = at("2026-01-01T00:00:00Z");
  for (int i = 0; i < n; ++i) {
    if (i) text += ',';
    text += R"({"timestamp":")" + core::format_instant(base + i * 60) +
            R"(","duration":59.5,"data":{"status":")" + (i % 2 ? "afk" : "not-afk") + "\"}}";
  }
  text += "]}}}";
  const auto r = from_text(text);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->events, n);
  EXPECT_EQ(r->spans.size(), static_cast<size_t>(n));  // alternating, rounded to whole seconds, touching
  EXPECT_EQ(r->covered_to, base + (n - 1) * 60 + 60);  // 59.5 s rounds up
}

TEST(JsonStream, IsoTimes) {
  int64_t ms = 0;
  ASSERT_TRUE(parse_iso_millis("2026-11-25T08:00:00.123456Z", ms));
  EXPECT_EQ(ms, at("2026-11-25T08:00:00Z") * 1000 + 123);
  ASSERT_TRUE(parse_iso_millis("2026-11-25T09:00:00+0100", ms));
  EXPECT_EQ(ms, at("2026-11-25T08:00:00Z") * 1000);
  ASSERT_TRUE(parse_iso_millis("2026-11-25T03:00:00-05:00", ms));
  EXPECT_EQ(ms, at("2026-11-25T08:00:00Z") * 1000);
  for (const char* bad : {"2026-11-25", "2026-11-25T08:00:00", "2026-11-25T24:00:00Z", "2026-11-25T08:00:00.Z",
                          "2026-11-25T08:00:00+1", "2026-02-30T08:00:00Z", "2026-11-25T08:00:00Zjunk"})
    EXPECT_FALSE(parse_iso_millis(bad, ms)) << bad;
}

}  // namespace
}  // namespace headway::ingest
