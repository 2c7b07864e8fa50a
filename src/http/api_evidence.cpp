// Routes for evidence: calendar and activity uploads, the imported sources, and daily signals.
// Uploads take the file itself as the body (text/calendar, or the tool's own JSON), up to the
// server's upload limit, and run off the I/O threads.
#include <streambuf>

#include "http/handler.hpp"
#include "ingest/activitywatch.hpp"
#include "ingest/timewarrior.hpp"
#include "service/evidence.hpp"

namespace headway::http {
namespace {

using nlohmann::json;

// Reads a request body in place, without copying it into a stream. The get area is only read,
// never written, so pointing it at the const body is safe.
class BodyBuffer : public std::streambuf {
 public:
  explicit BodyBuffer(const std::string& body) {
    char* p = const_cast<char*>(body.data());
    setg(p, p, p + body.size());
  }
};

Result<std::optional<std::string>> query_text(const Request& req, const char* name, size_t max = 200) {
  auto v = req.query_param(name);
  if (v && v->size() > max) return invalid(name, std::string(name) + " is too long (at most " + std::to_string(max) + " bytes)");
  return v;
}

Result<bool> query_flag(const Request& req, const char* name) {
  const auto v = req.query_param(name);
  if (!v || *v == "false" || *v == "0") return false;
  if (*v == "true" || *v == "1" || v->empty()) return true;
  return invalid(name, std::string(name) + " must be true or false");
}

Result<std::string> source_name(const Request& req, const char* fallback) {
  auto name = HW_TRY(query_text(req, "source", 100)).value_or(fallback);
  if (name.empty()) return invalid("source", "source must not be empty");
  return name;
}

Result<Response> import_calendar(Call& c) {
  service::CalendarImportOptions o;
  o.source = HW_TRY(source_name(c.req, "calendar"));
  if (auto me = HW_TRY(query_text(c.req, "me"))) o.me_email = *me;
  o.keep_titles = HW_TRY(query_flag(c.req, "keep_titles"));
  o.skip_invalid = HW_TRY(query_flag(c.req, "skip_invalid"));
  o.from = HW_TRY(query_text(c.req, "from", 40));
  o.to = HW_TRY(query_text(c.req, "to", 40));
  if (c.req.body.empty()) return invalid("body", "send the .ics file as the request body");
  BodyBuffer buffer(c.req.body);
  std::istream in(&buffer);
  return created(service::to_json(HW_TRY(service::import_calendar(c.ctx, c.who.actor, in, o))));
}

// ActivityWatch's "export all buckets" JSON, or `timew export`.
template <typename Parse>
Result<Response> import_activity(Call& c, const char* fallback, Parse parse) {
  const auto source = HW_TRY(source_name(c.req, fallback));
  const bool keep_titles = HW_TRY(query_flag(c.req, "keep_titles"));
  if (c.req.body.empty()) return invalid("body", "send the export file as the request body");
  BodyBuffer buffer(c.req.body);
  std::istream in(&buffer);
  const auto parsed = HW_TRY(parse(in, keep_titles));
  return created(service::to_json(HW_TRY(
      service::import_activity(c.ctx, c.who.actor, source, parsed.spans, parsed.covered_from, parsed.covered_to))));
}

}  // namespace

void add_evidence_routes(Router& r) {
  r.add("POST", "/api/v1/imports/calendar", Access::member, import_calendar, true);
  r.accepts("text/calendar");
  r.add("POST", "/api/v1/imports/activitywatch", Access::member, [](Call& c) {
    return import_activity(c, "activitywatch", [](std::istream& in, bool keep_titles) {
      ingest::ActivityWatchOptions o;
      o.keep_titles = keep_titles;
      return ingest::import_activitywatch(in, o);
    });
  }, true);
  r.add("POST", "/api/v1/imports/timewarrior", Access::member, [](Call& c) {
    return import_activity(c, "timewarrior", [&c](std::istream& in, bool keep_titles) {
      ingest::TimewarriorOptions o;
      o.keep_titles = keep_titles;
      o.now = c.ctx.clock();  // a running interval ends now
      return ingest::import_timewarrior(in, o);
    });
  }, true);
  r.add("GET", "/api/v1/imports", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_sources(c.ctx, c.who.actor))));
  });
  r.add("DELETE", "/api/v1/imports/{kind}/{name}", Access::member, [](Call& c) -> Result<Response> {
    const auto kind = core::parse_source_kind(c.param("kind"));
    if (!kind) return fail(ErrorCode::not_found, "no such source", "kind");
    HW_CHECK(service::remove_source(c.ctx, c.who.actor, std::string(c.param("name")), *kind));
    return no_content();
  });
  r.add("GET", "/api/v1/signals", Access::member, [](Call& c) -> Result<Response> {
    service::SignalsRange range{HW_TRY(query_text(c.req, "from", 40)), HW_TRY(query_text(c.req, "to", 40))};
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : HW_TRY(service::signals(c.ctx, c.who.actor, range))) days.push_back(service::to_json(d, true));
    return ok(std::move(days));
  });
}

}  // namespace headway::http
