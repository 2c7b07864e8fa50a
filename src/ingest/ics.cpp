#include "ingest/ics.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include <libical/ical.h>
#include <unicode/ucal.h>

#include "ingest/ics_reader.hpp"

namespace headway::ingest {

namespace {

using core::Instant;

constexpr size_t kMaxComponentBytes = 4u * 1024 * 1024;  // one VEVENT or VTIMEZONE, unfolded
constexpr long kMaxRecurrenceSteps = 1'000'000;          // iterator steps per event, window or not

std::string at(int line) { return "line " + std::to_string(line); }

tl::unexpected<Error> bad(ErrorCode code, int line, const std::string& what) {
  return fail(code, at(line) + ": " + what, at(line));
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool iequals(std::string_view a, std::string_view b) { return upper(a) == upper(b); }

// A content line split into its name, raw parameters and value.
struct Prop {
  std::string name;
  std::string params;
  std::string value;
};

// False when the line has no ':' outside quoted parameter values.
bool split_line(const std::string& text, Prop& out) {
  size_t i = 0;
  while (i < text.size() && text[i] != ';' && text[i] != ':') ++i;
  out.name = upper(std::string_view(text).substr(0, i));
  const size_t params_begin = i;
  bool quoted = false;
  for (; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && text[i] == ':') break;
  }
  if (i >= text.size() || out.name.empty()) return false;
  out.params = text.substr(params_begin, i - params_begin);
  out.value = text.substr(i + 1);
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

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

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
  static const std::set<std::string> dated = {"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"};
  if (dated.count(p.name)) {
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

// A time as written: the wall clock (floating in libical terms), its TZID, or UTC, or a DATE.
struct LocalTime {
  icaltimetype t = icaltime_null_time();
  std::string tzid;
  bool utc = false;
  int line = 0;
};

struct RDateValue {
  LocalTime start;
  std::optional<LocalTime> end;  // PERIOD with an explicit end
  std::optional<long> seconds;   // PERIOD with a duration
};

// What the importer keeps of a VEVENT until all of the file is read.
struct EventRecord {
  std::string uid;
  int line = 0;
  LocalTime start;
  std::optional<LocalTime> end;
  std::optional<long> duration;  // seconds, from DURATION
  int duration_line = 0;
  std::string rrule;
  int rrule_line = 0;
  std::vector<RDateValue> rdates;
  std::vector<LocalTime> exdates;
  std::optional<LocalTime> recurrence_id;
  bool cancelled = false;
  bool transparent = false;
  bool declined = false;
  bool meeting = false;
  std::string title;
};

// One top-level component while its lines come in.
struct Pending {
  std::string kind;
  int line = 0;
  std::string text;
  std::vector<std::pair<std::string, int>> props;  // top-level property names and their lines
  int bad_line = 0;
  std::string bad_reason;

  int line_of(std::string_view name, size_t nth = 0) const {
    for (const auto& [n, l] : props)
      if (n == name && nth-- == 0) return l;
    return line;
  }
  void mark_bad(int l, std::string why) {
    if (bad_line != 0) return;
    bad_line = l;
    bad_reason = std::move(why);
  }
};

// Owns a libical component.
struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

int64_t wall_seconds(const icaltimetype& t) {
  return static_cast<int64_t>(core::make_date(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)).days) *
             86400 +
         t.hour * 3600 + t.minute * 60 + t.second;
}

icaltimetype floating_of(Instant wall, bool is_date) {
  const core::Ymd ymd = core::to_ymd(core::Date{static_cast<int32_t>(wall >= 0 ? wall / 86400 : (wall - 86399) / 86400)});
  icaltimetype t = icaltime_null_time();
  t.year = ymd.year;
  t.month = static_cast<int>(ymd.month);
  t.day = static_cast<int>(ymd.day);
  if (!is_date) {
    int64_t s = wall % 86400;
    if (s < 0) s += 86400;
    t.hour = static_cast<int>(s / 3600);
    t.minute = static_cast<int>(s / 60 % 60);
    t.second = static_cast<int>(s % 60);
  }
  t.is_date = is_date ? 1 : 0;
  return t;
}

// Resolves TZIDs: IANA names through core::Zone, then Windows names through ICU, then the file's
// own VTIMEZONE definitions through libical (the same order as Python's icalendar).
class ZoneBook {
 public:
  explicit ZoneBook(const core::Zone& person) : person_(person) {}
  ~ZoneBook() {
    for (auto& [id, tz] : ical_)
      if (tz) icaltimezone_free(tz, 1);
  }
  ZoneBook(const ZoneBook&) = delete;
  ZoneBook& operator=(const ZoneBook&) = delete;

  void add_vtimezone(const std::string& tzid, ComponentPtr comp) {
    if (vtimezones_.count(tzid)) return;
    vtimezones_.emplace(tzid, std::move(comp));
  }

  // The instant of a written time; an error text when its TZID is unknown.
  std::optional<Instant> instant(const LocalTime& lt, const std::string& fallback_tzid, std::string& why) {
    const icaltimetype& t = lt.t;
    const core::Date day = core::make_date(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
    if (t.is_date) return person_.to_instant(day, 0);
    if (lt.utc) return wall_seconds(t);
    const std::string& tzid = lt.tzid.empty() ? fallback_tzid : lt.tzid;
    if (tzid.empty()) return person_.to_instant(day, t.hour * 60 + t.minute) + t.second;
    const Entry* e = find(tzid);
    if (!e) {
      why = "unknown time zone TZID=" + tzid.substr(0, 80) + " (no VTIMEZONE, IANA or Windows zone of that name)";
      return std::nullopt;
    }
    if (e->zone) return e->zone->to_instant(day, t.hour * 60 + t.minute) + t.second;
    icaltimetype copy = t;
    copy.zone = nullptr;
    int is_daylight = 0;
    const int offset = icaltimezone_get_utc_offset(e->ical, &copy, &is_daylight);
    return wall_seconds(t) - offset;
  }

 private:
  struct Entry {
    std::optional<core::Zone> zone;
    icaltimezone* ical = nullptr;
  };

  const Entry* find(const std::string& tzid) {
    if (auto it = cache_.find(tzid); it != cache_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Entry> entry;
    std::string name = tzid;
    if (name == "Z" || iequals(name, "UTC") || iequals(name, "GMT")) name = "UTC";
    if (auto z = core::Zone::find(name)) {
      entry = Entry{*z, nullptr};
    } else if (const std::string iana = windows_zone_to_iana(tzid); !iana.empty()) {
      if (auto wz = core::Zone::find(iana)) entry = Entry{*wz, nullptr};
    }
    if (!entry) {
      if (auto v = vtimezones_.find(tzid); v != vtimezones_.end()) {
        icaltimezone* tz = icaltimezone_new();
        if (tz && icaltimezone_set_component(tz, v->second.get())) {
          (void)v->second.release();  // the zone owns the component now
          ical_.emplace_back(tzid, tz);
          entry = Entry{std::nullopt, tz};
        } else if (tz) {
          icaltimezone_free(tz, 1);
        }
      }
    }
    auto [it, inserted] = cache_.emplace(tzid, std::move(entry));
    (void)inserted;
    return it->second ? &*it->second : nullptr;
  }

  const core::Zone& person_;
  std::map<std::string, ComponentPtr> vtimezones_;
  std::vector<std::pair<std::string, icaltimezone*>> ical_;
  std::map<std::string, std::optional<Entry>> cache_;
};

LocalTime time_of(icalproperty* p, icaltimetype t, int line) {
  LocalTime lt;
  lt.utc = icaltime_is_utc(t) != 0;
  t.zone = nullptr;
  lt.t = t;
  lt.line = line;
  if (!lt.utc && !t.is_date)
    if (icalparameter* tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER))
      if (const char* id = icalparameter_get_tzid(tz)) lt.tzid = id;
  return lt;
}

bool mailto_matches(const char* value, const std::string& email) {
  if (!value || email.empty()) return false;
  std::string_view v(value);
  if (v.size() >= 7 && iequals(v.substr(0, 7), "mailto:")) v.remove_prefix(7);
  return iequals(v, email);
}

struct Invalid {
  int line = 0;
  std::string reason;
};

// Reads a parsed VEVENT into a record; an Invalid names the offending line.
std::optional<Invalid> read_event(icalcomponent* c, const Pending& pending, const IcsOptions& options,
                                  EventRecord& rec) {
  rec.line = pending.line;
  const char* uid = icalcomponent_get_uid(c);
  if (!uid || !*uid) return Invalid{pending.line, "VEVENT has no UID"};
  rec.uid = uid;
  icalproperty* dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
  if (!dtstart) return Invalid{pending.line, "VEVENT has no DTSTART"};
  const icaltimetype start = icalproperty_get_dtstart(dtstart);
  if (icaltime_is_null_time(start)) return Invalid{pending.line_of("DTSTART"), "DTSTART could not be read"};
  rec.start = time_of(dtstart, start, pending.line_of("DTSTART"));
  if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) {
    const icaltimetype end = icalproperty_get_dtend(p);
    if (icaltime_is_null_time(end)) return Invalid{pending.line_of("DTEND"), "DTEND could not be read"};
    rec.end = time_of(p, end, pending.line_of("DTEND"));
  } else if (icalproperty* d = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY)) {
    const icaldurationtype dur = icalproperty_get_duration(d);
    rec.duration_line = pending.line_of("DURATION");
    if (icaldurationtype_is_bad_duration(dur) || dur.is_neg)
      return Invalid{rec.duration_line, "DURATION is not a valid non-negative duration"};
    rec.duration = icaldurationtype_as_int(dur);
  }
  if (icalproperty* r = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY)) {
    const char* text = icalproperty_get_value_as_string(r);
    rec.rrule = text ? text : "";
    rec.rrule_line = pending.line_of("RRULE");
    if (icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY))
      return Invalid{pending.line_of("RRULE", 1), "more than one RRULE is not supported"};
  }
  size_t nth = 0;
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_RDATE_PROPERTY)) {
    // libical splits "RDATE:a,b" into one property per value, so lines are approximate here.
    const icaldatetimeperiodtype v = icalproperty_get_rdate(p);
    RDateValue rd;
    const int line = pending.line_of("RDATE", nth++);
    if (!icaltime_is_null_time(v.time)) {
      rd.start = time_of(p, v.time, line);
    } else {
      rd.start = time_of(p, v.period.start, line);
      if (!icaltime_is_null_time(v.period.end))
        rd.end = time_of(p, v.period.end, line);
      else
        rd.seconds = icaldurationtype_as_int(v.period.duration);
    }
    if (icaltime_is_null_time(rd.start.t)) return Invalid{line, "RDATE could not be read"};
    rec.rdates.push_back(std::move(rd));
  }
  nth = 0;
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)) {
    const int line = pending.line_of("EXDATE", nth++);
    const icaltimetype t = icalproperty_get_exdate(p);
    if (icaltime_is_null_time(t)) return Invalid{line, "EXDATE could not be read"};
    rec.exdates.push_back(time_of(p, t, line));
  }
  if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) {
    const icaltimetype t = icalproperty_get_recurrenceid(p);
    if (icaltime_is_null_time(t))
      return Invalid{pending.line_of("RECURRENCE-ID"), "RECURRENCE-ID could not be read"};
    rec.recurrence_id = time_of(p, t, pending.line_of("RECURRENCE-ID"));
  }
  rec.cancelled = icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED;
  if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_TRANSP_PROPERTY))
    rec.transparent = icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT;
  int attendees = 0;
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
    ++attendees;
    if (!mailto_matches(icalproperty_get_attendee(p), options.me_email)) continue;
    if (icalparameter* ps = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER))
      rec.declined = icalparameter_get_partstat(ps) == ICAL_PARTSTAT_DECLINED;
  }
  rec.meeting = attendees > 1;
  if (options.keep_titles)
    if (const char* s = icalcomponent_get_summary(c)) rec.title = s;
  return std::nullopt;
}

