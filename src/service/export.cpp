#include "service/export.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "service/export_evidence.hpp"
#include "service/export_json.hpp"
#include "service/export_together.hpp"
#include "service/json_codec.hpp"

namespace headway::service {

using nlohmann::json;
using namespace export_json;

Result<std::string> export_all(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::string> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const Id me = actor.person_id;
    json out;
    out["format"] = "headway-export";
    out["version"] = kExportVersion;
    out["person"] = to_json(pz.person);
    const auto list = [](const auto& items) {
      json a = json::array();
      for (const auto& x : items) a.push_back(to_json(x));
      return a;
    };
    out["values"] = list(HW_TRY(tx.list_values(me)));
    out["motivations"] = list(HW_TRY(tx.list_motivations(me)));
    out["catalysts"] = list(HW_TRY(tx.list_catalysts(me)));
    out["boundaries"] = list(HW_TRY(tx.list_boundaries(me)));
    json goals = json::array();
    for (const auto& g : HW_TRY(tx.list_goals(me))) {
      json j = to_json(g);
      j["stage_history"] = list(HW_TRY(tx.list_stage_entries(me, g.id)));
      json done = json::array();
      for (const auto& c : HW_TRY(tx.list_completions(g.id, Date{INT32_MIN / 2}, Date{INT32_MAX / 2})))
        done.push_back({{"date", core::to_string(c.date)}, {"source", core::to_string(c.source)}});
      j["completions"] = done;
      goals.push_back(j);
    }
    out["goals"] = goals;
    out["checkins"] = list(HW_TRY(tx.list_checkins(me, Date{INT32_MIN / 2}, Date{INT32_MAX / 2})));
    out["wins"] = list(HW_TRY(tx.list_wins(me, Date{INT32_MIN / 2}, Date{INT32_MAX / 2})));
    out["reflections"] = list(HW_TRY(tx.list_reflections(me, Date{INT32_MIN / 2}, Date{INT32_MAX / 2})));
    out["assessments"] = list(HW_TRY(tx.list_assessments(me)));
    out["evidence"] = HW_TRY(export_evidence::encode(tx, me));
    out["together"] = HW_TRY(export_together::encode(tx, me, ctx.clock()));
    return out.dump(2) + "\n";
  });
}

