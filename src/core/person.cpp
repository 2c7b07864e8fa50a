#include "core/person.hpp"

#include <cstdint>

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

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : 99;
    if (n == 99 || i + n >= s.size() + (n ? 0 : 1)) return false;
    uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1f) : n == 2 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

Result<std::string> validate_text(std::string_view text, std::string_view field, size_t max, bool required) {
  const std::string f(field);
  if (required && text.find_first_not_of(" \t\n") == std::string_view::npos)
    return invalid(f, "must not be empty");
  if (text.size() > max) return invalid(f, "too long: " + std::to_string(text.size()) + " bytes, at most " +
                                               std::to_string(max));
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return invalid(f, "contains a control character");
  if (!valid_utf8(text)) return invalid(f, "is not valid UTF-8 text");
  return std::string(text);
}

Result<std::string> validate_name(std::string_view text, std::string_view field) {
  auto r = validate_text(text, field, 100, true);
  if (r && r->find('\n') != std::string::npos) return invalid(std::string(field), "must be one line");
  return r;
}

}  // namespace headway::core
