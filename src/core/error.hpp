#pragma once
// Error values: expected failures are returned, never thrown.
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace headway {

enum class ErrorCode {
  invalid,      // bad input: the field names what was wrong
  malformed,    // input that is not even well-formed (broken JSON, bad encoding)
  not_found,    // no such object, or not the actor's
  conflict,     // the object exists already, or the state forbids the change
  not_ready,    // the data directory or profile is missing
  storage,      // the database failed
  busy,         // a transient conflict (lock, serialization failure): the same work may succeed if retried
  corrupt,      // the database file is not a Headway database
  internal,     // a bug
  unauthenticated,  // no valid credentials
  forbidden,    // signed in, but this actor may not do this
  rate_limited, // too many attempts; Error::retry_after says for how long
};

// Short machine-readable name of a code, e.g. "invalid".
const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;  // e.g. "stress"; empty when no single field is at fault
  long retry_after = 0;  // seconds, for rate_limited
};

template <typename T>
using Result = tl::expected<T, Error>;

// Shorthand for the unexpected side of a Result.
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}
inline tl::unexpected<Error> invalid(std::string field, std::string message) {
  return fail(ErrorCode::invalid, std::move(message), std::move(field));
}
inline tl::unexpected<Error> not_found(std::string message) {
  return fail(ErrorCode::not_found, std::move(message));
}

}  // namespace headway

// Propagates the error of an expression yielding a Result; otherwise yields its value.
#define HW_TRY(expr)                                              \
  __extension__({                                                 \
    auto&& hw_try_result_ = (expr);                               \
    if (!hw_try_result_) return tl::unexpected(std::move(hw_try_result_.error())); \
    std::move(*hw_try_result_);                                   \
  })
#define HW_CHECK(expr)                                            \
  do {                                                            \
    auto&& hw_check_result_ = (expr);                             \
    if (!hw_check_result_) return tl::unexpected(std::move(hw_check_result_.error())); \
  } while (0)
