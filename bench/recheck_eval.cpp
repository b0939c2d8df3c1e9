// The quick re-check of one edited document (analysis::RecheckIndex) against a full
// analysis of the edited corpus: how often the two agree on the document's findings, and
// what each costs.
//
// usage: recheck_eval CORPUS_DIR [--edits N] [--compare M] [--seed S] [--file ID]
//                     [--changed K] [--kind E] [--flagged 1] [--crowded 0]
//                     [--allocator server|default]
//
// Edits (chosen at random, seeded): a letter typed at the start; one letter of a name part
// changed (a new spelling variant); a sentence deleted; a name repeated in a new sentence;
// and, only when asked for (`--kind 4`), the edit `lsp_latency --edit name` makes (the last
// letter of the first name part doubled).
// Every edit is re-checked and timed; the first M are also compared with a full analysis.
// `--kind E` makes every edit of that kind (0 to 4, in the order above); `--flagged 1` edits
// only documents with a name finding in the full analysis (where a re-check has the most to
// get right). `--crowded 0` makes a scope gather every form of a crowded partner part
// (RecheckIndex::crowdedForms), to compare the two ways.
// With `--changed K`, K other documents are edited first and the corpus analysed again, and
// the re-checks use the index of that analysis sharing the first one's tables, as the
// server does: the K documents are passed as changed since the tables were built.
// `--allocator server` sets the allocator as `newslint serve` does (freed memory handed back
// to the system at once), as `lsp_latency` does unless `--allocator default`.
//
// The last lines say where each re-check found its names (RecheckIndex::NamesFrom), how
// many merged pairs of forms the scopes took from the analysis, and how many they judged.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "name_scope.h"
#include "newslint/analysis/recheck.h"
#include "newslint/workspace/allocator.h"
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
  case 4: // the last letter of the first name part doubled, as `lsp_latency --edit name`
    if (!mentions.empty()) {
      const auto& part = mentions.front().parts.front();
      text.insert(part.span.end, 1, text[part.span.end - 1]);
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
        << "usage: recheck_eval CORPUS_DIR [--edits N] [--compare M] [--seed S] [--file ID] "
           "[--changed K] [--kind E] [--flagged 1] [--crowded 0] [--allocator server|default]\n";
    return 2;
  }
  const fs::path root = fs::absolute(argv[1]);
  int edits = 200;
  int compare = 20;
  unsigned seed = 8;
  int kind = -1;
  bool flagged = false;
  std::string only; // edit just this document
  int changedCount = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--edits") {
      edits = std::stoi(argv[i + 1]);
    } else if (a == "--compare") {
      compare = std::stoi(argv[i + 1]);
    } else if (a == "--changed") {
      changedCount = std::stoi(argv[i + 1]);
    } else if (a == "--file") {
      only = argv[i + 1];
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
    } else if (a == "--kind") {
      kind = std::stoi(argv[i + 1]);
    } else if (a == "--flagged") {
      flagged = std::stoi(argv[i + 1]) != 0;
    } else if (a == "--crowded") {
      analysis::limitCrowdedPartners() = std::stoi(argv[i + 1]) != 0;
    } else if (a == "--allocator" && std::string_view(argv[i + 1]) == "server") {
      workspace::useServerAllocatorPolicy(); // as `newslint serve` runs
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
  const auto firstIndex = std::make_shared<const analysis::RecheckIndex>(snapshot, full);
  const double indexMs = ms(Clock::now() - start);

  std::mt19937 random(seed);
  std::vector<std::string> ids;
  for (const auto& [id, facts] : snapshot->documents) {
    const auto named = [&] {
      const auto findings = full->findingsFor(id);
      return std::any_of(findings.begin(), findings.end(), [](const analysis::Finding& f) {
        return f.code == "name-variant" || f.code == "name-variant-in-document";
      });
    };
    if ((only.empty() || id == only) && (!flagged || named())) {
      ids.push_back(id);
    }
  }
  // Documents edited since the tables were built, and the analysis of the corpus with them.
  std::map<std::string, std::shared_ptr<const analysis::DocumentFacts>, std::less<>> changed;
  auto later = snapshot;
  auto laterIndex = firstIndex;
  if (changedCount > 0) {
    std::vector<std::string> all;
    for (const auto& [id, facts] : snapshot->documents) {
      all.push_back(id);
    }
    // A generator of their own: the edits below are the same with and without them.
    std::mt19937 changeRandom(seed + 1);
    for (int k = 0; k < changedCount && !all.empty(); ++k) {
      const std::string& id = all[changeRandom() % all.size()];
      changed[id] = analysis::extractFacts(
          id, edit(*snapshot->documents.at(id), k % 4, changeRandom), corpus.lexicon());
    }
    auto edited = std::make_shared<analysis::CorpusSnapshot>(*snapshot);
    for (const auto& [id, facts] : changed) {
      edited->documents[id] = facts;
    }
    later = edited;
    const auto laterAnalysis =
        std::make_shared<const analysis::Analysis>(analysis::analyze(*later));
    if (!firstIndex->servesSnapshot(*later)) {
      std::cerr << "recheck_eval: --changed " << changedCount << " is over the "
                << analysis::RecheckIndex::kSharedTablesMaxChanged
                << " documents the tables serve\n";
      return 2;
    }
    laterIndex = std::make_shared<const analysis::RecheckIndex>(*firstIndex, later, laterAnalysis);
    std::fprintf(stderr, "recheck_eval: %zu documents changed since the tables were built\n",
                 changed.size());
  }
  const analysis::RecheckIndex& index = *laterIndex;
  std::vector<double> recheckMs;
  std::vector<double> compareFullMs;
  int agreed = 0;
  int compared = 0;
  int findingsQuick = 0;
  int findingsFull = 0;
  std::array<int, 4> namesFrom{}; // by RecheckIndex::NamesFrom
  for (int e = 0; e < edits && !ids.empty(); ++e) {
    const std::string& id = ids[random() % ids.size()];
    const auto& facts = *later->documents.at(id);
    const int k = kind >= 0 ? kind : e % 4;
    const std::string text = edit(facts, k, random);
    start = Clock::now();
    const auto edited = analysis::extractFacts(id, text, corpus.lexicon());
    auto others = changed;
    others.erase(id);
    analysis::RecheckIndex::NamesFrom from{};
    const std::vector<analysis::Finding> quick = index.recheck(edited, others, &from);
    ++namesFrom[static_cast<size_t>(from)];
    recheckMs.push_back(ms(Clock::now() - start));
    if (e < compare) {
      analysis::CorpusSnapshot after = *later;
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
        std::cerr << "differs: " << id << " (edit kind " << k << ")\n--- quick\n"
                  << describe(quick) << "--- full\n"
                  << describe(expected);
      }
    }
  }
  newslint::bench::printInOrder("recheck_eval: re-check ms", recheckMs);
  std::printf("| articles | full analysis ms | re-check index ms | re-checks | re-check p50 ms | "
              "p95 | p99 | compared | agreed | findings (quick / full) |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %.0f | %.0f | %zu | %.2f | %.2f | %.2f | %d | %d | %d / %d |\n",
              later->documents.size(), fullMs, indexMs, recheckMs.size(),
              percentile(recheckMs, 0.5), percentile(recheckMs, 0.95), percentile(recheckMs, 0.99),
              compared, agreed, findingsQuick, findingsFull);
  std::printf("\nNames from: the analysis %d, the analysis and a scope %d, the last re-check %d, "
              "a scope %d\n",
              namesFrom[0], namesFrom[1], namesFrom[2], namesFrom[3]);
  const analysis::ScopePairCounts& pairs = analysis::scopePairCounts();
  std::printf(
      "Pairs of forms in the scopes: %llu merged ones taken from the analysis, %llu judged\n",
      static_cast<unsigned long long>(pairs.taken.load()),
      static_cast<unsigned long long>(pairs.judged.load()));
  std::printf("Forms of crowded partner parts: %llu gathered, %llu left out\n",
              static_cast<unsigned long long>(pairs.crowdedKept.load()),
              static_cast<unsigned long long>(pairs.crowdedLeftOut.load()));
  return 0;
}
