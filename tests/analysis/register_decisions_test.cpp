// Decisions recorded in the register change the findings: a house spelling, accepted
// variants, distinct names.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
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
// "Shabaan" by one, and each headline names the surname alone. With `alsoInOneArticle`, one
// more article names "Olivia Shaaban" in full and "Shabaan" alone in its headline.
Analysis oneSurnameManyPeople(bool alsoInOneArticle = false) {
  Corpus corpus(workspace::loadLexicon());
  const std::vector<std::string> firsts = {"Sergei", "Bilal", "Claire", "Gennady",
                                           "Arkady", "Anwar", "Olivia", "Nikolai",
                                           "Hamza",  "Paolo", "Helen",  "Fyodor"};
  const std::vector<std::string> places = {"Moscow", "Cairo",  "Vienna", "Erbil",
                                           "Amman",  "Geneva", "Sochi",  "Riyadh"};
  const auto article = [&](const std::string& headline, const std::string& name,
                           const std::string& surname, size_t day, const std::string& place) {
    std::ostringstream text;
    text << "Date: 2024-12-0" << day << "\n\n"
         << headline << " Meets Reporters in " << place << "\n\nUN envoy " << name << ' ' << surname
         << " met reporters in " << place << " on Tuesday.\n\n"
         << surname << " said the talks would go on.\n";
    return text.str();
  };
  for (size_t i = 0; i < firsts.size(); ++i) {
    for (size_t copy = 0; copy < 3; ++copy) {
      for (const std::string surname : {"Shaaban", "Shabaan"}) {
        if (surname == std::string("Shabaan") && copy > 0) {
          continue; // the preferred spelling is used by more sources
        }
        std::ostringstream id;
        id << surname << '-' << i << '-' << copy << ".txt";
        corpus.upsert(id.str(), article(surname, firsts[i], surname, 1 + copy,
                                        places[(i + copy) % places.size()]));
      }
    }
  }
  if (alsoInOneArticle) {
    corpus.upsert("Mixed.txt", article("Shabaan", "Olivia", "Shaaban", 4, "Sochi"));
  }
  return analyze(corpus.snapshot());
}

// The spellings of each entity, sorted.
std::vector<std::set<std::string>> entitySpellings(const Analysis& a) {
  std::vector<std::set<std::string>> out;
  for (const Entity& e : a.names.entities) {
    std::set<std::string>& spellings = out.emplace_back();
    for (const SpellingRecord& s : e.spellings) {
      spellings.insert(s.text);
    }
  }
  return out;
}

// No entity holds both `spellings`, and neither of the `words` is reported.
void expectApart(const Analysis& a, const std::pair<std::string, std::string>& spellings,
                 const std::pair<std::string, std::string>& words) {
  for (const std::set<std::string>& entity : entitySpellings(a)) {
    EXPECT_FALSE(entity.contains(spellings.first) && entity.contains(spellings.second))
        << spellings.first << ", " << spellings.second;
  }
  EXPECT_TRUE(flagged(a, words.first).empty()) << words.first;
  EXPECT_TRUE(flagged(a, words.second).empty()) << words.second;
}

TEST(LoneSurnames, ASurnameSeveralPeopleShareJoinsNoneOfThem) {
  // "Shabaan" alone could be any of the twelve: it is joined with "Shaaban" alone, and each
  // person's two spellings are one entity of their own.
  const Analysis a = oneSurnameManyPeople();
  const auto entities = entitySpellings(a);
  EXPECT_EQ(entities.size(), 13U);
  for (const std::set<std::string>& spellings : entities) {
    EXPECT_EQ(spellings.size(), 2U);
    std::set<std::string> firsts;
    for (const std::string& s : spellings) {
      firsts.insert(s.substr(0, s.find(' ')));
    }
    const std::set<std::string> lone = {"Shaaban", "Shabaan"};
    EXPECT_TRUE(firsts.size() == 1 || spellings == lone)
        << *spellings.begin() << ", " << *spellings.rbegin();
  }
  // Each "X Shabaan" is reported against "X Shaaban", as is the lone "Shabaan".
  EXPECT_EQ(flagged(a, "Shabaan").size(), 12U * 3U);
}

TEST(LoneSurnames, InOneArticleTheLoneSurnameIsThatArticlesPerson) {
  // "Shabaan" in the headline of an article that names "Olivia Shaaban" stands for her.
  const Analysis a = oneSurnameManyPeople(true);
  const auto entities = entitySpellings(a);
  const auto olivia = std::find_if(entities.begin(), entities.end(), [](const auto& spellings) {
    return spellings.contains("Olivia Shaaban");
  });
  ASSERT_NE(olivia, entities.end());
  EXPECT_TRUE(olivia->contains("Shabaan"));
  for (const std::string& s : *olivia) {
    EXPECT_TRUE(s.find(' ') == std::string::npos || s.starts_with("Olivia ")) << s;
  }
}

