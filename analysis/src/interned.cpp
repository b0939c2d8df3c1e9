// The process-wide pool behind InternedString.
#include "newslint/analysis/interned.h"
#include "newslint/analysis/word_table.h"

#include <deque>
#include <mutex>

namespace newslint::analysis {

const std::string InternedString::kEmpty;

namespace {

// The pool is split by hash into shards, each with its own lock: the extraction and date
// resolution of many documents at once intern on every core, and one lock for all of them
// kept the cores waiting on each other.
struct Shard {
  std::mutex mutex;
  // The texts live in a deque, where they never move: an interned string points at one.
  WordMap<const std::string*> index;
  std::deque<std::string> texts;
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
  const uint64_t hash = wordHash(text);
  // The high bits pick the shard; the table inside uses the hash whole.
  Shard& shard = pool()[(hash >> 58) % kShards];
  const std::lock_guard<std::mutex> lock(shard.mutex);
  if (const std::string* const* found = shard.index.find(text, hash)) {
    text_ = *found;
    return;
  }
  const std::string& added = shard.texts.emplace_back(text);
  shard.index.tryEmplace(text, hash, &added);
  text_ = &added;
}

} // namespace newslint::analysis
