// Small helpers shared by the benchmark drivers.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace newslint::bench {

inline double ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

/// The value at fraction `p` (0..1) of the sorted samples; 0 for none.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

/// Prints `label` and every time of `times` in order on stderr, for the outliers a percentile
/// hides.
inline void printInOrder(const char* label, const std::vector<double>& times) {
  std::fprintf(stderr, "%s, in order:", label);
  for (const double t : times) {
    std::fprintf(stderr, " %.1f", t);
  }
  std::fprintf(stderr, "\n");
}

} // namespace newslint::bench
