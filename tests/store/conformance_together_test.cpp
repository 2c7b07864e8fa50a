// Storage conformance: the social part (migration 007): support networks, grants and their
// access log, circles with members, invites, shared wins and kudos, pledges and signatures,
// notifications, and conversation plans. Runs against every backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

using core::Id;
using core::Instant;

using Conformance = StoreTest;

Id add_person(Transaction& tx, const std::string& name) { return must(tx.insert_person(person(name))); }

core::Circle circle(Id owner, std::string name) { return core::Circle{0, std::move(name), "leave on time", owner, kCreated}; }

core::Pledge pledge(Id circle, Id author, int threshold) {
  core::Pledge p;
  p.circle_id = circle;
  p.author_id = author;
  p.text = "No e-mail after 19:00";
  p.threshold = threshold;
  p.deadline = kCreated + 14 * 86400;
  p.boundary_type = core::BoundaryType::no_messages_after;
  p.created_at = kCreated;
  return p;
}

TEST_P(Conformance, SupportersBelongToTheirPersonOnly) {
  Id ana = 0, ben = 0, id = 0;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    core::Supporter s{0, ana, "Mia", core::Relation::colleague, 0b011, ben, kCreated};
    id = must(tx.together().insert_supporter(s));
  });
  read([&](Transaction& tx) {
    const auto list = must(tx.together().list_supporters(ana));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, "Mia");
    EXPECT_EQ(list[0].relation, core::Relation::colleague);
    EXPECT_EQ(list[0].kinds, 0b011u);
    EXPECT_EQ(list[0].linked_person, std::optional<Id>(ben));
    EXPECT_TRUE(must(tx.together().list_supporters(ben)).empty());
  });
  write([&](Transaction& tx) {
    core::Supporter other{id, ben, "Hacked", core::Relation::family, 1, std::nullopt, kCreated};
    EXPECT_FALSE(must(tx.together().update_supporter(other))) << "another person's id changes nothing";
    EXPECT_FALSE(must(tx.together().delete_supporter(ben, id)));
    core::Supporter mine{id, ana, "Mia R.", core::Relation::friend_, 0b100, std::nullopt, kCreated};
    EXPECT_TRUE(must(tx.together().update_supporter(mine)));
  });
  read([&](Transaction& tx) {
    const auto list = must(tx.together().list_supporters(ana));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, "Mia R.");
    EXPECT_EQ(list[0].linked_person, std::nullopt);
  });
  // Deleting the linked person keeps the supporter, unlinked; deleting the owner removes it.
  write([&](Transaction& tx) { EXPECT_TRUE(must(tx.together().delete_supporter(ana, id))); });
  read([&](Transaction& tx) { EXPECT_TRUE(must(tx.together().list_supporters(ana)).empty()); });
}

TEST_P(Conformance, GrantsAreFoundByIdAndCodeListedBothWaysClaimedAndRevoked) {
  Id ana = 0, ben = 0, by_email = 0, by_link = 0;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    core::Grant g;
    g.owner_id = ana;
    g.grantee_email = "ben@example.org";
    g.scopes.add(core::Scope::wins);
    g.scopes.add(core::Scope::checkin_summary);
    g.created_at = kCreated;
    g.expires_at = kCreated + 86400;
    by_email = must(tx.together().insert_grant(g));
    core::Grant link = g;
    link.grantee_email.clear();
    link.code_hash = std::string(64, 'c');
    by_link = must(tx.together().insert_grant(link));
  });
  read([&](Transaction& tx) {
    const auto g = must(tx.together().find_grant(by_email)).value();
    EXPECT_EQ(g.owner_name, "Ana");
    EXPECT_EQ(g.grantee_id, std::nullopt);
    EXPECT_EQ(g.scopes.names(), (std::vector<std::string>{"wins", "checkin-summary"}));
    EXPECT_EQ(must(tx.together().find_grant_by_code(std::string(64, 'c'))).value().id, by_link);
    EXPECT_EQ(must(tx.together().find_grant_by_code(std::string(64, 'd'))), std::nullopt);
    EXPECT_EQ(must(tx.together().list_grants_given(ana)).size(), 2u);
    EXPECT_TRUE(must(tx.together().list_grants_received(ben)).empty());
  });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.together().claim_email_grants(ana, "ben@example.org", kCreated)).empty()) << "never your own";
    EXPECT_EQ(must(tx.together().claim_email_grants(ben, "ben@example.org", kCreated + 5)), std::vector<Id>{by_email});
    EXPECT_TRUE(must(tx.together().claim_email_grants(ben, "ben@example.org", kCreated + 6)).empty()) << "claimed once";
  });
  write([&](Transaction& tx) {
    auto g = must(tx.together().find_grant(by_email)).value();
    EXPECT_EQ(g.grantee_name, "Ben");
    EXPECT_EQ(g.accepted_at, kCreated + 5);
    g.revoked_at = kCreated + 60;
    EXPECT_TRUE(must(tx.together().update_grant(g)));
    must(tx.together().insert_grant_access(core::GrantAccess{0, by_email, ana, ben, "", core::Scope::wins, "wins", kCreated + 10}));
    must(tx.together().insert_grant_access(core::GrantAccess{0, by_email, ana, ben, "", core::Scope::checkin_summary, "checkin-summary", kCreated + 20}));
  });
  read([&](Transaction& tx) {
    const auto received = must(tx.together().list_grants_received(ben));
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].revoked_at, kCreated + 60);
    const auto log = must(tx.together().list_grant_accesses(ana, 10));
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].what, "checkin-summary");  // newest first
    EXPECT_EQ(log[0].grantee_name, "Ben");
    EXPECT_EQ(must(tx.together().list_grant_accesses(ana, 1)).size(), 1u);
    EXPECT_TRUE(must(tx.together().list_grant_accesses(ben, 10)).empty());
  });
}

