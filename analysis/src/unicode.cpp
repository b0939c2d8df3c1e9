// Character classes and case/diacritic folding through ICU.
#include "newslint/analysis/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "newslint/analysis/text.h"

namespace newslint::analysis {

// Past ASCII the properties come from ICU; the header answers ASCII, most of the text of
// English news, inline.
namespace detail {
bool isLetterPastAscii(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}
bool isUpperPastAscii(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) != 0 || u_istitle(static_cast<UChar32>(cp)) != 0;
}
bool isLowerPastAscii(char32_t cp) {
  return u_islower(static_cast<UChar32>(cp)) != 0;
}
bool isDigitPastAscii(char32_t cp) {
  return u_isdigit(static_cast<UChar32>(cp)) != 0;
}
bool isSpacePastAscii(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
}
bool isCombiningMarkPastAscii(char32_t cp) {
  return u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}
} // namespace detail
bool isApostrophe(char32_t cp) {
  switch (cp) {
  case U'\'':
  case U'\u2019': // right single quotation mark
  case U'\u2018': // left single quotation mark
  case U'\u02BC': // modifier letter apostrophe
  case U'\u02BF': // modifier letter left half ring (ayn)
  case U'\u02BE': // modifier letter right half ring (hamza)
  case U'`':
    return true;
  default:
    return false;
  }
}
bool isHyphen(char32_t cp) {
  return cp == U'-' || cp == U'\u2010' || cp == U'\u2011';
}

namespace {
const icu::Normalizer2* nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status);
}
const icu::Normalizer2* nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

bool isAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

std::string asciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '`') {
      c = '\'';
    }
  }
  return out;
}

std::string normalizeWith(const icu::Normalizer2* normalizer, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString result = normalizer->normalize(source, status);
  std::string out;
  if (U_FAILURE(status)) {
    return std::string(text);
  }
  result.toUTF8String(out);
  return out;
}
} // namespace

std::string foldCase(std::string_view text) {
  if (isAscii(text)) {
    return asciiLower(text); // the common case, without a round trip through UTF-16
  }
  const std::string composed = normalizeWith(nfc(), text);
  std::string out;
  out.reserve(composed.size());
  for (size_t pos = 0; pos < composed.size();) {
    const char32_t cp = decodeUtf8(composed, pos);
    if (isApostrophe(cp)) {
      out.push_back('\'');
      continue;
    }
    appendUtf8(out,
               static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
  }
  return out;
}

std::string foldDiacritics(std::string_view text) {
  if (isAscii(text)) {
    return asciiLower(text);
  }
  const std::string decomposed = normalizeWith(nfd(), text);
  std::string stripped;
  stripped.reserve(decomposed.size());
  for (size_t pos = 0; pos < decomposed.size();) {
    const char32_t cp = decodeUtf8(decomposed, pos);
    if (isCombiningMark(cp)) {
      continue;
    }
    appendUtf8(stripped, cp);
  }
  return foldCase(stripped);
}

} // namespace newslint::analysis
