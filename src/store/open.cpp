// Choosing a backend by URL.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>

#include "core/random.hpp"
#include "store/database.hpp"

namespace headway::store {

namespace postgres {
Result<std::unique_ptr<Database>> open_postgres_impl(const std::string& url, const PostgresOptions& options);
}

void retry_pause(int attempt) {
  // Seeded per thread, so threads that collided do not retry in step.
  static thread_local core::SplitMix rng{reinterpret_cast<uintptr_t>(&rng)};
  const int cap = std::min(50, 1 << std::min(attempt, 6));
  std::this_thread::sleep_for(std::chrono::microseconds(500 + rng.pick(cap * 1000)));
}

std::string redact_url(const std::string& url) {
  std::string out = url;
  // user:password@host
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto at = out.find('@', scheme + 3);
    const auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      out = out.substr(0, colon + 1) + "***" + out.substr(at);
  }
  // ?password=... or &password=... in the query, and password=... in key/value strings
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    const size_t start = p + 9;
    size_t end = out.find_first_of("& ", start);
    if (end == std::string::npos) end = out.size();
    out = out.substr(0, start) + "***" + out.substr(end);
  }
  return out;
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
  // Name only the scheme, never the rest: it may hold a password.
  const auto colon = url.find(':');
  std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
  const bool plausible = !scheme.empty() && scheme.size() <= 20 &&
                         scheme.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+.-") == std::string::npos;
  return invalid("database", (plausible ? "unknown database URL scheme \"" + scheme + ":\"" : std::string("not a database URL")) +
                                 "; use sqlite:///path/headway.db or postgresql://user@host:port/db");
}

}  // namespace headway::store