// True when every BYMONTHDAY is past the end of every BYMONTH month, e.g. BYMONTH=2;BYMONTHDAY=30.
bool never_matches(const icalrecurrencetype& rule) {
  if (rule.by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX) return false;
  static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int longest = 0;
  for (int i = 0; i < ICAL_BY_MONTH_SIZE && rule.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
    const int m = icalrecurrencetype_month_month(rule.by_month[i]);
    if (m >= 1 && m <= 12) longest = std::max(longest, month_days[m - 1]);
  }
  if (longest == 0) longest = 31;
  for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE && rule.by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
    if (std::abs(rule.by_month_day[i]) <= longest) return false;
  return true;
}

// Collects the expanded occurrences and the problems found while expanding.
class Expander {
 public:
  Expander(const IcsOptions& options, ZoneBook& zones, IcsResult& result)
      : options_(options), zones_(zones), result_(result) {}

  // Expands all records, masters with their overrides; the first Invalid when one fails.
  void run(const std::vector<EventRecord>& records, std::vector<Invalid>& invalid) {
    // The original starts that an override replaces (or cancels), per UID.
    std::map<std::string, std::set<Instant>> replaced;
    std::vector<std::optional<Instant>> rid(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const EventRecord& r = records[i];
      if (!r.recurrence_id) continue;
      std::string why;
      rid[i] = zones_.instant(*r.recurrence_id, r.start.tzid, why);
      if (!rid[i]) continue;  // reported with the record below
      replaced[r.uid].insert(*rid[i]);
    }
    for (size_t i = 0; i < records.size(); ++i) {
      const EventRecord& r = records[i];
      std::optional<Invalid> problem;
      const size_t emitted = result_.occurrences.size();
      if (r.recurrence_id) {
        if (!rid[i]) {
          std::string why;
          (void)zones_.instant(*r.recurrence_id, r.start.tzid, why);
          problem = Invalid{r.recurrence_id->line, why};
        } else if (!r.cancelled) {
          problem = single(r, *rid[i]);
        }
      } else if (!r.cancelled) {
        static const std::set<Instant> none;
        auto it = replaced.find(r.uid);
        problem = master(r, it == replaced.end() ? none : it->second);
      }
      if (problem) {
        result_.occurrences.resize(emitted);  // an invalid event contributes nothing
        invalid.push_back(std::move(*problem));
      }
    }
  }

