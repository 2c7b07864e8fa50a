#pragma once
// Imports Daylio's CSV export (full_date,date,weekday,time,mood,activities,note_title,note) and
// turns its entries into check-in drafts and goal completions.
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/goal.hpp"
#include "ingest/csv.hpp"

namespace headway::ingest {

struct DaylioEntry {
  int line = 0;  // where the entry's record starts
  core::Date date;
  core::TimeOfDay time;
  std::string mood;                     // as exported, trimmed
  std::vector<std::string> activities;  // split on "|", trimmed, empty ones dropped
  std::string note;                     // note_title and note, a blank line between when both are set
  bool operator==(const DaylioEntry&) const = default;
};

// Reads every entry in file order (Daylio writes the newest first). Dates must be YYYY-MM-DD
// (full_date); times may be "18:52" or "6:52 pm". Errors name the line.
Result<std::vector<DaylioEntry>> read_daylio(std::istream& in, const CsvLimits& limits = {});

// A mood on Headway's check-in scales (1-5 each).
struct MoodScore {
  int stress = 3;
  int energy = 3;
  bool operator==(const MoodScore&) const = default;
};
// Mood name (lower case) to scores.
using MoodMap = std::map<std::string, MoodScore>;

// Daylio's five built-in moods: rad 1/5, good 2/4, meh 3/3, bad 4/2, awful 5/1 (stress/energy).
const MoodMap& default_moods();

// The scores of `mood`: `custom` first, then the built-in five; names match trimmed and ignoring
// ASCII case. An unknown mood is an `invalid` error on "mood".
Result<MoodScore> mood_scores(std::string_view mood, const MoodMap& custom = {});

// Parses one user mapping "NAME=LEVEL", LEVEL a built-in mood ("anxious=bad") or "S/E" with
// stress and energy 1-5 ("tired=3/1"). The error names "mood_map".
Result<std::pair<std::string, MoodScore>> parse_mood_mapping(std::string_view spec);

// One day's check-in values from its entries.
struct CheckInDraft {
  core::Date date;
  int stress = 3;
  int energy = 3;
  std::string note;  // the entries' notes in time order, cut with "..." to kDaylioNoteBytes
  int entries = 0;
  bool operator==(const CheckInDraft&) const = default;
};
inline constexpr size_t kDaylioNoteBytes = 2000;

struct DaylioPlan {
  std::vector<CheckInDraft> checkins;         // one per date, by date
  std::vector<core::Completion> completions;  // one per goal and date, by date then goal
  std::vector<std::string> unmapped_activities;  // activities no goal was chosen for, sorted
};

// Combines entries per date: stress and energy are the means of the entries' scores, rounded to
// the nearest whole number with halves going toward the neutral 3 (a day of "rad" and "meh" is
// stress 2, energy 4; of "good" and "meh" it is 3/3 ... see docs/ARCHITECTURE.md). An entry with
// an activity the user mapped to a goal (`activity_goals`, keys matched ignoring ASCII case) gives
// that goal a manual completion on its date. An unknown mood is an error naming the entry's line.
Result<DaylioPlan> plan_daylio(const std::vector<DaylioEntry>& entries, const MoodMap& custom_moods,
                               const std::map<std::string, core::Id>& activity_goals);

}  // namespace headway::ingest
