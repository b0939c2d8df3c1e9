// Transliteration-aware spelling keys and similarity (see spelling.h).
//
// normalized: the token is decomposed (NFD) and reduced to ASCII letters. A caron or an
// acute on c, s, z and a cedilla or comma below on s become the digraph they stand for
// (č -> ch, š -> sh, ş -> sh), ä becomes e, ç becomes s; other marks are dropped and
// letters without a decomposition (ß, ø, ł) go through ICU's Latin-ASCII transliterator.
// A left-to-right rewriter then maps the spellings that romanisation systems use for one
// sound onto one symbol. Three sounds get a letter of their own: `x` for sh (sh, sch, sz,
// š, ş), `c` for ch (ch, tch, tsch, tsj, cz, č, ć) and `q` for kh; a plain c becomes k or
// s, q and ck become k, x becomes ks. Other rules: ou/oo -> u, ee/ea -> i, the diphthongs
// ai/ay/ei/ey/ej -> ei, au/aw before a consonant -> o (Tawfiq/Toufik, French -ault/-aux),
// ph -> f, w -> v, final ff -> v, dj/dzh/zh -> j, th -> t, tz -> z, n -> m before b/p,
// the glides (Ilja/Ilya/Ilia, Lidija/Lidia, Iossif/Yosif, -ejev-/-eev-), word-final
// -iy/-ii/-ij/-ie -> i, initial yi/ye -> i/e, and doubled vowels. Doubled consonants stay.
//
// spellingSimilarity is 1 - d / max(length), d a weighted edit distance over these
// symbols. Cheap: e/i and o/u for each other, an inserted vowel, h or y, one letter of a
// doubled consonant, a silent final e, two spellings of one sound (ch/sh, j/y, u/v).
// Moderate: other vowel pairs, voicing pairs (s/z, t/d, b/p, f/v, k/g) and related
// consonants (j/g, ch/k, kh/k, kh/h, g/h, j/z). Expensive: unrelated consonants, and any
// change at the edges of the word: a changed, added or dropped final vowel (Carla/Carlo,
// Ivana/Ivano), an added or dropped initial vowel, a dropped final consonant. The costs
// were fitted on the tuning half of the name-variant evaluation (docs/evaluation.md).
#include "newslint/analysis/spelling.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "newslint/analysis/unicode.h"

namespace newslint::analysis {
namespace {

bool isAsciiLetter(char c) {
  return c >= 'a' && c <= 'z';
}

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// A letter without a canonical decomposition (ß, ø, æ, ł, ı, đ) in ASCII, via ICU's
// Latin-ASCII transliterator. Making one takes ICU about 10 ms, and one must not be used by
// two threads at once: the process makes one, under a lock, and keeps each letter's ASCII.
// (One per thread cost each new thread 10 ms at its first such letter: the editor's first
// quick re-check of a name with an ø, say.)
std::string latinToAscii(char32_t letter) {
  static std::mutex mutex;
  static auto* const known = new std::unordered_map<char32_t, std::string>(); // never freed
  const std::lock_guard lock(mutex);
  if (const auto it = known->find(letter); it != known->end()) {
    return it->second;
  }
  // Made at the first such letter (never freed); null when ICU cannot make it.
  static icu::Transliterator* const transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t =
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete t;
      t = nullptr;
    }
    return t;
  }();
  icu::UnicodeString u(static_cast<UChar32>(letter));
  if (transliterator != nullptr) {
    transliterator->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return known->emplace(letter, std::move(out)).first->second;
}

// Lower-case ASCII letters of a case-folded token; apostrophes, hyphens, digits dropped.
std::string asciiLetters(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(source, status) : source;
  const icu::UnicodeString& text = U_SUCCESS(status) ? decomposed : source;
  char base = '\0'; // the ASCII letter the following marks attach to
  bool digraphDone = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 cp = text.char32At(i);
    i += U16_LENGTH(cp);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
      if (isAsciiLetter(c)) {
        out.push_back(c);
        base = c;
        digraphDone = false;
      } else {
        base = '\0';
      }
      continue;
    }
    if (isCombiningMark(static_cast<char32_t>(cp))) {
      if (base == '\0') {
        continue;
      }
      const bool caronOrAcute = cp == 0x030C || cp == 0x0301;
      const bool cedillaOrComma = cp == 0x0327 || cp == 0x0326;
      if (!digraphDone && (base == 'c' || base == 's' || base == 'z') && caronOrAcute) {
        out.push_back('h'); // č ć -> ch, š ś -> sh, ž ź -> zh
        digraphDone = true;
      } else if (!digraphDone && base == 's' && cedillaOrComma) {
        out.push_back('h'); // ş ș -> sh
        digraphDone = true;
      } else if (!digraphDone && base == 'a' && cp == 0x0308) {
        out.back() = 'e'; // ä
        digraphDone = true;
      } else if (!digraphDone && base == 'c' && cp == 0x0327) {
        out.back() = 's'; // ç before any vowel
        digraphDone = true;
      }
      continue;
    }
    if (isLetter(static_cast<char32_t>(cp))) {
      for (char c : latinToAscii(static_cast<char32_t>(cp))) {
        if (c >= 'A' && c <= 'Z') {
          c = static_cast<char>(c - 'A' + 'a');
        }
        if (isAsciiLetter(c)) {
          out.push_back(c);
          base = c;
        }
      }
      digraphDone = false;
      continue;
    }
    base = '\0';
  }
  return out;
}

