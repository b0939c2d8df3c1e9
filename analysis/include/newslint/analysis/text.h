// Text primitives shared by every layer of the engine: byte spans, line tables and
// UTF-8 decoding. Offsets are UTF-8 byte offsets everywhere inside analysis/; the LSP
// layer converts them to UTF-16 or UTF-8 positions in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

/// A half-open range [begin, end) of UTF-8 byte offsets into one document's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  [[nodiscard]] uint32_t size() const { return end - begin; }
  [[nodiscard]] bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

/// A 0-based line and a 0-based column counted in bytes.
struct LinePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

/// Maps byte offsets to lines and back. Lines end at "\n", "\r\n" or a lone "\r".
class LineTable {
public:
  LineTable() = default;
  explicit LineTable(std::string_view text);

  [[nodiscard]] LinePos position(uint32_t offset) const;
  /// The byte offset of (line, column); both are clamped to the text.
  [[nodiscard]] uint32_t offset(uint32_t line, uint32_t column) const;
  [[nodiscard]] uint32_t lineCount() const { return static_cast<uint32_t>(starts_.size()); }
  [[nodiscard]] uint32_t lineStart(uint32_t line) const;
  /// End of the line's content, excluding its terminator.
  [[nodiscard]] uint32_t lineEnd(uint32_t line) const;

private:
  // One is kept per document of the corpus: the starts alone, sized exactly; a line's
  // content ends one byte before the next line's start, two after "\r\n".
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> crlfLines_; ///< lines ending in "\r\n", ascending (usually none)
  uint32_t size_ = 0;
};

namespace detail {
char32_t decodeUtf8PastAscii(std::string_view text, size_t& pos);
}
/// Decodes one code point at `pos`; on invalid UTF-8 returns U+FFFD and advances one byte.
/// Inline for an ASCII byte.
inline char32_t decodeUtf8(std::string_view text, size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  return detail::decodeUtf8PastAscii(text, pos);
}
/// Writes `cp` as UTF-8 at `out` (room for four bytes); returns the end of what it wrote.
char* encodeUtf8(char32_t cp, char* out);
void appendUtf8(std::string& out, char32_t cp);

/// The byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t findInvalidUtf8(std::string_view text);
/// Replaces each invalid byte with U+FFFD. Valid text is returned unchanged.
std::string sanitizeUtf8(std::string_view text);

} // namespace newslint::analysis
