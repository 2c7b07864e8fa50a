#pragma once
// Where stored evidence came from: one calendar file or activity tracker per name and person.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/person.hpp"

namespace headway::core {

enum class SourceKind { calendar, activity };
inline const char* to_string(SourceKind k) { return k == SourceKind::calendar ? "calendar" : "activity"; }
inline std::optional<SourceKind> parse_source_kind(std::string_view s) {
  if (s == "calendar") return SourceKind::calendar;
  if (s == "activity") return SourceKind::activity;
  return std::nullopt;
}

// One imported source. Re-importing the same (kind, name) replaces what it holds.
struct EvidenceSource {
  Id id = 0;
  Id person_id = 0;
  SourceKind kind = SourceKind::calendar;
  std::string name;
  Instant imported_at = 0;
  Date covered_from;  // local days the import window covers, both included
  Date covered_to;
  int64_t items = 0;  // occurrences or spans stored
  bool operator==(const EvidenceSource&) const = default;
};

// What replacing a source's evidence did, compared with what was stored before.
struct ReplaceCounts {
  int added = 0;
  int changed = 0;
  int removed = 0;
  int unchanged = 0;
  bool operator==(const ReplaceCounts&) const = default;
};

}  // namespace headway::core
