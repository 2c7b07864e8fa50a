// Routes for the social side: circles and their feeds, pledges, notifications, and grants to
// partners and coaches with what a grantee may see. Authorization is the services'.
#include <charconv>

#include "service/json_together.hpp"
// json_together.hpp first, so json_list below sees its to_json overloads.
#include "http/handler.hpp"

namespace headway::http {
namespace {

using nlohmann::json;

Result<std::optional<int64_t>> query_int(const Request& req, const char* name, int64_t lo, int64_t hi) {
  const auto v = req.query_param(name);
  if (!v) return std::optional<int64_t>();
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc{} || end != v->data() + v->size() || n < lo || n > hi)
    return invalid(name, std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return std::optional<int64_t>(n);
}

Result<service::NewKudos> read_kudos(Input& in) {
  service::NewKudos k;
  k.emoji = HW_TRY(in.required_text("emoji"));
  k.message = HW_TRY(in.text("message")).value_or("");
  HW_CHECK(in.finish());
  return k;
}

void add_circle_routes(Router& r) {
  r.add("GET", "/api/v1/circles", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_circles(c.ctx, c.who.actor))));
  });
  r.add("POST", "/api/v1/circles", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    service::NewCircle nc;
    nc.name = HW_TRY(in.required_text("name"));
    nc.purpose = HW_TRY(in.text("purpose")).value_or("");
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::create_circle(c.ctx, c.who.actor, nc))));
  });
  r.add("POST", "/api/v1/circles/join", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto code = HW_TRY(in.required_text("code"));
    HW_CHECK(in.finish());
    return ok(service::to_json(HW_TRY(service::join_circle(c.ctx, c.who.actor, code))));
  });
  r.add("GET", "/api/v1/circles/{id}", Access::member, [](Call& c) -> Result<Response> {
    const auto d = HW_TRY(service::get_circle(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return ok(service::to_json(d, c.who.actor.person_id));
  });
  r.add("POST", "/api/v1/circles/{id}/invites", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto days = HW_TRY(in.integer("valid_days", INT32_MIN, INT32_MAX));
    HW_CHECK(in.finish());
    const auto code = HW_TRY(service::create_circle_invite(c.ctx, c.who.actor, id,
                                                           days ? std::optional<int>(static_cast<int>(*days)) : std::nullopt));
    return created({{"code", code.code}, {"expires_at", core::format_instant(code.expires_at)}});
  });
  r.add("DELETE", "/api/v1/circles/{id}/membership", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::leave_circle(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });
  r.add("GET", "/api/v1/circles/{id}/feed", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    const auto limit = HW_TRY(query_int(c.req, "limit", 1, 100)).value_or(service::kFeedPage);
    const auto page = HW_TRY(service::circle_feed(c.ctx, c.who.actor, id, c.req.query_param("cursor"), static_cast<int>(limit)));
    return ok(service::to_json(page, c.who.actor.person_id));
  });
  r.add("POST", "/api/v1/circles/{id}/shares", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto win = HW_TRY(in.required_integer("win_id", 1, INT64_MAX));
    HW_CHECK(in.finish());
    HW_CHECK(api_fields(service::share_win(c.ctx, c.who.actor, win, id), {{"win", "win_id"}}));
    return created({{"win_id", win}, {"circle_id", id}});
  });
  r.add("DELETE", "/api/v1/circles/{id}/shares/{win}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::unshare_win(c.ctx, c.who.actor, HW_TRY(path_id(c.param("win"))), HW_TRY(path_id(c.param("id")))));
    return no_content();
  });
  r.add("POST", "/api/v1/circles/{id}/wins/{win}/kudos", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    const auto win = HW_TRY(path_id(c.param("win")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto k = HW_TRY(read_kudos(in));
    return created(service::to_json(HW_TRY(service::give_circle_kudos(c.ctx, c.who.actor, id, win, k))));
  });
  r.add("GET", "/api/v1/wins/{id}/kudos", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::kudos_on_win(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("GET", "/api/v1/circles/{id}/pledges", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_pledges(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("POST", "/api/v1/circles/{id}/pledges", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    service::NewPledge p;
    p.text = HW_TRY(in.required_text("text"));
    p.threshold = static_cast<int>(HW_TRY(in.required_integer("threshold", INT32_MIN, INT32_MAX)));
    p.deadline = HW_TRY(in.text("deadline"));
    p.boundary_type = HW_TRY(in.text("boundary_type"));
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::create_pledge(c.ctx, c.who.actor, id, p))));
  });
}

