#pragma once
// In-app notifications: kudos, pledge activation and expiry, grants and invites, coach comments.
#include <array>
#include <string>

#include "core/person.hpp"

namespace headway::core {

enum class NotificationKind {
  kudos,             // object: the win
  pledge_activated,  // object: the pledge
  pledge_expired,    // object: the pledge
  grant_received,    // object: the grant
  grant_revoked,     // object: the grant
  circle_joined,     // object: the circle (to its owner)
  plan_comment,      // object: the conversation plan
};
inline constexpr std::array<const char*, 7> kNotificationKindNames{
    "kudos", "pledge_activated", "pledge_expired", "grant_received", "grant_revoked", "circle_joined", "plan_comment"};
inline const char* to_string(NotificationKind k) { return kNotificationKindNames[static_cast<size_t>(k)]; }
Result<NotificationKind> parse_notification_kind(std::string_view text, std::string_view field = "kind");

struct Notification {
  Id id = 0;
  Id person_id = 0;
  NotificationKind kind = NotificationKind::kudos;
  Id object_id = 0;
  std::string text;  // one sentence to show, written when the event happens
  Instant created_at = 0;
  Instant read_at = 0;  // 0 = unread
};

// The sentences notifications carry, shared by the use cases and the demo.
// `circle` empty: the kudos came through a partner grant.
std::string kudos_text(const std::string& from, const std::string& emoji, const std::string& circle);
std::string circle_joined_text(const std::string& who, const std::string& circle);
// “pledge” in circle
std::string pledge_about(const std::string& pledge, const std::string& circle);
std::string pledge_active_text(int signers, const std::string& pledge, const std::string& circle);
std::string plan_comment_text(const std::string& who);

}  // namespace headway::core