// Hermann Pohl, a banker, and Otto Poehl, the Bundesbank's president, each named in full
// and then by surname alone in three articles of their own (the first of each names the
// Tower commission with the surname). With `inOneArticle`, a fourth article names Hermann
// Pohl, then "Pohl" alone next to Otto Poehl (far from Hermann Pohl, so that the two full
// names share no clue).
Analysis pohlAndPoehl(bool inOneArticle) {
  Corpus corpus(workspace::loadLexicon());
  const auto article = [&](const std::string& id, char day, const std::string& text) {
    corpus.upsert(id, std::string("Date: 1987-03-0") + day + "\n\n" + text);
  };
  for (const char n : {'1', '2', '3'}) {
    const std::string then =
        n == '1' ? " said the Tower commission would report.\n" : " said the talks would go on.\n";
    article(std::string("pohl-") + n + ".txt", n,
            "Banker Hermann Pohl met reporters in Frankfurt on Monday.\n\nPohl" + then);
    article(std::string("poehl-") + n + ".txt", n,
            "Bundesbank president Otto Poehl met reporters in Frankfurt on Monday.\n\nPoehl" +
                then);
  }
  if (inOneArticle) {
    article("both-4.txt", '4',
            "Hermann Pohl met reporters in Frankfurt on Monday. The talks "
            "began at noon. They ended at six. Aides left early. Pohl said the "
            "talks would go on. Otto Poehl agreed.\n");
  }
  return analyze(corpus.snapshot());
}

TEST(LoneSurnames, TwoLoneSurnamesOfDifferentPeopleAreNotJoined) {
  // "Pohl" and "Poehl" alone share a neighbour (Tower), but no first name is written
  // before both.
  expectApart(pohlAndPoehl(false), {"Pohl", "Poehl"}, {"Pohl", "Poehl"});
}

TEST(LoneSurnames, BesideAFullNameOfItsOwnSpellingTheLoneSurnameIsThatPerson) {
  // The fourth article names Otto Poehl, but its "Pohl" is its Hermann Pohl.
  const Analysis a = pohlAndPoehl(true);
  for (const std::set<std::string>& spellings : entitySpellings(a)) {
    EXPECT_FALSE(spellings.contains("Pohl") && spellings.contains("Otto Poehl"));
  }
  EXPECT_TRUE(flagged(a, "Pohl").empty());
}

// One person, UN envoy, whose first name and surname are each spelt four ways: every
// combination in its own article, naming three of eight cities. The preferred spelling is in
// three articles.
Analysis onePersonManySpellings() {
  Corpus corpus(workspace::loadLexicon());
  // "Sergei" last: its forms are made last, and their pairs' evidence comes last.
  const std::vector<std::string> firsts = {"Sergey", "Serguei", "Sergej", "Sergei"};
  const std::vector<std::string> surnames = {"Shaaban", "Shabaan", "Chaaban", "Schaaban"};
  const std::vector<std::string> places = {"Moscow", "Cairo",  "Vienna", "Erbil",
                                           "Amman",  "Geneva", "Sochi",  "Riyadh"};
  size_t n = 0;
  for (const std::string& first : firsts) {
    for (const std::string& surname : surnames) {
      const size_t copies = first == firsts[0] && surname == surnames[0] ? 3 : 1;
      for (size_t copy = 0; copy < copies; ++copy, ++n) {
        std::ostringstream text;
        text << "Date: 2024-12-0" << 1 + copy << "\n\nUN envoy " << first << ' ' << surname
             << " met reporters in " << places[n % places.size()] << " before talks in "
             << places[(n + 3) % places.size()] << " and " << places[(n + 5) % places.size()]
             << ".\n";
        std::ostringstream id;
        id << "a" << 100 + n << ".txt";
        corpus.upsert(id.str(), text.str());
      }
    }
  }
  return analyze(corpus.snapshot());
}

