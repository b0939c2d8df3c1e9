// Per-document facts as JSON Lines: one record per article with its id, its text, the name
// mentions and the time expressions extracted from it. Writing the records is the map step
// of a distributed run (extraction per article); reading them back into a Corpus and
// running the corpus-level analysis is the reduce step. Reading does not re-run
// extraction: the Document is rebuilt from the text (tokens, sentences, line table) and the
// mentions and dates are taken from the record. See docs/scale.md.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "newslint/analysis/corpus.h"

namespace newslint::workspace {

/// Format version written in every record (`"v"`); records of another version are refused.
inline constexpr int kFactsVersion = 2;

/// One record, as a single line of JSON (no trailing newline).
std::string factsToJsonLine(const analysis::DocumentFacts& facts);

/// Parses one record. On malformed input returns null and sets `error`.
std::shared_ptr<const analysis::DocumentFacts> factsFromJsonLine(std::string_view line,
                                                                 std::string& error);

/// Writes one record per document of `documents`, in the map's order.
void writeFacts(const analysis::CorpusSnapshot& snapshot, std::ostream& out);

/// Reads every record of each file into `corpus` (a later record of the same id replaces
/// an earlier one). Returns "FILE:LINE: problem" for each file or line that could not be
/// read; the other records are still loaded.
std::vector<std::string> readFactsFiles(analysis::Corpus& corpus,
                                        const std::vector<std::filesystem::path>& files);

} // namespace newslint::workspace
