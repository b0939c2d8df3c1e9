// How the process allocates: the server's policy, set once, first thing in main(), before
// any thread starts; and handing freed memory back.
//
// The executables are linked with tcmalloc when it is installed (NEWSLINT_TCMALLOC): on
// 10,000 generated articles `newslint check` takes about 15% less time than with glibc's
// malloc, and the server indexes Reuters-21578 about 30% faster. Without it (and in the
// sanitizer and fuzzing builds, and the tests) glibc's malloc serves, with the policies
// below.
#pragma once

#include <cstddef>
#include <string_view>

namespace newslint::workspace {

/// "tcmalloc" or "libc": the allocator serving this process (`newslint version`).
std::string_view allocatorName();

/// tcmalloc's cache of freed memory for all threads together, in the server. With
/// tcmalloc's defaults (32 MiB, freed pages kept) the server's peak over 60 edits of a
/// Reuters-21578 story was 11.4 times the corpus; with this and freed pages decommitted at
/// once, 10.3 (9.9 under glibc's one arena), indexing as fast.
inline constexpr std::size_t kServerThreadCacheBytes = std::size_t{4} << 20;

/// The server's allocator policy. Under tcmalloc: the thread cache above. Under glibc:
/// every thread served from one arena, unless MALLOC_ARENA_MAX is set in the environment
/// (which then decides). By default glibc gives threads up to eight arenas per core, and
/// memory freed in one arena serves no other. The server's threads (its workers, the quick
/// re-check, the engine's parallel loops) each ended up with their own: on Reuters-21578,
/// the server's peak RSS was 10.8 times the corpus with the default and 9.2 times with one
/// arena, indexing as fast. `newslint serve` calls it; `newslint check` does not: on
/// 100,000 generated articles one arena saved 2% of its memory and cost 13% of its time
/// (extraction on both cores waits on the one arena).
void useServerAllocatorPolicy();

/// Hands the pages the allocator holds free back to the system (tcmalloc's
/// ReleaseFreeMemory, glibc's malloc_trim): freed memory otherwise stays resident, kept for
/// reuse. glibc holds the arena while it walks the heap (milliseconds for hundreds of
/// megabytes, more for gigabytes), so the server calls it only once the corpus has stayed
/// unchanged for a moment.
void handBackFreedMemory();

} // namespace newslint::workspace
