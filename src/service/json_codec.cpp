#include "service/json_codec.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace headway::service {

using nlohmann::json;

namespace {

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

json to_json(const core::Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"email", p.email},
          {"timezone", p.timezone},
          {"work_hours", core::to_string(p.work_hours)},
          {"created_at", core::format_instant(p.created_at)}};
}

json to_json(const core::Value& v) {
  return {{"id", v.id},
          {"name", v.name},
          {"custom", v.custom},
          {"rank", v.rank == 0 ? json(nullptr) : json(v.rank)},
          {"created_at", core::format_instant(v.created_at)}};
}

json to_json(const core::Motivation& m) {
  return {{"driver", core::to_string(m.driver)},
          {"rating", m.rating},
          {"updated_at", core::format_instant(m.updated_at)}};
}

json to_json(const core::Catalyst& c) {
  return {{"id", c.id}, {"kind", core::to_string(c.kind)}, {"date", core::to_string(c.date)}, {"note", c.note}};
}

json to_json(const core::Boundary& b) {
  json params = json::object();
  for (const auto& name : core::boundary_params(b.type)) params[name] = nullptr;
  if (auto p = core::parse_params(core::params_text(b)))
    for (const auto& [k, v] : *p) params[k] = v;
  return {{"id", b.id},
          {"type", core::to_string(b.type)},
          {"params", params},
          {"label", b.label},
          {"description", b.label.empty() ? core::describe(b) : b.label},
          {"active", b.active},
          {"created_at", core::format_instant(b.created_at)}};
}

json to_json(const core::Goal& g) {
  return {{"id", g.id},
          {"title", g.title},
          {"wish", g.wish},
          {"outcome", g.outcome},
          {"obstacle", g.obstacle},
          {"barrier", g.barrier ? json(core::to_string(*g.barrier)) : json(nullptr)},
          {"if", g.if_cue},
          {"then", g.then_action},
          {"frequency", core::to_string(g.frequency)},
          {"boundary_id", opt(g.boundary_id)},
          {"value_ids", g.value_ids},
          {"start_date", core::to_string(g.start_date)},
          {"archived", g.archived},
          {"created_at", core::format_instant(g.created_at)}};
}

json to_json(const core::StageEntry& e) {
  return {{"id", e.id},
          {"stage", core::to_string(e.stage)},
          {"answer", e.answer ? json(core::to_string(*e.answer)) : json(nullptr)},
          {"reason", core::to_string(e.reason)},
          {"date", core::to_string(e.date)},
          {"note", e.note}};
}

json to_json(const core::CheckIn& c) {
  return {{"date", core::to_string(c.date)},
          {"off", c.off},
          {"start", c.start ? json(core::to_string(*c.start)) : json(nullptr)},
          {"end", c.end ? json(core::to_string(*c.end)) : json(nullptr)},
          {"worked_minutes", c.worked_minutes},
          {"after_hours", opt(c.after_hours)},
          {"break", opt(c.break_minutes)},
          {"stress", c.stress},
          {"energy", c.energy},
          {"progress", c.progress},
          {"setback", c.setback},
          {"note", c.note},
          {"updated_at", core::format_instant(c.updated_at)}};
}

json to_json(const core::Win& w) {
  return {{"id", w.id},
          {"text", w.text},
          {"goal_id", opt(w.goal_id)},
          {"value_id", opt(w.value_id)},
          {"size", core::to_string(w.size)},
          {"date", core::to_string(w.date)},
          {"created_at", core::format_instant(w.created_at)}};
}

json to_json(const core::Reflection& r) {
  return {{"week", core::to_string(r.week)},
          {"values", r.score},
          {"note", r.note},
          {"updated_at", core::format_instant(r.updated_at)}};
}

