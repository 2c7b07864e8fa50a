#include "store/codec.hpp"

#include "core/instrument.hpp"

namespace headway::store {
namespace {

template <typename T>
Result<T> corrupt_if(Result<T> r, const char* what) {
  if (!r) return fail(ErrorCode::corrupt, std::string("stored ") + what + " is unreadable: " + r.error().message);
  return r;
}

}  // namespace

Result<core::Barrier> decode_barrier(const std::string& s) { return corrupt_if(core::parse_barrier(s), "barrier"); }
Result<core::Stage> decode_stage(const std::string& s) { return corrupt_if(core::parse_stage(s), "stage"); }
Result<core::StagingAnswer> decode_answer(const std::string& s) {
  return corrupt_if(core::parse_staging_answer(s), "staging answer");
}
Result<core::Frequency> decode_frequency(const std::string& s) {
  return corrupt_if(core::parse_frequency(s), "frequency");
}

Result<core::Boundary> decode_boundary(const std::string& type, const std::string& params) {
  auto t = corrupt_if(core::parse_boundary_type(type), "boundary type");
  if (!t) return tl::unexpected(t.error());
  auto p = corrupt_if(core::parse_params(params), "boundary parameters");
  if (!p) return tl::unexpected(p.error());
  return corrupt_if(core::make_boundary(*t, *p), "boundary");
}

std::string encode_answers(const std::vector<int>& answers) {
  std::string out;
  for (size_t i = 0; i < answers.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(answers[i]);
  }
  return out;
}

Result<std::vector<int>> decode_answers(const std::string& s) {
  return corrupt_if(core::parse_answers(s), "answers");
}

}  // namespace headway::store
