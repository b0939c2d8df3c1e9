// Corpus-level date reasoning: anchors (register, header line, inference), resolved time
// expressions, dated claims and the events they group into. Owned by the dates checks.
#pragma once

#include <memory>

#include "newslint/analysis/corpus.h"

namespace newslint::analysis {

/// The corpus-level record of time: filled in by analyzeDates.
struct DateIndex {};

std::shared_ptr<const DateIndex> analyzeDates(const CorpusSnapshot& snapshot,
                                              const NameIndex& names);

} // namespace newslint::analysis
