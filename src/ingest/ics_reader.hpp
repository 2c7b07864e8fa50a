#pragma once
// Streams an iCalendar file as unfolded content lines, enforcing size, length and UTF-8 limits.
#include <cstddef>
#include <istream>
#include <string>

#include "core/error.hpp"

namespace headway::ingest {

// One logical (unfolded) content line and the physical line it starts on, counting from 1.
struct ContentLine {
  std::string text;
  int line = 0;
};

class IcsLineReader {
 public:
  IcsLineReader(std::istream& in, size_t max_bytes, size_t max_line_bytes)
      : in_(in), max_bytes_(max_bytes), max_line_(max_line_bytes) {}
  // The next content line: true with `out` filled, false at the end of input, or an error naming
  // the line (file too large, line too long, UTF-16 or invalid UTF-8).
  Result<bool> next(ContentLine& out);
  // The number of the last physical line read.
  int line() const { return physical_; }

 private:
  // Reads one physical line without its CR/LF; false at the end of input.
  Result<bool> physical(std::string& out);
  int get();

  std::istream& in_;
  size_t max_bytes_;
  size_t max_line_;
  size_t bytes_ = 0;
  int physical_ = 0;
  bool started_ = false;
  bool have_pending_ = false;
  ContentLine pending_;
  std::string raw_;  // the physical line being read; kept for its capacity
  char buf_[16384];
  size_t pos_ = 0;
  size_t len_ = 0;
};

// True when `text` is well-formed UTF-8 without NUL bytes.
bool valid_utf8(const std::string& text);

}  // namespace headway::ingest
