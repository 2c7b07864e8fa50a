#pragma once
// Line-level pieces of the iCalendar importer: splitting a content line into name, parameters and
// value, and checking the properties the importer relies on before libical sees them.
#include <string>
#include <string_view>

namespace headway::ingest::ics {

// A content line split into its name, raw parameters and value.
struct Prop {
  std::string name;
  std::string params;
  std::string value;
};

// ASCII upper case.
std::string upper(std::string_view s);
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
// False when the line has no ':' outside quoted parameter values.
bool split_line(const std::string& text, Prop& out);
// The value of parameter `key` (upper case) in raw ";K=V;K2=\"V2\"" text, unquoted; empty when absent.
std::string param(const std::string& params, std::string_view key);
// Checks a DATE ("20250301") or DATE-TIME ("20250301T090000", optionally "Z"); empty when fine.
std::string check_date_time(std::string_view v, bool allow_date, bool allow_time);
// Line-level checks of DTSTART, DTEND, RECURRENCE-ID, EXDATE, RDATE, DURATION and RRULE; empty
// when fine, otherwise why the line is invalid.
std::string check_property(const Prop& p);

}  // namespace headway::ingest::ics
