// The process-wide pool behind InternedString.
#include "newslint/analysis/interned.h"
#include "newslint/analysis/string_hash.h"

#include <mutex>
#include <unordered_set>

namespace newslint::analysis {

const std::string InternedString::kEmpty;

namespace {

// The pool is split by hash into shards, each with its own lock: the extraction and date
// resolution of many documents at once intern on every core, and one lock for all of them
// kept the cores waiting on each other.
struct Shard {
  std::mutex mutex;
  // Nodes never move: a pointer to an element stays valid as the set grows.
  std::unordered_set<std::string, StringHash, std::equal_to<>> texts;
};

constexpr size_t kShards = 64;

Shard* pool() {
  // Never destroyed: interned strings outlive statics.
  static Shard* const kPool = new Shard[kShards];
  return kPool;
}

} // namespace

InternedString::InternedString(std::string_view text) {
  if (text.empty()) {
    return;
  }
  const size_t hash = StringHash{}(text);
  // The high bits pick the shard; the set inside uses the hash whole.
  Shard& shard = pool()[(hash >> 58) % kShards];
  const std::lock_guard<std::mutex> lock(shard.mutex);
  auto it = shard.texts.find(text);
  if (it == shard.texts.end()) {
    it = shard.texts.emplace(text).first;
  }
  text_ = &*it;
}

} // namespace newslint::analysis
