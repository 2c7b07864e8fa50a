#include "service/boundaries.hpp"

#include <algorithm>

#include "service/evidence.hpp"

namespace headway::service {

Result<core::Boundary> add_boundary(Context& ctx, const Actor& actor, const std::string& type,
                                    const std::map<std::string, std::string>& params, const std::string& label) {
  const auto t = HW_TRY(core::parse_boundary_type(type));
  core::Boundary b = HW_TRY(core::make_boundary(t, params));
  b.person_id = actor.person_id;
  b.label = HW_TRY(core::validate_text(label, "label", 200, false));
  b.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Boundary> {
    HW_CHECK(load_person(tx, actor));
    b.id = HW_TRY(tx.insert_boundary(b));
    return b;
  });
}

Result<std::vector<core::Boundary>> list_boundaries(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.list_boundaries(actor.person_id); });
}

Result<void> remove_boundary(Context& ctx, const Actor& actor, Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.delete_boundary(actor.person_id, id)))
      return fail(ErrorCode::not_found, "no boundary " + std::to_string(id), "id");
    return {};
  });
}

Result<std::vector<core::Evaluation>> evaluate_range(store::Transaction& tx, const core::Person& person,
                                                     const core::Zone& zone,
                                                     const std::vector<core::Boundary>& boundaries, Date from,
                                                     Date to) {
  if (boundaries.empty() || to < from) return std::vector<core::Evaluation>{};
  const Date start = core::week_start(from);
  const auto checkins = HW_TRY(tx.list_checkins(person.id, start, to));
  // Imported calendars and activity give each day its spans and coverage; check-ins are added.
  const auto stored = HW_TRY(load_evidence(tx, person.id, zone, start, to));
  std::vector<core::DayEvidence> days =
      core::build_evidence(zone, start, to, stored.occurrences, stored.spans, stored.coverage);
  size_t ci = 0;
  for (core::DayEvidence& ev : days) {
    while (ci < checkins.size() && checkins[ci].date < ev.date) ++ci;
    if (ci < checkins.size() && checkins[ci].date == ev.date) ev.checkin = &checkins[ci];
  }
  auto results = core::evaluate(boundaries, days);
  results.erase(std::remove_if(results.begin(), results.end(), [&](const auto& e) { return e.date < from; }),
                results.end());
  return results;
}

Result<std::vector<core::Evaluation>> check_boundaries(Context& ctx, const Actor& actor, const CheckRange& range) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Evaluation>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    Date from, to;
    if (range.date && (range.from || range.to)) return invalid("date", "give either --date or --from/--to, not both");
    if (range.from || range.to) {
      if (!range.from) return invalid("from", "--to needs --from");
      from = HW_TRY(date_or_today(ctx, pz.zone, range.from, "from"));
      to = HW_TRY(date_or_today(ctx, pz.zone, range.to, "to"));
      if (to < from) return invalid("to", "must not be before --from");
      if (core::days_between(from, to) >= kMaxCheckDays) return invalid("to", "range is longer than 10 years");
    } else {
      from = to = HW_TRY(date_or_today(ctx, pz.zone, range.date));
    }
    auto all = HW_TRY(tx.list_boundaries(actor.person_id));
    std::vector<core::Boundary> active;
    for (auto& b : all)
      if (b.active) active.push_back(std::move(b));
    return evaluate_range(tx, pz.person, pz.zone, active, from, to);
  });
}

}  // namespace headway::service
