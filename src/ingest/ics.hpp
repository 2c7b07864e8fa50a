#pragma once
// Imports calendar events from an iCalendar (.ics) stream, expanded inside a time window.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/evidence.hpp"
#include "core/zone.hpp"

namespace headway::ingest {

struct IcsOptions {
  core::Instant from = 0;  // window start, inclusive
  core::Instant to = 0;    // window end, exclusive
  core::Zone zone = core::Zone::utc();  // the person's zone: floating times and all-day days
  std::string me_email;    // the person's address, to find their own PARTSTAT
  bool keep_titles = false;
  bool skip_invalid = false;  // skip and list invalid events instead of failing the import
  size_t max_bytes = 50u * 1024 * 1024;
  size_t max_line_bytes = 64u * 1024;       // per unfolded content line
  int max_instances_per_event = 5000;       // inside the window
};

struct IcsSkipped {
  int line = 0;  // where the event (or the offending property) is
  std::string reason;
  bool operator==(const IcsSkipped&) const = default;
};

struct IcsResult {
  std::vector<core::EventOccurrence> occurrences;  // sorted by (start, uid, recurrence_id)
  std::vector<IcsSkipped> skipped;                 // invalid events left out (skip_invalid)
  std::vector<IcsSkipped> warnings;                // e.g. a recurrence capped at the instance limit
  int events = 0;                                  // VEVENT components read and accepted
};

// The default import window around `now`: the past 12 months and the next 3 (in days).
IcsOptions default_ics_window(core::Instant now, core::Zone zone);

// Reads the stream line by line; errors (code malformed or invalid) name the line in `field`,
// e.g. "line 12", and in the message.
Result<IcsResult> import_ics(std::istream& in, const IcsOptions& options);

// The IANA name of a Windows zone name ("W. Europe Standard Time"), or empty when unknown.
std::string windows_zone_to_iana(std::string_view windows_name);

}  // namespace headway::ingest
