#pragma once
// A person: the owner of every other record.
#include <cstdint>
#include <string>

#include "core/date.hpp"

namespace headway::core {

using Id = int64_t;

// Usual working hours, e.g. "Mon-Fri 09:00-17:30".
struct WorkHours {
  DaySet days{0x1f};
  TimeOfDay from{9 * 60};
  TimeOfDay to{17 * 60 + 30};
  bool operator==(const WorkHours&) const = default;
};
Result<WorkHours> parse_work_hours(std::string_view text, std::string_view field = "work_hours");
std::string to_string(const WorkHours& w);

struct Person {
  Id id = 0;
  std::string name;
  std::string email;
  std::string timezone;
  WorkHours work_hours;
  Instant created_at = 0;
};

// Checks a name: 1-100 characters, no control characters.
Result<std::string> validate_name(std::string_view text, std::string_view field = "name");
// True when s is well-formed UTF-8.
bool valid_utf8(std::string_view s);
// Checks free text (notes, WOOP parts): at most `max` bytes, no control characters except newline.
Result<std::string> validate_text(std::string_view text, std::string_view field, size_t max, bool required);

}  // namespace headway::core
