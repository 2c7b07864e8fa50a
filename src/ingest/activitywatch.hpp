#pragma once
// Imports an ActivityWatch export ("Export all buckets as JSON": {"buckets": {id: {type, events}}}).
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/evidence.hpp"
#include "ingest/import_common.hpp"

namespace headway::ingest {

struct ActivityWatchOptions {
  bool keep_titles = false;  // label active time with the focused application's name
  size_t max_bytes = 512u * 1024 * 1024;
  size_t max_events = 5'000'000;  // afk and window events kept while reading
};

struct ActivityWatchResult {
  // Sorted and disjoint: active spans where any afk watcher said "not-afk", afk spans where one
  // said "afk" and none said "not-afk". Labels (application names) only with keep_titles.
  std::vector<core::ActivitySpan> spans;
  core::Instant covered_from = 0;  // the afk events' first start; equal to covered_to when none
  core::Instant covered_to = 0;    // and last end: the stretch the export says anything about
  int afk_buckets = 0;
  int window_buckets = 0;
  long events = 0;  // afk and window events read
  std::vector<ImportWarning> warnings;  // buckets of other types, unknown statuses
};

// Reads the export as a stream (never the whole document at once). Without an afkstatus bucket
// the export says nothing about presence, which is an error. Errors name the JSON path and byte.
Result<ActivityWatchResult> import_activitywatch(std::istream& in, const ActivityWatchOptions& options = {});

}  // namespace headway::ingest
