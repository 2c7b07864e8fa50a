#pragma once
// Circles: invite-only peer groups with a feed of wins their members chose to share, and kudos.
#include <optional>
#include <string>

#include "core/person.hpp"

namespace headway::core {

struct Circle {
  Id id = 0;
  std::string name;     // 1-100 characters
  std::string purpose;  // up to kCirclePurposeBytes, may be empty
  Id owner_id = 0;
  Instant created_at = 0;
};
inline constexpr size_t kCirclePurposeBytes = 1000;
Result<void> validate_circle(const Circle& c);

struct CircleMember {
  Id circle_id = 0;
  Id person_id = 0;
  std::string name;  // the member's display name, read with the membership
  Instant joined_at = 0;
};

// An invite code: the code itself is shown once; only its SHA-256 is stored.
struct CircleInvite {
  Id id = 0;
  Id circle_id = 0;
  std::string code_hash;
  Id created_by = 0;
  Instant created_at = 0;
  Instant expires_at = 0;
};
inline constexpr int64_t kInviteDefaultSeconds = 7 * 86400;
inline constexpr int64_t kInviteMaxSeconds = 30 * 86400;

// A win shared with a circle; leaving the circle removes the member's shares.
struct WinShare {
  Id win_id = 0;
  Id circle_id = 0;
  Id person_id = 0;
  Instant shared_at = 0;
};

// Kudos on a win: an emoji and a short message, from a circle member or a partner who can see it.
struct Kudos {
  Id id = 0;
  Id win_id = 0;
  Id from_id = 0;
  std::string from_name;  // read with the kudos
  std::optional<Id> circle_id;  // given in this circle's feed; empty: through a partner grant
  std::string emoji;
  std::string message;
  Instant created_at = 0;
};
inline constexpr size_t kKudosMessageBytes = 280;
inline constexpr size_t kKudosEmojiBytes = 32;
// The emoji must be one short non-ASCII symbol (one emoji, possibly with modifiers); the
// message is optional plain text.
Result<void> validate_kudos(const Kudos& k);

// One entry of a circle feed: the win as shared, who shared it, and its kudos.
struct FeedWin {
  Id win_id = 0;
  Id person_id = 0;
  std::string person_name;
  std::string text;
  std::string size;
  Date date;
  Instant shared_at = 0;
};

}  // namespace headway::core
