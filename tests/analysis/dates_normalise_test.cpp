// Normalisation of the classes of expressions that news uses beyond plain dates: named days,
// years in words, seasons, quarters and halves, fiscal years, vague references, and the
// choice of year or week for expressions that leave it open.
#include "newslint/analysis/corpus.h"
#include "newslint/analysis/dates.h"
#include "newslint/analysis/timeline.h"

#include "../support/dates_fixture.h"

#include <gtest/gtest.h>
#include <string>

namespace newslint::analysis {
namespace {

/// The value of `expression` in `text`, resolved against a publication date.
std::string value(const std::string& text, std::string_view expression, CivilDate published) {
  const DateFacts facts = extract(text);
  const TimeExpression* e = find(facts, expression);
  if (e == nullptr) {
    std::string seen;
    for (const TimeExpression& other : facts.expressions) {
      seen += " `" + other.text + "`";
    }
    return "(not found; found" + seen + ")";
  }
  ResolveContext context;
  context.anchor = published;
  const Resolution r = resolveExpression(*e, context);
  return r.resolved || !r.value.empty() ? r.value.str() : "(unresolved)";
}

/// The value of `expression` in `text` as the corpus resolves it, with every expression before
/// it in the text available as a reference ("that year").
std::string inStory(const std::string& text, std::string_view expression, CivilDate published) {
  Corpus corpus;
  Config config;
  config.sources["a.txt"].published = published;
  corpus.setConfig(std::move(config));
  corpus.upsert("a.txt", text);
  const Analysis a = analyze(corpus.snapshot());
  for (const ResolvedTime* t : a.dates->timesIn("a.txt")) {
    if (t->text == expression) {
      return t->resolution.value.empty() ? "(unresolved)" : t->resolution.value.str();
    }
  }
  return "(not found)";
}

TEST(DatesNormalise, NamedDays) {
  EXPECT_EQ(holidayDate(Holiday::EasterSunday, 2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(holidayDate(Holiday::EasterSunday, 2000), (CivilDate{2000, 4, 23}));
  EXPECT_EQ(holidayDate(Holiday::Thanksgiving, 2023), (CivilDate{2023, 11, 23}));
  EXPECT_EQ(holidayDate(Holiday::ElectionDay, 2020), (CivilDate{2020, 11, 3}));
  EXPECT_EQ(holidayDate(Holiday::MemorialDay, 2021), (CivilDate{2021, 5, 31}));
  EXPECT_EQ(holidayDate(Holiday::LaborDay, 2021), (CivilDate{2021, 9, 6}));
  const CivilDate january{2024, 1, 10};
  EXPECT_EQ(
      value("The ferry sank on Thanksgiving Day, two months ago.", "Thanksgiving Day", january),
      "2023-11-23");
  EXPECT_EQ(value("Prices have climbed since last Christmas.", "last Christmas", january),
            "2023-12-25");
  EXPECT_EQ(value("The parade will return at Easter.", "Easter", january), "2024-03-31");
  EXPECT_EQ(value("Schools close during Easter week.", "Easter week", january), "2024-W13");
  EXPECT_EQ(value("The count ended on Christmas Eve 2019.", "Christmas Eve 2019", january),
            "2019-12-24");
  // Not named days: an island, a proper name that happens to start with a holiday word.
  EXPECT_EQ(find(extract("They sailed to Easter Island."), "Easter"), nullptr);
}

TEST(DatesNormalise, YearsWrittenInWords) {
  const CivilDate published{1999, 3, 2};
  EXPECT_EQ(value("The mill closed in nineteen eighty-seven.", "nineteen eighty-seven", published),
            "1987");
  EXPECT_EQ(value("Plans for the year two thousand are late.", "the year two thousand", published),
            "2000");
  EXPECT_EQ(value("The strike began in March nineteen ninety-six.", "March nineteen ninety-six",
                  published),
            "1996-03");
  EXPECT_EQ(value("It snowed in the winter of nineteen ninety-four.",
                  "the winter of nineteen ninety-four", published),
            "1994-WI");
  // A count in words is not a year.
  EXPECT_EQ(find(extract("They paid nineteen ninety dollars."), "nineteen ninety"), nullptr);
}

TEST(DatesNormalise, Seasons) {
  const CivilDate october{2019, 10, 21};
  EXPECT_EQ(value("Sales were weak in the summer.", "the summer", october), "2019-SU");
  EXPECT_EQ(value("Work stopped in the early summer.", "the early summer", october), "2019-SU");
  EXPECT_EQ(value("The bridge opened this past spring.", "this past spring", october), "2019-SP");
  EXPECT_EQ(value("The plant opened in spring 2016.", "spring 2016", october), "2016-SP");
  EXPECT_EQ(find(extract("Few foresaw the fall of the regime."), "the fall"), nullptr);
  EXPECT_EQ(find(extract("Prices may spring back."), "spring"), nullptr);
}

TEST(DatesNormalise, QuartersHalvesAndFiscalYears) {
  const CivilDate published{2019, 10, 24};
  EXPECT_EQ(value("Profit fell in the 2018 second quarter.", "the 2018 second quarter", published),
            "2018-Q2");
  EXPECT_EQ(
      value("Net rose in the year-ago third quarter.", "the year-ago third quarter", published),
      "2018-Q3");
  EXPECT_EQ(value("Orders should recover by next year's first quarter.",
                  "next year's first quarter", published),
            "2020-Q1");
  EXPECT_EQ(
      value("Sales slowed in the final quarter of 2017.", "the final quarter of 2017", published),
      "2017-Q4");
  EXPECT_EQ(
      value("Growth was strong in the last half of 2016.", "the last half of 2016", published),
      "2016-H2");
  EXPECT_EQ(value("It met targets for the first two quarters of 2015.",
                  "the first two quarters of 2015", published),
            "2015-H1");
  EXPECT_EQ(
      value("It expects a loss in the current fiscal year.", "current fiscal year", published),
      "2019");
  EXPECT_EQ(value("It expects a loss for the fiscal year.", "the fiscal year", published), "2019");
  EXPECT_EQ(value("It beat its fiscal 2018 sales of $20 million.", "fiscal 2018", published),
            "2018");
}

TEST(DatesNormalise, VagueReferences) {
  const CivilDate published{2019, 10, 24};
  EXPECT_EQ(value("Rates will stay low in the near term.", "the near term", published),
            "FUTURE_REF");
  EXPECT_EQ(value("The plant stays shut for the time being.", "the time being", published),
            "PRESENT_REF");
  EXPECT_EQ(value("These days nobody writes letters.", "These days", published), "PRESENT_REF");
  EXPECT_EQ(value("More layoffs are likely in coming months.", "coming months", published),
            "FUTURE_REF");
  EXPECT_EQ(value("The office moved several years ago.", "several years ago", published),
            "PAST_REF");
  // "short-term" qualifies a noun: not a time.
  EXPECT_EQ(find(extract("It sold short-term notes."), "short-term"), nullptr);
}

TEST(DatesNormalise, YearOfAMonthWithoutOne) {
  const CivilDate october{2019, 10, 24};
  // Without a tense, a month more than four months ahead is the one before.
  EXPECT_EQ(value("Output peaked in March, officials say.", "March", october), "2019-03");
  EXPECT_EQ(value("The ruling of Mar. 20 stands.", "Mar. 20", october), "2019-03-20");
  EXPECT_EQ(value("The deal closes in January.", "January", october), "2020-01");
  EXPECT_EQ(value("Talks will resume in June.", "June", october), "2020-06");
}

TEST(DatesNormalise, DateBeforeAColon) {
  const CivilDate published{2019, 10, 24};
  EXPECT_EQ(
      value("The paper said in an editorial on Friday, Oct. 25:", "Friday, Oct. 25", published),
      "2019-10-25");
  EXPECT_EQ(find(extract("The train left at May 6:30."), "May 6"), nullptr);
}

TEST(DatesNormalise, FourDigitClockWithItsZone) {
  const CivilDate published{2019, 10, 24};
  EXPECT_EQ(
      value("The quake struck on October 23 at 0412 GMT.", "October 23 at 0412 GMT", published),
      "2019-10-23T04:12Z");
}

TEST(DatesNormalise, ClockTimesWithAZoneAreValuedInUtc) {
  const CivilDate july{2019, 7, 10};
  EXPECT_EQ(value("The launch came at 5:40 p.m. EDT on July 9.", "5:40 p.m. EDT on July 9", july),
            "2019-07-09T21:40Z");
  // "ET" follows the US rule: daylight time in July, standard time in January.
  EXPECT_EQ(value("The vote closed at 8 p.m. ET on July 9.", "8 p.m. ET on July 9", july),
            "2019-07-10T00:00Z");
  EXPECT_EQ(value("The vote closed at 8 p.m. ET on January 9.", "8 p.m. ET on January 9", july),
            "2019-01-10T01:00Z");
  EXPECT_EQ(value("The plane landed at 11:15 CEST on July 9.", "11:15 CEST on July 9", july),
            "2019-07-09T09:15Z");
  // A zone in parentheses does not keep the time from its day.
  EXPECT_EQ(value("A quake struck at 09:10 hours (0440 GMT) on Monday.", "(0440 GMT) on Monday",
                  CivilDate{2005, 11, 28}),
            "2005-11-28T04:40Z");
  // "local time" names no zone: the time stays as written.
  EXPECT_EQ(
      value("It landed at 7:15 a.m. local time on July 9.", "7:15 a.m. local time on July 9", july),
      "2019-07-09T07:15");
}

TEST(DatesNormalise, AYearAgoInAQuarterlyReport) {
  const CivilDate published{2019, 10, 24};
  // A report of quarterly results: "a year earlier" is the same quarter of the year before,
  // even when the word "quarter" is a few sentences back.
  EXPECT_EQ(value("The bakery chain posted third-quarter profit of $4 million. Its costs rose on "
                  "flour, sugar and wages, it said. The chain's shops in the north did well. "
                  "Sales climbed 8% to $90 million from $83 million a year earlier.",
                  "a year earlier", published),
            "2018-Q3");
  EXPECT_EQ(value("The bakery chain opened a shop a year ago.", "a year ago", published), "2018");
  // After "for the nine months" the comparison is with those nine months a year before.
  EXPECT_EQ(value("The chain posted third-quarter profit of $4 million. For the nine months, it "
                  "earned $9 million, up from $7 million a year earlier.",
                  "a year earlier", published),
            "2018");
  EXPECT_EQ(value("Third-quarter profit rose to $2 million from $1 million in the corresponding "
                  "period last year.",
                  "the corresponding period last year", published),
            "2018-Q3");
  EXPECT_EQ(value("Rents rose 4% from the same period a year earlier.",
                  "the same period a year earlier", published),
            "2018");
}

TEST(DatesNormalise, WeekdayDirectionFromPlansAndPerfects) {
  const CivilDate thursday{2019, 10, 24};
  EXPECT_EQ(value("The delegation could arrive as soon as Monday.", "Monday", thursday),
            "2019-10-28");
  EXPECT_EQ(value("The talks are set to resume Tuesday in Geneva.", "Tuesday", thursday),
            "2019-10-29");
  EXPECT_EQ(value("The club is to reopen Saturday after repairs.", "Saturday", thursday),
            "2019-10-26");
  // A plan that is itself past: "had been due to" looks back.
  EXPECT_EQ(value("The offer had been due to expire Monday evening.", "Monday evening", thursday),
            "2019-10-21TEV");
}

TEST(DatesNormalise, TheNearestVerbSetsTheDirection) {
  const CivilDate saturday{2010, 7, 17};
  // The reporting verb next to the day decides, not a later "will".
  EXPECT_EQ(
      value("Apple announced Friday that it will give owners a free case.", "Friday", saturday),
      "2010-07-16");
  EXPECT_EQ(value("The minister will meet the envoy on Monday, aides said.", "Monday", saturday),
            "2010-07-19");
  const CivilDate june{2013, 6, 12};
  EXPECT_EQ(value("A trial date was set for October 28.", "October 28", june), "2013-10-28");
  EXPECT_EQ(value("The sale should be completed in October.", "October", june), "2013-10");
  EXPECT_EQ(value("The appeal is heard in September by three judges.", "September", june),
            "2013-09");
  // An adjective in -ed is not a past verb.
  EXPECT_EQ(value("The dividend would be paid on a still unspecified date in January.", "January",
                  CivilDate{1989, 10, 26}),
            "1990-01");
  // "since" looks back whatever the verb after it.
  EXPECT_EQ(value("The ship has been on patrol since March and was scheduled to return.", "March",
                  CivilDate{1990, 8, 13}),
            "1990-03");
  // "until" after a past verb does not look ahead.
  EXPECT_EQ(
      value("He was at large until Dec. 7, when he was found.", "Dec. 7", CivilDate{2010, 1, 12}),
      "2009-12-07");
}

TEST(DatesNormalise, APastTenseNeverLooksAheadForTheYear) {
  const CivilDate october{1989, 10, 31};
  EXPECT_EQ(value("In the fiscal year ended Jan. 31, the company reported sales of $59 million.",
                  "Jan. 31", october),
            "1989-01-31");
  EXPECT_EQ(value("The dealers whose franchises lapse after October of next year will be told.",
                  "October of next year", october),
            "1990-10");
}

TEST(DatesNormalise, Decades) {
  const CivilDate published{2013, 6, 7};
  EXPECT_EQ(value("She swam to stardom in the 1940's.", "1940's", published), "194X");
  EXPECT_EQ(value("The musicals of the 1940s and '50s made her famous.", "50s", published), "195X");
  EXPECT_EQ(value("The boxy cars of the 70s and 80s are gone.", "70s", published), "197X");
  EXPECT_EQ(value("The boxy cars of the 70s and 80s are gone.", "80s", published), "198X");
  EXPECT_EQ(value("The Nikkei is at its lowest level since '82.", "82", published), "1982");
  EXPECT_EQ(value("Membership fell through the nineties.", "nineties", published), "199X");
  // An age, not a decade.
  EXPECT_EQ(find(extract("The driver, in his 70s, was unhurt."), "70s"), nullptr);
}

TEST(DatesNormalise, AHeadlineWeekdayStaysApartFromTheDateLine) {
  const DateFacts facts = extract("Markets to remain closed until Friday\nSeptember 18, 2008\n"
                                  "The government has kept the exchanges shut.");
  ASSERT_NE(find(facts, "Friday"), nullptr);
  ASSERT_NE(find(facts, "September 18, 2008"), nullptr);
}

TEST(DatesNormalise, NoonAloneTakesTheDayOfTheStory) {
  const DateFacts facts = extract("She showed up at around noon and left.");
  const TimeExpression* noon = find(facts, "noon");
  ASSERT_NE(noon, nullptr);
  EXPECT_EQ(noon->part, PartOfDay::Noon);
  EXPECT_EQ(noon->relation, Relation::Narrative);
}

TEST(DatesNormalise, LastWithAMonthAndDay) {
  const CivilDate april{1999, 4, 19};
  EXPECT_EQ(value("He was shot to death last Oct. 23 at his home.", "last Oct. 23", april),
            "1998-10-23");
  EXPECT_EQ(value("The plant reopens next April 2 after repairs.", "next April 2", april),
            "2000-04-02");
}

TEST(DatesNormalise, AWeekOfANamedDayThatHasBegun) {
  // Monday of Holy Week: "as Easter week began" is this year's, not last year's.
  EXPECT_EQ(value("Protesters prayed as Easter week began.", "Easter week", CivilDate{2000, 4, 17}),
            "2000-W16");
}

TEST(DatesNormalise, WeeksNamedByADateOrAMonth) {
  const CivilDate published{2009, 4, 1};
  EXPECT_EQ(value("A hearing is set for the week of March 6, 2000.", "the week of March 6, 2000",
                  published),
            "2000-W10");
  // A week belongs to the month that holds its Thursday: 23-29 March 2009, not 30 March-5 April.
  EXPECT_EQ(
      value("Sales rebounded in the last week of March.", "the last week of March", published),
      "2009-W13");
  EXPECT_EQ(value("Talks resume in the first week of June.", "the first week of June", published),
            "2009-W23");
}

TEST(DatesNormalise, ClockHoursByPartOfDayAndVagueParts) {
  const CivilDate published{2000, 4, 5};
  const DateFacts facts = extract("He will leave at 4 in the morning. They met at 9 at night. "
                                  "By mid afternoon the shelling stopped. Shares fell late in the "
                                  "day.");
  const TimeExpression* four = find(facts, "4 in the morning");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->hour, 4);
  const TimeExpression* nine = find(facts, "9 at night");
  ASSERT_NE(nine, nullptr);
  EXPECT_EQ(nine->hour, 21);
  const TimeExpression* mid = find(facts, "mid afternoon");
  ASSERT_NE(mid, nullptr);
  EXPECT_EQ(mid->part, PartOfDay::Afternoon);
  EXPECT_NE(find(facts, "late in the day"), nullptr);
  EXPECT_EQ(value("Shares fell late in the day.", "late in the day", published), "2000-04-05");
}

TEST(DatesNormalise, TheWeekBeforeAnEventIsAWeek) {
  const DateFacts facts = extract("He was sectioned in the week before the double murder, and "
                                  "bought a knife a week before the double murder.");
  ResolveContext context;
  context.anchor = CivilDate{2013, 6, 9};
  context.eventDate = CivilDate{2013, 6, 8};
  context.eventText = "the double murder";
  const TimeExpression* whole = find(facts, "the week before the double murder");
  ASSERT_NE(whole, nullptr);
  EXPECT_EQ(resolveExpression(*whole, context).value, "2013-W22");
  const TimeExpression* seven = find(facts, "a week before the double murder");
  ASSERT_NE(seven, nullptr);
  EXPECT_EQ(resolveExpression(*seven, context).value, "2013-06-01");
  EXPECT_EQ(value("A trial was pencilled in for October.", "October", CivilDate{2013, 6, 12}),
            "2013-10");
}

TEST(DatesNormalise, AQuarterLaterInTheYearIsComingUnlessThePastSaysSo) {
  const CivilDate august{2006, 8, 19};
  EXPECT_EQ(value("Ten plants will close partly during the fourth quarter.", "the fourth quarter",
                  august),
            "2006-Q4");
  EXPECT_EQ(value("Sales fell in the fourth quarter.", "the fourth quarter", august), "2005-Q4");
}

TEST(DatesNormalise, PeriodsOfAQuarterlyReport) {
  const CivilDate november{1989, 11, 2};
  const std::string report = "The company posted third-quarter profit of $4 million. Sales in the "
                             "latest period rose 8%, more than in the 1988 quarter. For the full "
                             "year it expects a gain.";
  EXPECT_EQ(value(report, "the latest period", november), "1989-Q3");
  EXPECT_EQ(value(report, "the 1988 quarter", november), "1988-Q3");
  EXPECT_EQ(value(report, "the full year", november), "1989");
  EXPECT_EQ(value("The chain had third-quarter net of $4 million, against a year-earlier loss of "
                  "$1 million.",
                  "a year-earlier", november),
            "1988-Q3");
  EXPECT_EQ(value("It forecast a rise in earnings for the full year.", "the full year", november),
            "1989");
  // Published in January, the full year of a quarterly report is the one just ended.
  EXPECT_EQ(value("GM lost $4.8 billion in the fourth quarter and $8.6 billion for the entire "
                  "year.",
                  "the entire year", CivilDate{2006, 1, 27}),
            "2005");
}

TEST(DatesNormalise, YearEnd) {
  const CivilDate october{1989, 10, 26};
  EXPECT_EQ(value("It plans to cut 6,000 jobs by year end.", "year end", october), "1989");
  EXPECT_EQ(value("Rules should be in place by year's end.", "year's end", october), "1989");
  EXPECT_EQ(value("It expects to complete the deal by year-end.", "year-end", october), "1989");
  EXPECT_EQ(value("The index has fallen 5% since year-end.", "year-end", october), "1988");
}

TEST(DatesNormalise, AnEventPhraseStopsAtATimeOfItsOwn) {
  EXPECT_EQ(value("Less than an hour after checking in on Thursday, she left.", "Thursday",
                  CivilDate{2013, 5, 3}),
            "2013-05-02");
}

TEST(DatesNormalise, ThatYearIsTheLastYearTheStorySpokeOf) {
  const CivilDate published{2000, 1, 28};
  EXPECT_EQ(inStory("He fled to Florida in June 1998 and returned to Cuba later that year.",
                    "later that year", published),
            "1998");
  EXPECT_EQ(inStory("Imports reached $1.5 billion in 1988, and exports fell that year.",
                    "that year", published),
            "1988");
  EXPECT_EQ(inStory("Costs fell to $118 billion last year, $20 billion less than the year "
                    "previous.",
                    "the year previous", published),
            "1998");
  EXPECT_EQ(inStory("The plant opened in 1994. The following year it doubled its output.",
                    "The following year", published),
            "1995");
}

TEST(DatesNormalise, TheFollowingMonthAndThePreviousWeekdayFollowTheStory) {
  const CivilDate published{1989, 10, 30};
  EXPECT_EQ(inStory("In March, holders urged the company to act. The following month, the "
                    "company put itself up for sale.",
                    "The following month", published),
            "1989-04");
  EXPECT_EQ(inStory("Shares rose 2% on Friday and closed down 4.5% from the previous Friday.",
                    "the previous Friday", published),
            "1989-10-20");
}

TEST(DatesNormalise, ADayCountedFromADayNamedRightAfter) {
  const CivilDate thursday{2000, 2, 24};
  EXPECT_EQ(value("The day before last Tuesday's hearing, he went to see his uncle.",
                  "The day before last Tuesday", thursday),
            "2000-02-21");
  EXPECT_EQ(value("Two days after Christmas, the shop reopened.", "Two days after Christmas",
                  CivilDate{2012, 1, 10}),
            "2011-12-27");
  // A verb after "before": nothing is counted from but the story's day.
  EXPECT_EQ(inStory("Rescuers worked on Monday as the toll from an earthquake a day before rose "
                    "to 10.",
                    "a day before", CivilDate{2005, 11, 28}),
            "2005-11-27");
}

TEST(DatesNormalise, ComparisonsWithAMonthAndAWeekAgo) {
  const CivilDate march{2010, 3, 3};
  EXPECT_EQ(inStory("Sales rose 43% in February compared to the same period last year.",
                    "the same period last year", march),
            "2009-02");
  EXPECT_EQ(inStory("Sales fell 35% in January, compared to the same month a year ago.",
                    "the same month a year ago", march),
            "2009-01");
  // "a week ago", like "two weeks ago", is a day; "last week" is a week.
  EXPECT_EQ(
      value("The earthquake hit the country a week ago.", "a week ago", CivilDate{2011, 3, 18}),
      "2011-03-11");
}

TEST(DatesNormalise, MorningTradingIsTheStorysMorning) {
  EXPECT_EQ(inStory("Ford said on Tuesday that sales rose. Its stock rose in morning trading.",
                    "morning", CivilDate{2010, 3, 3}),
            "2010-03-02TMO");
}

TEST(DatesNormalise, TheDayOfAnOngoingEvent) {
  const CivilDate published{1998, 3, 6};
  EXPECT_EQ(value("It's the second day of an offensive by the security forces.", "the second day",
                  published),
            "1998-03-06");
  EXPECT_EQ(value("Trading has been suspended for a second consecutive day.",
                  "a second consecutive day", published),
            "1998-03-06");
  EXPECT_EQ(value("Stocks log gains for fourth week in a row", "fourth week", published),
            "1998-W10");
  // Told in the past, it is some other day.
  EXPECT_EQ(find(extract("It was the second day of the strike when he left."), "the second day"),
            nullptr);
}

TEST(DatesNormalise, AtThatTimeIsTheTimeTheStorySpokeOfLast) {
  EXPECT_EQ(inStory("The deal will be finalized by June 10. If no price is agreed by that time, "
                    "Fiat will pay the average of two estimates.",
                    "that time", CivilDate{2011, 5, 29}),
            "2011-06-10");
  // "at that time of year" names its own time.
  EXPECT_EQ(find(extract("Snow is rare at that time of year."), "that time"), nullptr);
}

TEST(DatesNormalise, TheQuarterEndedOnADate) {
  EXPECT_EQ(value("In the quarter ended July 31, it had 5.6 million shares outstanding.",
                  "the quarter", CivilDate{1989, 10, 30}),
            "1989-Q2");
}

TEST(DatesNormalise, ASecondDayOfTheSameMonth) {
  const DateFacts facts = extract("The summit will be held on April 24 and 25.");
  const TimeExpression* second = find(facts, "25");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->month, 4);
  EXPECT_EQ(second->day, 25);
  EXPECT_EQ(find(extract("Sales rose on April 24 and 25 stores closed."), "25"), nullptr);
}

TEST(DatesNormalise, APlanIsAFutureOnlyWithWhatIsPlanned) {
  const CivilDate monday{1998, 8, 17};
  // "vacation plans" and "the hastily planned trip" name plans; they do not look ahead.
  EXPECT_EQ(value("On Friday, when she set aside vacation plans for the hastily planned trip, "
                  "aides were surprised.",
                  "Friday", monday),
            "1998-08-14");
  EXPECT_EQ(value("The minister plans to visit Nairobi on Friday.", "Friday", monday),
            "1998-08-21");
  EXPECT_EQ(value("The accession was planned for early March.", "March", CivilDate{1999, 2, 10}),
            "1999-03");
  // "until Thursday, they had not ...": a time already gone.
  EXPECT_EQ(value("Until Thursday, investigators had not called him a suspect.", "Thursday",
                  CivilDate{1999, 5, 7}),
            "1999-05-06");
}

TEST(DatesNormalise, AFiscalQuarterKeepsItsName) {
  const CivilDate november{1989, 11, 2};
  // A year ended in September: its fourth quarter is the one reported in November.
  const std::string report = "Ralston reported a 47% decline in fourth-quarter earnings. Net "
                             "fell to $50 million from $85 million a year earlier. Sales in "
                             "the latest period rose 13%.";
  EXPECT_EQ(value(report, "a year earlier", november), "1988-Q4");
  EXPECT_EQ(value(report, "the latest period", november), "1989-Q4");
  // A forecast of the next quarter does not name the one reported.
  EXPECT_EQ(value("Aetna said third-quarter net fell. It has no estimate of the impact on "
                  "fourth-quarter results. In the latest quarter it lost $5 million.",
                  "the latest quarter", november),
            "1989-Q3");
}

TEST(DatesNormalise, LastYearInAComparisonOfQuarterlyResults) {
  const CivilDate november{1989, 11, 2};
  EXPECT_EQ(value("The unit posted third-quarter earnings of $24 million, compared with a loss "
                  "of $3 million last year.",
                  "last year", november),
            "1988-Q3");
  EXPECT_EQ(value("The unit posted third-quarter earnings of $24 million. Last year it sold "
                  "two plants.",
                  "Last year", november),
            "1988");
}

} // namespace
} // namespace newslint::analysis