json to_json(const core::Assessment& a) {
  json scores = json::array();
  for (const auto& s : a.scores)
    scores.push_back({{"scale", s.scale}, {"score", s.score}, {"band", s.band}, {"lowest_band", s.lowest_band}});
  return {{"id", a.id},
          {"instrument", a.instrument_id},
          {"version", a.instrument_version},
          {"date", core::to_string(a.date)},
          {"answers", a.answers},
          {"scores", scores},
          {"created_at", core::format_instant(a.created_at)}};
}

json to_json(const core::Evaluation& e) {
  return {{"date", core::to_string(e.date)},
          {"boundary_id", e.boundary_id},
          {"type", core::to_string(e.type)},
          {"status", core::to_string(e.status)},
          {"evidence", e.evidence}};
}

json to_json(const GoalView& v) {
  json j = to_json(v.goal);
  j["values"] = v.value_names;
  j["boundary"] = v.boundary.empty() ? json(nullptr) : json(v.boundary);
  j["stage"] = v.stage ? json(core::to_string(*v.stage)) : json(nullptr);
  j["restage_due"] = v.restage_due;
  j["guidance"] = v.stage ? json(core::stage_guidance(*v.stage)) : json(nullptr);
  json stages = json::array();
  for (const auto& e : v.stages) stages.push_back(to_json(e));
  j["stage_history"] = stages;
  j["habit_strength"] = round1(v.strength);
  j["streak"] = {{"current", v.streaks.current}, {"longest", v.streaks.longest},
                 {"unit", v.streaks.weekly ? "weeks" : "days"}};
  j["completions"] = v.completions;
  json recent = json::array();
  for (const auto& c : v.recent) recent.push_back({{"date", core::to_string(c.date)}, {"source", core::to_string(c.source)}});
  j["recent_completions"] = recent;
  json trend = json::array();
  for (const auto& [d, s] : v.strength_trend) trend.push_back({{"date", core::to_string(d)}, {"strength", round1(s)}});
  j["strength_trend"] = trend;
  return j;
}

json to_json(const core::Suggestion& s) {
  json barriers = json::array(), stages = json::array();
  for (auto b : s.strategy->barriers) barriers.push_back(core::to_string(b));
  for (auto st : s.strategy->stages) stages.push_back(core::to_string(st));
  return {{"id", s.strategy->id},
          {"title", s.strategy->title},
          {"summary", s.strategy->summary},
          {"if", s.strategy->if_cue},
          {"then", s.strategy->then_action},
          {"barriers", barriers},
          {"stages", stages},
          {"score", round3(s.score)},
          {"reason", s.reason}};
}

json to_json(const core::Instrument& in) {
  json scales = json::array(), items = json::array();
  for (const auto& s : in.scales) {
    json bands = json::array();
    for (const auto& b : s.bands) bands.push_back({{"id", b.id}, {"label", b.label}, {"min", b.min}});
    scales.push_back({{"id", s.id}, {"title", s.title}, {"wellbeing", s.wellbeing}, {"bands", bands}});
  }
  for (const auto& it : in.items) items.push_back({{"id", it.id}, {"scale", it.scale}, {"text", it.text}});
  return {{"id", in.id},
          {"version", in.version},
          {"title", in.title},
          {"description", in.description},
          {"licence", in.licence},
          {"note", in.note},
          {"support_pointer", in.support_pointer},
          {"response_scale", {{"min", in.response_min}, {"max", in.response_max}, {"labels", in.response_labels}}},
          {"scales", scales},
          {"items", items}};
}

json to_json(const AssessmentResult& r) {
  json j = to_json(r.assessment);
  json changes = json::array();
  for (const auto& c : r.changes)
    changes.push_back({{"scale", c.scale}, {"before", round1(c.before)}, {"after", round1(c.after)},
                       {"change", round1(c.after - c.before)}, {"meaningful", c.meaningful}});
  j["changes"] = changes;
  j["note"] = r.instrument.note;
  j["support"] = r.show_support ? json(r.instrument.support_pointer) : json(nullptr);
  return j;
}

