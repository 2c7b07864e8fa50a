#include "service/goals.hpp"

#include <algorithm>

#include "service/boundaries.hpp"
#include "service/values.hpp"

namespace headway::service {

Result<std::vector<Date>> completion_days(store::Transaction& tx, const core::Person& person, const core::Zone& zone,
                                          const core::Goal& goal, Date to, std::optional<Date> from) {
  std::vector<Date> days;
  const Date first = from.value_or(core::Date{INT32_MIN / 2});
  for (const auto& c : HW_TRY(tx.list_completions(goal.id, first, to))) days.push_back(c.date);
  if (goal.boundary_id) {
    if (auto b = HW_TRY(tx.find_boundary(person.id, *goal.boundary_id)); b && b->active) {
      for (const auto& e : HW_TRY(evaluate_range(tx, person, zone, {*b}, std::max(goal.start_date, first), to)))
        if (e.status == core::Status::kept) days.push_back(e.date);
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

Result<GoalView> goal_view(store::Transaction& tx, const core::Person& person, const core::Zone& zone,
                           const core::Goal& goal, Date today) {
  GoalView v;
  v.goal = goal;
  v.today = today;
  const auto values = HW_TRY(tx.list_values(person.id));
  for (Id id : goal.value_ids)
    for (const auto& val : values)
      if (val.id == id) v.value_names.push_back(val.name);
  if (goal.boundary_id)
    if (auto b = HW_TRY(tx.find_boundary(person.id, *goal.boundary_id)))
      v.boundary = b->label.empty() ? core::describe(*b) : b->label;
  v.stages = HW_TRY(tx.list_stage_entries(person.id, goal.id));
  if (!v.stages.empty()) {
    v.stage = v.stages.back().stage;
    v.restage_due = core::restage_due(v.stages.back().date, today);
  }
  const auto days = HW_TRY(completion_days(tx, person, zone, goal, today));
  v.completions = static_cast<int>(days.size());
  if (today >= goal.start_date) {
    const auto series = core::strength_series(goal.frequency, days, goal.start_date, today);
    v.strength = series.empty() ? 0 : series.back() * 100.0;
    const size_t keep = std::min<size_t>(series.size(), kStrengthTrendDays);
    for (size_t i = series.size() - keep; i < series.size(); ++i)
      v.strength_trend.emplace_back(core::add_days(goal.start_date, static_cast<int>(i)), series[i] * 100.0);
    v.streaks = core::streaks(goal.frequency, days, goal.start_date, today);
  }
  const auto manual = HW_TRY(tx.list_completions(goal.id, core::add_days(today, -27), today));
  for (Date d : days)
    if (d >= core::add_days(today, -27)) {
      const bool is_manual = std::any_of(manual.begin(), manual.end(), [&](const auto& c) { return c.date == d; });
      v.recent.push_back(
          {goal.id, d, is_manual ? core::CompletionSource::manual : core::CompletionSource::boundary});
    }
  return v;
}

Result<std::vector<Id>> recycle_slipped_goals(store::Transaction& tx, const core::Person& person,
                                              const core::Zone& zone, Date today) {
  std::vector<Id> recycled;
  for (const auto& g : HW_TRY(tx.list_goals(person.id))) {
    if (g.archived) continue;
    const auto stages = HW_TRY(tx.list_stage_entries(person.id, g.id));
    if (stages.empty()) continue;
    const auto& cur = stages.back();
    if (cur.stage != core::Stage::action && cur.stage != core::Stage::maintenance) continue;
    // A slip is a gap after the current stage began, so earlier completions do not matter.
    const auto days = HW_TRY(completion_days(tx, person, zone, g, today, cur.date));
    if (auto slip = core::detect_slip(cur.stage, cur.date, g.frequency, days, today)) {
      core::StageEntry e;
      e.goal_id = g.id;
      e.stage = core::Stage::preparation;
      e.reason = core::StageReason::recycled;
      e.date = *slip;
      e.note = "no completion for " + std::to_string(core::slip_gap_days(g.frequency)) + " days";
      HW_CHECK(tx.insert_stage_entry(e));
      recycled.push_back(g.id);
    }
  }
  return recycled;
}

Result<std::vector<Id>> recycle_slipped_goals_daily(store::Transaction& tx, const core::Person& person,
                                                    const core::Zone& zone, Date today) {
  if (HW_TRY(tx.slips_checked(person.id)) >= today) return std::vector<Id>{};
  auto recycled = HW_TRY(recycle_slipped_goals(tx, person, zone, today));
  HW_CHECK(tx.set_slips_checked(person.id, today));
  return recycled;
}

namespace {

Result<core::Goal> find_goal(store::Transaction& tx, const Actor& actor, Id id) {
  auto g = HW_TRY(tx.find_goal(actor.person_id, id));
  if (!g) return fail(ErrorCode::not_found, "no goal " + std::to_string(id) + " (see `headway goal list`)", "id");
  return *g;
}

}  // namespace

Result<GoalView> add_goal(Context& ctx, const Actor& actor, const GoalInput& in) {
  core::Goal g;
  g.person_id = actor.person_id;
  g.title = in.title;
  g.wish = in.wish;
  g.outcome = in.outcome;
  g.obstacle = in.obstacle;
  g.if_cue = in.if_cue;
  g.then_action = in.then_action;
  if (in.barrier) g.barrier = HW_TRY(core::parse_barrier(*in.barrier));
  g.frequency = HW_TRY(core::parse_frequency(in.frequency));
  std::optional<core::StagingAnswer> answer;
  if (in.answer) answer = HW_TRY(core::parse_staging_answer(*in.answer));
  if (in.values.empty()) return invalid("value", "a goal must link to at least one value (--value NAME)");
  g.value_ids.push_back(0);  // placeholder so validation passes; resolved below
  HW_CHECK(core::validate_goal(g));
  g.value_ids.clear();
  g.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<GoalView> {
    const auto pz = HW_TRY(load_person(tx, actor));
    for (const auto& ref : in.values) {
      const auto v = HW_TRY(resolve_value(tx, actor, ref));
      if (std::find(g.value_ids.begin(), g.value_ids.end(), v.id) == g.value_ids.end()) g.value_ids.push_back(v.id);
    }
    if (in.boundary_id) {
      if (!HW_TRY(tx.find_boundary(actor.person_id, *in.boundary_id)))
        return fail(ErrorCode::not_found, "no boundary " + std::to_string(*in.boundary_id), "boundary");
      g.boundary_id = in.boundary_id;
    }
    const Date today = local_today(ctx, pz.zone);
    g.start_date = today;
    g.id = HW_TRY(tx.insert_goal(g));
    if (answer) {
      core::StageEntry e;
      e.goal_id = g.id;
      e.answer = answer;
      e.stage = core::stage_for(*answer);
      e.date = today;
      HW_CHECK(tx.insert_stage_entry(e));
    }
    return goal_view(tx, pz.person, pz.zone, g, today);
  });
}

Result<GoalView> show_goal(Context& ctx, const Actor& actor, Id id) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<GoalView> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto g = HW_TRY(find_goal(tx, actor, id));
    return goal_view(tx, pz.person, pz.zone, g, local_today(ctx, pz.zone));
  });
}

