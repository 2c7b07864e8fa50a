// The social part of a database copy: everything that links people to each other, copied once
// every person is in the target, ids kept.
#include <algorithm>
#include <set>

#include "service/copy.hpp"

namespace headway::service {

using core::Date;
using core::Id;

Result<void> copy_together(store::Transaction& src, store::Transaction& dst, const std::vector<core::Person>& people) {
  constexpr Date kEarliest{INT32_MIN / 2};
  constexpr Date kLatest{INT32_MAX / 2};
  constexpr int kAll = INT32_MAX;
  auto& from = src.together();
  auto& to = dst.together();
  std::set<Id> circles;
  for (const auto& p : people) {
    for (const auto& s : HW_TRY(from.list_supporters(p.id))) HW_CHECK(to.insert_supporter(s));
    for (const auto& c : HW_TRY(from.list_circles_of(p.id))) circles.insert(c.id);
    for (const auto& plan : HW_TRY(from.list_plans(p.id))) {
      HW_CHECK(to.insert_plan(plan));
      for (const auto& c : HW_TRY(from.list_plan_comments(plan.id))) HW_CHECK(to.insert_plan_comment(c));
    }
    auto notes = HW_TRY(from.list_notifications(p.id, std::nullopt, kAll));
    std::reverse(notes.begin(), notes.end());
    for (const auto& n : notes) HW_CHECK(to.insert_notification(n));
  }
  for (const auto& p : people)
    for (const auto& g : HW_TRY(from.list_grants_given(p.id))) HW_CHECK(to.insert_grant(g));
  for (const auto& p : people) {
    auto log = HW_TRY(from.list_grant_accesses(p.id, kAll));
    std::reverse(log.begin(), log.end());
    for (const auto& a : log) HW_CHECK(to.insert_grant_access(a));
  }
  // Circles nobody belongs to any more are gone already (the last member's leaving deletes them).
  for (Id id : circles) {
    const auto c = HW_TRY(from.find_circle(id));
    if (!c) continue;
    HW_CHECK(to.insert_circle(*c));
    for (const auto& m : HW_TRY(from.list_circle_members(id))) HW_CHECK(to.add_circle_member(id, m.person_id, m.joined_at));
    for (const auto& i : HW_TRY(from.list_circle_invites(id))) HW_CHECK(to.insert_circle_invite(i));
    std::vector<Id> shared;
    for (const auto& w : HW_TRY(from.circle_feed(id, std::nullopt, kAll))) {
      HW_CHECK(to.share_win(core::WinShare{w.win_id, id, w.person_id, w.shared_at}));
      shared.push_back(w.win_id);
    }
    for (const auto& k : HW_TRY(from.list_kudos(shared, id))) HW_CHECK(to.insert_kudos(k));
    for (const auto& pl : HW_TRY(from.list_pledges(id))) {
      HW_CHECK(to.insert_pledge(pl));
      for (const auto& [who, at] : HW_TRY(from.list_signatures(pl.id))) HW_CHECK(to.insert_signature(pl.id, who, at));
    }
  }
  // Kudos partners gave outside any circle.
  for (const auto& p : people) {
    std::vector<Id> wins;
    for (const auto& w : HW_TRY(src.list_wins(p.id, kEarliest, kLatest))) wins.push_back(w.id);
    for (const auto& k : HW_TRY(from.list_kudos(wins, std::nullopt))) HW_CHECK(to.insert_kudos(k));
  }
  return {};
}

}  // namespace headway::service
