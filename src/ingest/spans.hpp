#pragma once
// Shared shaping of tracked activity: spans in milliseconds while importing, whole seconds out.
#include <cstdint>
#include <string>
#include <vector>

#include "core/evidence.hpp"

namespace headway::ingest {

// A half-open stretch [start, end) in milliseconds since the epoch, UTC.
struct MilliSpan {
  int64_t start = 0;
  int64_t end = 0;
  std::string label;
};

// The union of `spans` (labels dropped), sorted, with touching stretches joined.
std::vector<MilliSpan> union_of(std::vector<MilliSpan> spans);

// The parts of sorted, disjoint `a` not covered by sorted, disjoint `b`.
std::vector<MilliSpan> subtract(const std::vector<MilliSpan>& a, const std::vector<MilliSpan>& b);

// Labels the sorted, disjoint `base` with `labelled` stretches: each piece of base takes the label of
// the stretch covering it (where labelled stretches overlap, the one starting first keeps the time),
// and pieces no stretch covers stay unlabelled.
std::vector<MilliSpan> label_with(const std::vector<MilliSpan>& base, std::vector<MilliSpan> labelled);

// Milliseconds to whole seconds, rounding half up, so stretches that touch still touch.
core::Instant to_seconds(int64_t millis);

// Sorted spans without overlaps: where two overlap the earlier one keeps the time, empty spans go,
// and touching spans of the same kind and label are joined.
std::vector<core::ActivitySpan> normalize_spans(std::vector<core::ActivitySpan> spans);

}  // namespace headway::ingest
