#include "ingest/timewarrior.hpp"

#include <algorithm>

#include "ingest/json_stream.hpp"
#include "ingest/spans.hpp"

namespace headway::ingest {

namespace {

bool is_interval(const JsonPath& p) { return p.size() == 1 && p[0].index >= 0; }
bool is_field(const JsonPath& p, const char* f) { return p.size() == 2 && p[0].index >= 0 && p[1].index < 0 && p[1].key == f; }
bool is_tag(const JsonPath& p) {
  return p.size() == 3 && p[0].index >= 0 && p[1].index < 0 && p[1].key == "tags" && p[2].index >= 0;
}

class Reader : public JsonVisitor {
 public:
  explicit Reader(const TimewarriorOptions& o) : options_(o) {}

  Result<void> begin(const JsonPath& p, JsonKind kind) override {
    if (p.empty()) return kind == JsonKind::array ? Result<void>{} : json_error(p, "expected an array of intervals");
    if (is_interval(p)) {
      if (kind != JsonKind::object) return json_error(p, "expected an interval object");
      start_.reset();
      end_.reset();
      label_.clear();
      return {};
    }
    if (is_field(p, "tags")) return kind == JsonKind::array ? Result<void>{} : json_error(p, "expected an array of strings");
    if (is_field(p, "start") || is_field(p, "end") || is_tag(p)) return json_error(p, "expected a string");
    return {};
  }

  Result<void> value(const JsonPath& p, const JsonScalar& v) override {
    if (p.empty()) return json_error(p, "expected an array of intervals");
    if (is_interval(p)) return json_error(p, "expected an interval object");
    const bool start = is_field(p, "start");
    if (start || is_field(p, "end")) {
      core::Instant t = 0;
      if (v.kind != JsonKind::string) return json_error(p, "expected a string like \"20261125T080000Z\"");
      if (!parse_timew_instant(v.text, t))
        return json_error(p, "\"" + clip(v.text, 40) + "\" is not a UTC time like \"20261125T080000Z\"");
      (start ? start_ : end_) = t;
      return {};
    }
    if (is_field(p, "tags")) return json_error(p, "expected an array of strings");
    if (is_tag(p)) {
      if (v.kind != JsonKind::string) return json_error(p, "expected a string");
      if (options_.keep_titles && label_.size() < 200) {
        if (!label_.empty()) label_ += ", ";
        label_ += clip(v.text, 100);
      }
    }
    return {};
  }

  Result<void> end(const JsonPath& p, JsonKind) override {
    if (!is_interval(p)) return {};
    if (!start_) return json_error(p, "no start");
    core::Instant end = 0;
    if (end_) {
      end = *end_;
    } else if (options_.now && *options_.now >= *start_) {
      end = *options_.now;
      warnings_.push_back({to_string(p), "open interval ends at the export time"});
    } else {
      warnings_.push_back({to_string(p), options_.now ? "open interval starts after the export time; left out"
                                                      : "open interval (still tracking) left out"});
      return {};
    }
    if (end < *start_) return json_error(p, "ends before it starts");
    if (++intervals_ > static_cast<long>(options_.max_intervals))
      return json_error(p, "more than " + std::to_string(options_.max_intervals) + " intervals");
    if (intervals_ == 1 || *start_ < from_) from_ = *start_;
    to_ = std::max(to_, end);
    spans_.push_back({*start_, end, core::ActivityKind::active, label_});
    return {};
  }

  TimewarriorResult result() {
    TimewarriorResult r;
    r.intervals = intervals_;
    if (intervals_ > 0) {
      r.covered_from = from_;
      r.covered_to = to_;
    }
    r.spans = normalize_spans(std::move(spans_));
    r.warnings = std::move(warnings_);
    return r;
  }

 private:
  const TimewarriorOptions& options_;
  std::optional<core::Instant> start_, end_;
  std::string label_;
  long intervals_ = 0;
  core::Instant from_ = 0, to_ = 0;
  std::vector<core::ActivitySpan> spans_;
  std::vector<ImportWarning> warnings_;
};

}  // namespace

bool parse_timew_instant(std::string_view s, core::Instant& out) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return false;
  for (size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14})
    if (s[i] < '0' || s[i] > '9') return false;
  const std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                          std::string(s.substr(6, 2)) + "T" + std::string(s.substr(9, 2)) + ":" +
                          std::string(s.substr(11, 2)) + ":" + std::string(s.substr(13, 2)) + "Z";
  int64_t ms = 0;
  if (!parse_iso_millis(iso, ms)) return false;
  out = ms / 1000;
  return true;
}

Result<TimewarriorResult> import_timewarrior(std::istream& in, const TimewarriorOptions& options) {
  Reader reader(options);
  HW_CHECK(read_json_stream(in, reader, JsonStreamLimits{options.max_bytes, 16}));
  return reader.result();
}

}  // namespace headway::ingest
