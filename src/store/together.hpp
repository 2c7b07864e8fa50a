#pragma once
// The social part of the repository: support networks, grants and their access log, circles,
// shared wins and kudos, pledges, notifications, and conversation plans. Like Transaction, every
// read of a person's object takes that person's id; who may see what is decided in service/.
#include <optional>
#include <string>
#include <vector>

#include "core/circle.hpp"
#include "core/conversation.hpp"
#include "core/grant.hpp"
#include "core/notification.hpp"
#include "core/pledge.hpp"
#include "core/supporter.hpp"

namespace headway::store {

using core::Id;
using core::Instant;

// A page position for lists newest first: entries strictly older than (at, id).
struct Cursor {
  Instant at = 0;
  Id id = 0;
};

class Together {
 public:
  virtual ~Together() = default;

  // support network
  virtual Result<Id> insert_supporter(const core::Supporter& s) = 0;
  virtual Result<bool> update_supporter(const core::Supporter& s) = 0;
  virtual Result<bool> delete_supporter(Id person, Id id) = 0;
  virtual Result<std::vector<core::Supporter>> list_supporters(Id person) = 0;

  // grants, with the owner's and grantee's names
  virtual Result<Id> insert_grant(const core::Grant& g) = 0;
  virtual Result<std::optional<core::Grant>> find_grant(Id id) = 0;
  virtual Result<std::optional<core::Grant>> find_grant_by_code(const std::string& code_hash) = 0;
  virtual Result<std::vector<core::Grant>> list_grants_given(Id owner) = 0;
  virtual Result<std::vector<core::Grant>> list_grants_received(Id grantee) = 0;
  // Links e-mail grants waiting for `email` to the person; returns the ids linked.
  virtual Result<std::vector<Id>> claim_email_grants(Id person, const std::string& email, Instant now) = 0;
  // Sets grantee_id, accepted_at and revoked_at from `g`.
  virtual Result<bool> update_grant(const core::Grant& g) = 0;
  virtual Result<void> insert_grant_access(const core::GrantAccess& a) = 0;
  virtual Result<std::vector<core::GrantAccess>> list_grant_accesses(Id owner, int limit) = 0;

  // circles
  virtual Result<Id> insert_circle(const core::Circle& c) = 0;
  virtual Result<std::optional<core::Circle>> find_circle(Id id) = 0;
  virtual Result<std::vector<core::Circle>> list_circles_of(Id person) = 0;
  virtual Result<bool> delete_circle(Id id) = 0;
  virtual Result<void> set_circle_owner(Id circle, Id person) = 0;
  // false when the person is already a member
  virtual Result<bool> add_circle_member(Id circle, Id person, Instant at) = 0;
  virtual Result<bool> remove_circle_member(Id circle, Id person) = 0;
  virtual Result<bool> is_circle_member(Id circle, Id person) = 0;
  virtual Result<std::vector<core::CircleMember>> list_circle_members(Id circle) = 0;
  virtual Result<Id> insert_circle_invite(const core::CircleInvite& i) = 0;
  virtual Result<std::optional<core::CircleInvite>> find_circle_invite(const std::string& code_hash) = 0;
  virtual Result<std::vector<core::CircleInvite>> list_circle_invites(Id circle) = 0;

  // wins shared with circles, and kudos
  virtual Result<bool> share_win(const core::WinShare& s) = 0;  // false when already shared there
  // Takes a share back, with the kudos given on it in that circle.
  virtual Result<bool> unshare_win(Id win, Id circle) = 0;
  virtual Result<int> delete_shares_of(Id person, Id circle) = 0;
  virtual Result<std::vector<Id>> circles_of_win(Id win) = 0;
  // The person who wrote the win; 0 when there is no such win.
  virtual Result<Id> win_author(Id win) = 0;
  // Wins shared with the circle, newest share first, strictly before `before` when given.
  virtual Result<std::vector<core::FeedWin>> circle_feed(Id circle, std::optional<Cursor> before, int limit) = 0;
  virtual Result<Id> insert_kudos(const core::Kudos& k) = 0;
  // Kudos on these wins, oldest first; with `circle` only those given in that circle, otherwise
  // only those given outside any circle.
  virtual Result<std::vector<core::Kudos>> list_kudos(const std::vector<Id>& wins, std::optional<Id> circle) = 0;

  // pledges; signers is counted from the signatures on every read
  virtual Result<Id> insert_pledge(const core::Pledge& p) = 0;
  virtual Result<std::optional<core::Pledge>> find_pledge(Id id) = 0;
  virtual Result<std::vector<core::Pledge>> list_pledges(Id circle) = 0;
  // Takes the pledge's row lock (PostgreSQL: later lockers wait until this transaction ends) and
  // reads it with every committed signature counted.
  virtual Result<std::optional<core::Pledge>> lock_pledge(Id id) = 0;
  virtual Result<bool> insert_signature(Id pledge, Id person, Instant at) = 0;  // false: already signed
  virtual Result<bool> delete_signature(Id pledge, Id person) = 0;
  virtual Result<bool> has_signed(Id pledge, Id person) = 0;
  virtual Result<std::vector<Id>> list_signers(Id pledge) = 0;
  // Signers with the time they signed, in signing order.
  virtual Result<std::vector<std::pair<Id, Instant>>> list_signatures(Id pledge) = 0;
  // Collecting → active / expired; false when the pledge was no longer collecting.
  virtual Result<bool> activate_pledge(Id id, Instant at) = 0;
  virtual Result<bool> expire_pledge(Id id, Instant at) = 0;
  // Collecting pledges whose deadline is at or before `now`.
  virtual Result<std::vector<Id>> due_pledges(Instant now, int limit) = 0;
  // Collecting pledges of the circle the person signed (withdrawn when they leave).
  virtual Result<std::vector<Id>> collecting_signed(Id circle, Id person) = 0;

  // notifications, newest first
  virtual Result<Id> insert_notification(const core::Notification& n) = 0;
  virtual Result<std::vector<core::Notification>> list_notifications(Id person, std::optional<Id> before, int limit) = 0;
  virtual Result<int> unread_notifications(Id person) = 0;
  // Marks one (id) or all (no id) of the person's notifications read; returns how many changed.
  virtual Result<int> mark_notifications_read(Id person, std::optional<Id> id, Instant at) = 0;

  // conversation plans and comments
  virtual Result<Id> insert_plan(const core::ConversationPlan& p) = 0;
  virtual Result<bool> update_plan(const core::ConversationPlan& p) = 0;
  virtual Result<std::optional<core::ConversationPlan>> find_plan(Id person, Id id) = 0;
  virtual Result<std::vector<core::ConversationPlan>> list_plans(Id person) = 0;
  virtual Result<bool> delete_plan(Id person, Id id) = 0;
  virtual Result<Id> insert_plan_comment(const core::PlanComment& c) = 0;
  virtual Result<std::vector<core::PlanComment>> list_plan_comments(Id plan) = 0;
};

}  // namespace headway::store
