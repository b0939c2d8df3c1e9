// The quick re-check of one edited document (analysis::RecheckIndex) against a full
// analysis of the edited corpus: how often the two agree on the document's findings, and
// what each costs.
//
// usage: recheck_eval CORPUS_DIR [--edits N] [--compare M] [--seed S] [--file ID]
//
// Edits (chosen at random, seeded): a letter typed at the start; one letter of a name part
// changed (a new spelling variant); a sentence deleted; a name repeated in a new sentence.
// Every edit is re-checked and timed; the first M are also compared with a full analysis.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "newslint/analysis/recheck.h"
#include "newslint/workspace/workspace.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace newslint;

using newslint::bench::ms;
using newslint::bench::percentile;

namespace {

std::string describe(std::span<const analysis::Finding> findings) {
  std::ostringstream out;
  for (const auto& f : findings) {
    out << f.code << ' ' << f.primary.span.begin << '-' << f.primary.span.end << ' ' << f.message
        << '\n';
  }
  return out.str();
}

std::string edit(const analysis::DocumentFacts& facts, int kind, std::mt19937& random) {
  std::string text = facts.doc.text;
  const auto& mentions = facts.mentions;
  switch (kind) {
  case 0:
    return "X" + text;
  case 1: // one letter of a name part changed
    if (!mentions.empty()) {
      const auto& m = mentions[random() % mentions.size()];
      const auto& part = m.parts[random() % m.parts.size()];
      if (part.span.end - part.span.begin >= 4) {
        const uint32_t at = part.span.begin + 1 + static_cast<uint32_t>(random() % 2);
        if (text[at] >= 'a' && text[at] <= 'z') {
          text[at] = text[at] == 'e' ? 'a' : 'e';
          return text;
        }
      }
    }
    return text + "\n";
  case 2: // a sentence deleted
    if (facts.doc.sentences.size() > 1) {
      const auto& s = facts.doc.sentences[random() % facts.doc.sentences.size()];
      text.erase(s.span.begin, s.span.end - s.span.begin);
    }
    return text;
  default: // a name repeated in a new sentence
    if (!mentions.empty()) {
      const auto& m = mentions[random() % mentions.size()];
      text += '\n';
      text += m.text(facts.doc);
      text += " declined to comment on Monday.\n";
    }
    return text;
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr
        << "usage: recheck_eval CORPUS_DIR [--edits N] [--compare M] [--seed S] [--file ID]\n";
    return 2;
  }
  const fs::path root = fs::absolute(argv[1]);
  int edits = 200;
  int compare = 20;
  unsigned seed = 8;
  std::string only; // edit just this document
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--edits") {
      edits = std::stoi(argv[i + 1]);
    } else if (a == "--compare") {
      compare = std::stoi(argv[i + 1]);
    } else if (a == "--file") {
      only = argv[i + 1];
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
    }
  }
  analysis::Corpus corpus(workspace::loadLexicon());
  analysis::Config config;
  if (fs::exists(root / workspace::kRegisterFileName)) {
    config =
        workspace::parseConfig(workspace::readTextFile(root / workspace::kRegisterFileName).text)
            .config;
  }
  const workspace::Discovery found = workspace::discover(root, config);
  corpus.setConfig(config);
  for (const auto& path : found.files) {
    corpus.upsert(workspace::documentId(root, path), workspace::readTextFile(path).text);
  }
  const auto snapshot = std::make_shared<const analysis::CorpusSnapshot>(corpus.snapshot());
  auto start = Clock::now();
  const auto full = std::make_shared<const analysis::Analysis>(analysis::analyze(*snapshot));
  const double fullMs = ms(Clock::now() - start);
  start = Clock::now();
  const analysis::RecheckIndex index(snapshot, full);
  const double indexMs = ms(Clock::now() - start);

  std::mt19937 random(seed);
  std::vector<std::string> ids;
  for (const auto& [id, facts] : snapshot->documents) {
    if (only.empty() || id == only) {
      ids.push_back(id);
    }
  }
  std::vector<double> recheckMs;
  std::vector<double> compareFullMs;
  int agreed = 0;
  int compared = 0;
  int findingsQuick = 0;
  int findingsFull = 0;
  for (int e = 0; e < edits && !ids.empty(); ++e) {
    const std::string& id = ids[random() % ids.size()];
    const auto& facts = *snapshot->documents.at(id);
    const std::string text = edit(facts, e % 4, random);
    start = Clock::now();
    const auto edited = analysis::extractFacts(id, text, corpus.lexicon());
    const std::vector<analysis::Finding> quick = index.recheck(edited, {});
    recheckMs.push_back(ms(Clock::now() - start));
    if (e < compare) {
      analysis::CorpusSnapshot after = *snapshot;
      after.documents[id] = edited;
      start = Clock::now();
      const analysis::Analysis again = analysis::analyze(after);
      compareFullMs.push_back(ms(Clock::now() - start));
      const auto expected = again.findingsFor(id);
      findingsQuick += static_cast<int>(quick.size());
      findingsFull += static_cast<int>(expected.size());
      ++compared;
      if (describe(quick) == describe(expected)) {
        ++agreed;
      } else {
        std::cerr << "differs: " << id << " (edit kind " << e % 4 << ")\n--- quick\n"
                  << describe(quick) << "--- full\n"
                  << describe(expected);
      }
    }
  }
  std::printf("| articles | full analysis ms | re-check index ms | re-checks | re-check p50 ms | "
              "p95 | p99 | compared | agreed | findings (quick / full) |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %.0f | %.0f | %zu | %.2f | %.2f | %.2f | %d | %d | %d / %d |\n",
              snapshot->documents.size(), fullMs, indexMs, recheckMs.size(),
              percentile(recheckMs, 0.5), percentile(recheckMs, 0.95), percentile(recheckMs, 0.99),
              compared, agreed, findingsQuick, findingsFull);
  return 0;
}
