#include "service/copy.hpp"

#include "service/export.hpp"

namespace headway::service {
namespace {

constexpr Date kEarliest{INT32_MIN / 2};
constexpr Date kLatest{INT32_MAX / 2};

Result<void> copy_person(store::Transaction& src, store::Transaction& dst, const core::Person& p) {
  const Id me = p.id;
  HW_CHECK(dst.insert_person(p));
  for (const auto& v : HW_TRY(src.list_values(me))) HW_CHECK(dst.insert_value(v));
  for (const auto& m : HW_TRY(src.list_motivations(me))) HW_CHECK(dst.upsert_motivation(m));
  for (const auto& c : HW_TRY(src.list_catalysts(me))) HW_CHECK(dst.insert_catalyst(c));
  for (const auto& b : HW_TRY(src.list_boundaries(me))) HW_CHECK(dst.insert_boundary(b));
  for (const auto& g : HW_TRY(src.list_goals(me))) {
    HW_CHECK(dst.insert_goal(g));
    for (const auto& e : HW_TRY(src.list_stage_entries(me, g.id))) HW_CHECK(dst.insert_stage_entry(e));
    for (const auto& c : HW_TRY(src.list_completions(g.id, kEarliest, kLatest))) HW_CHECK(dst.insert_completion(c));
  }
  HW_CHECK(dst.upsert_checkins(HW_TRY(src.list_checkins(me, kEarliest, kLatest))));
  for (const auto& w : HW_TRY(src.list_wins(me, kEarliest, kLatest))) HW_CHECK(dst.insert_win(w));
  for (const auto& r : HW_TRY(src.list_reflections(me, kEarliest, kLatest))) HW_CHECK(dst.upsert_reflection(r));
  for (const auto& a : HW_TRY(src.list_assessments(me))) HW_CHECK(dst.insert_assessment(a));
  for (const auto& s : HW_TRY(src.list_evidence_sources(me))) {
    HW_CHECK(dst.upsert_evidence_source(s));
    if (s.kind == core::SourceKind::calendar)
      HW_CHECK(dst.replace_calendar_events(me, s.id, HW_TRY(src.list_source_events(me, s.id))));
    else
      HW_CHECK(dst.replace_activity_spans(me, s.id, HW_TRY(src.list_source_spans(me, s.id))));
  }
  // The calendar feed keeps its token, so subscribed calendars keep working after the move.
  if (auto feed = HW_TRY(src.find_calendar_feed(me))) HW_CHECK(dst.put_calendar_feed(*feed));
  // The sign-in account and API tokens move too; sessions and invites do not (sign in again).
  if (auto account = HW_TRY(src.find_account_by_person(me))) {
    HW_CHECK(dst.insert_account(*account));
    for (const auto& t : HW_TRY(src.list_api_tokens(account->id))) HW_CHECK(dst.insert_api_token(t));
  }
  return {};
}

}  // namespace

Result<CopyReport> copy_database(store::Database& from, store::Database& to, bool force) {
  CopyReport report;
  {
    auto src = HW_TRY(from.begin(false));
    auto dst = HW_TRY(to.begin(true));
    int64_t rows = 0;
    for (const auto& [table, n] : HW_TRY(dst->table_counts())) rows += n;
    if (rows > 0 && !force)
      return fail(ErrorCode::conflict, "the target database is not empty (" + std::to_string(rows) +
                                           " rows); use --force to replace its contents", "to");
    if (rows > 0) HW_CHECK(dst->clear_all());
    for (const auto& [key, value] : HW_TRY(src->list_settings())) HW_CHECK(dst->set_setting(key, value));
    const auto people = HW_TRY(src->list_people());
    for (const auto& p : people) {
      HW_CHECK(copy_person(*src, *dst, p));
      ++report.people;
    }
    HW_CHECK(copy_together(*src, *dst, people));
    HW_CHECK(dst->commit());
  }
  // Verify: the same rows in every table, and the same export for every person.
  const auto a = HW_TRY(store::with_read(from, [](store::Transaction& tx) { return tx.table_counts(); }));
  const auto b = HW_TRY(store::with_read(to, [](store::Transaction& tx) { return tx.table_counts(); }));
  if (a != b) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
      if (a[i] != b[i])
        return fail(ErrorCode::storage, "copy verification failed: table " + a[i].first + " has " +
                                            std::to_string(a[i].second) + " rows in the source and " +
                                            std::to_string(b[i].second) + " in the target");
    return fail(ErrorCode::storage, "copy verification failed: the table lists differ");
  }
  report.counts = a;
  const auto people = HW_TRY(store::with_read(from, [](store::Transaction& tx) { return tx.list_people(); }));
  Context cf{from, core::now, ""};
  Context ct{to, core::now, ""};
  for (const auto& p : people) {
    const auto ea = HW_TRY(export_all(cf, Actor{p.id}));
    const auto eb = HW_TRY(export_all(ct, Actor{p.id}));
    if (ea != eb)
      return fail(ErrorCode::storage, "copy verification failed: the export of person " + std::to_string(p.id) +
                                          " differs between source and target");
    ++report.exports_compared;
  }
  return report;
}

}  // namespace headway::service
