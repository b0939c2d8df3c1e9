// One malloc arena for the whole process, and handing freed memory back (see allocator.h).
#include "newslint/workspace/allocator.h"

#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace newslint::workspace {

void useOneAllocatorArena() {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr)
    mallopt(M_ARENA_MAX, 1);
#endif
}

void handBackFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

} // namespace newslint::workspace