json to_json(const core::WeeklyReport& r) {
  json days = json::array();
  for (const auto& d : r.days) {
    json day = {{"date", core::to_string(d.date)}, {"checked_in", d.has_checkin}};
    if (d.has_checkin) {
      day["off"] = d.off;
      day["times_recorded"] = d.times_recorded;  // false: worked_minutes and after_hours are unknown (0)
      day["worked_minutes"] = d.worked_minutes;
      day["after_hours"] = d.after_hours;
      day["stress"] = d.stress;
      day["energy"] = d.energy;
      day["progress"] = d.progress;
      day["setback"] = d.setback;
    }
    days.push_back(day);
  }
  const auto trend = [](const std::vector<std::optional<double>>& v) {
    json a = json::array();
    for (const auto& x : v) a.push_back(x ? json(*x) : json(nullptr));
    return a;
  };
  const auto avg = [](const std::optional<double>& v) { return v ? json(round3(*v)) : json(nullptr); };
  json boundaries = json::array();
  for (const auto& b : r.boundaries) {
    json statuses = json::array();
    for (const auto& s : b.days) statuses.push_back(s ? json(core::to_string(*s)) : json(nullptr));
    boundaries.push_back({{"boundary_id", b.id},
                          {"type", b.type},
                          {"description", b.description},
                          {"kept", b.kept},
                          {"broken", b.broken},
                          {"unknown", b.unknown},
                          {"days", statuses},
                          {"four_week_kept_rate", b.four_week_rate < 0 ? json(nullptr) : json(round3(b.four_week_rate))},
                          {"broken_evidence", b.broken_evidence}});
  }
  json wins = json::array();
  for (const auto& w : r.wins) wins.push_back(to_json(w));
  json goals = json::array();
  for (const auto& g : r.goals) {
    json t = json::array();
    for (double v : g.trend) t.push_back(round1(v));
    goals.push_back({{"goal_id", g.id},
                     {"title", g.title},
                     {"frequency", g.frequency},
                     {"stage", g.stage ? json(core::to_string(*g.stage)) : json(nullptr)},
                     {"restage_due", g.restage_due},
                     {"habit_strength", round1(g.strength)},
                     {"strength_change", round1(g.strength_change)},
                     {"strength_trend", t},
                     {"done_this_week", g.done_this_week},
                     {"target_this_week", g.target_this_week},
                     {"streak", g.streak},
                     {"longest_streak", g.longest_streak},
                     {"streak_unit", g.streak_in_weeks ? "weeks" : "days"}});
  }
  json changes = json::array();
  for (const auto& c : r.stage_changes)
    changes.push_back({{"goal_id", c.goal_id},
                       {"goal", c.goal},
                       {"date", core::to_string(c.date)},
                       {"from", c.from ? json(core::to_string(*c.from)) : json(nullptr)},
                       {"to", core::to_string(c.to)},
                       {"reason", core::to_string(c.reason)}});
  json reflections = json::array();
  for (const auto& [week, score] : r.reflections) reflections.push_back({{"week", core::to_string(week)}, {"values", score}});
  json insights = json::array();
  for (const auto& i : r.insights)
    insights.push_back({{"id", i.id},
                        {"question", i.question},
                        {"n", i.c.n},
                        {"rho", i.c.enough_data ? json(round3(i.c.rho)) : json(nullptr)},
                        {"ci_low", i.c.enough_data ? json(round3(i.c.lo)) : json(nullptr)},
                        {"ci_high", i.c.enough_data ? json(round3(i.c.hi)) : json(nullptr)},
                        {"clear", i.c.clear()},
                        {"sentence", i.sentence}});
  json helped = json::array();
  for (const auto& h : r.helped) helped.push_back(h.text);
  json assessments = json::array();
  for (const auto& a : r.assessments)
    assessments.push_back({{"instrument", a.instrument},
                           {"scale", a.scale},
                           {"date", core::to_string(a.date)},
                           {"score", round1(a.score)},
                           {"band", a.band},
                           {"change", a.change ? json(round1(*a.change)) : json(nullptr)},
                           {"meaningful_change", a.meaningful},
                           {"lowest_band", a.lowest_band}});
  json signals = json::array();
  for (const auto& d : r.signals) signals.push_back(to_json(d, true));
  json evidence = nullptr;
  if (r.evidence)
    evidence = {{"work_minutes", r.evidence->work_minutes},
                {"after_hours_minutes", r.evidence->after_hours_minutes},
                {"meeting_minutes", r.evidence->meeting_minutes},
                {"after_hours_meeting_minutes", r.evidence->after_hours_meeting_minutes},
                {"longest_focus_minutes", r.evidence->longest_focus_minutes},
                {"days_past_end", r.evidence->days_past_end}};
  return {{"person", r.person},
          {"timezone", r.timezone},
          {"week", r.week_label},
          {"from", core::to_string(r.from)},
          {"to", core::to_string(r.to)},
          {"checkins", r.checkins},
          {"worked_minutes", r.worked_minutes},
          {"after_hours_minutes", r.after_hours_minutes},
          {"avg_stress", avg(r.avg_stress)},
          {"avg_energy", avg(r.avg_energy)},
          {"prev_avg_stress", avg(r.prev_avg_stress)},
          {"prev_avg_energy", avg(r.prev_avg_energy)},
          {"stress_trend", trend(r.stress_trend)},
          {"energy_trend", trend(r.energy_trend)},
          {"days", days},
          {"boundaries", boundaries},
          {"wins", wins},
          {"setbacks", r.setbacks},
          {"progress_days", r.progress_days},
          {"goals", goals},
          {"stage_changes", changes},
          {"reflections", reflections},
          {"insights", insights},
          {"what_helped", helped},
          {"assessments", assessments},
          {"signals", signals},
          {"evidence", evidence}};
}