 private:
  struct Span {
    Instant start = 0;
    Instant end = 0;
  };

  std::optional<Invalid> when(const LocalTime& lt, const std::string& fallback, Instant& out) {
    std::string why;
    auto t = zones_.instant(lt, fallback, why);
    if (!t) return Invalid{lt.line, why};
    out = *t;
    return std::nullopt;
  }

  // The length of each instance: seconds for timed events, days for all-day ones.
  std::optional<Invalid> length(const EventRecord& r, Instant start, long& seconds, int& days) {
    seconds = 0;
    days = 0;
    if (r.start.t.is_date) {
      days = 1;
      if (r.end) {
        if (!r.end->t.is_date) return Invalid{r.end->line, "DTEND must be a DATE when DTSTART is a DATE"};
        days = core::make_date(r.end->t.year, static_cast<unsigned>(r.end->t.month), static_cast<unsigned>(r.end->t.day))
                   .days -
               core::make_date(r.start.t.year, static_cast<unsigned>(r.start.t.month),
                               static_cast<unsigned>(r.start.t.day))
                   .days;
        if (days < 0) return Invalid{r.end->line, "DTEND is before DTSTART"};
      } else if (r.duration) {
        days = static_cast<int>((*r.duration + 86399) / 86400);
      }
      return std::nullopt;
    }
    if (r.end) {
      Instant end = 0;
      if (auto bad = when(*r.end, r.start.tzid, end)) return bad;
      if (end < start) return Invalid{r.end->line, "DTEND is before DTSTART"};
      seconds = end - start;
    } else if (r.duration) {
      seconds = *r.duration;
    }
    return std::nullopt;
  }

