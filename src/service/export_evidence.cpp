#include "service/export_evidence.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace headway::service::export_evidence {

using nlohmann::json;
using namespace export_json;

namespace {

const char* kind_text(core::ActivityKind k) { return k == core::ActivityKind::afk ? "afk" : "active"; }

// Titles and labels: null when the import did not keep them.
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json event_json(const core::EventOccurrence& o) {
  return {{"uid", o.uid},
          {"recurrence_id", core::format_instant(o.recurrence_id)},
          {"start", core::format_instant(o.start)},
          {"end", core::format_instant(o.end)},
          {"all_day", o.all_day},
          {"transparent", o.transparent},
          {"declined", o.declined},
          {"meeting", o.meeting},
          {"title", text_or_null(o.title)}};
}

json span_json(const core::ActivitySpan& s) {
  return {{"start", core::format_instant(s.start)},
          {"end", core::format_instant(s.end)},
          {"kind", kind_text(s.kind)},
          {"label", text_or_null(s.label)}};
}

bool span_less(const core::ActivitySpan& a, const core::ActivitySpan& b) {
  return std::tie(a.start, a.end, a.kind, a.label) < std::tie(b.start, b.end, b.kind, b.label);
}

// A title or label: null (not stored) or a non-empty string.
Result<std::string> optional_text(const In& in) {
  const auto v = HW_TRY(in.opt_str());
  if (v && v->empty()) return tl::unexpected(in.err("empty; null means it was not kept"));
  return v.value_or("");
}

Result<void> ordered(const In& in, core::Instant start, core::Instant end) {
  if (end < start) return tl::unexpected(in.at("end").err("before start"));
  return {};
}

Result<core::EventOccurrence> event_at(const In& e) {
  if (!e.j.is_object()) return tl::unexpected(e.err("expected an object"));
  core::EventOccurrence o;
  o.uid = HW_TRY(e.at("uid").str());
  if (o.uid.empty()) return tl::unexpected(e.at("uid").err("empty"));
  o.recurrence_id = HW_TRY(instant_at(e.at("recurrence_id")));
  o.start = HW_TRY(instant_at(e.at("start")));
  o.end = HW_TRY(instant_at(e.at("end")));
  HW_CHECK(ordered(e, o.start, o.end));
  o.all_day = HW_TRY(e.at("all_day").boolean());
  o.transparent = HW_TRY(e.at("transparent").boolean());
  o.declined = HW_TRY(e.at("declined").boolean());
  o.meeting = HW_TRY(e.at("meeting").boolean());
  o.title = HW_TRY(optional_text(e.at("title")));
  return o;
}

Result<core::ActivitySpan> span_at(const In& s) {
  if (!s.j.is_object()) return tl::unexpected(s.err("expected an object"));
  core::ActivitySpan x;
  x.start = HW_TRY(instant_at(s.at("start")));
  x.end = HW_TRY(instant_at(s.at("end")));
  HW_CHECK(ordered(s, x.start, x.end));
  const auto kind = HW_TRY(s.at("kind").str());
  if (kind == "active") x.kind = core::ActivityKind::active;
  else if (kind == "afk") x.kind = core::ActivityKind::afk;
  else return tl::unexpected(s.at("kind").err("expected \"active\" or \"afk\""));
  x.label = HW_TRY(optional_text(s.at("label")));
  return x;
}

// What the source holds; (uid, recurrence_id) names one occurrence, so it appears once.
Result<size_t> holdings_at(const In& s, Source& x) {
  const bool calendar = x.source.kind == core::SourceKind::calendar;
  const char* holds = calendar ? "events" : "spans";
  const char* other = calendar ? "spans" : "events";
  if (s.has(other))
    return tl::unexpected(s.at(other).err(std::string("a ") + core::to_string(x.source.kind) + " source has no " + other));
  const In list = s.at(holds);
  const size_t n = HW_TRY(list.array());
  std::map<std::pair<std::string, core::Instant>, size_t> seen;
  for (size_t k = 0; k < n; ++k) {
    const In item = list.at(k);
    if (!calendar) {
      x.spans.push_back(HW_TRY(span_at(item)));
      continue;
    }
    auto o = HW_TRY(event_at(item));
    const auto [it, fresh] = seen.emplace(std::pair(o.uid, o.recurrence_id), k);
    if (!fresh)
      return tl::unexpected(item.err("the occurrence " + o.uid + " at " + core::format_instant(o.recurrence_id) +
                                     " is also at " + list.path + "[" + std::to_string(it->second) + "]"));
    x.events.push_back(std::move(o));
  }
  return n;
}

}  // namespace

