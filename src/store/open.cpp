// Choosing a backend by URL.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>

#include "store/database.hpp"

namespace headway::store {

namespace postgres {
Result<std::unique_ptr<Database>> open_postgres_impl(const std::string& url, const PostgresOptions& options);
}

void retry_pause(int attempt) {
  static thread_local uint64_t state = 0x9e3779b97f4a7c15ull ^ reinterpret_cast<uintptr_t>(&state);
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  const int cap = std::min(50, 1 << std::min(attempt, 6));
  std::this_thread::sleep_for(std::chrono::microseconds(500 + static_cast<int>(state % (cap * 1000))));
}

std::string redact_url(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const PostgresOptions& options) {
  return postgres::open_postgres_impl(url, options);
}

Result<std::unique_ptr<Database>> open_database(const std::string& url, const OpenOptions& options) {
  const auto starts = [&](std::string_view p) { return url.rfind(p, 0) == 0; };
  if (starts("postgresql://") || starts("postgres://")) {
    PostgresOptions pg;
    pg.migrate = options.create || options.migrate;
    pg.pool_size = options.pool_size;
    return open_postgres(url, pg);
  }
  std::string path;
  if (starts("sqlite://")) path = url.substr(9);  // sqlite:///abs/path keeps its leading slash
  else if (starts("sqlite:")) path = url.substr(7);
  if (!path.empty()) {
    SqliteOptions sq;
    sq.create = options.create;
    return open_sqlite(path, sq);
  }
  const auto colon = url.find(':');
  const std::string scheme = colon == std::string::npos ? url.substr(0, 20) : url.substr(0, std::min<size_t>(colon, 20));
  return invalid("database", "unknown database URL \"" + redact_url(scheme) +
                                 "...\"; use sqlite:///path/headway.db or postgresql://user@host:port/db");
}

}  // namespace headway::store
