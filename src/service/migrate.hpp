#pragma once
// Moving over from other tools: Daylio's moods and activities become check-ins and goal
// completions, Loop Habit Tracker's habits and checkmarks become goals and completions.
// Each has a preview, which works out exactly what would be written and writes nothing, and a
// commit, which works it out again inside one write transaction and writes it (any error: nothing).
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/stage.hpp"
#include "ingest/daylio.hpp"
#include "ingest/loop.hpp"
#include "service/context.hpp"

namespace headway::service {

// --- Daylio -------------------------------------------------------------------------------------

struct DaylioOptions {
  std::vector<std::string> moods;  // "NAME=LEVEL": anxious=bad, tired=3/1
  std::vector<std::string> goals;  // "ACTIVITY=GOAL_ID": exercise=3
  bool overwrite = false;          // replace stress, energy and note of existing check-ins
};

// What happens to one date's check-in.
enum class DaylioAction {
  add,        // no check-in that day: a new one (a day off with Daylio's mood and note)
  skip,       // a check-in exists and differs; kept as it is (no --overwrite)
  overwrite,  // a check-in exists and differs; its stress, energy and note are replaced
  unchanged   // a check-in exists and already holds Daylio's values
};
const char* to_string(DaylioAction a);

struct DaylioMoodUse {
  std::string mood;  // as first seen in the file
  ingest::MoodScore score;
  bool custom = false;  // from --mood, not one of Daylio's five
  int entries = 0;
};

struct DaylioDay {
  ingest::CheckInDraft draft;
  DaylioAction action = DaylioAction::add;
};

struct DaylioGoalCount {
  Id goal_id = 0;
  std::string title;
  std::vector<std::string> activities;  // the mapped activity names, as given
  int added = 0;                        // new completions
  int existing = 0;                     // days the goal was already done
};

struct DaylioPlan {
  int entries = 0;
  std::optional<Date> from, to;  // the entries' first and last date
  std::vector<DaylioMoodUse> moods;  // by score (calmest first), then name
  std::vector<DaylioDay> days;       // by date
  int added = 0, skipped = 0, overwritten = 0, unchanged = 0;
  std::vector<DaylioGoalCount> goals;  // in --goal order, one per goal
  std::vector<core::Completion> completions;  // the completions that will be added
  std::vector<std::string> unmapped_activities;
  bool committed = false;
};

// Reads a Daylio CSV export and works out what an import would write, writing nothing.
Result<DaylioPlan> preview_daylio(Context& ctx, const Actor& actor, std::istream& in, const DaylioOptions& options);
// The same, then writes it in one transaction.
Result<DaylioPlan> import_daylio(Context& ctx, const Actor& actor, std::istream& in, const DaylioOptions& options);

// --- Loop Habit Tracker -------------------------------------------------------------------------

struct LoopOptions {
  // Values (ids or names) new goals link to; default: the person's top-ranked value.
  std::vector<std::string> values;
};

// What the obstacle of a goal made from a habit says, so the person knows the plan is unwritten.
inline constexpr const char* kLoopObstacle =
    "Imported from Loop Habit Tracker: the obstacle and the if-then plan are still to be written.";
// Doing a habit this long (a run of completions without a slip) is maintenance, not action.
inline constexpr int kMaintenanceDays = 183;

struct LoopGoalPlan {
  ingest::LoopHabit habit;
  bool exists = false;  // a goal with the habit's title (ignoring case) was there already
  core::Goal goal;      // the existing goal, or the new one (id 0 until written)
  std::optional<core::StageEntry> stage;  // the new goal's first stage, when its history says one
  int checks = 0;                         // manual checkmarks (completions) in the export
  std::optional<Date> first_check, last_check;
  int added = 0;          // completions not stored yet
  int existing = 0;       // already stored
  bool start_moved = false;  // an existing goal's start date moves back to its first completion
  std::vector<Date> new_dates;
};

struct LoopPlan {
  std::vector<std::string> value_names;  // what new goals link to
  std::vector<LoopGoalPlan> goals;       // in Habits.csv order
  int new_goals = 0, existing_goals = 0, added = 0, existing = 0;
  bool committed = false;
};

// Works out what importing an unzipped Loop export would write, writing nothing.
Result<LoopPlan> preview_loop(Context& ctx, const Actor& actor, const ingest::LoopExport& data, const LoopOptions& options);
// The same, then writes it in one transaction.
Result<LoopPlan> import_loop(Context& ctx, const Actor& actor, const ingest::LoopExport& data, const LoopOptions& options);

// The stage a habit's history puts a new goal in, as of `today`: none without completions;
// action or maintenance (by how long the current run of completions has lasted) while it runs;
// recycled to preparation once it slipped (core::detect_slip).
std::optional<core::StageEntry> loop_stage(core::Frequency f, const std::vector<Date>& done_sorted, Date today);

nlohmann::json to_json(const DaylioPlan& p);
nlohmann::json to_json(const LoopPlan& p);

}  // namespace headway::service
