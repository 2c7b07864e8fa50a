// Routes for the calendar feed: the public .ics behind its secret URL, and managing the feed.
// The feed route is open: the token in the path is the only credential, so it is never logged
// (the access log and metrics name the route pattern, "/feed/{token}.ics", not the path).
#include "http/handler.hpp"
#include "service/feed.hpp"

namespace headway::http {
namespace {

// The feed's full URL: the public URL when the server has one, else the address this request used.
std::string feed_url(const Call& c, const std::string& public_url, const std::string& path) {
  std::string base = public_url;
  if (base.empty()) {
    const auto host = c.req.header("host");
    if (!host) return path;
    base = std::string(c.req.secure ? "https://" : "http://") + std::string(*host);
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

Result<Response> serve_feed(Call& c) {
  Response res;
  res.body = HW_TRY(service::feed_for_token(c.ctx, c.param("token")));
  res.set("Content-Type", "text/calendar; charset=utf-8");
  // Calendar apps poll; a few minutes of caching in the app (never in a shared cache) is plenty.
  res.set("Cache-Control", "private, max-age=300");
  res.set("Content-Disposition", "inline; filename=\"headway.ics\"");
  res.set("X-Robots-Tag", "noindex");
  return res;
}

}  // namespace

void add_feed_routes(Router& r, std::string public_url) {
  r.add("GET", "/feed/{token}.ics", Access::open, serve_feed);

  r.add("GET", "/api/v1/calendar-feed", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::feed_json(HW_TRY(service::find_feed(c.ctx, c.who.actor))));
  });
  r.add("POST", "/api/v1/calendar-feed", Access::member, [public_url](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto reminder = HW_TRY(in.text("reminder"));
    HW_CHECK(in.finish());
    const auto made = HW_TRY(service::create_feed(c.ctx, c.who.actor, reminder));
    auto out = service::feed_json(made.feed);
    out.erase("exists");
    out["url"] = feed_url(c, public_url, made.path);
    out["path"] = made.path;
    out["token"] = made.token;
    return created(out);
  });
  r.add("PATCH", "/api/v1/calendar-feed", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto reminder = HW_TRY(in.required_text("reminder"));
    HW_CHECK(in.finish());
    return ok(service::feed_json(HW_TRY(service::set_feed_reminder(c.ctx, c.who.actor, reminder))));
  });
  r.add("DELETE", "/api/v1/calendar-feed", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::revoke_feed(c.ctx, c.who.actor));
    return no_content();
  });
}

}  // namespace headway::http
