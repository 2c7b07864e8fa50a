#include "core/motivation.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<Driver> parse_driver(std::string_view text, std::string_view field) {
  return parse_enum<Driver>(text, field, kDriverNames);
}

Result<CatalystKind> parse_catalyst_kind(std::string_view text, std::string_view field) {
  return parse_enum<CatalystKind>(text, field, kCatalystNames);
}

Result<int> validate_1_to_5(int value, std::string_view field) {
  if (value < 1 || value > 5)
    return invalid(std::string(field), "must be a whole number from 1 to 5, got " + std::to_string(value));
  return value;
}

}  // namespace headway::core
