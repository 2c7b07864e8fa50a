#pragma once
// Strict reading of JSON request bodies: every field is typed and range-checked, unknown
// fields are refused, and every error names the field.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace headway::http {

class Input {
 public:
  // Parses the body (an empty body is {}). Broken JSON, invalid UTF-8, deep nesting and
  // anything but an object are malformed errors.
  static Result<Input> parse(const Request& req);
  Input(Input&&) noexcept;
  ~Input();

  // Optional fields: absent or null give nullopt; a wrong type is an invalid error.
  Result<std::optional<std::string>> text(const std::string& name);
  Result<std::string> required_text(const std::string& name);
  Result<std::optional<int64_t>> integer(const std::string& name, int64_t lo, int64_t hi);
  Result<int64_t> required_integer(const std::string& name, int64_t lo, int64_t hi);
  Result<std::optional<bool>> boolean(const std::string& name);
  Result<std::optional<std::vector<std::string>>> texts(const std::string& name);
  Result<std::optional<std::vector<int64_t>>> integers(const std::string& name, int64_t lo, int64_t hi);
  // A string, or a number given as its decimal text.
  Result<std::optional<std::string>> text_or_number(const std::string& name);
  bool has(const std::string& name) const;
  // Refuses fields no getter asked for. Call after reading every field, before changing anything.
  Result<void> finish() const;

 private:
  struct Impl;
  explicit Input(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads an id from a path parameter; anything but a positive integer is not found.
Result<int64_t> path_id(std::string_view text);

}  // namespace headway::http