Result<json> encode(store::Transaction& tx, core::Id person) {
  auto sources = HW_TRY(tx.list_evidence_sources(person));
  std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return std::pair(std::string_view(core::to_string(a.kind)), std::string_view(a.name)) <
           std::pair(std::string_view(core::to_string(b.kind)), std::string_view(b.name));
  });
  json out = json::array();
  for (const auto& s : sources) {
    json j = {{"id", s.id},
              {"kind", core::to_string(s.kind)},
              {"name", s.name},
              {"imported_at", core::format_instant(s.imported_at)},
              {"covered_from", core::to_string(s.covered_from)},
              {"covered_to", core::to_string(s.covered_to)},
              {"items", s.items}};
    json items = json::array();
    if (s.kind == core::SourceKind::calendar) {
      auto events = HW_TRY(tx.list_source_events(person, s.id));
      std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
        return std::tie(a.start, a.uid, a.recurrence_id) < std::tie(b.start, b.uid, b.recurrence_id);
      });
      for (const auto& o : events) items.push_back(event_json(o));
      j["events"] = std::move(items);
    } else {
      auto spans = HW_TRY(tx.list_source_spans(person, s.id));
      std::sort(spans.begin(), spans.end(), span_less);
      for (const auto& x : spans) items.push_back(span_json(x));
      j["spans"] = std::move(items);
    }
    out.push_back(std::move(j));
  }
  return out;
}

Result<std::vector<Source>> decode(const In& in, core::Id person) {
  std::vector<Source> out;
  std::map<core::Id, std::string> ids;
  std::map<std::pair<core::SourceKind, std::string>, std::string> names;
  for (size_t i = 0, n = HW_TRY(in.array()); i < n; ++i) {
    const In s = in.at(i);
    if (!s.j.is_object()) return tl::unexpected(s.err("expected an object"));
    Source x;
    auto& src = x.source;
    src.id = HW_TRY(s.at("id").integer(1, kMaxId));
    src.person_id = person;
    const auto kind = core::parse_source_kind(HW_TRY(s.at("kind").str()));
    if (!kind) return tl::unexpected(s.at("kind").err("expected \"calendar\" or \"activity\""));
    src.kind = *kind;
    src.name = HW_TRY(s.at("name").wrap(core::validate_name(HW_TRY(s.at("name").str()), "source")));
    src.imported_at = HW_TRY(instant_at(s.at("imported_at")));
    src.covered_from = HW_TRY(date_at(s.at("covered_from")));
    src.covered_to = HW_TRY(date_at(s.at("covered_to")));
    if (src.covered_to < src.covered_from) return tl::unexpected(s.at("covered_to").err("before covered_from"));
    src.items = HW_TRY(s.at("items").integer(0, kMaxId));
    if (const auto [it, fresh] = ids.emplace(src.id, s.path); !fresh)
      return tl::unexpected(s.at("id").err("source " + std::to_string(src.id) + " is also " + it->second));
    if (const auto [it, fresh] = names.emplace(std::pair(src.kind, src.name), s.path); !fresh)
      return tl::unexpected(s.at("name").err(std::string("another ") + core::to_string(src.kind) + " source is named \"" +
                                             src.name + "\" (" + it->second + ")"));
    const size_t held = HW_TRY(holdings_at(s, x));
    if (static_cast<size_t>(src.items) != held)
      return tl::unexpected(s.at("items").err("says " + std::to_string(src.items) + " but the source holds " +
                                              std::to_string(held)));
    out.push_back(std::move(x));
  }
  return out;
}

Result<void> restore(store::Transaction& tx, core::Id person, const std::vector<Source>& sources) {
  for (const auto& s : sources) {
    if (HW_TRY(tx.upsert_evidence_source(s.source)) != s.source.id)
      return fail(ErrorCode::storage, "evidence source " + std::to_string(s.source.id) + " did not keep its id");
    if (s.source.kind == core::SourceKind::calendar)
      HW_CHECK(tx.replace_calendar_events(person, s.source.id, s.events));
    else
      HW_CHECK(tx.replace_activity_spans(person, s.source.id, s.spans));
  }
  return {};
}

}  // namespace headway::service::export_evidence
