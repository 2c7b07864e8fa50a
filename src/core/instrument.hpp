#pragma once
// Assessment instruments defined as data, scored to 0-100 with bands.
#include <optional>
#include <string>
#include <vector>

#include "core/person.hpp"

namespace headway::core {

struct Band {
  std::string id;     // "low"
  std::string label;  // "Running on empty"
  double min = 0;     // inclusive lower cut-off on the 0-100 score
};

struct Scale {
  std::string id;
  std::string title;
  bool sum = false;            // scoring: sum (true) or mean (false), then mapped to 0-100
  bool wellbeing = false;      // a low score on a wellbeing scale shows the support pointer
  std::vector<Band> bands;     // ascending by min; the first starts at 0
};

struct Item {
  std::string id;
  std::string scale;
  std::string text;
  bool reverse = false;
};

struct Instrument {
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  std::string licence;
  std::string note;            // the non-diagnostic note
  std::string support_pointer; // shown for a wellbeing score in the lowest band
  int response_min = 1;
  int response_max = 5;
  std::vector<std::string> response_labels;
  std::vector<Scale> scales;
  std::vector<Item> items;
};

// Checks an instrument's internal consistency: items point at scales, bands ascend from 0, ...
Result<void> validate_instrument(const Instrument& in);

struct ScaleScore {
  std::string scale;
  double score = 0;  // 0-100
  std::string band;
  bool lowest_band = false;
};

// Scores answers (one per item, in item order). Errors name "answers".
Result<std::vector<ScaleScore>> score(const Instrument& in, const std::vector<int>& answers);
// Parses "1,2,3,...".
Result<std::vector<int>> parse_answers(std::string_view text, std::string_view field = "answers");

inline constexpr double kMeaningfulChange = 10.0;
// True when a score moved by 10 points or more.
inline bool meaningful_change(double before, double after) {
  // A small tolerance: scores are means mapped to 0-100 and carry rounding error.
  return after - before >= kMeaningfulChange - 1e-9 || before - after >= kMeaningfulChange - 1e-9;
}

struct Assessment {
  Id id = 0;
  Id person_id = 0;
  std::string instrument_id;
  std::string instrument_version;
  Date date;
  std::vector<int> answers;
  std::vector<ScaleScore> scores;
  Instant created_at = 0;
};

}  // namespace headway::core
