#include "service/export_together.hpp"

#include <algorithm>

#include "service/json_together.hpp"

namespace headway::service::export_together {

using nlohmann::json;
using namespace export_json;
using core::Id;

namespace {

constexpr size_t kNotificationTextBytes = 2000;

template <typename T>
void by_id(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.id < b.id; });
}

// The API's supporter, with the e-mail of the account it is linked to in place of `linked`.
json supporter_json(const core::Supporter& s, const std::optional<std::string>& email) {
  json j = to_json(s);
  j.erase("linked");
  j["linked_account_email"] = email ? json(*email) : json(nullptr);
  return j;
}

json notification_json(const core::Notification& n) {
  return {{"id", n.id},
          {"kind", core::to_string(n.kind)},
          {"object_id", n.object_id},
          {"text", n.text},
          {"created_at", core::format_instant(n.created_at)},
          {"read_at", instant(n.read_at)}};
}

// What involves other people, as the person sees it; never restored.
Result<json> record(store::Transaction& tx, Id me, core::Instant now) {
  auto& t = tx.together();
  json r;
  r["about"] = "A copy for you of what involves other people. Importing this file does not restore it.";

  json comments = json::array();
  for (const auto& p : HW_TRY(t.list_plans(me)))
    for (const auto& c : HW_TRY(t.list_plan_comments(p.id))) comments.push_back(to_json(c));
  r["plan_comments"] = std::move(comments);

  auto given = HW_TRY(t.list_grants_given(me));
  auto received = HW_TRY(t.list_grants_received(me));
  by_id(given);
  by_id(received);
  json g = json::array(), gr = json::array();
  for (auto& x : given) {
    json j = to_json(x, now);
    j.erase("owner");
    g.push_back(std::move(j));
  }
  for (auto& x : received) {
    json j = to_json(x, now);
    j.erase("grantee_email");
    j.erase("invite_link");
    gr.push_back(std::move(j));
  }
  r["grants_given"] = std::move(g);
  r["grants_received"] = std::move(gr);
  json log = json::array();
  auto accesses = HW_TRY(t.list_grant_accesses(me, 1'000'000));
  by_id(accesses);
  for (const auto& a : accesses) log.push_back(to_json(a));
  r["access_log"] = std::move(log);

  auto circles = HW_TRY(t.list_circles_of(me));
  by_id(circles);
  json cs = json::array(), pledges = json::array();
  for (const auto& c : circles) {
    core::Instant joined = 0;
    for (const auto& m : HW_TRY(t.list_circle_members(c.id)))
      if (m.person_id == me) joined = m.joined_at;
    cs.push_back({{"id", c.id},
                  {"name", c.name},
                  {"purpose", c.purpose},
                  {"owner", c.owner_id == me},
                  {"joined_at", instant(joined)}});
    auto list = HW_TRY(t.list_pledges(c.id));
    by_id(list);
    for (const auto& p : list) {
      core::Instant signed_at = 0;
      for (const auto& [who, at] : HW_TRY(t.list_signatures(p.id)))
        if (who == me) signed_at = at;
      if (p.author_id != me && !signed_at) continue;
      pledges.push_back({{"id", p.id},
                         {"circle_id", p.circle_id},
                         {"text", p.text},
                         {"threshold", p.threshold},
                         {"deadline", core::format_instant(p.deadline)},
                         {"status", core::to_string(p.status)},
                         {"signers", p.signers},
                         {"authored", p.author_id == me},
                         {"signed_at", instant(signed_at)}});
    }
  }
  r["circles"] = std::move(cs);
  r["pledges"] = std::move(pledges);

  // Shares of the person's own wins, and the kudos other people gave on them.
  std::vector<Id> wins;
  for (const auto& w : HW_TRY(tx.list_wins(me, core::Date{INT32_MIN / 2}, core::Date{INT32_MAX / 2})))
    wins.push_back(w.id);
  std::sort(wins.begin(), wins.end());
  json shares = json::array();
  std::set<Id> shared_in;
  for (const Id w : wins) {
    auto in = HW_TRY(t.circles_of_win(w));
    std::sort(in.begin(), in.end());
    for (const Id c : in) {
      shares.push_back({{"win_id", w}, {"circle_id", c}});
      shared_in.insert(c);
    }
  }
  r["shared_wins"] = std::move(shares);
  std::vector<core::Kudos> kudos;
  if (!wins.empty()) {
    kudos = HW_TRY(t.list_kudos(wins, std::nullopt));
    for (const Id c : shared_in) {
      auto more = HW_TRY(t.list_kudos(wins, c));
      kudos.insert(kudos.end(), more.begin(), more.end());
    }
  }
  by_id(kudos);
  json ks = json::array();
  for (const auto& k : kudos) {
    json j = to_json(k);
    j["circle_id"] = k.circle_id ? json(*k.circle_id) : json(nullptr);
    ks.push_back(std::move(j));
  }
  r["kudos_received"] = std::move(ks);
  return r;
}

}  // namespace

