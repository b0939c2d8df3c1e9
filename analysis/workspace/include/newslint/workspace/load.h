// Loading a corpus from disk: discovery, reading and per-document extraction on all cores.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "newslint/analysis/corpus.h"

namespace newslint::workspace {

struct FileNote {
  std::string path;    ///< as the user named it
  std::string message; ///< "binary file, skipped", "invalid UTF-8 at byte 120"
  bool skipped = false;
  std::string id; ///< the document id, for notes about a file of the corpus
};

struct LoadedFile {
  std::filesystem::path path; ///< on disk
  std::string id;             ///< document id (relative to the corpus root)
};

/// Reads `files` and extracts their facts on `threads` threads (0: all cores), adding them
/// to `corpus`. `progress` (optional) is called with the count of files done.
std::vector<FileNote> loadFiles(analysis::Corpus& corpus, const std::vector<LoadedFile>& files,
                                unsigned threads = 0,
                                const std::function<void(size_t)>& progress = {});

} // namespace newslint::workspace
