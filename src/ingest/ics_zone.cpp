#include "ingest/ics_zone.hpp"

#include <climits>

#include <unicode/ucal.h>

#include "ingest/ics.hpp"
#include "ingest/ics_property.hpp"
#include "ingest/ics_rule.hpp"

namespace headway::ingest::ics {

namespace {

// Why libical should not expand a VTIMEZONE, or empty. It expands every observance's RRULE from
// the observance's DTSTART to the year asked about: seconds of CPU for an hourly rule from 1800,
// or for a rule that never matches (see never_matches).
std::string unusable(icalcomponent* vtimezone) {
  // Property getters only: icalcomponent_get_dtstart would look for the zone in the parent and
  // restart the loop over its subcomponents.
  for (icalcomponent* sub = icalcomponent_get_first_component(vtimezone, ICAL_ANY_COMPONENT); sub;
       sub = icalcomponent_get_next_component(vtimezone, ICAL_ANY_COMPONENT)) {
    icalproperty* dtstart = icalcomponent_get_first_property(sub, ICAL_DTSTART_PROPERTY);
    for (icalproperty* p = icalcomponent_get_first_property(sub, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(sub, ICAL_RRULE_PROPERTY)) {
      const icalrecurrencetype rule = icalproperty_get_rrule(p);
      if (rule.freq != ICAL_YEARLY_RECURRENCE && rule.freq != ICAL_MONTHLY_RECURRENCE)
        return "its VTIMEZONE has an RRULE that is not YEARLY or MONTHLY";
      icaltimetype start = dtstart ? icalproperty_get_dtstart(dtstart) : icaltime_null_time();
      start.zone = nullptr;
      if (icaltime_is_null_time(start) || never_matches(rule, start))
        return "its VTIMEZONE has an RRULE that never produces an instance";
    }
  }
  return {};
}

}  // namespace

int64_t wall_seconds(const icaltimetype& t) {
  return static_cast<int64_t>(core::make_date(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)).days) *
             86400 +
         t.hour * 3600 + t.minute * 60 + t.second;
}

icaltimetype floating_of(core::Instant wall, bool is_date) {
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

ZoneBook::~ZoneBook() {
  for (auto& [id, tz] : ical_)
    if (tz) icaltimezone_free(tz, 1);
}

void ZoneBook::add_vtimezone(const std::string& tzid, ComponentPtr comp) {
  if (vtimezones_.count(tzid)) return;
  vtimezones_.emplace(tzid, std::move(comp));
}

core::Instant ZoneBook::to_instant(const core::Zone& zone, DayOffsets& days, core::Date day, int wall_minute,
                                  int second) {
  constexpr int64_t kIrregular = INT64_MIN;
  auto [it, inserted] = days.offset.try_emplace(day.days, kIrregular);
  if (inserted) {
    // The offset at both local midnights; equal means no change in between.
    const int64_t local = static_cast<int64_t>(day.days) * 86400;
    const int64_t at_start = local - zone.to_instant(day, 0);
    const int64_t at_end = local + 86400 - zone.to_instant(core::add_days(day, 1), 0);
    if (at_start == at_end) it->second = at_start;
  }
  if (it->second == kIrregular) return zone.to_instant(day, wall_minute) + second;
  return static_cast<int64_t>(day.days) * 86400 + wall_minute * 60 + second - it->second;
}

std::optional<core::Instant> ZoneBook::instant(const LocalTime& lt, const std::string& fallback_tzid, std::string& why) {
  const icaltimetype& t = lt.t;
  const core::Date day = core::make_date(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
  if (t.is_date) return to_instant(person_, person_days_, day, 0, 0);
  if (lt.utc) return wall_seconds(t);
  const std::string& tzid = lt.tzid.empty() ? fallback_tzid : lt.tzid;
  const int wall_minute = t.hour * 60 + t.minute;
  if (tzid.empty()) return to_instant(person_, person_days_, day, wall_minute, t.second);
  Entry* e = last_tzid_ && *last_tzid_ == tzid ? last_entry_ : find(tzid);
  if (!e) {
    if (auto r = refused_.find(tzid); r != refused_.end())
      why = "time zone TZID=" + tzid.substr(0, 80) + " cannot be used: " + r->second;
    else
      why = "unknown time zone TZID=" + tzid.substr(0, 80) + " (no VTIMEZONE, IANA or Windows zone of that name)";
    return std::nullopt;
  }
  if (e->zone) return to_instant(*e->zone, e->days, day, wall_minute, t.second);
  icaltimetype copy = t;
  copy.zone = nullptr;
  int is_daylight = 0;
  const int offset = icaltimezone_get_utc_offset(e->ical, &copy, &is_daylight);
  return wall_seconds(t) - offset;
}

ZoneBook::Entry* ZoneBook::find(const std::string& tzid) {
  if (auto it = cache_.find(tzid); it != cache_.end()) {
    last_tzid_ = &it->first;
    last_entry_ = it->second ? &*it->second : nullptr;
    return last_entry_;
  }
  std::optional<Entry> entry;
  std::string name = tzid;
  if (name == "Z" || iequals(name, "UTC") || iequals(name, "GMT")) name = "UTC";
  if (auto z = core::Zone::find(name)) {
    entry = Entry{*z, nullptr, {}};
  } else if (const std::string iana = windows_zone_to_iana(tzid); !iana.empty()) {
    if (auto wz = core::Zone::find(iana)) entry = Entry{*wz, nullptr, {}};
  }
  if (!entry) {
    if (auto v = vtimezones_.find(tzid); v != vtimezones_.end()) {
      if (std::string why = unusable(v->second.get()); !why.empty()) {
        refused_.emplace(tzid, std::move(why));
      } else if (icaltimezone* tz = icaltimezone_new()) {
        if (icaltimezone_set_component(tz, v->second.get())) {
          (void)v->second.release();  // the zone owns the component now
          ical_.emplace_back(tzid, tz);
          entry = Entry{std::nullopt, tz, {}};
        } else {
          icaltimezone_free(tz, 1);
        }
      }
    }
  }
  auto [it, inserted] = cache_.emplace(tzid, std::move(entry));
  (void)inserted;
  last_tzid_ = &it->first;
  last_entry_ = it->second ? &*it->second : nullptr;
  return last_entry_;
}

}  // namespace headway::ingest::ics

namespace headway::ingest {

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

}  // namespace headway::ingest
