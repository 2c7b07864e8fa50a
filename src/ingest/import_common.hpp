#pragma once
// Small pieces every importer shares: warnings and text cut safely for messages.
#include <cstddef>
#include <string>
#include <string_view>

namespace headway::ingest {

// Something an import left out or changed without failing, e.g. an open interval.
struct ImportWarning {
  std::string where;  // a JSON path, or "line N"
  std::string reason;
  bool operator==(const ImportWarning&) const = default;
};

// At most `max` bytes of `s`, never splitting a UTF-8 sequence, with "..." when cut.
std::string clip(std::string_view s, size_t max);

}  // namespace headway::ingest
