#include "ingest/loop.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

#include "ingest/import_common.hpp"

namespace headway::ingest {

namespace {

// Prefixes a CSV error with the file's name: "Habits.csv line 3: ...".
Error in_file(Error e, const std::string& file) {
  e.message = file + " " + e.message;
  e.field = file + " " + e.field;
  return e;
}

bool parse_int(std::string_view s, long& out) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

bool parse_number(std::string_view s, double& out) {
  s = trim(s);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty() && std::isfinite(out);
}

Result<std::vector<LoopHabit>> read_habits(std::istream& in, const CsvLimits& limits) {
  CsvReader csv(in, limits);
  std::vector<std::string> header, row;
  if (!HW_TRY(csv.next(header))) return csv_error(1, "the file is empty: expected Loop's Habits.csv header");
  const int hl = csv.line();
  const int name = csv_column(header, "Name"), question = csv_column(header, "Question"),
            description = csv_column(header, "Description"), type = csv_column(header, "Type"),
            archived = csv_column(header, "Archived?");
  int num = csv_column(header, "FrequencyNumerator"), den = csv_column(header, "FrequencyDenominator");
  if (num < 0) num = csv_column(header, "NumRepetitions");
  if (den < 0) den = csv_column(header, "Interval");
  if (name < 0) return csv_error(hl, "no \"Name\" column: not Loop's Habits.csv");
  if (num < 0 || den < 0)
    return csv_error(hl, "no FrequencyNumerator/FrequencyDenominator (or NumRepetitions/Interval) columns");
  std::vector<LoopHabit> out;
  while (HW_TRY(csv.next(row))) {
    const int line = csv.line();
    if (row.size() != header.size())
      return csv_error(line, std::to_string(row.size()) + " fields where the header has " + std::to_string(header.size()));
    LoopHabit h;
    h.name = std::string(trim(row[name]));
    if (h.name.empty()) return csv_error(line, "a habit without a name");
    for (const LoopHabit& other : out)
      if (other.name == h.name) return csv_error(line, "two habits are named \"" + clip(h.name, 60) + "\"");
    if (question >= 0) h.question = std::string(trim(row[question]));
    if (description >= 0) h.description = std::string(trim(row[description]));
    long n = 0, d = 0;
    if (!parse_int(row[num], n) || !parse_int(row[den], d) || n < 1 || d < 1 || n > 1000 || d > 1000 || n > d * 100)
      return csv_error(line, "frequency \"" + clip(row[num], 10) + "/" + clip(row[den], 10) +
                                 "\" is not a count of repetitions per days (like 3/7)");
    h.numerator = static_cast<int>(n);
    h.denominator = static_cast<int>(d);
    h.frequency = loop_frequency(h.numerator, h.denominator, h.approximate);
    h.numerical = type >= 0 && trim(row[type]) == "NUMERICAL";
    h.archived = archived >= 0 && trim(row[archived]) == "true";
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<LoopCheckmark>> read_checkmarks(std::istream& in, const std::vector<LoopHabit>& habits,
                                                   const CsvLimits& limits) {
  CsvReader csv(in, limits);
  std::vector<std::string> header, row;
  if (!HW_TRY(csv.next(header))) return csv_error(1, "the file is empty: expected Loop's Checkmarks.csv header");
  const int hl = csv.line();
  // Loop ends every line with a comma, so the last field is empty: not a habit.
  const bool trailing = !header.empty() && header.back().empty();
  if (trailing) header.pop_back();
  if (header.empty() || trim(header[0]) != "Date") return csv_error(hl, "the first column is not \"Date\"");
  std::vector<const LoopHabit*> columns;
  for (size_t i = 1; i < header.size(); ++i) {
    const std::string_view name = trim(header[i]);
    auto it = std::find_if(habits.begin(), habits.end(), [&](const LoopHabit& h) { return h.name == name; });
    if (it == habits.end())
      return csv_error(hl, "column \"" + clip(name, 60) +
                               "\" is no habit in Habits.csv (Loop does not quote habit names here, so a comma in a "
                               "name splits its column)");
    columns.push_back(&*it);
  }
  std::vector<std::pair<core::Date, std::vector<LoopCheckmark>>> days;
  while (HW_TRY(csv.next(row))) {
    const int line = csv.line();
    if (trailing && row.size() == header.size() + 1 && trim(row.back()).empty()) row.pop_back();
    if (row.size() != header.size())
      return csv_error(line, std::to_string(row.size()) + " fields where the header has " + std::to_string(header.size()));
    const auto date = core::parse_date(trim(row[0]), "Date");
    if (!date) return csv_error(line, "Date \"" + clip(row[0], 20) + "\" is not a date (YYYY-MM-DD)");
    if (!days.empty() && days.back().first == *date) return csv_error(line, "the date " + to_string(*date) + " twice");
    std::vector<LoopCheckmark> marks;
    for (size_t i = 1; i < row.size(); ++i) {
      const LoopHabit& h = *columns[i - 1];
      const std::string_view text = trim(row[i]);
      if (text.empty()) continue;
      bool done = false;
      long code = 0;
      if (parse_int(text, code) && (code == -1 || code == 0 || code == 1 || code == 2 || code == 3 || code == -3)) {
        if (code == -1) continue;
        done = h.numerical ? code > 0 : code == 2;
      } else if (double v = 0; h.numerical && parse_number(text, v)) {
        done = v > 0;
      } else {
        return csv_error(line, "\"" + clip(text, 20) + "\" for \"" + clip(h.name, 60) +
                                   "\" is not a checkmark (2 done, 0 not done, -1 unknown)");
      }
      marks.push_back(LoopCheckmark{*date, h.name, done});
    }
    days.emplace_back(*date, std::move(marks));
  }
  std::stable_sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 1; i < days.size(); ++i)
    if (days[i].first == days[i - 1].first) return csv_error(hl, "the date " + to_string(days[i].first) + " twice");
  std::vector<LoopCheckmark> out;
  for (auto& [date, marks] : days)
    for (LoopCheckmark& m : marks) out.push_back(std::move(m));
  return out;
}

}  // namespace

core::Frequency loop_frequency(int numerator, int denominator, bool& approximate) {
  approximate = false;
  if (numerator == denominator) return core::Frequency{1, false};
  if (denominator == 7 && numerator >= 1 && numerator <= 7) return core::Frequency{numerator, true};
  const double per_week = 7.0 * numerator / denominator;
  approximate = true;
  if (per_week >= 7.0) return core::Frequency{1, false};
  const int times = std::clamp(static_cast<int>(std::lround(per_week)), 1, 7);
  return times == 7 ? core::Frequency{1, false} : core::Frequency{times, true};
}

Result<LoopExport> read_loop(std::istream& habits, std::istream& checkmarks, const std::string& habits_name,
                             const std::string& checkmarks_name, const CsvLimits& limits) {
  LoopExport out;
  auto h = read_habits(habits, limits);
  if (!h) return tl::unexpected(in_file(std::move(h.error()), habits_name));
  out.habits = std::move(*h);
  auto c = read_checkmarks(checkmarks, out.habits, limits);
  if (!c) return tl::unexpected(in_file(std::move(c.error()), checkmarks_name));
  out.checkmarks = std::move(*c);
  return out;
}

Result<LoopExport> read_loop_dir(const std::filesystem::path& dir, const CsvLimits& limits) {
  const std::filesystem::path hp = dir / "Habits.csv", cp = dir / "Checkmarks.csv";
  std::ifstream hf(hp, std::ios::binary), cf(cp, std::ios::binary);
  if (!hf) return not_found("cannot read " + hp.string() + ": unzip Loop's export and name its folder");
  if (!cf) return not_found("cannot read " + cp.string() + ": unzip Loop's export and name its folder");
  return read_loop(hf, cf, "Habits.csv", "Checkmarks.csv", limits);
}

}  // namespace headway::ingest
