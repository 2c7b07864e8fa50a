// Loop Habit Tracker: each habit becomes a goal (or finds the goal of the same title) and each
// manual checkmark a completion, so habit strength carries over.
#include <algorithm>
#include <map>
#include <set>

#include "ingest/import_common.hpp"
#include "service/migrate.hpp"
#include "service/values.hpp"

namespace headway::service {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string habit_label(const ingest::LoopHabit& h) { return "habit \"" + ingest::clip(h.name, 60) + "\""; }

// The values new goals link to: those given, else the top-ranked one.
Result<std::pair<std::vector<Id>, std::vector<std::string>>> goal_values(store::Transaction& tx, const Actor& actor,
                                                                         const LoopOptions& options) {
  std::vector<Id> ids;
  std::vector<std::string> names;
  for (const auto& ref : options.values) {
    const auto v = HW_TRY(resolve_value(tx, actor, ref));
    if (std::find(ids.begin(), ids.end(), v.id) != ids.end()) continue;
    ids.push_back(v.id);
    names.push_back(v.name);
  }
  if (!ids.empty()) return std::pair{ids, names};
  const auto values = HW_TRY(tx.list_values(actor.person_id));
  const core::Value* best = nullptr;
  for (const auto& v : values)
    if (!best || (v.rank > 0 && (best->rank == 0 || v.rank < best->rank))) best = &v;
  if (!best)
    return invalid("value", "a goal links to at least one value, and you have none yet: add one with "
                            "`headway value add NAME`, or name one with --value");
  return std::pair{std::vector<Id>{best->id}, std::vector<std::string>{best->name}};
}

// A new goal from a habit: Loop has a name, a question and a description, no WOOP.
core::Goal goal_from(const ingest::LoopHabit& h, const Actor& actor) {
  core::Goal g;
  g.person_id = actor.person_id;
  g.title = h.name;
  g.wish = h.question.empty() ? h.name : h.question;
  g.outcome = h.description;
  g.obstacle = kLoopObstacle;
  g.frequency = h.frequency;
  g.archived = h.archived;
  return g;
}

Result<LoopPlan> plan(store::Transaction& tx, const Context& ctx, const Actor& actor, const ingest::LoopExport& data,
                      const LoopOptions& options) {
  const auto pz = HW_TRY(load_person(tx, actor));
  const Date today = local_today(ctx, pz.zone);
  if (!data.checkmarks.empty() && data.checkmarks.back().date > today)
    return invalid("Checkmarks.csv", "Checkmarks.csv: " + core::to_string(data.checkmarks.back().date) +
                                         " is in the future (today is " + core::to_string(today) + ")");
  std::set<std::string> titles;
  for (const auto& h : data.habits)
    if (!titles.insert(lower(h.name)).second)
      return invalid("Habits.csv", "Habits.csv: two habits are named \"" + ingest::clip(h.name, 60) +
                                       "\" when case is ignored, and goals are matched by title ignoring case");

  const auto goals = HW_TRY(tx.list_goals(actor.person_id));
  LoopPlan out;
  std::vector<Id> value_ids;
  for (const auto& h : data.habits) {
    LoopGoalPlan gp;
    gp.habit = h;
    std::vector<Date> done;
    std::optional<Date> first_known;
    for (const auto& m : data.checkmarks) {
      if (m.habit != h.name) continue;
      if (!first_known) first_known = m.date;
      if (m.done) done.push_back(m.date);
    }
    gp.checks = static_cast<int>(done.size());
    if (!done.empty()) {
      gp.first_check = done.front();
      gp.last_check = done.back();
    }
    // The goal of the same title, an active one before an archived one.
    const core::Goal* match = nullptr;
    for (const auto& g : goals)
      if (lower(g.title) == lower(h.name) && (!match || (match->archived && !g.archived))) match = &g;
    if (match) {
      gp.exists = true;
      gp.goal = *match;
      std::set<Date> stored;
      if (!done.empty())
        for (const auto& c : HW_TRY(tx.list_completions(match->id, done.front(), done.back()))) stored.insert(c.date);
      for (Date d : done) (stored.count(d) ? gp.existing : gp.added)++;
      for (Date d : done)
        if (!stored.count(d)) gp.new_dates.push_back(d);
      if (!gp.new_dates.empty() && gp.new_dates.front() < gp.goal.start_date) {
        gp.goal.start_date = gp.new_dates.front();
        gp.start_moved = true;
      }
      ++out.existing_goals;
    } else {
      if (value_ids.empty()) std::tie(value_ids, out.value_names) = HW_TRY(goal_values(tx, actor, options));
      gp.goal = goal_from(h, actor);
      gp.goal.value_ids = value_ids;
      gp.goal.start_date = first_known ? std::min(*first_known, done.empty() ? today : done.front()) : today;
      gp.goal.created_at = ctx.clock();
      if (auto ok = core::validate_goal(gp.goal); !ok) {
        Error e = ok.error();
        e.message = "Habits.csv: " + habit_label(h) + ": " + e.field + ": " + e.message;
        return tl::unexpected(std::move(e));
      }
      gp.stage = loop_stage(h.frequency, done, today);
      gp.added = static_cast<int>(done.size());
      gp.new_dates = done;
      ++out.new_goals;
    }
    out.added += gp.added;
    out.existing += gp.existing;
    out.goals.push_back(std::move(gp));
  }
  return out;
}

Result<void> write(store::Transaction& tx, LoopPlan& p) {
  for (auto& gp : p.goals) {
    if (!gp.exists) {
      gp.goal.id = HW_TRY(tx.insert_goal(gp.goal));
      if (gp.stage) {
        gp.stage->goal_id = gp.goal.id;
        gp.stage->id = HW_TRY(tx.insert_stage_entry(*gp.stage));
      }
    } else if (gp.start_moved) {
      // As `goal done` does: completions before the goal was written down start its history earlier.
      HW_CHECK(tx.update_goal(gp.goal));
    }
    for (Date d : gp.new_dates) HW_CHECK(tx.insert_completion({gp.goal.id, d, core::CompletionSource::manual}));
  }
  // Slips are not looked for here: completions only close gaps, and a new goal's stage already
  // follows its history.
  return {};
}

}  // namespace