json to_json(const core::EvidenceSource& s) {
  return {{"id", s.id},
          {"kind", core::to_string(s.kind)},
          {"name", s.name},
          {"imported_at", core::format_instant(s.imported_at)},
          {"covered_from", core::to_string(s.covered_from)},
          {"covered_to", core::to_string(s.covered_to)},
          {"items", s.items}};
}

namespace {
json items_json(const std::vector<ingest::IcsSkipped>& items) {
  json arr = json::array();
  for (const auto& i : items) arr.push_back({{"line", i.line}, {"reason", i.reason}});
  return arr;
}

json counts_json(json j, const core::ReplaceCounts& c) {
  j["added"] = c.added;
  j["changed"] = c.changed;
  j["removed"] = c.removed;
  j["unchanged"] = c.unchanged;
  return j;
}
}  // namespace

json to_json(const CalendarImportSummary& s) {
  json j = counts_json({{"source", to_json(s.source)}, {"events", s.events}, {"occurrences", s.occurrences}}, s.counts);
  j["skipped"] = items_json(s.skipped);
  j["warnings"] = items_json(s.warnings);
  return j;
}

json to_json(const ActivityImportSummary& s) {
  return counts_json({{"source", to_json(s.source)}, {"spans", s.spans}}, s.counts);
}

json to_json(const core::DailySignals& d, bool with_coverage) {
  const auto time = [](const std::optional<core::TimeOfDay>& t) { return t ? json(core::to_string(*t)) : json(nullptr); };
  json j = {{"date", core::to_string(d.date)},
          {"work_minutes", d.work_minutes},
          {"after_hours_minutes", d.after_hours_minutes},
          {"weekend_minutes", d.weekend_minutes},
          {"meeting_minutes", d.meeting_minutes},
          {"after_hours_meeting_minutes", d.after_hours_meeting_minutes},
          {"longest_focus_minutes", d.longest_focus_minutes},
          {"first_activity", time(d.first_activity)},
          {"last_activity", time(d.last_activity)}};
  if (with_coverage) {
    j["has_calendar"] = d.has_calendar;
    j["has_activity"] = d.has_activity;
  }
  return j;
}

}  // namespace headway::service
