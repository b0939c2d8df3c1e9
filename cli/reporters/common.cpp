// Positions and names shared by the reporters.
#include "reporters/reporter.h"

#include "newslint/analysis/text.h"

namespace newslint::cli {

Position positionOf(const analysis::Document& doc, uint32_t offset, bool codePoints) {
  const analysis::LinePos pos = doc.lines.position(offset);
  uint32_t column = pos.column;
  if (codePoints) {
    const uint32_t start = doc.lines.lineStart(pos.line);
    column = 0;
    for (uint32_t i = start; i < start + pos.column && i < doc.text.size(); ++i) {
      column += (static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
  }
  return {pos.line + 1, column + 1};
}

std::string displayPath(const ReportInput& input, const std::string& id) {
  auto it = input.displayPaths.find(id);
  return it == input.displayPaths.end() ? id : it->second;
}

const analysis::Document* documentOf(const ReportInput& input, const std::string& id) {
  auto it = input.corpus.documents.find(id);
  return it == input.corpus.documents.end() ? nullptr : &it->second->doc;
}

} // namespace newslint::cli
