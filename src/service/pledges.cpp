#include "service/pledges.hpp"

#include <algorithm>
#include <set>

#include "service/boundaries.hpp"
#include "service/circles.hpp"
#include "service/notifications.hpp"

namespace headway::service {
namespace {

Result<core::Instant> parse_deadline(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& text) {
  const auto now = ctx.clock();
  if (!text || text->empty()) return now + core::kPledgeDefaultSeconds;
  if (text->size() == 10) {
    const Date d = HW_TRY(core::parse_date(*text, "deadline"));
    return zone.to_instant(core::add_days(d, 1), 0);  // the end of that local day
  }
  return core::parse_instant(*text, "deadline");
}

Result<std::optional<PledgeAdherence>> adherence(store::Transaction& tx, const Context& ctx, const core::Pledge& p,
                                                 std::string& note) {
  if (p.status != core::PledgeStatus::active || !p.boundary_type) return std::optional<PledgeAdherence>();
  PledgeAdherence a;
  for (Id signer : HW_TRY(tx.together().list_signers(p.id))) {
    const auto pz = load_person(tx, Actor{signer});
    if (!pz) continue;
    std::vector<core::Boundary> bs;
    for (const auto& b : HW_TRY(tx.list_boundaries(signer)))
      if (b.active && b.type == *p.boundary_type) bs.push_back(b);
    if (bs.empty()) continue;
    const Date to = pz->zone.local_date(ctx.clock());
    const Date from = std::max(pz->zone.local_date(p.activated_at), core::add_days(to, -(kAdherenceDays - 1)));
    if (to < from) continue;
    if (a.judged_days == 0 && a.members_with_evidence == 0) a.from = from, a.to = to;
    a.from = std::min(a.from, from);
    a.to = std::max(a.to, to);
    int judged = 0;
    for (const auto& e : HW_TRY(evaluate_range(tx, pz->person, pz->zone, bs, from, to))) {
      if (e.status == core::Status::unknown) continue;
      ++judged;
      if (e.status == core::Status::kept) ++a.kept_days;
    }
    if (judged > 0) ++a.members_with_evidence;
    a.judged_days += judged;
  }
  if (a.members_with_evidence < core::kPledgeMinEvidence) {
    note = "The group's figure appears once at least " + std::to_string(core::kPledgeMinEvidence) +
           " signers have evidence for this boundary.";
    return std::optional<PledgeAdherence>();
  }
  a.rate = a.judged_days ? static_cast<double>(a.kept_days) / a.judged_days : 0;
  return std::optional<PledgeAdherence>(a);
}

Result<PledgeView> view(store::Transaction& tx, const Context& ctx, const Actor& actor, const core::Pledge& p,
                        const core::Circle& c) {
  PledgeView v;
  v.pledge = p;
  v.pledge.status = core::status_at(p, ctx.clock());
  v.circle_name = c.name;
  v.signed_by_me = HW_TRY(tx.together().has_signed(p.id, actor.person_id));
  v.mine = p.author_id == actor.person_id;
  v.adherence = HW_TRY(adherence(tx, ctx, v.pledge, v.adherence_note));
  return v;
}

// The pledge and its circle when the actor is a member of the circle; not_found otherwise.
Result<std::pair<core::Pledge, core::Circle>> visible_pledge(store::Transaction& tx, const Actor& actor, Id id) {
  const auto p = HW_TRY(tx.together().find_pledge(id));
  if (!p) return not_found("no such pledge");
  auto c = member_circle(tx, actor, p->circle_id);
  if (!c) {
    if (c.error().code == ErrorCode::not_found) return not_found("no such pledge");
    return tl::unexpected(c.error());
  }
  return std::make_pair(*p, *c);
}

}  // namespace

Result<PledgeView> create_pledge(Context& ctx, const Actor& actor, Id circle, const NewPledge& input) {
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<PledgeView> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto c = HW_TRY(member_circle(tx, actor, circle));
    core::Pledge p;
    p.circle_id = circle;
    p.author_id = actor.person_id;
    p.text = input.text;
    p.threshold = input.threshold;
    p.deadline = HW_TRY(parse_deadline(ctx, pz.zone, input.deadline));
    if (input.boundary_type) p.boundary_type = HW_TRY(core::parse_boundary_type(*input.boundary_type, "boundary_type"));
    p.created_at = now;
    HW_CHECK(core::validate_pledge(p, now));
    p.id = HW_TRY(tx.together().insert_pledge(p));
    return view(tx, ctx, actor, p, c);
  });
}