TEST_P(Conformance, CircleMembersInvitesSharesFeedAndKudos) {
  Id ana = 0, ben = 0, c = 0, other = 0;
  std::vector<Id> wins;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    c = must(tx.together().insert_circle(circle(ana, "North")));
    other = must(tx.together().insert_circle(circle(ben, "South")));
    EXPECT_TRUE(must(tx.together().add_circle_member(c, ana, kCreated)));
    EXPECT_TRUE(must(tx.together().add_circle_member(c, ben, kCreated + 1)));
    EXPECT_FALSE(must(tx.together().add_circle_member(c, ben, kCreated + 2))) << "already a member";
    EXPECT_TRUE(must(tx.together().add_circle_member(other, ben, kCreated)));
    must(tx.together().insert_circle_invite(core::CircleInvite{0, c, std::string(64, 'a'), ana, kCreated, kCreated + 7 * 86400}));
    for (int i = 0; i < 5; ++i) {
      const Id w = must(tx.insert_win(win(ben, kDay, "win " + std::to_string(i))));
      wins.push_back(w);
      // Two shares at the same instant: the win id breaks the tie.
      EXPECT_TRUE(must(tx.together().share_win(core::WinShare{w, c, ben, kCreated + 100 + i / 2})));
    }
    EXPECT_FALSE(must(tx.together().share_win(core::WinShare{wins[0], c, ben, kCreated + 500})));
    EXPECT_TRUE(must(tx.together().share_win(core::WinShare{wins[0], other, ben, kCreated + 500})));
  });
  read([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.together().is_circle_member(c, ben)));
    EXPECT_FALSE(must(tx.together().is_circle_member(other, ana)));
    const auto members = must(tx.together().list_circle_members(c));
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].name, "Ana");
    EXPECT_EQ(must(tx.together().list_circles_of(ben)).size(), 2u);
    EXPECT_EQ(must(tx.together().find_circle_invite(std::string(64, 'a'))).value().circle_id, c);
    EXPECT_EQ(must(tx.together().circles_of_win(wins[0])), (std::vector<Id>{std::min(c, other), std::max(c, other)}));
    EXPECT_EQ(must(tx.together().win_author(wins[0])), ben);
    EXPECT_EQ(must(tx.together().win_author(wins[0] + 1000)), 0);
    // Newest first, pages of two, no repeats.
    std::vector<Id> seen;
    std::optional<Cursor> before;
    for (;;) {
      const auto page = must(tx.together().circle_feed(c, before, 2));
      for (const auto& e : page) seen.push_back(e.win_id);
      if (page.size() < 2) break;
      before = Cursor{page.back().shared_at, page.back().win_id};
    }
    EXPECT_EQ(seen, (std::vector<Id>{wins[4], wins[3], wins[2], wins[1], wins[0]}));
  });
  write([&](Transaction& tx) {
    must(tx.together().insert_kudos(core::Kudos{0, wins[0], ana, "", c, "🎉", "well done", kCreated + 200}));
    must(tx.together().insert_kudos(core::Kudos{0, wins[0], ana, "", std::nullopt, "👏", "", kCreated + 201}));
    must(tx.together().insert_kudos(core::Kudos{0, wins[1], ana, "", other, "🙌", "", kCreated + 202}));
  });
  read([&](Transaction& tx) {
    const auto in_c = must(tx.together().list_kudos(wins, c));
    ASSERT_EQ(in_c.size(), 1u);
    EXPECT_EQ(in_c[0].emoji, "🎉");
    EXPECT_EQ(in_c[0].from_name, "Ana");
    const auto direct = must(tx.together().list_kudos(wins, std::nullopt));
    ASSERT_EQ(direct.size(), 1u);
    EXPECT_EQ(direct[0].emoji, "👏");
  });
  // Leaving: Ben's shares in North go, with the kudos given there; South keeps its share.
  write([&](Transaction& tx) {
    EXPECT_EQ(must(tx.together().delete_shares_of(ben, c)), 5);
    EXPECT_TRUE(must(tx.together().remove_circle_member(c, ben)));
    EXPECT_FALSE(must(tx.together().remove_circle_member(c, ben)));
  });
  read([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.together().circle_feed(c, std::nullopt, 10)).empty());
    EXPECT_TRUE(must(tx.together().list_kudos(wins, c)).empty());
    EXPECT_EQ(must(tx.together().list_kudos(wins, std::nullopt)).size(), 1u);
    EXPECT_EQ(must(tx.together().circle_feed(other, std::nullopt, 10)).size(), 1u);
  });
  write([&](Transaction& tx) {
    must(tx.together().set_circle_owner(c, ben));
    EXPECT_TRUE(must(tx.together().delete_circle(other)));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.together().find_circle(c)).value().owner_id, ben);
    EXPECT_EQ(must(tx.together().find_circle(other)), std::nullopt);
    EXPECT_TRUE(must(tx.together().circles_of_win(wins[0])).empty());
  });
}

