#include "service/assessments.hpp"

#include "ingest/instrument_file.hpp"

namespace headway::service {

Result<std::vector<core::Instrument>> instruments(Context& ctx) { return ingest::load_instruments(ctx.instruments_dir); }

Result<core::Instrument> find_instrument(Context& ctx, const std::string& id) {
  std::string known;
  for (auto& in : HW_TRY(instruments(ctx))) {
    if (in.id == id) return in;
    known += (known.empty() ? "" : ", ") + in.id;
  }
  return fail(ErrorCode::not_found, "no instrument \"" + id.substr(0, 60) + "\" (available: " + known + ")",
              "instrument");
}

Result<AssessmentResult> assess(Context& ctx, const Actor& actor, const std::string& instrument,
                                const std::vector<int>& answers, const std::optional<std::string>& date) {
  AssessmentResult r;
  r.instrument = HW_TRY(find_instrument(ctx, instrument));
  r.assessment.scores = HW_TRY(core::score(r.instrument, answers));
  r.assessment.person_id = actor.person_id;
  r.assessment.instrument_id = r.instrument.id;
  r.assessment.instrument_version = r.instrument.version;
  r.assessment.answers = answers;
  r.assessment.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<AssessmentResult> {
    const auto pz = HW_TRY(load_person(tx, actor));
    r.assessment.date = HW_TRY(date_or_today(ctx, pz.zone, date));
    if (r.assessment.date > local_today(ctx, pz.zone)) return invalid("date", "is in the future");
    const core::Assessment* previous = nullptr;
    const auto history = HW_TRY(tx.list_assessments(actor.person_id));
    for (const auto& a : history)
      if (a.instrument_id == r.instrument.id && a.date <= r.assessment.date) previous = &a;
    for (const auto& sc : r.assessment.scores) {
      for (const auto& scale : r.instrument.scales)
        if (scale.id == sc.scale && scale.wellbeing && sc.lowest_band) r.show_support = true;
      if (!previous) continue;
      for (const auto& old : previous->scores)
        if (old.scale == sc.scale)
          r.changes.push_back({sc.scale, old.score, sc.score, core::meaningful_change(old.score, sc.score)});
    }
    r.assessment.id = HW_TRY(tx.insert_assessment(r.assessment));
    return r;
  });
}

Result<std::vector<core::Assessment>> assessment_history(Context& ctx, const Actor& actor,
                                                         const std::optional<std::string>& instrument) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Assessment>> {
    auto all = HW_TRY(tx.list_assessments(actor.person_id));
    if (!instrument) return all;
    std::vector<core::Assessment> out;
    for (auto& a : all)
      if (a.instrument_id == *instrument) out.push_back(std::move(a));
    return out;
  });
}

Result<std::vector<core::Suggestion>> suggest_strategies(Context& ctx, const Actor& actor, size_t limit) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Suggestion>> {
    core::SuggestionInput in;
    const auto history = HW_TRY(tx.list_assessments(actor.person_id));
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->instrument_id != "barrier-profile") continue;
      in.barrier_scores.assign(core::kBarrierNames.size(), 0.0);
      for (const auto& sc : it->scores)
        if (auto b = core::parse_barrier(sc.scale)) in.barrier_scores[static_cast<size_t>(*b)] = sc.score;
      break;
    }
    for (const auto& g : HW_TRY(tx.list_goals(actor.person_id))) {
      if (g.archived) continue;
      const auto stages = HW_TRY(tx.list_stage_entries(actor.person_id, g.id));
      in.goals.emplace_back(stages.empty() ? core::Stage::contemplation : stages.back().stage, g.barrier);
    }
    return core::suggest(in, limit);
  });
}

}  // namespace headway::service
