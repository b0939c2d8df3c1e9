// Decisions recorded in the register change the findings: a house spelling, accepted
// variants, distinct names.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

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

namespace newslint::analysis {
namespace {

// `preferred` in `many` documents and `variant` in `few`, each in the same sentence.
Analysis spellingsInDocuments(size_t many, size_t few) {
  Corpus corpus(workspace::loadLexicon());
  const auto add = [&](const std::string& id, const std::string& first) {
    corpus.upsert(id, "Russian Foreign Minister " + first +
                          " Lavrov met reporters in Moscow on Tuesday.\n");
  };
  const auto id = [](char letter, size_t i) {
    std::ostringstream out;
    out << letter << 100 + i << ".txt";
    return out.str();
  };
  for (size_t i = 0; i < many; ++i) {
    add(id('p', i), "Sergey");
  }
  for (size_t i = 0; i < few; ++i) {
    add(id('v', i), "Sergei");
  }
  return analyze(corpus.snapshot());
}

TEST(VariantUses, AWidelyUsedSpellingKeepsItsCountsButListsOnlyAFewSources) {
  const Analysis a = spellingsInDocuments(40, 30);
  const auto sergei = flagged(a, "Sergei");
  ASSERT_EQ(sergei.size(), 30U);
  for (const Finding* f : sergei) {
    EXPECT_NE(f->message.find("by 40 sources (p100.txt, p101.txt, p102.txt and 37 more)"),
              std::string::npos)
        << f->message;
    EXPECT_NE(f->message.find("`Sergei` by 30 sources"), std::string::npos) << f->message;
    // 30 uses are past what a finding lists as one fix.
    for (const Fix& fix : f->fixes) {
      EXPECT_EQ(fix.title.find("for every"), std::string::npos) << fix.title;
    }
  }
  ASSERT_FALSE(a.names.variants.empty());
  for (const VariantUse& use : a.names.variants) {
    EXPECT_EQ(use.sameSpellingCount, 30U);
    EXPECT_TRUE(use.sameSpellingLocations.empty());
    EXPECT_EQ(use.preferredDocumentCount, 40U);
    EXPECT_EQ(use.preferredDocuments.size(), VariantUse::kListedDocuments);
  }
}

TEST(VariantUses, AFewUsesAreAllEditedByOneFix) {
  const Analysis a = spellingsInDocuments(12, 10);
  const auto sergei = flagged(a, "Sergei");
  ASSERT_EQ(sergei.size(), 10U);
  for (const Finding* f : sergei) {
    const auto every = std::find_if(f->fixes.begin(), f->fixes.end(), [](const Fix& fix) {
      return fix.title.find("for every") != std::string::npos;
    });
    ASSERT_NE(every, f->fixes.end());
    EXPECT_EQ(every->edits.size(), 10U);
    EXPECT_NE(every->title.find("(10 places)"), std::string::npos) << every->title;
  }
}

} // namespace
} // namespace newslint::analysis

namespace newslint::analysis {
namespace {

// Twelve people share a surname spelt two ways: each is named "Shaaban" by three sources and
// "Shabaan" by one, and each headline names the surname alone.
Analysis oneSurnameManyPeople() {
  Corpus corpus(workspace::loadLexicon());
  const std::vector<std::string> firsts = {"Sergei", "Bilal", "Claire", "Gennady",
                                           "Arkady", "Anwar", "Olivia", "Nikolai",
                                           "Hamza",  "Paolo", "Helen",  "Fyodor"};
  const std::vector<std::string> places = {"Moscow", "Cairo",  "Vienna", "Erbil",
                                           "Amman",  "Geneva", "Sochi",  "Riyadh"};
  for (size_t i = 0; i < firsts.size(); ++i) {
    for (size_t copy = 0; copy < 3; ++copy) {
      for (const std::string surname : {"Shaaban", "Shabaan"}) {
        std::ostringstream text;
        text << "Date: 2024-12-0" << 1 + copy << "\n\n"
             << surname << " Meets Reporters in " << places[(i + copy) % places.size()]
             << "\n\nUN envoy " << firsts[i] << ' ' << surname << " met reporters in "
             << places[(i + copy) % places.size()] << " on Tuesday.\n\n"
             << surname << " said the talks would go on.\n";
        if (surname == std::string("Shabaan") && copy > 0) {
          continue; // the preferred spelling is used by more sources
        }
        std::ostringstream id;
        id << surname << '-' << i << '-' << copy << ".txt";
        corpus.upsert(id.str(), text.str());
      }
    }
  }
  return analyze(corpus.snapshot());
}

TEST(VariantUses, EvidenceIsCappedAndHoldsTheUsesOwnPair) {
  // The lone surnames join every Shaaban and Shabaan into one entity, whose pairs of forms
  // give far more lines of evidence than a finding lists.
  const Analysis a = oneSurnameManyPeople();
  const auto entity = std::find_if(a.names.entities.begin(), a.names.entities.end(),
                                   [](const Entity& e) { return e.spellings.size() > 20; });
  ASSERT_NE(entity, a.names.entities.end());
  EXPECT_GT(entity->evidence.size(), VariantUse::kMaxEvidence);
  size_t fullNames = 0;
  for (const VariantUse& use : a.names.variants) {
    EXPECT_LE(use.evidence.size(), VariantUse::kMaxEvidence) << use.form;
    const size_t space = use.form.find(' ');
    if (space == std::string::npos) {
      continue;
    }
    // "Sergei Shabaan": the evidence of its own pair with "Sergei Shaaban" comes first.
    ++fullNames;
    std::string shared = "shared name part `";
    shared.append(use.form, 0, space).push_back('`');
    EXPECT_NE(std::find(use.evidence.begin(), use.evidence.end(), shared), use.evidence.end())
        << use.form;
  }
  EXPECT_EQ(fullNames, 12U);
  for (const Finding& f : a.findings) {
    EXPECT_LE(f.evidence.size(), VariantUse::kMaxEvidence) << f.message;
  }
}

} // namespace
} // namespace newslint::analysis
