// Small helpers shared by the benchmark drivers.
#pragma once

#include <algorithm>
#include <chrono>
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

} // namespace newslint::bench
