// Reporters: adapters from Findings to the CLI's output formats (text, json, sarif, github).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/workspace/load.h"

namespace newslint::cli {

/// What a reporter needs besides the findings: how to name and position each document.
struct ReportInput {
  const analysis::CorpusSnapshot& corpus;
  const std::vector<analysis::Finding>& findings;
  std::map<std::string, std::string> displayPaths; ///< document id -> path as shown
  std::vector<workspace::FileNote> notes;
  std::string toolVersion;
};

/// 1-based line and column; the column counts bytes (`utf8`) or Unicode code points.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};
Position positionOf(const analysis::Document& doc, uint32_t offset, bool codePoints);

std::string displayPath(const ReportInput& input, const std::string& id);
const analysis::Document* documentOf(const ReportInput& input, const std::string& id);

void reportText(const ReportInput& input, std::ostream& out);
void reportJson(const ReportInput& input, std::ostream& out);
void reportSarif(const ReportInput& input, std::ostream& out);
void reportGithub(const ReportInput& input, std::ostream& out);

} // namespace newslint::cli