Result<json> encode(store::Transaction& tx, Id me, core::Instant now) {
  auto& t = tx.together();
  json out;
  auto supporters = HW_TRY(t.list_supporters(me));
  by_id(supporters);
  json s = json::array();
  for (const auto& x : supporters) {
    std::optional<std::string> email;
    if (x.linked_person)
      if (const auto acc = HW_TRY(tx.find_account_by_person(*x.linked_person))) email = acc->email;
    s.push_back(supporter_json(x, email));
  }
  out["supporters"] = std::move(s);
  auto plans = HW_TRY(t.list_plans(me));
  by_id(plans);
  json p = json::array();
  for (const auto& x : plans) p.push_back(to_json(x));
  out["conversation_plans"] = std::move(p);
  // Every notification, oldest first, a page at a time.
  std::vector<core::Notification> all;
  std::optional<Id> before;
  for (;;) {
    auto page = HW_TRY(t.list_notifications(me, before, 1000));
    if (page.empty()) break;
    before = page.back().id;
    all.insert(all.end(), page.begin(), page.end());
  }
  by_id(all);
  json n = json::array();
  for (const auto& x : all) n.push_back(notification_json(x));
  out["notifications"] = std::move(n);
  out["record"] = HW_TRY(record(tx, me, now));
  return out;
}

