// headway import daylio | loop: moving over from Daylio and Loop Habit Tracker. Without --yes the
// command only shows what it would write; there is no interactive prompt, so scripts behave the
// same whether or not a terminal is attached.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/migrate.hpp"

namespace headway::cli {
namespace {

namespace fs = std::filesystem;

std::string count(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string range(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (!from || !to) return "no dates";
  return *from == *to ? core::to_string(*from) : core::to_string(*from) + " to " + core::to_string(*to);
}

const char* kNothingWritten = "Nothing was written. Run again with --yes to import.\n";

// Errors inside a file name its line; say which file too.
Error in_file(Error e, const std::string& file) {
  if (e.field.rfind("line ", 0) == 0) {
    e.message = file + ": " + e.message;
    e.field = file;
  }
  return e;
}

struct DaylioArgs {
  std::string file;
  service::DaylioOptions options;
  bool yes = false;
};

void print_daylio(const service::DaylioPlan& p, bool color) {
  std::cout << (p.committed ? "Imported from Daylio: " : "Daylio export: ") << count(p.entries, "entry", "entries")
            << " on " << count(static_cast<int>(p.days.size()), "day", "days") << ", " << range(p.from, p.to) << ".\n";
  if (!p.moods.empty()) {
    std::cout << "\nMoods as check-in scores:\n";
    Table t({"Mood", "Stress", "Energy", "Entries", "From"});
    for (const auto& m : p.moods)
      t.add({m.mood, std::to_string(m.score.stress), std::to_string(m.score.energy), std::to_string(m.entries),
             m.custom ? "--mood" : "Daylio"});
    std::cout << t.render(color);
  }
  std::cout << "\nCheck-ins: " << p.added << " new, " << p.skipped << " skipped, " << p.overwritten << " overwritten, "
            << p.unchanged << " unchanged.\n";
  if (p.added > 0)
    std::cout << "  New ones have the mood and note but no working times (Daylio records none): they are not days\n"
                 "  off, and boundary checks and hours count them as days without evidence.\n";
  if (p.skipped > 0)
    std::cout << "  Skipped days already have a check-in; --overwrite replaces its stress, energy and note.\n";
  if (!p.goals.empty()) {
    std::cout << "\nGoal completions:\n";
    Table t({"Goal", "Title", "Activities", p.committed ? "Added" : "New", "Already done"});
    for (const auto& g : p.goals)
      t.add({std::to_string(g.goal_id), g.title, join(g.activities), std::to_string(g.added), std::to_string(g.existing)});
    std::cout << t.render(color);
  }
  if (!p.unmapped_activities.empty()) {
    std::cout << "\nActivities without a goal: " << join(p.unmapped_activities) << "\n"
              << "  To count one as a goal's completion: --goal \"" << p.unmapped_activities.front()
              << "=GOAL_ID\" (ids in `headway goal list`).\n";
  }
  if (!p.committed) std::cout << "\n" << kNothingWritten;
}

int import_daylio(Session& s, const DaylioArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    std::ifstream f(a.file, std::ios::binary);
    if (!f) return invalid("file", "cannot read " + a.file);
    const auto actor = HW_TRY(s.actor());
    auto* ctx = HW_TRY(s.context());
    auto r = a.yes ? service::import_daylio(*ctx, actor, f, a.options) : service::preview_daylio(*ctx, actor, f, a.options);
    if (!r) return tl::unexpected(in_file(r.error(), a.file));
    if (s.json())
      s.print_json(service::to_json(*r));
    else
      print_daylio(*r, s.color());
    return 0;
  });
}

struct LoopArgs {
  std::string dir;
  std::string habits, checkmarks;
  service::LoopOptions options;
  bool yes = false;
};

Result<ingest::LoopExport> read_loop_files(const LoopArgs& a) {
  if (a.habits.empty() != a.checkmarks.empty())
    return invalid(a.habits.empty() ? "habits" : "checkmarks", "--habits and --checkmarks go together");
  if (a.dir.empty() && a.habits.empty())
    return invalid("dir", "name the unzipped export's folder, or give --habits and --checkmarks");
  if (!a.dir.empty() && a.habits.empty() && fs::is_regular_file(a.dir))
    return invalid("dir", a.dir + " is a file: unzip Loop's export and name the folder with Habits.csv and Checkmarks.csv");
  const fs::path hp = a.habits.empty() ? fs::path(a.dir) / "Habits.csv" : fs::path(a.habits);
  const fs::path cp = a.checkmarks.empty() ? fs::path(a.dir) / "Checkmarks.csv" : fs::path(a.checkmarks);
  std::ifstream hf(hp, std::ios::binary), cf(cp, std::ios::binary);
  if (!hf) return invalid("file", "cannot read " + hp.string());
  if (!cf) return invalid("file", "cannot read " + cp.string());
  return ingest::read_loop(hf, cf, hp.string(), cp.string());
}

void print_loop(const service::LoopPlan& p, bool color) {
  int checks = 0;
  std::optional<Date> from, to;
  for (const auto& g : p.goals) {
    checks += g.checks;
    if (g.first_check && (!from || *g.first_check < *from)) from = g.first_check;
    if (g.last_check && (!to || *g.last_check > *to)) to = g.last_check;
  }
  std::cout << (p.committed ? "Imported from Loop Habit Tracker: " : "Loop Habit Tracker export: ")
            << count(static_cast<int>(p.goals.size()), "habit", "habits") << ", "
            << count(checks, "completion", "completions") << ", " << range(from, to) << ".\n";
  if (!p.goals.empty()) {
    bool approximate = false;
    Table t({"Habit", "Goal", "Frequency", "Loop", "Stage", p.committed ? "Added" : "New", "Already done"});
    for (const auto& g : p.goals) {
      approximate = approximate || g.habit.approximate;
      std::string goal = g.exists ? "#" + std::to_string(g.goal.id) : p.committed ? "#" + std::to_string(g.goal.id) + " new" : "new";
      if (g.goal.archived) goal += ", archived";
      t.add({g.habit.name, goal, core::to_string(g.goal.frequency) + (g.habit.approximate ? " ~" : ""),
             std::to_string(g.habit.numerator) + "/" + std::to_string(g.habit.denominator),
             g.exists ? "(kept)" : g.stage ? core::to_string(g.stage->stage) : "-", std::to_string(g.added),
             std::to_string(g.existing)});
    }
    std::cout << "\n" << t.render(color);
    if (approximate) std::cout << "~ the nearest Headway frequency to Loop's repetitions per days.\n";
  }
  if (p.new_goals > 0)
    std::cout << "\nNew goals link to " << join(p.value_names) << " (--value to choose). Their obstacle and if-then "
              << "plan are still to be written.\n";
  if (!p.committed) std::cout << "\n" << kNothingWritten;
}

int import_loop(Session& s, const LoopArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    const auto data = HW_TRY(read_loop_files(a));
    const auto actor = HW_TRY(s.actor());
    auto* ctx = HW_TRY(s.context());
    const auto r = HW_TRY(a.yes ? service::import_loop(*ctx, actor, data, a.options)
                                : service::preview_loop(*ctx, actor, data, a.options));
    if (s.json())
      s.print_json(service::to_json(r));
    else
      print_loop(r, s.color());
    return 0;
  });
}

}  // namespace

