// Line tables and UTF-8 decoding.
#include "newslint/analysis/text.h"

#include <algorithm>
#include <cstring>

namespace newslint::analysis {

LineTable::LineTable(std::string_view text) : size_(static_cast<uint32_t>(text.size())) {
  if (text.empty()) {
    starts_.push_back(0);
    return;
  }
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) {
    // Line feeds alone, as nearly every file has: counted, then found with memchr, both
    // many bytes at a time.
    starts_.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    starts_.push_back(0);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin;
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) !=
         nullptr;) {
      ++p;
      starts_.push_back(static_cast<uint32_t>(p - begin));
    }
    return;
  }
  // Two passes: the first counts the lines, so that the table is allocated once, exactly.
  for (const bool record : {false, true}) {
    uint32_t lines = 1;
    for (uint32_t i = 0; i < size_; ++i) {
      const char c = text[i];
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < size_ && text[i + 1] == '\n') {
          if (record) {
            crlfLines_.push_back(lines - 1);
          }
          ++i;
        }
        if (record) {
          starts_.push_back(i + 1);
        }
        ++lines;
      }
    }
    if (!record) {
      starts_.reserve(lines);
      starts_.push_back(0);
    }
  }
  crlfLines_.shrink_to_fit();
}

LinePos LineTable::position(uint32_t offset) const {
  offset = std::min(offset, size_);
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<uint32_t>(std::distance(starts_.begin(), it) - 1);
  return {line, offset - starts_[line]};
}

uint32_t LineTable::lineStart(uint32_t line) const {
  if (line >= starts_.size()) {
    return size_;
  }
  return starts_[line];
}

uint32_t LineTable::lineEnd(uint32_t line) const {
  if (line + 1 >= starts_.size()) {
    return size_; // the last line (or past the end)
  }
  const bool crlf = std::binary_search(crlfLines_.begin(), crlfLines_.end(), line);
  return starts_[line + 1] - (crlf ? 2 : 1);
}

uint32_t LineTable::offset(uint32_t line, uint32_t column) const {
  if (line >= starts_.size()) {
    return size_;
  }
  const uint32_t start = starts_[line];
  return std::min(start + column, lineEnd(line));
}

char32_t detail::decodeUtf8PastAscii(std::string_view text, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  int length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + static_cast<size_t>(length) > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char b = byte(pos + static_cast<size_t>(i));
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<size_t>(length);
  return cp;
}

char* encodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

void appendUtf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, static_cast<size_t>(encodeUtf8(cp, bytes) - bytes));
}

namespace {
// Length of the valid UTF-8 sequence at `pos`, or 0 when it is invalid.
size_t validSequence(std::string_view text, size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    return 1;
  }
  size_t next = pos;
  const char32_t cp = decodeUtf8(text, next);
  if (cp == 0xFFFD && next == pos + 1) {
    return 0;
  }
  return next - pos;
}
} // namespace

size_t findInvalidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t n = validSequence(text, pos);
    if (n == 0) {
      return pos;
    }
    pos += n;
  }
  return std::string_view::npos;
}

std::string sanitizeUtf8(std::string_view text) {
  if (findInvalidUtf8(text) == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t pos = 0; pos < text.size();) {
    const size_t n = validSequence(text, pos);
    if (n == 0) {
      appendUtf8(out, 0xFFFD);
      ++pos;
    } else {
      out.append(text.substr(pos, n));
      pos += n;
    }
  }
  return out;
}

} // namespace newslint::analysis
