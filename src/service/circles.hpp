#pragma once
// Circles: invite-only peer groups. Only members see a circle; to anyone else it does not exist.
// A member who leaves takes their shared wins (and the kudos on them) and their signatures on
// collecting pledges with them.
#include <optional>
#include <string>
#include <vector>

#include "core/circle.hpp"
#include "service/context.hpp"

namespace headway::service {

struct CircleSummary {
  core::Circle circle;
  int members = 0;
  bool owner = false;  // the actor owns it
};

struct NewCircle {
  std::string name;
  std::string purpose;
};
// Creates a circle owned by the actor, who is its first member.
Result<CircleSummary> create_circle(Context& ctx, const Actor& actor, const NewCircle& input);
Result<std::vector<CircleSummary>> list_circles(Context& ctx, const Actor& actor);

struct CircleDetail {
  CircleSummary summary;
  std::vector<core::CircleMember> members;
};
Result<CircleDetail> get_circle(Context& ctx, const Actor& actor, Id circle);

struct CircleInviteCode {
  std::string code;  // shown once
  core::Instant expires_at = 0;
};
// The owner makes an invite code valid for `valid_days` (default 7, at most 30).
Result<CircleInviteCode> create_circle_invite(Context& ctx, const Actor& actor, Id circle,
                                              std::optional<int> valid_days);
// Joins the circle an unexpired code belongs to.
Result<CircleSummary> join_circle(Context& ctx, const Actor& actor, const std::string& code);
// Leaves a circle. An owner's circle passes to its longest-standing member; the last member's
// leaving deletes it.
Result<void> leave_circle(Context& ctx, const Actor& actor, Id circle);

// Shares one of the actor's wins with a circle they belong to, or takes it back.
Result<void> share_win(Context& ctx, const Actor& actor, Id win, Id circle);
Result<void> unshare_win(Context& ctx, const Actor& actor, Id win, Id circle);

struct FeedEntry {
  core::FeedWin win;
  std::vector<core::Kudos> kudos;
};
struct FeedPage {
  std::vector<FeedEntry> entries;
  std::optional<std::string> next;  // the cursor of the next page
};
inline constexpr int kFeedPage = 20;
// A page of the circle's feed, newest share first; `cursor` comes from the previous page.
Result<FeedPage> circle_feed(Context& ctx, const Actor& actor, Id circle, const std::optional<std::string>& cursor,
                             int limit = kFeedPage);

struct NewKudos {
  std::string emoji;
  std::string message;
};
// Kudos on a win shared with the circle, from another member; its author is notified.
Result<core::Kudos> give_circle_kudos(Context& ctx, const Actor& actor, Id circle, Id win, const NewKudos& input);

// The kudos people gave on one of the actor's own wins, oldest first: in the circles it is shared
// with (with the circle's name) and through partner grants (no circle). Another person's win is
// not_found.
struct KudosOnWin {
  core::Kudos kudos;
  std::string circle_name;  // empty: given through a partner grant
};
struct WinKudos {
  Id win = 0;
  std::vector<core::Circle> shared_with;
  std::vector<KudosOnWin> kudos;
};
Result<WinKudos> kudos_on_win(Context& ctx, const Actor& actor, Id win);

// Internal: the person leaves every circle, as leave_circle does (run before their account is
// deleted, so an owner's circle passes on instead of going with them).
Result<void> leave_all_circles(store::Transaction& tx, Id person);

// Internal: the circle, when the actor is a member; not_found otherwise.
Result<core::Circle> member_circle(store::Transaction& tx, const Actor& actor, Id circle);

}  // namespace headway::service
