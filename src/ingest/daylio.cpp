#include "ingest/daylio.hpp"

#include <algorithm>
#include <set>

#include "ingest/import_common.hpp"

namespace headway::ingest {

namespace {

std::string lower(std::string_view s) {
  std::string out(trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "18:52", "6:52 pm", "12:05 AM".
Result<core::TimeOfDay> parse_daylio_time(std::string_view text, int line) {
  std::string_view t = trim(text);
  int half = 0;  // 0: 24-hour clock; 1: am; 2: pm
  if (t.size() > 2) {
    const std::string suffix = lower(t.substr(t.size() - 2));
    if (suffix == "am" || suffix == "pm") {
      half = suffix == "am" ? 1 : 2;
      t = trim(t.substr(0, t.size() - 2));
    }
  }
  const size_t colon = t.find(':');
  auto number = [](std::string_view s, int& out) {
    if (s.empty() || s.size() > 2) return false;
    out = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  int h = 0, m = 0;
  const bool ok = colon != std::string_view::npos && number(t.substr(0, colon), h) &&
                  t.substr(colon + 1).size() == 2 && number(t.substr(colon + 1), m) && m <= 59 &&
                  (half == 0 ? h <= 23 : (h >= 1 && h <= 12));
  if (!ok) return csv_error(line, "time \"" + clip(text, 20) + "\" is not like 18:52 or 6:52 pm");
  if (half == 1 && h == 12) h = 0;
  if (half == 2 && h != 12) h += 12;
  return core::TimeOfDay{h * 60 + m};
}

// Keeps newlines; other control characters (tabs, carriage returns) become spaces.
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f ? ' ' : c);
  return std::string(trim(out));
}

// The mean of whole scores 1-5, rounded to nearest, halves toward 3.
int combine(int sum, int count) {
  const int twice = 2 * sum;  // compare 2*sum with count*(2k±1) to stay in integers
  int k = sum / count;        // floor for positive sums
  const int rem = twice - 2 * k * count;  // 2*(mean - k)*count, in [0, 2*count)
  if (rem > count) return k + 1;
  if (rem < count) return k;
  return k + 1 <= 3 ? k + 1 : k;  // exactly k + 0.5: toward 3
}

}  // namespace

Result<std::vector<DaylioEntry>> read_daylio(std::istream& in, const CsvLimits& limits) {
  CsvReader csv(in, limits);
  std::vector<std::string> header, row;
  if (!HW_TRY(csv.next(header))) return csv_error(1, "the file is empty: expected Daylio's CSV header");
  const int hl = csv.line();
  const int full_date = csv_column(header, "full_date"), time = csv_column(header, "time"),
            mood = csv_column(header, "mood"), activities = csv_column(header, "activities"),
            note_title = csv_column(header, "note_title"), note = csv_column(header, "note");
  for (auto [index, name] : {std::pair{full_date, "full_date"}, {time, "time"}, {mood, "mood"}, {activities, "activities"}})
    if (index < 0) return csv_error(hl, std::string("no \"") + name + "\" column: not a Daylio CSV export");
  std::vector<DaylioEntry> out;
  while (HW_TRY(csv.next(row))) {
    const int line = csv.line();
    if (row.size() != header.size())
      return csv_error(line, std::to_string(row.size()) + " fields where the header has " + std::to_string(header.size()));
    DaylioEntry e;
    e.line = line;
    const auto date = core::parse_date(trim(row[full_date]), "full_date");
    if (!date) return csv_error(line, "full_date \"" + clip(row[full_date], 20) + "\" is not a date (YYYY-MM-DD)");
    e.date = *date;
    e.time = HW_TRY(parse_daylio_time(row[time], line));
    e.mood = std::string(trim(row[mood]));
    if (e.mood.empty()) return csv_error(line, "no mood");
    std::string_view rest = row[activities];
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      const std::string_view part = trim(rest.substr(0, bar));
      if (!part.empty()) e.activities.emplace_back(part);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    const std::string title = note_title >= 0 ? clean_text(row[note_title]) : std::string();
    const std::string body = note >= 0 ? clean_text(row[note]) : std::string();
    e.note = title.empty() || body.empty() ? title + body : title + "\n\n" + body;
    out.push_back(std::move(e));
  }
  return out;
}

const MoodMap& default_moods() {
  static const MoodMap moods{{"rad", {1, 5}}, {"good", {2, 4}}, {"meh", {3, 3}}, {"bad", {4, 2}}, {"awful", {5, 1}}};
  return moods;
}

Result<MoodScore> mood_scores(std::string_view mood, const MoodMap& custom) {
  const std::string key = lower(mood);
  if (auto it = custom.find(key); it != custom.end()) return it->second;
  if (auto it = default_moods().find(key); it != default_moods().end()) return it->second;
  return invalid("mood", "unknown mood \"" + clip(trim(mood), 40) +
                             "\": map it to rad, good, meh, bad or awful, or to stress/energy like 4/2");
}

Result<std::pair<std::string, MoodScore>> parse_mood_mapping(std::string_view spec) {
  const size_t eq = spec.rfind('=');
  const std::string name = eq == std::string_view::npos ? std::string() : lower(spec.substr(0, eq));
  if (name.empty()) return invalid("mood_map", "expected NAME=LEVEL, e.g. anxious=bad or tired=3/1");
  const std::string level = lower(spec.substr(eq + 1));
  if (auto it = default_moods().find(level); it != default_moods().end()) return std::pair{name, it->second};
  if (level.size() == 3 && level[1] == '/' && level[0] >= '1' && level[0] <= '5' && level[2] >= '1' && level[2] <= '5')
    return std::pair{name, MoodScore{level[0] - '0', level[2] - '0'}};
  return invalid("mood_map", "\"" + clip(level, 20) + "\" is not rad, good, meh, bad, awful or stress/energy 1-5 like 4/2");
}

Result<DaylioPlan> plan_daylio(const std::vector<DaylioEntry>& entries, const MoodMap& custom_moods,
                               const std::map<std::string, core::Id>& activity_goals) {
  std::map<std::string, core::Id> goals;
  for (const auto& [k, id] : activity_goals) goals[lower(k)] = id;
  std::vector<const DaylioEntry*> order;
  order.reserve(entries.size());
  for (const DaylioEntry& e : entries) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(), [](const DaylioEntry* a, const DaylioEntry* b) {
    return a->date != b->date ? a->date < b->date : a->time < b->time;
  });
  DaylioPlan plan;
  std::set<std::pair<core::Date, core::Id>> done;
  std::set<std::string> unmapped;
  int stress = 0, energy = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const DaylioEntry& e = *order[i];
    auto score = mood_scores(e.mood, custom_moods);
    if (!score) return csv_error(e.line, score.error().message);
    if (plan.checkins.empty() || plan.checkins.back().date != e.date) {
      plan.checkins.push_back(CheckInDraft{e.date, 3, 3, {}, 0});
      stress = energy = 0;
    }
    CheckInDraft& day = plan.checkins.back();
    ++day.entries;
    stress += score->stress;
    energy += score->energy;
    day.stress = combine(stress, day.entries);
    day.energy = combine(energy, day.entries);
    if (!e.note.empty()) {
      if (!day.note.empty()) day.note += "\n\n";
      day.note += e.note;
      if (day.note.size() > kDaylioNoteBytes) day.note = clip(day.note, kDaylioNoteBytes - 3);
    }
    for (const std::string& a : e.activities) {
      if (auto it = goals.find(lower(a)); it != goals.end()) {
        if (done.insert({e.date, it->second}).second)
          plan.completions.push_back(core::Completion{it->second, e.date, core::CompletionSource::manual});
      } else {
        unmapped.insert(a);
      }
    }
  }
  std::stable_sort(plan.completions.begin(), plan.completions.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.goal_id < b.goal_id;
  });
  plan.unmapped_activities.assign(unmapped.begin(), unmapped.end());
  return plan;
}

}  // namespace headway::ingest
