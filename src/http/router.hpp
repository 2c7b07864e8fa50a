#pragma once
// The route table: "METHOD /api/v1/goals/{id}" patterns matched segment by segment.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "service/accounts.hpp"

namespace headway::http {

// Who may call a route.
enum class Access {
  open,    // anyone (health, login, registration)
  member,  // a signed-in person, by session or API token
  session, // a signed-in person in a browser session only (token management)
  admin,   // an administrator, by session or API token
};

// One call of a handler: the request, its path parameters and who is acting.
struct Call {
  const Request& req;
  Fields params;
  service::Context& ctx;
  service::Principal who;
  // The path parameter of this name ("" when absent).
  std::string_view param(std::string_view name) const;
};

using Handler = std::function<Result<Response>(Call&)>;

struct Route {
  std::string method;
  std::string pattern;  // e.g. "/api/v1/goals/{id}/done"
  Access access = Access::member;
  bool slow = false;    // hashes a password or imports a file: runs off the I/O threads
  Handler handler;
  std::vector<std::string> segments;
  std::string media = "application/json";  // the media type of the request body it accepts
};

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler, bool slow = false);
  // The route added last takes request bodies of this media type instead of JSON (uploads).
  void accepts(std::string media) { routes_.back().media = std::move(media); }
  struct Match {
    const Route* route = nullptr;
    Fields params;
    bool path_known = false;  // some route has this path with another method (405)
    std::string allowed;      // those methods, for the Allow header
  };
  Match match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace headway::http
