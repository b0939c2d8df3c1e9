// The word tables: what is added is found, what is not is not, through growth and clearing.
#include "newslint/analysis/word_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newslint::analysis {
namespace {

TEST(WordTable, FindsWhatWasAddedAndNothingElse) {
  WordMap<int> map;
  EXPECT_EQ(map.find("minister"), nullptr);
  EXPECT_TRUE(map.empty());
  const auto [value, added] = map.tryEmplace("minister", 7);
  EXPECT_TRUE(added);
  EXPECT_EQ(*value, 7);
  const auto [again, addedAgain] = map.tryEmplace("minister", 8);
  EXPECT_FALSE(addedAgain);
  EXPECT_EQ(*again, 7); // the first value stays
  ASSERT_NE(map.find("minister"), nullptr);
  EXPECT_EQ(*map.find("minister"), 7);
  EXPECT_EQ(map.find("ministers"), nullptr);
  EXPECT_EQ(map.find("Minister"), nullptr);
  EXPECT_EQ(map.find(""), nullptr);
  EXPECT_EQ(map.size(), 1U);
}

TEST(WordTable, KeepsEveryWordThroughGrowth) {
  // Lengths 0 to 40, so that keys end at every offset of an eight-byte read.
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) {
    words.push_back(std::string(static_cast<size_t>(i % 41), 'a') + std::to_string(i));
  }
  words.emplace_back(""); // the empty text is a key like any other
  WordMap<size_t> map;
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_TRUE(map.tryEmplace(words[i], i).second) << words[i];
  }
  EXPECT_EQ(map.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const size_t* found = map.find(words[i]);
    ASSERT_NE(found, nullptr) << words[i];
    EXPECT_EQ(*found, i);
  }
  // Prefixes and extensions of keys are other keys.
  EXPECT_EQ(map.find("aa1"), nullptr);
  EXPECT_EQ(map.find(words[100] + "0"), nullptr);
  EXPECT_EQ(map.find(words[100].substr(0, words[100].size() - 1)), nullptr);
}

TEST(WordTable, ComparesBytesBeyondTheHash) {
  // Texts that differ only past their first eight bytes, or only in their last byte.
  WordMap<int> map;
  map.tryEmplace("secretary-general", 1);
  map.tryEmplace("secretary-generaL", 2);
  map.tryEmplace("secretary", 3);
  EXPECT_EQ(*map.find("secretary-general"), 1);
  EXPECT_EQ(*map.find("secretary-generaL"), 2);
  EXPECT_EQ(*map.find("secretary"), 3);
  EXPECT_EQ(map.find("secretary-genera"), nullptr);
}

TEST(WordTable, IsEmptyAfterClearAndTakesNewWords) {
  WordMap<int> map;
  map.tryEmplace("dawn", 1);
  map.clear();
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find("dawn"), nullptr);
  EXPECT_TRUE(map.tryEmplace("dusk", 2).second);
  EXPECT_EQ(*map.find("dusk"), 2);
}

TEST(WordTable, SetOfAListAnswersMembership) {
  const std::vector<std::string> titles = {"mr", "mrs", "dr", "president"};
  const WordSet set(titles.begin(), titles.end());
  EXPECT_EQ(set.size(), 4U);
  EXPECT_TRUE(set.contains("dr"));
  EXPECT_TRUE(set.contains("president"));
  EXPECT_FALSE(set.contains("d"));
  EXPECT_FALSE(set.contains("presidents"));
  WordSet more;
  EXPECT_TRUE(more.insert("al"));
  EXPECT_FALSE(more.insert("al"));
}

} // namespace
} // namespace newslint::analysis
