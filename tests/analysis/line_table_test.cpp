// LineTable: byte offsets to (line, column) and back, for every kind of line ending, against
// a plain reading of the text line by line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newslint/analysis/text.h"

namespace newslint {
namespace {

using analysis::LinePos;
using analysis::LineTable;

/// The lines of `text` as (start, content end) byte offsets, read the slow way.
std::vector<std::pair<uint32_t, uint32_t>> readLines(const std::string& text) {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  uint32_t start = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.emplace_back(start, i);
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      start = i + 1;
    }
  }
  lines.emplace_back(start, static_cast<uint32_t>(text.size()));
  return lines;
}

class LineTableTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LineTableTest, AgreesWithReadingLineByLine) {
  const std::string& text = GetParam();
  const LineTable table(text);
  const auto lines = readLines(text);
  ASSERT_EQ(table.lineCount(), lines.size());
  for (uint32_t line = 0; line < lines.size(); ++line) {
    const auto [start, end] = lines[line];
    EXPECT_EQ(table.lineStart(line), start) << "line " << line;
    EXPECT_EQ(table.lineEnd(line), end) << "line " << line;
    for (uint32_t column = 0; column <= end - start + 2; ++column) {
      EXPECT_EQ(table.offset(line, column), std::min(start + column, end))
          << "line " << line << " column " << column;
    }
  }
  // Past the last line: the end of the text.
  EXPECT_EQ(table.lineStart(table.lineCount()), text.size());
  EXPECT_EQ(table.lineEnd(table.lineCount()), text.size());
  EXPECT_EQ(table.offset(table.lineCount(), 0), text.size());
  for (uint32_t offset = 0; offset <= text.size() + 1; ++offset) {
    const LinePos pos = table.position(offset);
    const uint32_t clamped = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
    ASSERT_LT(pos.line, lines.size());
    EXPECT_LE(lines[pos.line].first, clamped);
    EXPECT_EQ(pos.column, clamped - lines[pos.line].first) << "offset " << offset;
    if (pos.line + 1 < lines.size()) {
      EXPECT_LT(clamped, lines[pos.line + 1].first) << "offset " << offset;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(LineEndings, LineTableTest,
                         ::testing::Values("", "one line", "a\nb\n", "a\r\nbc\r\n\r\nd",
                                           "lone\rcr\r", "\n\n\n", "\r\n", "\r\r\n\n\r",
                                           "mixed\nendings\r\nhere\rand\r\n",
                                           "no newline at the end\r\nx"));

} // namespace
} // namespace newslint
