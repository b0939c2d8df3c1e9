// RecheckIndex: the findings of one edited document, computed over the part of the corpus
// that can change them, equal those of a full analysis of the edited corpus.
#include <gtest/gtest.h>

#include <sstream>

#include "../support/corpus_fixture.h"
#include "newslint/analysis/recheck.h"

namespace newslint {
namespace {

using analysis::Analysis;
using analysis::Corpus;
using analysis::CorpusSnapshot;
using analysis::Finding;
using analysis::RecheckIndex;

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << f.code << " " << f.primary.span.begin << "-" << f.primary.span.end << " `" << f.flagged
        << "` " << f.message;
    for (const auto& r : f.related) {
      out << " | " << r.location.document << ":" << r.location.span.begin;
    }
    out << "\n";
  }
  return out.str();
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Edit {
  std::string name;
  std::string (*apply)(const std::string&);
};

const std::vector<Edit>& edits() {
  static const std::vector<Edit> kEdits = {
      {"unchanged", [](const std::string& t) { return t; }},
      {"typed at the start", [](const std::string& t) { return "X" + t; }},
      {"sentence appended",
       [](const std::string& t) {
         return t + "\nThe minister, Bouthaina Shabaan, spoke to reporters on Monday.\n";
       }},
      {"one spelling changed", [](const std::string& t) { return replaceAll(t, "Zein", "Zane"); }},
      {"other spelling changed",
       [](const std::string& t) { return replaceAll(t, "Shaaban", "Shabaan"); }},
      {"first half deleted", [](const std::string& t) { return t.substr(t.size() / 2); }},
      {"emptied", [](const std::string&) { return std::string(); }},
  };
  return kEdits;
}

class RecheckSeedTest : public ::testing::TestWithParam<bool> {};

TEST_P(RecheckSeedTest, EqualsFullAnalysisOfTheEditedCorpus) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), GetParam());
  const auto base = std::make_shared<const CorpusSnapshot>(corpus.snapshot());
  const auto baseAnalysis = std::make_shared<const Analysis>(analysis::analyze(*base));
  ASSERT_FALSE(baseAnalysis->findings.empty());
  const RecheckIndex index(base, baseAnalysis);
  size_t compared = 0;
  for (const auto& [id, facts] : base->documents) {
    for (const Edit& edit : edits()) {
      const std::string text = edit.apply(facts->doc.text);
      const auto edited = analysis::extractFacts(id, text, corpus.lexicon());
      CorpusSnapshot after = *base;
      after.documents[id] = edited;
      const Analysis full = analysis::analyze(after);
      const auto span = full.findingsFor(id);
      const std::vector<Finding> expected(span.begin(), span.end());
      const std::vector<Finding> got = index.recheck(edited, {});
      EXPECT_EQ(describe(got), describe(expected)) << id << ": " << edit.name;
      ++compared;
    }
  }
  EXPECT_EQ(compared, base->documents.size() * edits().size());
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutRegister, RecheckSeedTest, ::testing::Bool());

TEST(Recheck, ANewDocumentIsCheckedAgainstTheCorpus) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const auto base = std::make_shared<const CorpusSnapshot>(corpus.snapshot());
  const auto baseAnalysis = std::make_shared<const Analysis>(analysis::analyze(*base));
  const RecheckIndex index(base, baseAnalysis);
  const std::string text = "Damascus\n\nSyrian presidential adviser Bouthaina Shabaan said on "
                           "Sunday that the talks would go on. Shabaan spoke in Damascus.\n";
  const auto edited = analysis::extractFacts("new.txt", text, corpus.lexicon());
  CorpusSnapshot after = *base;
  after.documents["new.txt"] = edited;
  const Analysis full = analysis::analyze(after);
  const auto span = full.findingsFor("new.txt");
  const std::vector<Finding> expected(span.begin(), span.end());
  const std::vector<Finding> got = index.recheck(edited, {});
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front().code, "name-variant");
  EXPECT_EQ(describe(got), describe(expected));
}

