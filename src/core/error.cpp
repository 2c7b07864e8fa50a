#include "core/error.hpp"

namespace headway {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid: return "invalid";
    case ErrorCode::malformed: return "malformed";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::not_ready: return "not_ready";
    case ErrorCode::storage: return "storage";
    case ErrorCode::busy: return "busy";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::internal: return "internal";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::rate_limited: return "rate_limited";
  }
  return "internal";
}

}  // namespace headway
