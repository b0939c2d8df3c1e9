// The register parser: malformed JSON, wrong types, unknown keys and conflicting
// decisions are reported at their line and column; the usable rest is kept.
#include <algorithm>
#include <random>
#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "newslint/analysis/checks.h"
#include "newslint/workspace/workspace.h"

namespace newslint::workspace {
namespace {

using analysis::Severity;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

/// The problems whose message contains `needle`.
std::vector<ConfigProblem> problemsAbout(const LoadedConfig& loaded, std::string_view needle) {
  std::vector<ConfigProblem> out;
  for (const auto& problem : loaded.problems) {
    if (problem.message.find(needle) != std::string::npos) {
      out.push_back(problem);
    }
  }
  return out;
}

std::string describe(const LoadedConfig& loaded) {
  std::string out;
  for (const auto& problem : loaded.problems) {
    out += std::to_string(problem.line) + ":" + std::to_string(problem.column) + " " +
           problem.message + "\n";
  }
  return out;
}

/// The 0-based line and column of the first occurrence of `needle` in `text`.
std::pair<uint32_t, uint32_t> positionOf(std::string_view text, std::string_view needle) {
  const size_t offset = text.find(needle);
  if (offset == std::string_view::npos) {
    ADD_FAILURE() << "not in the text: " << needle;
    return {0, 0};
  }
  uint32_t line = 0;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  return {line, static_cast<uint32_t>(offset - lineStart)};
}

void expectAt(const ConfigProblem& problem, std::pair<uint32_t, uint32_t> position) {
  EXPECT_EQ(problem.line, position.first) << problem.message;
  EXPECT_EQ(problem.column, position.second) << problem.message;
}

constexpr std::string_view kFullRegister = R"({
  "$schema": "./newslint.schema.json",
  "documents": { "include": ["**/*.txt", "wire/*.md"], "exclude": ["drafts/**"] },
  "sources": {
    "002_bf82ed2b7bc21197.txt": { "published": "2024-12-14", "outlet": "Reuters", "language": "en" }
  },
  "entities": [
    { "canonical": "Bouthaina Shaaban", "variants": ["Buthaina Shaaban"],
      "note": "Syrian presidency style", "decidedBy": "desk" }
  ],
  "distinct": [ ["Iyad Makhlouf", "Ihab Makhlouf"] ],
  "checks": { "name-variant": "warning", "date-conflict": "error", "impossible-date": "off" }
}
)";

TEST(ParseConfig, ReadsEveryPartOfAWellFormedRegister) {
  const LoadedConfig loaded = parseConfig(kFullRegister);
  ASSERT_TRUE(loaded.parsed);
  const auto& config = loaded.config;
  EXPECT_EQ(config.include, (std::vector<std::string>{"**/*.txt", "wire/*.md"}));
  EXPECT_EQ(config.exclude, (std::vector<std::string>{"drafts/**"}));
  ASSERT_EQ(config.sources.count("002_bf82ed2b7bc21197.txt"), 1u);
  const auto& source = config.sources.at("002_bf82ed2b7bc21197.txt");
  EXPECT_EQ(source.published, (analysis::CivilDate{2024, 12, 14}));
  EXPECT_EQ(source.outlet, "Reuters");
  EXPECT_EQ(source.language, "en");
  ASSERT_EQ(config.entities.size(), 1u);
  EXPECT_EQ(config.entities[0].canonical, "Bouthaina Shaaban");
  EXPECT_EQ(config.entities[0].variants, std::vector<std::string>{"Buthaina Shaaban"});
  EXPECT_EQ(config.entities[0].note, "Syrian presidency style");
  EXPECT_EQ(config.entities[0].decidedBy, "desk");
  ASSERT_EQ(config.distinct.size(), 1u);
  EXPECT_EQ(config.distinct[0],
            (std::pair<std::string, std::string>{"Ihab Makhlouf", "Iyad Makhlouf"}));
  EXPECT_EQ(config.checks.at("name-variant"), Severity::Warning);
  EXPECT_EQ(config.checks.at("date-conflict"), Severity::Error);
  EXPECT_EQ(config.checks.at("impossible-date"), Severity::Off);
  // Check codes are validated against the registry; the rest must be clean.
  for (const auto& problem : loaded.problems) {
    EXPECT_THAT(problem.message, HasSubstr("unknown check")) << describe(loaded);
  }
}

