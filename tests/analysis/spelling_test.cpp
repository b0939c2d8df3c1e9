// Spelling keys and transliteration-aware similarity of name tokens.
#include "newslint/analysis/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace newslint::analysis {
namespace {

double sim(std::string_view a, std::string_view b) {
  return spellingSimilarity(spellingKey(a), spellingKey(b));
}

enum class Expect { Identical, High, Strong, Moderate, Different, Low };

// Identical: equal normalised keys. High: a variant on spelling alone. Strong: a variant
// with one strong piece of context evidence. Moderate: a variant once context agrees.
// Different: below identical. Low: never a candidate pair.
void check(std::string_view a, std::string_view b, Expect expected) {
  const double s = sim(a, b);
  const double reverse = sim(b, a);
  SCOPED_TRACE(std::string(a) + " / " + std::string(b) + " = " + std::to_string(s));
  EXPECT_DOUBLE_EQ(s, reverse);
  EXPECT_GE(s, 0.0);
  EXPECT_LE(s, 1.0);
  switch (expected) {
  case Expect::Identical:
    EXPECT_DOUBLE_EQ(s, 1.0);
    break;
  case Expect::High:
    EXPECT_GE(s, kSpellingVariantThreshold);
    break;
  case Expect::Strong:
    EXPECT_GE(s, 0.75);
    break;
  case Expect::Moderate:
    EXPECT_GE(s, 0.6);
    break;
  case Expect::Different:
    EXPECT_LT(s, 1.0);
    break;
  case Expect::Low:
    EXPECT_LT(s, 0.55);
    break;
  }
}

TEST(Spelling, TransliterationVariantsAreIdentical) {
  check("Shaaban", "Shabaan", Expect::Identical);
  check("Sergei", "Sergey", Expect::Identical);
  check("Hmeimim", "Hmeymim", Expect::Identical);
  check("Bouthaina", "Buthaina", Expect::Identical);
  check("Farouk", "Farouq", Expect::Identical);
  check("Hussein", "Hussain", Expect::Identical);
}

TEST(Spelling, TransliterationVariantsAreSimilar) {
  check("Ihab", "Ehab", Expect::High);
  check("Iyad", "Eyad", Expect::High);
  check("Ash-Shara", "al-Sharaa", Expect::High);
  check("Yisrael", "Israel", Expect::High);
  check("Sergei", "Sergej", Expect::High);
  check("Yuriy", "Yury", Expect::High);
  check("Smirnoff", "Smirnov", Expect::High);
  check("Tchekhov", "Chekhov", Expect::High);
  check("Vladimirovich", "Vladimirovi\u010d", Expect::High);
  check("Andrejevich", "Andreevich", Expect::High);
  check("Yevgeny", "Evgeny", Expect::High);
  check("Alexei", "Aleksei", Expect::High);
  check("Schultz", "Schulz", Expect::High);
  check("Makhlouf", "Makhluf", Expect::High);
  check("Chaabane", "Shaaban", Expect::High);
  check("Kaddafi", "Qaddafi", Expect::High);
}

TEST(Spelling, LooserVariantsNeedContext) {
  check("Mohamed", "Muhammad", Expect::Strong);
  check("Mohammed", "Muhammad", Expect::Strong);
  check("Tawfiq", "Toufik", Expect::Strong);
  check("Hussein", "Hossein", Expect::Strong);
  check("Gamal", "Jamal", Expect::Strong);
  check("Abdel", "Abdul", Expect::Strong);

  check("Inessa", "Anisa", Expect::Moderate);
  check("Zane", "Zein", Expect::Moderate);
}

TEST(Spelling, DistinctNamesAreNotVariants) {
  check("Ihab", "Iyad", Expect::Low);
  check("Iran", "Iraq", Expect::Different);
  check("Sunni", "Sunna", Expect::Different);
  check("Hafez", "Homs", Expect::Low);
  check("Qatar", "Karim", Expect::Low);
  check("Assad", "Asma", Expect::Low);
  check("Maher", "Makhlouf", Expect::Low);
  EXPECT_LT(sim("Iran", "Iraq"), kSpellingVariantThreshold);
  // Close spellings of different names stay below the spelling-alone threshold.
  EXPECT_LT(sim("Hassan", "Hussein"), kSpellingVariantThreshold);
  EXPECT_LT(sim("Omar", "Amr"), kSpellingVariantThreshold);
  EXPECT_LT(sim("Carla", "Carlo"), kSpellingVariantThreshold);
  EXPECT_LT(sim("Ivana", "Ivano"), kSpellingVariantThreshold);
  EXPECT_LT(sim("Marin", "Maron"), kSpellingVariantThreshold);
}

TEST(Spelling, KeysKeepApostrophesInExactOnly) {
  const SpellingKey key = spellingKey("Hay\u2019at");
  EXPECT_EQ(key.exact, "hay'at");
  EXPECT_EQ(key.normalized.find('\''), std::string::npos);
}

TEST(Spelling, DiacriticsAndNonAsciiLettersFold) {
  check("Sergueï", "Sergei", Expect::Identical);
  check("Hüseyin", "Huseyin", Expect::Identical);
  check("Søren", "Soren", Expect::Identical);
}

// The letters without a decomposition share one transliterator and one table of their
// ASCII across threads: keys made on several threads at once are the keys made on one.
TEST(Spelling, LettersWithoutDecompositionFoldAlikeOnEveryThread) {
  const std::vector<std::string> names = {"Søren", "Strauß", "Łódź",  "Ærø",   "Đorđe",
                                          "Işık",  "Þór",    "Œuvre", "Bjørn", "Wałęsa"};
  EXPECT_EQ(spellingKey("Strauß").normalized, "stross"); // ß: ss; au: o
  EXPECT_EQ(spellingKey("Łódź").normalized, "loj");      // ł: l; dz: j
  const auto keysOf = [&names] {
    std::vector<std::string> out;
    for (int round = 0; round < 50; ++round) {
      for (const std::string& name : names) {
        out.push_back(spellingKey(name).normalized);
      }
    }
    return out;
  };
  std::vector<std::vector<std::string>> keys(4);
  std::vector<std::thread> threads;
  for (auto& out : keys) {
    threads.emplace_back([&keysOf, &out] { out = keysOf(); });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  const std::vector<std::string> expected = keysOf();
  for (const auto& out : keys) {
    EXPECT_EQ(out, expected);
  }
}

TEST(Spelling, ArticleIsStripped) {
  EXPECT_EQ(stripArticle("al-sharaa"), "sharaa");
  EXPECT_EQ(stripArticle("el-sisi"), "sisi");
  EXPECT_EQ(stripArticle("ash-shara"), "shara");
  EXPECT_EQ(stripArticle("as-sadr"), "sadr");
  EXPECT_EQ(stripArticle("ad-din"), "din");
  EXPECT_EQ(stripArticle("an-nahar"), "nahar");
  EXPECT_EQ(stripArticle("at-tanf"), "tanf");
  EXPECT_EQ(stripArticle("ath-thawra"), "thawra");
  EXPECT_EQ(stripArticle("assad"), "assad");
  EXPECT_EQ(stripArticle("at-home"), "at-home");
  EXPECT_EQ(stripArticle("al-"), "al-");
  EXPECT_EQ(spellingKey("Al-Assad").exact, "assad");
}

TEST(Spelling, EmptyAndPunctuationTokens) {
  EXPECT_EQ(spellingKey("").normalized, "");
  EXPECT_DOUBLE_EQ(sim("", ""), 1.0);
  EXPECT_DOUBLE_EQ(sim("'", "-"), 0.0);
  EXPECT_LT(sim("", "Assad"), 0.5);
}

TEST(Spelling, VariantsShareABlockingKey) {
  const auto shares = [](std::string_view a, std::string_view b) {
    const auto ka = blockingKeys(spellingKey(a));
    const auto kb = blockingKeys(spellingKey(b));
    return std::any_of(ka.begin(), ka.end(), [&](const std::string& k) {
      return std::find(kb.begin(), kb.end(), k) != kb.end();
    });
  };
  EXPECT_TRUE(shares("Shaaban", "Chaabane"));
  EXPECT_TRUE(shares("Makhlouf", "Makhluf"));
  EXPECT_TRUE(shares("Mohamed", "Mehmet"));
  EXPECT_TRUE(shares("Zane", "Zein"));
  EXPECT_FALSE(shares("Qatar", "Homs"));
}

TEST(Spelling, DerivedForms) {
  EXPECT_TRUE(isDerivedForm("syria", "syrian"));
  EXPECT_TRUE(isDerivedForm("syrias", "syria"));
  EXPECT_TRUE(isDerivedForm("egypt", "egyptian"));
  EXPECT_TRUE(isDerivedForm("israel", "israeli"));
  EXPECT_TRUE(isDerivedForm("russia", "russian"));
  EXPECT_TRUE(isDerivedForm("europe", "european"));
  EXPECT_TRUE(isDerivedForm("moscow", "moscow's"));
  EXPECT_TRUE(isDerivedForm("turkey", "turkeys"));
  EXPECT_FALSE(isDerivedForm("syria", "syria"));
  EXPECT_FALSE(isDerivedForm("iran", "iraq"));
  EXPECT_FALSE(isDerivedForm("sam", "samir"));
  EXPECT_FALSE(isDerivedForm("al", "als"));
  // A model of a name: a hyphen and a number.
  EXPECT_TRUE(isDerivedForm("nucell", "nucell-50"));
  EXPECT_TRUE(isDerivedForm("boeing-747s", "boeing"));
  EXPECT_FALSE(isDerivedForm("nucell", "nucell-5b"));
  EXPECT_FALSE(isDerivedForm("nucell", "nucell-"));
}

TEST(Spelling, NumberedVersions) {
  EXPECT_TRUE(isNumberedVersion("karbala-7", "karbala-8"));
  EXPECT_TRUE(isNumberedVersion("dc-9s", "dc-10s"));
  EXPECT_FALSE(isNumberedVersion("karbala-7", "kerbala-7")); // a spelling of one version
  EXPECT_FALSE(isNumberedVersion("karbala-7", "karbala"));   // a model: isDerivedForm
  EXPECT_FALSE(isNumberedVersion("ex-im", "ex-in"));
}

} // namespace
} // namespace newslint::analysis
