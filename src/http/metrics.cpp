#include "http/metrics.hpp"

#include <fmt/format.h>

#include "http/message.hpp"

namespace headway::http {

void Metrics::request(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
  Histogram& h = latency_[route];
  size_t i = 0;
  while (i < kBucketCount && seconds > kBuckets[i]) ++i;
  ++h.counts[i];
  h.sum += seconds;
  ++h.total;
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP headway_http_requests_total HTTP requests by route pattern, method and status.\n";
  out += "# TYPE headway_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format("headway_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", json_escape(route),
                       method, status, n);
  }
  out += "# HELP headway_http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE headway_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBucketCount; ++i) {
      cumulative += h.counts[i];
      out += fmt::format("headway_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", json_escape(route),
                         kBuckets[i], cumulative);
    }
    out += fmt::format("headway_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", json_escape(route), h.total);
    out += fmt::format("headway_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", json_escape(route), h.sum);
    out += fmt::format("headway_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", json_escape(route), h.total);
  }
  out += "# HELP headway_http_open_connections Connections open now.\n# TYPE headway_http_open_connections gauge\n";
  out += fmt::format("headway_http_open_connections {}\n", open_connections_.load());
  out += "# HELP headway_http_refused_connections_total Connections closed at once by the per-address or total cap.\n";
  out += "# TYPE headway_http_refused_connections_total counter\n";
  out += fmt::format("headway_http_refused_connections_total {}\n", refused_connections_.load());
  out += "# HELP headway_store_errors_total Requests that failed because the database did.\n";
  out += "# TYPE headway_store_errors_total counter\n";
  out += fmt::format("headway_store_errors_total {}\n", store_errors_.load());
  return out;
}

}  // namespace headway::http
