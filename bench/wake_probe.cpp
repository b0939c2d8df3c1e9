// How much slower this machine reads memory right after it has idled: the same batch of
// random one-byte reads over a large buffer, timed first after a pause (the process asleep)
// and then again at once, round after round.
//
// usage: wake_probe [--mb N] [--pause-ms N] [--rounds N] [--reads N]
//
// The quick re-check of an edit reads the facts of thousands of articles: a batch of reads
// spread over a large heap, much like this one. On a machine where reading memory after an
// idle spell costs extra (some virtual machines do; why is not visible from inside them),
// the first edit after a pause pays that cost, and `lsp_latency`'s slowest
// edits come from the machine rather than the server. Run this beside a latency run to tell
// the two apart: on a machine without the effect, the ratio stays near 1.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench_util.h"

using Clock = std::chrono::steady_clock;
using newslint::bench::ms;
using newslint::bench::percentile;

namespace {

/// Reads `reads` bytes at pseudo-random places of `buffer` (a fixed sequence from `state`).
uint64_t readAround(const std::vector<unsigned char>& buffer, size_t reads, uint64_t& state) {
  uint64_t sum = 0;
  for (size_t i = 0; i < reads; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    sum += buffer[(state >> 17) % buffer.size()];
  }
  return sum;
}

} // namespace

int main(int argc, char** argv) {
  size_t mb = 2048;
  int pauseMs = 1000;
  int rounds = 5;
  size_t reads = 200000;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view a = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "wake_probe: %s needs a value\n", argv[i]);
      return 2;
    }
    const long value = std::strtol(argv[i + 1], nullptr, 10);
    if (value <= 0) {
      std::fprintf(stderr, "wake_probe: %s takes a positive number\n", argv[i]);
      return 2;
    }
    if (a == "--mb") {
      mb = static_cast<size_t>(value);
    } else if (a == "--pause-ms") {
      pauseMs = static_cast<int>(value);
    } else if (a == "--rounds") {
      rounds = static_cast<int>(value);
    } else if (a == "--reads") {
      reads = static_cast<size_t>(value);
    } else {
      std::fprintf(stderr, "usage: wake_probe [--mb N] [--pause-ms N] [--rounds N] [--reads N]\n");
      return 2;
    }
  }
  // Written once, so that every page is the process's own (not the shared zero page).
  std::vector<unsigned char> buffer(mb << 20);
  for (size_t b = 0; b < buffer.size(); b += 4096) {
    buffer[b] = static_cast<unsigned char>(b >> 12);
  }
  uint64_t state = 1;
  uint64_t sink = readAround(buffer, reads, state); // the first touch is not measured
  std::vector<double> afterPause;
  std::vector<double> busy;
  for (int r = 0; r < rounds; ++r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
    for (int batch = 0; batch < 4; ++batch) {
      const auto start = Clock::now();
      sink += readAround(buffer, reads, state);
      const double t = ms(Clock::now() - start);
      (batch == 0 ? afterPause : busy).push_back(t);
    }
  }
  const double busyMedian = percentile(busy, 0.5);
  std::printf("| buffer MB | reads per batch | pause ms | rounds | after the pause p50 ms | max | "
              "busy p50 ms | after the pause / busy |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %zu | %d | %d | %.1f | %.1f | %.1f | %.1f |\n", mb, reads, pauseMs, rounds,
              percentile(afterPause, 0.5), *std::max_element(afterPause.begin(), afterPause.end()),
              busyMedian, busyMedian > 0 ? percentile(afterPause, 0.5) / busyMedian : 0.0);
  return sink == 42 ? 1 : 0; // keeps the reads from being optimised away
}
