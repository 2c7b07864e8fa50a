#include "core/boundary.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/names.hpp"

namespace headway::core {

Result<BoundaryType> parse_boundary_type(std::string_view text, std::string_view field) {
  return parse_enum<BoundaryType>(text, field, kBoundaryTypeNames);
}

std::vector<std::string> boundary_params(BoundaryType t) {
  switch (t) {
    case BoundaryType::work_window:
    case BoundaryType::meeting_free: return {"days", "from", "to"};
    case BoundaryType::no_weekend_work: return {};
    case BoundaryType::weekly_hours_cap: return {"hours"};
    case BoundaryType::min_break: return {"minutes"};
    case BoundaryType::no_messages_after: return {"time"};
  }
  return {};
}

namespace {

Result<double> parse_number(const std::string& text, const std::string& field, double lo, double hi) {
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || !std::isfinite(v))
    return invalid(field, "expected a number, got \"" + text.substr(0, 40) + "\"");
  if (v < lo || v > hi) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "must be from %g to %g, got %s", lo, hi, text.substr(0, 20).c_str());
    return invalid(field, buf);
  }
  return v;
}

std::string hours_text(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", h);
  return buf;
}

}  // namespace

Result<Boundary> make_boundary(BoundaryType t, const std::map<std::string, std::string>& params) {
  const auto wanted = boundary_params(t);
  for (const auto& [key, value] : params) {
    bool known = false;
    for (const auto& w : wanted) known = known || w == key;
    if (!known) {
      std::string expected = wanted.empty() ? "no parameters" : "";
      for (size_t i = 0; i < wanted.size(); ++i) expected += (i ? ", --" : "--") + wanted[i];
      return invalid(key, std::string(to_string(t)) + " takes " + expected + ", not --" + key);
    }
  }
  for (const auto& w : wanted)
    if (!params.count(w)) return invalid(w, std::string(to_string(t)) + " needs --" + w);
  Boundary b;
  b.type = t;
  switch (t) {
    case BoundaryType::work_window:
    case BoundaryType::meeting_free:
      b.days = HW_TRY(parse_days(params.at("days"), "days"));
      b.from = HW_TRY(parse_time(params.at("from"), "from"));
      b.to = HW_TRY(parse_time(params.at("to"), "to"));
      if (b.to <= b.from) return invalid("to", "must be later than --from");
      break;
    case BoundaryType::no_weekend_work: break;
    case BoundaryType::weekly_hours_cap: b.hours = HW_TRY(parse_number(params.at("hours"), "hours", 1, 168)); break;
    case BoundaryType::min_break: {
      const double m = HW_TRY(parse_number(params.at("minutes"), "minutes", 1, 480));
      if (m != std::floor(m)) return invalid("minutes", "must be whole minutes");
      b.minutes = static_cast<int>(m);
      break;
    }
    case BoundaryType::no_messages_after: b.time = HW_TRY(parse_time(params.at("time"), "time")); break;
  }
  return b;
}

std::string params_text(const Boundary& b) {
  switch (b.type) {
    case BoundaryType::work_window:
    case BoundaryType::meeting_free:
      return "days=" + to_string(b.days) + " from=" + to_string(b.from) + " to=" + to_string(b.to);
    case BoundaryType::no_weekend_work: return "";
    case BoundaryType::weekly_hours_cap: return "hours=" + hours_text(b.hours);
    case BoundaryType::min_break: return "minutes=" + std::to_string(b.minutes);
    case BoundaryType::no_messages_after: return "time=" + to_string(b.time);
  }
  return "";
}

Result<std::map<std::string, std::string>> parse_params(std::string_view text) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t space = text.find(' ', pos);
    std::string_view part = text.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return invalid("params", "expected key=value, got \"" + std::string(part.substr(0, 40)) + "\"");
    out.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  return out;
}

std::string describe(const Boundary& b) {
  switch (b.type) {
    case BoundaryType::work_window:
      return "No work outside " + to_string(b.from) + "-" + to_string(b.to) + " on " + to_string(b.days);
    case BoundaryType::no_weekend_work: return "No work at the weekend";
    case BoundaryType::weekly_hours_cap: return "At most " + hours_text(b.hours) + " hours a week";
    case BoundaryType::min_break: return "A break of at least " + std::to_string(b.minutes) + " minutes";
    case BoundaryType::meeting_free:
      return "No meetings " + to_string(b.from) + "-" + to_string(b.to) + " on " + to_string(b.days);
    case BoundaryType::no_messages_after: return "No messages after " + to_string(b.time);
  }
  return "";
}

}  // namespace headway::core
