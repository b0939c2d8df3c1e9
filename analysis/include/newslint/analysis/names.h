// Name mentions: capitalised runs with connectors, titles and possessives stripped and
// kept as context, plus the context evidence used to merge spellings (role, age, lists).
#pragma once

#include <string>
#include <vector>

#include "newslint/analysis/document.h"
#include "newslint/analysis/lexicon.h"

namespace newslint::analysis {

struct NamePart {
  Span span;
  std::string text; ///< as written ("al-Sharaa", "Hay’at")
  std::string key;  ///< spelling key: case-folded, article stripped ("sharaa", "hay'at")
};

struct Mention {
  Span span; ///< the name, without title or possessive
  std::vector<NamePart> parts;
  std::vector<std::string>
      inheritedKeys; ///< a surname shared by coordination ("Ihab and Iyad Makhlouf")
  uint32_t sentence = 0;
  /// A capitalised common word at a sentence start or in a headline: it counts only when
  /// the corpus shows the same word as a name elsewhere.
  bool weak = false;
  bool possessive = false;
  std::string title;  ///< "Mr.", "Syrian President"
  std::string role;   ///< normalised role word ("mother", "media adviser")
  std::string roleOf; ///< key of the possessor of the role ("assad" in "Assad's mother")
  int age = -1;
  int list = -1; ///< id of the enumeration it stands in, -1 when none

  [[nodiscard]] std::string text() const; ///< parts joined by single spaces
  [[nodiscard]] std::string key() const;  ///< part keys joined by single spaces
};

std::vector<Mention> extractMentions(const Document& doc, const Lexicon& lexicon);

/// Family relations ("mother", "cousin", "brother-in-law"): a role that identifies one
/// person, unlike an office ("minister") that many hold.
bool isRelationRole(std::string_view folded);

/// Words that name a weekday or a month: never name mentions.
bool isCalendarWord(std::string_view folded);

} // namespace newslint::analysis
