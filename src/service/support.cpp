#include "service/support.hpp"

#include <array>

#include "ingest/plan_document.hpp"
#include "service/evidence.hpp"

namespace headway::service {
namespace {

Result<core::Supporter> build(store::Transaction& tx, const Actor& actor, const SupporterInput& input) {
  core::Supporter s;
  s.person_id = actor.person_id;
  s.name = HW_TRY(core::validate_name(input.name, "name"));
  s.relation = HW_TRY(core::parse_relation(input.relation, "relation"));
  s.kinds = HW_TRY(core::parse_support_kinds(input.kinds));
  if (input.account_email && !input.account_email->empty()) {
    const auto email = HW_TRY(core::validate_email(*input.account_email, "account_email"));
    const auto account = HW_TRY(tx.find_account_by_email(email));
    if (account && account->person_id == actor.person_id)
      return invalid("account_email", "is your own; link a supporter to their account");
    if (account) s.linked_person = account->person_id;
  }
  HW_CHECK(core::validate_supporter(s));
  return s;
}

// The barrier the latest barrier profile scores highest; without one, the barrier most active
// goals are tagged with.
Result<std::optional<core::Barrier>> top_barrier(store::Transaction& tx, Id person) {
  const auto history = HW_TRY(tx.list_assessments(person));
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->instrument_id != "barrier-profile") continue;
    std::optional<core::Barrier> best;
    double score = -1;
    for (const auto& sc : it->scores)
      if (auto b = core::parse_barrier(sc.scale); b && sc.score > score) best = *b, score = sc.score;
    if (best) return best;
  }
  std::array<int, core::kBarrierNames.size()> count{};
  for (const auto& g : HW_TRY(tx.list_goals(person)))
    if (!g.archived && g.barrier) ++count[static_cast<size_t>(*g.barrier)];
  std::optional<core::Barrier> best;
  int most = 0;
  for (size_t i = 0; i < count.size(); ++i)
    if (count[i] > most) best = static_cast<core::Barrier>(i), most = count[i];
  return best;
}

}  // namespace

Result<core::Supporter> add_supporter(Context& ctx, const Actor& actor, const SupporterInput& input) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Supporter> {
    HW_TRY(load_person(tx, actor));
    auto s = HW_TRY(build(tx, actor, input));
    s.created_at = ctx.clock();
    s.id = HW_TRY(tx.together().insert_supporter(s));
    return s;
  });
}

Result<core::Supporter> update_supporter(Context& ctx, const Actor& actor, Id id, const SupporterInput& input) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Supporter> {
    core::Supporter old;
    bool found = false;
    for (const auto& s : HW_TRY(tx.together().list_supporters(actor.person_id)))
      if (s.id == id) old = s, found = true;
    if (!found) return not_found("no such supporter");
    auto s = HW_TRY(build(tx, actor, input));
    s.id = id;
    s.created_at = old.created_at;
    // Without account_email the link stays as it was; an empty one removes it.
    if (!input.account_email) s.linked_person = old.linked_person;
    HW_TRY(tx.together().update_supporter(s));
    return s;
  });
}

Result<void> remove_supporter(Context& ctx, const Actor& actor, Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.together().delete_supporter(actor.person_id, id))) return not_found("no such supporter");
    return {};
  });
}

Result<SupportNetwork> support_network(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<SupportNetwork> {
    SupportNetwork n;
    n.people = HW_TRY(tx.together().list_supporters(actor.person_id));
    n.top_barrier = HW_TRY(top_barrier(tx, actor.person_id));
    n.gaps = core::support_gaps(n.people, n.top_barrier);
    return n;
  });
}

Result<core::ConversationPlan> create_plan(Context& ctx, const Actor& actor, std::optional<Id> goal_id) {
  // The last 4 weeks of evidence, read first in their own transaction.
  SignalsRange range;
  const auto days = HW_TRY(signals(ctx, actor, range));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::ConversationPlan> {
    const auto pz = HW_TRY(load_person(tx, actor));
    std::optional<core::Goal> goal;
    if (goal_id) {
      goal = HW_TRY(tx.find_goal(actor.person_id, *goal_id));
      if (!goal) return fail(ErrorCode::not_found, "no such goal", "goal_id");
    }
    std::vector<core::Boundary> active;
    for (const auto& b : HW_TRY(tx.list_boundaries(actor.person_id)))
      if (b.active) active.push_back(b);
    const auto ev = core::summarize_evidence(days, pz.person);
    auto plan = core::seed_plan(pz.person, goal ? &*goal : nullptr, active, ev);
    plan.person_id = actor.person_id;
    plan.goal_id = goal_id;
    plan.created_at = plan.updated_at = ctx.clock();
    HW_CHECK(core::validate_plan(plan));
    plan.id = HW_TRY(tx.together().insert_plan(plan));
    return plan;
  });
}

Result<std::vector<PlanView>> list_plans(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<PlanView>> {
    std::vector<PlanView> out;
    for (auto& p : HW_TRY(tx.together().list_plans(actor.person_id))) {
      auto comments = HW_TRY(tx.together().list_plan_comments(p.id));
      out.push_back(PlanView{std::move(p), std::move(comments)});
    }
    return out;
  });
}

Result<PlanView> get_plan(Context& ctx, const Actor& actor, Id id) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<PlanView> {
    const auto plan = HW_TRY(tx.together().find_plan(actor.person_id, id));
    if (!plan) return not_found("no such conversation plan");
    return PlanView{*plan, HW_TRY(tx.together().list_plan_comments(id))};
  });
}

Result<core::ConversationPlan> save_plan(Context& ctx, const Actor& actor, Id id, const core::ConversationPlan& text) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::ConversationPlan> {
    auto plan = HW_TRY(tx.together().find_plan(actor.person_id, id));
    if (!plan) return not_found("no such conversation plan");
    core::ConversationPlan next = *plan;
    next.title = text.title;
    next.situation = text.situation;
    next.need = text.need;
    next.proposal = text.proposal;
    next.trial_period = text.trial_period;
    next.offer = text.offer;
    next.fallback = text.fallback;
    next.objections = text.objections;
    next.updated_at = ctx.clock();
    HW_CHECK(core::validate_plan(next));
    HW_TRY(tx.together().update_plan(next));
    return next;
  });
}

Result<void> delete_plan(Context& ctx, const Actor& actor, Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.together().delete_plan(actor.person_id, id))) return not_found("no such conversation plan");
    return {};
  });
}

Result<std::string> plan_document(Context& ctx, const Actor& actor, Id id, bool pdf) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::string> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const auto plan = HW_TRY(tx.together().find_plan(actor.person_id, id));
    if (!plan) return not_found("no such conversation plan");
    const auto comments = HW_TRY(tx.together().list_plan_comments(id));
    const Date today = pz.zone.local_date(ctx.clock());
    return pdf ? ingest::plan_pdf(*plan, comments, pz.person.name, today)
               : ingest::plan_html(*plan, comments, pz.person.name, today);
  });
}

}  // namespace headway::service
