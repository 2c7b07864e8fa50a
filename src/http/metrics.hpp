#pragma once
// Counters for /metrics in Prometheus text format: requests by route and status, a latency
// histogram, open connections and store errors.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace headway::http {

class Metrics {
 public:
  void request(const std::string& route, const std::string& method, int status, double seconds);
  void store_error() { store_errors_.fetch_add(1, std::memory_order_relaxed); }
  void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  void connection_refused() { refused_connections_.fetch_add(1, std::memory_order_relaxed); }
  int64_t open_connections() const { return open_connections_.load(std::memory_order_relaxed); }
  std::string render() const;

 private:
  static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  static constexpr size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);
  struct Histogram {
    uint64_t counts[kBucketCount + 1] = {};
    double sum = 0;
    uint64_t total = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;  // by route
  std::atomic<int64_t> open_connections_{0};
  std::atomic<uint64_t> refused_connections_{0};
  std::atomic<uint64_t> store_errors_{0};
};

}  // namespace headway::http
