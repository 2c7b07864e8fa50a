#pragma once
// Streams a JSON document through a visitor that sees each value with its path, so an importer
// keeps only what it needs and never holds the whole document. Errors name the JSON path and
// the byte offset, since JSON exports are often one long line.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace headway::ingest {

// One step of a path: an object member (key) or an array element (index >= 0).
struct JsonStep {
  std::string key;
  long index = -1;
};
using JsonPath = std::vector<JsonStep>;

// "$.buckets[\"aw-watcher-afk_host\"].events[3].duration": plain keys after a dot, others quoted.
std::string to_string(const JsonPath& path);

enum class JsonKind { null, boolean, number, string, object, array };
const char* to_string(JsonKind kind);

// A scalar: number holds every number (integers beyond 2^53 lose precision; importers bound them).
struct JsonScalar {
  JsonKind kind = JsonKind::null;
  bool boolean = false;
  double number = 0;
  std::string text;
};

class JsonVisitor {
 public:
  virtual ~JsonVisitor() = default;
  // A scalar at `path`; an error stops the parse.
  virtual Result<void> value(const JsonPath& path, const JsonScalar& v) = 0;
  // An object or array starts or ends at `path`.
  virtual Result<void> begin(const JsonPath& path, JsonKind kind) = 0;
  virtual Result<void> end(const JsonPath& path, JsonKind kind) = 0;
};

struct JsonStreamLimits {
  size_t max_bytes = 512u * 1024 * 1024;
  size_t max_depth = 64;
};

// Parses `in` strictly (one value, nothing after it but whitespace). Syntax errors are `malformed`
// and name the byte; a visitor's error gets " (byte N)" appended to its message.
Result<void> read_json_stream(std::istream& in, JsonVisitor& visitor, const JsonStreamLimits& limits = {});

// An `invalid` error naming `path`: "$.a[1].b: what".
tl::unexpected<Error> json_error(const JsonPath& path, const std::string& what);

// Parses an ISO 8601 / RFC 3339 date-time with a zone ("2026-11-25T08:00:00.5+01:00", "...Z")
// into milliseconds since the epoch, UTC. False when the text is not one.
bool parse_iso_millis(std::string_view text, int64_t& millis);

}  // namespace headway::ingest