Result<std::vector<PledgeView>> list_pledges(Context& ctx, const Actor& actor, Id circle) {
  HW_CHECK(expire_due_pledges(ctx));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<PledgeView>> {
    const auto c = HW_TRY(member_circle(tx, actor, circle));
    std::vector<PledgeView> out;
    for (const auto& p : HW_TRY(tx.together().list_pledges(circle))) out.push_back(HW_TRY(view(tx, ctx, actor, p, c)));
    return out;
  });
}

Result<PledgeView> get_pledge(Context& ctx, const Actor& actor, Id pledge) {
  HW_CHECK(expire_due_pledges(ctx));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<PledgeView> {
    const auto [p, c] = HW_TRY(visible_pledge(tx, actor, pledge));
    return view(tx, ctx, actor, p, c);
  });
}

Result<PledgeView> sign_pledge(Context& ctx, const Actor& actor, Id pledge) {
  return store::with_locking(ctx.db, [&](store::Transaction& tx) -> Result<PledgeView> {
    const auto now = ctx.clock();
    const auto [found, c] = HW_TRY(visible_pledge(tx, actor, pledge));
    HW_CHECK(core::may_sign(found, now));
    auto& t = tx.together();
    if (!HW_TRY(t.insert_signature(pledge, actor.person_id, now)))
      return fail(ErrorCode::conflict, "you have already signed this pledge", "pledge");
    // From here on, signers of this pledge take turns: the count below includes every signature
    // committed before this one, so exactly one signer sees the threshold reached.
    const auto locked = HW_TRY(t.lock_pledge(pledge));
    if (!locked) return not_found("no such pledge");
    HW_CHECK(core::may_sign(*locked, now));
    const std::string about = core::pledge_about(locked->text, c.name);
    if (locked->status == core::PledgeStatus::active) {
      HW_CHECK(notify(tx, actor.person_id, core::NotificationKind::pledge_activated, pledge,
                      "You joined an active pledge: " + about + ".", now));
    } else if (core::reaches_threshold(*locked, locked->signers) && HW_TRY(t.activate_pledge(pledge, now))) {
      for (Id signer : HW_TRY(t.list_signers(pledge)))
        HW_CHECK(notify(tx, signer, core::NotificationKind::pledge_activated, pledge,
                        core::pledge_active_text(locked->signers, locked->text, c.name), now));
    }
    const auto after = HW_TRY(t.find_pledge(pledge));
    return view(tx, ctx, actor, *after, c);
  });
}

Result<PledgeView> withdraw_pledge(Context& ctx, const Actor& actor, Id pledge) {
  return store::with_locking(ctx.db, [&](store::Transaction& tx) -> Result<PledgeView> {
    const auto now = ctx.clock();
    const auto [found, c] = HW_TRY(visible_pledge(tx, actor, pledge));
    auto& t = tx.together();
    const auto locked = HW_TRY(t.lock_pledge(pledge));
    if (!locked) return not_found("no such pledge");
    HW_CHECK(core::may_withdraw(*locked, now));
    if (!HW_TRY(t.delete_signature(pledge, actor.person_id)))
      return fail(ErrorCode::conflict, "you have not signed this pledge", "pledge");
    const auto after = HW_TRY(t.find_pledge(pledge));
    return view(tx, ctx, actor, *after, c);
  });
}

Result<int> expire_due_pledges(Context& ctx) {
  const auto now = ctx.clock();
  constexpr int kBatch = 100;
  const auto due = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.together().due_pledges(now, 1); }));
  if (due.empty()) return 0;
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<int> {
    int expired = 0;
    auto& t = tx.together();
    for (Id id : HW_TRY(t.due_pledges(now, kBatch))) {
      if (!HW_TRY(t.expire_pledge(id, now))) continue;
      ++expired;
      const auto p = HW_TRY(t.find_pledge(id));
      if (!p) continue;
      const auto c = HW_TRY(t.find_circle(p->circle_id));
      std::set<Id> told;
      auto signers = HW_TRY(t.list_signers(id));
      signers.push_back(p->author_id);
      for (Id person : signers)
        if (told.insert(person).second)
          HW_CHECK(notify(tx, person, core::NotificationKind::pledge_expired, id,
                          "\u201c" + p->text + "\u201d in " + (c ? c->name : std::string("a circle")) + " expired with " +
                              std::to_string(p->signers) + " of " + std::to_string(p->threshold) +
                              " signatures. Nobody is bound.",
                          now));
    }
    return expired;
  });
}

}  // namespace headway::service
