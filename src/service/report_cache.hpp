#pragma once
// Weekly reports as JSON, cached per person, week and day, and revalidated against the person's
// revision, so a report is rebuilt only after the person's data changed (on any app node).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "service/context.hpp"

namespace headway::service {

class ReportCache {
 public:
  explicit ReportCache(size_t capacity = 4096) : capacity_(capacity) {}
  // The JSON of the report for the ISO week holding `date` (default: this week).
  Result<std::string> weekly_json(Context& ctx, const Actor& actor, const std::optional<std::string>& date);
  size_t size() const;

 private:
  struct Key {
    Id person;
    int64_t revision;
    int32_t week;
    int32_t today;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      uint64_t h = static_cast<uint64_t>(k.person) * 0x9e3779b97f4a7c15ull;
      h ^= static_cast<uint64_t>(k.revision) + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
      h ^= (static_cast<uint64_t>(static_cast<uint32_t>(k.week)) << 32 | static_cast<uint32_t>(k.today)) + (h << 6) + (h >> 2);
      return static_cast<size_t>(h);
    }
  };
  mutable std::mutex mutex_;
  size_t capacity_;
  std::unordered_map<Key, std::string, KeyHash> entries_;
};

}  // namespace headway::service
