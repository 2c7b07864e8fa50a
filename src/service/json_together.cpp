#include "service/json_together.hpp"

#include <cmath>

#include "service/json_codec.hpp"

namespace headway::service {

using nlohmann::json;

namespace {

double round1(double v) { return std::round(v * 10) / 10; }

}  // namespace

json instant(core::Instant t) { return t ? json(core::format_instant(t)) : json(nullptr); }

json to_json(const core::Supporter& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"relation", core::to_string(s.relation)},
          {"kinds", core::support_kind_names(s.kinds)},
          {"linked", s.linked_person.has_value()},
          {"created_at", core::format_instant(s.created_at)}};
}

json to_json(const CircleSummary& c) {
  return {{"id", c.circle.id},           {"name", c.circle.name},      {"purpose", c.circle.purpose},
          {"owner", c.owner},            {"members", c.members},       {"created_at", instant(c.circle.created_at)}};
}

json to_json(const CircleDetail& d, Id viewer) {
  json j = to_json(d.summary);
  json members = json::array();
  for (const auto& m : d.members)
    members.push_back({{"name", m.name},
                       {"joined_at", instant(m.joined_at)},
                       {"owner", m.person_id == d.summary.circle.owner_id},
                       {"you", m.person_id == viewer}});
  j["member_list"] = std::move(members);
  return j;
}

json to_json(const core::Kudos& k) {
  return {{"id", k.id},       {"win_id", k.win_id},   {"from", k.from_name},
          {"emoji", k.emoji}, {"message", k.message}, {"created_at", instant(k.created_at)}};
}

json to_json(const WinKudos& w) {
  json circles = json::array(), kudos = json::array();
  for (const auto& c : w.shared_with) circles.push_back({{"id", c.id}, {"name", c.name}});
  for (const auto& k : w.kudos) {
    json j = to_json(k.kudos);
    j["circle_id"] = k.kudos.circle_id ? json(*k.kudos.circle_id) : json(nullptr);
    j["circle_name"] = k.circle_name.empty() ? json(nullptr) : json(k.circle_name);
    kudos.push_back(std::move(j));
  }
  return {{"win_id", w.win}, {"shared_with", std::move(circles)}, {"kudos", std::move(kudos)}};
}

json to_json(const FeedPage& p, Id viewer) {
  json entries = json::array();
  for (const auto& e : p.entries) {
    json kudos = json::array();
    for (const auto& k : e.kudos) kudos.push_back(to_json(k));
    entries.push_back({{"win_id", e.win.win_id},
                       {"author", e.win.person_name},
                       {"mine", e.win.person_id == viewer},
                       {"text", e.win.text},
                       {"size", e.win.size},
                       {"date", core::to_string(e.win.date)},
                       {"shared_at", instant(e.win.shared_at)},
                       {"kudos", std::move(kudos)}});
  }
  return {{"entries", std::move(entries)}, {"next", p.next ? json(*p.next) : json(nullptr)}};
}

json to_json(const PledgeView& v) {
  const auto& p = v.pledge;
  json j = {{"id", p.id},
            {"circle_id", p.circle_id},
            {"circle_name", v.circle_name},
            {"text", p.text},
            {"threshold", p.threshold},
            {"deadline", instant(p.deadline)},
            {"status", core::to_string(p.status)},
            {"signers", p.signers},
            {"signed_by_me", v.signed_by_me},
            {"mine", v.mine},
            {"boundary_type", p.boundary_type ? json(core::to_string(*p.boundary_type)) : json(nullptr)},
            {"created_at", instant(p.created_at)},
            {"activated_at", instant(p.activated_at)},
            {"expired_at", instant(p.expired_at)},
            {"adherence", nullptr}};
  if (v.adherence)
    j["adherence"] = {{"from", core::to_string(v.adherence->from)},
                      {"to", core::to_string(v.adherence->to)},
                      {"members_with_evidence", v.adherence->members_with_evidence},
                      {"kept_days", v.adherence->kept_days},
                      {"judged_days", v.adherence->judged_days},
                      {"rate", std::round(v.adherence->rate * 1000) / 1000}};
  if (!v.adherence_note.empty()) j["adherence_note"] = v.adherence_note;
  return j;
}

