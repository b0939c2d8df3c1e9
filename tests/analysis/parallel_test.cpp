// parallelFor: every index once, whatever the grain and the number of cores; exceptions
// reach the caller; a SerialSection keeps the loop on the calling thread.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "parallel.h"

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

} // namespace
