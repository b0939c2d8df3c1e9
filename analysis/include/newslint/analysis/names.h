// Name mentions: capitalised runs with connectors, titles and possessives stripped and
// kept as context, plus the context evidence used to merge spellings (role, age, lists).
#pragma once

#include <string>
#include <vector>

#include "newslint/analysis/document.h"
#include "newslint/analysis/interned.h"
#include "newslint/analysis/lexicon.h"

namespace newslint::analysis {

/// One word of a name. A corpus holds about a hundred mentions per article: the part keeps
/// no copy of its text (the document has it) and an interned key.
struct NamePart {
  Span span;          ///< the part as written ("al-Sharaa", "Hay’at"), possessive excluded
  InternedString key; ///< spelling key: case-folded, article stripped ("sharaa", "hay'at")
  /// The part as written, from the document the mention was extracted from.
  [[nodiscard]] std::string_view text(const Document& doc) const { return doc.slice(span); }
};

struct Mention {
  Span span; ///< the name, without title or possessive
  std::vector<NamePart> parts;
  /// A surname shared by coordination ("Ihab and Iyad Makhlouf"); usually empty.
  InternedString inheritedKey;
  uint32_t sentence = 0;
  int age = -1;
  int list = -1; ///< id of the enumeration it stands in, -1 when none
  /// A capitalised common word at a sentence start or in a headline: it counts only when
  /// the corpus shows the same word as a name elsewhere.
  bool weak = false;
  bool possessive = false;
  InternedString title;  ///< "Mr.", "Syrian President"
  InternedString role;   ///< normalised role word ("mother", "media adviser")
  InternedString roleOf; ///< key of the possessor of the role ("assad" in "Assad's mother")

  /// The parts as written in `doc` (the mention's document), joined by single spaces.
  [[nodiscard]] std::string text(const Document& doc) const;
  [[nodiscard]] std::string key() const; ///< part keys joined by single spaces
};

std::vector<Mention> extractMentions(const Document& doc, const Lexicon& lexicon);

/// Family relations ("mother", "cousin", "brother-in-law"): a role that identifies one
/// person, unlike an office ("minister") that many hold.
bool isRelationRole(std::string_view folded);

/// Words that name a weekday or a month: never name mentions.
bool isCalendarWord(std::string_view folded);

} // namespace newslint::analysis