TEST(ParseConfig, EmptyTextIsAnEmptyRegister) {
  for (std::string_view text : {"", "  \n", "\xEF\xBB\xBF"}) {
    const LoadedConfig loaded = parseConfig(text);
    EXPECT_TRUE(loaded.parsed);
    EXPECT_THAT(loaded.problems, IsEmpty());
    EXPECT_EQ(loaded.config.include, std::vector<std::string>{"**/*.txt"});
  }
}

TEST(ParseConfig, MalformedJsonIsReportedAtTheOffendingCharacter) {
  const std::string text = "{\n  \"entities\": [\n    { \"canonical\": \"Assad\", }\n  ]\n}\n";
  const LoadedConfig loaded = parseConfig(text);
  EXPECT_FALSE(loaded.parsed);
  ASSERT_EQ(loaded.problems.size(), 1u);
  const auto& problem = loaded.problems[0];
  EXPECT_EQ(problem.severity, Severity::Error);
  EXPECT_THAT(problem.message, HasSubstr("malformed JSON"));
  EXPECT_THAT(problem.message, ::testing::Not(HasSubstr("json.exception")));
  // The '}' after the trailing comma.
  EXPECT_EQ(problem.line, 2u);
  EXPECT_EQ(problem.column, std::string_view("    { \"canonical\": \"Assad\", ").size());
  EXPECT_THAT(loaded.config.entities, IsEmpty());
}

TEST(ParseConfig, MalformedJsonPositionsCountCrLfAndBom) {
  {
    const LoadedConfig loaded = parseConfig("{\r\n  \"checks\": x\r\n}");
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].line, 1u);
    EXPECT_EQ(loaded.problems[0].column, 12u);
  }
  {
    // Columns are bytes of the text as given, the BOM included.
    const LoadedConfig loaded = parseConfig("\xEF\xBB\xBF{,}");
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].line, 0u);
    EXPECT_EQ(loaded.problems[0].column, 4u);
  }
}

TEST(ParseConfig, TruncatedTextIsReportedAtItsEnd) {
  const std::string text = "{\n  \"entities\": [";
  const LoadedConfig loaded = parseConfig(text);
  EXPECT_FALSE(loaded.parsed);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(loaded.problems[0].line, 1u);
  EXPECT_EQ(loaded.problems[0].column, 15u);
}

TEST(ParseConfig, InvalidUtf8IsMalformed) {
  const LoadedConfig loaded = parseConfig("{\"entities\": [{\"canonical\": \"A\xFF\"}]}");
  EXPECT_FALSE(loaded.parsed);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(loaded.problems[0].column, 30u);
}

TEST(ParseConfig, ARootThatIsNotAnObjectIsUnusable) {
  const LoadedConfig loaded = parseConfig("[1, 2]");
  EXPECT_FALSE(loaded.parsed);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_THAT(loaded.problems[0].message, HasSubstr("must be a JSON object"));
}

