#include "ingest/activitywatch.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "ingest/json_stream.hpp"
#include "ingest/spans.hpp"

namespace headway::ingest {

namespace {

constexpr double kMaxDurationSeconds = 366.0 * 86400;  // longer than any real afk stretch

enum class Status : uint8_t { unknown, afk, not_afk };
enum class BucketType { unknown, afk, window, other };

struct Event {
  int64_t start = 0;  // ms
  int64_t end = 0;
  Status status = Status::unknown;
  std::string text;  // the application (window events, with titles) or an unknown afk status
};

bool key_is(const JsonPath& p, size_t i, const char* key) { return p.size() > i && p[i].index < 0 && p[i].key == key; }

// Path shapes: $.buckets.<id>, $.buckets.<id>.type, $.buckets.<id>.events[i].<field>, ...data.<field>.
bool is_bucket(const JsonPath& p) { return p.size() == 2 && key_is(p, 0, "buckets"); }
bool is_bucket_field(const JsonPath& p, const char* f) { return p.size() == 3 && key_is(p, 0, "buckets") && key_is(p, 2, f); }
// $.buckets.<id>.events[i], the first four steps of every event path.
bool event_prefix(const JsonPath& p) {
  return p.size() >= 4 && key_is(p, 0, "buckets") && key_is(p, 2, "events") && p[3].index >= 0;
}
bool is_event(const JsonPath& p) { return p.size() == 4 && event_prefix(p); }
bool is_event_field(const JsonPath& p, const char* f) { return p.size() == 5 && event_prefix(p) && key_is(p, 4, f); }
bool is_data_field(const JsonPath& p, const char* f) {
  return p.size() == 6 && event_prefix(p) && key_is(p, 4, "data") && key_is(p, 5, f);
}

class Reader : public JsonVisitor {
 public:
  explicit Reader(const ActivityWatchOptions& o) : options_(o) {}

  Result<void> begin(const JsonPath& p, JsonKind kind) override {
    if (p.empty()) return kind == JsonKind::object ? Result<void>{} : json_error(p, "expected an object with \"buckets\"");
    if (p.size() == 1 && key_is(p, 0, "buckets")) {
      if (kind != JsonKind::object) return json_error(p, "expected an object of buckets by id");
      seen_buckets_ = true;
      return {};
    }
    if (is_bucket(p)) {
      if (kind != JsonKind::object) return json_error(p, "expected a bucket object");
      type_ = BucketType::unknown;
      type_seen_ = false;
      pending_.clear();
      return {};
    }
    if (is_bucket_field(p, "events")) return kind == JsonKind::array ? Result<void>{} : json_error(p, "expected an array");
    if (is_bucket_field(p, "type")) return json_error(p, "expected a string");
    if (is_event(p)) {
      if (kind != JsonKind::object) return json_error(p, "expected an event object");
      event_ = Event{};
      has_timestamp_ = false;
      duration_ = 0;
      return {};
    }
    if (is_event_field(p, "timestamp") || is_event_field(p, "duration")) return json_error(p, std::string("expected ") +
        (key_is(p, 4, "duration") ? "a number of seconds" : "a date-time string"));
    if (is_event_field(p, "data") && kind != JsonKind::object) return json_error(p, "expected an object");
    if (is_data_field(p, "status") || is_data_field(p, "app")) return json_error(p, "expected a string");
    return {};
  }

  Result<void> value(const JsonPath& p, const JsonScalar& v) override {
    if (p.empty()) return json_error(p, "expected an object with \"buckets\"");
    if (p.size() == 1 && key_is(p, 0, "buckets")) return json_error(p, "expected an object of buckets by id");
    if (is_bucket(p)) return json_error(p, "expected a bucket object");
    if (is_bucket_field(p, "events")) {
      if (v.kind == JsonKind::null) return {};  // Option<Vec<Event>>: a bucket exported without events
      return json_error(p, "expected an array");
    }
    if (is_bucket_field(p, "type")) {
      if (v.kind != JsonKind::string) return json_error(p, "expected a string");
      type_seen_ = true;
      type_ = v.text == "afkstatus" ? BucketType::afk : v.text == "currentwindow" ? BucketType::window : BucketType::other;
      type_name_ = v.text;
      return {};
    }
    if (is_event(p)) return json_error(p, "expected an event object");
    if (is_event_field(p, "timestamp")) {
      if (v.kind != JsonKind::string) return json_error(p, "expected a date-time string");
      if (!parse_iso_millis(v.text, event_.start))
        return json_error(p, "\"" + clip(v.text, 40) + "\" is not an ISO 8601 date-time with a zone");
      has_timestamp_ = true;
      return {};
    }
    if (is_event_field(p, "duration")) {
      if (v.kind != JsonKind::number) return json_error(p, "expected a number of seconds");
      if (v.number < 0) return json_error(p, "must not be negative");
      if (v.number > kMaxDurationSeconds) return json_error(p, "longer than a year");
      duration_ = v.number;
      return {};
    }
    if (is_event_field(p, "data")) return json_error(p, "expected an object");
    if (is_data_field(p, "status")) {
      if (v.kind != JsonKind::string) return json_error(p, "expected a string");
      event_.status = v.text == "afk" ? Status::afk : v.text == "not-afk" ? Status::not_afk : Status::unknown;
      if (event_.status == Status::unknown) event_.text = clip(v.text, 40);
      return {};
    }
    if (is_data_field(p, "app")) {
      if (v.kind != JsonKind::string) return json_error(p, "expected a string");
      if (options_.keep_titles) event_.text = clip(v.text, 200);
      return {};
    }
    return {};
  }

