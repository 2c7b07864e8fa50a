#pragma once
// Reading an export: typed access to its JSON whose every error names the JSON path
// ("$.checkins[2].stress: out of range"). Shared by the parts of service/export.cpp.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/error.hpp"

namespace headway::service::export_json {

using nlohmann::json;

struct In {
  const json& j;
  std::string path;

  In at(const char* key) const { return In{j.contains(key) ? j.at(key) : null(), path + "." + key}; }
  In at(size_t i) const { return In{j.at(i), path + "[" + std::to_string(i) + "]"}; }
  bool has(const char* key) const { return j.is_object() && j.contains(key); }
  static const json& null() {
    static const json n;
    return n;
  }
  Error err(const std::string& what) const { return Error{ErrorCode::invalid, path + ": " + what, path}; }
  Result<std::string> str() const {
    if (!j.is_string()) return tl::unexpected(err("expected a string"));
    return j.get<std::string>();
  }
  Result<std::optional<std::string>> opt_str() const {
    if (j.is_null()) return std::optional<std::string>();
    return std::optional<std::string>(HW_TRY(str()));
  }
  Result<int64_t> integer(int64_t lo, int64_t hi) const {
    if (!j.is_number_integer()) return tl::unexpected(err("expected a whole number"));
    const auto v = j.get<int64_t>();
    if (v < lo || v > hi) return tl::unexpected(err("out of range"));
    return v;
  }
  Result<std::optional<int64_t>> opt_integer(int64_t lo, int64_t hi) const {
    if (j.is_null()) return std::optional<int64_t>();
    return std::optional<int64_t>(HW_TRY(integer(lo, hi)));
  }
  Result<double> number() const {
    if (!j.is_number()) return tl::unexpected(err("expected a number"));
    return j.get<double>();
  }
  Result<bool> boolean() const {
    if (!j.is_boolean()) return tl::unexpected(err("expected true or false"));
    return j.get<bool>();
  }
  Result<size_t> array() const {
    if (!j.is_array()) return tl::unexpected(err("expected an array"));
    return j.size();
  }
  template <typename T>
  Result<T> parse(Result<T> (*fn)(std::string_view, std::string_view)) const {
    const auto s = HW_TRY(str());
    auto r = fn(s, path);
    if (!r) return tl::unexpected(err(r.error().message));
    return r;
  }
  // Wraps a domain parse result so its error carries this path.
  template <typename T>
  Result<T> wrap(Result<T> r) const {
    if (!r) return tl::unexpected(err(r.error().message));
    return r;
  }
};

inline constexpr int64_t kMaxId = int64_t{1} << 53;

inline Result<core::Date> date_at(const In& in) { return in.parse<core::Date>(&core::parse_date); }
inline Result<core::Instant> instant_at(const In& in) { return in.parse<core::Instant>(&core::parse_instant); }
inline Result<std::optional<core::TimeOfDay>> time_at(const In& in) {
  if (in.j.is_null()) return std::optional<core::TimeOfDay>();
  return std::optional<core::TimeOfDay>(HW_TRY(in.parse<core::TimeOfDay>(&core::parse_time)));
}

inline Result<std::optional<int>> opt_int(const In& in, int64_t lo, int64_t hi) {
  auto v = HW_TRY(in.opt_integer(lo, hi));
  if (!v) return std::optional<int>();
  return std::optional<int>(static_cast<int>(*v));
}

}  // namespace headway::service::export_json