TEST(ParseConfig, WrongTypesAreReportedAndOnlyThatPartIgnored) {
  const std::string text = R"({
  "documents": { "include": "*.txt", "exclude": ["old/**", 7] },
  "entities": [
    { "canonical": "Bouthaina Shaaban", "variants": "Buthaina Shaaban", "note": 3 },
    "Assad",
    { "canonical": "Ahmed al-Sharaa", "variants": ["Ahmad al-Sharaa", null] }
  ],
  "sources": { "a.txt": "2024-12-14", "b.txt": { "published": 20241214 } },
  "distinct": [ "Ihab Makhlouf", ["Ihab Makhlouf", "Iyad Makhlouf"] ],
  "checks": { "name-variant": 2 }
})";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed) << describe(loaded);
  const auto& config = loaded.config;

  auto include = problemsAbout(loaded, "documents.include:");
  ASSERT_EQ(include.size(), 1u) << describe(loaded);
  EXPECT_EQ(include[0].severity, Severity::Error);
  EXPECT_THAT(include[0].message, HasSubstr("expected an array of glob strings, found a string"));
  expectAt(include[0], positionOf(text, "\"include\""));
  EXPECT_EQ(config.include, std::vector<std::string>{"**/*.txt"}); // the default stays

  auto exclude = problemsAbout(loaded, "documents.exclude[1]:");
  ASSERT_EQ(exclude.size(), 1u) << describe(loaded);
  expectAt(exclude[0], positionOf(text, "7]"));
  EXPECT_EQ(config.exclude, std::vector<std::string>{"old/**"});

  EXPECT_EQ(problemsAbout(loaded, "entities[0].variants: expected an array").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "entities[0].note: expected a string").size(), 1u);
  auto notAnEntity = problemsAbout(loaded, "entities[1]:");
  ASSERT_EQ(notAnEntity.size(), 1u) << describe(loaded);
  expectAt(notAnEntity[0], positionOf(text, "\"Assad\""));
  EXPECT_EQ(problemsAbout(loaded, "entities[2].variants[1]: expected").size(), 1u);
  ASSERT_EQ(config.entities.size(), 2u);
  EXPECT_EQ(config.entities[0].canonical, "Bouthaina Shaaban");
  EXPECT_THAT(config.entities[0].variants, IsEmpty());
  EXPECT_EQ(config.entities[1].variants, std::vector<std::string>{"Ahmad al-Sharaa"});

  EXPECT_EQ(problemsAbout(loaded, "sources[\"a.txt\"]: expected an object").size(), 1u);
  auto published = problemsAbout(loaded, "sources[\"b.txt\"].published: expected a date");
  ASSERT_EQ(published.size(), 1u) << describe(loaded);
  expectAt(published[0], positionOf(text, "\"published\""));
  ASSERT_EQ(config.sources.count("b.txt"), 1u);
  EXPECT_FALSE(config.sources.at("b.txt").published.has_value());

  EXPECT_EQ(problemsAbout(loaded, "distinct[0]: expected an array").size(), 1u);
  EXPECT_EQ(config.distinct.size(), 1u);

  EXPECT_EQ(problemsAbout(loaded, "checks.name-variant: expected a severity").size(), 1u);
  EXPECT_EQ(config.checks.count("name-variant"), 0u);
}

TEST(ParseConfig, FollowLinksOutsideIsABooleanOffByDefault) {
  EXPECT_FALSE(parseConfig("{}").config.followLinksOutside);
  const LoadedConfig on = parseConfig(R"({"documents": {"followLinksOutside": true}})");
  EXPECT_THAT(on.problems, IsEmpty()) << describe(on);
  EXPECT_TRUE(on.config.followLinksOutside);
  const std::string text = R"({"documents": {"followLinksOutside": "yes"}})";
  const LoadedConfig wrong = parseConfig(text);
  ASSERT_TRUE(wrong.parsed);
  auto problems = problemsAbout(wrong, "documents.followLinksOutside: expected true or false");
  ASSERT_EQ(problems.size(), 1u) << describe(wrong);
  expectAt(problems[0], positionOf(text, "\"followLinksOutside\""));
  EXPECT_FALSE(wrong.config.followLinksOutside);
}

TEST(ParseConfig, WrongTypesAtTheTopLevelKeepTheDefaults) {
  const LoadedConfig loaded = parseConfig(
      R"({"documents": [], "sources": [], "entities": {}, "distinct": 1, "checks": []})");
  ASSERT_TRUE(loaded.parsed);
  EXPECT_EQ(loaded.problems.size(), 5u) << describe(loaded);
  for (const auto& problem : loaded.problems) {
    EXPECT_EQ(problem.severity, Severity::Error);
    EXPECT_THAT(problem.message, HasSubstr("expected"));
  }
  EXPECT_EQ(loaded.config.include, std::vector<std::string>{"**/*.txt"});
}