namespace {

// Decodes and validates every record before anything is written.
struct Bundle {
  core::Person person;
  std::vector<core::Value> values;
  std::vector<core::Motivation> motivations;
  std::vector<core::Catalyst> catalysts;
  std::vector<core::Boundary> boundaries;
  std::vector<core::Goal> goals;
  std::vector<core::StageEntry> stages;
  std::vector<core::Completion> completions;
  std::vector<core::CheckIn> checkins;
  std::vector<core::Win> wins;
  std::vector<core::Reflection> reflections;
  std::vector<core::Assessment> assessments;
  std::vector<export_evidence::Source> evidence;
  export_together::Section together;
};

// Every id an object points at must be in the same export, so an import never half-applies.
Result<void> check_references(const json& root, const Bundle& b) {
  std::set<Id> values, goals, boundaries;
  for (const auto& v : b.values) values.insert(v.id);
  for (const auto& g : b.goals) goals.insert(g.id);
  for (const auto& x : b.boundaries) boundaries.insert(x.id);
  const In r{root, "$"};
  const auto missing = [](const In& at, const char* what, Id id) {
    return tl::unexpected(at.err(std::string("no ") + what + " " + std::to_string(id) + " in this export"));
  };
  for (size_t i = 0; i < b.goals.size(); ++i) {
    const In g = r.at("goals").at(i);
    for (size_t k = 0; k < b.goals[i].value_ids.size(); ++k)
      if (!values.count(b.goals[i].value_ids[k])) return missing(g.at("value_ids").at(k), "value", b.goals[i].value_ids[k]);
    if (b.goals[i].boundary_id && !boundaries.count(*b.goals[i].boundary_id))
      return missing(g.at("boundary_id"), "boundary", *b.goals[i].boundary_id);
  }
  for (size_t i = 0; i < b.wins.size(); ++i) {
    const In w = r.at("wins").at(i);
    if (b.wins[i].goal_id && !goals.count(*b.wins[i].goal_id)) return missing(w.at("goal_id"), "goal", *b.wins[i].goal_id);
    if (b.wins[i].value_id && !values.count(*b.wins[i].value_id))
      return missing(w.at("value_id"), "value", *b.wins[i].value_id);
  }
  return {};
}

Result<Bundle> decode(const json& root) {
  const In r{root, "$"};
  if (!root.is_object()) return tl::unexpected(r.err("expected a JSON object"));
  if (HW_TRY(r.at("format").str()) != "headway-export")
    return tl::unexpected(r.at("format").err("not a Headway export"));
  // Version 1 (before imported evidence) has no "evidence" section; it still imports.
  const auto version = HW_TRY(r.at("version").integer(1, 1000));
  if (version > kExportVersion) return tl::unexpected(r.at("version").err("unsupported export version"));
  Bundle b;
  const In p = r.at("person");
  b.person.id = HW_TRY(p.at("id").integer(1, kMaxId));
  b.person.name = HW_TRY(p.wrap(core::validate_name(HW_TRY(p.at("name").str()))));
  b.person.email = HW_TRY(p.at("email").str());
  b.person.timezone = HW_TRY(p.at("timezone").wrap(core::Zone::find(HW_TRY(p.at("timezone").str())))).name();
  b.person.work_hours = HW_TRY(p.at("work_hours").parse<core::WorkHours>(&core::parse_work_hours));
  b.person.created_at = HW_TRY(instant_at(p.at("created_at")));
  const Id me = b.person.id;
  const auto zone = *core::Zone::find(b.person.timezone);

  const In values = r.at("values");
  for (size_t i = 0, n = HW_TRY(values.array()); i < n; ++i) {
    const In v = values.at(i);
    core::Value x;
    x.id = HW_TRY(v.at("id").integer(1, kMaxId));
    x.person_id = me;
    x.name = HW_TRY(v.wrap(core::validate_name(HW_TRY(v.at("name").str()))));
    x.custom = HW_TRY(v.at("custom").boolean());
    x.rank = HW_TRY(opt_int(v.at("rank"), 1, core::kRankedValues)).value_or(0);
    x.created_at = HW_TRY(instant_at(v.at("created_at")));
    b.values.push_back(x);
  }
  const In motivations = r.at("motivations");
  for (size_t i = 0, n = HW_TRY(motivations.array()); i < n; ++i) {
    const In m = motivations.at(i);
    b.motivations.push_back({me, HW_TRY(m.at("driver").parse<core::Driver>(&core::parse_driver)),
                             static_cast<int>(HW_TRY(m.at("rating").integer(1, 5))),
                             HW_TRY(instant_at(m.at("updated_at")))});
  }
  const In catalysts = r.at("catalysts");
  for (size_t i = 0, n = HW_TRY(catalysts.array()); i < n; ++i) {
    const In c = catalysts.at(i);
    b.catalysts.push_back({HW_TRY(c.at("id").integer(1, kMaxId)), me,
                           HW_TRY(c.at("kind").parse<core::CatalystKind>(&core::parse_catalyst_kind)),
                           HW_TRY(date_at(c.at("date"))), HW_TRY(c.at("note").str())});
  }
  const In boundaries = r.at("boundaries");
  for (size_t i = 0, n = HW_TRY(boundaries.array()); i < n; ++i) {
    const In bj = boundaries.at(i);
    const auto type = HW_TRY(bj.at("type").parse<core::BoundaryType>(&core::parse_boundary_type));
    std::map<std::string, std::string> params;
    const In pj = bj.at("params");
    if (!pj.j.is_object()) return tl::unexpected(pj.err("expected an object"));
    for (const auto& [k, v] : pj.j.items()) params[k] = HW_TRY(pj.at(k.c_str()).str());
    core::Boundary x = HW_TRY(pj.wrap(core::make_boundary(type, params)));
    x.id = HW_TRY(bj.at("id").integer(1, kMaxId));
    x.person_id = me;
    x.label = HW_TRY(bj.at("label").str());
    x.active = HW_TRY(bj.at("active").boolean());
    x.created_at = HW_TRY(instant_at(bj.at("created_at")));
    b.boundaries.push_back(x);
  }
  const In goals = r.at("goals");
  for (size_t i = 0, n = HW_TRY(goals.array()); i < n; ++i) {
    const In g = goals.at(i);
    core::Goal x;
    x.id = HW_TRY(g.at("id").integer(1, kMaxId));
    x.person_id = me;
    x.title = HW_TRY(g.at("title").str());
    x.wish = HW_TRY(g.at("wish").str());
    x.outcome = HW_TRY(g.at("outcome").str());
    x.obstacle = HW_TRY(g.at("obstacle").str());
    if (const auto barrier = HW_TRY(g.at("barrier").opt_str()))
      x.barrier = HW_TRY(g.at("barrier").wrap(core::parse_barrier(*barrier)));
    x.if_cue = HW_TRY(g.at("if").str());
    x.then_action = HW_TRY(g.at("then").str());
    x.frequency = HW_TRY(g.at("frequency").parse<core::Frequency>(&core::parse_frequency));
    if (auto bid = HW_TRY(g.at("boundary_id").opt_integer(1, kMaxId))) x.boundary_id = *bid;
    const In vids = g.at("value_ids");
    for (size_t k = 0, m = HW_TRY(vids.array()); k < m; ++k) x.value_ids.push_back(HW_TRY(vids.at(k).integer(1, kMaxId)));
    x.start_date = HW_TRY(date_at(g.at("start_date")));
    x.archived = HW_TRY(g.at("archived").boolean());
    x.created_at = HW_TRY(instant_at(g.at("created_at")));
    HW_CHECK(g.wrap(core::validate_goal(x)));
    const In stages = g.at("stage_history");
    for (size_t k = 0, m = HW_TRY(stages.array()); k < m; ++k) {
      const In s = stages.at(k);
      core::StageEntry e;
      e.id = HW_TRY(s.at("id").integer(1, kMaxId));
      e.goal_id = x.id;
      e.stage = HW_TRY(s.at("stage").parse<core::Stage>(&core::parse_stage));
      if (const auto a = HW_TRY(s.at("answer").opt_str()))
        e.answer = HW_TRY(s.at("answer").wrap(core::parse_staging_answer(*a)));
      const auto reason = HW_TRY(s.at("reason").str());
      if (reason != "answered" && reason != "recycled") return tl::unexpected(s.at("reason").err("unknown reason"));
      e.reason = reason == "recycled" ? core::StageReason::recycled : core::StageReason::answered;
      e.date = HW_TRY(date_at(s.at("date")));
      e.note = HW_TRY(s.at("note").str());
      b.stages.push_back(e);
    }
    const In done = g.at("completions");
    for (size_t k = 0, m = HW_TRY(done.array()); k < m; ++k) {
      const In c = done.at(k);
      const auto source = HW_TRY(c.at("source").str());
      b.completions.push_back({x.id, HW_TRY(date_at(c.at("date"))),
                               source == "boundary" ? core::CompletionSource::boundary : core::CompletionSource::manual});
    }
    b.goals.push_back(std::move(x));
  }
  const In checkins = r.at("checkins");
  for (size_t i = 0, n = HW_TRY(checkins.array()); i < n; ++i) {
    const In c = checkins.at(i);
    core::CheckIn x;
    x.person_id = me;
    x.date = HW_TRY(date_at(c.at("date")));
    x.off = HW_TRY(c.at("off").boolean());
    x.start = HW_TRY(time_at(c.at("start")));
    x.end = HW_TRY(time_at(c.at("end")));
    x.after_hours = HW_TRY(opt_int(c.at("after_hours"), 0, 1440));
    x.break_minutes = HW_TRY(opt_int(c.at("break"), 0, 720));
    x.stress = static_cast<int>(HW_TRY(c.at("stress").integer(1, 5)));
    x.energy = static_cast<int>(HW_TRY(c.at("energy").integer(1, 5)));
    x.progress = HW_TRY(c.at("progress").boolean());
    x.setback = HW_TRY(c.at("setback").boolean());
    x.note = HW_TRY(c.at("note").str());
    x.updated_at = HW_TRY(instant_at(c.at("updated_at")));
    HW_CHECK(c.wrap(core::finalize_checkin(x, zone, core::CheckinMode::times_optional)));  // as imported
    b.checkins.push_back(x);
  }
  const In wins = r.at("wins");
  for (size_t i = 0, n = HW_TRY(wins.array()); i < n; ++i) {
    const In w = wins.at(i);
    core::Win x;
    x.id = HW_TRY(w.at("id").integer(1, kMaxId));
    x.person_id = me;
    x.text = HW_TRY(w.at("text").str());
    if (auto gid = HW_TRY(w.at("goal_id").opt_integer(1, kMaxId))) x.goal_id = *gid;
    if (auto vid = HW_TRY(w.at("value_id").opt_integer(1, kMaxId))) x.value_id = *vid;
    x.size = HW_TRY(w.at("size").parse<core::WinSize>(&core::parse_win_size));
    x.date = HW_TRY(date_at(w.at("date")));
    x.created_at = HW_TRY(instant_at(w.at("created_at")));
    HW_CHECK(w.wrap(core::validate_win(x)));
    b.wins.push_back(x);
  }
  const In reflections = r.at("reflections");
  for (size_t i = 0, n = HW_TRY(reflections.array()); i < n; ++i) {
    const In x = reflections.at(i);
    b.reflections.push_back({me, HW_TRY(date_at(x.at("week"))), static_cast<int>(HW_TRY(x.at("values").integer(0, 10))),
                             HW_TRY(x.at("note").str()), HW_TRY(instant_at(x.at("updated_at")))});
  }
  const In assessments = r.at("assessments");
  for (size_t i = 0, n = HW_TRY(assessments.array()); i < n; ++i) {
    const In a = assessments.at(i);
    core::Assessment x;
    x.id = HW_TRY(a.at("id").integer(1, kMaxId));
    x.person_id = me;
    x.instrument_id = HW_TRY(a.at("instrument").str());
    x.instrument_version = HW_TRY(a.at("version").str());
    x.date = HW_TRY(date_at(a.at("date")));
    const In ans = a.at("answers");
    for (size_t k = 0, m = HW_TRY(ans.array()); k < m; ++k)
      x.answers.push_back(static_cast<int>(HW_TRY(ans.at(k).integer(-1000, 1000))));
    const In scores = a.at("scores");
    for (size_t k = 0, m = HW_TRY(scores.array()); k < m; ++k) {
      const In s = scores.at(k);
      x.scores.push_back({HW_TRY(s.at("scale").str()), HW_TRY(s.at("score").number()), HW_TRY(s.at("band").str()),
                          HW_TRY(s.at("lowest_band").boolean())});
    }
    x.created_at = HW_TRY(instant_at(a.at("created_at")));
    b.assessments.push_back(std::move(x));
  }
  if (version >= 2)
    b.evidence = HW_TRY(export_evidence::decode(r.at("evidence"), me));
  else if (r.has("evidence"))
    return tl::unexpected(r.at("evidence").err("version 1 exports have no evidence; the version must be 2"));
  if (version >= 3) {
    std::set<Id> goals;
    for (const auto& g : b.goals) goals.insert(g.id);
    b.together = HW_TRY(export_together::decode(r.at("together"), me, goals));
  } else if (r.has("together")) {
    return tl::unexpected(r.at("together").err("exports before version 3 have no together section; the version must be 3"));
  }
  HW_CHECK(check_references(root, b));
  return b;
}

}  // namespace