TEST(VariantUses, EvidenceIsCappedAndHoldsTheUsesOwnPair) {
  // Sixteen forms of one name: their pairs give more lines of evidence than a finding lists.
  const Analysis a = onePersonManySpellings();
  ASSERT_EQ(a.names.entities.size(), 1U);
  EXPECT_GT(a.names.entities.front().evidence.size(), VariantUse::kMaxEvidence);
  size_t sergei = 0;
  for (const VariantUse& use : a.names.variants) {
    EXPECT_LE(use.evidence.size(), VariantUse::kMaxEvidence) << use.form;
    // The uses of a "Sergei" form, whose pairs are the entity's last: the evidence of the
    // form's own pairs comes first, so the part it shares with them is among the lines
    // ("Shabaan" in "Sergei Shabaan" is paired with "Sergei Shaaban", sharing "Sergei").
    const size_t space = use.form.find(' ');
    const std::string first = use.form.substr(0, space);
    if (first != "Sergei") {
      continue;
    }
    ++sergei;
    const std::string other = use.spelling == first ? use.form.substr(space + 1) : first;
    const std::string shared = "shared name part `" + other + "`";
    EXPECT_NE(std::find(use.evidence.begin(), use.evidence.end(), shared), use.evidence.end())
        << use.form << ": " << use.spelling;
  }
  EXPECT_GE(sergei, 4U);
  for (const Finding& f : a.findings) {
    EXPECT_LE(f.evidence.size(), VariantUse::kMaxEvidence) << f.message;
  }
}

// Donald Regan, the White House chief of staff, and Ronald Reagan, the president, each named
// in full in articles of their own, both beside Senator John Tower (a weak clue: a shared
// neighbour). With `loneInOneArticle`, a third article names Donald Regan once and the
// president by surname alone three times.
Analysis reganAndReagan(bool loneInOneArticle) {
  Corpus corpus(workspace::loadLexicon());
  for (const char n : {'1', '2'}) {
    corpus.upsert(std::string("regan-") + n + ".txt",
                  std::string("Date: 1987-03-0") + n +
                      "\n\nChief of staff Donald Regan met John Tower in Washington on Monday.\n");
    corpus.upsert(std::string("reagan-") + n + ".txt",
                  std::string("Date: 1987-03-0") + n +
                      "\n\nPresident Ronald Reagan met John Tower in Washington on Monday.\n");
  }
  // Others, so that Tower is not in most articles (a name there says nothing).
  for (const char n : {'1', '2', '3', '4', '5'}) {
    corpus.upsert(std::string("other-") + n + ".txt",
                  std::string("Date: 1987-03-0") + n +
                      "\n\nGovernor Mario Cuomo met reporters in Albany on Monday.\n");
  }
  if (loneInOneArticle) {
    corpus.upsert("both-3.txt", "Date: 1987-03-03\n\nReagan spoke on Monday. Chief of staff "
                                "Donald Regan left. Reagan said the report was fair. Aides said "
                                "Reagan would speak again.\n");
  }
  return analyze(corpus.snapshot());
}

TEST(FullNames, NamesThatDifferInEveryPartAreTwoPeopleWithoutAStrongClue) {
  // Regan/Reagan are nearly one key, and a shared neighbour would do for them alone; but
  // Donald/Ronald are not written alike.
  expectApart(reganAndReagan(false), {"Donald Regan", "Ronald Reagan"}, {"Regan", "Reagan"});
}

TEST(FullNames, NamesWhoseOtherPartIsWrittenAlikeStillJoinOnAWeakClue) {
  // Mohammed/Muhammad (0.93) as the other part: one person, on the shared neighbour alone.
  Corpus corpus(workspace::loadLexicon());
  for (const char n : {'1', '2'}) {
    corpus.upsert(std::string("a-") + n + ".txt",
                  std::string("Date: 2024-12-0") + n +
                      "\n\nMohammed Shaaban met John Tower in Washington on Monday.\n");
  }
  corpus.upsert("b-3.txt",
                "Date: 2024-12-03\n\nMuhammad Shabaan met John Tower in Washington on Monday.\n");
  for (const char n : {'4', '5', '6', '7'}) {
    corpus.upsert(std::string("c-") + n + ".txt",
                  std::string("Date: 2024-12-0") + n +
                      "\n\nGovernor Mario Cuomo met reporters in Albany on Monday.\n");
  }
  const Analysis a = analyze(corpus.snapshot());
  const auto entities = entitySpellings(a);
  EXPECT_TRUE(std::any_of(entities.begin(), entities.end(), [](const auto& spellings) {
    return spellings.contains("Mohammed Shaaban") && spellings.contains("Muhammad Shabaan");
  }));
  EXPECT_EQ(flagged(a, "Shabaan").size(), 1U);
}

TEST(LoneSurnames, ALoneSurnameWrittenMoreOftenThanTheFullNameIsNotItsSlip) {
  // The third article's three "Reagan" are not a misspelling of its one "Donald Regan".
  const Analysis a = reganAndReagan(true);
  for (const std::set<std::string>& spellings : entitySpellings(a)) {
    EXPECT_FALSE(spellings.contains("Donald Regan") &&
                 (spellings.contains("Reagan") || spellings.contains("Ronald Reagan")))
        << *spellings.begin() << ", " << *spellings.rbegin();
  }
  EXPECT_TRUE(flagged(a, "Regan").empty());
}

