#pragma once
// Assessments with data-defined instruments, and strategy suggestions.
#include <optional>
#include <string>
#include <vector>

#include "core/instrument.hpp"
#include "core/strategy.hpp"
#include "service/context.hpp"

namespace headway::service {

Result<std::vector<core::Instrument>> instruments(Context& ctx);
Result<core::Instrument> find_instrument(Context& ctx, const std::string& id);

struct ScaleChange {
  std::string scale;
  double before = 0;
  double after = 0;
  bool meaningful = false;  // 10 points or more
};

struct AssessmentResult {
  core::Assessment assessment;
  core::Instrument instrument;
  std::vector<ScaleChange> changes;  // against the previous assessment with this instrument
  bool show_support = false;         // a wellbeing scale is in its lowest band
};

Result<AssessmentResult> assess(Context& ctx, const Actor& actor, const std::string& instrument,
                                const std::vector<int>& answers, const std::optional<std::string>& date);
Result<std::vector<core::Assessment>> assessment_history(Context& ctx, const Actor& actor,
                                                         const std::optional<std::string>& instrument);

// Strategies ranked for the actor's barrier profile and goal stages.
Result<std::vector<core::Suggestion>> suggest_strategies(Context& ctx, const Actor& actor, size_t limit);

}  // namespace headway::service
