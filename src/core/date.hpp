#pragma once
// Civil dates and wall-clock times, independent of any time zone.
#include <cstdint>
#include <compare>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace headway::core {

// A calendar day, stored as days since 1970-01-01.
struct Date {
  int32_t days = 0;
  auto operator<=>(const Date&) const = default;
};

struct Ymd {
  int year;
  unsigned month;
  unsigned day;
};

// Parses a strict ISO date "YYYY-MM-DD"; the field names the input on failure.
Result<Date> parse_date(std::string_view text, std::string_view field = "date");
Date make_date(int year, unsigned month, unsigned day);
Ymd to_ymd(Date d);
std::string to_string(Date d);
// 0 = Monday ... 6 = Sunday.
int weekday(Date d);
inline Date add_days(Date d, int n) { return Date{d.days + n}; }
inline int days_between(Date from, Date to) { return to.days - from.days; }
// The Monday of the ISO week holding d.
Date week_start(Date d);
// ISO 8601 week label, e.g. "2026-W48".
std::string iso_week_label(Date d);
// Short English weekday name: "Mon".
const char* weekday_name(int wd);

// Minutes since local midnight on the wall clock, 0..1439.
struct TimeOfDay {
  int minutes = 0;
  auto operator<=>(const TimeOfDay&) const = default;
};
// Parses a strict "HH:MM" (00:00 to 23:59).
Result<TimeOfDay> parse_time(std::string_view text, std::string_view field = "time");
std::string to_string(TimeOfDay t);

// A set of weekdays, bit 0 = Monday.
struct DaySet {
  uint8_t bits = 0;
  bool contains(int wd) const { return (bits >> wd) & 1u; }
  bool operator==(const DaySet&) const = default;
};
// Parses "Mon-Fri", "Sat,Sun", "Mon,Wed-Fri", "weekdays", "weekend", "daily".
Result<DaySet> parse_days(std::string_view text, std::string_view field = "days");
// Canonical compact form, e.g. "Mon-Fri" or "Mon,Wed,Fri".
std::string to_string(DaySet days);

// Seconds since the Unix epoch, UTC.
using Instant = int64_t;
// ISO 8601 UTC, e.g. "2026-11-25T16:05:33Z".
std::string format_instant(Instant t);
Result<Instant> parse_instant(std::string_view text, std::string_view field = "time");

}  // namespace headway::core
