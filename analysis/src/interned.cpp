// The process-wide pool behind InternedString.
#include "newslint/analysis/interned.h"

#include <mutex>
#include <unordered_set>

namespace newslint::analysis {

const std::string InternedString::kEmpty;

namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

struct Pool {
  std::mutex mutex;
  // Nodes never move: a pointer to an element stays valid as the set grows.
  std::unordered_set<std::string, Hash, std::equal_to<>> texts;
};

Pool& pool() {
  static Pool* const kPool = new Pool(); // never destroyed: interned strings outlive statics
  return *kPool;
}

} // namespace

InternedString::InternedString(std::string_view text) {
  if (text.empty()) {
    return;
  }
  Pool& p = pool();
  const std::lock_guard<std::mutex> lock(p.mutex);
  auto it = p.texts.find(text);
  if (it == p.texts.end()) {
    it = p.texts.emplace(text).first;
  }
  text_ = &*it;
}

} // namespace newslint::analysis
