// Baselines for CI: the findings a corpus already has, so that a check fails only on new ones.
// A finding is matched by its code, its document and the text involved (the flagged text and,
// for spelling findings, the preferred spelling) — not by position, so edits elsewhere in a
// file keep the match.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "newslint/analysis/finding.h"

namespace newslint::cli {

struct BaselineEntry {
  std::string code;
  std::string document;
  std::string text;
  friend auto operator<=>(const BaselineEntry&, const BaselineEntry&) = default;
};

BaselineEntry baselineKey(const analysis::Finding& finding);

/// The baseline file's text for `findings`: JSON, sorted, two-space indent.
std::string writeBaseline(const std::vector<analysis::Finding>& findings);

/// Parses a baseline file; on error returns false with a message.
bool readBaseline(const std::string& text, std::vector<BaselineEntry>& entries, std::string& error);

/// Removes the findings the baseline holds (each entry matches one finding); returns how many
/// baseline entries matched nothing (problems fixed since).
size_t applyBaseline(std::vector<analysis::Finding>& findings, std::vector<BaselineEntry> entries);

int runBaselineCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace newslint::cli
