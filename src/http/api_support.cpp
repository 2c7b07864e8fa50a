// Routes for the support network and the conversation planner: the member's own, so another
// person's supporter or plan answers 404 like any object that is not theirs.
#include "service/json_together.hpp"
// json_together.hpp first: it declares the to_json overloads used below.
#include "http/handler.hpp"
#include "ingest/plan_document.hpp"
#include "service/support.hpp"

namespace headway::http {
namespace {

using nlohmann::json;

Result<service::SupporterInput> read_supporter(Input& in) {
  service::SupporterInput s;
  s.name = HW_TRY(in.required_text("name"));
  s.relation = HW_TRY(in.required_text("relation"));
  s.kinds = HW_TRY(in.texts("kinds")).value_or(std::vector<std::string>{});
  s.account_email = HW_TRY(in.text("account_email"));
  HW_CHECK(in.finish());
  return s;
}

Result<core::ConversationPlan> read_plan_text(Input& in) {
  core::ConversationPlan p;
  p.title = HW_TRY(in.required_text("title"));
  p.situation = HW_TRY(in.text("situation")).value_or("");
  p.need = HW_TRY(in.text("need")).value_or("");
  p.proposal = HW_TRY(in.text("proposal")).value_or("");
  p.trial_period = HW_TRY(in.text("trial_period")).value_or("");
  p.offer = HW_TRY(in.text("offer")).value_or("");
  p.fallback = HW_TRY(in.text("fallback")).value_or("");
  // Objections come as two parallel lists, so each stays a plain typed field.
  const auto objections = HW_TRY(in.texts("objections")).value_or(std::vector<std::string>{});
  const auto answers = HW_TRY(in.texts("answers")).value_or(std::vector<std::string>{});
  if (answers.size() != objections.size())
    return invalid("answers", "needs one answer (possibly empty) for each of the " + std::to_string(objections.size()) +
                                  " objections");
  for (size_t i = 0; i < objections.size(); ++i) p.objections.push_back({objections[i], answers[i]});
  HW_CHECK(in.finish());
  return p;
}

}  // namespace

void add_support_routes(Router& r) {
  r.add("GET", "/api/v1/supporters", Access::member, [](Call& c) -> Result<Response> {
    const auto n = HW_TRY(service::support_network(c.ctx, c.who.actor));
    json people = json::array();
    for (const auto& s : n.people) people.push_back(service::to_json(s));
    json gaps = json::array();
    for (const auto& g : n.gaps) gaps.push_back({{"code", g.code}, {"message", g.message}});
    return ok({{"supporters", std::move(people)},
               {"top_barrier", n.top_barrier ? json(core::to_string(*n.top_barrier)) : json(nullptr)},
               {"gaps", std::move(gaps)}});
  });
  r.add("POST", "/api/v1/supporters", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto s = HW_TRY(read_supporter(in));
    return created(service::to_json(HW_TRY(service::add_supporter(c.ctx, c.who.actor, s))));
  });
  r.add("PUT", "/api/v1/supporters/{id}", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto s = HW_TRY(read_supporter(in));
    return ok(service::to_json(HW_TRY(service::update_supporter(c.ctx, c.who.actor, id, s))));
  });
  r.add("DELETE", "/api/v1/supporters/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::remove_supporter(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });

  r.add("GET", "/api/v1/conversation-plans", Access::member, [](Call& c) -> Result<Response> {
    json plans = json::array();
    for (auto& v : HW_TRY(service::list_plans(c.ctx, c.who.actor)))
      plans.push_back(service::to_json(service::SharedPlan{std::move(v.plan), std::move(v.comments)}));
    return ok(plans);
  });
  r.add("POST", "/api/v1/conversation-plans", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto goal = HW_TRY(in.integer("goal_id", 1, INT64_MAX));
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::create_plan(c.ctx, c.who.actor, goal))));
  });
  r.add("GET", "/api/v1/conversation-plans/{id}", Access::member, [](Call& c) -> Result<Response> {
    auto v = HW_TRY(service::get_plan(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return ok(service::to_json(service::SharedPlan{std::move(v.plan), std::move(v.comments)}));
  });
  r.add("PUT", "/api/v1/conversation-plans/{id}", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto text = HW_TRY(read_plan_text(in));
    return ok(service::to_json(HW_TRY(service::save_plan(c.ctx, c.who.actor, id, text))));
  });
  r.add("DELETE", "/api/v1/conversation-plans/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::delete_plan(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });
  r.add("GET", "/api/v1/conversation-plans/{id}/document.html", Access::member, [](Call& c) -> Result<Response> {
    Response res;
    res.body = HW_TRY(service::plan_document(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id"))), false));
    res.set("Content-Type", "text/html; charset=utf-8");
    res.set("Content-Security-Policy", ingest::kPlanHtmlCsp);
    return res;
  });
  r.add("GET", "/api/v1/conversation-plans/{id}/document.pdf", Access::member, [](Call& c) -> Result<Response> {
    Response res;
    res.body = HW_TRY(service::plan_document(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id"))), true));
    res.set("Content-Type", "application/pdf");
    res.set("Content-Disposition", "attachment; filename=\"conversation-plan.pdf\"");
    return res;
  });
}

}  // namespace headway::http
