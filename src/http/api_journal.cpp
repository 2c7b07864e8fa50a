// Routes for check-ins, wins, reflections, the weekly report and the export.
#include "http/handler.hpp"
#include "service/checkins.hpp"
#include "service/export.hpp"
#include "service/report_cache.hpp"
#include "service/reports.hpp"

namespace headway::http {
namespace {

using nlohmann::json;

Result<std::optional<std::string>> query_date(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (v && v->size() > 40) return invalid(name, std::string(name) + " must be a date such as 2026-11-25");
  return v;
}

Result<Response> put_checkin(Call& c) {
  auto in = HW_TRY(Input::parse(c.req));
  service::CheckinInput ci;
  ci.date = std::string(c.param("date"));
  ci.start = HW_TRY(in.text("start"));
  ci.end = HW_TRY(in.text("end"));
  ci.off = HW_TRY(in.boolean("off")).value_or(false);
  ci.stress = static_cast<int>(HW_TRY(in.required_integer("stress", 1, 5)));
  ci.energy = static_cast<int>(HW_TRY(in.required_integer("energy", 1, 5)));
  if (auto v = HW_TRY(in.integer("after_hours", 0, 1440))) ci.after_hours = static_cast<int>(*v);
  if (auto v = HW_TRY(in.integer("break", 0, 1440))) ci.break_minutes = static_cast<int>(*v);
  ci.progress = HW_TRY(in.boolean("progress")).value_or(false);
  ci.setback = HW_TRY(in.boolean("setback")).value_or(false);
  ci.note = HW_TRY(in.text("note")).value_or("");
  HW_CHECK(in.finish());
  const auto r = HW_TRY(service::checkin(c.ctx, c.who.actor, ci));
  json j = service::to_json(r.checkin);
  j["updated"] = r.updated;
  j["recycled_goals"] = r.recycled_goals;
  j["boundaries"] = json_list(r.boundaries);
  return json_response(r.updated ? 200 : 201, j);
}

Result<Response> add_win(Call& c) {
  auto in = HW_TRY(Input::parse(c.req));
  service::WinInput w;
  w.text = HW_TRY(in.required_text("text"));
  w.goal_id = HW_TRY(in.integer("goal_id", 1, INT64_MAX));
  w.value = HW_TRY(in.text_or_number("value"));
  w.size = HW_TRY(in.text("size")).value_or("small");
  w.date = HW_TRY(in.text("date"));
  HW_CHECK(in.finish());
  return created(service::to_json(HW_TRY(api_fields(service::add_win(c.ctx, c.who.actor, w), {{"goal", "goal_id"}}))));
}

}  // namespace

void add_journal_routes(Router& r, service::ReportCache& reports) {
  r.add("GET", "/api/v1/checkins", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(
        HW_TRY(service::list_checkins(c.ctx, c.who.actor, HW_TRY(query_date(c.req, "from")), HW_TRY(query_date(c.req, "to"))))));
  });
  r.add("GET", "/api/v1/checkins/{date}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::get_checkin(c.ctx, c.who.actor, std::string(c.param("date"))))));
  });
  r.add("PUT", "/api/v1/checkins/{date}", Access::member, put_checkin);

  r.add("GET", "/api/v1/wins", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(
        HW_TRY(service::list_wins(c.ctx, c.who.actor, HW_TRY(query_date(c.req, "from")), HW_TRY(query_date(c.req, "to"))))));
  });
  r.add("POST", "/api/v1/wins", Access::member, add_win);
  r.add("GET", "/api/v1/wins/{id}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::get_win(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("DELETE", "/api/v1/wins/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::delete_win(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });

  r.add("GET", "/api/v1/reflections", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(
        service::list_reflections(c.ctx, c.who.actor, HW_TRY(query_date(c.req, "from")), HW_TRY(query_date(c.req, "to"))))));
  });
  r.add("POST", "/api/v1/reflections", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto score = HW_TRY(in.required_integer("values", 0, 10));
    const auto date = HW_TRY(in.text("date"));
    const auto note = HW_TRY(in.text("note")).value_or("");
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::reflect(c.ctx, c.who.actor, static_cast<int>(score), date, note))));
  });

  r.add("GET", "/api/v1/reports/week", Access::member, [&reports](Call& c) -> Result<Response> {
    return json_text(200, HW_TRY(reports.weekly_json(c.ctx, c.who.actor, HW_TRY(query_date(c.req, "date")))));
  });

  r.add("GET", "/api/v1/export", Access::member, [](Call& c) -> Result<Response> {
    Response res = json_text(200, HW_TRY(service::export_all(c.ctx, c.who.actor)));
    const std::string day = core::to_string(core::Date{static_cast<int>(c.ctx.clock() / 86400)});
    res.set("Content-Disposition", "attachment; filename=\"headway-export-" + day + ".json\"");
    return res;
  });
}

}  // namespace headway::http