TEST(ParseConfig, UnknownKeysAreWarningsNamingTheKey) {
  const std::string text = "{\n  \"entites\": [],\n  \"sources\": { \"a.txt\": { \"publshed\": "
                           "\"2024-01-01\", \"outlet\": \"AP\" } },\n  \"zzz\": 1\n}";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed);
  ASSERT_EQ(loaded.problems.size(), 3u) << describe(loaded);
  for (const auto& problem : loaded.problems) {
    EXPECT_EQ(problem.severity, Severity::Warning);
  }
  auto top = problemsAbout(loaded, "entites");
  ASSERT_EQ(top.size(), 1u);
  EXPECT_THAT(top[0].message, HasSubstr("unknown key"));
  EXPECT_THAT(top[0].message, HasSubstr("did you mean \"entities\""));
  expectAt(top[0], positionOf(text, "\"entites\""));
  auto nested = problemsAbout(loaded, "sources[\"a.txt\"].publshed");
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_THAT(nested[0].message, HasSubstr("did you mean \"published\""));
  expectAt(nested[0], positionOf(text, "\"publshed\""));
  EXPECT_EQ(problemsAbout(loaded, "zzz: unknown key").size(), 1u);
  EXPECT_EQ(loaded.config.sources.at("a.txt").outlet, "AP"); // the rest is kept
}

TEST(ParseConfig, DuplicateKeysAreWarnedAboutAndTheLastWins) {
  const std::string text = "{\n  \"checks\": {\"name-variant\": \"error\"},\n"
                           "  \"checks\": {\"name-variant\": \"hint\"}\n}";
  const LoadedConfig loaded = parseConfig(text);
  auto duplicate = problemsAbout(loaded, "duplicate key");
  ASSERT_EQ(duplicate.size(), 1u) << describe(loaded);
  EXPECT_EQ(duplicate[0].line, 2u);
  EXPECT_THAT(duplicate[0].message, HasSubstr("line 2"));
  EXPECT_EQ(loaded.config.checks.at("name-variant"), Severity::Hint);
}

TEST(ParseConfig, ASpellingInTwoEntitiesIsAConflict) {
  const std::string text = R"({"entities": [
  {"canonical": "Ahmed al-Sharaa", "variants": ["Ahmad al-Sharaa"]},
  {"canonical": "Ahmad al-Shara", "variants": ["Ahmad al-Sharaa", "Ahmed al-Shara"]}
]})";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed);
  auto conflict = problemsAbout(loaded, "entities[1].variants[0]");
  ASSERT_EQ(conflict.size(), 1u) << describe(loaded);
  EXPECT_EQ(conflict[0].severity, Severity::Error);
  EXPECT_THAT(conflict[0].message, HasSubstr("a variant of entities[0] (\"Ahmed al-Sharaa\")"));
  const size_t second = text.find("\"Ahmad al-Sharaa\"", text.find("Ahmad al-Shara\""));
  EXPECT_EQ(conflict[0].column, second - text.rfind('\n', second) - 1);
  EXPECT_EQ(conflict[0].line, 2u);
  ASSERT_EQ(loaded.config.entities.size(), 2u);
  EXPECT_EQ(loaded.config.entities[1].variants, std::vector<std::string>{"Ahmed al-Shara"});
}

TEST(ParseConfig, ACanonicalSpellingClaimedTwiceIsAConflict) {
  const LoadedConfig loaded = parseConfig(R"({"entities": [
    {"canonical": "Assad", "variants": ["al-Assad"]},
    {"canonical": "al-Assad"},
    {"canonical": "Assad", "variants": ["Asad"]}
  ]})");
  EXPECT_EQ(
      problemsAbout(loaded, "entities[1].canonical: \"al-Assad\" is already a variant").size(), 1u)
      << describe(loaded);
  EXPECT_EQ(
      problemsAbout(loaded, "entities[2].canonical: \"Assad\" is already the canonical").size(), 1u)
      << describe(loaded);
  ASSERT_EQ(loaded.config.entities.size(), 1u);
}

