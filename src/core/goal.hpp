#pragma once
// Goals written as WOOP (wish, outcome, obstacle, plan) with an if-then plan.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/person.hpp"

namespace headway::core {

enum class Barrier { workplace_expectations, mental_load, lack_of_support, unclear_goals, systemic };
inline constexpr std::array<const char*, 5> kBarrierNames{"workplace-expectations", "mental-load",
                                                          "lack-of-support", "unclear-goals", "systemic"};
inline constexpr std::array<const char*, 5> kBarrierTitles{
    "Workplace expectations", "Emotional and mental load", "Lack of support", "Unclear goals and values",
    "Systemic barriers"};
Result<Barrier> parse_barrier(std::string_view text, std::string_view field = "barrier");
inline const char* to_string(Barrier b) { return kBarrierNames[static_cast<size_t>(b)]; }

// Target frequency: "daily" or "Nx/week" (N = 1..7).
struct Frequency {
  int times = 1;
  bool weekly = false;  // false: per day
  // Target repetitions per day, the f of the habit-strength formula.
  double per_day() const { return weekly ? times / 7.0 : static_cast<double>(times); }
  bool operator==(const Frequency&) const = default;
};
Result<Frequency> parse_frequency(std::string_view text, std::string_view field = "frequency");
std::string to_string(Frequency f);

struct Goal {
  Id id = 0;
  Id person_id = 0;
  std::string title;
  std::string wish;
  std::string outcome;
  std::string obstacle;
  std::optional<Barrier> barrier;
  std::string if_cue;       // "If it is 17:30 and I am still at my desk,"
  std::string then_action;  // "then I write tomorrow's first task and close the laptop."
  Frequency frequency;
  std::optional<Id> boundary_id;  // a kept day of this boundary counts as a completion
  std::vector<Id> value_ids;      // at least one
  Date start_date;                // local day the goal was set
  bool archived = false;
  Instant created_at = 0;
};

// Checks the WOOP text fields of a goal; the error names the field.
Result<void> validate_goal(const Goal& g);

enum class CompletionSource { manual, boundary };
struct Completion {
  Id goal_id = 0;
  Date date;
  CompletionSource source = CompletionSource::manual;
};
inline const char* to_string(CompletionSource s) { return s == CompletionSource::manual ? "manual" : "boundary"; }

}  // namespace headway::core
