// The facts records of the two-step path (docs/scale.md): a record read back holds what was
// written, field by field.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "newslint/analysis/corpus.h"
#include "newslint/workspace/facts_io.h"

namespace newslint::workspace {
namespace {

namespace an = analysis;

// The facts of `text`, and those of its record read back.
struct RoundTrip {
  std::shared_ptr<const an::DocumentFacts> written;
  std::shared_ptr<const an::DocumentFacts> read;
  std::string line;
};

RoundTrip roundTrip(std::string_view text) {
  const an::Lexicon lexicon = an::Lexicon::builtin();
  RoundTrip out;
  out.written = an::extractFacts("a.txt", std::string(text), lexicon);
  out.line = factsToJsonLine(*out.written);
  std::string error;
  out.read = factsFromJsonLine(out.line, error);
  EXPECT_NE(out.read, nullptr) << error;
  return out;
}

// Each record of `read` equals the one of `written` at its place.
template <class T, class Describe>
void expectSameRecords(const std::vector<T>& written, const std::vector<T>& read,
                       const std::string& line, const Describe& describe) {
  ASSERT_EQ(read.size(), written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    EXPECT_TRUE(read[i] == written[i]) << describe(written[i]) << " in " << line;
  }
}

// Expressions that set the fields most stories leave at their defaults: a time zone, a
// named day and a day moved from it, a week of a date, a report's quarter, a whole unit.
constexpr std::string_view kText =
    "Date: 2024-12-14\n\n"
    "The envoy called at 9:30 p.m. EDT on Tuesday, and again at 10 a.m. ET the next day.\n"
    "Two days after Christmas the talks resumed in Vienna.\n"
    "Officials met in the week of March 6 and again in Easter week.\n"
    "The bank reported fourth-quarter profit a year ago.\n"
    "The week before the vote, on Thursday, last week, the minister spoke.\n"
    "In the 1990s and in the first half of 2023 the 21st century looked different.\n"
    "February 30, 2024 never came.\n";

TEST(FactsRecords, ATimeExpressionReadBackEqualsTheOneWritten) {
  const RoundTrip trip = roundTrip(kText);
  ASSERT_NE(trip.read, nullptr);
  const auto& facts = trip.written;
  expectSameRecords(facts->dates.expressions, trip.read->dates.expressions, trip.line,
                    [](const an::TimeExpression& e) { return e.text.str(); });
  // The text sets each field the records once left out.
  const auto any = [&](auto has) {
    return std::any_of(facts->dates.expressions.begin(), facts->dates.expressions.end(), has);
  };
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.zoneMinutes != e.kNoZone; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.zoneUsDst; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return !e.zone.empty(); }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.holiday != an::Holiday::None; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.holidayWeek; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.dayShift != 0; }));
  EXPECT_TRUE(any(
      [](const an::TimeExpression& e) { return e.weekOf != an::TimeExpression::WeekOf::None; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.reportQuarter != 0; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return e.wholeUnit; }));
  EXPECT_TRUE(any([](const an::TimeExpression& e) { return !e.problem.empty(); }));
}

// Mentions with a title, a role and its possessor, an age, a list, a possessive, a surname
// shared by coordination and a weak headline word.
constexpr std::string_view kNames =
    "Date: 2024-12-14\n\n"
    "Talks Resume in Vienna\n\n"
    "Syrian President Bashar al-Assad's mother Anisa Makhlouf met Ihab and Iyad Makhlouf.\n"
    "The children, Hafez, 11, Zane, 9, and Karim, 7, were granted asylum.\n"
    "Assad's media adviser Buthaina Shaaban said Moscow's offer stood.\n"
    "The writer Gabriel Garcia Marquez agreed.\n";

TEST(FactsRecords, AMentionReadBackEqualsTheOneWritten) {
  const RoundTrip trip = roundTrip(kNames);
  ASSERT_NE(trip.read, nullptr);
  const auto& facts = trip.written;
  expectSameRecords(facts->mentions, trip.read->mentions, trip.line,
                    [&](const an::Mention& m) { return m.text(facts->doc); });
  const auto any = [&](auto has) {
    return std::any_of(facts->mentions.begin(), facts->mentions.end(), has);
  };
  EXPECT_TRUE(any([](const an::Mention& m) { return !m.title().empty(); }));
  EXPECT_TRUE(any([](const an::Mention& m) { return !m.role().empty(); }));
  EXPECT_TRUE(any([](const an::Mention& m) { return !m.roleOf().empty(); }));
  EXPECT_TRUE(any([](const an::Mention& m) { return !m.inheritedKey().empty(); }));
  EXPECT_TRUE(any([](const an::Mention& m) { return m.age >= 0; }));
  EXPECT_TRUE(any([](const an::Mention& m) { return m.list >= 0; }));
  EXPECT_TRUE(any([](const an::Mention& m) { return m.possessive; }));
  EXPECT_TRUE(any([](const an::Mention& m) { return m.weak; }));
  EXPECT_TRUE(any([](const an::Mention& m) { return m.parts.size() >= 3; }));
}

TEST(FactsRecords, ANumberAFieldCannotHoldIsRefused) {
  const an::Lexicon lexicon = an::Lexicon::builtin();
  const auto facts =
      an::extractFacts("a.txt", "Date: 2024-12-14\n\nOn March 3 they met.\n", lexicon);
  std::string line = factsToJsonLine(*facts);
  const std::string month = "\"month\":3";
  const size_t at = line.find(month);
  ASSERT_NE(at, std::string::npos) << line;
  line.replace(at, month.size(), "\"month\":300");
  std::string error;
  EXPECT_EQ(factsFromJsonLine(line, error), nullptr);
  EXPECT_NE(error.find("month"), std::string::npos) << error;
}

// A facts file is read a batch of lines at a time: a problem is still reported with its
// line in the file, and the records around it are loaded.
TEST(FactsRecords, AProblemPastTheFirstBatchNamesItsLine) {
  const an::Lexicon lexicon = an::Lexicon::builtin();
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("newslint-facts-batch-" + std::to_string(::getpid()));
  constexpr size_t kLines = 5000;
  constexpr size_t kBad = 4500; // 1-based
  {
    std::ofstream out(file, std::ios::binary);
    for (size_t i = 1; i <= kLines; ++i) {
      if (i == kBad) {
        out << "{\"v\": 2, \"id\": \"bad.txt\"}\n";
        continue;
      }
      std::ostringstream id;
      id << "d" << i << ".txt";
      out << factsToJsonLine(*an::extractFacts(id.str(), "Talks went on.\n", lexicon)) << '\n';
    }
  }
  an::Corpus corpus;
  const std::vector<std::string> errors = readFactsFiles(corpus, {file});
  std::filesystem::remove(file);
  ASSERT_EQ(errors.size(), 1U);
  std::ostringstream where;
  where << ':' << kBad << ':';
  EXPECT_NE(errors.front().find(where.str()), std::string::npos) << errors.front();
  EXPECT_EQ(corpus.snapshot().documents.size(), kLines - 1);
  EXPECT_NE(corpus.find("d4501.txt"), nullptr);
}

} // namespace
} // namespace newslint::workspace
