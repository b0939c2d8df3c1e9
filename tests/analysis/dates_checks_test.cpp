// The three date checks on small corpora written for the purpose.
#include "newslint/analysis/checks.h"
#include "newslint/analysis/corpus.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <optional>

namespace newslint::analysis {
namespace {

Analysis run(const std::vector<std::pair<std::string, std::string>>& docs, Config config = {}) {
  Corpus corpus;
  corpus.setConfig(std::move(config));
  for (const auto& [id, text] : docs) {
    corpus.upsert(id, text);
  }
  return analyze(corpus.snapshot());
}

std::vector<Finding> withCode(const Analysis& a, std::string_view code) {
  std::vector<Finding> out;
  std::copy_if(a.findings.begin(), a.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

TEST(DateChecks, RegisteredInTheRegistry) {
  for (const char* code : {"weekday-mismatch", "impossible-date", "date-conflict"}) {
    EXPECT_NE(findCheck(code), nullptr) << code;
  }
}

TEST(DateChecks, WeekdayThatContradictsItsDate) {
  const Analysis a =
      run({{"a.txt", "The minister resigned on Wednesday, October 20, 2011, in Paris.\n"}});
  const auto found = withCode(a, "weekday-mismatch");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].flagged, "Wednesday, October 20, 2011");
  EXPECT_NE(found[0].message.find("Thursday"), std::string::npos) << found[0].message;
  EXPECT_TRUE(
      withCode(run({{"b.txt", "He resigned on Thursday, October 20, 2011.\n"}}), "weekday-mismatch")
          .empty());
}

TEST(DateChecks, WeekdayAcrossSourcesWithoutYear) {
  const Analysis a = run({{"a.txt", "Minister Jean Dupont visited the Lyon factory on Thursday, "
                                    "October 20, with Mayor Paul Martin.\n"},
                          {"b.txt", "Minister Jean Dupont visited the Lyon factory on Wednesday, "
                                    "October 20, with Mayor Paul Martin.\n"}});
  const auto found = withCode(a, "weekday-mismatch");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].related.size(), 1U);
}

TEST(DateChecks, ImpossibleDates) {
  const Analysis a = run({{"a.txt", "The vote was set for February 30. Results came at 25:10. The "
                                    "report is dated 31 April.\n"}});
  const auto found = withCode(a, "impossible-date");
  EXPECT_EQ(found.size(), 3U);
  for (const auto& f : found) {
    EXPECT_EQ(f.severity, Severity::Error);
  }
}

TEST(DateChecks, ConflictBetweenSourcesAndAgreement) {
  Config config;
  config.sources["a.txt"].published = CivilDate{2024, 12, 9};
  config.sources["b.txt"].published = CivilDate{2024, 12, 14};
  config.sources["c.txt"].published = CivilDate{2024, 12, 14};
  const Analysis a =
      run({{"a.txt", "In their last call on Saturday night at 10:30 pm, Prime Minister Mohammed "
                     "Jalali warned Bashar Assad about the panic and displacement in Homs.\n"},
           {"b.txt", "Prime Minister Mohammed Jalali said he called Bashar Assad at 9:30 p.m. on "
                     "December 7 about the panic and displacement in Homs.\n"},
           {"c.txt", "Prime Minister Mohammed Jalali called Bashar Assad on December 7 about the "
                     "panic and displacement in Homs, a source said.\n"}},
          config);
  const auto found = withCode(a, "date-conflict");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].related.size(), 1U);
  EXPECT_FALSE(found[0].evidence.empty());
  // The day-level claim in c.txt agrees with both.
  ASSERT_TRUE(a.dates);
  const bool agreement = std::any_of(a.dates->links.begin(), a.dates->links.end(),
                                     [](const ClaimLink& l) { return l.agree; });
  EXPECT_TRUE(agreement);
}

// Two reports, a.txt and b.txt, published on `published` (b.txt on `publishedB` when given);
// each text is given whole.
Analysis twoReports(const std::string& a, const std::string& b, CivilDate published,
                    std::optional<CivilDate> publishedB = std::nullopt) {
  Config config;
  config.sources["a.txt"].published = published;
  config.sources["b.txt"].published = publishedB.value_or(published);
  return run({{"a.txt", a}, {"b.txt", b}}, config);
}

TEST(DateChecks, TheSameStatedDayStillComparesItsClockTimes) {
  const Analysis a = twoReports(
      "Interior Minister Richard Saadali met governor Arkady Ostalez in Sochi on Wednesday, "
      "August 21 at 8:05 a.m. to discuss border crossings.\n",
      "Interior Minister Richard Saadali met governor Arkady Ostalez in Sochi on Wednesday, "
      "August 21 at 13:05 to discuss border crossings.\n",
      CivilDate{2024, 8, 24});
  const auto found = withCode(a, "date-conflict");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_NE(found[0].message.find("5 hours apart"), std::string::npos) << found[0].message;
}

