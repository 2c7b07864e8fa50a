#include "ingest/spans.hpp"

#include <algorithm>

namespace headway::ingest {

std::vector<MilliSpan> union_of(std::vector<MilliSpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const MilliSpan& a, const MilliSpan& b) { return a.start < b.start; });
  std::vector<MilliSpan> out;
  for (MilliSpan& s : spans) {
    if (s.end <= s.start) continue;
    if (!out.empty() && s.start <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(MilliSpan{s.start, s.end, {}});
    }
  }
  return out;
}

std::vector<MilliSpan> subtract(const std::vector<MilliSpan>& a, const std::vector<MilliSpan>& b) {
  std::vector<MilliSpan> out;
  size_t j = 0;
  for (const MilliSpan& s : a) {
    int64_t at = s.start;
    while (j < b.size() && b[j].end <= at) ++j;
    for (size_t k = j; k < b.size() && b[k].start < s.end; ++k) {
      if (b[k].start > at) out.push_back(MilliSpan{at, b[k].start, s.label});
      at = std::max(at, b[k].end);
    }
    if (at < s.end) out.push_back(MilliSpan{at, s.end, s.label});
  }
  return out;
}

std::vector<MilliSpan> label_with(const std::vector<MilliSpan>& base, std::vector<MilliSpan> labelled) {
  std::stable_sort(labelled.begin(), labelled.end(),
                   [](const MilliSpan& a, const MilliSpan& b) { return a.start < b.start; });
  // Clip so that no two labelled stretches overlap: the earlier one keeps the time.
  std::vector<MilliSpan> clean;
  for (MilliSpan& s : labelled) {
    if (!clean.empty()) s.start = std::max(s.start, clean.back().end);
    if (s.end > s.start) clean.push_back(std::move(s));
  }
  std::vector<MilliSpan> out;
  size_t j = 0;
  for (const MilliSpan& s : base) {
    int64_t at = s.start;
    while (j < clean.size() && clean[j].end <= at) ++j;
    for (size_t k = j; k < clean.size() && clean[k].start < s.end; ++k) {
      if (clean[k].start > at) out.push_back(MilliSpan{at, clean[k].start, {}});
      const int64_t from = std::max(at, clean[k].start), to = std::min(s.end, clean[k].end);
      if (to > from) out.push_back(MilliSpan{from, to, clean[k].label});
      at = std::max(at, to);
    }
    if (at < s.end) out.push_back(MilliSpan{at, s.end, {}});
  }
  return out;
}

core::Instant to_seconds(int64_t millis) {
  const int64_t shifted = millis + 500;
  return shifted >= 0 ? shifted / 1000 : -((-shifted + 999) / 1000);
}

std::vector<core::ActivitySpan> normalize_spans(std::vector<core::ActivitySpan> spans) {
  std::stable_sort(spans.begin(), spans.end(),
                   [](const core::ActivitySpan& a, const core::ActivitySpan& b) { return a.start < b.start; });
  std::vector<core::ActivitySpan> out;
  for (core::ActivitySpan& s : spans) {
    if (!out.empty()) {
      core::ActivitySpan& last = out.back();
      if (s.kind == last.kind && s.label == last.label && s.start <= last.end) {
        last.end = std::max(last.end, s.end);
        continue;
      }
      s.start = std::max(s.start, last.end);
    }
    if (s.end > s.start) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace headway::ingest
