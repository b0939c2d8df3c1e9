// Unicode helpers over ICU character properties and normalisation. No hand-written tables.
#pragma once

#include <string>
#include <string_view>

namespace newslint::analysis {

namespace detail {
// The properties of code points past ASCII, from ICU.
bool isLetterPastAscii(char32_t cp);
bool isUpperPastAscii(char32_t cp);
bool isLowerPastAscii(char32_t cp);
bool isDigitPastAscii(char32_t cp);
bool isSpacePastAscii(char32_t cp);
bool isCombiningMarkPastAscii(char32_t cp);
} // namespace detail

// Inline for ASCII, most of the text, where the answer needs no table.
inline bool isLetter(char32_t cp) {
  return cp < 0x80 ? (cp | 0x20U) >= U'a' && (cp | 0x20U) <= U'z' : detail::isLetterPastAscii(cp);
}
inline bool isUpper(char32_t cp) {
  return cp < 0x80 ? cp >= U'A' && cp <= U'Z' : detail::isUpperPastAscii(cp);
}
inline bool isLower(char32_t cp) {
  return cp < 0x80 ? cp >= U'a' && cp <= U'z' : detail::isLowerPastAscii(cp);
}
inline bool isDigit(char32_t cp) {
  return cp < 0x80 ? cp >= U'0' && cp <= U'9' : detail::isDigitPastAscii(cp);
}
inline bool isSpace(char32_t cp) {
  return cp < 0x80 ? cp == U' ' || (cp >= U'\t' && cp <= U'\r') : detail::isSpacePastAscii(cp);
}
inline bool isCombiningMark(char32_t cp) {
  return cp >= 0x80 && detail::isCombiningMarkPastAscii(cp);
}
/// Apostrophes and ayn/hamza marks used inside transliterated names: ' ’ ‘ ʼ ʿ ʾ `.
bool isApostrophe(char32_t cp);
/// Hyphen-like characters that join parts of one word: - ‐ ‑.
bool isHyphen(char32_t cp);

/// Lower-cased (full case folding), NFC text with every apostrophe mark unified to '.
std::string foldCase(std::string_view text);
/// foldCase, then diacritics removed (NFD, drop non-spacing marks): "Türkiye" -> "turkiye".
std::string foldDiacritics(std::string_view text);

} // namespace newslint::analysis
