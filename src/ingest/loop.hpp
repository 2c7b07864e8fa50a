#pragma once
// Imports Loop Habit Tracker's CSV export: the zip's Habits.csv and Checkmarks.csv, unzipped.
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/goal.hpp"
#include "ingest/csv.hpp"

namespace headway::ingest {

struct LoopHabit {
  std::string name;
  std::string question;
  std::string description;
  int numerator = 1;    // repetitions ...
  int denominator = 1;  // ... per this many days: 1/1 daily, 3/7 three times a week
  core::Frequency frequency;  // Headway's nearest: daily or Nx/week
  bool approximate = false;   // frequency rounds Loop's (e.g. 1/2, every other day, as 4x/week)
  bool numerical = false;     // a measurable habit (Type NUMERICAL): done means a value above 0
  bool archived = false;
  bool operator==(const LoopHabit&) const = default;
};

// One known day of one habit. Loop writes 2 for a manual check (YES_MANUAL); 1 (YES_AUTO, a day
// the frequency let pass), 0 (NO) and 3 / -3 (SKIP) are not completions. Unknown days (-1) are
// left out.
struct LoopCheckmark {
  core::Date date;
  std::string habit;
  bool done = false;
  bool operator==(const LoopCheckmark&) const = default;
};

struct LoopExport {
  std::vector<LoopHabit> habits;           // in Habits.csv order
  std::vector<LoopCheckmark> checkmarks;   // by date, then habit order
};

// Headway's frequency for Loop's numerator/denominator: 1/1 daily, n/7 n x/week (7/7 daily),
// anything else the nearest weekly count, clamped to 1..7, with `approximate` set.
core::Frequency loop_frequency(int numerator, int denominator, bool& approximate);

// Parses the two files. Columns are found by name, so both the old header
// (Position,Name,Question,Description,NumRepetitions,Interval,Color) and the current one
// (...,Type,...,FrequencyNumerator,FrequencyDenominator,...,Archived?) work. Errors name the file
// (`habits_name`, `checkmarks_name`) and the line.
Result<LoopExport> read_loop(std::istream& habits, std::istream& checkmarks, const std::string& habits_name = "Habits.csv",
                             const std::string& checkmarks_name = "Checkmarks.csv", const CsvLimits& limits = {});

// Reads DIR/Habits.csv and DIR/Checkmarks.csv from an unzipped export.
Result<LoopExport> read_loop_dir(const std::filesystem::path& dir, const CsvLimits& limits = {});

}  // namespace headway::ingest
