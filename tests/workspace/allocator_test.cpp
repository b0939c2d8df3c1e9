// One malloc arena: threads started after useServerAllocatorPolicy() add no arena of their own.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "newslint/workspace/allocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace newslint::workspace::test {
namespace {

#if defined(__GLIBC__)
/// The arenas glibc has made so far: one <heap> element each in malloc_info's report.
size_t arenaCount() {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  malloc_info(0, out);
  std::fclose(out);
  const std::string report(buffer, size);
  std::free(buffer);
  size_t count = 0;
  for (size_t at = report.find("<heap nr="); at != std::string::npos;
       at = report.find("<heap nr=", at + 1))
    ++count;
  return count;
}

/// Starts threads that allocate at the same time, as the engine's parallel loops do.
void allocateOnThreads(int threads) {
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([] {
      std::vector<std::unique_ptr<std::string>> kept;
      for (int i = 0; i < 20000; ++i)
        kept.push_back(std::make_unique<std::string>(64, 'x'));
    });
  for (auto& thread : pool)
    thread.join();
}

TEST(Allocator, ThreadsShareOneArena) {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr)
    GTEST_SKIP() << "MALLOC_ARENA_MAX is set: the environment decides";
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the address sanitizer's allocator serves this build, not glibc's";
#endif
  useServerAllocatorPolicy();
  const size_t before = arenaCount();
  ASSERT_GE(before, 1U);
  allocateOnThreads(8);
  EXPECT_EQ(arenaCount(), before);
}
#endif

} // namespace
} // namespace newslint::workspace::test
