// The sample corpus, dates half: D1 of shared/seeds/EXPECTED.md (Jalali's last call,
// `Saturday night at 10:30 pm` against `9:30 p.m. on December 7`) is reported as a
// date-conflict with both sources, and nothing on the MUST-NOT list is — with the example
// register and as a bare folder, where years and anchors are inferred and say so.
#include "newslint/analysis/timeline.h"
#include "support/corpus_fixture.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

namespace newslint::analysis {
namespace {

std::string prefix(const std::string& document) {
  return document.substr(0, 3);
}

class SampleDates : public ::testing::TestWithParam<bool> {
protected:
  void SetUp() override {
    corpus_ = std::make_unique<Corpus>(testing::loadFolder(testing::examplesDir(), GetParam()));
    ASSERT_EQ(corpus_->size(), 5U);
    analysis_ = analyze(corpus_->snapshot());
    ASSERT_TRUE(analysis_.dates);
  }

  [[nodiscard]] std::vector<const Finding*> withCode(std::string_view code) const {
    std::vector<const Finding*> out;
    for (const Finding& f : analysis_.findings) {
      if (f.code == code) {
        out.push_back(&f);
      }
    }
    return out;
  }

  /// The resolved time whose text is `text` in the document starting with `doc` (000..004).
  [[nodiscard]] const ResolvedTime* time(std::string_view doc, std::string_view text) const {
    for (const ResolvedTime& t : analysis_.dates->times) {
      if (t.document.view().starts_with(doc) && t.text == text) {
        return &t;
      }
    }
    return nullptr;
  }