void add_pledge_and_notification_routes(Router& r) {
  r.add("GET", "/api/v1/pledges/{id}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::get_pledge(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("POST", "/api/v1/pledges/{id}/sign", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::sign_pledge(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("DELETE", "/api/v1/pledges/{id}/sign", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::withdraw_pledge(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });

  r.add("GET", "/api/v1/notifications", Access::member, [](Call& c) -> Result<Response> {
    const auto before = HW_TRY(query_int(c.req, "before", 1, INT64_MAX));
    const auto limit = HW_TRY(query_int(c.req, "limit", 1, 200)).value_or(service::kNotificationPage);
    return ok(service::to_json(HW_TRY(service::list_notifications(c.ctx, c.who.actor, before, static_cast<int>(limit)))));
  });
  r.add("POST", "/api/v1/notifications/read", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto id = HW_TRY(in.integer("id", 1, INT64_MAX));
    HW_CHECK(in.finish());
    return ok({{"marked", HW_TRY(service::mark_read(c.ctx, c.who.actor, id))}});
  });
}

void add_grant_routes(Router& r) {
  r.add("GET", "/api/v1/grants", Access::member, [](Call& c) -> Result<Response> {
    json out = json::array();
    for (const auto& g : HW_TRY(service::grants_given(c.ctx, c.who.actor))) out.push_back(service::to_json(g, c.ctx.clock()));
    return ok(out);
  });
  r.add("POST", "/api/v1/grants", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    service::NewGrant g;
    g.grantee_email = HW_TRY(in.text("grantee_email"));
    g.scopes = HW_TRY(in.texts("scopes")).value_or(std::vector<std::string>{});
    g.expires = HW_TRY(in.text("expires"));
    HW_CHECK(in.finish());
    const auto made = HW_TRY(service::create_grant(c.ctx, c.who.actor, g));
    json j = service::to_json(made.grant, c.ctx.clock());
    if (made.code) j["code"] = *made.code;
    return created(j);
  });
  r.add("DELETE", "/api/v1/grants/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::revoke_grant(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });
  r.add("GET", "/api/v1/grants/access-log", Access::member, [](Call& c) -> Result<Response> {
    const auto limit = HW_TRY(query_int(c.req, "limit", 1, 1000)).value_or(200);
    return ok(json_list(HW_TRY(service::access_log(c.ctx, c.who.actor, static_cast<int>(limit)))));
  });
  r.add("POST", "/api/v1/grants/accept", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto code = HW_TRY(in.required_text("code"));
    HW_CHECK(in.finish());
    return ok(service::to_json(HW_TRY(service::accept_grant(c.ctx, c.who.actor, code)), c.ctx.clock()));
  });

  // What a grantee sees.
  r.add("GET", "/api/v1/shared", Access::member, [](Call& c) -> Result<Response> {
    json out = json::array();
    for (const auto& g : HW_TRY(service::grants_received(c.ctx, c.who.actor))) out.push_back(service::to_json(g, c.ctx.clock()));
    return ok(out);
  });
  r.add("GET", "/api/v1/shared/{grant}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::shared_grant(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant"))))), c.ctx.clock()));
  });
  r.add("GET", "/api/v1/shared/{grant}/goals", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::shared_goals(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant")))))));
  });
  r.add("GET", "/api/v1/shared/{grant}/wins", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::shared_wins(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant")))))));
  });
  r.add("GET", "/api/v1/shared/{grant}/checkin-summary", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::shared_checkin_summary(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant")))))));
  });
  r.add("GET", "/api/v1/shared/{grant}/assessments", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::shared_assessments(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant")))))));
  });
  r.add("GET", "/api/v1/shared/{grant}/conversation-plans", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::shared_plans(c.ctx, c.who.actor, HW_TRY(path_id(c.param("grant")))))));
  });
  r.add("POST", "/api/v1/shared/{grant}/wins/{win}/kudos", Access::member, [](Call& c) -> Result<Response> {
    const auto grant = HW_TRY(path_id(c.param("grant")));
    const auto win = HW_TRY(path_id(c.param("win")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto k = HW_TRY(read_kudos(in));
    return created(service::to_json(HW_TRY(service::give_grant_kudos(c.ctx, c.who.actor, grant, win, k))));
  });
  r.add("POST", "/api/v1/shared/{grant}/conversation-plans/{plan}/comments", Access::member, [](Call& c) -> Result<Response> {
    const auto grant = HW_TRY(path_id(c.param("grant")));
    const auto plan = HW_TRY(path_id(c.param("plan")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto text = HW_TRY(in.required_text("text"));
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::comment_on_plan(c.ctx, c.who.actor, grant, plan, text))));
  });
}

}  // namespace

void add_together_routes(Router& r) {
  add_circle_routes(r);
  add_pledge_and_notification_routes(r);
  add_grant_routes(r);
}

}  // namespace headway::http