TEST(ParseConfig, AVariantDistinctFromItsCanonicalIsAConflict) {
  const std::string text = R"({
  "entities": [{"canonical": "Ihab Makhlouf", "variants": ["Iyad Makhlouf"]}],
  "distinct": [["Iyad Makhlouf", "Ihab Makhlouf"], ["Rami Makhlouf", "Ihab Makhlouf"]]
})";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed);
  auto conflict = problemsAbout(loaded, "distinct[0]");
  ASSERT_EQ(conflict.size(), 1u) << describe(loaded);
  EXPECT_EQ(conflict[0].severity, Severity::Error);
  EXPECT_THAT(conflict[0].message, HasSubstr("both spellings of entities[0]"));
  expectAt(conflict[0], positionOf(text, "[\"Iyad Makhlouf\", \"Ihab"));
  ASSERT_EQ(loaded.config.distinct.size(), 1u);
  EXPECT_EQ(loaded.config.distinct[0].first, "Ihab Makhlouf");
  EXPECT_EQ(loaded.config.distinct[0].second, "Rami Makhlouf");
}

TEST(ParseConfig, DistinctGroupsExpandToSortedUniquePairs) {
  const LoadedConfig loaded =
      parseConfig(R"({"distinct": [["C", "A", "B"], ["B", "A"], ["X"], ["Y", "Y"]]})");
  EXPECT_EQ(loaded.config.distinct,
            (std::vector<std::pair<std::string, std::string>>{{"A", "C"}, {"B", "C"}, {"A", "B"}}));
  EXPECT_EQ(problemsAbout(loaded, "distinct[2]: a distinct group needs two").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "distinct[3]: \"Y\" cannot be distinct from itself").size(), 1u);
}

TEST(ParseConfig, RedundantAndEmptySpellings) {
  const LoadedConfig loaded = parseConfig(
      R"({"entities": [{"canonical": "Assad", "variants": ["Assad", "Asad", "Asad", " "]},
                       {"canonical": ""}, {"variants": ["x"]}]})");
  EXPECT_EQ(problemsAbout(loaded, "entities[0].variants[0]: \"Assad\" is the canonical").size(), 1u)
      << describe(loaded);
  EXPECT_EQ(problemsAbout(loaded, "entities[0].variants[2]: \"Asad\" is listed twice").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "entities[0].variants[3]: must not be empty").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "entities[1].canonical: must not be empty").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "entities[2]: missing \"canonical\"").size(), 1u);
  ASSERT_EQ(loaded.config.entities.size(), 1u);
  EXPECT_EQ(loaded.config.entities[0].variants, std::vector<std::string>{"Asad"});
}

TEST(ParseConfig, InvalidDatesAreErrorsAtTheValue) {
  const std::string text = R"({"sources": {
  "a.txt": {"published": "2024-02-30"},
  "b.txt": {"published": "2024-02-29"},
  "c.txt": {"published": "2023-02-29"},
  "d.txt": {"published": "14/12/2024"}
}})";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed);
  auto a = problemsAbout(loaded, "sources[\"a.txt\"].published");
  ASSERT_EQ(a.size(), 1u) << describe(loaded);
  EXPECT_EQ(a[0].severity, Severity::Error);
  EXPECT_THAT(a[0].message, HasSubstr("\"2024-02-30\" is not a valid date"));
  expectAt(a[0], positionOf(text, "\"2024-02-30\""));
  EXPECT_THAT(problemsAbout(loaded, "b.txt"), IsEmpty());
  EXPECT_EQ(problemsAbout(loaded, "c.txt").size(), 1u);
  EXPECT_EQ(problemsAbout(loaded, "d.txt").size(), 1u);
  EXPECT_FALSE(loaded.config.sources.at("a.txt").published.has_value());
  EXPECT_EQ(loaded.config.sources.at("b.txt").published, (analysis::CivilDate{2024, 2, 29}));
}

TEST(ParseIsoDate, AcceptsRealDaysOnly) {
  EXPECT_EQ(parseIsoDate("2000-02-29"), (analysis::CivilDate{2000, 2, 29}));
  EXPECT_EQ(parseIsoDate("1900-02-29"), std::nullopt);
  EXPECT_EQ(parseIsoDate("2024-12-31"), (analysis::CivilDate{2024, 12, 31}));
  for (std::string_view bad : {"2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "2024-1-01",
                               "2024-01-01T00", "", "abcd-ef-gh", "2024/01/01"}) {
    EXPECT_EQ(parseIsoDate(bad), std::nullopt) << bad;
  }
}

