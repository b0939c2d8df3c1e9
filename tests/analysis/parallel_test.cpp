// parallelFor: every index once, whatever the grain and the number of cores; exceptions
// reach the caller; a SerialSection keeps the loop on the calling thread.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/parallel.h"
#include "newslint/analysis/timeline.h"
#include "newslint/workspace/workspace.h"

namespace {

using newslint::analysis::parallelFor;
using newslint::analysis::SerialSection;

TEST(ParallelFor, CallsEveryIndexExactlyOnce) {
  for (const size_t n : {0UL, 1UL, 7UL, 1000UL, 10007UL}) {
    for (const size_t grain : {1UL, 3UL, 64UL, 100000UL}) {
      std::vector<std::atomic<int>> calls(n);
      parallelFor(n, grain, [&](size_t i) { ++calls[i]; });
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(calls[i].load(), 1) << "n " << n << " grain " << grain << " index " << i;
      }
    }
  }
}

TEST(ParallelFor, RethrowsAnExceptionOfTheBody) {
  std::atomic<int> calls{0};
  EXPECT_THROW(parallelFor(5000, 10,
                           [&](size_t i) {
                             ++calls;
                             if (i == 1234) {
                               throw std::runtime_error("item 1234");
                             }
                           }),
               std::runtime_error);
  EXPECT_GE(calls.load(), 1);
  EXPECT_LE(calls.load(), 5000);
}

TEST(ParallelFor, SerialSectionRunsOnTheCallingThread) {
  std::set<std::thread::id> threads;
  {
    const SerialSection serial;
    parallelFor(100000, 1, [&](size_t) { threads.insert(std::this_thread::get_id()); });
  }
  ASSERT_EQ(threads.size(), 1U);
  EXPECT_EQ(*threads.begin(), std::this_thread::get_id());
  // Closed again: the next loop may use every core (and still calls each index once).
  std::atomic<size_t> sum{0};
  parallelFor(1000, 1, [&](size_t i) { sum += i; });
  EXPECT_EQ(sum.load(), 999U * 1000U / 2U);
}

// The date resolution passes run documents on every core between the documents with an
// event offset, which read the others' dates in corpus order, and beside the name index:
// the result must be the one a single thread gives. 300 articles, three with an event offset whose
// event is dated in other articles, before and after it.
TEST(ParallelDates, ResolutionOnEveryCoreEqualsOneDocumentAtATime) {
  using namespace newslint::analysis;
  Corpus corpus(newslint::workspace::loadLexicon());
  for (int i = 0; i < 300; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "d%03d.txt", i);
    std::string text = "Date: 2024-12-" + std::to_string(10 + i % 15) + "\n\n";
    if (i % 100 == 50) {
      text += "Four days after his visit to Moscow, the minister spoke to reporters.\n";
    } else {
      // Two spellings of one minister, so that the name index has an entity for the claims.
      text += std::string(i % 7 == 3 ? "Minister Anna Petrowa" : "Minister Anna Petrova") +
              " visited Moscow on November " + std::to_string(1 + i % 27) + ".\n";
    }
    corpus.upsert(id, text);
  }
  const CorpusSnapshot snapshot = corpus.snapshot();
  const Analysis parallel = analyze(snapshot);
  Analysis serial;
  {
    const SerialSection oneThread;
    serial = analyze(snapshot);
  }
  ASSERT_EQ(parallel.dates->times.size(), serial.dates->times.size());
  size_t offsets = 0;
  for (size_t i = 0; i < serial.dates->times.size(); ++i) {
    const ResolvedTime& a = parallel.dates->times[i];
    const ResolvedTime& b = serial.dates->times[i];
    EXPECT_EQ(a.document, b.document);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.resolution.value, b.resolution.value) << a.document.view() << ": " << a.text.view();
    EXPECT_EQ(a.resolution.inference, b.resolution.inference);
    if (b.relation == Relation::EventOffset && b.resolution.resolved) {
      ++offsets;
      // The first article in corpus order dates the visit: November 1, four days before.
      EXPECT_EQ(b.resolution.value, "2024-11-05") << b.document.view();
    } else if (b.text.view().starts_with("November ")) {
      // Every article's own date resolved, in whichever stretch of the passes it fell.
      const int day = std::stoi(std::string(b.text.view().substr(9)));
      char expected[16];
      std::snprintf(expected, sizeof expected, "2024-11-%02d", day);
      EXPECT_EQ(b.resolution.value, expected) << b.document.view();
    }
  }
  EXPECT_EQ(offsets, 3U); // every event offset found its event
  // analyze() resolves the dates beside the name index and builds the claims from both: the
  // claims' participants (the names) and events equal those of one step after the other.
  ASSERT_EQ(parallel.dates->claims.size(), serial.dates->claims.size());
  size_t withEntities = 0;
  for (size_t i = 0; i < serial.dates->claims.size(); ++i) {
    const Claim& a = parallel.dates->claims[i];
    const Claim& b = serial.dates->claims[i];
    EXPECT_EQ(a.participantKeys, b.participantKeys) << b.document;
    EXPECT_EQ(a.participants, b.participants) << b.document;
    EXPECT_EQ(a.event, b.event) << b.document;
    withEntities += b.entities.empty() ? 0 : 1;
  }
  EXPECT_GT(withEntities, 0U); // the claims read the name index
  EXPECT_EQ(parallel.dates->links.size(), serial.dates->links.size());
  EXPECT_EQ(parallel.dates->events.size(), serial.dates->events.size());
  ASSERT_EQ(parallel.findings.size(), serial.findings.size());
  for (size_t i = 0; i < serial.findings.size(); ++i) {
    EXPECT_EQ(parallel.findings[i].message, serial.findings[i].message);
  }
}

} // namespace
