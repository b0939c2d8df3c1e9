// Transliteration-aware spelling keys and similarity for name tokens.
//
// Two keys per token: `normalized` (article removed, transliteration equivalences mapped
// onto one symbol each, doubled vowels collapsed) for scoring, and `skeleton` (consonant
// classes only) for blocking. The similarity is a weighted edit distance in which the edits
// that transliteration makes (e/i and o/u, an inserted vowel or h, ch/sh, s/z, a doubled
// consonant) cost less than the ones that make another name (a changed final vowel, an
// unrelated consonant). spelling.cpp lists the rules and costs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

struct SpellingKey {
  std::string exact;      ///< case-folded, article stripped, apostrophes kept ("hay'at")
  std::string normalized; ///< transliteration-normalised: "hayat", "xaban" (sh = x), "sergei"
  std::string skeleton;   ///< consonant classes of `normalized`, no h or y: "t", "xbn", "srk"
};

/// Removes a leading Arabic article with sun-letter assimilation (al-, el-, ash-, as-, ad-,
/// at-, ar-, az-, an-, ath-, adh-) from a case-folded token. Returns the token unchanged
/// when it has none.
std::string_view stripArticle(std::string_view folded);

SpellingKey spellingKey(std::string_view token);

/// Similarity in [0, 1] of two keys; 1 means the normalised forms are identical.
double spellingSimilarity(const SpellingKey& a, const SpellingKey& b);

/// The similarity at and above which two tokens are taken as spelling variants on spelling
/// alone, without context evidence. The name-variant evaluation (docs/evaluation.md) scores
/// spellingSimilarity with this value, fixed; it was chosen on the tuning half of that data.
inline constexpr double kSpellingVariantThreshold = 0.91;

/// Blocking keys: the skeleton and its one-deletion neighbours. Two tokens that may be
/// variants share at least one blocking key.
std::vector<std::string> blockingKeys(const SpellingKey& key);

/// True when one string is the other plus an inflectional or demonym suffix
/// (Syria/Syrian/Syrias, Egypt/Egyptian, Israel/Israeli, Moscow/Moscow's).
bool isDerivedForm(std::string_view foldedA, std::string_view foldedB);
/// Two numbered versions of one name ("karbala-7", "karbala-8"; "dc-9", "dc-10"): different
/// things, not two spellings.
bool isNumberedVersion(std::string_view foldedA, std::string_view foldedB);

} // namespace newslint::analysis
