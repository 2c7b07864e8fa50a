#pragma once
// A streaming RFC 4180 CSV reader: one record at a time, errors naming the line.
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace headway::ingest {

struct CsvLimits {
  size_t max_bytes = 50u * 1024 * 1024;  // the whole input
  size_t max_field_bytes = 1024 * 1024;
  size_t max_fields = 1000;              // per record
};

// Reads records separated by LF or CRLF. Fields are separated by ',' and may be quoted with '"';
// a quoted field may hold commas, newlines and doubled quotes (""). Blank lines are skipped, a
// UTF-8 byte order mark at the start is dropped. Text after a closing quote and a field that is not
// UTF-8 are errors.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvLimits limits = {}) : in_(in), limits_(limits) {}

  // Reads the next record into `fields`; false at the end of the input.
  Result<bool> next(std::vector<std::string>& fields);
  // The 1-based line where the last record read starts.
  int line() const { return record_line_; }

 private:
  int get();
  int peek();
  std::istream& in_;
  CsvLimits limits_;
  std::string pending_;  // bytes read ahead at the start that were not a byte order mark
  size_t pos_ = 0;
  size_t bytes_ = 0;
  int line_ = 1;
  int record_line_ = 0;
  bool started_ = false;
};

// "line N", the field name of CSV errors.
std::string csv_line(int line);
// An `invalid` error on line `line`: "line N: what".
tl::unexpected<Error> csv_error(int line, const std::string& what);

// Index of the header column named `name` (exact, after trimming spaces), or -1.
int csv_column(const std::vector<std::string>& header, std::string_view name);

// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

}  // namespace headway::ingest
