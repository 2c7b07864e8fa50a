#include "http/log.hpp"

#include <chrono>
#include <mutex>

#include "core/date.hpp"
#include "service/accounts.hpp"

namespace headway::http {
namespace {
std::mutex log_mutex;
std::FILE* log_sink = stderr;
}  // namespace

void set_log_sink(std::FILE* sink) {
  std::lock_guard lock(log_mutex);
  log_sink = sink;
}

void write_log_line(const std::string& json_line) {
  std::lock_guard lock(log_mutex);
  if (!log_sink) return;
  std::fwrite(json_line.data(), 1, json_line.size(), log_sink);
  std::fputc('\n', log_sink);
  std::fflush(log_sink);
}

std::string new_error_id() { return service::random_token().substr(0, 12); }

std::string log_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::string t = core::format_instant(ms / 1000);  // "...Z"
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms % 1000));
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  return t + frac;
}

}  // namespace headway::http
