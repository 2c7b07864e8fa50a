#include "cli/format.hpp"

#include <algorithm>

namespace headway::cli {

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

namespace {
std::string wrap(const char* code, const std::string& s, bool color) {
  return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
}
}  // namespace

std::string bold(const std::string& s, bool color) { return wrap("1", s, color); }
std::string dim(const std::string& s, bool color) { return wrap("2", s, color); }
std::string green(const std::string& s, bool color) { return wrap("32", s, color); }
std::string red(const std::string& s, bool color) { return wrap("31", s, color); }

std::string dots(int value, int max) {
  std::string s;
  for (int i = 1; i <= max; ++i) s += i <= value ? "●" : "○";
  return s;
}

std::string meter(double value, double max, int width) {
  const int filled = max > 0 ? static_cast<int>(std::clamp(value / max, 0.0, 1.0) * width + 0.5) : 0;
  std::string s;
  for (int i = 0; i < width; ++i) s += i < filled ? "█" : "░";
  return s;
}

std::string Table::render(bool color) const {
  std::vector<size_t> widths(header_.size(), 0);
  const auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  const auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      out += row[i];
      if (i + 1 < row.size()) out.append(widths[i] - display_width(row[i]) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = dim(line(header_), color);
  if (color && !out.empty() && out.back() != '\n') out += "\n";
  for (const auto& r : rows_) out += line(r);
  return out;
}

}  // namespace headway::cli
