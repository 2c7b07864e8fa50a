#pragma once
// Enum <-> name tables shared by the domain types.
#include <array>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace headway::core {

// Joins names as "a, b or c" for error messages.
template <size_t N>
std::string list_names(const std::array<const char*, N>& names) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i) out += (i + 1 == N) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

// Finds `text` in `names`; the error names `field` and lists the choices.
template <typename E, size_t N>
Result<E> parse_enum(std::string_view text, std::string_view field, const std::array<const char*, N>& names) {
  for (size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<E>(i);
  std::string shown(text.substr(0, 40));
  return invalid(std::string(field), "expected " + list_names(names) + ", got \"" + shown + "\"");
}

}  // namespace headway::core
