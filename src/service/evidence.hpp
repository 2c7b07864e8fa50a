#pragma once
// Evidence from outside Headway: importing calendars and activity, daily signals, and the same
// data as boundary evidence.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/evidence.hpp"
#include "core/evidence_source.hpp"
#include "core/signals.hpp"
#include "ingest/ics.hpp"
#include "service/context.hpp"

namespace headway::service {

struct CalendarImportOptions {
  std::string source;                    // the source's name; re-importing it replaces what it holds
  std::optional<std::string> me_email;   // default: the account's e-mail, else the profile's
  bool keep_titles = false;
  bool skip_invalid = false;
  // Local days of the import window, both included (YYYY-MM-DD). Default: the past 12 months and
  // the next 3, from the clock (ingest::default_ics_window).
  std::optional<std::string> from, to;
};

struct CalendarImportSummary {
  core::EvidenceSource source;
  int events = 0;       // VEVENTs read
  int occurrences = 0;  // after recurrence expansion, inside the window
  core::ReplaceCounts counts;
  std::vector<ingest::IcsSkipped> skipped;
  std::vector<ingest::IcsSkipped> warnings;
};

// Reads an .ics stream and makes the named calendar source hold exactly its occurrences inside
// the window. The whole file is read and checked before anything is written; any error leaves
// the database as it was.
Result<CalendarImportSummary> import_calendar(Context& ctx, const Actor& actor, std::istream& in,
                                              const CalendarImportOptions& options);

struct ActivityImportSummary {
  core::EvidenceSource source;
  int spans = 0;
  core::ReplaceCounts counts;
};

// Makes the named activity source hold exactly `spans` (from an ActivityWatch or Timewarrior
// parser). [covered_from, covered_to) is the stretch the export says anything about (the parsers'
// covered_from/covered_to); every local day it touches counts as covered. An empty stretch
// covers no day.
Result<ActivityImportSummary> import_activity(Context& ctx, const Actor& actor, const std::string& source,
                                              const std::vector<core::ActivitySpan>& spans,
                                              core::Instant covered_from, core::Instant covered_to);

// The actor's evidence sources, activity first, then by name.
Result<std::vector<core::EvidenceSource>> list_sources(Context& ctx, const Actor& actor);

// Removes a source by name (and kind, needed when a calendar and an activity source share the
// name) with everything it holds; not_found when there is none.
Result<core::EvidenceSource> remove_source(Context& ctx, const Actor& actor, const std::string& name,
                                           std::optional<core::SourceKind> kind = std::nullopt);

struct SignalsRange {
  // YYYY-MM-DD, today or yesterday; default: the last 28 days up to today (or up to --to)
  std::optional<std::string> from, to;
};
inline constexpr int kDefaultSignalDays = 28;

// Daily signals for each local day of the range, from every stored source.
Result<std::vector<core::DailySignals>> signals(Context& ctx, const Actor& actor, const SignalsRange& range);

// Everything stored that touches the local days [from, to], inside an open transaction.
struct StoredEvidence {
  std::vector<core::EventOccurrence> occurrences;
  std::vector<core::ActivitySpan> spans;
  core::Coverage coverage;
};
Result<StoredEvidence> load_evidence(store::Transaction& tx, Id person, const core::Zone& zone, Date from, Date to);

}  // namespace headway::service
