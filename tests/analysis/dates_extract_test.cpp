// Recognition and resolution of single time expressions.
#include "newslint/analysis/dates.h"

#include "../support/dates_fixture.h"

#include <gtest/gtest.h>
#include <string>

namespace newslint::analysis {
namespace {

std::string resolve(const std::string& text, std::string_view expression,
                    std::optional<CivilDate> anchor,
                    std::optional<CivilDate> reference = std::nullopt) {
  const DateFacts facts = extract(text);
  const TimeExpression* e = find(facts, expression);
  if (e == nullptr) {
    return "(not found)";
  }
  ResolveContext context;
  context.anchor = anchor;
  context.reference = reference;
  context.referenceText = "reference";
  const Resolution r = resolveExpression(*e, context);
  return r.resolved || !r.value.empty() ? r.value.str() : "(unresolved)";
}

TEST(DatesCalendar, WeekdaysAndDayCounts) {
  EXPECT_EQ(weekdayOf({2024, 12, 7}), 5); // Saturday
  EXPECT_EQ(weekdayOf({2012, 2, 2}), 3);  // Thursday
  EXPECT_EQ(weekdayOf({1970, 1, 1}), 3);
  EXPECT_EQ(weekdayOf({1600, 3, 1}), 2); // Wednesday
  EXPECT_EQ(civilFromDays(daysFromCivil({2000, 2, 29})), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(addDays({2024, 11, 28}, 4), (CivilDate{2024, 12, 2}));
  EXPECT_EQ(daysInMonth(1900, 2), 28);
  EXPECT_EQ(daysInMonth(2000, 2), 29);
  EXPECT_FALSE(parseIsoDate("2023-02-29"));
  EXPECT_TRUE(parseIsoDate("2024-02-29"));
}

TEST(DatesExtract, RecognisesFullAndPartialDates) {
  const DateFacts facts = extract(
      "He left on December 8, 2024. On 8 December the talks ended. By Dec. 8 they had gone. "
      "Feb. 2 was cold. The file says 2024-12-08 and 12/18/2024 but not 12/8/2024.");
  ASSERT_NE(find(facts, "December 8, 2024"), nullptr);
  EXPECT_TRUE(find(facts, "December 8, 2024")->explicitDay());
  EXPECT_NE(find(facts, "8 December"), nullptr);
  EXPECT_NE(find(facts, "Dec. 8"), nullptr);
  EXPECT_NE(find(facts, "Feb. 2"), nullptr);
  EXPECT_NE(find(facts, "2024-12-08"), nullptr);
  ASSERT_NE(find(facts, "12/18/2024"), nullptr);
  EXPECT_EQ(find(facts, "12/18/2024")->day, 18);
  EXPECT_EQ(find(facts, "12/8/2024"), nullptr) << "month and day order is ambiguous";
}

TEST(DatesExtract, MergesWeekdayPartOfDayAndClock) {
  const DateFacts facts =
      extract("In one of their last conversations on Saturday night at 10:30 pm, he spoke. "
              "He called at 9:30 p.m. on December 7. The convoy left on Thursday night, Feb. 2.");
  const TimeExpression* call = find(facts, "Saturday night at 10:30 pm");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->weekday, 5);
  EXPECT_EQ(call->part, PartOfDay::Night);
  EXPECT_EQ(call->hour, 22);
  EXPECT_EQ(call->minute, 30);
  const TimeExpression* other = find(facts, "9:30 p.m. on December 7");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->hour, 21);
  EXPECT_EQ(other->month, 12);
  EXPECT_NE(find(facts, "Thursday night, Feb. 2"), nullptr);
}

TEST(DatesExtract, DurationsAreNotDates) {
  const DateFacts facts = extract(
      "It ended a 24-year rule and 13 years of war, more than half a century of power, after "
      "a 50-year family rule and over 13 years of conflict; prices fell in the last twenty four "
      "hours.");
  for (const char* text : {"24-year", "13 years", "half a century", "50-year"}) {
    const TimeExpression* e = find(facts, text);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->kind, TimeKind::Duration) << text;
  }
  ASSERT_NE(find(facts, "the last twenty four hours"), nullptr);
  EXPECT_EQ(find(facts, "the last twenty four hours")->durationValue, "PT24H");
  EXPECT_EQ(find(facts, "24-year")->durationValue, "P24Y");
}

TEST(DatesExtract, FlagsImpossibleDatesAndTimes) {
  const DateFacts facts = extract("It happened on February 30, on 31 April, and at 25:10.");
  ASSERT_NE(find(facts, "February 30"), nullptr);
  EXPECT_FALSE(find(facts, "February 30")->problem.empty());
  ASSERT_NE(find(facts, "31 April"), nullptr);
  EXPECT_FALSE(find(facts, "31 April")->problem.empty());
  ASSERT_NE(find(facts, "25:10"), nullptr);
  EXPECT_FALSE(find(facts, "25:10")->problem.empty());
  const DateFacts leap = extract("It was February 29, 2023 and February 29, 2024.");
  EXPECT_FALSE(find(leap, "February 29, 2023")->problem.empty());
  EXPECT_TRUE(find(leap, "February 29, 2024")->problem.empty());
}