Result<void> validate_export(std::string_view text) {
  if (text.size() > (size_t{256} << 20)) return invalid("file", "larger than 256 MiB");
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return invalid("file", "not valid JSON");
  HW_CHECK(decode(root));
  return {};
}

Result<Actor> import_all(Context& ctx, std::string_view text) {
  if (text.size() > (size_t{256} << 20)) return invalid("file", "larger than 256 MiB");
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return invalid("file", "not valid JSON");
  const Bundle b = HW_TRY(decode(root));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<Actor> {
    if (HW_TRY(tx.get_setting("local_person_id")))
      return fail(ErrorCode::conflict, "this data directory already has a profile; import into an empty one");
    // Foreign-key and uniqueness problems surface here and roll the whole import back.
    const auto wrap = [](Result<void> r, const char* what) -> Result<void> {
      if (!r) return invalid(what, std::string(what) + ": " + r.error().message);
      return {};
    };
    const auto wrap_id = [&](Result<Id> r, const char* what) { return wrap(r ? Result<void>() : tl::unexpected(r.error()), what); };
    HW_CHECK(wrap_id(tx.insert_person(b.person), "person"));
    for (const auto& v : b.values) HW_CHECK(wrap_id(tx.insert_value(v), "values"));
    for (const auto& m : b.motivations) HW_CHECK(wrap(tx.upsert_motivation(m), "motivations"));
    for (const auto& c : b.catalysts) HW_CHECK(wrap_id(tx.insert_catalyst(c), "catalysts"));
    for (const auto& x : b.boundaries) HW_CHECK(wrap_id(tx.insert_boundary(x), "boundaries"));
    for (const auto& g : b.goals) HW_CHECK(wrap_id(tx.insert_goal(g), "goals"));
    for (const auto& s : b.stages) HW_CHECK(wrap_id(tx.insert_stage_entry(s), "stage_history"));
    for (const auto& c : b.completions) {
      auto r = tx.insert_completion(c);
      HW_CHECK(wrap(r ? Result<void>() : tl::unexpected(r.error()), "completions"));
    }
    for (const auto& c : b.checkins) HW_CHECK(wrap(tx.upsert_checkin(c), "checkins"));
    for (const auto& w : b.wins) HW_CHECK(wrap_id(tx.insert_win(w), "wins"));
    for (const auto& r : b.reflections) HW_CHECK(wrap(tx.upsert_reflection(r), "reflections"));
    for (const auto& a : b.assessments) HW_CHECK(wrap_id(tx.insert_assessment(a), "assessments"));
    HW_CHECK(wrap(export_evidence::restore(tx, b.person.id, b.evidence), "evidence"));
    HW_CHECK(wrap(export_together::restore(tx, b.together), "together"));
    HW_CHECK(tx.set_setting("local_person_id", std::to_string(b.person.id)));
    return Actor{b.person.id};
  });
}

}  // namespace headway::service