TEST(ParseConfig, UnknownSeverityNamesAreErrors) {
  const std::string text =
      R"({"checks": {"name-variant": "warn", "date-conflict": "information"}})";
  const LoadedConfig loaded = parseConfig(text);
  auto severity = problemsAbout(loaded, "unknown severity");
  ASSERT_EQ(severity.size(), 1u) << describe(loaded);
  EXPECT_EQ(severity[0].severity, Severity::Error);
  EXPECT_THAT(severity[0].message, HasSubstr("checks.name-variant"));
  EXPECT_THAT(severity[0].message, HasSubstr("did you mean \"warning\""));
  expectAt(severity[0], positionOf(text, "\"warn\""));
  EXPECT_EQ(loaded.config.checks.count("name-variant"), 0u);
  EXPECT_EQ(loaded.config.checks.at("date-conflict"), Severity::Info);
}

TEST(ParseConfig, UnknownCheckCodesAreWarnings) {
  const LoadedConfig loaded = parseConfig(R"({"checks": {"no-such-check": "off"}})");
  auto unknown = problemsAbout(loaded, "checks.no-such-check: unknown check");
  ASSERT_EQ(unknown.size(), 1u) << describe(loaded);
  EXPECT_EQ(unknown[0].severity, Severity::Warning);
  if (analysis::findCheck("name-variant") != nullptr) {
    EXPECT_THAT(parseConfig(R"({"checks": {"name-variant": "off"}})").problems, IsEmpty());
  }
}