  bool overlaps(Span s) const {
    if (s.start == s.end) return s.start >= options_.from && s.start < options_.to;
    return s.start < options_.to && s.end > options_.from;
  }

  Span span_of(const EventRecord& r, const icaltimetype& local, Instant start, long seconds, int days) const {
    if (!local.is_date) return Span{start, start + seconds};
    const core::Date d = core::make_date(local.year, static_cast<unsigned>(local.month), static_cast<unsigned>(local.day));
    (void)r;
    return Span{start, options_.zone.to_instant(core::add_days(d, days), 0)};
  }

  void emit(const EventRecord& r, Span s, Instant recurrence_id) {
    core::EventOccurrence o;
    o.uid = r.uid;
    o.recurrence_id = recurrence_id;
    o.start = s.start;
    o.end = s.end;
    o.all_day = r.start.t.is_date != 0;
    o.transparent = r.transparent;
    o.declined = r.declined;
    o.meeting = r.meeting;
    o.title = r.title;
    result_.occurrences.push_back(std::move(o));
  }

  // A non-recurring event or an override: one occurrence.
  std::optional<Invalid> single(const EventRecord& r, Instant recurrence_id) {
    Instant start = 0;
    if (auto bad = when(r.start, {}, start)) return bad;
    long seconds = 0;
    int days = 0;
    if (auto bad = length(r, start, seconds, days)) return bad;
    const Span s = span_of(r, r.start.t, start, seconds, days);
    if (overlaps(s)) emit(r, s, recurrence_id);
    return std::nullopt;
  }

