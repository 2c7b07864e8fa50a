#include "core/stage.hpp"

#include <algorithm>
#include <cmath>

#include "core/names.hpp"

namespace headway::core {

Result<Stage> parse_stage(std::string_view text, std::string_view field) {
  return parse_enum<Stage>(text, field, kStageNames);
}

Result<StagingAnswer> parse_staging_answer(std::string_view text, std::string_view field) {
  return parse_enum<StagingAnswer>(text, field, kAnswerNames);
}

Stage stage_for(StagingAnswer a) {
  switch (a) {
    case StagingAnswer::not_intending: return Stage::precontemplation;
    case StagingAnswer::within_6_months: return Stage::contemplation;
    case StagingAnswer::within_30_days: return Stage::preparation;
    case StagingAnswer::doing_less_than_6_months: return Stage::action;
    case StagingAnswer::doing_more_than_6_months: return Stage::maintenance;
  }
  return Stage::contemplation;
}

bool restage_due(Date last_staged, Date today) { return days_between(last_staged, today) >= kRestageDays; }

int slip_gap_days(Frequency freq) {
  return std::max(7, static_cast<int>(std::ceil(3.0 / freq.per_day() - 1e-9)));
}

std::optional<Date> detect_slip(Stage current, Date stage_since, Frequency freq,
                                const std::vector<Date>& done, Date today) {
  if (current != Stage::action && current != Stage::maintenance) return std::nullopt;
  const int gap = slip_gap_days(freq);
  // Walk the days since the stage began; a run of `gap` empty days is a slip.
  Date run_start = stage_since;
  auto it = std::lower_bound(done.begin(), done.end(), stage_since);
  for (;;) {
    const Date next_done = it == done.end() ? add_days(today, 1) : *it;
    const Date slip_day = add_days(run_start, gap - 1);
    if (slip_day < next_done && slip_day <= today) return slip_day;
    if (it == done.end()) return std::nullopt;
    run_start = add_days(*it, 1);
    ++it;
  }
}

const char* stage_guidance(Stage s) {
  switch (s) {
    case Stage::precontemplation:
      return "Weigh the pros and cons, and look at which of your values this touches.";
    case Stage::contemplation:
      return "List what you would gain and lose, and link the goal to your top values.";
    case Stage::preparation:
      return "Write the if-then plan: a cue you will notice and the action you will take.";
    case Stage::action:
      return "Track each repetition; plan what you will do after a slip.";
    case Stage::maintenance:
      return "Keep tracking lightly and rehearse your relapse plan for busy weeks.";
  }
  return "";
}

}  // namespace headway::core