// The rewriter. `s` holds ASCII lower-case letters only.
std::string rewrite(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  const size_t n = s.size();
  auto at = [&](size_t i) { return i < n ? s[i] : '\0'; };
  auto vowelAt = [&](size_t i) { return i < n && (isVowel(s[i]) || s[i] == 'y'); };
  size_t i = 0;
  // Initial yi/ye: a glide the other spelling omits (Yisrael/Israel, Yevgeny/Evgeny).
  if (n > 2 && s[0] == 'y' && (s[1] == 'i' || s[1] == 'e')) {
    i = 1;
  }
  while (i < n) {
    const char c = s[i];
    const char next = at(i + 1);
    const char next2 = at(i + 2);
    const bool last = i + 1 == n;
    size_t step = 1;
    switch (c) {
    case 'a':
      if ((next == 'i' || next == 'y') && !vowelAt(i + 2)) {
        out += "ei"; // ai, ay: one diphthong class with ei, ey
        step = 2;
      } else if (next == 'j' && i + 2 < n && !vowelAt(i + 2)) {
        out += "ei"; // Nikolajs
        step = 2;
      } else if ((next == 'w' || next == 'u') && !vowelAt(i + 2)) {
        out += 'o'; // aw, au before a consonant: Tawfiq/Toufik, Arnaud/Arno
        step = 2;
        const std::string_view rest = std::string_view(s).substr(i + 2);
        if (rest == "lt" || rest == "ld" || rest == "t" || rest == "x") {
          step += rest.size(); // French -ault, -auld, -aut, -aux (Thibault/Thibaut)
        }
      } else {
        out += 'a';
      }
      break;
    case 'e':
      if ((next == 'i' || next == 'y') && !vowelAt(i + 2)) {
        out += "ei";
        step = 2;
      } else if (next == 'j' && (i + 2 == n || !vowelAt(i + 2))) {
        out += "ei"; // Sergej, Andrej
        step = 2;
      } else if ((next == 'j' || next == 'y') && next2 == 'e' &&
                 (at(i + 3) == 'v' || at(i + 3) == 'w')) {
        out += 'i'; // -ejev-, -eyev- as -eev- (Andrejevich/Andreevich, Avdeyev/Avdeev)
        step = 3;
      } else if (next == 'e' || (next == 'a' && i + 2 < n && !vowelAt(i + 2))) {
        out += 'i'; // ee, and the English ea (Keane/Keene)
        step = 2;
      } else if (next == 'a' && next2 == 'u') {
        out += 'o'; // French eau
        step = 3;
      } else {
        out += 'e';
      }
      break;
    case 'i':
      if (isVowel(next) && (i == 0 || isVowel(s[i - 1]))) {
        out += 'y'; // a glide: Iossif/Yosif, Nikolaievich/Nikolayevich
      } else if ((next == 'y' || next == 'j' || next == 'i') && i + 2 == n) {
        out += 'i'; // final -iy, -ij, -ii
        step = 2;
      } else if (i > 0 && (next == 'y' || next == 'j') && isVowel(next2)) {
        out += 'i'; // Lidija/Lidia, Danijel/Daniel: the glide after i
        step = 2;
      } else if (next == 'e' && !vowelAt(i + 2) && i > 0) {
        out += 'i'; // German ie, English final -ie (Freddie)
        step = 2;
      } else {
        out += 'i';
      }
      break;
    case 'o':
      if (next == 'u' || next == 'o') {
        out += 'u';
        step = 2;
      } else if (next == 'e' && i + 2 < n && !vowelAt(i + 2)) {
        out += 'o'; // oe for ö
        step = 2;
      } else {
        out += 'o';
      }
      break;
    case 'u':
      out += 'u';
      break;
    case 'y':
      if (i > 0 && !vowelAt(i - 1) && isVowel(next)) {
        out += 'i'; // a glide after a consonant (Ilya, Semyonov)
      } else {
        out += isVowel(next) ? 'y' : 'i';
      }
      break;
    case 'j':
      if (last && i > 0 && isVowel(s[i - 1])) {
        out += 'i'; // Nikolaj
      } else if (i > 0 && !vowelAt(i - 1) && isVowel(next)) {
        out += 'i'; // Ilja, Snježana, Semjonov
      } else {
        out += 'j';
      }
      break;
    case 'c':
      if (next == 'h' && (next2 == 'r' || next2 == 'l')) {
        out += 'k'; // Christopher, Chloe
        step = 2;
      } else if (next == 'h') {
        out += 'c';
        step = 2;
      } else if (next == 'z') {
        out += 'c'; // Polish cz
        step = 2;
      } else if (next == 'k' || next == 'q') {
        out += 'k';
        step = 2;
      } else {
        out += (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
      }
      break;
    case 's':
      if (next == 'c' && next2 == 'h') {
        out += 'x';
        step = 3;
      } else if (next == 'h' || next == 'z') {
        out += 'x';
        step = 2;
      } else {
        out += 's';
      }
      break;
    case 't':
      if (next == 's' && next2 == 'c' && at(i + 3) == 'h') {
        out += 'c';
        step = 4;
      } else if (next == 'c' && next2 == 'h') {
        out += 'c';
        step = 3;
      } else if (next == 'h') {
        out += 't';
        step = 2;
      } else if (next == 's' && next2 == 'j') {
        out += 'c'; // Dutch tsj
        step = 3;
      } else if (next == 'z') {
        out += 'z'; // German tz (Schultz/Schulz)
        step = 2;
      } else {
        out += 't';
      }
      break;
    case 'd':
      if (next == 'j') {
        out += 'j';
        step = 2;
      } else if (next == 'z' && next2 == 'h') {
        out += 'j';
        step = 3;
      } else {
        out += 'd';
      }
      break;
    case 'z':
      if (next == 'h') {
        out += 'j';
        step = 2;
      } else {
        out += 'z';
      }
      break;
    case 'k':
      if (next == 'h') {
        out += 'q'; // kh: its own symbol, close to k and to h
        step = 2;
      } else {
        out += 'k';
      }
      break;
    case 'p':
      if (next == 'h') {
        out += 'f';
        step = 2;
      } else {
        out += 'p';
      }
      break;
    case 'g':
      if (next == 'u' && (next2 == 'e' || next2 == 'i')) {
        out += 'g'; // French gu before e, i (Sergueï)
        step = 2;
      } else {
        out += 'g';
      }
      break;
    case 'f':
      if (next == 'f' && i + 2 == n) {
        out += 'v'; // Smirnoff/Smirnov
        step = 2;
      } else {
        out += 'f';
      }
      break;
    case 'q':
      out += 'k';
      break;
    case 'x':
      out += "ks";
      break;
    case 'w':
      out += 'v';
      break;
    case 'h':
      if (!last || i == 0 || !isVowel(s[i - 1])) {
        out += 'h'; // a final h after a vowel is silent (Fatimah, Katoh)
      }
      break;
    case 'n':
      out += (next == 'b' || next == 'p') ? 'm' : 'n'; // Namba/Nanba, Qanbar/Qambar
      break;
    default:
      out += c;
      break;
    }
    i += step;
  }
  // Doubled vowels collapse; doubled consonants stay (Russian spells them), but dropping
  // one costs little.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (const char c : out) {
    if (collapsed.empty() || collapsed.back() != c || !isVowel(c)) {
      collapsed.push_back(c);
    }
  }
  return collapsed;
}

