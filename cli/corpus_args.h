// The arguments the corpus commands share (`entities`, `timeline`, `baseline write`):
// `[PATH…] [--format F] [--config FILE]`, and loading the corpus they name.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "check.h"

namespace newslint::cli {

struct CorpusArgs {
  std::vector<std::string> paths; ///< "." when none are given
  std::string format = "text";
  std::optional<std::string> config;
};

/// Parses `args`; returns an exit code when the command should stop here (help: 0,
/// a bad option or format: 2, after printing `usage`).
std::optional<int> parseCorpusArgs(const std::vector<std::string>& args, std::string_view usage,
                                   const std::vector<std::string>& formats, CorpusArgs& parsed,
                                   std::ostream& out, std::ostream& err);

/// Loads the corpus and prints what could not be read; nullopt when a named path is missing.
std::optional<LoadedCorpus> loadForCommand(const CorpusArgs& args, std::ostream& err);

} // namespace newslint::cli
