#include "service/checkins.hpp"

#include "service/boundaries.hpp"
#include "service/goals.hpp"
#include "service/values.hpp"

namespace headway::service {

namespace {

// A check-in may be for today or the past, not the future; a year back is plenty for catching up.
Result<Date> past_day(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& text) {
  const Date today = local_today(ctx, zone);
  const Date d = HW_TRY(date_or_today(ctx, zone, text));
  if (d > today) return invalid("date", core::to_string(d) + " is in the future");
  return d;
}

Result<std::pair<Date, Date>> range(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& from,
                                    const std::optional<std::string>& to, int default_days) {
  const Date t = HW_TRY(date_or_today(ctx, zone, to, "to"));
  const Date f = from ? HW_TRY(date_or_today(ctx, zone, from, "from")) : core::add_days(t, 1 - default_days);
  if (t < f) return invalid("to", "must not be before --from");
  return std::pair{f, t};
}

}  // namespace

Result<CheckinResult> checkin(Context& ctx, const Actor& actor, const CheckinInput& in) {
  core::CheckIn c;
  c.person_id = actor.person_id;
  c.off = in.off;
  if (in.start) c.start = HW_TRY(core::parse_time(*in.start, "start"));
  if (in.end) c.end = HW_TRY(core::parse_time(*in.end, "end"));
  c.stress = in.stress;
  c.energy = in.energy;
  c.after_hours = in.after_hours;
  c.break_minutes = in.break_minutes;
  c.progress = in.progress;
  c.setback = in.setback;
  c.note = in.note;
  c.updated_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<CheckinResult> {
    const auto pz = HW_TRY(load_person(tx, actor));
    c.date = HW_TRY(past_day(ctx, pz.zone, in.date));
    HW_CHECK(core::finalize_checkin(c, pz.zone));
    CheckinResult r;
    r.updated = HW_TRY(tx.find_checkin(actor.person_id, c.date)).has_value();
    HW_CHECK(tx.upsert_checkin(c));
    r.checkin = c;
    r.recycled_goals = HW_TRY(recycle_slipped_goals_daily(tx, pz.person, pz.zone, local_today(ctx, pz.zone)));
    std::vector<core::Boundary> active;
    for (auto& b : HW_TRY(tx.list_boundaries(actor.person_id)))
      if (b.active) active.push_back(std::move(b));
    r.boundaries = HW_TRY(evaluate_range(tx, pz.person, pz.zone, active, c.date, c.date));
    return r;
  });
}

Result<std::vector<core::CheckIn>> list_checkins(Context& ctx, const Actor& actor, const std::optional<std::string>& from,
                                                 const std::optional<std::string>& to) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::CheckIn>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto [f, t] = HW_TRY(range(ctx, pz.zone, from, to, 14));
    return tx.list_checkins(actor.person_id, f, t);
  });
}

Result<core::Win> add_win(Context& ctx, const Actor& actor, const WinInput& in) {
  core::Win w;
  w.person_id = actor.person_id;
  w.text = in.text;
  w.size = HW_TRY(core::parse_win_size(in.size));
  HW_CHECK(core::validate_win(w));
  w.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Win> {
    const auto pz = HW_TRY(load_person(tx, actor));
    w.date = HW_TRY(past_day(ctx, pz.zone, in.date));
    if (in.goal_id) {
      if (!HW_TRY(tx.find_goal(actor.person_id, *in.goal_id)))
        return fail(ErrorCode::not_found, "no goal " + std::to_string(*in.goal_id), "goal");
      w.goal_id = in.goal_id;
    }
    if (in.value) w.value_id = HW_TRY(resolve_value(tx, actor, *in.value)).id;
    w.id = HW_TRY(tx.insert_win(w));
    return w;
  });
}

Result<std::vector<core::Win>> list_wins(Context& ctx, const Actor& actor, const std::optional<std::string>& from,
                                         const std::optional<std::string>& to) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Win>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto [f, t] = HW_TRY(range(ctx, pz.zone, from, to, 28));
    return tx.list_wins(actor.person_id, f, t);
  });
}

Result<core::Win> get_win(Context& ctx, const Actor& actor, Id id) {
  auto w = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_win(actor.person_id, id); }));
  if (!w) return not_found("no win " + std::to_string(id));
  return *w;
}

Result<void> delete_win(Context& ctx, const Actor& actor, Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.delete_win(actor.person_id, id))) return not_found("no win " + std::to_string(id));
    return {};
  });
}

Result<core::CheckIn> get_checkin(Context& ctx, const Actor& actor, const std::string& date) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<core::CheckIn> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const Date d = HW_TRY(date_or_today(ctx, pz.zone, date));
    auto c = HW_TRY(tx.find_checkin(actor.person_id, d));
    if (!c) return not_found("no check-in on " + core::to_string(d));
    return *c;
  });
}

Result<std::vector<core::Reflection>> list_reflections(Context& ctx, const Actor& actor,
                                                       const std::optional<std::string>& from,
                                                       const std::optional<std::string>& to) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Reflection>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto [f, t] = HW_TRY(range(ctx, pz.zone, from, to, 84));
    return tx.list_reflections(actor.person_id, f, t);
  });
}

Result<core::Reflection> reflect(Context& ctx, const Actor& actor, int score, const std::optional<std::string>& date,
                                 const std::string& note) {
  core::Reflection r;
  r.person_id = actor.person_id;
  r.score = HW_TRY(core::validate_reflection_score(score));
  r.note = HW_TRY(core::validate_text(note, "note", 2000, false));
  r.updated_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Reflection> {
    const auto pz = HW_TRY(load_person(tx, actor));
    r.week = core::week_start(HW_TRY(past_day(ctx, pz.zone, date)));
    HW_CHECK(tx.upsert_reflection(r));
    return r;
  });
}

}  // namespace headway::service
