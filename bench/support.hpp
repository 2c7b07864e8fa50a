#pragma once
// Helpers shared by the benchmarks.
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/error.hpp"

namespace headway::bench {

// The value of a set-up step that cannot fail on good data; aborts the run with the error if it does.
template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "headway_bench: %s failed: %s\n", what, r.error().message.c_str());
    std::abort();
  }
  return std::move(*r);
}

}  // namespace headway::bench