// Consonant class for the skeleton and for cheap substitutions.
char consonantClass(char c) {
  switch (c) {
  case 'k':
  case 'g':
    return 'k';
  case 's':
  case 'z':
    return 's';
  case 't':
  case 'd':
    return 't';
  case 'b':
  case 'p':
    return 'b';
  case 'f':
  case 'v':
    return 'f';
  case 'j':
  case 'y':
    return 'j';
  case 'c':
  case 'x':
    return 'x';
  default:
    return c;
  }
}

std::string skeletonOf(const std::string& normalized) {
  std::string out;
  for (const char c : normalized) {
    if (isVowel(c) || c == 'h' || c == 'y') {
      continue;
    }
    const char k = consonantClass(c);
    if (out.empty() || out.back() != k) {
      out.push_back(k);
    }
  }
  return out;
}

// Edit costs.
constexpr double kVowelNear = 0.1;    // e/i, and i/y inside a word
constexpr double kVowelOU = 0.1;      // o/u
constexpr double kVowelFar = 0.5;     // other vowel pairs
constexpr double kVowelIndel = 0.4;   // an inserted or dropped vowel
constexpr double kEdgeVowel = 1.0;    // a changed, added or dropped word-final vowel
constexpr double kInitialVowel = 1.0; // an added or dropped word-initial vowel
constexpr double kGlideIndel = 0.3;   // h, y
constexpr double kInitialGlide = 0.5; // h, y at the start of a word (Yury/Ury, Hoca/Oca)
constexpr double kVowelH = 0.6;       // an h between vowels (Ihab, Shiho): a consonant
constexpr double kSilentE = 0.2;      // a final e after a consonant (Chaabane, Zane)
constexpr double kDoubled = 0.3;      // one of a doubled consonant (Milan/Millan)
constexpr double kSpelling = 0.3;     // ch/sh, j/y, u/v: one sound, two spellings
constexpr double kVoicing = 0.4;      // s/z, t/d, b/p, f/v, k/g
constexpr double kFarConsonant = 0.4; // j/g, ch/k, kh/k, kh/h, ch/kh, ch/h, g/h, j/z
constexpr double kUnrelated = 1.0;
constexpr double kEdgeConsonant = 1.5; // an added or dropped word-final consonant

