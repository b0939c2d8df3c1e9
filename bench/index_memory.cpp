// What the language server's corpus index is made of: the heap bytes held by the
// per-document facts, the full analysis (names, dates, findings) and the re-check index,
// each as a multiple of the corpus bytes, and what the re-check index of a later analysis
// adds when it shares the first one's tables. Bytes are glibc's count of bytes in use
// (mallinfo2: uordblks in all arenas, and hblkhd, the large blocks mapped on their own),
// measured before and after each part is built, so they leave out what the allocator
// keeps free; the server's RSS is higher by that.
//
// usage: index_memory CORPUS_DIR [--open RELATIVE_PATH]
//
// Linked with glibc's malloc (not tcmalloc, whose allocations mallinfo2 does not count).
//
// `--open` names a document to prepare the re-check for, as the server does for the
// documents open in the editor (default: the first file).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <malloc.h>
#include <memory>
#include <string>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/recheck.h"
#include "newslint/analysis/timeline.h"
#include "newslint/workspace/allocator.h"
#include "newslint/workspace/load.h"
#include "newslint/workspace/workspace.h"

namespace fs = std::filesystem;
using namespace newslint;

namespace {

/// Bytes in use: in the arenas, and in the blocks glibc maps on their own (large ones).
size_t inUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

struct Row {
  std::string part;
  size_t bytes;
};

/// Heap bytes of one block as glibc counts them: its usable size and its header.
size_t block(const void* p) {
  return p == nullptr ? 0 : malloc_usable_size(const_cast<void*>(p)) + sizeof(size_t);
}

size_t stringBlock(const std::string& s) {
  return s.capacity() > 15 ? block(s.data()) : 0;
}

/// The facts' bytes by what holds them, each block counted where it is owned.
std::vector<Row> factsByPart(const analysis::CorpusSnapshot& snapshot) {
  size_t text = 0, sentences = 0, mentions = 0, parts = 0, dates = 0, other = 0;
  for (const auto& [id, facts] : snapshot.documents) {
    text += stringBlock(facts->doc.text);
    sentences += block(facts->doc.sentences.data());
    mentions += block(facts->mentions.data());
    for (const analysis::Mention& m : facts->mentions)
      parts += m.parts.onHeap() ? block(m.parts.data()) : 0; // one or two are in the mention
    dates += block(facts->dates.expressions.data());
    // The record (one block with its shared count) and the id, held by the record and by
    // the keys of the corpus's map and the snapshot's.
    other += sizeof(analysis::DocumentFacts) + 2 * sizeof(size_t) + stringBlock(facts->doc.id) +
             2 * stringBlock(id);
  }
  return {{"  text", text},
          {"  sentences", sentences},
          {"  mentions", mentions},
          {"  mentions' parts", parts},
          {"  time expressions", dates},
          {"  ids and records", other}};
}

} // namespace

int main(int argc, char** argv) {
  workspace::useServerAllocatorPolicy(); // as `newslint serve` runs
  if (argc < 2) {
    std::cerr << "usage: index_memory CORPUS_DIR [--open RELATIVE_PATH]\n";
    return 2;
  }
  const fs::path root = fs::absolute(argv[1]);
  std::string open;
  for (int i = 2; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--open")
      open = argv[i + 1];

  auto lexicon = workspace::loadLexicon();
  analysis::Corpus corpus(lexicon);
  const workspace::Discovery found = workspace::discover(root, corpus.config());
  std::vector<workspace::LoadedFile> files;
  uintmax_t corpusBytes = 0;
  for (const fs::path& path : found.files) {
    std::error_code ec;
    corpusBytes += fs::file_size(path, ec);
    files.push_back({path, workspace::documentId(root, path)});
  }
  if (files.empty()) {
    std::cerr << "index_memory: no documents under " << root << "\n";
    return 1;
  }
  if (open.empty())
    open = files.front().id;

  std::vector<Row> rows;
  size_t before = inUse();
  workspace::loadFiles(corpus, files);
  auto snapshot = std::make_shared<analysis::CorpusSnapshot>(corpus.snapshot());
  rows.push_back({"facts (text, mentions, dates)", inUse() - before});
  const std::vector<Row> facts = factsByPart(*snapshot);

  before = inUse();
  auto result = std::make_shared<analysis::Analysis>(analysis::analyze(*snapshot));
  const size_t analysisBytes = inUse() - before;

  before = inUse();
  auto recheck = std::make_shared<const analysis::RecheckIndex>(snapshot, result);
  rows.push_back({"re-check index", inUse() - before});
  before = inUse();
  if (const auto it = snapshot->documents.find(open); it != snapshot->documents.end())
    recheck->prepare(it->second);
  rows.push_back({"prepared re-check of " + open, inUse() - before});
  // What a later analysis's index adds when it shares these tables (the server's usual case).
  before = inUse();
  auto later = std::make_shared<const analysis::RecheckIndex>(*recheck, snapshot, result);
  const size_t perAnalysis = inUse() - before;
  later.reset();

  // The analysis's parts, measured by releasing them one at a time.
  recheck.reset(); // holds the analysis
  before = inUse();
  std::vector<analysis::Finding>().swap(result->findings);
  const size_t findings = before - inUse();
  before = inUse();
  result->dates.reset();
  const size_t dates = before - inUse();
  rows.push_back({"analysis: names", analysisBytes - findings - dates});
  rows.push_back({"analysis: dates", dates});
  rows.push_back({"analysis: findings", findings});

  std::printf("%zu documents, %.1f MB\n\n", files.size(), corpusBytes / 1e6);
  std::printf("| part | MB | x corpus |\n|---|---:|---:|\n");
  size_t total = 0;
  for (const Row& row : rows) {
    total += row.bytes;
    std::printf("| %s | %.1f | %.2f |\n", row.part.c_str(), row.bytes / 1e6,
                static_cast<double>(row.bytes) / static_cast<double>(corpusBytes));
  }
  std::printf("| total | %.1f | %.2f |\n", total / 1e6,
              static_cast<double>(total) / static_cast<double>(corpusBytes));
  std::printf("\nThe facts by part (blocks counted where they are owned; the rest is the line\n"
              "tables, suppressions and the allocator's rounding):\n\n"
              "| part | MB | x corpus |\n|---|---:|---:|\n");
  for (const Row& row : facts)
    std::printf("| %s | %.1f | %.2f |\n", row.part.c_str(), row.bytes / 1e6,
                static_cast<double>(row.bytes) / static_cast<double>(corpusBytes));
  std::printf("\nA later analysis's re-check index, sharing the tables: %.1f MB (%.2f x corpus)\n",
              perAnalysis / 1e6,
              static_cast<double>(perAnalysis) / static_cast<double>(corpusBytes));
  return 0;
}