TEST(Recheck, OtherChangedDocumentsTakePart) {
  // Two documents edited since the snapshot: the second sees the first's new text.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const auto base = std::make_shared<const CorpusSnapshot>(corpus.snapshot());
  const auto baseAnalysis = std::make_shared<const Analysis>(analysis::analyze(*base));
  const RecheckIndex index(base, baseAnalysis);
  const std::string a = "Ambassador Yevgeni Karpenkov met the delegation in Vienna. "
                        "Karpenkov, 61, said the talks had been useful.\n";
  const std::string b = "Ambassador Yevgeny Karpenkov met the delegation in Vienna. "
                        "Yevgeny Karpenkov, 61, said little else.\n"
                        "Ambassador Yevgeny Karpenkov left on Friday.\n";
  const auto factsA = analysis::extractFacts("a.txt", a, corpus.lexicon());
  const auto factsB = analysis::extractFacts("b.txt", b, corpus.lexicon());
  CorpusSnapshot after = *base;
  after.documents["a.txt"] = factsA;
  after.documents["b.txt"] = factsB;
  const Analysis full = analysis::analyze(after);
  const auto span = full.findingsFor("a.txt");
  const std::vector<Finding> expected(span.begin(), span.end());
  const std::vector<Finding> got = index.recheck(factsA, {{"b.txt", factsB}});
  EXPECT_EQ(describe(got), describe(expected));
  EXPECT_NE(describe(got).find("Yevgeni"), std::string::npos) << describe(got);
}

} // namespace
} // namespace newslint

namespace newslint {
namespace {

TEST(Recheck, ASpellingNewToTheCorpusCountsTheOtherSpellingsUsesElsewhere) {
  // The corpus knows one spelling; the new document brings another and uses both: the
  // preferred one's uses in the other source must count.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  corpus.upsert("b.txt", "Envoy Volodymyr Karpenkovych, 58, arrived in Vienna on Monday. "
                         "Volodymyr Karpenkovych met the delegation.\n");
  const auto base = std::make_shared<const CorpusSnapshot>(corpus.snapshot());
  const auto baseAnalysis = std::make_shared<const Analysis>(analysis::analyze(*base));
  const RecheckIndex index(base, baseAnalysis);
  const std::string text = "Trade envoy Wolodymyr Karpenkovych, 58, arrived in Vienna. "
                           "The envoy, Volodymyr Karpenkovych, 58, met the delegation. "
                           "Volodymyr Karpenkovych said the talks would go on.\n";
  const auto edited = analysis::extractFacts("new.txt", text, corpus.lexicon());
  CorpusSnapshot after = *base;
  after.documents["new.txt"] = edited;
  const Analysis full = analysis::analyze(after);
  const auto span = full.findingsFor("new.txt");
  const std::vector<Finding> expected(span.begin(), span.end());
  ASSERT_FALSE(expected.empty()) << "the full analysis pairs the two first names";
  EXPECT_EQ(describe(index.recheck(edited, {})), describe(expected));
}

} // namespace
} // namespace newslint

namespace newslint {
namespace {

TEST(Recheck, TypingOutsideNamesKeepsFindingsInStepWithTheText) {
  // Successive edits of one document that leave its names alone reuse the last re-check's
  // name index, moved with the edit; each result must still equal a full analysis.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const auto base = std::make_shared<const CorpusSnapshot>(corpus.snapshot());
  const auto baseAnalysis = std::make_shared<const Analysis>(analysis::analyze(*base));
  const RecheckIndex index(base, baseAnalysis);
  const std::string id = "004_7ae6212592d33cc9.txt";
  std::string text = base->documents.at(id)->doc.text;
  const size_t at = text.find(" the ");
  ASSERT_NE(at, std::string::npos);
  size_t compared = 0;
  for (const std::string typed : {"v", "e", "r", "y", " ", "\n"}) {
    text.insert(at + 5 + compared, typed);
    const auto edited = analysis::extractFacts(id, text, corpus.lexicon());
    CorpusSnapshot after = *base;
    after.documents[id] = edited;
    const Analysis full = analysis::analyze(after);
    const auto span = full.findingsFor(id);
    const std::vector<Finding> expected(span.begin(), span.end());
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(describe(index.recheck(edited, {})), describe(expected)) << "after typing " << typed;
    ++compared;
  }
}

} // namespace
} // namespace newslint
