#include "ingest/ics_event.hpp"

namespace headway::ingest::ics {

namespace {

int two(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// A DATE or DATE-TIME value as check_date_time accepts it ("20250301", "20250301T090000[Z]").
LocalTime time_of(const Prop& p, std::string_view v, int line) {
  LocalTime lt;
  lt.line = line;
  icaltimetype& t = lt.t;
  t.year = two(v, 0) * 100 + two(v, 2);
  t.month = two(v, 4);
  t.day = two(v, 6);
  if (v.size() == 8) {
    t.is_date = 1;
    return lt;
  }
  t.hour = two(v, 9);
  t.minute = two(v, 11);
  t.second = two(v, 13);
  lt.utc = v.size() == 16;
  if (!lt.utc) lt.tzid = param(p.params, "TZID");
  return lt;
}

// A TEXT value with its backslash escapes undone (RFC 5545 3.3.11), as libical reads it.
std::string text_of(std::string_view v) {
  if (v.find('\\') == std::string_view::npos) return std::string(v);
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out.push_back(v[i]);
      continue;
    }
    const char c = v[++i];
    out.push_back(c == 'n' || c == 'N' ? '\n' : c);
  }
  return out;
}

bool mailto_matches(std::string_view v, const std::string& email) {
  if (email.empty()) return false;
  if (v.size() >= 7 && iequals(v.substr(0, 7), "mailto:")) v.remove_prefix(7);
  return iequals(v, email);
}

// Calls f(item) for each comma-separated item of a value.
template <typename F>
std::optional<Invalid> each_item(const std::string& value, F f) {
  size_t i = 0;
  while (i <= value.size()) {
    size_t j = value.find(',', i);
    if (j == std::string::npos) j = value.size();
    if (auto bad = f(std::string_view(value).substr(i, j - i))) return bad;
    i = j + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Invalid> read_event(const Pending& pending, const IcsOptions& options, EventRecord& rec) {
  rec.line = pending.line;
  const PropLine *uid = nullptr, *dtstart = nullptr, *dtend = nullptr, *duration = nullptr, *rrule = nullptr,
                 *second_rrule = nullptr, *recurrence_id = nullptr, *status = nullptr, *transp = nullptr,
                 *summary = nullptr;
  int attendees = 0;
  for (const PropLine& pl : pending) {
    const std::string& name = pl.prop.name;
    auto first = [&](const PropLine*& slot) {
      if (!slot) slot = &pl;
    };
    if (name == "UID") first(uid);
    else if (name == "DTSTART") first(dtstart);
    else if (name == "DTEND") first(dtend);
    else if (name == "DURATION") first(duration);
    else if (name == "RRULE") first(rrule ? second_rrule : rrule);
    else if (name == "RECURRENCE-ID") first(recurrence_id);
    else if (name == "STATUS") first(status);
    else if (name == "TRANSP") first(transp);
    else if (name == "SUMMARY") first(summary);
    else if (name == "ATTENDEE") {
      ++attendees;
      if (!mailto_matches(pl.prop.value, options.me_email)) continue;
      if (const std::string ps = param(pl.prop.params, "PARTSTAT"); !ps.empty()) rec.declined = upper(ps) == "DECLINED";
    }
  }
  if (uid) rec.uid = text_of(uid->prop.value);
  if (rec.uid.empty()) return Invalid{pending.line, "VEVENT has no UID"};
  if (!dtstart) return Invalid{pending.line, "VEVENT has no DTSTART"};
  rec.start = time_of(dtstart->prop, dtstart->prop.value, dtstart->line);
  if (dtend) {
    rec.end = time_of(dtend->prop, dtend->prop.value, dtend->line);
  } else if (duration) {
    const icaldurationtype dur = icaldurationtype_from_string(duration->prop.value.c_str());
    rec.duration_line = duration->line;
    if (icaldurationtype_is_bad_duration(dur) || dur.is_neg)
      return Invalid{rec.duration_line, "DURATION is not a valid non-negative duration"};
    rec.duration = icaldurationtype_as_int(dur);
  }
  if (rrule) {
    rec.rrule = rrule->prop.value;
    rec.rrule_line = rrule->line;
    if (second_rrule) return Invalid{second_rrule->line, "more than one RRULE is not supported"};
  }
  for (const PropLine& pl : pending) {
    const bool is_rdate = pl.prop.name == "RDATE";
    if (!is_rdate && pl.prop.name != "EXDATE") continue;
    const bool period = is_rdate && upper(param(pl.prop.params, "VALUE")) == "PERIOD";
    auto bad = each_item(pl.prop.value, [&](std::string_view item) -> std::optional<Invalid> {
      if (!is_rdate) {
        rec.exdates.push_back(time_of(pl.prop, item, pl.line));
        return std::nullopt;
      }
      RDateValue rd;
      if (!period) {
        rd.start = time_of(pl.prop, item, pl.line);
      } else {
        const size_t slash = item.find('/');
        rd.start = time_of(pl.prop, item.substr(0, slash), pl.line);
        const std::string_view second = item.substr(slash + 1);
        if (!second.empty() && second[0] != 'P' && second[0] != '+') {
          rd.end = time_of(pl.prop, second, pl.line);
        } else {
          const icaldurationtype dur = icaldurationtype_from_string(std::string(second).c_str());
          if (icaldurationtype_is_bad_duration(dur)) return Invalid{pl.line, "RDATE could not be read"};
          rd.seconds = icaldurationtype_as_int(dur);
        }
      }
      rec.rdates.push_back(std::move(rd));
      return std::nullopt;
    });
    if (bad) return bad;
  }
  if (recurrence_id) rec.recurrence_id = time_of(recurrence_id->prop, recurrence_id->prop.value, recurrence_id->line);
  rec.cancelled = status && upper(status->prop.value) == "CANCELLED";
  rec.transparent = transp && upper(transp->prop.value) == "TRANSPARENT";
  rec.meeting = attendees > 1;
  if (options.keep_titles && summary) rec.title = text_of(summary->prop.value);
  return std::nullopt;
}

}  // namespace headway::ingest::ics