// Two people of one surname per test, one spelling of the first name in three articles and
// another in one, both spellings dictionary names (`first` and `other`).
Analysis dictionaryFirstNames(const std::string& first, const std::string& other) {
  auto lexicon = std::make_shared<Lexicon>(Lexicon::builtin());
  for (const std::string& word : {first, other, std::string("Mario"), std::string("Cuomo")}) {
    lexicon->addWord(word);
  }
  Corpus corpus(lexicon);
  for (const char n : {'1', '2', '3'}) {
    corpus.upsert(std::string("a-") + n + ".txt",
                  std::string("Date: 2024-12-0") + n + "\n\nMinister " + first +
                      " Abremin met reporters in Basra on Monday.\n");
  }
  corpus.upsert("b-4.txt", "Date: 2024-12-04\n\nMinister " + other +
                               " Abremin met reporters in Basra on Monday.\n");
  for (const char n : {'5', '6', '7', '8'}) {
    corpus.upsert(std::string("c-") + n + ".txt",
                  std::string("Date: 2024-12-0") + n +
                      "\n\nGovernor Mario Cuomo met reporters in Albany on Monday.\n");
  }
  return analyze(corpus.snapshot());
}

TEST(FullNames, DictionaryNamesWrittenAlikeJoinOnOneStrongClue) {
  // Jamal/Jamaal (nearly equal keys) with a shared surname: one person.
  EXPECT_EQ(flagged(dictionaryFirstNames("Jamal", "Jamaal"), "Jamaal").size(), 1U);
  // John/Joan (0.83) still need two strong clues: the surname alone is one.
  const Analysis a = dictionaryFirstNames("John", "Joan");
  EXPECT_TRUE(flagged(a, "Joan").empty());
  EXPECT_TRUE(flagged(a, "John").empty());
}

TEST(NameCandidates, CreditRatingsAreNoNames) {
  // "BBB-plus" and "B-plus" are two ratings, each "listed with" the same agency (the strong
  // clue that joined them on Reuters-21578), not two spellings of one name.
  Corpus corpus(workspace::loadLexicon());
  const char* ratings[] = {"BBB-plus", "BBB-plus", "B-plus", "B-plus", "B-plus"};
  for (size_t n = 0; n < std::size(ratings); ++n) {
    corpus.upsert("r-" + std::to_string(n) + ".txt", "Date: 1987-03-0" + std::to_string(n + 1) +
                                                         "\n\nThe notes of Acme Corp are rated " +
                                                         ratings[n] +
                                                         ", Investors Service Inc said.\n");
  }
  for (size_t n = 0; n < 4; ++n) {
    corpus.upsert("o-" + std::to_string(n) + ".txt",
                  "Date: 1987-03-0" + std::to_string(n + 1) +
                      "\n\nGovernor Mario Cuomo met reporters in Albany on Monday.\n");
  }
  const Analysis a = analyze(corpus.snapshot());
  EXPECT_TRUE(flagged(a, "BBB-plus").empty());
  EXPECT_TRUE(flagged(a, "B-plus").empty());
}

// Genex in two articles and Gynex in one, each in a sentence with `neighbour`.
Analysis genexAndGynex(const std::string& sentence) {
  Corpus corpus(workspace::loadLexicon());
  const char* names[] = {"Genex", "Genex", "Gynex"};
  for (size_t n = 0; n < std::size(names); ++n) {
    std::string text = sentence;
    text.replace(text.find("NAME"), 4, names[n]);
    corpus.upsert("g-" + std::to_string(n) + ".txt",
                  "Date: 1987-03-0" + std::to_string(n + 1) + "\n\n" + text + "\n");
  }
  for (size_t n = 0; n < 4; ++n) {
    corpus.upsert("o-" + std::to_string(n) + ".txt",
                  "Date: 1987-03-0" + std::to_string(n + 1) +
                      "\n\nGovernor Mario Cuomo met reporters in Albany on Monday.\n");
  }
  return analyze(corpus.snapshot());
}

TEST(NameEvidence, ANeighbourIsANameNotACommonWordOpeningTheSentence) {
  // "It" and "Inc" beside both spellings say nothing; Moscow does (a weak clue, enough for
  // keys this close).
  EXPECT_TRUE(flagged(genexAndGynex("It said NAME would open an office soon."), "Gynex").empty());
  EXPECT_TRUE(
      flagged(genexAndGynex("Acme Inc said NAME would open an office soon."), "Gynex").empty());
  EXPECT_EQ(flagged(genexAndGynex("NAME would open an office in Moscow soon."), "Gynex").size(),
            1U);
  // "May" in "early May" is a date.
  EXPECT_TRUE(
      flagged(genexAndGynex("NAME would open an office in early May, it said."), "Gynex").empty());
}

} // namespace
} // namespace newslint::analysis
