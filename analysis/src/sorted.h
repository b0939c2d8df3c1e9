// Sorted, duplicate-free vectors used as small sets of ids.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace newslint::analysis {

/// Sorts `values` and drops the repeats: a sorted, duplicate-free vector.
template <class T> void sortUnique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

/// The smallest value held by both sorted ranges (a pointer into `a`), or null when they
/// share none.
template <class T> const T* firstCommon(std::span<const T> a, std::span<const T> b) {
  for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] < b[y]) {
      ++x;
    } else if (b[y] < a[x]) {
      ++y;
    } else {
      return &a[x];
    }
  }
  return nullptr;
}

template <class T> const T* firstCommon(const std::vector<T>& a, const std::vector<T>& b) {
  return firstCommon(std::span<const T>(a), std::span<const T>(b));
}

/// Whether two sorted ranges share a value.
template <class T> bool intersects(std::span<const T> a, std::span<const T> b) {
  return firstCommon(a, b) != nullptr;
}
template <class T> bool intersects(const std::vector<T>& a, const std::vector<T>& b) {
  return firstCommon(a, b) != nullptr;
}

} // namespace newslint::analysis