json to_json(const core::Notification& n) {
  return {{"id", n.id},
          {"kind", core::to_string(n.kind)},
          {"object_id", n.object_id},
          {"text", n.text},
          {"created_at", instant(n.created_at)},
          {"read", n.read_at != 0}};
}

json to_json(const NotificationPage& p) {
  json items = json::array();
  for (const auto& n : p.items) items.push_back(to_json(n));
  return {{"notifications", std::move(items)}, {"unread", p.unread}, {"next", p.next ? json(*p.next) : json(nullptr)}};
}

json to_json(const core::Grant& g, core::Instant now) {
  // A grant to an e-mail never tells whether that e-mail has an account: it is active from the
  // start and names only the e-mail. Only an invite link waits, until someone accepts it.
  const bool by_email = g.code_hash.empty();
  const char* status = g.revoked_at            ? "revoked"
                       : now >= g.expires_at   ? "expired"
                       : g.grantee_id || by_email ? "active"
                                                  : "pending";
  return {{"id", g.id},
          {"owner", g.owner_name},
          {"grantee_email", g.grantee_email.empty() ? json(nullptr) : json(g.grantee_email)},
          {"grantee", by_email || g.grantee_name.empty() ? json(nullptr) : json(g.grantee_name)},
          {"invite_link", !g.code_hash.empty()},
          {"scopes", g.scopes.names()},
          {"status", status},
          {"created_at", instant(g.created_at)},
          {"expires_at", instant(g.expires_at)},
          {"accepted_at", instant(g.accepted_at)},
          {"revoked_at", instant(g.revoked_at)}};
}

json to_json(const core::GrantAccess& a) {
  return {{"id", a.id},
          {"grant_id", a.grant_id},
          {"who", a.grantee_name},
          {"scope", core::to_string(a.scope)},
          {"what", a.what},
          {"at", instant(a.at)}};
}

json to_json(const SharedWin& w) {
  json kudos = json::array();
  for (const auto& k : w.kudos) kudos.push_back(to_json(k));
  return {{"id", w.win.id},
          {"text", w.win.text},
          {"size", core::to_string(w.win.size)},
          {"date", core::to_string(w.win.date)},
          {"kudos", std::move(kudos)}};
}

json to_json(const WeekFigures& w) {
  const bool any = w.checkins > 0;
  return {{"week", core::to_string(w.week)},
          {"checkins", w.checkins},
          {"stress", any ? json(round1(w.stress)) : json(nullptr)},
          {"energy", any ? json(round1(w.energy)) : json(nullptr)},
          {"hours", w.hours_known ? json(round1(w.hours)) : json(nullptr)},
          {"after_hours_minutes", w.after_hours_minutes},
          {"setbacks", w.setbacks}};
}

json to_json(const SharedAssessment& a) {
  json scores = json::array();
  for (const auto& s : a.scores) scores.push_back({{"scale", s.scale}, {"score", round1(s.score)}, {"band", s.band}});
  return {{"instrument", a.instrument_id}, {"title", a.instrument_title}, {"date", core::to_string(a.date)}, {"scores", scores}};
}

json to_json(const core::ConversationPlan& p) {
  json objections = json::array();
  for (const auto& o : p.objections) objections.push_back({{"objection", o.objection}, {"answer", o.answer}});
  return {{"id", p.id},
          {"goal_id", p.goal_id ? json(*p.goal_id) : json(nullptr)},
          {"title", p.title},
          {"situation", p.situation},
          {"need", p.need},
          {"proposal", p.proposal},
          {"trial_period", p.trial_period},
          {"offer", p.offer},
          {"fallback", p.fallback},
          {"objections", std::move(objections)},
          {"created_at", instant(p.created_at)},
          {"updated_at", instant(p.updated_at)}};
}

json to_json(const core::PlanComment& c) {
  return {{"id", c.id}, {"plan_id", c.plan_id}, {"author", c.author_name}, {"text", c.text}, {"created_at", instant(c.created_at)}};
}

json to_json(const SharedPlan& p) {
  json j = to_json(p.plan);
  json comments = json::array();
  for (const auto& c : p.comments) comments.push_back(to_json(c));
  j["comments"] = std::move(comments);
  return j;
}

}  // namespace headway::service
