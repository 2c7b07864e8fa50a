#include "ingest/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace headway::ingest {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
  Rows rows;
  std::vector<int> lines;
};

Result<Read> read_all(const std::string& text, CsvLimits limits = {}) {
  std::istringstream in(text);
  CsvReader csv(in, limits);
  Read r;
  std::vector<std::string> row;
  while (HW_TRY(csv.next(row))) {
    r.rows.push_back(row);
    r.lines.push_back(csv.line());
  }
  return r;
}

struct Case {
  const char* name;
  std::string text;
  Rows rows;
  std::vector<int> lines;
};

TEST(Csv, Rfc4180Cases) {
  const std::vector<Case> cases = {
      {"plain", "a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}, {1, 2}},
      {"no final newline", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}, {1, 2}},
      {"crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}, {1, 2}},
      {"empty fields", ",a,,\n", {{"", "a", "", ""}}, {1}},
      {"quoted comma", "\"a,b\",c\n", {{"a,b", "c"}}, {1}},
      {"doubled quote", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}, {1}},
      {"newline inside quotes", "\"one\ntwo\",x\nnext,y\n", {{"one\ntwo", "x"}, {"next", "y"}}, {1, 3}},
      {"crlf inside quotes kept", "\"a\r\nb\"\n", {{"a\r\nb"}}, {1}},
      {"empty quoted field", "\"\",\"\"\n", {{"", ""}}, {1}},
      {"blank lines skipped", "a\n\n\nb\n", {{"a"}, {"b"}}, {1, 4}},
      {"byte order mark", "\xEF\xBB\xBFName,x\n", {{"Name", "x"}}, {1}},
      {"quote inside unquoted field", "5\" disk,x\n", {{"5\" disk", "x"}}, {1}},
      {"utf-8 text", "caf\xC3\xA9,\xE2\x80\x94\n", {{"caf\xC3\xA9", "\xE2\x80\x94"}}, {1}},
      {"empty input", "", {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = read_all(c.text);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->rows, c.rows);
    EXPECT_EQ(r->lines, c.lines);
  }
}

TEST(Csv, ErrorsNameTheLine) {
  const struct {
    std::string text;
    std::string field;
    std::string part;
  } cases[] = {
      {"a,b\n\"open,x\nmore\n", "line 2", "not closed"},
      {"a\nb\n\"x\"y,z\n", "line 3", "after the closing quote"},
      {"a,b\nok,caf\xE9\n", "line 2", "field 2 is not UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = read_all(c.text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_NE(r.error().message.find(c.part), std::string::npos) << r.error().message;
  }
}

TEST(Csv, Limits) {
  CsvLimits small;
  small.max_field_bytes = 8;
  auto r = read_all("ok\n\"0123456789\"\n", small);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "line 2");
  small = CsvLimits{};
  small.max_fields = 3;
  r = read_all("a,b,c,d\n", small);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("more than 3 fields"), std::string::npos);
  small = CsvLimits{};
  small.max_bytes = 10;
  r = read_all(std::string(100, 'x') + "\n", small);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("larger than"), std::string::npos);
}

TEST(Csv, ColumnsAndTrim) {
  const std::vector<std::string> header{"full_date", " mood ", "note"};
  EXPECT_EQ(csv_column(header, "mood"), 1);
  EXPECT_EQ(csv_column(header, "Mood"), -1);
  EXPECT_EQ(trim("  a b\t"), "a b");
  EXPECT_EQ(trim(""), "");
}

}  // namespace
}  // namespace headway::ingest
