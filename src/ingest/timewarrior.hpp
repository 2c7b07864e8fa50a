#pragma once
// Imports `timew export` JSON: an array of intervals {"id","start","end","tags","annotation"}.
#include <cstddef>
#include <istream>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/evidence.hpp"
#include "ingest/import_common.hpp"

namespace headway::ingest {

struct TimewarriorOptions {
  bool keep_titles = false;  // label spans with the interval's tags, joined by ", "
  // When the export was taken: an open interval (still tracking, no "end") ends here. Without
  // it, open intervals are left out with a warning.
  std::optional<core::Instant> now;
  size_t max_bytes = 256u * 1024 * 1024;
  size_t max_intervals = 2'000'000;
};

struct TimewarriorResult {
  std::vector<core::ActivitySpan> spans;  // active, sorted and disjoint
  core::Instant covered_from = 0;         // the first start and the last end; equal when empty
  core::Instant covered_to = 0;
  long intervals = 0;                     // intervals read and kept
  std::vector<ImportWarning> warnings;    // open intervals left out or closed at `now`
};

// Reads the array as a stream. Times are UTC ("20261125T080000Z"). Errors name the interval's
// JSON path ($[3].end) and the byte.
Result<TimewarriorResult> import_timewarrior(std::istream& in, const TimewarriorOptions& options = {});

// Parses Timewarrior's "YYYYMMDDTHHMMSSZ"; false when the text is not one.
bool parse_timew_instant(std::string_view text, core::Instant& out);

}  // namespace headway::ingest
