// The check registry: one check a file in analysis/checks/, registered in one line in
// analysis/checks/registry.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/timeline.h"

namespace newslint::analysis {

struct CheckContext {
  const CorpusSnapshot& corpus;
  const NameIndex& names;
  const DateIndex& dates;
};

struct CheckInfo {
  std::string_view code;
  std::string_view summary;
  Severity defaultSeverity;
  void (*run)(const CheckContext& context, std::vector<Finding>& out);
};

const std::vector<CheckInfo>& allChecks();
const CheckInfo* findCheck(std::string_view code);

} // namespace newslint::analysis
