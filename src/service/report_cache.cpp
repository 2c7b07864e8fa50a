#include "service/report_cache.hpp"

#include "service/reports.hpp"

namespace headway::service {

Result<std::string> ReportCache::weekly_json(Context& ctx, const Actor& actor, const std::optional<std::string>& date) {
  struct Seen {
    PersonZone pz;
    int64_t revision;
  };
  const auto seen = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<Seen> {
    auto pz = HW_TRY(load_person(tx, actor));
    auto revision = HW_TRY(tx.person_revision(actor.person_id));
    return Seen{std::move(pz), revision.value_or(0)};
  }));
  const Date day = HW_TRY(date_or_today(ctx, seen.pz.zone, date));
  const Key key{actor.person_id, seen.revision, core::week_start(day).days, local_today(ctx, seen.pz.zone).days};
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  // Built outside the lock; a report built from newer data than `revision` is never stale,
  // since any later change raises the revision past this key.
  std::string json = render_json(HW_TRY(weekly_report(ctx, actor, date)));
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) entries_.clear();  // rare: many people x weeks; rebuilt on demand
  entries_.emplace(key, json);
  return json;
}

size_t ReportCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace headway::service
