#include "service/grants.hpp"

#include <algorithm>
#include <map>

#include "service/accounts.hpp"
#include "service/assessments.hpp"
#include "service/notifications.hpp"

namespace headway::service {
namespace {

constexpr const char* kGrantCodePrefix = "hwg_";

Result<core::Instant> parse_expiry(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& text) {
  const auto now = ctx.clock();
  if (!text || text->empty()) return now + core::kGrantDefaultSeconds;
  if (text->size() == 10) {
    const Date d = HW_TRY(core::parse_date(*text, "expires"));
    return zone.to_instant(core::add_days(d, 1), 0);
  }
  return core::parse_instant(*text, "expires");
}

std::string scope_list(const core::ScopeSet& s) {
  std::string out;
  for (const auto& n : s.names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The grant when it is the actor's, live and holds `scope`; records the access as `what`.
// Anything else is not_found, so a revoked or expired grant looks like no grant at all.
Result<core::Grant> use_grant(store::Transaction& tx, const Context& ctx, const Actor& actor, Id id,
                              std::optional<core::Scope> scope, const std::string& what) {
  const auto now = ctx.clock();
  const auto g = HW_TRY(tx.together().find_grant(id));
  if (!g || g->grantee_id != actor.person_id || !core::grant_live(*g, now) || (scope && !g->scopes.has(*scope)))
    return not_found("no such shared access");
  if (scope)
    HW_CHECK(tx.together().insert_grant_access(core::GrantAccess{0, g->id, g->owner_id, actor.person_id, "", *scope, what, now}));
  return *g;
}

// Checks the grant and records the access in its own transaction, then returns the grant.
Result<core::Grant> open_scope(Context& ctx, const Actor& actor, Id id, core::Scope scope, const std::string& what) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) { return use_grant(tx, ctx, actor, id, scope, what); });
}

}  // namespace

Result<GrantCreated> create_grant(Context& ctx, const Actor& actor, const NewGrant& input) {
  const auto now = ctx.clock();
  const auto scopes = HW_TRY(core::parse_scopes(input.scopes));
  std::optional<std::string> email;
  if (input.grantee_email) email = HW_TRY(core::validate_email(*input.grantee_email, "grantee_email"));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<GrantCreated> {
    const auto me = HW_TRY(load_person(tx, actor));
    core::Grant g;
    g.owner_id = actor.person_id;
    g.scopes = scopes;
    g.created_at = now;
    g.expires_at = HW_TRY(parse_expiry(ctx, me.zone, input.expires));
    HW_CHECK(core::validate_grant_expiry(g.expires_at, now));
    g.owner_name = me.person.name;
    GrantCreated out;
    if (email) {
      const auto own = HW_TRY(tx.find_account_by_person(actor.person_id));
      if ((own && own->email == *email) || me.person.email == *email)
        return invalid("grantee_email", "is your own; grants are for a partner or coach");
      for (const auto& other : HW_TRY(tx.together().list_grants_given(actor.person_id)))
        if (other.grantee_email == *email && other.revoked_at == 0 && other.expires_at > now)
          return fail(ErrorCode::conflict, "you already share with " + *email + "; revoke that grant first to change it",
                      "grantee_email");
      g.grantee_email = *email;
      if (const auto account = HW_TRY(tx.find_account_by_email(*email))) {
        g.grantee_id = account->person_id;
        g.accepted_at = now;
        if (const auto p = HW_TRY(tx.find_person(account->person_id))) g.grantee_name = p->name;
      }
    } else {
      out.code = kGrantCodePrefix + random_token();
      g.code_hash = hash_token(*out.code);
    }
    g.id = HW_TRY(tx.together().insert_grant(g));
    if (g.grantee_id)
      HW_CHECK(notify(tx, *g.grantee_id, core::NotificationKind::grant_received, g.id,
                      me.person.name + " shared " + scope_list(g.scopes) + " with you.", now));
    out.grant = g;
    return out;
  });
}

