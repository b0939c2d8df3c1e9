// The content stems the date index compares sentences by: a year taken from another source
// lists the shared words in alphabetical order, and the index is the same whether its
// loops run on one thread or on several (the stems are numbered by the threads as they meet
// them, then renumbered in alphabetical order).
#include "newslint/analysis/parallel.h"
#include "newslint/analysis/timeline.h"
#include "support/corpus_fixture.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace newslint::analysis {
namespace {

/// The words after "shared words: " up to the closing parenthesis.
std::vector<std::string> sharedWords(const std::string& yearHow) {
  const std::string label = "shared words: ";
  const size_t begin = yearHow.find(label);
  if (begin == std::string::npos) {
    return {};
  }
  const size_t end = yearHow.find(')', begin);
  std::vector<std::string> out;
  std::istringstream list(yearHow.substr(begin + label.size(), end - begin - label.size()));
  for (std::string word; std::getline(list, word, ',');) {
    out.push_back(word.substr(word.find_first_not_of(' ')));
  }
  return out;
}

TEST(TimelineStems, ListsTheSharedWordsOfAnInferredYearInAlphabeticalOrder) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), false);
  const Analysis analysis = analyze(corpus.snapshot());
  const DocumentAnchor* anchor = analysis.dates->anchorOf("004_7ae6212592d33cc9.txt");
  ASSERT_NE(anchor, nullptr);
  ASSERT_TRUE(anchor->year);
  const std::vector<std::string> words = sharedWords(anchor->yearHow);
  EXPECT_GE(words.size(), 2U) << anchor->yearHow;
  EXPECT_LE(words.size(), 4U) << anchor->yearHow;
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end())) << anchor->yearHow;
  EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end()) << anchor->yearHow;
}

/// The sample articles, each under many names and without the register: enough documents
/// for the date index's loops to be split across threads.
Corpus manyCopies() {
  Corpus corpus(workspace::loadLexicon());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::examplesDir())) {
    if (entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (int copy = 0; copy < 60; ++copy) {
    for (const auto& file : files) {
      corpus.upsert("c" + std::to_string(100 + copy) + "_" + file.filename().string(),
                    testing::readFile(file));
    }
  }
  return corpus;
}

TEST(TimelineStems, TheIndexDoesNotDependOnTheThreads) {
  Corpus corpus = manyCopies();
  const Analysis parallel = analyze(corpus.snapshot());
  Analysis serial;
  {
    const SerialSection section;
    serial = analyze(corpus.snapshot());
  }
  const DateIndex& a = *parallel.dates;
  const DateIndex& b = *serial.dates;
  ASSERT_EQ(a.anchors.size(), b.anchors.size());
  size_t inferred = 0;
  for (const auto& [document, anchor] : a.anchors) {
    const DocumentAnchor* other = b.anchorOf(document);
    ASSERT_NE(other, nullptr) << document;
    EXPECT_EQ(anchor.year, other->year) << document;
    EXPECT_EQ(anchor.yearHow, other->yearHow) << document;
    inferred += anchor.yearHow.find("shared words: ") != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(inferred, 0U) << "some years are taken from other sources";
  ASSERT_EQ(a.times.size(), b.times.size());
  for (size_t i = 0; i < a.times.size(); ++i) {
    EXPECT_EQ(a.times[i].document, b.times[i].document);
    EXPECT_EQ(a.times[i].resolution.value, b.times[i].resolution.value) << a.times[i].text;
    EXPECT_EQ(a.times[i].resolution.inference, b.times[i].resolution.inference) << a.times[i].text;
  }
  ASSERT_EQ(a.links.size(), b.links.size());
  for (size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_EQ(a.links[i].evidence, b.links[i].evidence);
  }
}

} // namespace
} // namespace newslint::analysis
