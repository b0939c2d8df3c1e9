// Regression tests for problems found while fuzzing the engine (tests/fuzz/) and for the
// fixes made to build the fuzz targets with clang.
#include <gtest/gtest.h>

#include <string>

#include "newslint/analysis/dates.h"
#include "newslint/analysis/document.h"

namespace newslint::analysis {
namespace {

// dates_extract.cpp, Scanner::matchWeekday: "the Saturday before <event>" ends where the
// event phrase ends (the end is read from the expression's anchor span, which clang 14
// also compiles).
TEST(FuzzRegressions, WeekdayBeforeAnEventEndsWithTheEventPhrase) {
  const std::string text =
      "They met on the Saturday before his departure for Moscow. Then nothing.";
  const Document doc = parseDocument("a.txt", text);
  const DateFacts facts = extractDates(doc);
  const TimeExpression* found = nullptr;
  for (const TimeExpression& expression : facts.expressions)
    if (expression.relation == Relation::EventOffset)
      found = &expression;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->offset, -1);
  EXPECT_FALSE(found->anchorPhrase.empty());
  EXPECT_EQ(found->span.end, found->anchorSpan.end);
  EXPECT_LE(found->anchorSpan.end, text.find(". Then"));
  EXPECT_NE(
      text.substr(found->span.begin, found->span.size()).find("Saturday before his departure"),
      std::string::npos);
}

} // namespace
} // namespace newslint::analysis
