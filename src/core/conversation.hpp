#pragma once
// The conversation planner: a prepared boundary conversation with a manager, seeded from the
// person's goal, boundaries and imported evidence, and the coach comments on it.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundary.hpp"
#include "core/goal.hpp"
#include "core/person.hpp"
#include "core/signals.hpp"

namespace headway::core {

struct Objection {
  std::string objection;  // "Clients expect answers in the evening."
  std::string answer;
  bool operator==(const Objection&) const = default;
};

struct ConversationPlan {
  Id id = 0;
  Id person_id = 0;
  std::optional<Id> goal_id;
  std::string title;  // e.g. "Ending my day at 17:30"
  std::string situation, need, proposal, trial_period, offer, fallback;
  std::vector<Objection> objections;
  Instant created_at = 0, updated_at = 0;
};

struct PlanComment {
  Id id = 0;
  Id plan_id = 0;
  Id author_person = 0;
  std::string author_name;
  std::string text;
  Instant created_at = 0;
};

inline constexpr size_t kPlanFieldBytes = 4000, kPlanTitleBytes = 200, kMaxObjections = 12, kCommentBytes = 2000;
inline constexpr size_t kObjectionBytes = 1000;  // each objection and each answer

// Checks a plan; the error names the field ("situation", "objections[2].answer"). The title is
// required and one line; every other field may be empty while the plan is a draft. An objection
// row needs its objection text; its answer may still be empty.
Result<void> validate_plan(const ConversationPlan& plan);
// Checks a coach comment: not empty after trimming, at most kCommentBytes, field "text".
Result<void> validate_comment(std::string_view text);

// What the evidence says over a window of days (the caller passes the last 4 weeks of signals).
// Days nothing is known about (neither has_calendar nor has_activity) are skipped altogether.
struct PlanEvidence {
  int days = 0;                         // days with calendar or activity coverage
  int after_hours_meetings = 0;         // DAYS with meeting time outside working hours (signals
                                        // hold no per-meeting count, so two evening meetings on
                                        // one day count once)
  int after_hours_meeting_minutes = 0;  // total meeting minutes outside working hours
  int days_worked_late = 0;             // working days whose last activity ended after work_hours.to
  int weekend_days_worked = 0;          // Saturdays and Sundays with any work
  int avg_work_minutes = 0;             // mean work minutes over the days with any work, rounded
  int longest_focus_avg = 0;            // mean longest focus block over working days with calendar
                                        // coverage (a day without a 60-minute block counts as 0), rounded
  int window_days = 0;                  // how many days were passed in, covered or not
};

// Sums DailySignals into PlanEvidence by the rules above; working days and the end of the day
// come from person.work_hours.
PlanEvidence summarize_evidence(std::span<const DailySignals> days, const Person& person);

// A first draft from what Headway knows: the goal's WOOP text and barrier, the active boundaries
// (the goal's own boundary first) and the evidence. Calm first-person sentences; the rules are
// described in docs/ARCHITECTURE.md ("Conversation planner"). goal may be null. The result passes
// validate_plan; id and timestamps are left 0.
ConversationPlan seed_plan(const Person& person, const Goal* goal, std::span<const Boundary> boundaries,
                           const PlanEvidence& ev);

}  // namespace headway::core
