// The allocator's policy and handing freed memory back (see allocator.h).
#include "newslint/workspace/allocator.h"

#include <cstddef>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// gperftools' C interface (malloc_extension_c.h), declared weak: present when the
// executable is linked with tcmalloc (NEWSLINT_TCMALLOC), null otherwise.
extern "C" {
__attribute__((weak)) void MallocExtension_ReleaseFreeMemory();
__attribute__((weak)) int MallocExtension_SetNumericProperty(const char* property,
                                                             std::size_t value);
}

namespace newslint::workspace {

std::string_view allocatorName() {
  return &MallocExtension_ReleaseFreeMemory != nullptr ? "tcmalloc" : "libc";
}

void useServerAllocatorPolicy() {
  if (&MallocExtension_SetNumericProperty != nullptr) {
    MallocExtension_SetNumericProperty("tcmalloc.max_total_thread_cache_bytes",
                                       kServerThreadCacheBytes);
    MallocExtension_SetNumericProperty("tcmalloc.aggressive_memory_decommit", 1);
    return;
  }
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr)
    mallopt(M_ARENA_MAX, 1);
#endif
}

void handBackFreedMemory() {
  if (&MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

} // namespace newslint::workspace
