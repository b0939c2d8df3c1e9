// The lexicon: the built-in list, dictionary and gazetteer loading, and the cached
// system lexicon. Tests do not depend on the system dictionary being installed.
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include <unistd.h>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {
namespace {

namespace fs = std::filesystem;

TEST(Lexicon, BuiltinKnowsSentenceStartersAndCountries) {
  const analysis::Lexicon lexicon = analysis::Lexicon::builtin();
  EXPECT_FALSE(lexicon.empty());
  for (const char* word : {"the", "in", "according", "however", "sources", "rebels", "reports",
                           "meanwhile", "even", "three"}) {
    EXPECT_TRUE(lexicon.isCommonWord(word)) << word;
    EXPECT_FALSE(lexicon.isPlace(word)) << word;
  }
  // With the short forms the news writes and ISO 3166 does not name.
  for (const char* place : {"syria", "lebanon", "united states", "turkiye", "turkey", "britain",
                            "great britain", "england", "new zealand", "zaire"}) {
    EXPECT_TRUE(lexicon.isPlace(place)) << place;
    EXPECT_TRUE(lexicon.isProperName(place)) << place;
  }
  EXPECT_FALSE(lexicon.isCommonWord("assad"));
  EXPECT_FALSE(lexicon.isProperName("assad"));
  EXPECT_FALSE(lexicon.isCommonWord("The")); // lookups take folded keys
  const std::string_view inText = "in britain, and";
  EXPECT_TRUE(lexicon.isPlace(inText.substr(3, 7))); // a view need not end a string
}

TEST(Lexicon, AddWordSortsEntriesByTheirCase) {
  analysis::Lexicon lexicon;
  EXPECT_TRUE(lexicon.empty());
  lexicon.addWord("house");
  lexicon.addWord("Damascus");
  lexicon.addWord("Ölüdeniz");
  lexicon.addWord("3D");
  lexicon.addWord("");
  EXPECT_TRUE(lexicon.isCommonWord("house"));
  EXPECT_FALSE(lexicon.isProperName("house"));
  EXPECT_TRUE(lexicon.isProperName("damascus"));
  EXPECT_FALSE(lexicon.isCommonWord("damascus"));
  EXPECT_FALSE(lexicon.isPlace("damascus"));
  EXPECT_TRUE(lexicon.isProperName("oludeniz"));
  EXPECT_FALSE(lexicon.isCommonWord("3d"));
  lexicon.addPlace("Aleppo");
  EXPECT_TRUE(lexicon.isPlace("aleppo"));
}

class BuildLexicon : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newslint_lexicon_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const char* name, std::string_view text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(BuildLexicon, AddsDictionaryWordsAndCountryNames) {
  const fs::path dictionary = write("words", "aardvark\nAaron\nAaron's\nzebra\r\nZürich\n");
  const fs::path countries = write("iso.json", R"({"3166-1": [
    {"alpha_2": "SY", "name": "Syrian Arab Republic", "common_name": "Syria"},
    {"alpha_2": "IR", "name": "Iran, Islamic Republic of", "official_name": "Islamic Republic of Iran"},
    {"alpha_2": "XX"}, 7
  ]})");
  const analysis::Lexicon lexicon = buildLexicon(dictionary, countries);
  EXPECT_TRUE(lexicon.isCommonWord("aardvark"));
  EXPECT_TRUE(lexicon.isCommonWord("zebra"));
  EXPECT_TRUE(lexicon.isProperName("aaron"));
  EXPECT_FALSE(lexicon.isProperName("aaron's"));
  EXPECT_TRUE(lexicon.isProperName("zurich"));
  EXPECT_TRUE(lexicon.isPlace("syrian arab republic"));
  EXPECT_TRUE(lexicon.isPlace("iran, islamic republic of"));
  EXPECT_TRUE(lexicon.isPlace("iran"));
  EXPECT_TRUE(lexicon.isPlace("islamic republic of iran"));
  EXPECT_TRUE(lexicon.isCommonWord("according")); // the built-in list is kept
}

TEST_F(BuildLexicon, MissingOrMalformedSourcesAreSkipped) {
  const analysis::Lexicon none = buildLexicon(dir_ / "missing", "");
  EXPECT_TRUE(none.isCommonWord("the"));
  const analysis::Lexicon bad = buildLexicon(dir_, write("bad.json", "{\"3166-1\": [ oops"));
  EXPECT_TRUE(bad.isPlace("syria"));
}

TEST(LoadLexicon, IsBuiltOnceAndSharedAcrossThreads) {
  std::shared_ptr<const analysis::Lexicon> first;
  std::shared_ptr<const analysis::Lexicon> second;
  std::thread other([&] { second = loadLexicon(); });
  first = loadLexicon();
  other.join();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first, second);
  EXPECT_TRUE(first->isCommonWord("according"));
  if (fs::exists("/usr/share/dict/american-english") || fs::exists("/usr/share/dict/words")) {
    EXPECT_TRUE(first->isCommonWord("house"));
  }
  if (fs::exists("/usr/share/iso-codes/json/iso_3166-1.json")) {
    EXPECT_TRUE(first->isPlace("bolivia"));
  }
}

} // namespace
} // namespace newslint::workspace
