// Where the values and keys of a JSON text are: the register parser reports problems at
// the offending key or value, which nlohmann::json does not record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newslint::workspace::detail {

/// Byte offsets into a JSON text, keyed by JSON pointer ("" is the root, "/entities/0").
struct JsonLocations {
  std::unordered_map<std::string, size_t> values; ///< where each value starts
  std::unordered_map<std::string, size_t> keys;   ///< where each member's key starts
  struct Duplicate {
    std::string pointer; ///< the member given twice
    size_t offset = 0;   ///< its later key (the value that is kept)
    size_t previous = 0; ///< its earlier key
  };
  std::vector<Duplicate> duplicates;
  size_t maxDepth = 0;
};

/// Scans a text that nlohmann::json has accepted. On other input it stops early and
/// returns what it found so far; it never reads out of bounds.
JsonLocations locateJson(std::string_view text);

/// "~" and "/" escaped as "~0" and "~1".
std::string escapePointerToken(std::string_view token);

/// 0-based line and byte column of byte offsets; lines end at "\n", "\r\n" or a lone "\r".
class LineStarts {
public:
  explicit LineStarts(std::string_view text);
  /// `offset` is clamped to the text.
  [[nodiscard]] std::pair<uint32_t, uint32_t> lineColumn(size_t offset) const;

private:
  std::vector<size_t> starts_;
  size_t size_ = 0;
};

} // namespace newslint::workspace::detail
