// JSON forms of the Daylio and Loop import plans (`--format json` and the API).
#include <nlohmann/json.hpp>

#include "service/migrate.hpp"

namespace headway::service {

using nlohmann::json;

namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(core::to_string(*d)) : json(nullptr); }

}  // namespace

json to_json(const DaylioPlan& p) {
  json moods = json::array();
  for (const auto& m : p.moods)
    moods.push_back({{"mood", m.mood}, {"stress", m.score.stress}, {"energy", m.score.energy}, {"custom", m.custom},
                     {"entries", m.entries}});
  json days = json::array();
  for (const auto& d : p.days)
    days.push_back({{"date", core::to_string(d.draft.date)},
                    {"stress", d.draft.stress},
                    {"energy", d.draft.energy},
                    {"note", d.draft.note},
                    {"entries", d.draft.entries},
                    {"action", to_string(d.action)}});
  json goals = json::array();
  for (const auto& g : p.goals)
    goals.push_back({{"goal_id", g.goal_id}, {"title", g.title}, {"activities", g.activities}, {"added", g.added},
                     {"existing", g.existing}});
  return {{"committed", p.committed},
          {"entries", p.entries},
          {"from", date_or_null(p.from)},
          {"to", date_or_null(p.to)},
          {"moods", moods},
          {"checkins", {{"new", p.added}, {"skipped", p.skipped}, {"overwritten", p.overwritten}, {"unchanged", p.unchanged}}},
          {"days", days},
          {"goals", goals},
          {"unmapped_activities", p.unmapped_activities}};
}

json to_json(const LoopPlan& p) {
  json habits = json::array();
  for (const auto& g : p.goals) {
    json stage = nullptr, stage_note = nullptr;
    if (g.stage) {
      stage = core::to_string(g.stage->stage);
      stage_note = g.stage->note;
    }
    habits.push_back({{"habit", g.habit.name},
                      {"loop_frequency", std::to_string(g.habit.numerator) + "/" + std::to_string(g.habit.denominator)},
                      {"frequency", core::to_string(g.goal.frequency)},
                      {"approximate", g.habit.approximate},
                      {"numerical", g.habit.numerical},
                      {"archived", g.goal.archived},
                      {"goal", g.exists ? "existing" : "new"},
                      {"goal_id", g.goal.id > 0 ? json(g.goal.id) : json(nullptr)},
                      {"title", g.goal.title},
                      {"start_date", core::to_string(g.goal.start_date)},
                      {"start_moved", g.start_moved},
                      {"stage", stage},
                      {"stage_note", stage_note},
                      {"checks", g.checks},
                      {"first_check", date_or_null(g.first_check)},
                      {"last_check", date_or_null(g.last_check)},
                      {"added", g.added},
                      {"existing", g.existing}});
  }
  return {{"committed", p.committed},         {"values", p.value_names}, {"new_goals", p.new_goals},
          {"existing_goals", p.existing_goals}, {"added", p.added},        {"existing", p.existing},
          {"habits", habits}};
}

}  // namespace headway::service