TEST_P(Conformance, PledgeSignaturesCountActivateOnceAndExpireOnlyWhileCollecting) {
  Id ana = 0, ben = 0, c = 0, p = 0, q = 0;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    c = must(tx.together().insert_circle(circle(ana, "North")));
    p = must(tx.together().insert_pledge(pledge(c, ana, 2)));
    core::Pledge soon = pledge(c, ana, 3);
    soon.deadline = kCreated + 60;
    soon.boundary_type.reset();
    q = must(tx.together().insert_pledge(soon));
    EXPECT_TRUE(must(tx.together().insert_signature(p, ana, kCreated)));
    EXPECT_FALSE(must(tx.together().insert_signature(p, ana, kCreated + 1))) << "one signature per person";
    EXPECT_TRUE(must(tx.together().insert_signature(q, ben, kCreated)));
  });
  read([&](Transaction& tx) {
    const auto got = must(tx.together().find_pledge(p)).value();
    EXPECT_EQ(got.signers, 1);
    EXPECT_EQ(got.status, core::PledgeStatus::collecting);
    EXPECT_EQ(got.boundary_type, std::optional(core::BoundaryType::no_messages_after));
    EXPECT_EQ(must(tx.together().list_pledges(c)).size(), 2u);
    EXPECT_TRUE(must(tx.together().has_signed(p, ana)));
    EXPECT_FALSE(must(tx.together().has_signed(p, ben)));
    EXPECT_EQ(must(tx.together().collecting_signed(c, ben)), std::vector<Id>{q});
    EXPECT_EQ(must(tx.together().due_pledges(kCreated + 60, 10)), std::vector<Id>{q});
    EXPECT_TRUE(must(tx.together().due_pledges(kCreated + 59, 10)).empty());
  });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.together().insert_signature(p, ben, kCreated + 2)));
    const auto locked = must(tx.together().lock_pledge(p)).value();
    EXPECT_EQ(locked.signers, 2);
    EXPECT_TRUE(must(tx.together().activate_pledge(p, kCreated + 3)));
    EXPECT_FALSE(must(tx.together().activate_pledge(p, kCreated + 4))) << "activates once";
    EXPECT_FALSE(must(tx.together().expire_pledge(p, kCreated + 5))) << "an active pledge never expires";
    EXPECT_TRUE(must(tx.together().expire_pledge(q, kCreated + 61)));
    EXPECT_FALSE(must(tx.together().activate_pledge(q, kCreated + 62))) << "an expired pledge never activates";
    EXPECT_EQ(must(tx.together().lock_pledge(p + q + 1000)), std::nullopt);
  });
  read([&](Transaction& tx) {
    const auto a = must(tx.together().find_pledge(p)).value();
    EXPECT_EQ(a.status, core::PledgeStatus::active);
    EXPECT_EQ(a.activated_at, kCreated + 3);
    const auto e = must(tx.together().find_pledge(q)).value();
    EXPECT_EQ(e.status, core::PledgeStatus::expired);
    EXPECT_EQ(e.expired_at, kCreated + 61);
    EXPECT_EQ(must(tx.together().list_signers(p)), (std::vector<Id>{ana, ben}));
    EXPECT_TRUE(must(tx.together().due_pledges(kCreated + 1000, 10)).empty());
  });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.together().delete_signature(p, ben)));
    EXPECT_FALSE(must(tx.together().delete_signature(p, ben)));
  });
}

