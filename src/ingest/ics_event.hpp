#pragma once
// The VEVENT side of the iCalendar importer: what it keeps of an event until the whole file is
// read, the component being collected, and reading a VEVENT from its properties. Internal to
// ics*.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <libical/ical.h>

#include "ingest/ics.hpp"
#include "ingest/ics_property.hpp"
#include "ingest/ics_zone.hpp"

namespace headway::ingest::ics {

// An RDATE value: a time, or a PERIOD with an end or a duration.
struct RDateValue {
  LocalTime start;
  std::optional<LocalTime> end;  // PERIOD with an explicit end
  std::optional<long> seconds;   // PERIOD with a duration
};

// What the importer keeps of a VEVENT until all of the file is read.
struct EventRecord {
  std::string uid;
  int line = 0;
  LocalTime start;
  std::optional<LocalTime> end;
  std::optional<long> duration;  // seconds, from DURATION
  int duration_line = 0;
  std::string rrule;
  int rrule_line = 0;
  std::vector<RDateValue> rdates;
  std::vector<LocalTime> exdates;
  std::optional<LocalTime> recurrence_id;
  bool cancelled = false;
  bool transparent = false;
  bool declined = false;
  bool meeting = false;
  std::string title;
};

// A content line of a component, split, and the line it starts on.
struct PropLine {
  Prop prop;
  int line = 0;
};

// One top-level component while its lines come in. Reused from component to component, so its
// strings keep their capacity.
class Pending {
 public:
  std::string kind;
  int line = 0;
  size_t bytes = 0;     // its unfolded lines so far, for the size limit
  std::string text;     // a VTIMEZONE's lines, for libical
  int bad_line = 0;
  std::string bad_reason;

  void start(const std::string& k, int l) {
    kind = k;
    line = l;
    bytes = 0;
    text.clear();
    bad_line = 0;
    bad_reason.clear();
    count_ = 0;
  }
  void mark_bad(int l, std::string why) {
    if (bad_line != 0) return;
    bad_line = l;
    bad_reason = std::move(why);
  }
  // Keeps a copy of a top-level property.
  void add(const Prop& p, int l) {
    if (count_ == props_.size()) props_.emplace_back();
    PropLine& slot = props_[count_++];
    slot.prop.name.assign(p.name);
    slot.prop.params.assign(p.params);
    slot.prop.value.assign(p.value);
    slot.line = l;
  }
  const PropLine* begin() const { return props_.data(); }
  const PropLine* end() const { return props_.data() + count_; }

 private:
  std::vector<PropLine> props_;
  size_t count_ = 0;
};

// An invalid event and the line that says why.
struct Invalid {
  int line = 0;
  std::string reason;
};

// Reads a parsed VEVENT into a record; an Invalid names the offending line.
// Reads a VEVENT from its top-level properties, which check_property found valid.
std::optional<Invalid> read_event(const Pending& pending, const IcsOptions& options, EventRecord& rec);

}  // namespace headway::ingest::ics
