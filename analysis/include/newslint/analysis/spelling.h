// Transliteration-aware spelling keys and similarity for name tokens.
//
// Two keys per token: `normalized` (article removed, transliteration equivalences mapped,
// doubled letters collapsed) for scoring, and `skeleton` (consonant classes only) for
// blocking. The similarity is a weighted edit distance in which the edits that
// transliteration makes cheaply (vowel for vowel, k/q, s/z, inserted vowels) cost less.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

struct SpellingKey {
  std::string exact;      ///< case-folded, article stripped, apostrophes kept ("hay'at")
  std::string normalized; ///< transliteration-normalised ("hayat", "shaban", "sirgi")
  std::string skeleton;   ///< consonant classes of `normalized` ("hyt", "shbn")
};

/// Removes a leading Arabic article with sun-letter assimilation (al-, el-, ash-, as-, ad-,
/// at-, ar-, az-, an-, ath-, adh-) from a case-folded token. Returns the token unchanged
/// when it has none.
std::string_view stripArticle(std::string_view folded);

SpellingKey spellingKey(std::string_view token);

/// Similarity in [0, 1] of two keys; 1 means the normalised forms are identical.
double spellingSimilarity(const SpellingKey& a, const SpellingKey& b);

/// The similarity at and above which two tokens are spelling variants on spelling alone
/// (the name-variant evaluation in docs/evaluation.md uses this value, fixed).
inline constexpr double kSpellingVariantThreshold = 0.8;

/// Blocking keys: the skeleton and its one-deletion neighbours. Two tokens that may be
/// variants share at least one blocking key.
std::vector<std::string> blockingKeys(const SpellingKey& key);

/// True when one string is the other plus an inflectional or demonym suffix
/// (Syria/Syrian/Syrias, Egypt/Egyptian, Israel/Israeli, Moscow/Moscow's).
bool isDerivedForm(std::string_view foldedA, std::string_view foldedB);

} // namespace newslint::analysis
