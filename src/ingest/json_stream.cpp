#include "ingest/json_stream.hpp"

#include <cmath>
#include <streambuf>

#include <nlohmann/json.hpp>

#include "core/date.hpp"

namespace headway::ingest {

namespace {

using nlohmann::json;

bool plain_key(const std::string& k) {
  if (k.empty()) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Counts the bytes read and ends the input at the limit, so a huge file stops early.
class CountingBuf : public std::streambuf {
 public:
  CountingBuf(std::streambuf* src, size_t limit) : src_(src), limit_(limit) {}
  size_t count() const { return count_; }
  bool over() const { return over_; }

 protected:
  int_type underflow() override {
    if (count_ >= limit_) {
      if (src_->sgetc() != traits_type::eof()) over_ = true;
      return traits_type::eof();
    }
    const int_type c = src_->sbumpc();
    if (c == traits_type::eof()) return c;
    ch_ = traits_type::to_char_type(c);
    ++count_;
    setg(&ch_, &ch_, &ch_ + 1);
    return c;
  }

 private:
  std::streambuf* src_;
  size_t limit_;
  size_t count_ = 0;
  bool over_ = false;
  char ch_ = 0;
};

class Sax {
 public:
  Sax(JsonVisitor& v, const JsonStreamLimits& limits, const CountingBuf& buf) : v_(v), limits_(limits), buf_(buf) {}

  bool null() { return scalar(JsonScalar{}); }
  bool boolean(bool b) { return scalar(JsonScalar{JsonKind::boolean, b, 0, {}}); }
  bool number_integer(json::number_integer_t n) { return number(static_cast<double>(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return number(static_cast<double>(n)); }
  bool number_float(json::number_float_t n, const json::string_t&) {
    if (!std::isfinite(n)) return stop(json_error(path_, "number out of range"));
    return number(n);
  }
  bool string(json::string_t& s) {
    JsonScalar v{JsonKind::string, false, 0, {}};
    v.text = std::move(s);
    return scalar(v);
  }
  bool binary(json::binary_t&) { return stop(json_error(path_, "binary values are not JSON")); }
  bool start_object(std::size_t) { return open(JsonKind::object); }
  bool end_object() { return close(JsonKind::object); }
  bool start_array(std::size_t) { return open(JsonKind::array); }
  bool end_array() { return close(JsonKind::array); }
  bool key(json::string_t& k) {
    path_.back().key = k;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    if (buf_.over()) {
      error_ = Error{ErrorCode::invalid, "the file is larger than " + std::to_string(limits_.max_bytes) + " bytes",
                     "byte " + std::to_string(limits_.max_bytes)};
      return false;
    }
    if (ex.id == 406) {  // a number too large for a double: its path is known, so name it
      JsonPath at = path_;
      if (!at.empty() && in_array_.back()) ++at.back().index;
      return stop(json_error(at, "number out of range"));
    }
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 9: ...";
    // its position counts the bytes read, so the offending byte's offset is one less.
    std::string what = ex.what(), where;
    if (const size_t id_end = what.find("] "); id_end != std::string::npos) what = what.substr(id_end + 2);
    const size_t colon = what.find(": "), line = what.find("line ");
    if (line != std::string::npos && colon != std::string::npos && line < colon)
      where = " (" + what.substr(line, colon - line) + ")";
    if (colon != std::string::npos) what = what.substr(colon + 2);
    const std::string at = "byte " + std::to_string(position > 0 ? position - 1 : 0);
    error_ = Error{ErrorCode::malformed, at + ": " + what + where, at};
    return false;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  bool number(double n) { return scalar(JsonScalar{JsonKind::number, false, n, {}}); }

  // Array elements get their index before their value is seen.
  void enter_value() {
    if (!path_.empty() && in_array_.back()) ++path_.back().index;
  }

  bool scalar(const JsonScalar& v) {
    enter_value();
    return check(v_.value(path_, v));
  }

  bool open(JsonKind kind) {
    enter_value();
    if (path_.size() >= limits_.max_depth)
      return stop(json_error(path_, "nested deeper than " + std::to_string(limits_.max_depth) + " levels"));
    if (!check(v_.begin(path_, kind))) return false;
    path_.push_back(JsonStep{});
    in_array_.push_back(kind == JsonKind::array);
    return true;
  }

  bool close(JsonKind kind) {
    path_.pop_back();
    in_array_.pop_back();
    return check(v_.end(path_, kind));
  }

  bool check(Result<void> r) {
    if (r) return true;
    return stop(tl::unexpected(std::move(r.error())));
  }

  bool stop(tl::unexpected<Error> e) {
    error_ = std::move(e.value());
    error_->message += " (byte " + std::to_string(buf_.count()) + ")";
    return false;
  }

  JsonVisitor& v_;
  const JsonStreamLimits& limits_;
  const CountingBuf& buf_;
  JsonPath path_;
  std::vector<bool> in_array_;
  std::optional<Error> error_;
};

}  // namespace

std::string to_string(const JsonPath& path) {
  std::string out = "$";
  for (const JsonStep& s : path) {
    if (s.index >= 0) {
      out += "[" + std::to_string(s.index) + "]";
    } else if (plain_key(s.key)) {
      out += "." + s.key;
    } else {
      out += "[" + json(s.key).dump(-1, ' ', false, json::error_handler_t::replace) + "]";
    }
  }
  return out;
}

const char* to_string(JsonKind kind) {
  switch (kind) {
    case JsonKind::null: return "null";
    case JsonKind::boolean: return "a boolean";
    case JsonKind::number: return "a number";
    case JsonKind::string: return "a string";
    case JsonKind::object: return "an object";
    case JsonKind::array: return "an array";
  }
  return "a value";
}

tl::unexpected<Error> json_error(const JsonPath& path, const std::string& what) {
  const std::string at = to_string(path);
  return fail(ErrorCode::invalid, at + ": " + what, at);
}

Result<void> read_json_stream(std::istream& in, JsonVisitor& visitor, const JsonStreamLimits& limits) {
  CountingBuf buf(in.rdbuf(), limits.max_bytes);
  std::istream counted(&buf);
  Sax sax(visitor, limits, buf);
  bool ok = false;
  try {
    ok = json::sax_parse(counted, &sax, json::input_format_t::json, true);
  } catch (const std::exception& e) {  // the input adapter's own failures
    return fail(ErrorCode::malformed, std::string("cannot read JSON: ") + e.what());
  }
  if (sax.error()) return tl::unexpected(*sax.error());
  if (!ok) return fail(ErrorCode::malformed, "byte " + std::to_string(buf.count()) + ": not valid JSON");
  return {};
}

bool parse_iso_millis(std::string_view s, int64_t& millis) {
  auto digits = [&](size_t at, size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (s.size() < 20) return false;
  const auto date = core::parse_date(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return false;
  int h = 0, m = 0, sec = 0;
  if (!digits(11, 2, h) || s[13] != ':' || !digits(14, 2, m) || s[16] != ':' || !digits(17, 2, sec)) return false;
  if (h > 23 || m > 59 || sec > 60) return false;  // 60: a leap second, folded into the next
  size_t i = 19;
  int64_t frac_ms = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t begin = i;
    int64_t scale = 100;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      frac_ms += (s[i] - '0') * scale;  // digits past milliseconds are dropped
      scale /= 10;
      ++i;
    }
    if (i == begin) return false;
  }
  int64_t offset_min = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    const int sign = s[i] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!digits(i + 1, 2, oh)) return false;
    size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (!digits(j, 2, om) || oh > 23 || om > 59) return false;
    offset_min = sign * (oh * 60 + om);
    i = j + 2;
  } else {
    return false;  // a time without a zone names no instant
  }
  if (i != s.size()) return false;
  const int64_t secs = static_cast<int64_t>(date->days) * 86400 + h * 3600 + m * 60 + sec - offset_min * 60;
  millis = secs * 1000 + frac_ms;
  return true;
}

}  // namespace headway::ingest
