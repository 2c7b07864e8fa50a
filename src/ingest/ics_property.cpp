#include "ingest/ics_property.hpp"

#include <algorithm>
#include <set>

#include <libical/ical.h>

namespace headway::ingest::ics {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool iequals(std::string_view a, std::string_view b) { return upper(a) == upper(b); }

// False when the line has no ':' outside quoted parameter values.
bool split_line(const std::string& text, Prop& out) {
  size_t i = 0;
  while (i < text.size() && text[i] != ';' && text[i] != ':') ++i;
  out.name.assign(text, 0, i);
  for (char& c : out.name)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const size_t params_begin = i;
  bool quoted = false;
  for (; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && text[i] == ':') break;
  }
  if (i >= text.size() || out.name.empty()) return false;
  out.params.assign(text, params_begin, i - params_begin);
  out.value.assign(text, i + 1);
  return true;
}

// The value of parameter `key` in raw ";K=V;K2=\"V2\"" text, unquoted; empty when absent.
std::string param(const std::string& params, std::string_view key) {
  size_t i = 0;
  while (i < params.size()) {
    if (params[i] != ';') return {};
    const size_t eq = params.find('=', i);
    if (eq == std::string::npos) return {};
    const std::string k = upper(std::string_view(params).substr(i + 1, eq - i - 1));
    size_t j = eq + 1;
    std::string v;
    bool quoted = false;
    for (; j < params.size(); ++j) {
      const char c = params[j];
      if (c == '"') {
        quoted = !quoted;
        continue;
      }
      if (!quoted && c == ';') break;
      v.push_back(c);
    }
    if (k == key) return v;
    i = j;
  }
  return {};
}

// Checks a DATE ("20250301") or DATE-TIME ("20250301T090000", optionally "Z"); empty when fine.
std::string check_date_time(std::string_view v, bool allow_date, bool allow_time) {
  const bool is_date = v.size() == 8;
  const bool is_time = (v.size() == 15 || (v.size() == 16 && v[15] == 'Z')) && v[8] == 'T';
  if (!(is_date && allow_date) && !(is_time && allow_time))
    return "\"" + std::string(v.substr(0, 40)) + "\" is not a valid " +
           (allow_time ? (allow_date ? "date or date-time" : "date-time") : "date");
  const std::string_view y = v.substr(0, 4), mo = v.substr(4, 2), d = v.substr(6, 2);
  if (!digits(y) || !digits(mo) || !digits(d)) return "\"" + std::string(v) + "\" is not a valid date";
  static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int year = num(y), month = num(mo), day = num(d);
  if (month < 1 || month > 12 || day < 1 ||
      day > month_days[month - 1] + (month == 2 && leap(year) ? 1 : 0) || year < 1800 || year > 9999)
    return "\"" + std::string(v) + "\" is not a valid date";
  if (is_time) {
    const std::string_view h = v.substr(9, 2), mi = v.substr(11, 2), s = v.substr(13, 2);
    if (!digits(h) || !digits(mi) || !digits(s) || num(h) > 23 || num(mi) > 59 || num(s) > 60)
      return "\"" + std::string(v) + "\" is not a valid time";
  }
  return {};
}

// Line-level checks of the properties the importer relies on; empty when fine.
std::string check_property(const Prop& p) {
  const std::string& n = p.name;
  if (n == "DTSTART" || n == "DTEND" || n == "RECURRENCE-ID" || n == "EXDATE" || n == "RDATE") {
    const std::string type = upper(param(p.params, "VALUE"));
    const bool period = type == "PERIOD";
    if (p.value.empty()) return p.name + " has no value";
    if (!type.empty() && type != "DATE" && type != "DATE-TIME" && !(period && p.name == "RDATE"))
      return p.name + " has an unsupported VALUE=" + type;
    size_t i = 0;
    while (i <= p.value.size()) {
      size_t j = p.value.find(',', i);
      if (j == std::string::npos) j = p.value.size();
      std::string_view item = std::string_view(p.value).substr(i, j - i);
      if (period) {
        const size_t slash = item.find('/');
        if (slash == std::string_view::npos) return p.name + ": \"" + std::string(item) + "\" is not a period";
        const std::string_view second = item.substr(slash + 1);
        std::string why = check_date_time(item.substr(0, slash), false, true);
        if (why.empty() && !second.empty() && second[0] != 'P' && second[0] != '+')
          why = check_date_time(second, false, true);
        if (!why.empty()) return p.name + ": " + why;
      } else {
        const std::string why = check_date_time(item, type != "DATE-TIME", type != "DATE");
        if (!why.empty()) return p.name + ": " + why;
      }
      if (p.name != "EXDATE" && p.name != "RDATE" && j != p.value.size())
        return p.name + " must hold one value";
      i = j + 1;
    }
    return {};
  }
  if (p.name == "DURATION") {
    if (icaldurationtype_is_bad_duration(icaldurationtype_from_string(p.value.c_str())))
      return "DURATION: \"" + p.value.substr(0, 40) + "\" is not a valid duration";
    return {};
  }
  if (p.name == "RRULE") {
    std::string freq;
    size_t i = 0;
    while (i < p.value.size()) {
      size_t j = p.value.find(';', i);
      if (j == std::string::npos) j = p.value.size();
      const std::string_view part = std::string_view(p.value).substr(i, j - i);
      const size_t eq = part.find('=');
      if (eq == std::string_view::npos) return "RRULE: \"" + std::string(part) + "\" is not KEY=VALUE";
      const std::string key = upper(part.substr(0, eq));
      const std::string_view val = part.substr(eq + 1);
      if (key == "FREQ") freq = upper(val);
      if (key == "UNTIL") {
        const std::string why = check_date_time(val, true, true);
        if (!why.empty()) return "RRULE UNTIL: " + why;
      }
      if ((key == "COUNT" || key == "INTERVAL") && (!digits(val) || val.size() > 9 || num(val) == 0))
        return "RRULE " + key + " must be a positive number";
      i = j + 1;
    }
    if (freq == "SECONDLY" || freq == "MINUTELY")
      return "RRULE FREQ=" + freq + " is not supported (it would produce too many instances)";
    static const std::set<std::string> freqs = {"HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    if (!freqs.count(freq)) return "RRULE has no valid FREQ";
  }
  return {};
}

}  // namespace headway::ingest::ics
