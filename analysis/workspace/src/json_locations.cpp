// A position-recording scan over JSON text (see json_locations.h). It runs after
// nlohmann::json has validated the text, so it only has to find structure, not judge it;
// it is iterative so that deep nesting cannot exhaust the stack.
#include "json_locations.h"

#include <algorithm>

namespace newslint::workspace::detail {

namespace {

/// Values nested deeper than this are skipped, not recorded: the register's own shape is
/// four levels deep, and problems further down are reported at the enclosing value.
constexpr size_t kMaxRecordedDepth = 16;

bool isJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void appendCodePoint(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  JsonLocations run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      pos_ = 3;
    }
    std::vector<Frame> stack;
    std::string pointer; // of the value about to be read
    skipSpace();
    while (pos_ < text_.size()) {
      // A value starts here.
      out_.values[pointer] = pos_;
      const char c = text_[pos_];
      if ((c == '{' || c == '[') && stack.size() >= kMaxRecordedDepth) {
        skipContainer(stack.size());
      } else if (c == '{' || c == '[') {
        stack.push_back({c == '{', pointer, 0, {}});
        out_.maxDepth = std::max(out_.maxDepth, stack.size());
        ++pos_;
        skipSpace();
        if (pos_ < text_.size() && (text_[pos_] == '}' || text_[pos_] == ']')) {
          ++pos_;
          stack.pop_back();
        } else if (!beginMember(stack.back(), pointer)) {
          break;
        } else {
          continue;
        }
      } else if (c == '"') {
        skipString();
      } else {
        while (pos_ < text_.size() && !isJsonSpace(text_[pos_]) && text_[pos_] != ',' &&
               text_[pos_] != ']' && text_[pos_] != '}') {
          ++pos_;
        }
      }
      // After a value: close containers or move on to the next member.
      bool next = false;
      while (!stack.empty()) {
        skipSpace();
        if (pos_ >= text_.size()) {
          return std::move(out_);
        }
        const char d = text_[pos_++];
        if (d == ',') {
          skipSpace();
          if (!beginMember(stack.back(), pointer)) {
            return std::move(out_);
          }
          next = true;
          break;
        }
        if (d == '}' || d == ']') {
          stack.pop_back();
          continue;
        }
        return std::move(out_); // not JSON after all
      }
      if (!next) {
        break; // the root value is complete
      }
    }
    return std::move(out_);
  }

private:
  struct Frame {
    bool object = false;
    std::string pointer;
    size_t index = 0;
    std::unordered_map<std::string, size_t> keys; ///< this object's keys so far
  };

  /// Skips the container at pos_ without recording inside it: pointers of deeply nested
  /// values would cost memory quadratic in the depth.
  void skipContainer(size_t depth) {
    size_t open = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        skipString();
        continue;
      }
      ++pos_;
      if (c == '{' || c == '[') {
        ++open;
        out_.maxDepth = std::max(out_.maxDepth, depth + open);
      } else if ((c == '}' || c == ']') && --open == 0) {
        return;
      }
    }
  }

  /// Moves to the next member's value (past its key, in an object) and sets `pointer`.
  bool beginMember(Frame& frame, std::string& pointer) {
    if (!frame.object) {
      pointer = frame.pointer + "/" + std::to_string(frame.index++);
      return pos_ < text_.size();
    }
    if (pos_ >= text_.size() || text_[pos_] != '"') {
      return false;
    }
    const size_t keyStart = pos_;
    const std::string key = readString();
    pointer = frame.pointer + "/" + escapePointerToken(key);
    if (auto [it, added] = frame.keys.try_emplace(key, keyStart); !added) {
      out_.duplicates.push_back({pointer, keyStart, it->second});
      it->second = keyStart;
    }
    out_.keys[pointer] = keyStart;
    skipSpace();
    if (pos_ >= text_.size() || text_[pos_] != ':') {
      return false;
    }
    ++pos_;
    skipSpace();
    return pos_ < text_.size();
  }

  void skipSpace() {
    while (pos_ < text_.size() && isJsonSpace(text_[pos_])) {
      ++pos_;
    }
  }

  void skipString() {
    ++pos_; // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      pos_ += text_[pos_] == '\\' ? 2 : 1;
    }
    pos_ = std::min(pos_ + 1, text_.size());
  }

  uint32_t readHex4() {
    uint32_t value = 0;
    for (int i = 0; i < 4 && pos_ < text_.size(); ++i, ++pos_) {
      const char h = text_[pos_];
      value <<= 4;
      if (h >= '0' && h <= '9') {
        value |= static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value |= static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        value |= static_cast<uint32_t>(h - 'A' + 10);
      }
    }
    return value;
  }

  /// Reads a string literal at pos_, decoding escapes as nlohmann::json does.
  std::string readString() {
    std::string out;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      const char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) {
        break;
      }
      const char e = text_[pos_++];
      switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        uint32_t cp = readHex4();
        if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
          pos_ += 2;
          const uint32_t low = readHex4();
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendCodePoint(out, cp);
        break;
      }
      default:
        out += e;
        break; // \" \\ \/
      }
    }
    pos_ = std::min(pos_ + 1, text_.size());
    return out;
  }

  std::string_view text_;
  size_t pos_ = 0;
  JsonLocations out_;
};

} // namespace

JsonLocations locateJson(std::string_view text) {
  return Scanner(text).run();
}

std::string escapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

LineStarts::LineStarts(std::string_view text) : starts_{0}, size_(text.size()) {
  for (size_t i = 0; i < text.size(); ++i) {
    const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if (text[i] == '\n' || (text[i] == '\r' && !crlf)) {
      starts_.push_back(i + 1);
    }
  }
}

std::pair<uint32_t, uint32_t> LineStarts::lineColumn(size_t offset) const {
  offset = std::min(offset, size_);
  // The last line start at or before `offset`.
  const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<size_t>(next - starts_.begin()) - 1;
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(offset - starts_[line])};
}

} // namespace newslint::workspace::detail
