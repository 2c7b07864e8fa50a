#include "core/person.hpp"

namespace headway::core {

Result<WorkHours> parse_work_hours(std::string_view text, std::string_view field) {
  const std::string f(field);
  const auto space = text.rfind(' ');
  const auto dash = text.rfind('-');
  if (space == std::string_view::npos || dash == std::string_view::npos || dash < space)
    return invalid(f, "expected work hours like \"Mon-Fri 09:00-17:30\", got \"" +
                          std::string(text.substr(0, 40)) + "\"");
  WorkHours w;
  w.days = HW_TRY(parse_days(text.substr(0, space), field));
  w.from = HW_TRY(parse_time(text.substr(space + 1, dash - space - 1), field));
  w.to = HW_TRY(parse_time(text.substr(dash + 1), field));
  if (w.to <= w.from) return invalid(f, "work hours must end after they start");
  return w;
}

std::string to_string(const WorkHours& w) {
  return to_string(w.days) + " " + to_string(w.from) + "-" + to_string(w.to);
}

Result<std::string> validate_text(std::string_view text, std::string_view field, size_t max, bool required) {
  const std::string f(field);
  if (required && text.find_first_not_of(" \t\n") == std::string_view::npos)
    return invalid(f, "must not be empty");
  if (text.size() > max) return invalid(f, "too long: " + std::to_string(text.size()) + " bytes, at most " +
                                               std::to_string(max));
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return invalid(f, "contains a control character");
  return std::string(text);
}

Result<std::string> validate_name(std::string_view text, std::string_view field) {
  auto r = validate_text(text, field, 100, true);
  if (r && r->find('\n') != std::string::npos) return invalid(std::string(field), "must be one line");
  return r;
}

}  // namespace headway::core
