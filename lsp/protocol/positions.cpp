// The one conversion between the engine's UTF-8 byte offsets and LSP positions, whose
// character unit is negotiated: UTF-16 code units (the default) or UTF-8 bytes.
#include "newslint/lsp/protocol.h"

#include <algorithm>

namespace newslint::lsp {
namespace {

/// Length in bytes and UTF-16 code units of the character starting at `pos`. Invalid
/// bytes count as one byte and one unit each (they are shown as U+FFFD).
struct CharSize {
  uint32_t bytes = 1;
  uint32_t units = 1;
};

CharSize charAt(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  uint32_t length = 1;
  if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else if (lead >= 0xE0)
    length = lead <= 0xEF ? 3 : 1;
  else if (lead >= 0xC2)
    length = 2;
  if (length == 1 || pos + length > text.size())
    return {};
  for (uint32_t i = 1; i < length; ++i)
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80)
      return {};
  return {length, length == 4 ? 2u : 1u};
}

bool isContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Moves an offset inside a multi-byte character back to the character's start.
uint32_t floorToChar(std::string_view text, uint32_t offset, uint32_t floor) {
  uint32_t steps = 0;
  while (offset > floor && offset < text.size() && isContinuation(text[offset]) && steps < 3) {
    --offset;
    ++steps;
  }
  return offset;
}

} // namespace

std::string_view encodingName(PositionEncoding encoding) {
  return encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16";
}

void to_json(nlohmann::json& j, const Position& p) {
  j = nlohmann::json{{"line", p.line}, {"character", p.character}};
}

void to_json(nlohmann::json& j, const Range& r) {
  j = nlohmann::json{{"start", r.start}, {"end", r.end}};
}

void from_json(const nlohmann::json& j, Position& p) {
  const auto number = [&](const char* key) {
    const auto& value = j.at(key);
    if (!value.is_number())
      throw nlohmann::json::type_error::create(302, std::string(key) + " must be a number", &j);
    const double d = value.get<double>();
    return d <= 0 ? 0u : d >= 4294967295.0 ? 4294967295u : static_cast<uint32_t>(d);
  };
  p.line = number("line");
  p.character = number("character");
}

void from_json(const nlohmann::json& j, Range& r) {
  r.start = j.at("start").get<Position>();
  r.end = j.at("end").get<Position>();
}

LineIndex::LineIndex(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n')
      starts_.push_back(static_cast<uint32_t>(i + 1));
    else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

uint32_t LineIndex::contentEnd(std::string_view text, uint32_t line) const {
  const auto size = static_cast<uint32_t>(text.size());
  if (line + 1 >= starts_.size())
    return size;
  uint32_t end = std::min(starts_[line + 1], size);
  const uint32_t start = starts_[line];
  if (end > start && text[end - 1] == '\n')
    --end;
  if (end > start && text[end - 1] == '\r')
    --end;
  return end;
}

Position LineIndex::position(std::string_view text, uint32_t offset,
                             PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<uint32_t>(text.size()));
  offset = floorToChar(text, offset, 0);
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<uint32_t>(std::distance(starts_.begin(), it) - 1);
  const uint32_t start = starts_[line];
  const uint32_t stop = std::min(offset, contentEnd(text, line));
  if (encoding == PositionEncoding::Utf8)
    return {line, stop - start};
  uint32_t units = 0;
  for (size_t pos = start; pos < stop;) {
    const CharSize size = charAt(text, pos);
    if (pos + size.bytes > stop)
      break;
    units += size.units;
    pos += size.bytes;
  }
  return {line, units};
}

uint32_t LineIndex::offset(std::string_view text, Position position,
                           PositionEncoding encoding) const {
  if (position.line >= starts_.size())
    return static_cast<uint32_t>(text.size());
  const uint32_t start = std::min(starts_[position.line], static_cast<uint32_t>(text.size()));
  const uint32_t end = contentEnd(text, position.line);
  if (encoding == PositionEncoding::Utf8) {
    const uint32_t target = start + std::min(position.character, end - start);
    return floorToChar(text, target, start);
  }
  uint32_t units = 0;
  size_t pos = start;
  while (pos < end) {
    const CharSize size = charAt(text, pos);
    if (units + size.units > position.character)
      break;
    units += size.units;
    pos += size.bytes;
  }
  return static_cast<uint32_t>(std::min<size_t>(pos, end));
}

Range LineIndex::range(std::string_view text, analysis::Span span,
                       PositionEncoding encoding) const {
  return {position(text, span.begin, encoding), position(text, span.end, encoding)};
}

analysis::Span LineIndex::span(std::string_view text, Range range,
                               PositionEncoding encoding) const {
  const uint32_t begin = offset(text, range.start, encoding);
  const uint32_t end = offset(text, range.end, encoding);
  return {begin, std::max(begin, end)};
}

void applyContentChange(std::string& text, const std::optional<Range>& range,
                        std::string_view newText, PositionEncoding encoding) {
  if (!range) {
    text.assign(newText);
    return;
  }
  const LineIndex lines(text);
  const analysis::Span span = lines.span(text, *range, encoding);
  text.replace(span.begin, span.size(), newText);
}

} // namespace newslint::lsp
