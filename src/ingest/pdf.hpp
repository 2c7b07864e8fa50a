#pragma once
// A tiny one-page PDF 1.4 writer: the standard Type1 fonts Helvetica and Helvetica-Bold in
// WinAnsiEncoding (nothing embedded), text measured with the fonts' real glyph widths (Adobe's
// AFM metrics), uncompressed content, exact cross-reference offsets.
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace headway::ingest::pdf {

enum class Font { regular, bold };

inline constexpr double kA4Width = 595.28, kA4Height = 841.89;  // points

// UTF-8 to WinAnsi (Windows-1252) bytes: tabs become spaces, newlines stay, anything WinAnsi
// lacks (and any other control character or broken UTF-8 sequence) becomes '?'.
std::string to_winansi(std::string_view utf8);

// The advance width of WinAnsi text in points at `size`.
double text_width(std::string_view winansi, Font font, double size);

// Breaks WinAnsi text into lines no wider than `width` points: at spaces, at every '\n', and
// inside a word only when the word alone is wider than a line. Never returns an empty vector.
std::vector<std::string> wrap(std::string_view winansi, Font font, double size, double width);

// The content of the page, in PDF user space (origin bottom left, y up).
class Page {
 public:
  // Draws WinAnsi text with its baseline starting at (x, y).
  void text(double x, double y, Font font, double size, std::string_view winansi);
  // Draws a straight line in grey.
  void rule(double x1, double y1, double x2, double y2, double width = 0.5);
  const std::string& content() const { return content_; }

 private:
  std::string content_;
};

struct Info {
  std::string title;  // UTF-8; written as a UTF-16 text string
  core::Date created;
};

// A complete one-page A4 PDF 1.4 file with the page's content.
std::string document(const Page& page, const Info& info);

}  // namespace headway::ingest::pdf
