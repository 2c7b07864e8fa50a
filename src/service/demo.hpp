#pragma once
// A believable person with months of data, whose patterns the insights can actually find.
#include <cstdint>

#include "service/context.hpp"

namespace headway::service {

struct DemoOptions {
  int days = 120;
  uint64_t seed = 42;
  std::string timezone = "Europe/Berlin";
};

struct DemoSummary {
  Actor actor;
  int checkins = 0;
  int wins = 0;
  int completions = 0;
};

// Fills an empty database in one transaction; refuses one that already has a profile.
Result<DemoSummary> run_demo(Context& ctx, const DemoOptions& opt);

}  // namespace headway::service
