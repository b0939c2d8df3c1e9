// A memo of a text made from a word, for the words a corpus repeats.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "newslint/analysis/interned.h"
#include "newslint/analysis/string_hash.h"

namespace newslint::analysis {

/// The interned text made from each word met, made once. Meant to be kept per thread
/// (`thread_local`): it holds at most kMaxWords words and is emptied when full, a bound for
/// a long-lived thread.
class WordMemo {
public:
  static constexpr size_t kMaxWords = 1 << 18;

  /// The text `make(word)` gave when the word was first met.
  template <class Make> InternedString of(std::string_view word, const Make& make) {
    auto it = made_.find(word);
    if (it == made_.end()) {
      if (made_.size() >= kMaxWords) {
        made_.clear();
      }
      it = made_.emplace(std::string(word), InternedString(make(word))).first;
    }
    return it->second;
  }

private:
  std::unordered_map<std::string, InternedString, StringHash, std::equal_to<>> made_;
};

} // namespace newslint::analysis
