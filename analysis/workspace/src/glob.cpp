// Glob patterns over '/'-separated relative paths, as used in the register's
// documents.include and documents.exclude: `**` (any number of folders), `*`, `?`,
// `{a,b}` alternatives and `[a-z]` / `[!a-z]` classes; `\` quotes the next character.
#include <string>
#include <vector>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

namespace {

/// Upper bound on the alternatives `{a,b}` groups expand to: a pattern beyond it is
/// matched with its braces taken literally rather than exhausting memory.
constexpr size_t kMaxAlternatives = 1024;

/// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes), so that `?`
/// and classes take a whole character.
size_t sequenceLength(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = 1;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = lead < 0xF0 ? 3 : 1;
  } else if (lead >= 0xC0) {
    length = 2;
  }
  if (pos + length > text.size()) {
    return 1;
  }
  for (size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) {
      return 1;
    }
  }
  return length;
}

/// The code point at `pos` (a stray byte stands for itself) and its length.
std::pair<char32_t, size_t> codePointAt(std::string_view text, size_t pos) {
  const size_t length = sequenceLength(text, pos);
  auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
  char32_t cp = byte(pos);
  if (length == 2) {
    cp &= 0x1F;
  } else if (length == 3) {
    cp &= 0x0F;
  } else if (length == 4) {
    cp &= 0x07;
  }
  for (size_t i = 1; i < length; ++i) {
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  return {cp, length};
}

/// The index of the ']' closing the class that opens at `open`, or npos.
size_t classEnd(std::string_view pattern, size_t open) {
  size_t i = open + 1;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    ++i;
  }
  if (i < pattern.size() && pattern[i] == ']') {
    ++i; // a leading ']' is a member
  }
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == ']') {
      return i;
    } else if (pattern[i] == '/') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

/// Whether the class pattern[open..close] admits `cp`.
bool classMatches(std::string_view pattern, size_t open, size_t close, char32_t cp) {
  size_t i = open + 1;
  bool negated = false;
  if (pattern[i] == '!' || pattern[i] == '^') {
    negated = true;
    ++i;
  }
  bool found = false;
  bool first = true;
  while (i < close) {
    if (pattern[i] == '\\' && i + 1 < close) {
      ++i;
    } else if (pattern[i] == ']' && !first) {
      break;
    }
    first = false;
    auto [low, length] = codePointAt(pattern, i);
    i += length;
    char32_t high = low;
    if (i + 1 < close && pattern[i] == '-') {
      size_t j = i + 1;
      if (pattern[j] == '\\' && j + 1 < close) {
        ++j;
      }
      auto [upper, upperLength] = codePointAt(pattern, j);
      high = upper;
      i = j + upperLength;
    }
    if (cp >= low && cp <= high) {
      found = true;
    }
  }
  return found != negated;
}

/// Matches one pattern element at pattern[p] against text[t]; advances both on success.
bool matchOne(std::string_view pattern, size_t& p, std::string_view text, size_t& t) {
  const char c = pattern[p];
  if (c == '?') {
    t += sequenceLength(text, t);
    ++p;
    return true;
  }
  if (c == '[') {
    const size_t close = classEnd(pattern, p);
    if (close != std::string_view::npos) {
      auto [cp, length] = codePointAt(text, t);
      if (!classMatches(pattern, p, close, cp)) {
        return false;
      }
      t += length;
      p = close + 1;
      return true;
    }
  }
  size_t literal = p;
  if (c == '\\' && p + 1 < pattern.size()) {
    literal = p + 1;
  }
  if (pattern[literal] != text[t]) {
    return false;
  }
  p = literal + 1;
  ++t;
  return true;
}

/// One path segment against one pattern segment (neither contains '/').
bool matchSegment(std::string_view pattern, std::string_view text) {
  size_t p = 0;
  size_t t = 0;
  size_t starP = std::string_view::npos;
  size_t starT = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      starP = ++p;
      starT = t;
      continue;
    }
    size_t np = p;
    size_t nt = t;
    if (p < pattern.size() && matchOne(pattern, np, text, nt)) {
      p = np;
      t = nt;
      continue;
    }
    if (starP == std::string_view::npos) {
      return false;
    }
    starT += sequenceLength(text, starT);
    t = starT;
    p = starP;
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

