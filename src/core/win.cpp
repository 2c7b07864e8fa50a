#include "core/win.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<WinSize> parse_win_size(std::string_view text, std::string_view field) {
  return parse_enum<WinSize>(text, field, kWinSizeNames);
}

Result<void> validate_win(const Win& w) {
  HW_CHECK(validate_text(w.text, "text", 500, true));
  return {};
}

Result<int> validate_reflection_score(int score, std::string_view field) {
  if (score < 0 || score > 10)
    return invalid(std::string(field), "must be a whole number from 0 to 10, got " + std::to_string(score));
  return score;
}

}  // namespace headway::core