std::optional<core::StageEntry> loop_stage(core::Frequency f, const std::vector<Date>& done, Date today) {
  if (done.empty()) return std::nullopt;
  // The current run: back from the last completion while no gap was long enough to be a slip.
  const int gap = core::slip_gap_days(f);
  size_t start = 0;
  for (size_t i = 1; i < done.size(); ++i)
    if (core::days_between(done[i - 1], done[i]) > gap) start = i;
  const Date run_start = done[start];
  core::StageEntry e;
  e.date = today;
  if (core::detect_slip(core::Stage::action, run_start, f, done, today)) {
    e.stage = core::Stage::preparation;
    e.reason = core::StageReason::recycled;
    e.note = "Loop Habit Tracker: done from " + core::to_string(run_start) + " to " + core::to_string(done.back()) +
             ", then not for " + std::to_string(core::days_between(done.back(), today)) + " days";
    return e;
  }
  e.answer = core::days_between(run_start, today) >= kMaintenanceDays ? core::StagingAnswer::doing_more_than_6_months
                                                                      : core::StagingAnswer::doing_less_than_6_months;
  e.stage = core::stage_for(*e.answer);
  e.note = "Loop Habit Tracker: done since " + core::to_string(run_start);
  return e;
}

Result<LoopPlan> preview_loop(Context& ctx, const Actor& actor, const ingest::LoopExport& data, const LoopOptions& options) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return plan(tx, ctx, actor, data, options); });
}

Result<LoopPlan> import_loop(Context& ctx, const Actor& actor, const ingest::LoopExport& data, const LoopOptions& options) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<LoopPlan> {
    LoopPlan out = HW_TRY(plan(tx, ctx, actor, data, options));
    HW_CHECK(write(tx, out));
    out.committed = true;
    return out;
  });
}

}  // namespace headway::service
