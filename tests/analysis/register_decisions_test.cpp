// Decisions recorded in the register change the findings: a house spelling, accepted
// variants, distinct names.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/corpus_fixture.h"

namespace newslint::analysis {
namespace {

std::vector<const Finding*> flagged(const Analysis& a, std::string_view spelling) {
  std::vector<const Finding*> out;
  for (const Finding& f : a.findings) {
    if (f.code.starts_with("name-variant") && f.flagged == spelling) {
      out.push_back(&f);
    }
  }
  return out;
}

Analysis withRegister(const std::vector<EntityEntry>& entities,
                      const std::vector<std::pair<std::string, std::string>>& distinct = {}) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  Config config = corpus.config();
  config.entities = entities;
  config.distinct = distinct;
  corpus.setConfig(config);
  return analyze(corpus.snapshot());
}

TEST(RegisterDecisions, WithoutDecisionsATieReportsBothSpellings) {
  const Analysis a = withRegister({});
  EXPECT_EQ(flagged(a, "Zane").size(), 1U);
  EXPECT_EQ(flagged(a, "Zein").size(), 1U);
}

TEST(RegisterDecisions, HouseSpellingDecidesWhichSpellingIsReported) {
  const Analysis a = withRegister({{"Zane", {}, "", ""}});
  EXPECT_TRUE(flagged(a, "Zane").empty());
  ASSERT_EQ(flagged(a, "Zein").size(), 1U);
  EXPECT_NE(flagged(a, "Zein")[0]->message.find("house spelling"), std::string::npos);
}

TEST(RegisterDecisions, HouseSpellingOverridesTheMajority) {
  // Sergei is used by three sources, Sergey by two; the register prefers Sergey.
  const Analysis a = withRegister({{"Sergey Lavrov", {}, "", ""}});
  EXPECT_TRUE(flagged(a, "Sergey").empty());
  EXPECT_EQ(flagged(a, "Sergei").size(), 3U);
}

TEST(RegisterDecisions, AcceptedVariantsAreNotReported) {
  const Analysis a = withRegister({{"Zane", {"Zein"}, "both in use", "desk"}});
  EXPECT_TRUE(flagged(a, "Zane").empty());
  EXPECT_TRUE(flagged(a, "Zein").empty());
}

TEST(RegisterDecisions, CanonicalSpellingIsReportedEverywhereAVariantOccurs) {
  const Analysis a = withRegister({{"Buthaina Shaaban", {}, "", ""}});
  const auto shabaan = flagged(a, "Shabaan");
  ASSERT_EQ(shabaan.size(), 1U);
  EXPECT_EQ(shabaan[0]->data.at("preferred"), "Shaaban");
  EXPECT_EQ(flagged(a, "Bouthaina").size(), 1U);
  EXPECT_TRUE(flagged(a, "Buthaina").empty());
}

TEST(RegisterDecisions, DistinctNamesAreNeverMerged) {
  const Analysis a = withRegister({}, {{"Zane", "Zein"}, {"Hmeimim", "Hmeymim"}});
  EXPECT_TRUE(flagged(a, "Zane").empty());
  EXPECT_TRUE(flagged(a, "Zein").empty());
  EXPECT_TRUE(flagged(a, "Hmeymim").empty());
  EXPECT_FALSE(flagged(a, "Shabaan").empty()); // other decisions are untouched
}

TEST(RegisterDecisions, RegisterSpellingFindsVariantsWithoutOtherEvidence) {
  Corpus corpus;
  corpus.upsert("a.txt", "The committee heard from Mr. Kowalsky on Monday.\n");
  corpus.upsert("b.txt", "Officials said Mr. Kowalski had left the city.\n");
  EXPECT_TRUE(analyze(corpus.snapshot()).findings.empty());
  Config config;
  config.entities = {{"Kowalski", {}, "", ""}};
  corpus.setConfig(config);
  const Analysis a = analyze(corpus.snapshot());
  ASSERT_EQ(flagged(a, "Kowalsky").size(), 1U);
  EXPECT_TRUE(flagged(a, "Kowalski").empty());
}

TEST(RegisterDecisions, SeverityOffDisablesACheck) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  Config config = corpus.config();
  config.checks["name-variant"] = Severity::Off;
  config.checks["name-variant-in-document"] = Severity::Error;
  corpus.setConfig(config);
  const Analysis a = analyze(corpus.snapshot());
  EXPECT_TRUE(std::none_of(a.findings.begin(), a.findings.end(),
                           [](const Finding& f) { return f.code == "name-variant"; }));
  const auto shabaan = flagged(a, "Shabaan");
  ASSERT_EQ(shabaan.size(), 1U);
  EXPECT_EQ(shabaan[0]->severity, Severity::Error);
}

} // namespace
} // namespace newslint::analysis

namespace newslint::analysis {
namespace {

TEST(WeekdayAcrossSources, ArticlesOfDifferentYearsAreNotCompared) {
  Corpus corpus;
  corpus.upsert("a.txt", "Date: 2024-11-20\n\nThe ministers of Ruritania met on Monday, "
                         "November 11 in Strelsau to sign the grain accord.\n");
  corpus.upsert("b.txt", "Date: 2025-11-20\n\nThe ministers of Ruritania met on Tuesday, "
                         "November 11 in Strelsau to sign the grain accord.\n");
  const Analysis a = analyze(corpus.snapshot());
  for (const Finding& f : a.findings) {
    EXPECT_NE(f.code, "weekday-mismatch") << f.message;
  }
}

} // namespace
} // namespace newslint::analysis
