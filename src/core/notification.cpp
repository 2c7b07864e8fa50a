#include "core/notification.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<NotificationKind> parse_notification_kind(std::string_view text, std::string_view field) {
  return parse_enum<NotificationKind>(text, field, kNotificationKindNames);
}

}  // namespace headway::core