TEST(DateChecks, AnAttributionClosingTheSentenceDatesTheEventNotTheStatement) {
  const std::string meeting =
      "Interior Minister Richard Saadali met governor Arkady Ostalez in Sochi on Monday at ";
  const Analysis a =
      twoReports(meeting + "14:00, officials said.\n",
                 meeting + "16:00, witnesses told reporters.\n", CivilDate{2024, 8, 21});
  EXPECT_EQ(withCode(a, "date-conflict").size(), 2U);
  // A reporting verb that goes on into the sentence dates the statement.
  const Analysis b = twoReports(meeting + "14:00 to discuss border crossings.\n",
                                "On Monday at 16:00, officials said that Interior Minister "
                                "Richard Saadali met governor Arkady Ostalez in Sochi.\n",
                                CivilDate{2024, 8, 21});
  EXPECT_TRUE(withCode(b, "date-conflict").empty());
}

TEST(DateChecks, AReportingVerbOfTheNextSentenceDatesNothingHere) {
  const Analysis a = twoReports(
      "Interior Minister Richard Saadali met governor Arkady Ostalez in Sochi at 8:10 a.m. on "
      "July 6.\n\nOfficials said the talks would go on.\n",
      "Interior Minister Richard Saadali met governor Arkady Ostalez in Sochi on July 6 at "
      "10:10.\n",
      CivilDate{2024, 7, 8});
  EXPECT_EQ(withCode(a, "date-conflict").size(), 2U);
}

TEST(DateChecks, ADateThatNamesTheEventTellsItFromOthersOfItsKind) {
  // "last Friday's attack" is another attack than Monday's, not another date for it.
  const Analysis a = twoReports(
      "American warships attacked two Iranian oil platforms in the Gulf on Monday.\n",
      "American warships attacked two Iranian oil platforms in the Gulf in reply to last "
      "Friday's missile attack.\n",
      CivilDate{1987, 10, 20});
  EXPECT_TRUE(withCode(a, "date-conflict").empty());
  // Written as a plain date, the same sentence disagrees.
  const Analysis b =
      twoReports("American warships attacked two Iranian oil platforms in the Gulf on Monday.\n",
                 "American warships attacked two Iranian oil platforms in the Gulf last Friday.\n",
                 CivilDate{1987, 10, 20});
  EXPECT_EQ(withCode(b, "date-conflict").size(), 2U);
}

TEST(DateChecks, TheEventOfAnAfterClauseIsNotTheSentences) {
  // "yesterday" dates the shares' gain; the election is what it counts from.
  const Analysis a = twoReports(
      "Chancellor Helmut Kohl's CDU and their liberal Free Democrat Party (FDP) allies today won "
      "control of the central state of Hesse in state elections.\n",
      "Shares gained strongly yesterday after the centre-right CDU and liberal FDP won state "
      "elections in Hesse, but there was no follow-through today.\n",
      CivilDate{1987, 4, 5}, CivilDate{1987, 4, 7});
  EXPECT_TRUE(withCode(a, "date-conflict").empty());
}

TEST(DateChecks, WhatIsMeantToHappenIsNotTheEvent) {
  // "the offer to acquire" is no acquisition: the meeting and the rejection are two events.
  const Analysis a = twoReports(
      "USAir said its board and that of Piedmont Aviation Inc met separately yesterday to "
      "consider USAir's offer to acquire 50.1 pct of Piedmont.\n",
      "The board of Piedmont Aviation Inc rejected yesterday USAir's offer to acquire 50.1 pct of "
      "Piedmont.\n",
      CivilDate{1987, 3, 5}, CivilDate{1987, 3, 6});
  EXPECT_TRUE(withCode(a, "date-conflict").empty());
}

TEST(DateChecks, SimilarEventsFarApartAreNotConflicts) {
  Config config;
  config.sources["a.txt"].published = CivilDate{2013, 5, 3};
  config.sources["b.txt"].published = CivilDate{2010, 9, 25};
  const Analysis a =
      run({{"a.txt", "Actress Lindsay Lohan checked into the Betty Ford Center on Thursday.\n"},
           {"b.txt", "Actress Lindsay Lohan checked into the Betty Ford Center on Friday.\n"}},
          config);
  EXPECT_TRUE(withCode(a, "date-conflict").empty());
}

TEST(DateChecks, SeverityOffSilencesTheCheck) {
  Config config;
  config.checks["impossible-date"] = Severity::Off;
  const Analysis a = run({{"a.txt", "The vote was set for February 30.\n"}}, config);
  EXPECT_TRUE(withCode(a, "impossible-date").empty());
}

} // namespace
} // namespace newslint::analysis