bool isGlide(char c) {
  return c == 'h' || c == 'y';
}

double indelCost(std::string_view word, size_t pos) {
  const char c = word[pos];
  const bool final = pos + 1 == word.size();
  if (isVowel(c)) {
    if (final) {
      return c == 'e' && pos > 0 && !isVowel(word[pos - 1]) ? kSilentE : kEdgeVowel;
    }
    return pos == 0 ? kInitialVowel : kVowelIndel;
  }
  if (pos > 0 && word[pos - 1] == c) {
    return kDoubled;
  }
  if (isGlide(c)) {
    if (pos == 0) {
      return kInitialGlide;
    }
    if (c == 'h' && !final && isVowel(word[pos - 1]) && isVowel(word[pos + 1])) {
      return kVowelH;
    }
    return kGlideIndel;
  }
  return final ? kEdgeConsonant : kUnrelated;
}

bool pairIs(char a, char b, char x, char y) {
  return (a == x && b == y) || (a == y && b == x);
}

double substitutionCost(char a, char b, bool initial, bool final) {
  if (a == b) {
    return 0.0;
  }
  const bool va = isVowel(a);
  const bool vb = isVowel(b);
  if (va && vb) {
    double cost = kVowelFar;
    if (pairIs(a, b, 'e', 'i')) {
      cost = kVowelNear;
    } else if (pairIs(a, b, 'o', 'u')) {
      cost = kVowelOU;
    }
    return final ? std::max(cost, kEdgeVowel) : cost;
  }
  if (pairIs(a, b, 'i', 'y') && !initial) {
    return kVowelNear;
  }
  if (pairIs(a, b, 'u', 'v')) {
    return kSpelling; // Evgeny/Eugeny, Pavlik/Paulik
  }
  if (va || vb) {
    return kUnrelated;
  }
  if (pairIs(a, b, 'c', 'x') || pairIs(a, b, 'j', 'y')) {
    return kSpelling;
  }
  if (consonantClass(a) == consonantClass(b)) {
    return kVoicing;
  }
  if (pairIs(a, b, 'j', 'g') || pairIs(a, b, 'c', 'k') || pairIs(a, b, 'q', 'k') ||
      pairIs(a, b, 'c', 'q') || pairIs(a, b, 'c', 'h') || pairIs(a, b, 'g', 'h') ||
      pairIs(a, b, 'q', 'h') || pairIs(a, b, 'j', 'z')) {
    return kFarConsonant;
  }
  return kUnrelated;
}