Result<std::vector<GoalView>> list_goals(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<GoalView>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const Date today = local_today(ctx, pz.zone);
    std::vector<GoalView> out;
    for (const auto& g : HW_TRY(tx.list_goals(actor.person_id)))
      if (!g.archived) out.push_back(HW_TRY(goal_view(tx, pz.person, pz.zone, g, today)));
    return out;
  });
}

Result<DoneResult> goal_done(Context& ctx, const Actor& actor, Id id, const std::optional<std::string>& date) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<DoneResult> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto g = HW_TRY(find_goal(tx, actor, id));
    const Date today = local_today(ctx, pz.zone);
    const Date d = HW_TRY(date_or_today(ctx, pz.zone, date));
    if (d > today) return invalid("date", "cannot complete a goal in the future (" + core::to_string(d) + ")");
    core::Goal goal = g;
    if (d < goal.start_date) {
      // Back-filling days before the goal was written down: the goal's history starts earlier.
      if (core::days_between(d, today) > 3660) return invalid("date", "more than ten years ago");
      goal.start_date = d;
      HW_CHECK(tx.update_goal(goal));
    }
    const bool added = HW_TRY(tx.insert_completion({g.id, d, core::CompletionSource::manual}));
    HW_CHECK(recycle_slipped_goals_daily(tx, pz.person, pz.zone, today));
    return DoneResult{added, HW_TRY(goal_view(tx, pz.person, pz.zone, goal, today))};
  });
}

Result<GoalView> stage_goal(Context& ctx, const Actor& actor, Id id, const std::string& answer,
                            const std::optional<std::string>& date) {
  const auto a = HW_TRY(core::parse_staging_answer(answer));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<GoalView> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto g = HW_TRY(find_goal(tx, actor, id));
    const Date today = local_today(ctx, pz.zone);
    core::StageEntry e;
    e.goal_id = g.id;
    e.answer = a;
    e.stage = core::stage_for(a);
    e.date = HW_TRY(date_or_today(ctx, pz.zone, date));
    if (e.date > today) return invalid("date", "cannot stage a goal in the future");
    HW_CHECK(tx.insert_stage_entry(e));
    return goal_view(tx, pz.person, pz.zone, g, today);
  });
}

Result<GoalView> slip_goal(Context& ctx, const Actor& actor, Id id, const std::optional<std::string>& date,
                           const std::string& note) {
  const std::string clean = HW_TRY(core::validate_text(note, "note", 1000, false));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<GoalView> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto g = HW_TRY(find_goal(tx, actor, id));
    const Date today = local_today(ctx, pz.zone);
    const auto stages = HW_TRY(tx.list_stage_entries(actor.person_id, g.id));
    if (stages.empty() || (stages.back().stage != core::Stage::action && stages.back().stage != core::Stage::maintenance))
      return fail(ErrorCode::conflict, "only a goal in action or maintenance can slip; it stays where it is", "id");
    core::StageEntry e;
    e.goal_id = g.id;
    e.stage = core::Stage::preparation;
    e.reason = core::StageReason::recycled;
    e.date = HW_TRY(date_or_today(ctx, pz.zone, date));
    if (e.date > today) return invalid("date", "cannot record a slip in the future");
    e.note = clean.empty() ? "slip recorded" : clean;
    HW_CHECK(tx.insert_stage_entry(e));
    return goal_view(tx, pz.person, pz.zone, g, today);
  });
}

Result<void> archive_goal(Context& ctx, const Actor& actor, Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    auto g = HW_TRY(find_goal(tx, actor, id));
    g.archived = true;
    return tx.update_goal(g);
  });
}

}  // namespace headway::service
