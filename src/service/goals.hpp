#pragma once
// Goals: WOOP plans, staging, completions and habit strength.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/habit.hpp"
#include "core/stage.hpp"
#include "service/context.hpp"

namespace headway::service {

struct GoalInput {
  std::string title;
  std::vector<std::string> values;  // ids or names; at least one
  std::string wish, outcome, obstacle, if_cue, then_action;
  std::optional<std::string> barrier;
  std::string frequency = "daily";
  std::optional<Id> boundary_id;
  std::optional<std::string> answer;  // staging answer, optional at creation
};

inline constexpr size_t kStrengthTrendDays = 90;

struct GoalView {
  core::Goal goal;
  std::vector<std::string> value_names;
  std::string boundary;                      // description of the linked boundary
  std::vector<core::StageEntry> stages;      // oldest first
  std::optional<core::Stage> stage;          // current, empty until staged
  bool restage_due = false;
  double strength = 0;                       // 0-100 today
  core::Streaks streaks;
  int completions = 0;                       // all time
  std::vector<core::Completion> recent;      // the last 28 days
  std::vector<std::pair<Date, double>> strength_trend;  // 0-100 each day, the last kStrengthTrendDays
  Date today;
};

Result<GoalView> add_goal(Context& ctx, const Actor& actor, const GoalInput& in);
Result<GoalView> show_goal(Context& ctx, const Actor& actor, Id id);
Result<std::vector<GoalView>> list_goals(Context& ctx, const Actor& actor);
struct DoneResult {
  bool added = false;  // false when that day was already done
  GoalView view;
};
// Records a manual completion.
Result<DoneResult> goal_done(Context& ctx, const Actor& actor, Id id, const std::optional<std::string>& date);
Result<GoalView> stage_goal(Context& ctx, const Actor& actor, Id id, const std::string& answer,
                            const std::optional<std::string>& date);
// Records a slip: an action or maintenance goal recycles to preparation, history kept.
Result<GoalView> slip_goal(Context& ctx, const Actor& actor, Id id, const std::optional<std::string>& date,
                           const std::string& note);
Result<void> archive_goal(Context& ctx, const Actor& actor, Id id);

// All completion days of a goal up to `to` (and from `from`, when given): manual ones and days
// its linked boundary was kept.
Result<std::vector<Date>> completion_days(store::Transaction& tx, const core::Person& person, const core::Zone& zone,
                                          const core::Goal& goal, Date to, std::optional<Date> from = std::nullopt);
// Recycles goals that slipped (no completions for too long while in action or maintenance).
// Returns the goals that were recycled.
Result<std::vector<Id>> recycle_slipped_goals(store::Transaction& tx, const core::Person& person,
                                              const core::Zone& zone, Date today);
// Recycles slipped goals once per person and local day: the gap that makes a slip only grows as
// days pass, and check-ins and completions close gaps. (Removing a completion or a boundary can
// open one; that slip is found on the next day's check.) The day is stored, so every app node
// shares it.
Result<std::vector<Id>> recycle_slipped_goals_daily(store::Transaction& tx, const core::Person& person,
                                                    const core::Zone& zone, Date today);
// Builds the full view of one goal inside an open transaction.
Result<GoalView> goal_view(store::Transaction& tx, const core::Person& person, const core::Zone& zone,
                           const core::Goal& goal, Date today);

}  // namespace headway::service