std::vector<std::string_view> splitPath(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('/', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (end > start) {
      parts.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return parts;
}

bool matchPath(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") {
    pattern.remove_prefix(2);
  }
  const auto patternParts = splitPath(pattern);
  const auto pathParts = splitPath(path);
  const size_t columns = pathParts.size() + 1;
  // reachable[i * columns + j]: pattern parts [0, i) have consumed path parts [0, j).
  std::vector<char> reachable((patternParts.size() + 1) * columns, 0);
  reachable[0] = 1;
  for (size_t i = 0; i < patternParts.size(); ++i) {
    const bool globstar = patternParts[i] == "**";
    for (size_t j = 0; j <= pathParts.size(); ++j) {
      if (!reachable[i * columns + j]) {
        continue;
      }
      if (globstar) {
        for (size_t k = j; k <= pathParts.size(); ++k) {
          reachable[(i + 1) * columns + k] = 1;
        }
        break; // later j are covered by the loop above
      }
      if (j < pathParts.size() && matchSegment(patternParts[i], pathParts[j])) {
        reachable[(i + 1) * columns + j + 1] = 1;
      }
    }
  }
  return reachable[patternParts.size() * columns + pathParts.size()] != 0;
}

/// The index of the '}' closing the group at `open` and its top-level commas, or npos.
size_t braceEnd(std::string_view pattern, size_t open, std::vector<size_t>* commas) {
  int depth = 0;
  for (size_t i = open; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      if (size_t close = classEnd(pattern, i); close != std::string_view::npos) {
        i = close;
      }
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) {
        return i;
      }
    } else if (c == ',' && depth == 1 && commas != nullptr) {
      commas->push_back(i);
    }
  }
  return std::string_view::npos;
}

/// Expands the first `{a,b}` group, recursively; false when the expansion is too large.
bool expandBraces(std::string_view pattern, std::vector<std::string>& out) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] == '[') {
      if (size_t close = classEnd(pattern, i); close != std::string_view::npos) {
        i = close;
      }
      continue;
    }
    if (pattern[i] != '{') {
      continue;
    }
    std::vector<size_t> commas;
    const size_t close = braceEnd(pattern, i, &commas);
    if (close == std::string_view::npos) {
      break; // an unclosed '{' is literal
    }
    const std::string_view prefix = pattern.substr(0, i);
    const std::string_view suffix = pattern.substr(close + 1);
    size_t start = i + 1;
    commas.push_back(close);
    for (const size_t end : commas) {
      std::string alternative(prefix);
      alternative += pattern.substr(start, end - start);
      alternative += suffix;
      if (!expandBraces(alternative, out)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }
  if (out.size() >= kMaxAlternatives) {
    return false;
  }
  out.emplace_back(pattern);
  return true;
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view relative) {
  std::vector<std::string> alternatives;
  if (!expandBraces(pattern, alternatives)) {
    return matchPath(pattern, relative);
  }
  for (const auto& alternative : alternatives) {
    if (matchPath(alternative, relative)) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> globError(std::string_view pattern) {
  if (pattern.empty()) {
    return "an empty pattern matches nothing";
  }
  if (pattern.front() == '/') {
    return "patterns are relative to the corpus folder; remove the leading '/'";
  }
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const size_t close = classEnd(pattern, i);
      if (close == std::string_view::npos) {
        return "unclosed '[' in the pattern";
      }
      i = close;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth < 0) {
        return "'}' without a matching '{' in the pattern";
      }
    }
  }
  if (depth != 0) {
    return "unclosed '{' in the pattern";
  }
  std::vector<std::string> alternatives;
  if (!expandBraces(pattern, alternatives)) {
    return "the pattern's {a,b} groups expand to too many alternatives";
  }
  return std::nullopt;
}

} // namespace newslint::workspace
