// Recording decisions in the register: each kind of change, and the stable formatting
// (sorted keys, two-space indent, final newline) that keeps diffs small.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {
namespace {

using analysis::RegisterChange;
using Kind = analysis::RegisterChange::Kind;
using ::testing::IsEmpty;

RegisterChange change(Kind kind, std::string first, std::string second) {
  RegisterChange out;
  out.kind = kind;
  out.first = std::move(first);
  out.second = std::move(second);
  return out;
}

/// Applies the change, which must succeed, and checks the result reads back cleanly.
std::string apply(std::string_view text, Kind kind, std::string first, std::string second) {
  auto edited = tryApplyRegisterChange(text, change(kind, std::move(first), std::move(second)));
  EXPECT_TRUE(edited.has_value());
  if (!edited) {
    return std::string(text);
  }
  const LoadedConfig loaded = parseConfig(*edited);
  EXPECT_TRUE(loaded.parsed);
  for (const auto& problem : loaded.problems) {
    EXPECT_NE(problem.severity, analysis::Severity::Error) << problem.message << "\n" << *edited;
  }
  return *edited;
}

TEST(RegisterEdit, UseCanonicalCreatesTheFirstEntityOfANewRegister) {
  EXPECT_EQ(apply("", Kind::UseCanonical, "Bouthaina Shaaban", "Buthaina Shaaban"),
            R"({
  "entities": [
    {
      "canonical": "Bouthaina Shaaban",
      "variants": []
    }
  ]
}
)");
}

// A house spelling makes every other spelling reported: the spelling it replaces is not
// kept as an accepted variant.
TEST(RegisterEdit, UseCanonicalPromotesAVariantAndDropsTheOldCanonical) {
  const std::string text = R"({"entities": [{"canonical": "Buthaina Shaaban",
    "variants": ["Bouthaina Shaaban", "Bouthaina Chaabane"], "note": "AFP style"}],
    "checks": {"name-variant": "warning"}})";
  EXPECT_EQ(apply(text, Kind::UseCanonical, "Bouthaina Shaaban", "Buthaina Shaaban"),
            R"({
  "checks": {
    "name-variant": "warning"
  },
  "entities": [
    {
      "canonical": "Bouthaina Shaaban",
      "note": "AFP style",
      "variants": [
        "Bouthaina Chaabane"
      ]
    }
  ]
}
)");
}

TEST(RegisterEdit, UseCanonicalFindsTheEntityByEitherSpelling) {
  // `second` is unknown, `first` is a variant: `first` becomes canonical, and neither the old
  // canonical nor `second` is accepted.
  const std::string text = R"({"entities": [{"canonical": "Ahmad al-Sharaa",
    "variants": ["Ahmed al-Sharaa"]}]})";
  const LoadedConfig loaded =
      parseConfig(apply(text, Kind::UseCanonical, "Ahmed al-Sharaa", "Ahmed al-Shara"));
  ASSERT_EQ(loaded.config.entities.size(), 1u);
  EXPECT_EQ(loaded.config.entities[0].canonical, "Ahmed al-Sharaa");
  EXPECT_TRUE(loaded.config.entities[0].variants.empty());
}

TEST(RegisterEdit, UseCanonicalMergesTheEntitiesOfBothSpellings) {
  const std::string text = R"({
  "entities": [
    {"canonical": "Assad", "variants": ["al-Assad"], "decidedBy": "desk"},
    {"canonical": "Asad", "variants": ["al-Asad"], "note": "older style"}
  ],
  "distinct": [["Assad", "Asad"], ["Assad", "Bashar"]]
})";
  const std::string edited = apply(text, Kind::UseCanonical, "Assad", "Asad");
  const LoadedConfig loaded = parseConfig(edited);
  ASSERT_EQ(loaded.config.entities.size(), 1u) << edited;
  const auto& entity = loaded.config.entities[0];
  EXPECT_EQ(entity.canonical, "Assad");
  EXPECT_EQ(entity.variants, (std::vector<std::string>{"al-Asad", "al-Assad"}));
  EXPECT_EQ(entity.note, "older style");
  EXPECT_EQ(entity.decidedBy, "desk");
  // The contradicting distinct pair is gone; the other one stays.
  EXPECT_EQ(loaded.config.distinct,
            (std::vector<std::pair<std::string, std::string>>{{"Assad", "Bashar"}}));
}

TEST(RegisterEdit, AcceptVariantAddsToTheEntityOrCreatesIt) {
  std::string text = apply("{}", Kind::AcceptVariant, "Hay'at Tahrir al-Sham", "HTS");
  EXPECT_EQ(text, R"({
  "entities": [
    {
      "canonical": "Hay'at Tahrir al-Sham",
      "variants": [
        "HTS"
      ]
    }
  ]
}
)");
  // `first` may be a variant already; the new spelling joins the same entity.
  text = apply(text, Kind::AcceptVariant, "HTS", "Hayat Tahrir al-Sham");
  // Accepting twice changes nothing.
  EXPECT_EQ(apply(text, Kind::AcceptVariant, "HTS", "Hayat Tahrir al-Sham"), text);
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_EQ(loaded.config.entities.size(), 1u);
  EXPECT_EQ(loaded.config.entities[0].variants,
            (std::vector<std::string>{"HTS", "Hayat Tahrir al-Sham"}));
}