void register_import_migrate(CLI::App* cmd, Session& s) {
  auto d = std::make_shared<DaylioArgs>();
  auto* daylio = cmd->add_subcommand(
      "daylio",
      "Import a Daylio CSV export: each day's moods become a check-in's stress and energy, its notes the note, and "
      "activities you map become goal completions. Shows what it would write unless --yes.");
  add_common(daylio, s);
  daylio->add_option("file", d->file, "Daylio's CSV export")->required();
  daylio->add_option("--mood", d->options.moods,
                     "Map a mood Daylio's five do not cover: NAME=LEVEL, LEVEL rad|good|meh|bad|awful or stress/energy "
                     "like 4/2 (repeat for more)")
      ->allow_extra_args(false);
  daylio->add_option("--goal", d->options.goals,
                     "Count an activity as done for a goal: ACTIVITY=GOAL_ID (repeat for more)")
      ->allow_extra_args(false);
  daylio->add_flag("--overwrite", d->options.overwrite,
                   "Replace stress, energy and note of check-ins that already exist (default: keep them)");
  daylio->add_flag("--yes", d->yes, "Write it (without: only show what would be written)");
  daylio->callback([&s, d] { s.action = [&s, d] { return import_daylio(s, *d); }; });

  auto l = std::make_shared<LoopArgs>();
  auto* loop = cmd->add_subcommand(
      "loop",
      "Import Loop Habit Tracker's CSV export (the unzipped folder): habits become goals, checkmarks completions. "
      "A habit whose goal exists (same title) gets only the missing completions. Shows what it would write unless --yes.");
  add_common(loop, s);
  loop->add_option("dir", l->dir, "The unzipped export's folder, holding Habits.csv and Checkmarks.csv");
  loop->add_option("--habits", l->habits, "Habits.csv, when not in a folder together");
  loop->add_option("--checkmarks", l->checkmarks, "Checkmarks.csv, when not in a folder together");
  loop->add_option("--value", l->options.values,
                   "A value new goals serve, by name or id (repeat for more; default: your top-ranked value)")
      ->allow_extra_args(false);
  loop->add_flag("--yes", l->yes, "Write it (without: only show what would be written)");
  loop->callback([&s, l] { s.action = [&s, l] { return import_loop(s, *l); }; });
}

}  // namespace headway::cli
