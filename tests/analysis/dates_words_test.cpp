// The date scanner skips word tokens outside its word list (dates_words.h); that is only
// sound while the list holds every word the scanner's patterns compare with.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/corpus_fixture.h"
#include "../support/dates_fixture.h"
#include "dates_words.h"
#include "newslint/analysis/dates.h"

namespace newslint::analysis {
namespace {

TEST(ScannerWords, AreSortedForBinarySearch) {
  EXPECT_TRUE(std::is_sorted(kScannerWords.begin(), kScannerWords.end()));
  EXPECT_EQ(std::adjacent_find(kScannerWords.begin(), kScannerWords.end()), kScannerWords.end());
}

TEST(ScannerWords, TableFindsWhatTheBinarySearchFinds) {
  for (size_t i = 0; i < kScannerWords.size(); ++i) {
    EXPECT_EQ(kScannerWordTable.find(kScannerWords[i]), i + 1) << kScannerWords[i];
  }
  for (const std::string_view other : {"", "zanzibar", "the ", "th", "yesterdays", "a.m", "p.m.x",
                                       "\xC3\xA9t\xC3\xA9", "monday-"}) {
    EXPECT_EQ(kScannerWordTable.find(other), scannerWordId(other)) << other;
  }
  EXPECT_EQ(kScannerWordTable.find("zanzibar"), 0);
}

TEST(ScannerWords, HoldEveryWordTheScannerComparesWith) {
  std::ifstream in(std::string(NEWSLINT_SOURCE_DIR) + "/analysis/src/dates_extract.cpp");
  ASSERT_TRUE(in) << "cannot read the scanner's source";
  std::stringstream source;
  source << in.rdbuf();
  const std::string text = source.str();
  const std::regex literal(R"re("([a-z][a-z'.\-]*)")re");
  std::set<std::string> missing;
  size_t seen = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), literal);
       it != std::sregex_iterator(); ++it) {
    ++seen;
    const std::string word = (*it)[1];
    if (scannerWordId(word) == 0) {
      missing.insert(word);
    }
  }
  EXPECT_GT(seen, 300U);
  EXPECT_TRUE(missing.empty()) << "add to kScannerWords: " << ::testing::PrintToString(missing);
}

TEST(ScannerWords, ExpressionsAfterUnlistedWordsAreStillFound) {
  // Capitalised names and unlisted words around the expressions are skipped, the
  // expressions themselves are not.
  const DateFacts facts =
      extract("Zanzibar Quixote telephoned Kowalczyk at 10:30 pm on Saturday, and flew out "
              "three days later, around Christmas 2011.");
  std::vector<std::string> texts;
  for (const TimeExpression& e : facts.expressions) {
    texts.push_back(e.text);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"10:30 pm on Saturday", "three days later",
                                             "Christmas 2011"}));
}

/// Every expression of `text` as the scanner finds it: text, span and resolution fields.
std::vector<std::string> expressionsOf(const std::string& text) {
  std::vector<std::string> out;
  for (const TimeExpression& e : extract(text).expressions) {
    out.push_back(
        std::string(e.text) + "@" + std::to_string(e.span.begin) + " " + std::to_string(e.year) +
        "-" + std::to_string(e.month) + "-" + std::to_string(e.day) + " " + std::to_string(e.hour) +
        ":" + std::to_string(e.minute) + " r" + std::to_string(static_cast<int>(e.relation)) +
        " u" + std::to_string(static_cast<int>(e.unit)) + " o" + std::to_string(e.offset));
  }
  return out;
}

/// `word` (lowercase ASCII) with its first letter capitalised.
std::string capitalised(std::string_view word) {
  std::string out(word);
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// The expressions of `text` found by the scanner as it runs (skipping the places where no
/// pattern can start) and by trying every token.
struct SkipAndTry {
  std::vector<std::string> skipping;
  std::vector<std::string> trying;
};
SkipAndTry skipAndTry(const std::string& text) {
  std::atomic<bool>& every = scannerTriesEveryToken();
  SkipAndTry out;
  out.skipping = expressionsOf(text);
  every = true;
  out.trying = expressionsOf(text);
  every = false;
  return out;
}

// The scanner skips punctuation, unlisted words and the words it reads only around an
// expression (kContextOnlyWords). Each context-only word, lowercase and capitalised, before
// every listed word followed by a number, a year, a clock time, "of" and a month or a unit,
// and before a count or "a" and every listed word: the expressions are the ones trying every
// token finds.
TEST(ScannerWords, SkippingContextOnlyWordsFindsWhatTryingEveryTokenFinds) {
  std::string text;
  for (const ScannerWord context : kContextOnlyWords) {
    const std::string lower(kScannerWords[context.id() - 1]);
    const std::string upper = capitalised(lower);
    for (const std::string_view word : kScannerWords) {
      const std::string w(word);
      text += "x " + lower + " " + w + " 2 days ago; " + upper + " " + w + " of May 1990. " +
              lower + " " + w + " " + w + " 7:30 pm, " + lower + " " + w + " year-end, " + lower +
              " 3 " + w + ", " + lower + " " + w + " weeks ago, " + lower + " a " + w + ".\n";
    }
  }
  const SkipAndTry found = skipAndTry(text);
  EXPECT_GT(found.skipping.size(), 10000U);
  EXPECT_EQ(found.skipping, found.trying);
}

// The determiners skipped before an unlisted word (kListedNextWords), lowercase and
// capitalised, before each of a few unlisted words and then every listed word (lowercase and
// capitalised) followed by a count, "of" and a month, a clock time or "ago": the expressions
// are the ones trying every token finds. With "that" in the list this fails ("that fateful
// Sunday").
TEST(ScannerWords, SkippingDeterminersBeforeUnlistedWordsFindsWhatTryingEveryTokenFinds) {
  std::string text;
  for (const ScannerWord determiner : kListedNextWords) {
    const std::string lower(kScannerWords[determiner.id() - 1]);
    const std::string upper = capitalised(lower);
    for (const std::string_view unlisted : {"fateful", "minister", "Zanzibar", "busy"}) {
      ASSERT_EQ(scannerWordId(unlisted), 0) << unlisted;
      for (const std::string_view word : kScannerWords) {
        const std::string u(unlisted);
        const std::string w(word);
        const std::string cap = capitalised(w); // as weekdays, months and holidays are written
        text += "x " + lower + " " + u + " " + w + " 2 days ago; " + upper + " " + u + " " + cap +
                " of May 1990, " + lower + " " + u + " " + cap + " 7:30 pm, " + lower + " " + u +
                " " + w + " ago.\n";
      }
    }
  }
  const SkipAndTry found = skipAndTry(text);
  EXPECT_GT(found.skipping.size(), 1000U);
  EXPECT_EQ(found.skipping, found.trying);
}

// The same on the sample articles.
TEST(ScannerWords, SkippingFindsWhatTryingEveryTokenFindsInTheSample) {
  size_t expressions = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::examplesDir())) {
    if (entry.path().extension() != ".txt") {
      continue;
    }
    const SkipAndTry found = skipAndTry(testing::readFile(entry.path()));
    EXPECT_EQ(found.skipping, found.trying) << entry.path();
    expressions += found.skipping.size();
  }
  EXPECT_GT(expressions, 20U);
}

} // namespace
} // namespace newslint::analysis