double weightedDistance(std::string_view a, std::string_view b) {
  // Two rows of the table and each letter's insertion cost, on the stack for the words of
  // names (the candidate pairs of a corpus are compared by the tens of thousands); the same
  // sums in the same order as a table of every cell, so the same result.
  constexpr size_t kOnStack = 48;
  std::array<double, 4 * kOnStack> stack; // each cell is written before it is read
  std::vector<double> heap;
  double* cells = stack.data();
  const size_t width = std::max(a.size(), b.size()) + 1;
  if (width > kOnStack) {
    heap.resize(4 * width);
    cells = heap.data();
  }
  double* prev = cells;
  double* cur = cells + width;
  double* indelA = cells + 2 * width;
  double* indelB = cells + 3 * width;
  for (size_t i = 0; i < a.size(); ++i) {
    indelA[i] = indelCost(a, i);
  }
  for (size_t j = 0; j < b.size(); ++j) {
    indelB[j] = indelCost(b, j);
  }
  prev[0] = 0.0;
  for (size_t j = 1; j <= b.size(); ++j) {
    prev[j] = prev[j - 1] + indelB[j - 1];
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = prev[0] + indelA[i - 1];
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool initial = i == 1 || j == 1;
      const bool final = i == a.size() || j == b.size();
      cur[j] = std::min({prev[j] + indelA[i - 1], cur[j - 1] + indelB[j - 1],
                         prev[j - 1] + substitutionCost(a[i - 1], b[j - 1], initial, final)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

} // namespace

std::string_view stripArticle(std::string_view folded) {
  // "al-" and "el-" always; an assimilated article only before its own consonant
  // (ash-Shara, as-Sadr, ad-Din), so "at-" in an ordinary hyphenated word survives.
  const size_t hyphen = folded.find('-');
  if (hyphen == std::string_view::npos || hyphen < 2 || hyphen > 3) {
    return folded;
  }
  const std::string_view article = folded.substr(0, hyphen);
  const std::string_view rest = folded.substr(hyphen + 1);
  if (rest.size() < 2) {
    return folded;
  }
  if (article == "al" || article == "el") {
    return rest;
  }
  if (article[0] == 'a' || article[0] == 'e') {
    const std::string_view consonant = article.substr(1);
    static constexpr std::array<std::string_view, 10> kSunLetters = {"t", "th", "d",  "dh", "r",
                                                                     "z", "s",  "sh", "n",  "l"};
    if (std::find(kSunLetters.begin(), kSunLetters.end(), consonant) != kSunLetters.end() &&
        startsWith(rest, consonant)) {
      return rest;
    }
  }
  return folded;
}

SpellingKey spellingKey(std::string_view token) {
  SpellingKey key;
  const std::string folded = foldCase(token);
  key.exact = std::string(stripArticle(folded));
  key.normalized = rewrite(asciiLetters(key.exact));
  key.skeleton = skeletonOf(key.normalized);
  return key;
}

double spellingSimilarity(const SpellingKey& a, const SpellingKey& b) {
  if (a.normalized == b.normalized) {
    return a.normalized.empty() && a.exact != b.exact ? 0.0 : 1.0;
  }
  const size_t longest = std::max(a.normalized.size(), b.normalized.size());
  const double distance = weightedDistance(a.normalized, b.normalized);
  return std::clamp(1.0 - distance / static_cast<double>(longest), 0.0, 1.0);
}

std::vector<std::string> blockingKeys(const SpellingKey& key) {
  std::vector<std::string> keys;
  keys.push_back(key.skeleton);
  for (size_t i = 0; i < key.skeleton.size(); ++i) {
    std::string neighbour = key.skeleton;
    neighbour.erase(i, 1);
    keys.push_back(std::move(neighbour));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

namespace {

// "-50", "-747s": a hyphen and a number, as models and versions of a name end.
bool modelNumber(std::string_view suffix) {
  if (suffix.size() < 2 || suffix.front() != '-' ||
      std::isdigit(static_cast<unsigned char>(suffix[1])) == 0) {
    return false;
  }
  const size_t digitsEnd = suffix.find_first_not_of("0123456789", 1);
  return digitsEnd == std::string_view::npos ||
         (digitsEnd + 1 == suffix.size() && suffix.back() == 's');
}

} // namespace

bool isNumberedVersion(std::string_view foldedA, std::string_view foldedB) {
  const size_t a = foldedA.rfind('-');
  const size_t b = foldedB.rfind('-');
  return a != std::string_view::npos && a == b && a > 0 &&
         foldedA.substr(0, a) == foldedB.substr(0, b) && modelNumber(foldedA.substr(a)) &&
         modelNumber(foldedB.substr(b));
}

bool isDerivedForm(std::string_view foldedA, std::string_view foldedB) {
  const std::string_view shorter = foldedA.size() <= foldedB.size() ? foldedA : foldedB;
  const std::string_view longer = foldedA.size() <= foldedB.size() ? foldedB : foldedA;
  if (shorter.size() < 3 || shorter.size() == longer.size() || !startsWith(longer, shorter)) {
    return false;
  }
  const std::string_view suffix = longer.substr(shorter.size());
  // A model of the name, not a spelling of it: "Nucell-50" of Nucell, "Boeing-747s".
  if (modelNumber(suffix)) {
    return true;
  }
  static constexpr std::array<std::string_view, 9> kSuffixes = {"s",  "'s",  "'", "es", "n",
                                                                "an", "ian", "i", "ese"};
  if (std::find(kSuffixes.begin(), kSuffixes.end(), suffix) == kSuffixes.end()) {
    return false;
  }
  // "-n" only after a vowel (Syria/Syrian, Russia/Russian); "-i", "-ian", "-ese" only after
  // a consonant (Israel/Israeli, Egypt/Egyptian, Japan/Japanese).
  const char end = shorter.back();
  if (suffix == "n") {
    return isVowel(end);
  }
  if (suffix == "i" || suffix == "ian" || suffix == "ese") {
    return !isVowel(end);
  }
  return true;
}

} // namespace newslint::analysis
