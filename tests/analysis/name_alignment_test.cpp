// Aligning the forms of a candidate pair of name parts: with many forms on both sides only
// the pairs whose other parts meet are compared (alignForms' index); the entities must be
// the ones comparing every pair gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "name_scope.h"
#include "newslint/analysis/corpus.h"
#include "newslint/workspace/workspace.h"
#include "support/corpus_fixture.h"

namespace newslint::analysis {
namespace {

std::set<std::string> spellingsOf(const Entity& entity) {
  std::set<std::string> out;
  for (const SpellingRecord& s : entity.spellings) {
    out.insert(s.text);
  }
  return out;
}

/// The surnames (what follows the first space) of two-part spellings.
std::set<std::string> surnamesOf(const std::set<std::string>& spellings) {
  std::set<std::string> out;
  for (const std::string& s : spellings) {
    out.insert(s.substr(s.find(' ') + 1));
  }
  return out;
}

// Two spellings of one first name with ten surnames each (10 x 10 pairs of forms, over the
// index's threshold), plus a surname spelt two ways: each surname's two first-name spellings
// are one person, no two surnames are, and the other spelling of Brzostek joins its entity.
TEST(NameAlignment, ManyFormsOnBothSidesAlignOnlyWhereTheirOtherPartsMeet) {
  const std::vector<std::string> surnames = {"Brzostek",  "Chmielak", "Dziubek",  "Grzelak",
                                             "Jankowiak", "Kubacki",  "Lisiecki", "Mrozek",
                                             "Pietrzak",  "Wrobelek"};
  const std::vector<std::string> towns = {"Gdansk", "Krakow", "Lodz",   "Poznan", "Lublin",
                                          "Torun",  "Opole",  "Kielce", "Radom",  "Plock"};
  Corpus corpus(workspace::loadLexicon());
  int n = 0;
  const auto add = [&](const std::string& name, const std::string& town) {
    for (int r = 0; r < 2; ++r) {
      const std::string text = "Date: 2024-12-1" + std::string(1, static_cast<char>('0' + r)) +
                               "\n\n" + name + ", the mayor of " + town + ", visited " + town +
                               " on Monday. " + name + " spoke to reporters in " + town + ".\n";
      corpus.upsert(std::to_string(100 + n++) + ".txt", text);
    }
  };
  for (size_t k = 0; k < surnames.size(); ++k) {
    add("Zbigniewa " + surnames[k], towns[k]);
    add("Zbygniewa " + surnames[k], towns[k]);
  }
  add("Zbigniewa Brzostec", "Gdansk");
  const Analysis analysis = analyze(corpus.snapshot());

  size_t merged = 0;
  for (const Entity& entity : analysis.names.entities) {
    const std::set<std::string> spellings = spellingsOf(entity);
    std::set<std::string> surnamesHere = surnamesOf(spellings);
    // Brzostec is Brzostek spelt another way; otherwise one surname per entity.
    surnamesHere.erase("Brzostec");
    EXPECT_EQ(surnamesHere.size(), 1U) << entity.name;
    if (spellings.count("Zbigniewa " + *surnamesHere.begin()) != 0 &&
        spellings.count("Zbygniewa " + *surnamesHere.begin()) != 0) {
      ++merged;
    }
    if (surnamesHere.count("Brzostek") != 0) {
      EXPECT_EQ(spellings.count("Zbigniewa Brzostec"), 1U) << entity.name;
    }
  }
  EXPECT_EQ(merged, surnames.size());
}

// Two spellings of one first name, each with the same 100 surnames: more forms on each side
// than the 64 compared of a part (kMaxFormsPerToken), all sharing a surname with the other
// side. Every surname's two spellings are still compared, and are one person.
TEST(NameAlignment, AVariantUsedWithMoreSurnamesThanTheCapMeetsEachOfThem) {
  const std::vector<std::string> heads = {"Bar", "Dom", "Gor", "Kul", "Mar",
                                          "Pol", "Ros", "Tar", "Wil", "Zel"};
  const std::vector<std::string> tails = {"anek", "owicz", "iak", "czyk", "ewski",
                                          "ecki", "uch",   "asz", "ota",  "ynski"};
  const std::vector<std::string> towns = {"Gdansk", "Krakow", "Lodz",   "Poznan", "Lublin",
                                          "Torun",  "Opole",  "Kielce", "Radom",  "Plock"};
  static_assert(kMaxFormsPerToken < 100 && 100 <= kMaxSharedFormsPerToken);
  Corpus corpus(workspace::loadLexicon());
  int n = 0;
  // Two surnames with the same head or tail never share a town: a similar surname in the
  // same town would be the same mayor.
  std::vector<std::string> surnames;
  std::vector<std::string> townOf;
  for (size_t h = 0; h < heads.size(); ++h) {
    for (size_t t = 0; t < tails.size(); ++t) {
      surnames.push_back(heads[h] + tails[t]);
      townOf.push_back(towns[(h + t) % towns.size()]);
    }
  }
  for (size_t k = 0; k < surnames.size(); ++k) {
    const std::string& town = townOf[k];
    for (const char* first : {"Zbigniewa ", "Zbygniewa "}) {
      const std::string name = first + surnames[k];
      corpus.upsert(std::to_string(1000 + n++) + ".txt",
                    "Date: 2024-12-10\n\n" + name + ", the mayor of " + town + ", visited " + town +
                        " on Monday. " + name + " spoke to reporters in " + town + ".\n");
    }
  }
  const Analysis analysis = analyze(corpus.snapshot());
  size_t merged = 0;
  for (const Entity& entity : analysis.names.entities) {
    const std::set<std::string> spellings = spellingsOf(entity);
    const std::set<std::string> surnamesHere = surnamesOf(spellings);
    EXPECT_EQ(surnamesHere.size(), 1U) << entity.name;
    const std::string& surname = *surnamesHere.begin();
    merged +=
        spellings.count("Zbigniewa " + surname) + spellings.count("Zbygniewa " + surname) == 2;
  }
  EXPECT_EQ(merged, surnames.size());
}

/// What the name index gives, as text: entities with their spellings and documents, and
/// the findings.
std::vector<std::string> namesOf(const Analysis& analysis) {
  std::vector<std::string> out;
  for (const Entity& entity : analysis.names.entities) {
    std::string line = entity.name + ":";
    for (const SpellingRecord& s : entity.spellings) {
      line += " " + s.text + "(" + std::to_string(s.documents.size()) + ")";
    }
    out.push_back(line);
  }
  for (const Finding& f : analysis.findings) {
    out.push_back(f.code + " " + f.primary.document.str() + " " + f.message);
  }
  return out;
}

/// The analysis with alignForms' index used for every pair of parts, and with it used for
/// none: the same entities and findings.
void expectIndexChangesNothing(const Corpus& corpus) {
  std::atomic<size_t>& threshold = alignmentIndexThreshold();
  const size_t before = threshold.load();
  const CorpusSnapshot snapshot = corpus.snapshot();
  threshold = 0;
  const std::vector<std::string> indexed = namesOf(analyze(snapshot));
  threshold = SIZE_MAX;
  const std::vector<std::string> everyPair = namesOf(analyze(snapshot));
  threshold = before;
  EXPECT_FALSE(everyPair.empty());
  EXPECT_EQ(indexed, everyPair);
}

TEST(NameAlignment, TheIndexGivesWhatComparingEveryPairGivesOnTheSample) {
  expectIndexChangesNothing(testing::loadFolder(testing::examplesDir(), true));
}

// Names drawn from small pools, with variant spellings of first names and surnames and
// titles, in random order (a fixed seed): many forms per part, most pairs of them not one
// person.
TEST(NameAlignment, TheIndexGivesWhatComparingEveryPairGivesOnManyForms) {
  const std::vector<std::string> firsts = {"Zbigniewa", "Zbygniewa", "Mirosława", "Miroslava",
                                           "Kasimir",   "Kazimir",   "Wiesław",   "Wieslaw"};
  const std::vector<std::string> lasts = {"Brzostek", "Brzostec", "Chmielak", "Chmieliak",
                                          "Dziubek",  "Grzelak",  "Grzeliak", "Jankowiak",
                                          "Kubacki",  "Kubacky",  "Lisiecki", "Mrozek"};
  const std::vector<std::string> towns = {"Gdansk", "Krakow", "Lodz", "Poznan", "Lublin"};
  std::mt19937 random(20261126);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  Corpus corpus(workspace::loadLexicon());
  for (int d = 0; d < 120; ++d) {
    std::string text = "Date: 2024-11-";
    text += std::to_string(10 + d % 20) + "\n\n";
    for (int sentence = 0; sentence < 4; ++sentence) {
      const std::string name = random() % 5 == 0 ? pick(lasts) : pick(firsts) + " " + pick(lasts);
      const std::string town = pick(towns);
      text += (random() % 3 == 0 ? "Mayor " : "") + name + " visited " + town + " on Monday, and " +
              name + " met officials of " + town + ".\n";
    }
    corpus.upsert(std::to_string(1000 + d) + ".txt", text);
  }
  expectIndexChangesNothing(corpus);
}

} // namespace
} // namespace newslint::analysis
