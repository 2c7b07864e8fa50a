#pragma once
// The in-app notification centre: what happened that concerns the person (kudos, pledges,
// grants, circle joins, coach comments), newest first.
#include <optional>
#include <string>
#include <vector>

#include "core/notification.hpp"
#include "service/context.hpp"

namespace headway::service {

// Records one notification inside an open transaction.
Result<void> notify(store::Transaction& tx, Id person, core::NotificationKind kind, Id object_id, std::string text,
                    core::Instant now);

struct NotificationPage {
  std::vector<core::Notification> items;
  int unread = 0;
  std::optional<Id> next;  // pass as `before` for the next page
};
inline constexpr int kNotificationPage = 50;

// The actor's notifications, newest first. Expires due pledges first, so an expiry shows up.
Result<NotificationPage> list_notifications(Context& ctx, const Actor& actor, std::optional<Id> before, int limit);
// Marks one notification (or all, without an id) read; not_found for another person's id.
Result<int> mark_read(Context& ctx, const Actor& actor, std::optional<Id> id);

}  // namespace headway::service
