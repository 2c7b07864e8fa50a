// Routes for operations (/healthz, /readyz, /metrics, the OpenAPI document), sign-in, the
// account itself, personal API tokens and administration.
#include <string_view>
#include <utility>
#include <vector>

#include "http/handler.hpp"
#include "service/profile.hpp"

namespace headway::http {

const std::vector<std::pair<std::string_view, std::string_view>>& openapi_files();

namespace {

using nlohmann::json;

json account_json(const core::Account& a) {
  return {{"id", a.id}, {"person_id", a.person_id}, {"email", a.email}, {"admin", a.admin},
          {"created_at", core::format_instant(a.created_at)}};
}

json token_json(const core::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"scope", core::to_string(t.scope)},
          {"created_at", core::format_instant(t.created_at)},
          {"last_used_at", t.last_used_at ? json(core::format_instant(t.last_used_at)) : json(nullptr)},
          {"revoked", t.revoked_at != 0}};
}

std::string session_cookie(const Api& api, const Request& req, const std::string& value, long max_age) {
  return api.cookie_name(req) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (api.secure(req) ? "; Secure" : "");
}

Result<Response> login(const Api& api, Call& c) {
  auto in = HW_TRY(Input::parse(c.req));
  const auto email = HW_TRY(in.text("email")).value_or("");
  const auto password = HW_TRY(in.text("password")).value_or("");
  HW_CHECK(in.finish());
  const auto result = HW_TRY(service::login(c.ctx, email, password, c.req.client_ip));
  auto account = HW_TRY(store::with_read(c.ctx.db, [&](store::Transaction& tx) { return tx.find_account(result.principal.account_id); }));
  if (!account) return fail(ErrorCode::unauthenticated, "the account was removed");
  Response r = json_response(200, {{"csrf_token", result.principal.csrf_token}, {"account", account_json(*account)}});
  r.headers.emplace_back("Set-Cookie", session_cookie(api, c.req, result.token, core::kSessionAbsoluteSeconds));
  return r;
}

Result<Response> session_info(Call& c) {
  auto account = HW_TRY(store::with_read(c.ctx.db, [&](store::Transaction& tx) { return tx.find_account(c.who.account_id); }));
  if (!account) return fail(ErrorCode::unauthenticated, "the account was removed");
  return ok({{"csrf_token", c.who.via_token ? json(nullptr) : json(c.who.csrf_token)},
             {"account", account_json(*account)},
             {"via_token", c.who.via_token},
             {"scope", core::to_string(c.who.scope)}});
}

Result<service::NewAccount> read_new_account(Input& in) {
  service::NewAccount a;
  a.email = HW_TRY(in.required_text("email"));
  a.password = HW_TRY(in.required_text("password"));
  a.name = HW_TRY(in.text("name")).value_or("");
  a.timezone = HW_TRY(in.text("timezone")).value_or("UTC");
  a.work_hours = HW_TRY(in.text("work_hours")).value_or(a.work_hours);
  a.invite = HW_TRY(in.text("invite")).value_or("");
  HW_CHECK(in.finish());
  return a;
}

json me_json(Call& c, const core::Person& p) {
  json j = service::to_json(p);
  j["admin"] = c.who.admin;
  return j;
}

}  // namespace

void add_ops_routes(Router& r, Metrics& metrics) {
  r.add("GET", "/healthz", Access::open, [](Call&) -> Result<Response> { return ok({{"status", "ok"}}); });
  r.add("GET", "/readyz", Access::open, [](Call& c) -> Result<Response> {
    auto v = c.ctx.db.schema_version();
    if (!v) return json_response(503, {{"status", "unavailable"}, {"store", c.ctx.db.backend()}});
    return ok({{"status", "ready"}, {"store", c.ctx.db.backend()}, {"schema_version", *v}});
  });
  r.add("GET", "/metrics", Access::open, [&metrics](Call&) -> Result<Response> {
    Response res;
    res.set("Content-Type", "text/plain; version=0.0.4");
    res.body = metrics.render();
    return res;
  });
  r.add("GET", "/api/v1/openapi.json", Access::open, [](Call&) -> Result<Response> {
    for (const auto& [name, text] : openapi_files())
      if (name == "openapi.json") return json_text(200, std::string(text));
    return fail(ErrorCode::internal, "the OpenAPI document is missing from this build");
  });
}