TEST(RegisterEdit, AcceptVariantOfAnUnknownNameJoinsTheVariantsEntity) {
  const std::string text = R"({"entities": [{"canonical": "Damascus", "variants": ["Dimashq"]}]})";
  const LoadedConfig loaded = parseConfig(apply(text, Kind::AcceptVariant, "Damas", "Dimashq"));
  ASSERT_EQ(loaded.config.entities.size(), 1u);
  EXPECT_EQ(loaded.config.entities[0].variants, (std::vector<std::string>{"Dimashq", "Damas"}));
}

TEST(RegisterEdit, MarkDistinctAddsASortedPairOnce) {
  std::string text = apply("", Kind::MarkDistinct, "Iyad Makhlouf", "Ihab Makhlouf");
  EXPECT_EQ(text, R"({
  "distinct": [
    [
      "Ihab Makhlouf",
      "Iyad Makhlouf"
    ]
  ]
}
)");
  EXPECT_EQ(apply(text, Kind::MarkDistinct, "Ihab Makhlouf", "Iyad Makhlouf"), text);
  EXPECT_EQ(apply(text, Kind::MarkDistinct, "Iyad Makhlouf", "Ihab Makhlouf"), text);
  const std::string group = R"({"distinct": [["C", "B", "A"]]})";
  EXPECT_EQ(
      apply(group, Kind::MarkDistinct, "A", "C"),
      "{\n  \"distinct\": [\n    [\n      \"C\",\n      \"B\",\n      \"A\"\n    ]\n  ]\n}\n");
}

TEST(RegisterEdit, SetPublishedCreatesOrUpdatesTheSource) {
  std::string text = apply("", Kind::SetPublished, "002_bf82ed2b7bc21197.txt", "2024-12-14");
  EXPECT_EQ(text, R"({
  "sources": {
    "002_bf82ed2b7bc21197.txt": {
      "published": "2024-12-14"
    }
  }
}
)");
  text = R"({"sources": {"a.txt": {"outlet": "AP", "published": "2024-01-01"}}})";
  const LoadedConfig loaded = parseConfig(apply(text, Kind::SetPublished, "a.txt", "2024-01-02"));
  EXPECT_EQ(loaded.config.sources.at("a.txt").published, (analysis::CivilDate{2024, 1, 2}));
  EXPECT_EQ(loaded.config.sources.at("a.txt").outlet, "AP");
}

TEST(RegisterEdit, OutputIsStableAndKeepsUnicodeAndUnknownParts) {
  const std::string text =
      "{\"zeta\": {\"b\": 1, \"a\": [3, 1]}, \"entities\": [{\"canonical\": \"Türkiye\"}]}";
  const std::string once = apply(text, Kind::AcceptVariant, "Türkiye", "Turkey");
  EXPECT_NE(once.find("\"Türkiye\""), std::string::npos) << once; // not \u-escaped
  EXPECT_LT(once.find("\"entities\""), once.find("\"zeta\""));
  EXPECT_LT(once.find("\"a\""), once.find("\"b\""));
  EXPECT_EQ(once.back(), '\n');
  EXPECT_EQ(once.find('\t'), std::string::npos);
  // Re-applying any recorded decision is a no-op on the bytes.
  EXPECT_EQ(apply(once, Kind::AcceptVariant, "Türkiye", "Turkey"), once);
  const std::string house = apply(once, Kind::UseCanonical, "Türkiye", "Turkey");
  EXPECT_EQ(house.find("\"Turkey\""), std::string::npos) << house; // reported, not accepted
  EXPECT_EQ(apply(house, Kind::UseCanonical, "Türkiye", "Turkey"), house);
}

TEST(RegisterEdit, UnusableTextOrChangesLeaveTheTextUnchanged) {
  const auto expectRefused = [](std::string_view text, const RegisterChange& refused) {
    EXPECT_EQ(tryApplyRegisterChange(text, refused), std::nullopt) << text;
    EXPECT_EQ(applyRegisterChange(text, refused), text);
  };
  const RegisterChange good = change(Kind::MarkDistinct, "A", "B");
  expectRefused("{\"entities\": [", good);
  expectRefused("{\"distinct\": [}", good);
  expectRefused("[]", good);
  expectRefused("\"text\"", good);
  expectRefused("{\"distinct\": {}}", good);
  expectRefused("{\"entities\": 1}", change(Kind::UseCanonical, "A", "B"));
  expectRefused("{\"entities\": [{\"canonical\": \"A\", \"variants\": 1}]}",
                change(Kind::AcceptVariant, "A", "B"));
  expectRefused("{\"sources\": []}", change(Kind::SetPublished, "a.txt", "2024-01-01"));
  expectRefused("{\"sources\": {\"a.txt\": 1}}", change(Kind::SetPublished, "a.txt", "2024-01-01"));
  expectRefused("{}", change(Kind::SetPublished, "a.txt", "2024-02-30"));
  expectRefused("{}", change(Kind::MarkDistinct, "A", "A"));
  expectRefused("{}", change(Kind::AcceptVariant, "", "B"));
  std::string deep = "{\"x\": " + std::string(200, '[') + std::string(200, ']') + "}";
  expectRefused(deep, good);
}

TEST(RegisterEdit, KeepsAByteOrderMarkedRegisterUsable) {
  const std::string edited = apply("\xEF\xBB\xBF{}", Kind::MarkDistinct, "A", "B");
  EXPECT_EQ(edited, "{\n  \"distinct\": [\n    [\n      \"A\",\n      \"B\"\n    ]\n  ]\n}\n");
}

} // namespace
} // namespace newslint::workspace
