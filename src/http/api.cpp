#include "http/api.hpp"

#include "http/handler.hpp"
#include "http/log.hpp"
#include "service/accounts.hpp"

namespace headway::http {
namespace {

bool safe_method(std::string_view m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

// The scheme://host[:port] part of a URL, lower-cased.
std::string origin_of(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const auto host_end = url.find('/', scheme_end + 3);
  std::string out(url.substr(0, host_end));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether a Content-Type names this media type (case-insensitive; parameters such as charset ignored).
bool media_type_is(std::string_view ct, std::string_view media) {
  const auto semi = ct.find(';');
  std::string_view type = ct.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  std::string lower(type);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == media;
}

}  // namespace

Response json_response(int status, const nlohmann::json& body) {
  return json_text(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

Api::Api(store::Database& db, ApiOptions options, Metrics& metrics, std::function<core::Instant()> clock)
    : db_(db), options_(std::move(options)), metrics_(metrics), clock_(std::move(clock)), web_(options_.web_dir) {
  public_origin_ = origin_of(options_.public_url);
  add_ops_routes(router_, metrics_);
  add_account_routes(router_, *this);
  add_plan_routes(router_);
  add_journal_routes(router_, reports_);
  add_evidence_routes(router_);
  add_together_routes(router_);
  add_support_routes(router_);
  add_feed_routes(router_, options_.public_url);
}

bool Api::secure(const Request& req) const { return req.secure || public_origin_.rfind("https://", 0) == 0; }

std::string Api::cookie_name(const Request& req) const {
  return secure(req) ? "__Host-headway_session" : "headway_session";
}

bool Api::slow(const Request& req) const {
  const auto m = router_.match(req.method, req.path);
  return m.route && m.route->slow;
}

Result<void> Api::check_origin(const Request& req, bool required) const {
  const auto origin = req.header("origin");
  if (!origin) {
    if (required) return fail(ErrorCode::forbidden, "state-changing requests from a browser must send an Origin header");
    return {};
  }
  std::string expected = public_origin_;
  if (expected.empty()) {
    const auto host = req.header("host");
    if (!host) return fail(ErrorCode::forbidden, "the request has no Host header");
    expected = origin_of(std::string(secure(req) ? "https://" : "http://") + std::string(*host));
  }
  if (origin_of(std::string(*origin) + "/") != expected || *origin == "null")
    return fail(ErrorCode::forbidden, "requests from the origin " + std::string(*origin) + " are not accepted");
  return {};
}

Result<service::Principal> Api::authenticate(const Request& req, const Route& route, service::Context& ctx) {
  service::Principal who;
  if (const auto auth = req.header("authorization")) {
    constexpr std::string_view kBearer = "bearer ";
    std::string scheme(auth->substr(0, kBearer.size()));
    for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != kBearer)
      return fail(ErrorCode::unauthenticated, "the Authorization header must be \"Bearer <API token>\"");
    who = HW_TRY(service::authenticate_token(ctx, auth->substr(kBearer.size())));
    if (who.scope == core::TokenScope::read && !safe_method(req.method))
      return fail(ErrorCode::forbidden, "this API token is read-only");
    if (route.access == Access::session)
      return fail(ErrorCode::forbidden, "API tokens are managed from a signed-in browser session, not with a token");
  } else {
    const auto token = req.cookie(cookie_name(req));
    if (!token) return fail(ErrorCode::unauthenticated, "sign in first, or send an API token as \"Authorization: Bearer\"");
    who = HW_TRY(service::authenticate_session(ctx, *token));
    if (!safe_method(req.method)) {
      HW_CHECK(check_origin(req, true));
      const auto csrf = req.header("x-csrf-token");
      if (!csrf || !constant_time_equal(*csrf, who.csrf_token))
        return fail(ErrorCode::forbidden, "the X-CSRF-Token header is missing or wrong");
    }
  }
  if (route.access == Access::admin && !who.admin) return fail(ErrorCode::forbidden, "only administrators may do this");
  return who;
}

Handled Api::handle(const Request& req) {
  try {
    return dispatch(req);
  } catch (const std::exception& e) {
    Handled h;
    h.route = "unmatched";
    if (auto m = router_.match(req.method, req.path); m.route) h.route = m.route->pattern;
    h.error_id = new_error_id();
    write_log_line("{\"ts\":\"" + log_timestamp() + "\",\"level\":\"error\",\"error_id\":\"" + h.error_id +
                   "\",\"route\":\"" + json_escape(h.route) + "\",\"message\":\"" + json_escape(e.what()) + "\"}");
    h.response = error_response(500, "internal", "an internal error occurred (error id " + h.error_id + ")");
    return h;
  }
}

Handled Api::dispatch(const Request& req) {
  Handled h;
  const auto m = router_.match(req.method, req.path);
  if (!m.route) {
    h.route = "unmatched";
    if (auto file = web_.serve(req)) {
      h.route = "static";
      h.response = std::move(*file);
      return h;
    }
    if (m.path_known) {
      h.response = error_response(405, "method_not_allowed", "this path does not support " + req.method);
      h.response.set("Allow", m.allowed);
    } else {
      h.response = error_response(404, "not_found", "no such resource");
    }
    return h;
  }
  const Route& route = *m.route;
  h.route = route.pattern;
  const bool wrong_media = [&] {
    if (safe_method(req.method) || req.body.empty()) return false;
    const auto ct = req.header("content-type");
    return !ct || !media_type_is(*ct, route.media);
  }();
  const auto unsupported = [&] {
    return error_response(415, "unsupported_media_type", "send the body as " + route.media, "content-type");
  };
  // JSON routes refuse another body before anything else; an upload route only after the caller
  // is known, so a stranger learns nothing but 401.
  const bool upload = route.media != "application/json";
  if (wrong_media && !upload) {
    h.response = unsupported();
    return h;
  }
  service::Context ctx{db_, clock_, options_.instruments_dir};
  service::Principal who;
  Result<Response> result = [&]() -> Result<Response> {
    if (route.access != Access::open) {
      who = HW_TRY(authenticate(req, route, ctx));
    } else if (!safe_method(req.method)) {
      HW_CHECK(check_origin(req, false));  // no session yet, but a foreign page may not sign people in
    }
    if (wrong_media) return unsupported();
    Call call{req, m.params, ctx, who};
    return route.handler(call);
  }();
  if (result) {
    h.response = std::move(*result);
  } else {
    const Error& e = result.error();
    h.store_error = e.code == ErrorCode::storage || e.code == ErrorCode::busy || e.code == ErrorCode::not_ready;
    h.response = error_response(e);
    if (h.response.status >= 500) {
      h.error_id = new_error_id();
      write_log_line("{\"ts\":\"" + log_timestamp() + "\",\"level\":\"error\",\"error_id\":\"" + h.error_id +
                     "\",\"route\":\"" + json_escape(h.route) + "\",\"code\":\"" + to_string(e.code) +
                     "\",\"message\":\"" + json_escape(e.message) + "\"}");
    }
  }
  if (h.response.status == 401) {
    // A dead session cookie is cleared, so the browser stops sending it.
    if (req.cookie(cookie_name(req)))
      h.response.headers.emplace_back("Set-Cookie", cookie_name(req) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
                                                        (secure(req) ? "; Secure" : ""));
  }
  return h;
}

}  // namespace headway::http
