#include "service/notifications.hpp"

#include <algorithm>

#include "service/pledges.hpp"

namespace headway::service {

Result<void> notify(store::Transaction& tx, Id person, core::NotificationKind kind, Id object_id, std::string text,
                    core::Instant now) {
  core::Notification n;
  n.person_id = person;
  n.kind = kind;
  n.object_id = object_id;
  n.text = std::move(text);
  n.created_at = now;
  HW_TRY(tx.together().insert_notification(n));
  return {};
}

Result<NotificationPage> list_notifications(Context& ctx, const Actor& actor, std::optional<Id> before, int limit) {
  HW_CHECK(expire_due_pledges(ctx));
  limit = std::clamp(limit, 1, 200);
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<NotificationPage> {
    NotificationPage page;
    page.items = HW_TRY(tx.together().list_notifications(actor.person_id, before, limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(limit);
      page.next = page.items.back().id;
    }
    page.unread = HW_TRY(tx.together().unread_notifications(actor.person_id));
    return page;
  });
}

Result<int> mark_read(Context& ctx, const Actor& actor, std::optional<Id> id) {
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<int> {
    if (id) {
      bool mine = false;
      // A page of one is enough to know whether the id is the actor's.
      for (const auto& n : HW_TRY(tx.together().list_notifications(actor.person_id, *id + 1, 1))) mine = n.id == *id;
      if (!mine) return not_found("no such notification");
    }
    return tx.together().mark_notifications_read(actor.person_id, id, now);
  });
}

}  // namespace headway::service
