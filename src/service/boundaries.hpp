#pragma once
// Boundaries and their automatic daily evaluation.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluator.hpp"
#include "service/context.hpp"

namespace headway::service {

Result<core::Boundary> add_boundary(Context& ctx, const Actor& actor, const std::string& type,
                                    const std::map<std::string, std::string>& params, const std::string& label);
Result<std::vector<core::Boundary>> list_boundaries(Context& ctx, const Actor& actor);
Result<void> remove_boundary(Context& ctx, const Actor& actor, Id id);

struct CheckRange {
  std::optional<std::string> date, from, to;
};
// Evaluates every active boundary on each day of the range (default: today).
Result<std::vector<core::Evaluation>> check_boundaries(Context& ctx, const Actor& actor, const CheckRange& range);

// Loads a range's evidence and evaluates `boundaries` inside an open transaction. Evaluation
// starts on the Monday before `from` so weekly caps see the whole week; results before `from`
// are dropped.
Result<std::vector<core::Evaluation>> evaluate_range(store::Transaction& tx, const core::Person& person,
                                                     const core::Zone& zone,
                                                     const std::vector<core::Boundary>& boundaries, Date from,
                                                     Date to);

// Longest span a single check covers.
inline constexpr int kMaxCheckDays = 3660;

}  // namespace headway::service
