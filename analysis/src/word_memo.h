// A memo of a text made from a word, for the words a corpus repeats.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "newslint/analysis/interned.h"
#include "newslint/analysis/word_table.h"

namespace newslint::analysis {

/// The interned text made from each word met, made once. Meant to be kept per thread
/// (`thread_local`): it holds at most kMaxWords words and is emptied when full, a bound for
/// a long-lived thread.
class WordMemo {
public:
  static constexpr size_t kMaxWords = 1 << 18;

  /// The text `make(word)` gave when the word was first met.
  template <class Make> InternedString of(std::string_view word, const Make& make) {
    if (const InternedString* made = made_.find(word)) {
      return *made;
    }
    if (made_.size() >= kMaxWords) {
      made_.clear();
    }
    return *made_.tryEmplace(word, InternedString(make(word))).first;
  }

private:
  WordMap<InternedString> made_;
};

} // namespace newslint::analysis