void add_account_routes(Router& r, const Api& api) {
  r.add("POST", "/api/v1/auth/login", Access::open, [&api](Call& c) { return login(api, c); }, true);
  r.add("POST", "/api/v1/auth/logout", Access::member, [&api](Call& c) -> Result<Response> {
    HW_CHECK(service::logout(c.ctx, c.who));
    Response res = no_content();
    if (!c.who.via_token) res.headers.emplace_back("Set-Cookie", session_cookie(api, c.req, "", 0));
    return res;
  });
  r.add("GET", "/api/v1/auth/session", Access::member, session_info);
  r.add("POST", "/api/v1/auth/register", Access::open, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    auto details = HW_TRY(read_new_account(in));
    details.client_ip = c.req.client_ip;
    const auto a = HW_TRY(service::register_account(c.ctx, details));
    return created(account_json(a));
  }, true);
  r.add("POST", "/api/v1/auth/password", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto current = HW_TRY(in.required_text("current_password"));
    const auto next = HW_TRY(in.required_text("new_password"));
    HW_CHECK(in.finish());
    if (c.who.via_token) return fail(ErrorCode::forbidden, "change the password from a signed-in browser session");
    HW_CHECK(service::change_password(c.ctx, c.who, current, next));
    return no_content();
  }, true);

  r.add("GET", "/api/v1/me", Access::member, [](Call& c) -> Result<Response> {
    return ok(me_json(c, HW_TRY(service::get_profile(c.ctx, c.who.actor))));
  });
  r.add("PATCH", "/api/v1/me", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    service::ProfileUpdate up;
    up.name = HW_TRY(in.text("name"));
    up.timezone = HW_TRY(in.text("timezone"));
    up.work_hours = HW_TRY(in.text("work_hours"));
    HW_CHECK(in.finish());
    return ok(me_json(c, HW_TRY(service::update_profile(c.ctx, c.who.actor, up))));
  });
  r.add("DELETE", "/api/v1/me", Access::member, [&api](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto password = HW_TRY(in.required_text("password"));
    HW_CHECK(in.finish());
    HW_CHECK(service::delete_account(c.ctx, c.who, password));
    Response res = no_content();
    if (!c.who.via_token) res.headers.emplace_back("Set-Cookie", session_cookie(api, c.req, "", 0));
    return res;
  }, true);

  r.add("GET", "/api/v1/tokens", Access::session, [](Call& c) -> Result<Response> {
    json out = json::array();
    for (const auto& t : HW_TRY(service::list_api_tokens(c.ctx, c.who))) out.push_back(token_json(t));
    return ok(out);
  });
  r.add("POST", "/api/v1/tokens", Access::session, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto name = HW_TRY(in.required_text("name"));
    const auto scope = HW_TRY(in.text("scope")).value_or("read");
    HW_CHECK(in.finish());
    const auto t = HW_TRY(service::create_api_token(c.ctx, c.who, name, scope));
    json j = token_json(t.token);
    j["token"] = t.secret;
    return created(j);
  });
  r.add("DELETE", "/api/v1/tokens/{id}", Access::session, [](Call& c) -> Result<Response> {
    HW_CHECK(service::revoke_api_token(c.ctx, c.who, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });

  r.add("GET", "/api/v1/admin/accounts", Access::admin, [](Call& c) -> Result<Response> {
    json out = json::array();
    for (const auto& a : HW_TRY(service::list_accounts(c.ctx))) out.push_back(account_json(a));
    return ok(out);
  });
  r.add("POST", "/api/v1/admin/invites", Access::admin, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto email = HW_TRY(in.text("email")).value_or("");
    const auto days = HW_TRY(in.integer("days", 1, 90)).value_or(service::kInviteDays);
    HW_CHECK(in.finish());
    const auto inv = HW_TRY(service::create_invite(c.ctx, c.who.account_id, email, static_cast<int>(days)));
    return created({{"id", inv.invite.id},
                    {"token", inv.token},
                    {"email", inv.invite.email.empty() ? json(nullptr) : json(inv.invite.email)},
                    {"expires_at", core::format_instant(inv.invite.expires_at)}});
  });
  r.add("GET", "/api/v1/admin/registration", Access::admin, [](Call& c) -> Result<Response> {
    return ok({{"mode", service::to_string(HW_TRY(service::registration_mode(c.ctx)))}});
  });
  r.add("PUT", "/api/v1/admin/registration", Access::admin, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto mode = HW_TRY(in.required_text("mode"));
    HW_CHECK(in.finish());
    auto set = service::set_registration_mode(c.ctx, mode);
    if (!set) return invalid("mode", set.error().message);
    return ok({{"mode", mode}});
  });
}

}  // namespace headway::http
