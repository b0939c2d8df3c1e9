// Parallel corpus loading: each worker reads and extracts whole documents; the corpus is
// filled in file order afterwards, so results do not depend on thread timing.
#include "newslint/workspace/load.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

std::vector<FileNote> loadFiles(analysis::Corpus& corpus, const std::vector<LoadedFile>& files,
                                unsigned threads, const std::function<void(size_t)>& progress) {
  if (threads == 0) {
    threads = std::max(1U, std::thread::hardware_concurrency());
  }
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(files.size(), 1)));
  std::vector<std::shared_ptr<const analysis::DocumentFacts>> facts(files.size());
  std::vector<FileNote> notes(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progressMutex;
  const analysis::Lexicon& lexicon = corpus.lexicon();
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      const LoadedFile& file = files[i];
      FileText text = readTextFile(file.path);
      if (!text.error.empty()) {
        notes[i] = {file.path.string(), text.error, true, file.id};
      } else {
        if (text.invalidUtf8) {
          notes[i] = {file.path.string(),
                      "invalid UTF-8 at byte " + std::to_string(*text.invalidUtf8) +
                          " (replaced with U+FFFD; the rest of the file is checked)",
                      false, file.id};
        }
        facts[i] = analysis::extractFacts(file.id, std::move(text.text), lexicon);
      }
      const size_t count = ++done;
      if (progress) {
        const std::lock_guard lock(progressMutex);
        progress(count);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& thread : pool) {
    thread.join();
  }
  std::vector<FileNote> out;
  for (size_t i = 0; i < files.size(); ++i) {
    if (facts[i]) {
      corpus.put(std::move(facts[i]));
    }
    if (!notes[i].message.empty()) {
      out.push_back(std::move(notes[i]));
    }
  }
  return out;
}

} // namespace newslint::workspace