Result<core::Grant> accept_grant(Context& ctx, const Actor& actor, const std::string& code) {
  if (code.empty()) return invalid("code", "is required: the code from the invite link");
  if (code.size() > 200) return invalid("code", "is not an invite code");
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Grant> {
    const auto me = HW_TRY(load_person(tx, actor));
    auto g = HW_TRY(tx.together().find_grant_by_code(hash_token(code)));
    if (!g || g->revoked_at != 0) return fail(ErrorCode::not_found, "no shared access has this code", "code");
    if (g->owner_id == actor.person_id) return invalid("code", "is your own invite link; send it to your partner or coach");
    if (g->expires_at <= now) return invalid("code", "this invite link expired on " + core::format_instant(g->expires_at));
    if (g->grantee_id) {
      if (*g->grantee_id == actor.person_id) return fail(ErrorCode::conflict, "you have already accepted this invite", "code");
      return fail(ErrorCode::not_found, "no shared access has this code", "code");
    }
    g->grantee_id = actor.person_id;
    g->accepted_at = now;
    g->grantee_name = me.person.name;
    HW_TRY(tx.together().update_grant(*g));
    HW_CHECK(notify(tx, actor.person_id, core::NotificationKind::grant_received, g->id,
                    g->owner_name + " shared " + scope_list(g->scopes) + " with you.", now));
    return *g;
  });
}

Result<std::vector<core::Grant>> grants_given(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.together().list_grants_given(actor.person_id); });
}

Result<std::vector<core::Grant>> grants_received(Context& ctx, const Actor& actor) {
  const auto now = ctx.clock();
  HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    const auto account = HW_TRY(tx.find_account_by_person(actor.person_id));
    if (!account) return {};
    const auto me = HW_TRY(load_person(tx, actor));
    for (Id id : HW_TRY(tx.together().claim_email_grants(actor.person_id, account->email, now)))
      if (const auto g = HW_TRY(tx.together().find_grant(id)))
        HW_CHECK(notify(tx, actor.person_id, core::NotificationKind::grant_received, id,
                        g->owner_name + " shared " + scope_list(g->scopes) + " with you.", now));
    return {};
  }));
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.together().list_grants_received(actor.person_id); });
}

Result<void> revoke_grant(Context& ctx, const Actor& actor, Id id) {
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    auto g = HW_TRY(tx.together().find_grant(id));
    if (!g || g->owner_id != actor.person_id) return not_found("no such grant");
    if (g->revoked_at != 0) return fail(ErrorCode::conflict, "this grant is already revoked");
    g->revoked_at = now;
    HW_TRY(tx.together().update_grant(*g));
    if (g->grantee_id)
      HW_CHECK(notify(tx, *g->grantee_id, core::NotificationKind::grant_revoked, g->id,
                      g->owner_name + " stopped sharing with you.", now));
    return {};
  });
}

Result<std::vector<core::GrantAccess>> access_log(Context& ctx, const Actor& actor, int limit) {
  limit = std::clamp(limit, 1, 1000);
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.together().list_grant_accesses(actor.person_id, limit); });
}

Result<core::Grant> shared_grant(Context& ctx, const Actor& actor, Id id) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return use_grant(tx, ctx, actor, id, std::nullopt, ""); });
}

Result<std::vector<GoalView>> shared_goals(Context& ctx, const Actor& actor, Id id) {
  const auto g = HW_TRY(open_scope(ctx, actor, id, core::Scope::goals, "goals"));
  auto goals = HW_TRY(list_goals(ctx, Actor{g.owner_id}));
  std::erase_if(goals, [](const GoalView& v) { return v.goal.archived; });
  return goals;
}

