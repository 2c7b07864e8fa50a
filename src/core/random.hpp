#pragma once
// A small reproducible random generator (splitmix64). The standard distributions differ between
// library versions, so seeded results here are the same everywhere.
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace headway::core {

struct SplitMix {
  uint64_t state;

  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) { return uniform() < p; }
  // Uniform in [0, n).
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  int pick(int n) { return static_cast<int>(below(static_cast<size_t>(n))); }
  // Standard normal (Box-Muller).
  double normal() {
    double u = uniform();
    if (u < 1e-12) u = 1e-12;
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
};

}  // namespace headway::core
