#include "ingest/csv.hpp"

#include "core/person.hpp"

namespace headway::ingest {

std::string csv_line(int line) { return "line " + std::to_string(line); }

tl::unexpected<Error> csv_error(int line, const std::string& what) {
  return fail(ErrorCode::invalid, csv_line(line) + ": " + what, csv_line(line));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int csv_column(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (trim(header[i]) == name) return static_cast<int>(i);
  return -1;
}

int CsvReader::peek() {
  if (pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pos_]);
  const int c = in_.peek();
  return c == std::char_traits<char>::eof() ? -1 : c;
}

int CsvReader::get() {
  int c;
  if (pos_ < pending_.size()) {
    c = static_cast<unsigned char>(pending_[pos_++]);
  } else {
    c = in_.get();
    if (c == std::char_traits<char>::eof()) return -1;
  }
  ++bytes_;
  return c;
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    // A byte order mark (Excel and some phone apps write one) is not part of the first field.
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    while (pending_.size() < kBom.size() &&
           in_.peek() == static_cast<unsigned char>(kBom[pending_.size()]))
      pending_.push_back(static_cast<char>(in_.get()));
    if (pending_.size() == kBom.size()) pending_.clear();
  }
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field was quoted and its closing quote seen
  bool any = false;          // the record has any content (a blank line has none)
  record_line_ = line_;
  auto push = [&]() -> Result<void> {
    if (fields.size() >= limits_.max_fields)
      return csv_error(record_line_, "more than " + std::to_string(limits_.max_fields) + " fields");
    if (!core::valid_utf8(field))
      return csv_error(record_line_, "field " + std::to_string(fields.size() + 1) + " is not UTF-8 text");
    fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
    return {};
  };
  while (true) {
    if (bytes_ > limits_.max_bytes)
      return csv_error(line_, "the file is larger than " + std::to_string(limits_.max_bytes) + " bytes");
    int c = get();
    if (quoted) {
      if (c < 0) return csv_error(record_line_, "a quoted field is not closed before the end of the file");
      if (c == '"') {
        if (peek() == '"') {
          get();
          field.push_back('"');
        } else {
          quoted = false;
          was_quoted = true;
        }
        continue;
      }
      if (c == '\n') ++line_;
      field.push_back(static_cast<char>(c));
      if (field.size() > limits_.max_field_bytes)
        return csv_error(record_line_, "a field is longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
      continue;
    }
    if (c < 0) {
      if (!any) return false;
      HW_CHECK(push());
      return true;
    }
    if (c == '\r' && peek() == '\n') c = get();
    if (c == '\n') {
      ++line_;
      if (!any) {  // a blank line
        record_line_ = line_;
        continue;
      }
      HW_CHECK(push());
      return true;
    }
    any = true;
    if (c == ',') {
      HW_CHECK(push());
      continue;
    }
    if (was_quoted) return csv_error(line_, "text after the closing quote of a field");
    if (c == '"' && field.empty()) {
      quoted = true;
      continue;
    }
    field.push_back(static_cast<char>(c));  // a quote inside an unquoted field is kept as text
    if (field.size() > limits_.max_field_bytes)
      return csv_error(record_line_, "a field is longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
  }
}

}  // namespace headway::ingest
