#pragma once
// Values and the motivation profile.
#include <optional>
#include <string>
#include <vector>

#include "core/motivation.hpp"
#include "core/value.hpp"
#include "service/context.hpp"

namespace headway::service {

// Adds a value from the catalogue (matched case-insensitively) or a custom one, optionally ranked.
Result<core::Value> add_value(Context& ctx, const Actor& actor, const std::string& name, std::optional<int> rank);
// Ranks a value given by id or name (by id only with `id_only`; 0 unranks it); others shift to
// keep 1..5 unique.
Result<std::vector<core::Value>> rank_value(Context& ctx, const Actor& actor, const std::string& ref, int rank,
                                            bool id_only = false);
Result<void> remove_value(Context& ctx, const Actor& actor, const std::string& ref, bool id_only = false);
Result<std::vector<core::Value>> list_values(Context& ctx, const Actor& actor);
// Finds a value by numeric id or name (an id first) among the actor's values.
Result<core::Value> resolve_value(store::Transaction& tx, const Actor& actor, const std::string& ref,
                                  const char* field = "value", bool id_only = false);

struct MotivationProfile {
  std::vector<core::Motivation> drivers;
  std::vector<core::Catalyst> catalysts;
};
Result<core::Motivation> set_motivation(Context& ctx, const Actor& actor, const std::string& driver, int rating);
Result<core::Catalyst> add_catalyst(Context& ctx, const Actor& actor, const std::string& kind,
                                    const std::optional<std::string>& date, const std::string& note);
Result<MotivationProfile> motivation_profile(Context& ctx, const Actor& actor);

}  // namespace headway::service
