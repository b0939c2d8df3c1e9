// Helpers shared by the test suites: loading real article folders into a Corpus.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "newslint/analysis/corpus.h"
#include "newslint/workspace/workspace.h"

namespace newslint::testing {

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Loads every *.txt of `dir` (ids are file names); with `useRegister`, also its newslint.json.
inline analysis::Corpus loadFolder(const std::filesystem::path& dir, bool useRegister) {
  analysis::Corpus corpus(workspace::loadLexicon());
  if (useRegister && std::filesystem::exists(dir / "newslint.json")) {
    corpus.setConfig(workspace::parseConfig(readFile(dir / "newslint.json")).config);
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") {
      corpus.upsert(entry.path().filename().string(), readFile(entry.path()));
    }
  }
  return corpus;
}

inline std::filesystem::path examplesDir() {
  return NEWSLINT_EXAMPLES_DIR;
}
inline std::filesystem::path sharedDir() {
  return NEWSLINT_SHARED_DIR;
}

} // namespace newslint::testing