Result<std::vector<SharedWin>> shared_wins(Context& ctx, const Actor& actor, Id id) {
  const auto g = HW_TRY(open_scope(ctx, actor, id, core::Scope::wins, "wins"));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<SharedWin>> {
    const auto owner = HW_TRY(load_person(tx, Actor{g.owner_id}));
    const Date today = owner.zone.local_date(ctx.clock());
    auto wins = HW_TRY(tx.list_wins(g.owner_id, core::add_days(today, -89), today));
    std::sort(wins.begin(), wins.end(), [](const auto& a, const auto& b) {
      return std::tie(a.date, a.created_at, a.id) > std::tie(b.date, b.created_at, b.id);
    });
    std::vector<Id> ids;
    for (const auto& w : wins) ids.push_back(w.id);
    const auto kudos = HW_TRY(tx.together().list_kudos(ids, std::nullopt));
    std::vector<SharedWin> out;
    for (auto& w : wins) {
      SharedWin s{std::move(w), {}};
      for (const auto& k : kudos)
        if (k.win_id == s.win.id) s.kudos.push_back(k);
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<WeekFigures>> shared_checkin_summary(Context& ctx, const Actor& actor, Id id) {
  const auto g = HW_TRY(open_scope(ctx, actor, id, core::Scope::checkin_summary, "checkin-summary"));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<WeekFigures>> {
    const auto owner = HW_TRY(load_person(tx, Actor{g.owner_id}));
    const Date today = owner.zone.local_date(ctx.clock());
    const Date first = core::add_days(core::week_start(today), -7 * (kSharedWeeks - 1));
    std::map<int, WeekFigures> weeks;
    std::map<int, int> timed;  // check-ins with work times, per week: the hours mean's count
    for (int i = 0; i < kSharedWeeks; ++i) {
      const Date w = core::add_days(first, 7 * i);
      weeks[w.days].week = w;
    }
    for (const auto& c : HW_TRY(tx.list_checkins(g.owner_id, first, today))) {
      auto& w = weeks[core::week_start(c.date).days];
      ++w.checkins;
      w.stress += c.stress;
      w.energy += c.energy;
      if (core::times_recorded(c)) {
        w.hours += c.worked_minutes / 60.0;
        ++timed[w.week.days];
      }
      w.after_hours_minutes += c.after_hours.value_or(0);
      w.setbacks += c.setback ? 1 : 0;
    }
    std::vector<WeekFigures> out;
    for (auto& [_, w] : weeks) {
      if (w.checkins) {
        w.stress /= w.checkins;
        w.energy /= w.checkins;
      }
      w.hours_known = timed[w.week.days] > 0;
      if (w.hours_known) w.hours /= timed[w.week.days];
      out.push_back(w);
    }
    return out;
  });
}

Result<std::vector<SharedAssessment>> shared_assessments(Context& ctx, const Actor& actor, Id id) {
  const auto g = HW_TRY(open_scope(ctx, actor, id, core::Scope::assessments, "assessments"));
  const auto known = HW_TRY(instruments(ctx));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<SharedAssessment>> {
    std::vector<SharedAssessment> out;
    for (const auto& a : HW_TRY(tx.list_assessments(g.owner_id))) {
      SharedAssessment s{a.instrument_id, a.instrument_id, a.date, a.scores};
      for (const auto& in : known)
        if (in.id == a.instrument_id) s.instrument_title = in.title;
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<SharedPlan>> shared_plans(Context& ctx, const Actor& actor, Id id) {
  const auto g = HW_TRY(open_scope(ctx, actor, id, core::Scope::conversation_plans, "conversation-plans"));
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<SharedPlan>> {
    std::vector<SharedPlan> out;
    for (auto& p : HW_TRY(tx.together().list_plans(g.owner_id))) {
      SharedPlan s{std::move(p), {}};
      s.comments = HW_TRY(tx.together().list_plan_comments(s.plan.id));
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<core::Kudos> give_grant_kudos(Context& ctx, const Actor& actor, Id id, Id win, const NewKudos& input) {
  core::Kudos k;
  k.win_id = win;
  k.from_id = actor.person_id;
  k.emoji = input.emoji;
  k.message = input.message;
  k.created_at = ctx.clock();
  HW_CHECK(core::validate_kudos(k));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Kudos> {
    const auto g = HW_TRY(use_grant(tx, ctx, actor, id, core::Scope::wins, "kudos on win " + std::to_string(win)));
    const auto w = HW_TRY(tx.find_win(g.owner_id, win));
    if (!w) return not_found("no such win");
    const auto me = HW_TRY(load_person(tx, actor));
    k.id = HW_TRY(tx.together().insert_kudos(k));
    k.from_name = me.person.name;
    HW_CHECK(notify(tx, g.owner_id, core::NotificationKind::kudos, win, core::kudos_text(me.person.name, k.emoji, ""),
                    k.created_at));
    return k;
  });
}

Result<core::PlanComment> comment_on_plan(Context& ctx, const Actor& actor, Id id, Id plan, const std::string& text) {
  HW_CHECK(core::validate_comment(text));
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::PlanComment> {
    const auto g = HW_TRY(use_grant(tx, ctx, actor, id, core::Scope::conversation_plans, "comment on plan " + std::to_string(plan)));
    if (!HW_TRY(tx.together().find_plan(g.owner_id, plan))) return not_found("no such plan");
    const auto me = HW_TRY(load_person(tx, actor));
    core::PlanComment c{0, plan, actor.person_id, me.person.name, text, now};
    c.id = HW_TRY(tx.together().insert_plan_comment(c));
    HW_CHECK(notify(tx, g.owner_id, core::NotificationKind::plan_comment, plan,
                    core::plan_comment_text(me.person.name), now));
    return c;
  });
}

}  // namespace headway::service
