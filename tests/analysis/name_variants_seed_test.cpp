// The sample corpus, read as an editor would: every MUST and SHOULD name item of
// shared/seeds/EXPECTED.md is reported, and none of the MUST-NOT pairs — with the example
// register and as a bare folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "support/corpus_fixture.h"

namespace newslint::analysis {
namespace {

struct Reported {
  std::string code;
  std::string document; // first three characters of the file name
  std::string spelling;
  std::string preferred;
};

std::vector<Reported> nameFindings(const Analysis& analysis) {
  std::vector<Reported> out;
  for (const Finding& f : analysis.findings) {
    if (f.code.starts_with("name-variant")) {
      out.push_back({f.code, f.primary.document.str().substr(0, 3), f.data.at("spelling"),
                     f.data.at("preferred")});
    }
  }
  return out;
}

// True when some finding pairs the two spellings, in either direction.
bool paired(const std::vector<Reported>& found, std::string_view a, std::string_view b,
            std::string_view code = "") {
  return std::any_of(found.begin(), found.end(), [&](const Reported& r) {
    const bool match =
        (r.spelling == a && r.preferred == b) || (r.spelling == b && r.preferred == a);
    return match && (code.empty() || r.code == code);
  });
}

bool reportedIn(const std::vector<Reported>& found, std::string_view spelling,
                std::string_view document) {
  return std::any_of(found.begin(), found.end(), [&](const Reported& r) {
    return r.spelling == spelling && r.document == document;
  });
}

class SampleCorpus : public ::testing::TestWithParam<bool> {
protected:
  void SetUp() override {
    Corpus corpus = testing::loadFolder(testing::examplesDir(), GetParam());
    ASSERT_EQ(corpus.size(), 5U);
    analysis_ = analyze(corpus.snapshot());
    found_ = nameFindings(analysis_);
  }
  Analysis analysis_;
  std::vector<Reported> found_;
};

TEST_P(SampleCorpus, ReportsEveryMustItem) {
  EXPECT_TRUE(paired(found_, "Zane", "Zein")) << "N1";
  EXPECT_TRUE(paired(found_, "Inessa", "Anisa")) << "N2";
  EXPECT_TRUE(paired(found_, "Shabaan", "Shaaban", "name-variant-in-document")) << "N3";
  EXPECT_TRUE(reportedIn(found_, "Shabaan", "004")) << "N3";
  EXPECT_TRUE(paired(found_, "Bouthaina", "Buthaina")) << "N4";
  EXPECT_TRUE(paired(found_, "Ihab", "Ehab")) << "N5";
  EXPECT_TRUE(paired(found_, "Iyad", "Eyad")) << "N5";
  EXPECT_TRUE(paired(found_, "Hmeimim", "Hmeymim")) << "N6";
  EXPECT_TRUE(paired(found_, "Sergei", "Sergey")) << "N7";
}

TEST_P(SampleCorpus, ReportsTheShouldItems) {
  EXPECT_TRUE(paired(found_, "Ash-Shara", "al-Sharaa")) << "N8";
  EXPECT_TRUE(paired(found_, "Yisrael", "Israel")) << "N9";
  EXPECT_TRUE(paired(found_, "Hay\u2019at", "Hayat")) << "N10";
}

TEST_P(SampleCorpus, StaysSilentOnTheMustNotPairs) {
  const std::vector<std::pair<std::string, std::string>> mustNot = {
      {"Iran", "Iraq"},      {"Ihab", "Iyad"},      {"Ehab", "Eyad"},
      {"Sunni", "Sunna"},    {"Syria", "Syrian"},   {"Syria", "Syrias"},
      {"Egypt", "Egyptian"}, {"Russia", "Russian"}, {"Europe", "European"},
      {"Israel", "Israeli"}, {"Assad", "Asma"},     {"Maher", "Makhlouf"},
      {"Ban", "Ki-moon"},    {"Assad", "Mr."},      {"Moscow", "Moscow\u2019s"},
      {"Hafez", "Homs"},     {"Qatar", "Karim"},    {"Assad", "al-Assad"},
  };
  for (const auto& [a, b] : mustNot) {
    EXPECT_FALSE(paired(found_, a, b)) << a << " / " << b;
  }
  // The country Israel (004) is not the newspaper Yisrael Hayom.
  EXPECT_FALSE(reportedIn(found_, "Israel", "004"));
  // Every finding is one of the expected spellings: nothing else is flagged.
  const std::set<std::string> expected = {
      "Zane",   "Zein",      "Inessa",    "Anisa",   "Shabaan", "Bouthaina",   "Buthaina",
      "Ihab",   "Ehab",      "Iyad",      "Eyad",    "Hmeimim", "Hmeymim",     "Sergei",
      "Sergey", "Ash-Shara", "al-Sharaa", "Yisrael", "Israel",  "Hay\u2019at", "Hayat",
      "Turkey", "Türkiye",   "Armored",   "Armoured"};
  for (const Reported& r : found_) {
    EXPECT_TRUE(expected.contains(r.spelling))
        << "unexpected: " << r.spelling << " in " << r.document << " (vs " << r.preferred << ")";
  }
}

TEST_P(SampleCorpus, FindingsCarryEvidenceRelatedLocationsAndFixes) {
  for (const Finding& f : analysis_.findings) {
    if (!f.code.starts_with("name-variant")) {
      continue;
    }
    EXPECT_FALSE(f.evidence.empty()) << f.message;
    EXPECT_FALSE(f.related.empty()) << f.message;
    ASSERT_FALSE(f.fixes.empty());
    EXPECT_EQ(f.fixes.front().edits.size(), 1U);
    EXPECT_EQ(f.fixes.front().edits.front().replacement, f.data.at("preferred"));
  }
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutRegister, SampleCorpus, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& p) {
                           return p.param ? "WithRegister" : "BareFolder";
                         });

} // namespace
} // namespace newslint::analysis
