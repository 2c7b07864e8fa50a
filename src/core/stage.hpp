#pragma once
// Stage of change (transtheoretical model), staged per goal with its history kept.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/goal.hpp"

namespace headway::core {

enum class Stage { precontemplation, contemplation, preparation, action, maintenance };
inline constexpr std::array<const char*, 5> kStageNames{"precontemplation", "contemplation", "preparation",
                                                        "action", "maintenance"};
inline const char* to_string(Stage s) { return kStageNames[static_cast<size_t>(s)]; }
Result<Stage> parse_stage(std::string_view text, std::string_view field = "stage");

// The one staging question's answers.
enum class StagingAnswer {
  not_intending,
  within_6_months,
  within_30_days,
  doing_less_than_6_months,
  doing_more_than_6_months
};
inline constexpr std::array<const char*, 5> kAnswerNames{"not-intending", "within-6-months", "within-30-days",
                                                         "doing-less-than-6-months", "doing-more-than-6-months"};
inline const char* to_string(StagingAnswer a) { return kAnswerNames[static_cast<size_t>(a)]; }
Result<StagingAnswer> parse_staging_answer(std::string_view text, std::string_view field = "answer");

// The stage an answer places a goal in.
Stage stage_for(StagingAnswer a);

enum class StageReason { answered, recycled };
inline const char* to_string(StageReason r) { return r == StageReason::answered ? "answered" : "recycled"; }

struct StageEntry {
  Id id = 0;
  Id goal_id = 0;
  Stage stage = Stage::contemplation;
  std::optional<StagingAnswer> answer;  // empty when recycled
  StageReason reason = StageReason::answered;
  Date date;
  std::string note;
};

inline constexpr int kRestageDays = 30;
// True when the last staging is 30 or more days old.
bool restage_due(Date last_staged, Date today);

// A slip is a run of missed repetitions while in action or maintenance: no completion for
// max(7, ceil(3/f)) days, all of them after the stage was entered. Returns the day the run
// reached that length, if it did on or before `today`.
std::optional<Date> detect_slip(Stage current, Date stage_since, Frequency freq,
                                const std::vector<Date>& completion_dates_sorted, Date today);
// Days without a completion that count as a slip for this frequency.
int slip_gap_days(Frequency freq);

// What the person should see for a stage: the kind of content matched to it.
const char* stage_guidance(Stage s);

}  // namespace headway::core
