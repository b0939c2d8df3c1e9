// How the process allocates: the arena policy, set once, first thing in main(), before any
// thread starts; and handing freed memory back.
#pragma once

namespace newslint::workspace {

/// Has glibc's malloc serve every thread from one arena, unless MALLOC_ARENA_MAX is set
/// in the environment (which then decides). By default glibc gives threads up to eight
/// arenas per core, and memory freed in one arena serves no other. The server's threads
/// (its workers, the quick re-check, the engine's parallel loops) each ended up with
/// their own: on Reuters-21578, the server's peak RSS was 10.8 times the corpus with the
/// default and 9.2 times with one arena, indexing as fast. `newslint serve` calls it;
/// `newslint check` does not: on 100,000 generated articles one arena saved 2% of its
/// memory and cost 13% of its time (extraction on both cores waits on the one arena).
/// Elsewhere than glibc: nothing.
void useOneAllocatorArena();

/// Hands the pages the allocator holds free back to the system (glibc's malloc_trim):
/// freed memory otherwise stays resident, kept for reuse. It holds the arena while it
/// walks the heap (milliseconds for hundreds of megabytes, more for gigabytes), so the
/// server calls it only once the corpus has stayed unchanged for a moment. Elsewhere than
/// glibc: nothing.
void handBackFreedMemory();

} // namespace newslint::workspace