TEST(ParseConfig, BadGlobsAreReported) {
  const LoadedConfig loaded =
      parseConfig(R"({"documents": {"include": ["{a,b", "", "/abs/*.txt", "ok/*.txt"]}})");
  EXPECT_EQ(loaded.problems.size(), 3u) << describe(loaded);
  EXPECT_EQ(loaded.config.include, std::vector<std::string>{"ok/*.txt"});
  const LoadedConfig none = parseConfig(R"({"documents": {"include": []}})");
  EXPECT_EQ(problemsAbout(none, "no file is checked").size(), 1u);
  EXPECT_THAT(none.config.include, IsEmpty());
}

TEST(ParseConfig, SurvivesDeepNestingAndOddInput) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_FALSE(parseConfig(deep).parsed);
  const std::string nested = "{\"zzz\": " + deep + "}";
  const LoadedConfig loaded = parseConfig(nested);
  EXPECT_TRUE(loaded.parsed);
  EXPECT_EQ(problemsAbout(loaded, "zzz: unknown key").size(), 1u);
  for (std::string_view odd : {"{", "}", "nul", "\"", "{\"a\\", "\0", "{\"\\ud800\": 1}"}) {
    (void)parseConfig(odd); // never throws
  }
}

TEST(ParseConfig, NeverFailsOnMutatedRegisters) {
  // Deterministic mutations of a real register: deletions, insertions of JSON punctuation
  // and byte flips. Every problem must lie inside the text.
  std::mt19937 random(20241214);
  const std::string alphabet = "{}[]\",:0123456789-ae\\ \n\xC3\xFF";
  for (int round = 0; round < 3000; ++round) {
    std::string text(kFullRegister);
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = random() % text.size();
      switch (random() % 3) {
      case 0:
        text.erase(at, 1 + random() % 8);
        break;
      case 1:
        text.insert(at, 1, alphabet[random() % alphabet.size()]);
        break;
      default:
        text[at] = alphabet[random() % alphabet.size()];
        break;
      }
    }
    const LoadedConfig loaded = parseConfig(text);
    const auto lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
    for (const auto& problem : loaded.problems) {
      EXPECT_LE(problem.line, lines) << text;
      EXPECT_FALSE(problem.message.empty());
    }
    if (!loaded.parsed) {
      EXPECT_FALSE(loaded.problems.empty()) << text;
    }
  }
}

TEST(ParseConfig, ProblemsAreInTextOrderAndCapped) {
  std::string text = "{\"sources\": {";
  for (int i = 0; i < 2000; ++i) {
    text += std::string(i == 0 ? "" : ",") + "\n\"d" + std::to_string(i) + ".txt\": {\"x\": 1}";
  }
  text += "}, \"zzz\": 1}";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_TRUE(loaded.parsed);
  ASSERT_LT(loaded.problems.size(), 1000u);
  EXPECT_EQ(problemsAbout(loaded, "too many problems").size(), 1u);
  for (size_t i = 1; i < loaded.problems.size(); ++i) {
    EXPECT_LE(std::tie(loaded.problems[i - 1].line, loaded.problems[i - 1].column),
              std::tie(loaded.problems[i].line, loaded.problems[i].column));
  }
}

TEST(ParseConfig, KeysWithEscapesAreLocated) {
  const std::string text = "{\"sources\": {\"caf\\u00e9/x\\\"y.txt\": {\"bad\": 1}}}";
  const LoadedConfig loaded = parseConfig(text);
  ASSERT_EQ(loaded.problems.size(), 1u) << describe(loaded);
  EXPECT_THAT(loaded.problems[0].message, HasSubstr("sources[\"café/x\\\"y.txt\"].bad"));
  expectAt(loaded.problems[0], positionOf(text, "\"bad\""));
}

TEST(ConfigSchema, OffersEveryRegisteredCheck) {
  const auto schema = nlohmann::json::parse(configSchema());
  const auto& listed = schema.at("properties").at("checks").at("properties");
  for (const auto& check : analysis::allChecks()) {
    EXPECT_TRUE(listed.contains(std::string(check.code))) << check.code;
  }
  for (const auto& [code, value] : listed.items()) {
    EXPECT_NE(analysis::findCheck(code), nullptr) << code;
  }
}

TEST(ConfigSchema, IsDraft07JsonDescribingWhatTheParserAccepts) {
  const auto schema = nlohmann::json::parse(configSchema());
  EXPECT_EQ(schema.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema.at("type"), "object");
  // Every key the schema documents is one the parser knows, at each level.
  nlohmann::json sample = nlohmann::json::object();
  for (const auto& [key, value] : schema.at("properties").items()) {
    sample[key] = nullptr;
  }
  for (const auto& problem : parseConfig(sample.dump()).problems) {
    EXPECT_THAT(problem.message, ::testing::Not(HasSubstr("unknown key"))) << problem.message;
  }
  const auto& definitions = schema.at("definitions");
  nlohmann::json entity = nlohmann::json::object();
  for (const auto& [key, value] : definitions.at("entity").at("properties").items()) {
    entity[key] = key == "variants" ? nlohmann::json::array() : nlohmann::json("x");
  }
  nlohmann::json source = nlohmann::json::object();
  for (const auto& [key, value] : definitions.at("source").at("properties").items()) {
    source[key] = key == "published" ? "2024-01-01" : "x";
  }
  nlohmann::json documents = nlohmann::json::object();
  for (const auto& [key, value] :
       schema.at("properties").at("documents").at("properties").items()) {
    documents[key] =
        key == "followLinksOutside" ? nlohmann::json(true) : nlohmann::json::array({"*.txt"});
  }
  nlohmann::json checks = nlohmann::json::object();
  for (const auto& severity : definitions.at("severity").at("enum")) {
    checks = {{"name-variant", severity}};
    const LoadedConfig loaded = parseConfig(nlohmann::json({{"checks", checks}}).dump());
    EXPECT_THAT(problemsAbout(loaded, "severity"), IsEmpty()) << severity;
  }
  const nlohmann::json full = {{"entities", nlohmann::json::array({entity})},
                               {"sources", {{"a.txt", source}}},
                               {"documents", documents}};
  const LoadedConfig loaded = parseConfig(full.dump());
  EXPECT_TRUE(loaded.parsed);
  EXPECT_THAT(loaded.problems, IsEmpty()) << describe(loaded);
}

} // namespace
} // namespace newslint::workspace