  std::optional<Invalid> master(const EventRecord& r, const std::set<Instant>& replaced) {
    Instant first = 0;
    if (auto bad = when(r.start, {}, first)) return bad;
    if (r.rrule.empty() && r.rdates.empty()) return single(r, first);
    long seconds = 0;
    int days = 0;
    if (auto bad = length(r, first, seconds, days)) return bad;

    std::set<Instant> excluded(replaced.begin(), replaced.end());
    for (const LocalTime& ex : r.exdates) {
      Instant t = 0;
      if (auto bad = when(ex, r.start.tzid, t)) return bad;
      excluded.insert(t);
    }
    std::set<Instant> seen;
    int in_window = 0;
    bool capped = false;
    auto consider = [&](const icaltimetype& local, Instant start, std::optional<Span> own) {
      if (!seen.insert(start).second || excluded.count(start)) return;
      const Span s = own ? *own : span_of(r, local, start, seconds, days);
      if (!overlaps(s)) return;
      if (in_window >= options_.max_instances_per_event) {
        capped = true;
        return;
      }
      ++in_window;
      emit(r, s, start);
    };

    consider(r.start.t, first, std::nullopt);
    for (const RDateValue& rd : r.rdates) {
      Instant start = 0;
      if (auto bad = when(rd.start, r.start.tzid, start)) return bad;
      std::optional<Span> own;
      if (rd.end) {
        Instant end = 0;
        if (auto bad = when(*rd.end, r.start.tzid, end)) return bad;
        own = Span{start, std::max(start, end)};
      } else if (rd.seconds) {
        own = Span{start, start + *rd.seconds};
      }
      consider(rd.start.t, start, own);
    }
    if (!r.rrule.empty()) {
      if (auto bad = expand_rule(r, seconds, consider, capped)) return bad;
    }
    if (capped)
      result_.warnings.push_back(IcsSkipped{
          r.rrule_line ? r.rrule_line : r.line,
          "recurrence capped at " + std::to_string(options_.max_instances_per_event) + " instances in the window"});
    return std::nullopt;
  }

  template <typename Consider>
  std::optional<Invalid> expand_rule(const EventRecord& r, long seconds, Consider& consider, bool& capped) {
    icalrecurrencetype rule = icalrecurrencetype_from_string(r.rrule.c_str());
    if (rule.freq == ICAL_NO_RECURRENCE) return Invalid{r.rrule_line, "RRULE could not be read"};
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE)
      return Invalid{r.rrule_line, "RRULE FREQ=SECONDLY or MINUTELY is not supported"};
    if (rule.rscale) return Invalid{r.rrule_line, "RRULE RSCALE is not supported"};
    const bool is_date = r.start.t.is_date != 0;
    // libical compares UNTIL with the floating wall times we iterate in, so a UTC UNTIL is
    // checked here as an instant instead.
    std::optional<Instant> until;
    if (!icaltime_is_null_time(rule.until)) {
      const bool until_utc = icaltime_is_utc(rule.until) != 0;
      rule.until.zone = nullptr;
      if (is_date) {
        if (!rule.until.is_date) {
          const core::Date d = until_utc ? options_.zone.local_date(wall_seconds(rule.until))
                                         : core::make_date(rule.until.year, static_cast<unsigned>(rule.until.month),
                                                           static_cast<unsigned>(rule.until.day));
          rule.until = floating_of(static_cast<Instant>(d.days) * 86400, true);
        }
      } else if (rule.until.is_date) {
        rule.until.is_date = 0;
        rule.until.hour = 23;
        rule.until.minute = 59;
        rule.until.second = 59;
      } else if (until_utc) {
        until = wall_seconds(rule.until);
        rule.until = icaltime_null_time();
      }
    }
    if (never_matches(rule)) return Invalid{r.rrule_line, "RRULE never produces an instance (no such BYMONTHDAY in BYMONTH)"};
    // libical searches up to centuries ahead for a rule that stops matching (seconds of CPU), so
    // a rule without COUNT gets an UNTIL just past the window. COUNT and UNTIL together are
    // refused by libical, so a COUNT rule relies on the checks above.
    if (rule.count == 0) {
      const icaltimetype clamp = floating_of(options_.to + 86400L * 2, is_date);
      if (icaltime_is_null_time(rule.until) || icaltime_compare(rule.until, clamp) > 0) rule.until = clamp;
    }
    icaltimetype dtstart = r.start.t;
    dtstart.zone = nullptr;
    icalrecur_iterator* it = icalrecur_iterator_new(rule, dtstart);
    if (!it) return Invalid{r.rrule_line, "RRULE cannot be expanded from this DTSTART"};
    // Skip ahead to shortly before the window; two days cover any UTC offset.
    if (rule.count == 0) {
      const long lead = is_date ? 86400L * 2 : seconds + 86400L * 2;
      const icaltimetype skip = floating_of(options_.from - lead, is_date);
      if (icaltime_compare(skip, dtstart) > 0) (void)icalrecur_iterator_set_start(it, skip);
    }
    long steps = 0;
    for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t); t = icalrecur_iterator_next(it)) {
      if (++steps > kMaxRecurrenceSteps) {
        capped = true;
        break;
      }
      t.zone = nullptr;
      LocalTime lt = r.start;
      lt.t = t;
      Instant start = 0;
      if (auto bad = when(lt, {}, start)) {
        icalrecur_iterator_free(it);
        return bad;
      }
      if (until && start > *until) break;
      if (start >= options_.to) break;
      consider(t, start, std::nullopt);
      if (capped) break;
    }
    icalrecur_iterator_free(it);
    return std::nullopt;
  }

  const IcsOptions& options_;
  ZoneBook& zones_;
  IcsResult& result_;
};

}  // namespace

