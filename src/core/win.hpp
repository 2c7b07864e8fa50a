#pragma once
// Wins journal entries and the weekly values reflection.
#include <array>
#include <optional>
#include <string>

#include "core/person.hpp"

namespace headway::core {

enum class WinSize { small, medium, big };
inline constexpr std::array<const char*, 3> kWinSizeNames{"small", "medium", "big"};
inline const char* to_string(WinSize s) { return kWinSizeNames[static_cast<size_t>(s)]; }
Result<WinSize> parse_win_size(std::string_view text, std::string_view field = "size");

struct Win {
  Id id = 0;
  Id person_id = 0;
  std::string text;
  std::optional<Id> goal_id;
  std::optional<Id> value_id;
  WinSize size = WinSize::small;
  Date date;
  Instant created_at = 0;
};
Result<void> validate_win(const Win& w);

// "How well did this week reflect my values?" 0-10, one per ISO week.
struct Reflection {
  Id person_id = 0;
  Date week;  // Monday of the ISO week
  int score = 0;
  std::string note;
  Instant updated_at = 0;
};
Result<int> validate_reflection_score(int score, std::string_view field = "values");

}  // namespace headway::core