  Result<void> end(const JsonPath& p, JsonKind) override {
    if (is_event(p)) return finish_event(p);
    if (is_bucket(p)) return finish_bucket(p);
    if (p.empty() && !seen_buckets_) return json_error(p, "no \"buckets\": not an ActivityWatch export");
    return {};
  }

  Result<ActivityWatchResult> result() {
    if (afk_buckets_ == 0)
      return invalid("$.buckets", "no afkstatus bucket (aw-watcher-afk): the export says nothing about when you were "
                                  "at the computer");
    ActivityWatchResult r;
    r.afk_buckets = afk_buckets_;
    r.window_buckets = window_buckets_;
    r.events = events_;
    r.warnings = std::move(warnings_);
    if (covered_from_) {
      r.covered_from = to_seconds(*covered_from_);
      r.covered_to = to_seconds(covered_to_);
    }
    std::vector<MilliSpan> active = union_of(std::move(present_));
    std::vector<MilliSpan> away = subtract(union_of(std::move(away_)), active);
    if (options_.keep_titles) active = label_with(active, std::move(windows_));
    std::vector<core::ActivitySpan> spans;
    spans.reserve(active.size() + away.size());
    for (MilliSpan& s : active)
      spans.push_back({to_seconds(s.start), to_seconds(s.end), core::ActivityKind::active, std::move(s.label)});
    for (const MilliSpan& s : away)
      spans.push_back({to_seconds(s.start), to_seconds(s.end), core::ActivityKind::afk, {}});
    r.spans = normalize_spans(std::move(spans));
    return r;
  }

 private:
  Result<void> finish_event(const JsonPath& p) {
    if (!has_timestamp_) return json_error(p, "no timestamp");
    event_.end = event_.start + std::llround(duration_ * 1000.0);
    // Not needed: drop it now rather than keep it until the bucket ends.
    if (type_seen_ && type_ == BucketType::other) return {};
    if (type_seen_ && type_ == BucketType::window && !options_.keep_titles) {
      ++events_;
      return {};
    }
    if (type_seen_ && type_ == BucketType::afk && event_.status == Status::unknown) {
      note_unknown(event_.text);
      return {};
    }
    if (++stored_ > options_.max_events)
      return json_error(p, "more than " + std::to_string(options_.max_events) + " events");
    pending_.push_back(std::move(event_));
    return {};
  }

  Result<void> finish_bucket(const JsonPath& p) {
    const std::string where = to_string(p);
    if (!type_seen_) {
      warnings_.push_back({where, "bucket without a type; left out"});
    } else if (type_ == BucketType::other) {
      warnings_.push_back({where, "bucket of type \"" + clip(type_name_, 40) + "\" left out"});
    } else if (type_ == BucketType::afk) {
      ++afk_buckets_;
      for (Event& e : pending_) {
        if (e.status == Status::unknown) {
          note_unknown(e.text);
          continue;
        }
        ++events_;
        covered_from_ = covered_from_ ? std::min(*covered_from_, e.start) : e.start;
        covered_to_ = std::max(covered_to_, e.end);
        (e.status == Status::not_afk ? present_ : away_).push_back(MilliSpan{e.start, e.end, {}});
      }
      if (unknown_ > 0)
        warnings_.push_back({where, std::to_string(unknown_) + " event(s) with an unknown status (such as \"" +
                                        first_unknown_ + "\") left out"});
    } else {
      ++window_buckets_;
      for (Event& e : pending_) {
        ++events_;
        if (options_.keep_titles) windows_.push_back(MilliSpan{e.start, e.end, std::move(e.text)});
      }
    }
    pending_.clear();
    unknown_ = 0;
    return {};
  }

  void note_unknown(const std::string& text) {
    if (unknown_++ == 0) first_unknown_ = text;
  }

  const ActivityWatchOptions& options_;
  bool seen_buckets_ = false;
  // The bucket being read; its events wait in pending_ in case "type" comes after them.
  BucketType type_ = BucketType::unknown;
  bool type_seen_ = false;
  std::string type_name_;
  std::vector<Event> pending_;
  long unknown_ = 0;  // afk events with a status other than "afk" or "not-afk"
  std::string first_unknown_;
  // The event being read.
  Event event_;
  bool has_timestamp_ = false;
  double duration_ = 0;
  size_t stored_ = 0;
  // Everything kept so far.
  std::vector<MilliSpan> present_, away_, windows_;
  std::optional<int64_t> covered_from_;
  int64_t covered_to_ = 0;
  int afk_buckets_ = 0, window_buckets_ = 0;
  long events_ = 0;
  std::vector<ImportWarning> warnings_;
};

}  // namespace

Result<ActivityWatchResult> import_activitywatch(std::istream& in, const ActivityWatchOptions& options) {
  Reader reader(options);
  HW_CHECK(read_json_stream(in, reader, JsonStreamLimits{options.max_bytes, 64}));
  return reader.result();
}

}  // namespace headway::ingest
