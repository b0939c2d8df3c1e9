// NameParts: a mention's parts, one or two kept in the mention and more on the heap, read
// and copied as a vector of them would be.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "newslint/analysis/document.h"
#include "newslint/analysis/lexicon.h"
#include "newslint/analysis/names.h"
#include "newslint/workspace/workspace.h"

namespace newslint::analysis {
namespace {

NamePart part(uint32_t begin) {
  return {Span{begin, begin + 3}, InternedString("k" + std::to_string(begin))};
}

std::vector<uint32_t> begins(const NameParts& parts) {
  std::vector<uint32_t> out;
  for (const NamePart& p : parts) {
    out.push_back(p.span.begin);
  }
  return out;
}

NameParts partsUpTo(uint32_t count) {
  NameParts parts;
  for (uint32_t i = 0; i < count; ++i) {
    parts.push_back(part(10 * i));
  }
  return parts;
}

TEST(NameParts, KeepEveryPartInOrderPastTheTwoHeldInPlace) {
  for (uint32_t count = 0; count <= 9; ++count) {
    const NameParts parts = partsUpTo(count);
    ASSERT_EQ(parts.size(), count);
    EXPECT_EQ(parts.empty(), count == 0);
    EXPECT_EQ(parts.onHeap(), count > 2);
    std::vector<uint32_t> expected;
    for (uint32_t i = 0; i < count; ++i) {
      expected.push_back(10 * i);
      EXPECT_EQ(parts[i].key, "k" + std::to_string(10 * i));
    }
    EXPECT_EQ(begins(parts), expected) << count << " parts";
    if (count > 0) {
      EXPECT_EQ(parts.front().span.begin, 0U);
      EXPECT_EQ(parts.back().span.begin, 10 * (count - 1));
    }
  }
}

TEST(NameParts, CopiesAndMovesKeepThePartsAndLeaveTheSourceUsable) {
  for (const uint32_t count : {1U, 2U, 3U, 5U}) {
    NameParts original = partsUpTo(count);
    const std::vector<uint32_t> expected = begins(original);

    NameParts copy(original);
    EXPECT_EQ(begins(copy), expected);
    copy.push_back(part(99)); // the copy owns its parts
    EXPECT_EQ(begins(original), expected);

    NameParts assigned = partsUpTo(4);
    assigned = original;
    EXPECT_EQ(begins(assigned), expected);
    NameParts small = partsUpTo(1);
    small = copy; // from in place to the heap and back, both ways
    EXPECT_EQ(small.size(), count + 1);

    NameParts moved(std::move(original));
    EXPECT_EQ(begins(moved), expected);
    EXPECT_TRUE(original.empty()); // NOLINT(bugprone-use-after-move): the moved-from state
    original.push_back(part(7));
    EXPECT_EQ(begins(original), std::vector<uint32_t>{7});

    NameParts target = partsUpTo(6);
    target = std::move(moved);
    EXPECT_EQ(begins(target), expected);
    target = NameParts(target); // self-sized copy through a temporary
    EXPECT_EQ(begins(target), expected);
  }
}

TEST(NameParts, MentionsMovedWithTheirVectorKeepTheirParts) {
  // A document's mentions live in a vector that grows as they are found: parts held in place
  // move with their mention.
  std::vector<Mention> mentions;
  for (uint32_t m = 0; m < 100; ++m) {
    Mention mention;
    for (uint32_t i = 0; i <= m % 4; ++i) {
      mention.parts.push_back(part(1000 * m + i));
    }
    mentions.push_back(std::move(mention));
  }
  for (uint32_t m = 0; m < 100; ++m) {
    ASSERT_EQ(mentions[m].parts.size(), m % 4 + 1);
    for (uint32_t i = 0; i <= m % 4; ++i) {
      EXPECT_EQ(mentions[m].parts[i].span.begin, 1000 * m + i);
    }
  }
}

TEST(NameParts, ASurnameIsSharedByCoordinationOnlyFromAFirstNameAndASurname) {
  // "Ihab and Iyad Makhlouf": Ihab takes the surname. Not "Reagan and Nancy Reagan" (Reagan
  // is the surname already), nor "Reagan and White House officials" or "Britain and New
  // Zealand" (the last member starts with a word, not a first name).
  const auto lexicon = workspace::loadLexicon(); // with the dictionary's common words
  const Document doc =
      parseDocument("a.txt", "Ihab and Iyad Makhlouf met Reagan and Nancy Reagan on Monday. "
                             "President Reagan and White House officials spoke of Britain and "
                             "New Zealand.\n");
  std::vector<std::pair<std::string, std::string>> inherited; // (name, inherited surname)
  for (const Mention& m : extractMentions(doc, *lexicon)) {
    inherited.emplace_back(m.text(doc), m.inheritedKey().str());
  }
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Ihab", "makhlouf"}, {"Iyad Makhlouf", ""}, {"Reagan", ""},  {"Nancy Reagan", ""},
      {"Reagan", ""},       {"White House", ""},   {"Britain", ""}, {"New Zealand", ""}};
  EXPECT_EQ(inherited, expected);
}

} // namespace
} // namespace newslint::analysis