// Signers in parallel threads, each in its own locking transaction: the count each one sees after
// taking the lock is unique, and exactly one of them activates the pledge.
TEST_P(Conformance, ConcurrentSignersActivateAPledgeExactlyOnce) {
  constexpr int kSigners = 16, kThreshold = 8;
  Id c = 0, p = 0;
  std::vector<Id> people;
  write([&](Transaction& tx) {
    for (int i = 0; i < kSigners; ++i) people.push_back(add_person(tx, "Signer " + std::to_string(i)));
    c = must(tx.together().insert_circle(circle(people[0], "Crowd")));
    p = must(tx.together().insert_pledge(pledge(c, people[0], kThreshold)));
  });
  std::atomic<int> activations{0};
  std::vector<int> seen(kSigners, 0);
  std::vector<std::string> errors(kSigners);
  std::vector<std::thread> threads;
  for (int i = 0; i < kSigners; ++i)
    threads.emplace_back([&, i] {
      auto r = with_locking(*db_, [&](Transaction& tx) -> Result<int> {
        if (!HW_TRY(tx.together().insert_signature(p, people[i], kCreated + i))) return fail(ErrorCode::conflict, "twice");
        const auto locked = HW_TRY(tx.together().lock_pledge(p));
        if (!locked) return fail(ErrorCode::not_found, "the pledge vanished");
        int activated = 0;
        if (core::reaches_threshold(*locked, locked->signers) && HW_TRY(tx.together().activate_pledge(p, kCreated + 100)))
          activated = 1;
        seen[i] = locked->signers;
        return activated;
      });
      if (!r) errors[i] = r.error().message;
      else activations += *r;
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kSigners; ++i) EXPECT_EQ(errors[i], "") << "signer " << i;
  EXPECT_EQ(activations.load(), 1);
  std::sort(seen.begin(), seen.end());
  for (int i = 0; i < kSigners; ++i) EXPECT_EQ(seen[i], i + 1) << "each signer saw every earlier signature";
  read([&](Transaction& tx) {
    const auto got = must(tx.together().find_pledge(p)).value();
    EXPECT_EQ(got.signers, kSigners);
    EXPECT_EQ(got.status, core::PledgeStatus::active);
  });
}

TEST_P(Conformance, NotificationsArePerPersonNewestFirstAndMarkedRead) {
  Id ana = 0, ben = 0;
  std::vector<Id> ids;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    for (int i = 0; i < 3; ++i)
      ids.push_back(must(tx.together().insert_notification(
          core::Notification{0, ana, core::NotificationKind::kudos, 100 + i, "n" + std::to_string(i), kCreated + i, 0})));
    must(tx.together().insert_notification(core::Notification{0, ben, core::NotificationKind::pledge_activated, 7, "b", kCreated, 0}));
  });
  read([&](Transaction& tx) {
    const auto all = must(tx.together().list_notifications(ana, std::nullopt, 10));
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].text, "n2");
    EXPECT_EQ(all[0].object_id, 102);
    const auto older = must(tx.together().list_notifications(ana, ids[2], 10));
    EXPECT_EQ(older.size(), 2u);
    EXPECT_EQ(must(tx.together().unread_notifications(ana)), 3);
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(must(tx.together().mark_notifications_read(ben, ids[0], kCreated + 9)), 0) << "not Ben's";
    EXPECT_EQ(must(tx.together().mark_notifications_read(ana, ids[0], kCreated + 9)), 1);
    EXPECT_EQ(must(tx.together().mark_notifications_read(ana, std::nullopt, kCreated + 10)), 2);
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.together().unread_notifications(ana)), 0);
    EXPECT_EQ(must(tx.together().unread_notifications(ben)), 1);
    EXPECT_EQ(must(tx.together().list_notifications(ana, std::nullopt, 10))[2].read_at, kCreated + 9);
  });
}

