// Data parallelism for the corpus-level steps: a loop over independent items split across
// the machine's cores. Each item writes only its own result slot, and the caller reads the
// slots in index order afterwards, so the output never depends on thread timing.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace newslint::analysis {

/// True while a SerialSection is open on this thread: parallelFor then runs on the caller.
inline thread_local bool tlSerialOnly = false;

/// Keeps parallelFor on the calling thread while it lives. The quick re-check of one edit
/// uses it: its loops are short, and on a busy machine waiting for another thread to be
/// scheduled would cost more than the loop.
class SerialSection {
public:
  SerialSection() : SerialSection(true) {}
  /// With `serial` false, parallelFor uses every core again while it lives, for one long
  /// stretch of work inside a serial section.
  explicit SerialSection(bool serial) : previous_(tlSerialOnly) { tlSerialOnly = serial; }
  ~SerialSection() { tlSerialOnly = previous_; }
  SerialSection(const SerialSection&) = delete;
  SerialSection& operator=(const SerialSection&) = delete;

private:
  bool previous_;
};

/// Calls `body(i)` for every i in [0, n), on up to one thread per core, `grain` items at a
/// time. Runs on the calling thread alone when there are fewer than two grains of work or
/// a SerialSection is open.
/// The first exception thrown by `body` is rethrown once every thread has stopped.
template <class Body> void parallelFor(size_t n, size_t grain, const Body& body) {
  grain = std::max<size_t>(grain, 1);
  const size_t chunks = (n + grain - 1) / grain;
  // The count of cores is read once: the C library reads it from /sys on every call.
  static const size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  const size_t threads = tlSerialOnly ? 1 : std::min<size_t>(chunks, cores);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) {
      body(i);
    }
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failureMutex;
  auto work = [&] {
    try {
      for (size_t chunk = next++; chunk < chunks; chunk = next++) {
        const size_t end = std::min(n, (chunk + 1) * grain);
        for (size_t i = chunk * grain; i < end; ++i) {
          body(i);
        }
      }
    } catch (...) {
      const std::lock_guard lock(failureMutex);
      if (!failure) {
        failure = std::current_exception();
      }
      next = chunks; // the others stop at their next chunk
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (std::thread& thread : pool) {
    thread.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

} // namespace newslint::analysis
