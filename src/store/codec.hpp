#pragma once
// Text forms of domain enums and compound fields as stored in any backend.
#include <string>
#include <vector>

#include "core/boundary.hpp"
#include "core/goal.hpp"
#include "core/stage.hpp"

namespace headway::store {

// Parses stored text back into domain values; a failure means the row is corrupt.
Result<core::Barrier> decode_barrier(const std::string& s);
Result<core::Stage> decode_stage(const std::string& s);
Result<core::StagingAnswer> decode_answer(const std::string& s);
Result<core::Frequency> decode_frequency(const std::string& s);
Result<core::Boundary> decode_boundary(const std::string& type, const std::string& params);
std::string encode_answers(const std::vector<int>& answers);
Result<std::vector<int>> decode_answers(const std::string& s);

}  // namespace headway::store
