#pragma once
// The JSON API: authentication, CSRF and Origin checks, content types, and dispatch to the
// handlers in api_*.cpp. No Beast here: the server hands over a complete Request.
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "service/context.hpp"
#include "service/report_cache.hpp"

namespace headway::http {

struct ApiOptions {
  // The address people use, e.g. "https://headway.example.org". Its origin is the one
  // state-changing browser requests must come from; https makes cookies Secure and __Host-.
  std::string public_url;
  std::string instruments_dir;
  std::string web_dir;  // the built web UI served at "/" (empty: none)
};

// The outcome of one request, with what the server needs for logs and metrics.
struct Handled {
  Response response;
  std::string route;  // the route pattern, or "unmatched"
  bool store_error = false;
  std::string error_id;  // set when a 5xx was logged
};

class Api {
 public:
  Api(store::Database& db, ApiOptions options, Metrics& metrics, std::function<core::Instant()> clock = core::now);
  // True when the request's route hashes passwords, so it must run off the I/O threads.
  bool slow(const Request& req) const;
  // Answers one request. Never throws: a bug becomes a 500 with a logged error id.
  Handled handle(const Request& req);
  const Router& router() const { return router_; }
  // The session cookie's name for this request: "__Host-headway_session" behind TLS.
  std::string cookie_name(const Request& req) const;
  bool secure(const Request& req) const;

 private:
  Handled dispatch(const Request& req);
  Result<service::Principal> authenticate(const Request& req, const Route& route, service::Context& ctx);
  Result<void> check_origin(const Request& req, bool required) const;

  store::Database& db_;
  ApiOptions options_;
  Metrics& metrics_;
  std::function<core::Instant()> clock_;
  Router router_;
  std::string public_origin_;
  service::ReportCache reports_;
  StaticFiles web_;
};

// Route families, one file each.
void add_ops_routes(Router& r, Metrics& metrics);
void add_account_routes(Router& r, const Api& api);
void add_plan_routes(Router& r);
void add_journal_routes(Router& r, service::ReportCache& reports);
void add_evidence_routes(Router& r);
void add_together_routes(Router& r);
void add_support_routes(Router& r);
void add_feed_routes(Router& r, std::string public_url);

}  // namespace headway::http
