#include "ingest/ics_reader.hpp"

#include <cstring>

#include "core/person.hpp"

namespace headway::ingest {

namespace {

std::string at(int line) { return "line " + std::to_string(line); }

tl::unexpected<Error> malformed_at(int line, const std::string& what) {
  return fail(ErrorCode::malformed, at(line) + ": " + what, at(line));
}

}  // namespace

bool valid_utf8(const std::string& text) {
  return text.find('\0') == std::string::npos && core::valid_utf8(text);
}

int IcsLineReader::get() {
  if (pos_ == len_) {
    if (!in_) return -1;
    in_.read(buf_, sizeof buf_);
    len_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (len_ == 0) return -1;
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

Result<bool> IcsLineReader::physical(std::string& out) {
  out.clear();
  int c = get();
  if (c < 0) return false;
  ++physical_;
  if (!started_) {
    started_ = true;
    // A UTF-16 byte order mark: the file is not UTF-8.
    if (c == 0xFF || c == 0xFE) {
      const int d = get();
      if ((c == 0xFF && d == 0xFE) || (c == 0xFE && d == 0xFF))
        return malformed_at(1, "the file is UTF-16 (byte order mark); iCalendar files must be UTF-8");
      return malformed_at(1, "not valid UTF-8");
    }
    // A UTF-8 byte order mark is harmless: skip it.
    if (c == 0xEF) {
      const int d = get();
      const int e = get();
      if (d != 0xBB || e != 0xBF) return malformed_at(1, "not valid UTF-8");
      bytes_ += 3;
      c = get();
      if (c < 0) return true;
    }
  }
  --pos_;  // c is still in the buffer: scan from it
  // Whole runs up to the next LF at a time. Byte by byte, the checks would be: each byte read
  // (the LF too) counts against the file limit, then each byte kept against the line limit.
  for (;;) {
    const char* begin = buf_ + pos_;
    const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', len_ - pos_));
    const size_t kept = lf ? static_cast<size_t>(lf - begin) : len_ - pos_;
    const size_t read = lf ? kept + 1 : kept;
    const size_t file_room = max_bytes_ > bytes_ ? max_bytes_ - bytes_ : 0;      // bytes before the limit
    const size_t line_room = max_line_ > out.size() ? max_line_ - out.size() : 0;  // bytes before the limit
    if (file_room < read && file_room <= line_room)
      return fail(ErrorCode::invalid,
                  at(physical_) + ": the file is larger than the limit of " + std::to_string(max_bytes_) + " bytes",
                  at(physical_));
    if (line_room < kept) return malformed_at(physical_, "line longer than " + std::to_string(max_line_) + " bytes");
    out.append(begin, kept);
    bytes_ += read;
    pos_ += read;
    if (lf || get() < 0) break;
    --pos_;
  }
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

Result<bool> IcsLineReader::next(ContentLine& out) {
  std::string& raw = raw_;
  for (;;) {
    const bool more = HW_TRY(physical(raw));
    if (!more) break;
    if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t')) {
      // A folded continuation: drop the single leading whitespace and join.
      if (!have_pending_) return malformed_at(physical_, "continuation line with nothing to continue");
      if (pending_.text.size() + raw.size() - 1 > max_line_)
        return malformed_at(pending_.line, "unfolded line longer than " + std::to_string(max_line_) + " bytes");
      pending_.text.append(raw, 1, std::string::npos);
      continue;
    }
    if (raw.empty()) continue;  // blank lines are not allowed, but harmless
    if (have_pending_) {
      // out takes the finished line, pending_ the new one, raw_ out's old buffer.
      out.text.swap(pending_.text);
      out.line = pending_.line;
      pending_.text.swap(raw);
      pending_.line = physical_;
      if (!valid_utf8(out.text)) return malformed_at(out.line, "not valid UTF-8");
      return true;
    }
    pending_.text.swap(raw);
    pending_.line = physical_;
    have_pending_ = true;
  }
  if (!have_pending_) return false;
  have_pending_ = false;
  out = std::move(pending_);
  if (!valid_utf8(out.text)) return malformed_at(out.line, "not valid UTF-8");
  return true;
}

}  // namespace headway::ingest
