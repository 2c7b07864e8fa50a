#include "core/goal.hpp"

#include <charconv>

#include "core/names.hpp"

namespace headway::core {

Result<Barrier> parse_barrier(std::string_view text, std::string_view field) {
  return parse_enum<Barrier>(text, field, kBarrierNames);
}

Result<Frequency> parse_frequency(std::string_view text, std::string_view field) {
  if (text == "daily") return Frequency{1, false};
  const std::string suffix = "x/week";
  if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
    int n = 0;
    const char* end = text.data() + text.size() - suffix.size();
    auto [p, ec] = std::from_chars(text.data(), end, n);
    if (ec == std::errc{} && p == end && n >= 1 && n <= 7) return Frequency{n, true};
  }
  return invalid(std::string(field),
                 "expected daily or Nx/week with N from 1 to 7 (e.g. 3x/week), got \"" +
                     std::string(text.substr(0, 40)) + "\"");
}

std::string to_string(Frequency f) { return f.weekly ? std::to_string(f.times) + "x/week" : "daily"; }

Result<void> validate_goal(const Goal& g) {
  if (g.title.empty()) return invalid("title", "must not be empty");
  HW_CHECK(validate_name(g.title, "title"));
  HW_CHECK(validate_text(g.wish, "wish", 2000, false));
  HW_CHECK(validate_text(g.outcome, "outcome", 2000, false));
  HW_CHECK(validate_text(g.obstacle, "obstacle", 2000, false));
  HW_CHECK(validate_text(g.if_cue, "if", 500, false));
  HW_CHECK(validate_text(g.then_action, "then", 500, false));
  if (g.if_cue.empty() != g.then_action.empty())
    return invalid(g.if_cue.empty() ? "if" : "then", "an if-then plan needs both --if and --then");
  if (g.value_ids.empty()) return invalid("value", "a goal must link to at least one value");
  return {};
}

}  // namespace headway::core
