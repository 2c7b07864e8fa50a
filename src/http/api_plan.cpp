// Routes for values, motivations, goals, boundaries, instruments, assessments and strategies.
#include <map>

#include "http/handler.hpp"
#include "service/assessments.hpp"
#include "service/boundaries.hpp"
#include "service/goals.hpp"
#include "service/values.hpp"

namespace headway::http {
namespace {

using nlohmann::json;

constexpr int64_t kMaxLimit = 100;

Result<std::optional<std::string>> query_text(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (v && v->size() > 200) return invalid(name, std::string(name) + " is too long");
  return v;
}

json strategy_json(const core::Strategy& s) {
  json j = service::to_json(core::Suggestion{&s, 0, ""});
  j.erase("score");
  j.erase("reason");
  return j;
}

Result<Response> add_goal(Call& c) {
  auto in = HW_TRY(Input::parse(c.req));
  service::GoalInput g;
  g.title = HW_TRY(in.required_text("title"));
  g.values = HW_TRY(in.texts("values")).value_or(std::vector<std::string>{});
  g.wish = HW_TRY(in.text("wish")).value_or("");
  g.outcome = HW_TRY(in.text("outcome")).value_or("");
  g.obstacle = HW_TRY(in.text("obstacle")).value_or("");
  g.if_cue = HW_TRY(in.text("if")).value_or("");
  g.then_action = HW_TRY(in.text("then")).value_or("");
  g.barrier = HW_TRY(in.text("barrier"));
  g.frequency = HW_TRY(in.text("frequency")).value_or("daily");
  g.boundary_id = HW_TRY(in.integer("boundary_id", 1, INT64_MAX));
  g.answer = HW_TRY(in.text("stage_answer"));
  HW_CHECK(in.finish());
  return created(service::to_json(HW_TRY(api_fields(
      service::add_goal(c.ctx, c.who.actor, g), {{"value", "values"}, {"boundary", "boundary_id"}, {"answer", "stage_answer"}}))));
}

Result<Response> add_boundary(Call& c) {
  auto in = HW_TRY(Input::parse(c.req));
  const auto type = HW_TRY(in.required_text("type"));
  std::map<std::string, std::string> params;
  for (const char* key : {"days", "from", "to", "hours", "minutes", "time"})
    if (auto v = HW_TRY(in.text_or_number(key))) params[key] = *v;
  const auto label = HW_TRY(in.text("label")).value_or("");
  HW_CHECK(in.finish());
  return created(service::to_json(HW_TRY(service::add_boundary(c.ctx, c.who.actor, type, params, label))));
}

}  // namespace

void add_plan_routes(Router& r) {
  // values (literal paths before {id})
  r.add("GET", "/api/v1/values/catalogue", Access::member, [](Call&) -> Result<Response> {
    json out = json::array();
    for (const auto& v : core::value_catalogue()) out.push_back({{"name", v.name}, {"description", v.description}});
    return ok(out);
  });
  r.add("GET", "/api/v1/values", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_values(c.ctx, c.who.actor))));
  });
  r.add("POST", "/api/v1/values", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto name = HW_TRY(in.required_text("name"));
    const auto rank = HW_TRY(in.integer("rank", 0, 5));
    HW_CHECK(in.finish());
    std::optional<int> r;
    if (rank) r = static_cast<int>(*rank);
    return created(service::to_json(HW_TRY(service::add_value(c.ctx, c.who.actor, name, r))));
  });
  r.add("PATCH", "/api/v1/values/{id}", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto rank = HW_TRY(in.required_integer("rank", 0, 5));
    HW_CHECK(in.finish());
    return ok(json_list(HW_TRY(service::rank_value(c.ctx, c.who.actor, std::to_string(id), static_cast<int>(rank), true))));
  });
  r.add("DELETE", "/api/v1/values/{id}", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    HW_CHECK(service::remove_value(c.ctx, c.who.actor, std::to_string(id), true));
    return no_content();
  });

  // motivation profile
  r.add("GET", "/api/v1/motivations", Access::member, [](Call& c) -> Result<Response> {
    const auto p = HW_TRY(service::motivation_profile(c.ctx, c.who.actor));
    return ok({{"drivers", json_list(p.drivers)}, {"catalysts", json_list(p.catalysts)}});
  });
  r.add("PUT", "/api/v1/motivations/{driver}", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto rating = HW_TRY(in.required_integer("rating", 1, 5));
    HW_CHECK(in.finish());
    return ok(service::to_json(
        HW_TRY(service::set_motivation(c.ctx, c.who.actor, std::string(c.param("driver")), static_cast<int>(rating)))));
  });
  r.add("POST", "/api/v1/catalysts", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto kind = HW_TRY(in.required_text("kind"));
    const auto date = HW_TRY(in.text("date"));
    const auto note = HW_TRY(in.text("note")).value_or("");
    HW_CHECK(in.finish());
    return created(service::to_json(HW_TRY(service::add_catalyst(c.ctx, c.who.actor, kind, date, note))));
  });

  // goals
  r.add("GET", "/api/v1/goals", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_goals(c.ctx, c.who.actor))));
  });
  r.add("POST", "/api/v1/goals", Access::member, add_goal);
  r.add("GET", "/api/v1/goals/{id}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::show_goal(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))))));
  });
  r.add("DELETE", "/api/v1/goals/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::archive_goal(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });
  r.add("POST", "/api/v1/goals/{id}/stage", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto answer = HW_TRY(in.required_text("answer"));
    const auto date = HW_TRY(in.text("date"));
    HW_CHECK(in.finish());
    return ok(service::to_json(HW_TRY(service::stage_goal(c.ctx, c.who.actor, id, answer, date))));
  });
  r.add("POST", "/api/v1/goals/{id}/done", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto date = HW_TRY(in.text("date"));
    HW_CHECK(in.finish());
    const auto d = HW_TRY(service::goal_done(c.ctx, c.who.actor, id, date));
    return ok({{"added", d.added}, {"goal", service::to_json(d.view)}});
  });
  r.add("POST", "/api/v1/goals/{id}/slip", Access::member, [](Call& c) -> Result<Response> {
    const auto id = HW_TRY(path_id(c.param("id")));
    auto in = HW_TRY(Input::parse(c.req));
    const auto date = HW_TRY(in.text("date"));
    const auto note = HW_TRY(in.text("note")).value_or("");
    HW_CHECK(in.finish());
    return ok(service::to_json(HW_TRY(service::slip_goal(c.ctx, c.who.actor, id, date, note))));
  });

  // boundaries
  r.add("GET", "/api/v1/boundaries/check", Access::member, [](Call& c) -> Result<Response> {
    service::CheckRange range{HW_TRY(query_text(c.req, "date")), HW_TRY(query_text(c.req, "from")),
                              HW_TRY(query_text(c.req, "to"))};
    return ok(json_list(HW_TRY(service::check_boundaries(c.ctx, c.who.actor, range))));
  });
  r.add("GET", "/api/v1/boundaries", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::list_boundaries(c.ctx, c.who.actor))));
  });
  r.add("POST", "/api/v1/boundaries", Access::member, add_boundary);
  r.add("DELETE", "/api/v1/boundaries/{id}", Access::member, [](Call& c) -> Result<Response> {
    HW_CHECK(service::remove_boundary(c.ctx, c.who.actor, HW_TRY(path_id(c.param("id")))));
    return no_content();
  });

  // instruments and assessments
  r.add("GET", "/api/v1/instruments", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::instruments(c.ctx))));
  });
  r.add("GET", "/api/v1/instruments/{id}", Access::member, [](Call& c) -> Result<Response> {
    return ok(service::to_json(HW_TRY(service::find_instrument(c.ctx, std::string(c.param("id"))))));
  });
  r.add("GET", "/api/v1/assessments", Access::member, [](Call& c) -> Result<Response> {
    return ok(json_list(HW_TRY(service::assessment_history(c.ctx, c.who.actor, HW_TRY(query_text(c.req, "instrument"))))));
  });
  r.add("POST", "/api/v1/assessments", Access::member, [](Call& c) -> Result<Response> {
    auto in = HW_TRY(Input::parse(c.req));
    const auto instrument = HW_TRY(in.required_text("instrument"));
    const auto answers64 = HW_TRY(in.integers("answers", -1000, 1000));
    const auto date = HW_TRY(in.text("date"));
    HW_CHECK(in.finish());
    if (!answers64) return invalid("answers", "answers is required");
    std::vector<int> answers(answers64->begin(), answers64->end());
    return created(service::to_json(HW_TRY(service::assess(c.ctx, c.who.actor, instrument, answers, date))));
  });

  // strategies
  r.add("GET", "/api/v1/strategies/suggestions", Access::member, [](Call& c) -> Result<Response> {
    int64_t limit = 5;
    if (auto l = c.req.query_param("limit")) {
      char* end = nullptr;
      limit = std::strtoll(l->c_str(), &end, 10);
      if (l->empty() || *end != '\0' || limit < 1 || limit > kMaxLimit)
        return invalid("limit", "limit must be a whole number from 1 to 100");
    }
    return ok(json_list(HW_TRY(service::suggest_strategies(c.ctx, c.who.actor, static_cast<size_t>(limit)))));
  });
  r.add("GET", "/api/v1/strategies", Access::member, [](Call&) -> Result<Response> {
    json out = json::array();
    for (const auto& s : core::strategy_library()) out.push_back(strategy_json(s));
    return ok(out);
  });
}

}  // namespace headway::http
