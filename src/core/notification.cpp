#include "core/notification.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<NotificationKind> parse_notification_kind(std::string_view text, std::string_view field) {
  return parse_enum<NotificationKind>(text, field, kNotificationKindNames);
}

std::string kudos_text(const std::string& from, const std::string& emoji, const std::string& circle) {
  return from + " sent " + emoji + " on your win" + (circle.empty() ? "" : " in " + circle) + ".";
}

std::string circle_joined_text(const std::string& who, const std::string& circle) { return who + " joined " + circle + "."; }

std::string pledge_about(const std::string& pledge, const std::string& circle) {
  return "\u201c" + pledge + "\u201d in " + circle;
}

std::string pledge_active_text(int signers, const std::string& pledge, const std::string& circle) {
  return "Your pledge is active: " + std::to_string(signers) + " people signed " + pledge_about(pledge, circle) + ".";
}

std::string plan_comment_text(const std::string& who) { return who + " commented on your conversation plan."; }

}  // namespace headway::core
