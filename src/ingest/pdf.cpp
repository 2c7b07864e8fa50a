// The PDF writer. Object layout: 1 catalog, 2 page tree, 3 the page, 4 Helvetica,
// 5 Helvetica-Bold, 6 the content stream, 7 the document information.
#include "ingest/pdf.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace headway::ingest::pdf {
namespace {

// Advance widths in 1/1000 em of WinAnsi codes 0x20-0xFF, from Adobe's Helvetica.afm and
// Helvetica-Bold.afm. Codes WinAnsi leaves undefined (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D) are 0:
// to_winansi never produces them.
constexpr std::array<uint16_t, 224> kRegularWidths{
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,  // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,  // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 0xa0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 0xb0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 0xc0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 0xd0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,  // 0xe0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,  // 0xf0
};
constexpr std::array<uint16_t, 224> kBoldWidths{
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,  // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,  // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 0xa0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 0xb0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 0xc0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 0xd0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,  // 0xe0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,  // 0xf0
};

// Windows-1252 0x80-0x9F; 0 where the code is undefined.
constexpr std::array<char32_t, 32> kHighCodes{
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// Decodes one UTF-8 sequence at s[i], advancing i; returns U+FFFD for a broken one.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  const int n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
  if (n < 0) return 0xFFFD;
  char32_t cp = c & (0x3F >> n);
  for (int k = 0; k < n; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

char winansi_byte(char32_t cp) {
  if (cp == '\t') return ' ';
  if (cp == '\n' || (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (size_t k = 0; k < kHighCodes.size(); ++k)
    if (kHighCodes[k] != 0 && kHighCodes[k] == cp) return static_cast<char>(0x80 + k);
  return '?';
}

int glyph_width(unsigned char c, Font font) {
  if (c < 0x20) return 0;
  return (font == Font::bold ? kBoldWidths : kRegularWidths)[c - 0x20];
}

// A PDF literal string: ( ) \ escaped, bytes outside printable ASCII as octal escapes.
std::string literal(std::string_view bytes) {
  std::string out = "(";
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + ")";
}

// UTF-8 as a PDF text string: UTF-16BE with a byte order mark, in hex.
std::string text_string(std::string_view utf8) {
  std::string out = "<FEFF";
  char buf[16];
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "%04X%04X", 0xD800 + static_cast<unsigned>(cp >> 10),
                    0xDC00 + static_cast<unsigned>(cp & 0x3FF));
    } else {
      std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    }
    out += buf;
  }
  return out + ">";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string to_winansi(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) out += winansi_byte(next_code_point(utf8, i));
  return out;
}

double text_width(std::string_view winansi, Font font, double size) {
  long units = 0;
  for (char c : winansi) units += glyph_width(static_cast<unsigned char>(c), font);
  return static_cast<double>(units) * size / 1000.0;
}

std::vector<std::string> wrap(std::string_view text, Font font, double size, double width) {
  std::vector<std::string> lines;
  const double space = text_width(" ", font, size);
  size_t start = 0;
  while (true) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view para = text.substr(start, end - start);
    std::string line;
    double line_w = 0;
    size_t i = 0;
    while (i < para.size()) {
      if (para[i] == ' ') {
        ++i;
        continue;
      }
      const size_t word_end = std::min(para.find(' ', i), para.size());
      std::string_view word = para.substr(i, word_end - i);
      i = word_end;
      double word_w = text_width(word, font, size);
      if (!line.empty() && line_w + space + word_w <= width) {
        line += ' ';
        line += word;
        line_w += space + word_w;
        continue;
      }
      if (!line.empty()) lines.push_back(std::move(line));
      // A word wider than a line is broken wherever it must be.
      while (word_w > width && word.size() > 1) {
        size_t n = 0;
        long units = 0;  // summed as text_width sums, so the piece measures the same there
        while (n < word.size()) {
          const int g = glyph_width(static_cast<unsigned char>(word[n]), font);
          if (static_cast<double>(units + g) * size / 1000.0 > width) break;
          units += g;
          ++n;
        }
        n = std::max<size_t>(n, 1);
        lines.emplace_back(word.substr(0, n));
        word = word.substr(n);
        word_w = text_width(word, font, size);
      }
      line = std::string(word);
      line_w = word_w;
    }
    lines.push_back(std::move(line));
    if (end >= text.size()) break;
    start = end + 1;
  }
  return lines;
}

void Page::text(double x, double y, Font font, double size, std::string_view winansi) {
  content_ += "BT /" + std::string(font == Font::bold ? "F2 " : "F1 ") + number(size) + " Tf " + number(x) + " " +
              number(y) + " Td " + literal(winansi) + " Tj ET\n";
}

void Page::rule(double x1, double y1, double x2, double y2, double width) {
  content_ += "q 0.6 G " + number(width) + " w " + number(x1) + " " + number(y1) + " m " + number(x2) + " " +
              number(y2) + " l S Q\n";
}

std::string document(const Page& page, const Info& info) {
  const auto ymd = core::to_ymd(info.created);
  char date[32];
  std::snprintf(date, sizeof date, "D:%04d%02u%02u000000Z", ymd.year, ymd.month, ymd.day);
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(kA4Width) + " " + number(kA4Height) +
          "] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(page.content().size()) + " >>\nstream\n" + page.content() + "\nendstream",
      "<< /Title " + text_string(info.title) + " /Producer (Headway) /CreationDate (" + date + ") >>",
  };
  // The binary comment line marks the file as binary for transfer tools (PDF 1.4, 7.5.2).
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (size_t off : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R /Info 7 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace headway::ingest::pdf
