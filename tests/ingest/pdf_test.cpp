#include "ingest/pdf.hpp"

#include <gtest/gtest.h>

#include <string>

namespace headway::ingest::pdf {
namespace {

TEST(Pdf, WidthsAreHelveticasAfmMetrics) {
  // H 722, e 556, l 222, l 222, o 556 in Helvetica; H 722, e 556, l 278, l 278, o 611 in bold.
  EXPECT_DOUBLE_EQ(text_width("Hello", Font::regular, 10), 22.78);
  EXPECT_DOUBLE_EQ(text_width("Hello", Font::bold, 10), 24.45);
  EXPECT_DOUBLE_EQ(text_width("W@ ", Font::regular, 1000), 944 + 1015 + 278);
  EXPECT_DOUBLE_EQ(text_width(to_winansi("\u20ac\u2026\u00e9"), Font::regular, 1000), 556 + 1000 + 556);
  EXPECT_DOUBLE_EQ(text_width("", Font::bold, 12), 0);
}

TEST(Pdf, ToWinAnsiMapsWhatItCanAndMarksTheRest) {
  EXPECT_EQ(to_winansi("plain (text) \\ ok"), "plain (text) \\ ok");
  EXPECT_EQ(to_winansi("Zo\u00eb \u00fcber \u00a3"), "Zo\xeb \xfc" "ber \xa3");
  EXPECT_EQ(to_winansi("\u20ac \u2013 \u2014 \u201cq\u201d \u2018s\u2019 \u2026 \u0152 \u017e"),
            "\x80 \x96 \x97 \x93q\x94 \x91s\x92 \x85 \x8c \x9e");
  EXPECT_EQ(to_winansi("emoji \U0001F600, CJK \u6f22, Cyrillic \u0416"), "emoji ?, CJK ?, Cyrillic ?");
  EXPECT_EQ(to_winansi("tab\there\nnext\x01"), "tab here\nnext?");
  EXPECT_EQ(to_winansi("broken \xff \xc3 end"), "broken ? ? end");
  EXPECT_EQ(to_winansi("\xc2\x81"), "?");  // U+0081 is a C1 control, not a WinAnsi character
}

TEST(Pdf, WrapKeepsEveryLineWithinTheWidth) {
  const std::string text = to_winansi(
      "In the last 4 weeks I had meetings after my working hours on 9 days, worked past 17:30 on 11 days and "
      "worked on 2 weekend days.\nA second paragraph.\n\nAfter an empty line, a "
      "Wordthatislongerthananylinecouldeverholdatthissizeofthefont end.");
  for (double width : {60.0, 150.0, 300.0}) {
    const auto lines = wrap(text, Font::regular, 11, width);
    std::string joined;
    for (const auto& l : lines) {
      EXPECT_LE(text_width(l, Font::regular, 11), width + 1e-9) << l;
      joined += l + " ";
    }
    // Nothing is lost: the words come back in order.
    std::string words;
    for (char c : text) words += c == '\n' ? ' ' : c;
    auto squeeze = [](std::string s) {
      std::string out;
      for (char c : s)
        if (c != ' ') out += c;
      return out;
    };
    EXPECT_EQ(squeeze(joined), squeeze(words));
  }
  EXPECT_EQ(wrap("", Font::regular, 11, 100), std::vector<std::string>{""});
  EXPECT_EQ(wrap("a\n\nb", Font::regular, 11, 100), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(wrap("one two three", Font::bold, 10, text_width("one two", Font::bold, 10)),
            (std::vector<std::string>{"one two", "three"}));
}

TEST(Pdf, DocumentHasExactCrossReferenceOffsets) {
  Page page;
  page.text(50, 800, Font::bold, 12, "Title (with) \\ and \x85");
  page.rule(50, 790, 300, 790);
  const std::string pdf = document(page, {"T\u00edtulo \U0001F600", core::make_date(2026, 11, 25)});
  ASSERT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
  EXPECT_NE(pdf.find("(Title \\(with\\) \\\\ and \\205) Tj"), std::string::npos);
  EXPECT_NE(pdf.find("/Title <FEFF005400ED00740075006C006F0020D83DDE00>"), std::string::npos);
  EXPECT_NE(pdf.find("/CreationDate (D:20261125000000Z)"), std::string::npos);
  // Every xref entry points at "N 0 obj".
  const size_t xref = std::stoul(pdf.substr(pdf.rfind("startxref\n") + 10));
  ASSERT_EQ(pdf.compare(xref, 5, "xref\n"), 0);
  size_t at = pdf.find('\n', pdf.find('\n', xref) + 1) + 1;  // after "xref" and "0 8"
  at += 20;                                                  // the free entry
  for (int obj = 1; obj <= 7; ++obj, at += 20) {
    const std::string entry = pdf.substr(at, 20);
    ASSERT_EQ(entry.substr(10), " 00000 n \n");
    const size_t offset = std::stoul(entry.substr(0, 10));
    EXPECT_EQ(pdf.compare(offset, std::to_string(obj).size() + 6, std::to_string(obj) + " 0 obj"), 0) << obj;
  }
}

}  // namespace
}  // namespace headway::ingest::pdf
