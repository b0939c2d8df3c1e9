// `newslint check`: the headless linter over files and folders.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/workspace/load.h"
#include "newslint/workspace/workspace.h"

namespace newslint::cli {

/// A corpus loaded from the command line's paths, with its register.
struct LoadedCorpus {
  analysis::Corpus corpus;
  std::filesystem::path root;                        ///< where document ids are relative to
  std::optional<std::filesystem::path> registerPath; ///< newslint.json, when one was found
  std::string registerText;
  std::vector<workspace::ConfigProblem> registerProblems;
  std::map<std::string, std::string> displayPaths; ///< document id -> path as the user sees it
  std::vector<workspace::FileNote> notes;
  std::vector<std::string> errors; ///< paths that do not exist
};

/// Loads the corpus named by `paths` (files and folders). The register is `config` when
/// given, else the nearest newslint.json at or above the first folder.
LoadedCorpus loadCorpus(const std::vector<std::string>& paths,
                        const std::optional<std::string>& config);

int runCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string_view toolVersion();

} // namespace newslint::cli