TEST_P(Conformance, ConversationPlansAndCommentsRoundTripPerPerson) {
  Id ana = 0, ben = 0, plan = 0;
  core::ConversationPlan p;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    p.person_id = ana;
    p.title = "Ending my day at 17:30";
    p.situation = "9 meetings after hours — in 4 weeks";
    p.need = "Evenings";
    p.proposal = "Offline from 17:30";
    p.trial_period = "4 weeks";
    p.offer = "An end-of-day update";
    p.fallback = "Two late days a week";
    p.objections = {{"Clients expect answers", "An on-call rota"}, {"\"Quotes\" and \\ backslashes", ""}};
    p.created_at = kCreated;
    p.updated_at = kCreated;
    plan = must(tx.together().insert_plan(p));
    p.id = plan;
    must(tx.together().insert_plan_comment(core::PlanComment{0, plan, ben, "", "Lead with the evidence.", kCreated + 5}));
  });
  read([&](Transaction& tx) {
    const auto got = must(tx.together().find_plan(ana, plan)).value();
    EXPECT_EQ(got.title, p.title);
    EXPECT_EQ(got.situation, p.situation);
    EXPECT_EQ(got.objections, p.objections);
    EXPECT_EQ(must(tx.together().find_plan(ben, plan)), std::nullopt);
    const auto comments = must(tx.together().list_plan_comments(plan));
    ASSERT_EQ(comments.size(), 1u);
    EXPECT_EQ(comments[0].author_name, "Ben");
  });
  write([&](Transaction& tx) {
    core::ConversationPlan theirs = p;
    theirs.person_id = ben;
    theirs.title = "Hijacked";
    EXPECT_FALSE(must(tx.together().update_plan(theirs)));
    EXPECT_FALSE(must(tx.together().delete_plan(ben, plan)));
    p.objections.clear();
    p.updated_at = kCreated + 60;
    EXPECT_TRUE(must(tx.together().update_plan(p)));
  });
  read([&](Transaction& tx) {
    const auto got = must(tx.together().list_plans(ana));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_TRUE(got[0].objections.empty());
    EXPECT_EQ(got[0].updated_at, kCreated + 60);
  });
}

TEST_P(Conformance, DeletingAPersonRemovesTheirSocialData) {
  Id ana = 0, ben = 0, c = 0;
  write([&](Transaction& tx) {
    ana = add_person(tx, "Ana");
    ben = add_person(tx, "Ben");
    c = must(tx.together().insert_circle(circle(ben, "Ben's")));
    must(tx.together().add_circle_member(c, ben, kCreated));
    must(tx.together().add_circle_member(c, ana, kCreated));
    const Id p = must(tx.together().insert_pledge(pledge(c, ben, 2)));
    must(tx.together().insert_signature(p, ana, kCreated));
    const Id w = must(tx.insert_win(win(ana, kDay, "mine")));
    must(tx.together().share_win(core::WinShare{w, c, ana, kCreated}));
    must(tx.together().insert_notification(core::Notification{0, ana, core::NotificationKind::kudos, w, "x", kCreated, 0}));
    must(tx.together().insert_supporter(core::Supporter{0, ana, "Mia", core::Relation::friend_, 1, std::nullopt, kCreated}));
  });
  write([&](Transaction& tx) { must(tx.delete_person(ana)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.together().list_circle_members(c)).size(), 1u);
    EXPECT_TRUE(must(tx.together().circle_feed(c, std::nullopt, 10)).empty());
    EXPECT_EQ(must(tx.together().list_pledges(c)).at(0).signers, 0);
    EXPECT_TRUE(must(tx.together().list_notifications(ana, std::nullopt, 10)).empty());
    EXPECT_TRUE(must(tx.together().list_supporters(ana)).empty());
  });
}

}  // namespace
}  // namespace headway::store::testing
