#include "service/values.hpp"

#include <algorithm>
#include <charconv>

namespace headway::service {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Result<core::Value> resolve_value(store::Transaction& tx, const Actor& actor, const std::string& ref,
                                  const char* field, bool id_only) {
  auto values = HW_TRY(tx.list_values(actor.person_id));
  Id id = 0;
  const bool numeric = std::from_chars(ref.data(), ref.data() + ref.size(), id).ptr == ref.data() + ref.size() &&
                       !ref.empty();
  // An id wins over a value whose name happens to be that number.
  for (const auto& v : values)
    if (numeric && v.id == id) return v;
  if (!id_only)
    for (const auto& v : values)
      if (iequals(v.name, ref)) return v;
  return fail(ErrorCode::not_found, "no value \"" + ref.substr(0, 60) + "\" (see `headway value list`)", field);
}

Result<core::Value> add_value(Context& ctx, const Actor& actor, const std::string& name, std::optional<int> rank) {
  std::string clean = HW_TRY(core::validate_name(name, "name"));
  if (rank) HW_CHECK(core::validate_rank(*rank));
  core::Value v;
  v.person_id = actor.person_id;
  if (auto cat = core::find_catalogue_value(clean)) {
    v.name = cat->name;
  } else {
    v.name = clean;
    v.custom = true;
  }
  v.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Value> {
    auto values = HW_TRY(tx.list_values(actor.person_id));
    for (const auto& existing : values)
      if (iequals(existing.name, v.name))
        return fail(ErrorCode::conflict, "you already have the value \"" + existing.name + "\"", "name");
    v.id = HW_TRY(tx.insert_value(v));
    if (rank && *rank > 0) {
      values.push_back(v);
      for (Id changed : core::apply_rank(values, values.size() - 1, *rank))
        for (const auto& x : values)
          if (x.id == changed) HW_CHECK(tx.update_value(x));
      v = values.back();
    }
    return v;
  });
}

Result<std::vector<core::Value>> rank_value(Context& ctx, const Actor& actor, const std::string& ref, int rank,
                                            bool id_only) {
  HW_CHECK(core::validate_rank(rank));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::Value>> {
    const core::Value target = HW_TRY(resolve_value(tx, actor, ref, "value", id_only));
    auto values = HW_TRY(tx.list_values(actor.person_id));
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& x) { return x.id == target.id; });
    for (Id changed : core::apply_rank(values, static_cast<size_t>(it - values.begin()), rank))
      for (const auto& x : values)
        if (x.id == changed) HW_CHECK(tx.update_value(x));
    return tx.list_values(actor.person_id);
  });
}

Result<void> remove_value(Context& ctx, const Actor& actor, const std::string& ref, bool id_only) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    const core::Value target = HW_TRY(resolve_value(tx, actor, ref, "value", id_only));
    // A goal must keep at least one value: refuse to orphan one.
    for (const auto& g : HW_TRY(tx.list_goals(actor.person_id)))
      if (g.value_ids.size() == 1 && g.value_ids[0] == target.id)
        return fail(ErrorCode::conflict,
                    "goal " + std::to_string(g.id) + " (\"" + g.title + "\") links only to this value", "value");
    HW_CHECK(tx.delete_value(actor.person_id, target.id));
    // Close the gap in the ranking.
    auto values = HW_TRY(tx.list_values(actor.person_id));
    int next = 1;
    for (auto& v : values) {
      if (v.rank == 0) continue;
      if (v.rank != next) {
        v.rank = next;
        HW_CHECK(tx.update_value(v));
      }
      ++next;
    }
    return {};
  });
}

Result<std::vector<core::Value>> list_values(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.list_values(actor.person_id); });
}

Result<core::Motivation> set_motivation(Context& ctx, const Actor& actor, const std::string& driver, int rating) {
  core::Motivation m;
  m.person_id = actor.person_id;
  m.driver = HW_TRY(core::parse_driver(driver));
  m.rating = HW_TRY(core::validate_1_to_5(rating, "rating"));
  m.updated_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Motivation> {
    HW_CHECK(load_person(tx, actor));
    HW_CHECK(tx.upsert_motivation(m));
    return m;
  });
}

Result<core::Catalyst> add_catalyst(Context& ctx, const Actor& actor, const std::string& kind,
                                    const std::optional<std::string>& date, const std::string& note) {
  core::Catalyst c;
  c.person_id = actor.person_id;
  c.kind = HW_TRY(core::parse_catalyst_kind(kind));
  c.note = HW_TRY(core::validate_text(note, "note", 2000, false));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Catalyst> {
    const auto pz = HW_TRY(load_person(tx, actor));
    c.date = HW_TRY(date_or_today(ctx, pz.zone, date));
    c.id = HW_TRY(tx.insert_catalyst(c));
    return c;
  });
}

Result<MotivationProfile> motivation_profile(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<MotivationProfile> {
    return MotivationProfile{HW_TRY(tx.list_motivations(actor.person_id)), HW_TRY(tx.list_catalysts(actor.person_id))};
  });
}

}  // namespace headway::service