  std::unique_ptr<Corpus> corpus_;
  Analysis analysis_;
};

bool isD1(const Finding& f) {
  const std::string here = prefix(f.primary.document);
  if (f.related.empty()) {
    return false;
  }
  const std::string there = prefix(f.related.front().location.document);
  return (here == "003" && f.flagged == "Saturday night at 10:30 pm" && there == "004") ||
         (here == "004" && f.flagged == "9:30 p.m. on December 7" && there == "003");
}

// D2 (MAY): the convoy, `Sometime after midnight on Thursday` (000) against `On Thursday
// night, Feb. 2` (001).
bool isD2(const Finding& f) {
  const std::string here = prefix(f.primary.document);
  const std::string there = f.related.empty() ? "" : prefix(f.related.front().location.document);
  return (here == "000" && there == "001") || (here == "001" && there == "000");
}

TEST_P(SampleDates, ReportsJalalisLastCallAsAConflictWithBothSources) {
  const auto conflicts = withCode("date-conflict");
  const bool in003 = std::any_of(conflicts.begin(), conflicts.end(), [](const Finding* f) {
    return isD1(*f) && prefix(f->primary.document) == "003";
  });
  const bool in004 = std::any_of(conflicts.begin(), conflicts.end(), [](const Finding* f) {
    return isD1(*f) && prefix(f->primary.document) == "004";
  });
  EXPECT_TRUE(in003);
  EXPECT_TRUE(in004);
  for (const Finding* f : conflicts) {
    if (isD1(*f)) {
      EXPECT_NE(f->message.find("2024-12-07 22:30"), std::string::npos) << f->message;
      EXPECT_NE(f->message.find("2024-12-07 21:30"), std::string::npos) << f->message;
      EXPECT_NE(f->message.find("60 minutes"), std::string::npos) << f->message;
      const bool participants =
          std::any_of(f->evidence.begin(), f->evidence.end(), [](const std::string& e) {
            return e.starts_with("shared participants") && e.find("Jalali") != std::string::npos;
          });
      EXPECT_TRUE(participants);
    }
  }
}

TEST_P(SampleDates, ReportsNothingOnTheMustNotList) {
  for (const Finding* f : withCode("date-conflict")) {
    EXPECT_TRUE(isD1(*f) || isD2(*f)) << f->primary.document << ": " << f->message;
  }
  EXPECT_TRUE(withCode("weekday-mismatch").empty());
  EXPECT_TRUE(withCode("impossible-date").empty());
}

TEST_P(SampleDates, DurationsAreNeverDates) {
  for (const auto& [doc, text] :
       std::vector<std::pair<std::string, std::string>>{{"003", "24-year"},
                                                        {"002", "50-year"},
                                                        {"004", "half a century"},
                                                        {"002", "13 years"},
                                                        {"003", "13 years"}}) {
    const ResolvedTime* t = time(doc, text);
    ASSERT_NE(t, nullptr) << doc << " " << text;
    EXPECT_EQ(t->kind, TimeKind::Duration) << text;
    EXPECT_LT(t->claim, 0) << text;
  }
}

TEST_P(SampleDates, ResolvesTheNarrativeWeekdayAgainstTheStory) {
  // `Saturday night` right after `On that fateful Sunday` is the Saturday before that Sunday.
  const ResolvedTime* saturday = time("003", "Saturday night at 10:30 pm");
  ASSERT_NE(saturday, nullptr);
  EXPECT_EQ(saturday->resolution.value, "2024-12-07T22:30");
  const ResolvedTime* sunday = time("003", "that fateful Sunday");
  ASSERT_NE(sunday, nullptr);
  EXPECT_EQ(sunday->resolution.value, "2024-12-08");
  EXPECT_EQ(inlayHint(*saturday), "2024-12-07 22:30");
  // Hover and the same event in another source.
  const ResolvedTime* at = analysis_.dates->timeAt(saturday->document, saturday->span.begin + 3);
  ASSERT_EQ(at, saturday);
  const auto others = analysis_.dates->sameEvent(saturday->document, saturday->span.begin);
  EXPECT_TRUE(std::any_of(others.begin(), others.end(),
                          [](const Claim* c) { return prefix(c->document) == "004"; }));
  EXPECT_NE(hoverText(*analysis_.dates, *saturday).find("disagrees"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(RegisterAndBare, SampleDates, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? "WithRegister" : "BareFolder";
                         });

TEST(SampleDatesWithRegister, ResolvesRelativeDatesAgainstPublication) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Analysis analysis = analyze(corpus.snapshot());
  auto value = [&](std::string_view doc, std::string_view text) -> std::string {
    for (const ResolvedTime& t : analysis.dates->times) {
      if (t.document.view().starts_with(doc) && t.text == text) {
        return t.resolution.value;
      }
    }
    return "(missing)";
  };
  // Araqchi: 28 Nov + 4 days; the commanders' meeting: the Saturday before the departure.
  EXPECT_EQ(value("004", "Four days after his visit to Moscow"), "2024-12-02");
  EXPECT_EQ(value("002", "December 2"), "2024-12-02");
  EXPECT_EQ(value("002", "the Saturday before his departure"), "2024-12-07");
  EXPECT_EQ(value("004", "December 7"), "2024-12-07");
  // The flight.
  EXPECT_EQ(value("002", "the early hours of Sunday morning"), "2024-12-08TMO");
  EXPECT_EQ(value("004", "December 8"), "2024-12-08");
  // The Security Council and Lavrov's visit in 2012.
  EXPECT_EQ(value("000", "last weekend"), "2012-W05-WE");
  EXPECT_EQ(value("001", "February 4"), "2012-02-04");
  EXPECT_EQ(value("000", "Tuesday"), "2012-02-07");
  EXPECT_EQ(value("001", "Tuesday"), "2012-02-07");
  EXPECT_EQ(value("000", "after midnight on Thursday, last week"), "2012-02-02TMO");
  EXPECT_EQ(value("001", "Thursday night, Feb. 2"), "2012-02-02TNI");
}

TEST(SampleDatesBare, ShowsTheInferredYear) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), false);
  const Analysis analysis = analyze(corpus.snapshot());
  const DocumentAnchor* anchor = analysis.dates->anchorOf("004_7ae6212592d33cc9.txt");
  ASSERT_NE(anchor, nullptr);
  EXPECT_FALSE(anchor->published);
  ASSERT_TRUE(anchor->year);
  EXPECT_EQ(*anchor->year, 2024);
  EXPECT_NE(anchor->yearHow.find("003_fce50c72ea1de802.txt"), std::string::npos) << anchor->yearHow;
  for (const Finding& f : analysis.findings) {
    if (f.code == "date-conflict" && prefix(f.primary.document) == "004") {
      const bool shown =
          std::any_of(f.evidence.begin(), f.evidence.end(), [](const std::string& e) {
            return e.find("year 2024 taken from") != std::string::npos;
          });
      EXPECT_TRUE(shown) << "the inferred year is visible in the finding";
      // The anchor was not known: the finding offers to record the publication date.
      EXPECT_TRUE(std::any_of(f.fixes.begin(), f.fixes.end(), [](const Fix& fix) {
        return fix.registerChange && fix.registerChange->kind == RegisterChange::Kind::SetPublished;
      }));
    }
  }
}

} // namespace
} // namespace newslint::analysis
