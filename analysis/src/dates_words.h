#pragma once
// The words the date scanner compares tokens with. No time expression starts at a word
// outside this list, nor at punctuation, so the scanner tries its patterns only at numbers
// and these words. The list holds every lowercase word literal of dates_extract.cpp, which
// errs on the side of trying too much; tests/analysis/dates_words_test.cpp fails when a
// literal is added there and not here.

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newslint::analysis {

// clang-format off
inline constexpr std::array<std::string_view, 420> kScannerWords = {
    "a", "a.m.", "about", "account", "accounts", "address", "aest", "after", "afternoon",
    "against", "ago", "aims", "akdt", "almost", "am", "an", "and", "annually", "another",
    "approximately", "apr", "april", "are", "around", "as", "at", "aug", "august", "autumn", "be",
    "became", "been", "before", "began", "being", "bought", "boxing", "broke", "brought", "bst",
    "built", "but", "by", "came", "caught", "cdt", "centuries", "century", "cest", "cet", "chose",
    "christmas", "clock", "coming", "comparable", "compared", "consecutive", "corresponding",
    "cst", "ct", "current", "currently", "daily", "date", "dateline", "dawn", "day", "daybreak",
    "days", "dec", "decade", "decades", "december", "decline", "did", "drew", "drop", "due",
    "during", "dusk", "earlier", "early", "earnings", "easter", "ed", "edt", "eest", "eet",
    "effective", "eight", "eighteen", "eighth", "eighties", "eighty", "election", "elections",
    "eleven", "end", "ended", "ending", "entire", "est", "et", "eve", "evening", "expect",
    "expected", "expects", "fall", "feb", "february", "fell", "felt", "few", "fifteen", "fifth",
    "fifties", "fifty", "figures", "final", "first", "fiscal", "five", "fled", "flew",
    "following", "for", "forgot", "formerly", "forties", "forty", "fought", "found", "four",
    "fourteen", "fourth", "friday", "from", "full", "future", "gain", "games", "gave", "gmt",
    "going", "good", "got", "grew", "had", "half", "halloween", "has", "have", "he", "heard",
    "held", "hence", "her", "here", "his", "hit", "hopes", "hour", "hours", "hrs", "http",
    "hundred", "in", "income", "intends", "into", "is", "ist", "it", "it's", "its", "jan",
    "january", "jst", "jul", "july", "jun", "june", "just", "kept", "knew", "labor", "labour",
    "last", "late", "lately", "later", "latest", "led", "left", "levels", "ll", "local", "long",
    "loss", "lost", "m", "made", "mar", "march", "may", "mdt", "meant", "memorial", "met", "mid",
    "mid-morning", "midday", "midnight", "minute", "minutes", "monday", "month", "monthly",
    "months", "more", "morning", "most", "msk", "mst", "mt", "nd", "near", "nearly", "net", "new",
    "next", "night", "nightfall", "nine", "nineteen", "nineties", "ninety", "ninety-six", "ninth",
    "noon", "nov", "november", "now", "nowadays", "o", "oct", "october", "of", "oh", "olympics",
    "on", "one", "only", "or", "over", "overnight", "p", "p.m.", "paid", "past", "pdt",
    "penciled", "pencilled", "period", "plan", "planned", "planning", "plans", "pm", "preceding",
    "previous", "previously", "profit", "pst", "pt", "pubdate", "published", "quarter",
    "quarterly", "quarters", "ran", "rd", "recent", "recently", "results", "revenue", "rose",
    "row", "s", "said", "sales", "same", "saturday", "saw", "says", "scheduled", "second", "sent",
    "sep", "sept", "september", "set", "seven", "seventeen", "seventh", "seventies", "seventy",
    "several", "shall", "she", "short", "shot", "should", "since", "six", "sixteen", "sixth",
    "sixties", "sixty", "slump", "small", "sold", "some", "soon", "sought", "spent", "spoke",
    "spring", "st", "still", "stood", "straight", "struck", "summer", "sunday", "sunrise",
    "sunset", "supposed", "talks", "ten", "tenth", "term", "th", "than", "thanksgiving", "that",
    "the", "their", "there", "these", "third", "third-quarter", "thirteen", "thirties", "thirty",
    "this", "thought", "thousand", "three", "threw", "through", "throughout", "thursday", "till",
    "time", "to", "today", "told", "tomorrow", "tonight", "too", "took", "trading", "tuesday",
    "twelve", "twenties", "twenty", "twenty-five", "twenty-four", "two", "until", "upcoming",
    "utc", "valentine", "versus", "was", "wednesday", "wee", "week", "weekend", "weekends",
    "weekly", "weeks", "went", "were", "what", "when", "where", "which", "while", "who", "whole",
    "will", "winter", "with", "withdrew", "within", "won", "would", "wrote", "www.", "year",
    "year-earlier", "year-end", "yearly", "years", "yesterday", "yet", "z",
};
// clang-format on

/// The number of `folded` (a lowercased word) in kScannerWords, from 1; 0 when it is not
/// one of them.
constexpr uint16_t scannerWordId(std::string_view folded) {
  const auto* it = std::lower_bound(kScannerWords.begin(), kScannerWords.end(), folded);
  return it == kScannerWords.end() || *it != folded
             ? 0
             : static_cast<uint16_t>(it - kScannerWords.begin() + 1);
}

/// scannerWordId at run time: an open-addressing table built when the scanner is compiled,
/// so that a token costs a hash and about one comparison instead of a binary search.
class ScannerWordTable {
public:
  static constexpr size_t kSlots = 2048; // a power of two, about five times the words

  consteval ScannerWordTable() : slots_{} {
    for (size_t i = 0; i < kScannerWords.size(); ++i) {
      size_t slot = hash(kScannerWords[i]) & (kSlots - 1);
      while (slots_[slot] != 0) {
        slot = (slot + 1) & (kSlots - 1);
      }
      slots_[slot] = static_cast<uint16_t>(i + 1);
    }
  }

  [[nodiscard]] constexpr uint16_t find(std::string_view folded) const {
    for (size_t slot = hash(folded) & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
      const uint16_t id = slots_[slot];
      if (id == 0 || kScannerWords[id - 1] == folded) {
        return id;
      }
    }
  }

private:
  static constexpr size_t hash(std::string_view text) {
    uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (const char c : text) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return static_cast<size_t>(h ^ (h >> 29));
  }
  std::array<uint16_t, kSlots> slots_;
};

inline constexpr ScannerWordTable kScannerWordTable;

/// A word of kScannerWords written as a literal in the scanner ("the", "quarter"), turned
/// into its number when the scanner is compiled; a literal missing from the list does not
/// compile. Tokens carry the same number, so comparing a token with a word compares two
/// integers.
class ScannerWord {
public:
  template <size_t N>
  consteval ScannerWord(const char (&text)[N]) // NOLINT(google-explicit-constructor)
      : id_(scannerWordId(std::string_view(text, N - 1))) {
    if (id_ == 0) {
      throw "not in kScannerWords"; // not a constant expression: the literal does not compile
    }
  }
  [[nodiscard]] constexpr uint16_t id() const { return id_; }

private:
  uint16_t id_;
};

/// Words the patterns read only around an expression, never where one starts: every
/// comparison of dates_extract.cpp with one of them is at a token before or after the one a
/// pattern starts at, or in the tense and anchor-phrase helpers. Together about half the
/// tokens at which the scanner would otherwise try all its patterns in news text ("to",
/// "in", "said", "of"); it skips them as it skips the words outside kScannerWords.
inline constexpr std::array<ScannerWord, 35> kContextOnlyWords = {
    "and",  "are", "as",   "be",   "been",  "but",  "expected", "for",   "from",
    "had",  "has", "have", "he",   "held",  "in",   "into",     "is",    "it",
    "its",  "of",  "on",   "or",   "plan",  "s",    "said",     "talks", "to",
    "told", "was", "were", "when", "which", "will", "with",     "would"};

/// By word number: whether it is one of kContextOnlyWords.
inline constexpr std::array<bool, kScannerWords.size() + 1> kIsContextOnlyWord = [] {
  std::array<bool, kScannerWords.size() + 1> out{};
  for (const ScannerWord w : kContextOnlyWords) {
    out[w.id()] = true;
  }
  return out;
}();

/// Determiners that start patterns only together with the word after them ("the next day",
/// "a week ago", "this year"): no pattern is one of them alone, and every pattern starting
/// at one reads the next token as a number, as punctuation or as a word of kScannerWords.
/// The scanner skips them before a word outside that list ("the minister", "a statement"),
/// about two in five of the tokens it would otherwise try in news text. Not "that": "that
/// fateful Sunday" takes any adjective before the weekday.
inline constexpr std::array<ScannerWord, 4> kListedNextWords = {"the", "a", "an", "this"};

/// By word number: whether it is one of kListedNextWords.
inline constexpr std::array<bool, kScannerWords.size() + 1> kNeedsListedNext = [] {
  std::array<bool, kScannerWords.size() + 1> out{};
  for (const ScannerWord w : kListedNextWords) {
    out[w.id()] = true;
  }
  return out;
}();

/// When true, the scanner tries its patterns at every token, words outside its list and
/// context-only words included (false: it skips them). A test compares the two.
std::atomic<bool>& scannerTriesEveryToken();

} // namespace newslint::analysis
