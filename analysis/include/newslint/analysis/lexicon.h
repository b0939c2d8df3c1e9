// Word knowledge the engine is given (it loads nothing itself): common words, so that a
// capitalised word at the start of a sentence is not taken for a name, and gazetteer
// entries (countries and major places) that never merge with one another.
#pragma once

#include <string>
#include <string_view>

#include "newslint/analysis/word_table.h"

namespace newslint::analysis {

class Lexicon {
public:
  /// Adds a dictionary word as written: lower-case entries are common words,
  /// capitalised ones proper names.
  void addWord(std::string_view word);
  /// Adds a place from a gazetteer (countries, major cities).
  void addPlace(std::string_view name);

  /// `folded` is in the dictionary as a lower-case word.
  [[nodiscard]] bool isCommonWord(std::string_view folded) const;
  /// `folded` is in the dictionary as a proper name.
  [[nodiscard]] bool isProperName(std::string_view folded) const;
  [[nodiscard]] bool isPlace(std::string_view folded) const;
  [[nodiscard]] bool empty() const { return common_.empty() && proper_.empty(); }

  /// A small built-in lexicon: function words and news vocabulary that start sentences,
  /// and the names of countries most often confused. Used when no dictionary is loaded.
  static Lexicon builtin();

private:
  WordSet common_;
  WordSet proper_;
  WordSet places_;
};

} // namespace newslint::analysis