std::string windows_zone_to_iana(std::string_view windows_name) {
  if (windows_name.empty() || windows_name.size() > 128) return {};
  std::u16string wide;
  for (char c : windows_name) {
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    wide.push_back(static_cast<char16_t>(c));
  }
  UChar out[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucal_getTimeZoneIDForWindowsID(wide.data(), static_cast<int32_t>(wide.size()), nullptr, out,
                                                   static_cast<int32_t>(std::size(out)), &status);
  if (U_FAILURE(status) || n <= 0 || n > static_cast<int32_t>(std::size(out))) return {};
  return std::string(out, out + n);
}

IcsOptions default_ics_window(core::Instant now, core::Zone zone) {
  IcsOptions o;
  o.from = now - 365LL * 86400;
  o.to = now + 92LL * 86400;
  o.zone = std::move(zone);
  return o;
}

Result<IcsResult> import_ics(std::istream& in, const IcsOptions& options) {
  if (options.to < options.from) return invalid("window", "the import window ends before it starts");
  icalerror_set_errors_are_fatal(0);
  IcsResult result;
  ZoneBook zones(options.zone);
  std::vector<EventRecord> records;
  std::vector<Invalid> invalid_items;
  // Without skip_invalid the first invalid event ends the import; with it, it is listed.
  auto reject = [&](int line, const std::string& why) -> bool {
    if (!options.skip_invalid) return false;
    result.skipped.push_back(IcsSkipped{line, why});
    return true;
  };

  IcsLineReader reader(in, options.max_bytes, options.max_line_bytes);
  std::vector<std::pair<std::string, int>> stack;  // open components and their BEGIN lines
  std::optional<Pending> pending;
  bool saw_calendar = false;
  ContentLine cl;
  Prop prop;
  for (;;) {
    const bool more = HW_TRY(reader.next(cl));
    if (!more) break;
    if (!split_line(cl.text, prop)) {
      if (pending) {
        pending->mark_bad(cl.line, "not a content line (no ':')");
        continue;
      }
      return bad(ErrorCode::malformed, cl.line, "not a content line (no ':')");
    }
    if (prop.name == "BEGIN" || prop.name == "END") {
      const std::string kind = upper(prop.value);
      if (prop.name == "BEGIN") {
        if (stack.empty() && kind != "VCALENDAR")
          return bad(ErrorCode::malformed, cl.line, "expected BEGIN:VCALENDAR, found BEGIN:" + kind.substr(0, 40));
        if (kind == "VCALENDAR" && !stack.empty())
          return bad(ErrorCode::malformed, cl.line, "BEGIN:VCALENDAR inside " + stack.back().first);
        saw_calendar = true;
        stack.emplace_back(kind, cl.line);
        if (stack.size() == 2) pending = Pending{kind, cl.line, {}, {}, 0, {}};
      } else {
        if (stack.empty() || stack.back().first != kind) {
          const std::string open = stack.empty() ? "nothing is open"
                                                 : "BEGIN:" + stack.back().first + " at " + at(stack.back().second) +
                                                       " is still open";
          return bad(ErrorCode::malformed, cl.line, "END:" + kind.substr(0, 40) + " does not match: " + open);
        }
        stack.pop_back();
      }
      if (pending) {
        if (pending->text.size() + cl.text.size() + 2 > kMaxComponentBytes)
          pending->mark_bad(cl.line, pending->kind + " is larger than " + std::to_string(kMaxComponentBytes) + " bytes");
        else
          pending->text.append(cl.text).append("\r\n");
      }
      if (pending && stack.size() == 1) {
        // A top-level component is complete: hand it to libical.
        Pending done = std::move(*pending);
        pending.reset();
        if (done.kind != "VEVENT" && done.kind != "VTIMEZONE") continue;
        if (done.bad_line == 0) {
          ComponentPtr comp(icalparser_parse_string(done.text.c_str()));
          if (!comp) done.mark_bad(done.line, done.kind + " could not be parsed");
          else if (done.kind == "VTIMEZONE") {
            const char* id = nullptr;
            if (icalproperty* p = icalcomponent_get_first_property(comp.get(), ICAL_TZID_PROPERTY))
              id = icalproperty_get_tzid(p);
            if (id && *id) zones.add_vtimezone(id, std::move(comp));
          } else {
            EventRecord rec;
            if (auto problem = read_event(comp.get(), done, options, rec))
              done.mark_bad(problem->line, problem->reason);
            else {
              records.push_back(std::move(rec));
              ++result.events;
            }
          }
        }
        if (done.bad_line != 0) {
          // A broken VTIMEZONE only matters if an event uses it; it then fails as an unknown TZID.
          if (done.kind == "VTIMEZONE") continue;
          if (!reject(done.bad_line, done.bad_reason)) return bad(ErrorCode::invalid, done.bad_line, done.bad_reason);
        }
      }
      continue;
    }
    if (stack.empty()) return bad(ErrorCode::malformed, cl.line, "content outside BEGIN:VCALENDAR");
    if (!pending) continue;  // a calendar property (VERSION, PRODID, METHOD ...)
    if (stack.size() == 2) {
      pending->props.emplace_back(prop.name, cl.line);
      if (pending->kind == "VEVENT")
        if (std::string why = check_property(prop); !why.empty()) pending->mark_bad(cl.line, why);
    }
    if (pending->kind != "VEVENT" && pending->kind != "VTIMEZONE") continue;
    if (pending->text.size() + cl.text.size() + 2 > kMaxComponentBytes)
      pending->mark_bad(cl.line, pending->kind + " is larger than " + std::to_string(kMaxComponentBytes) + " bytes");
    else
      pending->text.append(cl.text).append("\r\n");
  }
  if (!stack.empty())
    return bad(ErrorCode::malformed, reader.line(),
               "the file ends inside BEGIN:" + stack.back().first + " from " + at(stack.back().second) +
                   " (truncated? missing END:" + stack.back().first + ")");
  if (!saw_calendar) return bad(ErrorCode::malformed, std::max(1, reader.line()), "not an iCalendar file (no BEGIN:VCALENDAR)");

  Expander expander(options, zones, result);
  expander.run(records, invalid_items);
  for (const Invalid& inv : invalid_items)
    if (!reject(inv.line, inv.reason)) return bad(ErrorCode::invalid, inv.line, inv.reason);
  std::stable_sort(result.skipped.begin(), result.skipped.end(),
                   [](const IcsSkipped& a, const IcsSkipped& b) { return a.line < b.line; });
  std::sort(result.occurrences.begin(), result.occurrences.end(),
            [](const core::EventOccurrence& a, const core::EventOccurrence& b) {
              return std::tie(a.start, a.uid, a.recurrence_id) < std::tie(b.start, b.uid, b.recurrence_id);
            });
  return result;
}

}  // namespace headway::ingest
