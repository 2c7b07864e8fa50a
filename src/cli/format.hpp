#pragma once
// Small helpers for terminal output: aligned tables, colour on a TTY only.
#include <string>
#include <vector>

#include "core/evaluator.hpp"

namespace headway::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Renders with two spaces between columns; the header is dimmed when colour is on.
  std::string render(bool color) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

std::string bold(const std::string& s, bool color);
std::string dim(const std::string& s, bool color);
std::string green(const std::string& s, bool color);
std::string red(const std::string& s, bool color);
// "●●●○○" for 3 of 5.
std::string dots(int value, int max);
// A bar of value/max over `width` cells.
std::string meter(double value, double max, int width);
// "kept" in green, "broken" in red, "unknown" dimmed.
std::string status_text(core::Status st, bool color);
// Display width of UTF-8 text (one column per code point).
size_t display_width(const std::string& s);

}  // namespace headway::cli
