#pragma once
// `headway serve`: the HTTP/1.1 server around the Api. Beast and Asio stay inside server.cpp.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "http/api.hpp"

namespace headway::http {

// Requests under this path upload files (calendars, activity exports) and may be larger.
inline constexpr const char* kUploadPrefix = "/api/v1/imports/";

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  int threads = 0;                         // I/O threads; 0 = one per core, at least 2
  int slow_threads = 2;                    // threads for password hashing
  size_t header_limit = 8 * 1024;          // bytes of request line and headers, else 431
  size_t body_limit = 1024 * 1024;         // bytes of body, else 413
  size_t upload_limit = 32 * 1024 * 1024;  // bytes of body for file uploads (kUploadPrefix), else 413
  std::chrono::seconds read_timeout{15};   // a whole request, or keep-alive idleness, else closed
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{20}; // requests in flight get this long after SIGTERM
  size_t max_connections = 4096;
  size_t max_connections_per_ip = 256;
  bool trust_proxy = false;  // take the client address and scheme from X-Forwarded-For / -Proto
  bool access_log = true;
};

// Serves until SIGTERM or SIGINT, then stops accepting, finishes requests in flight and returns.
// `on_listening` gets the bound address ("127.0.0.1:8080") once the socket accepts.
Result<void> run_server(Api& api, Metrics& metrics, const ServerOptions& options,
                        const std::function<void(const std::string&)>& on_listening);

}  // namespace headway::http
