// Unicode helpers over ICU character properties and normalisation. No hand-written tables.
#pragma once

#include <string>
#include <string_view>

namespace newslint::analysis {

bool isLetter(char32_t cp);
bool isUpper(char32_t cp);
bool isLower(char32_t cp);
bool isDigit(char32_t cp);
bool isSpace(char32_t cp);
bool isCombiningMark(char32_t cp);
/// Apostrophes and ayn/hamza marks used inside transliterated names: ' ’ ‘ ʼ ʿ ʾ `.
bool isApostrophe(char32_t cp);
/// Hyphen-like characters that join parts of one word: - ‐ ‑.
bool isHyphen(char32_t cp);

/// Lower-cased (full case folding), NFC text with every apostrophe mark unified to '.
std::string foldCase(std::string_view text);
/// foldCase, then diacritics removed (NFD, drop non-spacing marks): "Türkiye" -> "turkiye".
std::string foldDiacritics(std::string_view text);

} // namespace newslint::analysis
