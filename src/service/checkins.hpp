#pragma once
// Daily check-ins, wins and the weekly values reflection.
#include <optional>
#include <string>
#include <vector>

#include "core/checkin.hpp"
#include "core/evaluator.hpp"
#include "core/win.hpp"
#include "service/context.hpp"

namespace headway::service {

struct CheckinInput {
  std::optional<std::string> date;
  std::optional<std::string> start, end;
  bool off = false;
  int stress = 0;
  int energy = 0;
  std::optional<int> after_hours, break_minutes;
  bool progress = false;
  bool setback = false;
  std::string note;
};

struct CheckinResult {
  core::CheckIn checkin;
  bool updated = false;           // an existing check-in for the day was replaced
  std::vector<Id> recycled_goals; // goals that went back to preparation after a slip
  std::vector<core::Evaluation> boundaries;  // the day's boundary statuses after this check-in
};

// Upserts the check-in for the local day.
Result<CheckinResult> checkin(Context& ctx, const Actor& actor, const CheckinInput& in);
Result<std::vector<core::CheckIn>> list_checkins(Context& ctx, const Actor& actor, const std::optional<std::string>& from,
                                                 const std::optional<std::string>& to);

struct WinInput {
  std::string text;
  std::optional<Id> goal_id;
  std::optional<std::string> value;
  std::string size = "small";
  std::optional<std::string> date;
};
Result<core::Win> add_win(Context& ctx, const Actor& actor, const WinInput& in);
Result<std::vector<core::Win>> list_wins(Context& ctx, const Actor& actor, const std::optional<std::string>& from,
                                         const std::optional<std::string>& to);
Result<core::Win> get_win(Context& ctx, const Actor& actor, Id id);
Result<void> delete_win(Context& ctx, const Actor& actor, Id id);
// The check-in of one local day; not_found when there is none.
Result<core::CheckIn> get_checkin(Context& ctx, const Actor& actor, const std::string& date);

// Records the weekly values reflection for the ISO week holding `date`.
Result<core::Reflection> reflect(Context& ctx, const Actor& actor, int score, const std::optional<std::string>& date,
                                 const std::string& note);
// Reflections of the weeks in a range (default: the last 12 weeks).
Result<std::vector<core::Reflection>> list_reflections(Context& ctx, const Actor& actor,
                                                       const std::optional<std::string>& from,
                                                       const std::optional<std::string>& to);

}  // namespace headway::service
