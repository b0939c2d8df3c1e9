// The hash of the string sets and maps that are searched by view.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace newslint::analysis {

/// For unordered containers keyed by std::string and compared with std::equal_to<>: a
/// lookup by std::string_view makes no string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

} // namespace newslint::analysis