namespace {

Result<core::Supporter> decode_supporter(const In& in, Id person, std::optional<std::string>& email) {
  core::Supporter s;
  s.id = HW_TRY(in.at("id").integer(1, kMaxId));
  s.person_id = person;
  s.name = HW_TRY(in.at("name").str());
  s.relation = HW_TRY(in.at("relation").wrap(core::parse_relation(HW_TRY(in.at("relation").str()))));
  const In kinds = in.at("kinds");
  std::vector<std::string> names;
  for (size_t i = 0, n = HW_TRY(kinds.array()); i < n; ++i) names.push_back(HW_TRY(kinds.at(i).str()));
  s.kinds = HW_TRY(kinds.wrap(core::parse_support_kinds(names)));
  email = HW_TRY(in.at("linked_account_email").opt_str());
  s.created_at = HW_TRY(instant_at(in.at("created_at")));
  HW_CHECK(in.wrap(core::validate_supporter(s)));
  return s;
}

Result<core::ConversationPlan> decode_plan(const In& in, Id person, const std::set<Id>& goals) {
  core::ConversationPlan p;
  p.id = HW_TRY(in.at("id").integer(1, kMaxId));
  p.person_id = person;
  if (const auto goal = HW_TRY(in.at("goal_id").opt_integer(1, kMaxId))) {
    if (!goals.count(*goal))
      return tl::unexpected(in.at("goal_id").err("no goal " + std::to_string(*goal) + " in this export"));
    p.goal_id = *goal;
  }
  p.title = HW_TRY(in.at("title").str());
  p.situation = HW_TRY(in.at("situation").str());
  p.need = HW_TRY(in.at("need").str());
  p.proposal = HW_TRY(in.at("proposal").str());
  p.trial_period = HW_TRY(in.at("trial_period").str());
  p.offer = HW_TRY(in.at("offer").str());
  p.fallback = HW_TRY(in.at("fallback").str());
  const In objections = in.at("objections");
  for (size_t i = 0, n = HW_TRY(objections.array()); i < n; ++i) {
    const In o = objections.at(i);
    p.objections.push_back({HW_TRY(o.at("objection").str()), HW_TRY(o.at("answer").str())});
  }
  p.created_at = HW_TRY(instant_at(in.at("created_at")));
  p.updated_at = HW_TRY(instant_at(in.at("updated_at")));
  HW_CHECK(in.wrap(core::validate_plan(p)));
  return p;
}

Result<core::Notification> decode_notification(const In& in, Id person) {
  core::Notification n;
  n.id = HW_TRY(in.at("id").integer(1, kMaxId));
  n.person_id = person;
  n.kind = HW_TRY(in.at("kind").wrap(core::parse_notification_kind(HW_TRY(in.at("kind").str()))));
  n.object_id = HW_TRY(in.at("object_id").integer(0, kMaxId));
  n.text = HW_TRY(in.at("text").str());
  if (n.text.empty() || n.text.size() > kNotificationTextBytes)
    return tl::unexpected(in.at("text").err("must be 1-2000 bytes"));
  n.created_at = HW_TRY(instant_at(in.at("created_at")));
  if (!in.at("read_at").j.is_null()) n.read_at = HW_TRY(instant_at(in.at("read_at")));
  return n;
}

// Ids must be unique within a list, or the import would fail halfway in the database.
template <typename T>
Result<void> unique_ids(const In& list, const std::vector<T>& items) {
  std::set<Id> seen;
  for (size_t i = 0; i < items.size(); ++i)
    if (!seen.insert(items[i].id).second) return tl::unexpected(list.at(i).at("id").err("the same id twice"));
  return {};
}

}  // namespace

Result<Section> decode(const In& in, Id person, const std::set<Id>& goals) {
  if (!in.j.is_object()) return tl::unexpected(in.err("expected a JSON object"));
  Section s;
  const In sup = in.at("supporters");
  for (size_t i = 0, n = HW_TRY(sup.array()); i < n; ++i) {
    std::optional<std::string> email;
    s.supporters.push_back(HW_TRY(decode_supporter(sup.at(i), person, email)));
    s.linked_emails.push_back(std::move(email));
  }
  HW_CHECK(unique_ids(sup, s.supporters));
  const In plans = in.at("conversation_plans");
  for (size_t i = 0, n = HW_TRY(plans.array()); i < n; ++i) s.plans.push_back(HW_TRY(decode_plan(plans.at(i), person, goals)));
  HW_CHECK(unique_ids(plans, s.plans));
  const In notes = in.at("notifications");
  for (size_t i = 0, n = HW_TRY(notes.array()); i < n; ++i)
    s.notifications.push_back(HW_TRY(decode_notification(notes.at(i), person)));
  HW_CHECK(unique_ids(notes, s.notifications));
  if (!in.at("record").j.is_object()) return tl::unexpected(in.at("record").err("expected a JSON object"));
  return s;
}

Result<void> restore(store::Transaction& tx, const Section& s) {
  auto& t = tx.together();
  for (size_t i = 0; i < s.supporters.size(); ++i) {
    core::Supporter x = s.supporters[i];
    x.linked_person.reset();
    if (s.linked_emails[i])
      if (const auto acc = HW_TRY(tx.find_account_by_email(*s.linked_emails[i]))) x.linked_person = acc->person_id;
    HW_CHECK(t.insert_supporter(x));
  }
  for (const auto& p : s.plans) HW_CHECK(t.insert_plan(p));
  for (const auto& n : s.notifications) HW_CHECK(t.insert_notification(n));
  return {};
}

}  // namespace headway::service::export_together
