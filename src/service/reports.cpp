#include "service/reports.hpp"

#include "service/boundaries.hpp"
#include "service/evidence.hpp"
#include "service/goals.hpp"

namespace headway::service {

Result<core::WeeklyReport> weekly_report(Context& ctx, const Actor& actor, const std::optional<std::string>& date) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<core::WeeklyReport> {
    const auto pz = HW_TRY(load_person(tx, actor));
    core::ReportInput in;
    in.person = pz.person;
    in.today = local_today(ctx, pz.zone);
    in.week = core::week_start(HW_TRY(date_or_today(ctx, pz.zone, date)));
    const Date end = core::add_days(in.week, 6);
    in.checkins = HW_TRY(tx.list_checkins(actor.person_id, core::add_days(end, 1 - core::kInsightWindowDays), end));
    for (auto& b : HW_TRY(tx.list_boundaries(actor.person_id)))
      if (b.active) in.boundaries.push_back(std::move(b));
    in.evaluations = HW_TRY(evaluate_range(tx, pz.person, pz.zone, in.boundaries, core::add_days(in.week, -21), end));
    in.wins = HW_TRY(tx.list_wins(actor.person_id, in.week, end));
    for (auto& g : HW_TRY(tx.list_goals(actor.person_id))) {
      if (g.archived) continue;
      core::GoalHistory h;
      h.completions = HW_TRY(completion_days(tx, pz.person, pz.zone, g, end));
      h.stages = HW_TRY(tx.list_stage_entries(actor.person_id, g.id));
      h.goal = std::move(g);
      in.goals.push_back(std::move(h));
    }
    in.reflections = HW_TRY(tx.list_reflections(actor.person_id, core::add_days(in.week, -7 * 7), in.week));
    in.assessments = HW_TRY(tx.list_assessments(actor.person_id));
    const auto ev = HW_TRY(load_evidence(tx, actor.person_id, pz.zone, in.week, end));
    in.signals = core::daily_signals(pz.zone, pz.person.work_hours, in.week, end, ev.occurrences, ev.spans, ev.coverage);
    return core::build_weekly_report(in);
  });
}

}  // namespace headway::service