TEST(DatesExtract, HeaderLinePublicationDate) {
  const DateFacts facts = extract("Date: 2024-12-14\nAssad left on Sunday.\n");
  ASSERT_TRUE(facts.published);
  EXPECT_EQ(facts.published->date, (CivilDate{2024, 12, 14}));
  EXPECT_EQ(find(facts, "2024-12-14"), nullptr) << "the header line is not a claim";
  const DateFacts spelled = extract("Published: December 14, 2024\nText.\n");
  ASSERT_TRUE(spelled.published);
  EXPECT_EQ(spelled.published->date, (CivilDate{2024, 12, 14}));
}

TEST(DatesExtract, PublicationDateFromTheArticleAddress) {
  const DateFacts facts =
      extract("http://ktla.com/2013/05/03/lohan-may-miss-rehab-deadline/\nLohan checked in "
              "on Thursday.\n");
  ASSERT_TRUE(facts.published);
  EXPECT_EQ(facts.published->date, (CivilDate{2013, 5, 3}));
  EXPECT_EQ(facts.published->label, "address");
  // A labelled line under the address states the date itself.
  const DateFacts labelled = extract("http://www.nytimes.com/2013/03/14/nyregion/story.html\n"
                                     "Published: March 13, 2013\nText.\n");
  ASSERT_TRUE(labelled.published);
  EXPECT_EQ(labelled.published->date, (CivilDate{2013, 3, 13}));
  // Numbers inside an address are never times of the story.
  const DateFacts inside =
      extract("See http://example.com/sports/2009-02-03-williams-arrested.htm for more.\n");
  EXPECT_FALSE(inside.published);
  EXPECT_TRUE(inside.expressions.empty());
}

TEST(DatesResolve, NewsModeAgainstThePublicationDate) {
  const CivilDate published{2012, 2, 9}; // a Thursday
  EXPECT_EQ(resolve("Lavrov visited Damascus on Tuesday.", "Tuesday", published), "2012-02-07");
  EXPECT_EQ(resolve("The vote was held last weekend.", "last weekend", published), "2012-W05-WE");
  EXPECT_EQ(resolve("They met yesterday.", "yesterday", published), "2012-02-08");
  EXPECT_EQ(resolve("They left last week.", "last week", published), "2012-W05");
  EXPECT_EQ(resolve("Sometime after midnight on Thursday, last week, they left.",
                    "after midnight on Thursday, last week", published),
            "2012-02-02TMO");
  EXPECT_EQ(resolve("The council will meet on Friday.", "Friday", published), "2012-02-10");
  EXPECT_EQ(resolve("It was signed on November 28.", "November 28", CivilDate{2024, 12, 14}),
            "2024-11-28");
  EXPECT_EQ(resolve("It began in March.", "March", published), "2011-03");
}

TEST(DatesResolve, NarrativeWeekdayFollowsTheStory) {
  // No publication date: a bare weekday takes the nearest day of that name to the story's date.
  EXPECT_EQ(resolve("Saturday night at 10:30 pm he called.", "Saturday night at 10:30 pm",
                    std::nullopt, CivilDate{2024, 12, 8}),
            "2024-12-07T22:30");
  EXPECT_EQ(resolve("On that fateful Sunday he fled.", "that fateful Sunday",
                    CivilDate{2024, 12, 14}, CivilDate{2024, 12, 8}),
            "2024-12-08");
  EXPECT_EQ(resolve("He called on Saturday.", "Saturday", std::nullopt), "(unresolved)");
}

TEST(DatesResolve, IntervalsCarryTheirPrecision) {
  const DateFacts facts = extract("He called on Saturday night.");
  const TimeExpression* e = find(facts, "Saturday night");
  ASSERT_NE(e, nullptr);
  ResolveContext context;
  context.anchor = CivilDate{2024, 12, 9};
  const Resolution r = resolveExpression(*e, context);
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.granularity, Granularity::PartOfDay);
  EXPECT_EQ(r.interval, partOfDayInterval({2024, 12, 7}, PartOfDay::Night));
  EXPECT_EQ(r.interval.end - r.interval.begin, 6 * 60);
  EXPECT_EQ(r.value, "2024-12-07TNI");
}

TEST(DatesResolve, YearFromTheWeekdayWhenNothingElseIsKnown) {
  const DateFacts facts = extract("The convoy left on Saturday, December 7.");
  const TimeExpression* e = find(facts, "Saturday, December 7");
  ASSERT_NE(e, nullptr);
  ResolveContext context;
  context.yearHint = 2024;
  context.yearHintSource = "a hint";
  const Resolution r = resolveExpression(*e, context);
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.first, (CivilDate{2024, 12, 7}));
  EXPECT_TRUE(r.yearInferred);
  EXPECT_FALSE(r.inference.empty());
}

TEST(DatesExtract, SurvivesHostileInput) {
  for (const std::string& text :
       {std::string(), std::string("\xff\xfe 12:\n"), std::string(5000, '9'),
        std::string("on on on at at , , December December"),
        std::string("99:99 p.m. 0/0/0000 31 31 31 February"), std::string("the eve of"),
        std::string("Four days after"), std::string("the Saturday before")}) {
    const DateFacts facts = extract(text);
    for (const TimeExpression& e : facts.expressions) {
      EXPECT_LE(e.span.end, text.size());
      ResolveContext context;
      context.anchor = CivilDate{2024, 1, 1};
      (void)resolveExpression(e, context);
    }
  }
}

} // namespace
} // namespace newslint::analysis
