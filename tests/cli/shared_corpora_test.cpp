// The evaluation programs over the shared public corpora, with the targets they must keep:
// name matching ahead of the classic matchers on Wikidata transliterations, and precision of
// cross-document findings against ECB+ gold coreference. Skipped, with a message, when
// ../shared or the evaluation programs are absent.
#include <gtest/gtest.h>

#include "support/run_binary.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

#if defined(NEWSLINT_EVAL_NAMES) && defined(NEWSLINT_EVAL_ECBPLUS)

std::string capture(const std::string& command) {
  return newslint::testing::runCommand(command, "&1").out;
}

fs::path shared() {
  return NEWSLINT_SHARED_DIR;
}

// F1 of each row of the first table in `out`: method name -> F1.
std::vector<std::pair<std::string, double>> f1Rows(const std::string& out) {
  std::vector<std::pair<std::string, double>> rows;
  const std::regex row(R"(^\| ([^|]+?) \| [^|]* \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \|$)");
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, row)) {
      rows.emplace_back(m[1].str(), std::stod(m[4].str()));
    }
  }
  return rows;
}

void expectAheadOfBaselines(const fs::path& file) {
  if (!fs::exists(file)) {
    GTEST_SKIP() << "no " << file << " (the shared corpora are not beside the checkout)";
  }
  const std::string out = capture(std::string(NEWSLINT_EVAL_NAMES) + " '" + file.string() + "'");
  const auto rows = f1Rows(out);
  double ours = -1;
  double best = -1;
  std::string bestName;
  for (const auto& [name, f1] : rows) {
    if (name.starts_with("newslint") && name.find("oracle") == std::string::npos) {
      ours = f1;
    } else if (!name.starts_with("newslint") && f1 > best) {
      best = f1;
      bestName = name;
    }
  }
  ASSERT_GE(ours, 0) << out;
  ASSERT_GE(best, 0) << out;
  EXPECT_GE(ours - best, 0.15) << "newslint F1 " << ours << " against " << bestName << " " << best
                               << "\n"
                               << out;
}

TEST(SharedCorpora, NameMatchingBeatsTheBestClassicMatcherInArabic) {
  expectAheadOfBaselines(shared() / "corpora/name-variants-wikidata/wd_arabic_80");
}

TEST(SharedCorpora, NameMatchingBeatsTheBestClassicMatcherInRussian) {
  expectAheadOfBaselines(shared() / "corpora/name-variants-wikidata/wd_russian_80");
}

TEST(SharedCorpora, CrossDocumentFindingsAreCoreferentInEcbPlus) {
  const fs::path root = shared() / "corpora/ecbplus/ECB+";
  if (!fs::exists(root)) {
    GTEST_SKIP() << "no " << root << " (the shared corpora are not beside the checkout)";
  }
  const std::string out = capture(std::string(NEWSLINT_EVAL_ECBPLUS) + " '" + root.string() + "'");
  // Second table: per distinct spelling pair.
  const std::regex row(R"(\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| ([0-9.]+) \|)");
  std::vector<std::smatch> matches;
  for (auto it = std::sregex_iterator(out.begin(), out.end(), row); it != std::sregex_iterator();
       ++it) {
    matches.push_back(*it);
  }
  ASSERT_EQ(matches.size(), 2U) << out;
  const int coreferent = std::stoi(matches[1][2].str());
  const int notCoreferent = std::stoi(matches[1][3].str());
  EXPECT_GE(coreferent, 5) << out; // the check finds real variants there
  EXPECT_GE(static_cast<double>(coreferent) / (coreferent + notCoreferent), 0.9) << out;
}

#else

TEST(SharedCorpora, EvaluationPrograms) {
  GTEST_SKIP() << "built without the evaluation programs (NEWSLINT_BENCH=OFF)";
}

#endif

} // namespace
