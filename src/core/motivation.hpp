#pragma once
// The motivation profile: drivers rated 1-5 and dated catalysts.
#include <array>
#include <string>

#include "core/person.hpp"

namespace headway::core {

enum class Driver { health, family, personal_growth, purpose, fairness, collective_change, other };
inline constexpr std::array<const char*, 7> kDriverNames{"health",   "family",           "personal-growth", "purpose",
                                                         "fairness", "collective-change", "other"};
enum class CatalystKind { health_scare, family_event, loss_of_purpose, burnout, other };
inline constexpr std::array<const char*, 5> kCatalystNames{"health-scare", "family-event", "loss-of-purpose",
                                                           "burnout", "other"};

Result<Driver> parse_driver(std::string_view text, std::string_view field = "driver");
Result<CatalystKind> parse_catalyst_kind(std::string_view text, std::string_view field = "kind");
inline const char* to_string(Driver d) { return kDriverNames[static_cast<size_t>(d)]; }
inline const char* to_string(CatalystKind k) { return kCatalystNames[static_cast<size_t>(k)]; }

// Checks a 1-5 rating for `field`.
Result<int> validate_1_to_5(int value, std::string_view field);

struct Motivation {
  Id person_id = 0;
  Driver driver = Driver::other;
  int rating = 3;
  Instant updated_at = 0;
};

struct Catalyst {
  Id id = 0;
  Id person_id = 0;
  CatalystKind kind = CatalystKind::other;
  Date date;
  std::string note;
};

}  // namespace headway::core
