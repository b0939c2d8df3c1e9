// Recognition of time expressions in running news text.
//
// The text is split into light tokens of its own (words, numbers, single punctuation marks,
// with their byte spans), so that recognition does not depend on how the document was
// tokenised for names. Atomic units (a month-day date, a weekday, a part of day, a clock
// time, a relative phrase, a duration) are found left to right, longest first, and then
// adjacent units joined by "on", "at", "of" or a comma are merged into one expression
// ("Saturday night at 10:30 pm", "9:30 p.m. on December 7").
#include "dates_words.h"
#include "newslint/analysis/dates.h"
#include "newslint/analysis/unicode.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

std::atomic<bool>& scannerTriesEveryToken() {
  static std::atomic<bool> every{false};
  return every;
}

bool TimeExpression::relative() const {
  if (kind == TimeKind::Duration || kind == TimeKind::Set) {
    return false;
  }
  if (relation != Relation::None) {
    return true;
  }
  return year < 0 && decade < 0 && century < 0;
}

namespace {

enum class Kind : uint8_t { Word, Number, Punct };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::Word;
  std::string_view low; ///< ASCII lower case; punctuation normalised (’ -> ', – -> -); in
                        ///< the tokens' arena
  uint16_t word = 0;    ///< scannerWordId(low) of a word, 0 for any other token
  bool cap = false;
  bool space = false; ///< white space before
  bool newline = false;
};

/// The tokens of `text`. Their lower-case texts are written into `arena`, sized first to
/// what the longest can take: a byte of text gives at most three (an invalid byte decodes
/// to U+FFFD), so the views stay valid.
std::vector<Tok> tokenize(std::string_view text, std::string& arena) {
  std::vector<Tok> out;
  out.reserve(text.size() / 5 + 8); // about one token per five bytes of news text
  arena.assign(3 * text.size() + 4, '\0');
  char* const base = arena.data();
  char* w = base; // where the next lower-case byte goes
  const auto put = [&w](char32_t c) {
    if (c < 0x80) {
      *w++ = static_cast<char>(c);
    } else {
      w = encodeUtf8(c, w);
    }
  };
  size_t pos = 0;
  bool space = true;
  bool newline = true;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = decodeUtf8(text, pos);
    if (cp == U'\n' || cp == U'\r') {
      space = true;
      newline = true;
      continue;
    }
    if (isSpace(cp)) {
      space = true;
      continue;
    }
    Tok& tok = out.emplace_back();
    char* const low = w;
    tok.begin = static_cast<uint32_t>(start);
    tok.space = space;
    tok.newline = newline;
    space = false;
    newline = false;
    if (cp >= U'0' && cp <= U'9') {
      tok.kind = Kind::Number;
      *w++ = static_cast<char>(cp);
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        *w++ = text[pos];
        ++pos;
      }
    } else if (isLetter(cp) || isCombiningMark(cp)) {
      tok.kind = Kind::Word;
      tok.cap = isUpper(cp);
      const auto add = [&](char32_t c) { put(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c); };
      add(cp);
      while (pos < text.size()) {
        // ASCII, most of the text, without the calls and in locals (the lambdas above take
        // `w` and `pos` by reference): a letter joins, anything else ends.
        {
          size_t at = pos;
          char* to = w;
          while (at < text.size()) {
            const auto folded = static_cast<unsigned char>(text[at] | 0x20);
            if (folded < 'a' || folded > 'z') {
              break;
            }
            *to++ = static_cast<char>(folded);
            ++at;
          }
          pos = at;
          w = to;
        }
        if (pos >= text.size() || static_cast<unsigned char>(text[pos]) < 0x80) {
          break;
        }
        size_t next = pos;
        const char32_t c = decodeUtf8(text, next);
        if (!(isLetter(c) || isCombiningMark(c))) {
          break;
        }
        add(c);
        pos = next;
      }
    } else {
      tok.kind = Kind::Punct;
      if (isApostrophe(cp)) {
        *w++ = '\'';
      } else if (isHyphen(cp) || cp == U'\u2013' || cp == U'\u2014') {
        *w++ = '-';
      } else if (cp == U'\u201C' || cp == U'\u201D') {
        *w++ = '"';
      } else {
        put(cp);
      }
    }
    tok.end = static_cast<uint32_t>(pos);
    tok.low = std::string_view(low, static_cast<size_t>(w - low));
    if (tok.kind == Kind::Word) {
      tok.word = kScannerWordTable.find(tok.low);
    }
  }
  assert(w <= base + arena.size());
  return out;
}

// The most days or weeks a named day is moved by ("two days after Christmas"): further is no
// longer that day (and TimeExpression::dayShift holds days in 16 bits).
constexpr int kMaxDayShift = 1000;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

struct NumberWord {
  std::string_view word;
  int value;
};
constexpr std::array<NumberWord, 31> kNumberWords = {{
    {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
    {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
    {"sixty", 60},    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100},
    {"several", -1},
}};

/// By word number: the value of a number word (kNumberWords), kNoNumber for any other word.
/// A token's number is compared with the table instead of its text with each number word.
constexpr int kNoNumber = -1000;
constexpr std::array<int, kScannerWords.size() + 1> kNumberWordValue = [] {
  std::array<int, kScannerWords.size() + 1> out{};
  out.fill(kNoNumber);
  for (const NumberWord& nw : kNumberWords) {
    const uint16_t id = scannerWordId(nw.word);
    if (id == 0) {
      throw "a number word missing from kScannerWords"; // does not compile
    }
    out[id] = nw.value;
  }
  return out;
}();
/// By word number: the value of a number word from one to a hundred that is not "a" or
/// "an" ("three" -> 3; "several" and the articles have none), else kNoNumber.
constexpr std::array<int, kScannerWords.size() + 1> kPlainNumberValue = [] {
  std::array<int, kScannerWords.size() + 1> out = kNumberWordValue;
  out[scannerWordId("a")] = kNoNumber;
  out[scannerWordId("an")] = kNoNumber;
  for (int& value : out) {
    value = value >= 1 ? value : kNoNumber;
  }
  return out;
}();

struct Candidate {
  TimeExpression expr;
  size_t begin = 0;       ///< the first token
  size_t end = 0;         ///< one past the last token
  bool standalone = true; ///< may be reported on its own (bare parts of day may not)
};

/// A word token's number in the scanner's word list, compared with the words the patterns
/// write: `w == "today"` compares two integers (for a word token, the same as comparing its
/// lowercased text, since every word written here is in the list).
struct WordIs {
  uint16_t id;
  bool operator==(ScannerWord other) const { return id == other.id(); }
};

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text), t_(tokenize(text, arena_)) {}
  // The tokens view arena_: a scanner stays where it was made.
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  std::vector<TimeExpression> run();

private:
  std::string_view text_;
  std::string arena_; // the tokens' lower-case texts
  std::vector<Tok> t_;

  // -- token helpers ------------------------------------------------------------------
  [[nodiscard]] bool has(size_t i) const { return i < t_.size(); }
  [[nodiscard]] bool word(size_t i, ScannerWord w) const { return has(i) && t_[i].word == w.id(); }
  [[nodiscard]] bool punct(size_t i, std::string_view p) const {
    return has(i) && t_[i].kind == Kind::Punct && t_[i].low == p;
  }
  [[nodiscard]] bool number(size_t i) const { return has(i) && t_[i].kind == Kind::Number; }
  [[nodiscard]] bool glued(size_t i) const { return has(i) && !t_[i].space; }
  [[nodiscard]] int num(size_t i) const {
    if (!number(i) || t_[i].low.size() > 6) {
      return -1;
    }
    int value = 0;
    for (const char c : t_[i].low) {
      value = value * 10 + (c - '0');
    }
    return value;
  }
  [[nodiscard]] bool anyWord(size_t i, std::initializer_list<ScannerWord> words) const {
    if (!has(i) || t_[i].word == 0) {
      return false;
    }
    const uint16_t id = t_[i].word;
    return std::any_of(words.begin(), words.end(), [&](ScannerWord w) { return w.id() == id; });
  }

  /// Month name at i (capitalised; abbreviations need a period or a following number).
  /// Returns the month and sets `end`.
  int monthAt(size_t i, size_t& end) const;
  int weekdayAt(size_t i, size_t& end) const;
  /// A count: digits or number words ("twenty four", "twenty-four", "a"). -1 when none;
  /// 0 for "several"/"a few" (unknown count).
  std::optional<int> countAt(size_t i, size_t& end) const;
  Unit unitAt(size_t i, size_t& end, bool& plural) const;
  PartOfDay partAt(size_t i, size_t& end) const;
  /// Ordinal suffix after a day number ("8th").
  size_t skipOrdinal(size_t i) const;
  /// A four-digit year 1000-2099 at i, with no glued continuation.
  int yearAt(size_t i) const;
  /// A time zone abbreviation at i ("GMT", "EDT", "ET"): sets the expression's zone fields and
  /// returns true.
  bool zoneAt(size_t i, TimeExpression& e) const;
  /// "a.m." / "pm" / "p.m." at i: returns +1 for pm, 0 for am, -1 when none.
  int meridiemAt(size_t i, size_t& end) const;

  Tense tenseAround(size_t begin, size_t end) const;
  /// A report of quarterly results ("quarter" earlier in the story, or just after): "a year
  /// ago" then means that quarter a year before.
  /// The period a report of results is about, from the nearest one named before `at` (or just
  /// after): "a year ago" then means that period a year before. After "for the nine months" or
  /// "the first half" it is that longer period, whose year is all the value can say.
  enum class ReportPeriod : uint8_t { None, Quarter, Longer };
  ReportPeriod reportPeriod(size_t at) const {
    const size_t from = at > 400 ? at - 400 : 0;
    for (size_t k = at; k > from; --k) {
      const size_t p = k - 1;
      if (anyWord(p, {"quarter", "quarterly"})) {
        return ReportPeriod::Quarter;
      }
      if ((word(p, "months") && p > 0 && anyWord(p - 1, {"six", "nine"})) ||
          (word(p, "half") && p > 0 && anyWord(p - 1, {"first", "second"}))) {
        return ReportPeriod::Longer;
      }
    }
    for (size_t k = at; k < t_.size() && k < at + 30; ++k) {
      if (anyWord(k, {"quarter", "quarterly"})) {
        return ReportPeriod::Quarter;
      }
    }
    return ReportPeriod::None;
  }
  bool quarterContext(size_t at) const { return reportPeriod(at) == ReportPeriod::Quarter; }
  /// "A year earlier" counted from `at`: in a report of quarterly results, the quarter a
  /// year before the one reported; elsewhere the year before.
  void yearBefore(TimeExpression& expr, size_t at) const {
    if (quarterContext(at)) {
      expr.unit = Unit::Quarter;
      expr.offset = -4;
      expr.weekdayInUnit = true;
    } else {
      expr.unit = Unit::Year;
      expr.offset = -1;
    }
  }
  /// A month is named in the clause just before `at` ("rose 43% in February compared to").
  bool monthJustBefore(size_t at) const {
    for (size_t k = at; k > 0 && k + 8 > at; --k) {
      const size_t p = k - 1;
      if (punct(p, ".") || punct(p, ";") || t_[p].newline) {
        return false;
      }
      size_t end = 0;
      if (p > 0 && anyWord(p - 1, {"in", "for", "during"}) && monthAt(p, end) > 0) {
        return true;
      }
    }
    return false;
  }
  /// A comparison of amounts ends just before `at`: "compared with $3 million", "from $1.2
  /// billion, or 40 cents a share," (at most twelve tokens back, within the sentence).
  bool comparedBefore(size_t at) const {
    for (size_t k = at; k > 0 && k + 12 > at; --k) {
      const size_t p = k - 1;
      if (punct(p, ".") || punct(p, ";")) {
        return false;
      }
      if (anyWord(p, {"from", "versus", "against"}) ||
          (anyWord(p, {"with", "to"}) && p > 0 && word(p - 1, "compared"))) {
        return has(p + 1) && (punct(p + 1, "$") || number(p + 1) ||
                              anyWord(p + 1, {"a", "an", "net", "earnings", "profit"}));
      }
    }
    return false;
  }
  /// The number of the quarter a report of results names nearest to `at` ("third-quarter
  /// net", "its fiscal fourth quarter", "the second quarter"), 0 when none is named. A
  /// company's fiscal quarters keep their names: "the fourth quarter ended Sept. 30".
  int namedQuarter(size_t at) const {
    constexpr size_t kWindow = 400;
    auto ordinalBefore = [&](size_t p) {
      size_t q = p;
      if (q > 0 && (punct(q - 1, "-") || word(q - 1, "fiscal"))) {
        --q;
      }
      size_t end = 0;
      return q > 0 ? ordinalAt(q - 1, end) : -1;
    };
    // The nearest one named, unless it is a forecast ("fourth-quarter results should ...").
    const size_t from = at > kWindow ? at - kWindow : 0;
    for (size_t k = at; k > from; --k) {
      const size_t p = k - 1;
      if ((word(p, "months") && p > 0 && anyWord(p - 1, {"six", "nine"})) ||
          (word(p, "half") && p > 0 && anyWord(p - 1, {"first", "second"}))) {
        return 0;
      }
      if (word(p, "quarter")) {
        const int n = ordinalBefore(p);
        // named as the period of the results ("fourth-quarter earnings", "the fiscal first
        // quarter ended Sept. 30"), not in passing ("after a flat second quarter")
        const bool results =
            anyWord(p + 1, {"earnings", "profit", "net", "loss", "results", "sales", "revenue",
                            "income", "ended", "ending", "slump", "decline", "drop", "gain"}) ||
            (p > 1 && word(p - 2, "fiscal")) || (p > 2 && word(p - 3, "fiscal"));
        if (n >= 1 && n <= 4 && results && tenseAround(p, p + 1) == Tense::Past) {
          return n;
        }
      }
    }
    for (size_t k = at; k < t_.size() && k < at + 30; ++k) {
      if (word(k, "quarter")) {
        const int n = ordinalBefore(k);
        if (n >= 1 && n <= 4) {
          return n;
        }
      }
    }
    return 0;
  }
  std::pair<std::string, Span> anchorPhraseAt(size_t i) const;

  std::optional<Candidate> matchAt(size_t i) const;
  std::optional<Candidate> matchNumericDate(size_t i) const;
  std::optional<Candidate> matchMonthFirst(size_t i) const;
  std::optional<Candidate> matchDayFirst(size_t i) const;
  std::optional<Candidate> matchClock(size_t i) const;
  std::optional<Candidate> matchWeekday(size_t i) const;
  std::optional<Candidate> matchPart(size_t i) const;
  std::optional<Candidate> matchRelativeWord(size_t i) const;
  std::optional<Candidate> matchModifierUnit(size_t i) const;
  std::optional<Candidate> matchCountUnit(size_t i) const;
  std::optional<Candidate> matchYear(size_t i) const;
  std::optional<Candidate> matchQuarter(size_t i) const;
  std::optional<Candidate> matchSeason(size_t i) const;
  std::optional<Candidate> matchHoliday(size_t i) const;
  std::optional<Candidate> matchOngoingPeriod(size_t i) const;
  /// A year written in words ("nineteen ninety-six", "two thousand"): the year, and `end`.
  int spelledYearAt(size_t i, size_t& end) const;
  /// A year in digits or in words at i; sets `end`.
  int anyYearAt(size_t i, size_t& end) const {
    if (yearAt(i) > 0) {
      end = i + 1;
      return yearAt(i);
    }
    return spelledYearAt(i, end);
  }
  /// "first" ... "fourth" (or "1st" ... "4th") at i: the ordinal, and `end`.
  int ordinalAt(size_t i, size_t& end) const;

  Candidate make(size_t begin, size_t end) const {
    Candidate c;
    c.begin = begin;
    c.end = end;
    c.expr.span = Span{t_[begin].begin, t_[end - 1].end};
    return c;
  }

  /// A year written right after the candidate (" 2024" or ", 2024"): the candidate takes
  /// it in. Returns whether it did.
  bool takeYear(Candidate& c) const {
    size_t y = c.end;
    if (punct(y, ",")) {
      ++y;
    }
    const int year = yearAt(y);
    if (year <= 0) {
      return false;
    }
    c.end = y + 1;
    c.expr.span.end = t_[y].end;
    c.expr.year = year;
    return true;
  }

  bool mergeable(const Candidate& a, const Candidate& b, size_t& gapEnd) const;
};

int Scanner::monthAt(size_t i, size_t& end) const {
  if (!has(i) || t_[i].kind != Kind::Word || !t_[i].cap) {
    return -1;
  }
  const std::string_view w = t_[i].low;
  for (size_t m = 0; m < kMonthNames.size(); ++m) {
    if (w == kMonthNames[m]) {
      end = i + 1;
      if (punct(end, ".") && m != 4) {
        // "March." at a sentence end: leave the period alone.
      }
      return static_cast<int>(m) + 1;
    }
  }
  static constexpr std::array<std::string_view, 13> kAbbrev = {
      "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept"};
  for (size_t m = 0; m < kAbbrev.size(); ++m) {
    if (kAbbrev[m].empty() || w != kAbbrev[m]) {
      continue;
    }
    const int month = m == 12 ? 9 : static_cast<int>(m) + 1;
    if (punct(i + 1, ".") && glued(i + 1)) {
      end = i + 2;
      return month;
    }
    if (number(i + 1)) {
      end = i + 1;
      return month;
    }
  }
  return -1;
}

int Scanner::weekdayAt(size_t i, size_t& end) const {
  if (!has(i) || t_[i].kind != Kind::Word) {
    return -1;
  }
  for (size_t d = 0; d < kWeekdayNames.size(); ++d) {
    if (t_[i].low == kWeekdayNames[d]) {
      if (!t_[i].cap) {
        return -1;
      }
      end = i + 1;
      return static_cast<int>(d);
    }
  }
  return -1;
}

std::optional<int> Scanner::countAt(size_t i, size_t& end) const {
  if (number(i)) {
    if (punct(i + 1, ",") && glued(i + 1) && number(i + 2) && glued(i + 2)) {
      return std::nullopt; // 1,000
    }
    if (punct(i + 1, ".") && glued(i + 1) && number(i + 2) && glued(i + 2)) {
      return std::nullopt; // 1.5
    }
    end = i + 1;
    return num(i);
  }
  if (word(i, "a") && word(i + 1, "few")) {
    end = i + 2;
    return 0;
  }
  if (word(i, "half") && anyWord(i + 1, {"a", "an"})) {
    end = i + 2;
    return -2; // half a unit
  }
  if (!has(i) || t_[i].kind != Kind::Word) {
    return std::nullopt;
  }
  if (const int word = kNumberWordValue[t_[i].word]; word != kNoNumber) {
    int value = word < 0 ? 0 : word;
    end = i + 1;
    if (value >= 20 && value < 100) {
      size_t j = end;
      if (punct(j, "-") && glued(j)) {
        ++j;
      }
      if (has(j) && t_[j].kind == Kind::Word) {
        if (const int unit = kPlainNumberValue[t_[j].word]; unit >= 1 && unit <= 9) {
          value += unit;
          end = j + 1;
        }
      }
    }
    return value;
  }
  return std::nullopt;
}

Unit Scanner::unitAt(size_t i, size_t& end, bool& plural) const {
  if (!has(i) || t_[i].kind != Kind::Word) {
    return Unit::None;
  }
  struct Entry {
    ScannerWord singular;
    ScannerWord pluralForm;
    Unit unit;
  };
  static constexpr std::array<Entry, 10> kUnits = {{
      {"minute", "minutes", Unit::Minute},
      {"hour", "hours", Unit::Hour},
      {"day", "days", Unit::Day},
      {"week", "weeks", Unit::Week},
      {"weekend", "weekends", Unit::Weekend},
      {"month", "months", Unit::Month},
      {"quarter", "quarters", Unit::Quarter},
      {"year", "years", Unit::Year},
      {"decade", "decades", Unit::Decade},
      {"century", "centuries", Unit::Decade},
  }};
  const WordIs w{t_[i].word};
  for (const auto& entry : kUnits) {
    if (w == entry.singular || w == entry.pluralForm) {
      plural = w == entry.pluralForm;
      end = i + 1;
      if (w == "century" || w == "centuries") {
        return Unit::Year; // counted as 100 years by the caller
      }
      return entry.unit;
    }
  }
  return Unit::None;
}

PartOfDay Scanner::partAt(size_t i, size_t& end) const {
  if (!has(i) || t_[i].kind != Kind::Word) {
    return PartOfDay::None;
  }
  const WordIs w{t_[i].word};
  end = i + 1;
  if (w == "morning")
    return PartOfDay::Morning;
  if (w == "afternoon")
    return PartOfDay::Afternoon;
  if (w == "evening")
    return PartOfDay::Evening;
  if (w == "night")
    return PartOfDay::Night;
  if (w == "dawn" || w == "daybreak" || w == "sunrise")
    return PartOfDay::Dawn;
  if (w == "dusk" || w == "sunset" || w == "nightfall")
    return PartOfDay::Evening;
  if (w == "noon" || w == "midday")
    return PartOfDay::Noon;
  if (w == "midnight")
    return PartOfDay::Midnight;
  return PartOfDay::None;
}

size_t Scanner::skipOrdinal(size_t i) const {
  if (glued(i) && anyWord(i, {"st", "nd", "rd", "th"})) {
    return i + 1;
  }
  return i;
}

int Scanner::yearAt(size_t i) const {
  if (!number(i) || t_[i].low.size() != 4) {
    return -1;
  }
  const int y = num(i);
  if (y < 1000 || y > 2099) {
    return -1;
  }
  if (has(i + 1) && glued(i + 1) && (t_[i + 1].kind == Kind::Number || punct(i + 1, "%"))) {
    return -1;
  }
  if (i > 0 && glued(i) && (punct(i - 1, "$") || punct(i - 1, ".") || punct(i - 1, ","))) {
    return -1;
  }
  return y;
}

int Scanner::spelledYearAt(size_t i, size_t& end) const {
  auto valueOf = [&](size_t k) -> int {
    if (!has(k) || t_[k].kind != Kind::Word) {
      return -1;
    }
    const int value = kPlainNumberValue[t_[k].word];
    return value == kNoNumber ? -1 : value;
  };
  // The last two digits: "ninety-six", "ninety six", "ninety", "twelve", "oh five".
  auto tail = [&](size_t k, size_t& after) -> int {
    const int v = valueOf(k);
    if (v >= 10 && v <= 19) {
      after = k + 1;
      return v;
    }
    if (v >= 20 && v <= 90 && v % 10 == 0) {
      after = k + 1;
      size_t u = k + 1;
      if (punct(u, "-") && glued(u)) {
        ++u;
      }
      const int unit = valueOf(u);
      if (unit >= 1 && unit <= 9) {
        after = u + 1;
        return v + unit;
      }
      return v;
    }
    if (word(k, "oh")) {
      const int unit = valueOf(k + 1);
      if (unit >= 1 && unit <= 9) {
        after = k + 2;
        return unit;
      }
    }
    return -1;
  };
  const int head = valueOf(i);
  size_t after = 0;
  int year = -1;
  if (head >= 11 && head <= 19) {
    // "nineteen ninety-six", "eighteen twelve"
    const int last = tail(i + 1, after);
    if (last < 0) {
      return -1;
    }
    year = head * 100 + last;
  } else if (head == 2 && word(i + 1, "thousand")) {
    // "two thousand", "two thousand and one", "two thousand twelve"
    after = i + 2;
    year = 2000;
    size_t k = after;
    if (word(k, "and")) {
      ++k;
    }
    const int v = valueOf(k);
    if (v >= 1 && v <= 9) {
      year += v;
      after = k + 1;
    } else if (v >= 10) {
      size_t more = 0;
      const int last = tail(k, more);
      if (last > 0) {
        year += last;
        after = more;
      }
    }
  } else if (head == 20) {
    // "twenty twelve" (not "twenty-five")
    if (punct(i + 1, "-")) {
      return -1;
    }
    const int last = tail(i + 1, after);
    if (last < 10) {
      return -1;
    }
    year = 2000 + last;
  } else {
    return -1;
  }
  // Not a count: "nineteen ninety dollars".
  if (has(after) && t_[after].kind == Kind::Word && !t_[after].cap && t_[after].low.size() > 3 &&
      t_[after].low.back() == 's') {
    return -1;
  }
  end = after;
  return year;
}

int Scanner::ordinalAt(size_t i, size_t& end) const {
  if (anyWord(i, {"first", "second", "third", "fourth"})) {
    const WordIs w{t_[i].word};
    end = i + 1;
    return w == "first" ? 1 : (w == "second" ? 2 : (w == "third" ? 3 : 4));
  }
  if (number(i) && t_[i].low.size() == 1 && skipOrdinal(i + 1) != i + 1) {
    end = skipOrdinal(i + 1);
    return num(i);
  }
  return -1;
}

bool Scanner::zoneAt(size_t i, TimeExpression& e) const {
  if (!has(i) || t_[i].kind != Kind::Word || !t_[i].cap) {
    return false;
  }
  struct Zone {
    std::string_view name;
    int minutes;
    bool usRule;
  };
  static constexpr std::array<Zone, 25> kZones = {{
      {"gmt", 0, false},     {"utc", 0, false},    {"z", 0, false},      {"bst", 60, false},
      {"cet", 60, false},    {"cest", 120, false}, {"eet", 120, false},  {"eest", 180, false},
      {"msk", 180, false},   {"ist", 330, false},  {"jst", 540, false},  {"aest", 600, false},
      {"est", -300, false},  {"edt", -240, false}, {"cst", -360, false}, {"cdt", -300, false},
      {"mst", -420, false},  {"mdt", -360, false}, {"pst", -480, false}, {"pdt", -420, false},
      {"akdt", -480, false}, {"et", -300, true},   {"ct", -360, true},   {"mt", -420, true},
      {"pt", -480, true},
  }};
  for (const Zone& zone : kZones) {
    if (t_[i].low == zone.name) {
      e.zoneMinutes = zone.minutes;
      e.zoneUsDst = zone.usRule;
      e.zone = std::string(text_.substr(t_[i].begin, t_[i].end - t_[i].begin));
      return true;
    }
  }
  return false;
}

int Scanner::meridiemAt(size_t i, size_t& end) const {
  if (anyWord(i, {"am", "pm"})) {
    end = i + 1;
    if (punct(end, ".") && glued(end) && !(has(end + 1) && t_[end + 1].cap)) {
      ++end;
    }
    return t_[i].low == "pm" ? 1 : 0;
  }
  if (anyWord(i, {"a", "p"}) && punct(i + 1, ".") && glued(i + 1) && word(i + 2, "m") &&
      (glued(i + 2) || !t_[i + 2].cap)) {
    end = i + 3;
    if (punct(end, ".") && glued(end)) {
      ++end;
    }
    return t_[i].low == "p" ? 1 : 0;
  }
  return -1;
}

Tense Scanner::tenseAround(size_t begin, size_t end) const {
  // The sentence around the expression, up to kReach tokens each side.
  constexpr size_t kReach = 12;
  size_t from = begin;
  for (size_t k = 0; k < kReach && from > 0; ++k) {
    if (punct(from - 1, ".") || punct(from - 1, "!") || punct(from - 1, "?") || t_[from].newline) {
      break;
    }
    --from;
  }
  size_t to = end;
  for (size_t k = 0; k < kReach && to < t_.size(); ++k) {
    if (punct(to, ".") || punct(to, "!") || punct(to, "?") || (to > end && t_[to].newline)) {
      break;
    }
    ++to;
  }
  if (begin > 0 && word(begin - 1, "since")) {
    return Tense::Past; // "since March": a time already gone, whatever the verb
  }
  // The verb nearest to the expression decides ("announced Friday that it will ..." is past,
  // "will meet on Thursday, aides said" is future). A comma between them counts as distance:
  // it often closes the clause the time belongs to ("talks supposed to end by May, invited
  // ..."). `had` before a plan makes the plan past ("had been due to expire Friday").
  auto distanceTo = [&](size_t k) {
    const size_t lo = k < begin ? k + 1 : end;
    const size_t hi = k < begin ? begin : k;
    size_t distance = hi - lo + 1;
    for (size_t m = lo; m < hi; ++m) {
      if (punct(m, ",") || punct(m, ";")) {
        distance += 4;
      }
    }
    return distance;
  };
  Tense best = Tense::Unknown;
  size_t bestDistance = SIZE_MAX;
  bool perfect = false;
  bool pastAuxiliary = false;
  bool perfectAfter = false;
  for (size_t k = end; k < to; ++k) {
    perfectAfter = perfectAfter || word(k, "had");
  }
  auto offer = [&](Tense tense, size_t k) {
    const size_t distance = distanceTo(k);
    // Ties go to the left: the verb before a time usually governs it.
    if (distance < bestDistance) {
      best = tense;
      bestDistance = distance;
    }
  };
  for (size_t k = from; k < to; ++k) {
    if (k >= begin && k < end) {
      continue;
    }
    if (t_[k].kind != Kind::Word) {
      if (punct(k, "'") && anyWord(k + 1, {"ll"})) {
        offer(Tense::Future, k);
      }
      // "it's", "today's the day": a present "is"
      if (punct(k, "'") && word(k + 1, "s") && k > 0 &&
          anyWord(k - 1, {"it", "that", "there", "here", "what", "today", "he", "she", "who"})) {
        offer(Tense::Present, k);
      }
      continue;
    }
    const WordIs w{t_[k].word};
    if (w == "had" && k < begin) {
      perfect = true;
    }
    if (w == "was" || w == "were" || w == "had") {
      pastAuxiliary = true;
    }
    const bool future =
        w == "will" || w == "shall" || w == "should" || w == "would" || w == "upcoming" ||
        w == "scheduled" || w == "expected" || w == "expects" || w == "expect" || w == "penciled" ||
        w == "pencilled" || w == "planning" || w == "intends" || w == "due" || w == "tomorrow" ||
        // a plan only with what is planned: "plans to visit", "was planned for March", not
        // "set aside vacation plans for the trip" or "the hastily planned trip"
        ((w == "plans" || w == "plan") && word(k + 1, "to")) ||
        (w == "planned" && anyWord(k + 1, {"to", "for"})) ||
        // "until Friday" looks ahead; "was at large until Dec. 7" and "until Thursday, they
        // had not ..." do not
        (w == "until" && !pastAuxiliary && !perfectAfter) ||
        // "effective Feb. 1": a coming change announced
        (w == "effective" && k + 1 == begin) ||
        ((w == "going" || w == "supposed" || w == "hopes" || w == "aims") && word(k + 1, "to")) ||
        (w == "set" && (word(k + 1, "to") || word(k + 1, "for"))) ||
        ((w == "is" || w == "are") && word(k + 1, "to") && has(k + 2) &&
         t_[k + 2].kind == Kind::Word && t_[k + 2].low != "be") ||
        (w == "soon" && word(k - 1, "as") && word(k + 1, "as"));
    if (future) {
      offer(perfect ? Tense::Past : Tense::Future, k);
      continue;
    }
    // "was scheduled for", "were planning to": the plan word decides, not the auxiliary.
    const bool auxiliaryOfPlan = (w == "was" || w == "were") &&
                                 anyWord(k + 1, {"scheduled", "expected", "planned", "planning",
                                                 "due", "set", "going", "supposed"});
    if (auxiliaryOfPlan) {
      continue;
    }
    // A participle after "be" or "is" is a passive in the present or after a modal ("should
    // be completed", "the case is heard in May"): it says nothing of the past. After "been" the
    // auxiliary before it decides ("has been suspended", "had been suspended").
    const bool afterBe = k > 0 && anyWord(k - 1, {"be", "is", "are", "being", "been"});
    if (afterBe) {
      continue;
    }
    if (w == "was" || w == "were" || w == "had" || w == "did" || w == "said" || w == "told" ||
        w == "met" || w == "left" || w == "fled" || w == "flew" || w == "went" || w == "came" ||
        w == "took" || w == "made" || w == "held" || w == "ago" || w == "yesterday" ||
        w == "began" || w == "sent" || w == "won" || w == "lost" || w == "got" || w == "gave" ||
        w == "struck" || w == "shot" || w == "hit" || w == "found" || w == "sold" ||
        w == "bought" || w == "brought" || w == "became" || w == "fell" || w == "rose" ||
        w == "saw" || w == "led" || w == "paid" || w == "ran" || w == "wrote" || w == "spoke" ||
        w == "thought" || w == "knew" || w == "grew" || w == "drew" || w == "threw" ||
        w == "broke" || w == "spent" || w == "built" || w == "felt" || w == "heard" ||
        w == "caught" || w == "fought" || w == "sought" || w == "chose" || w == "stood" ||
        w == "withdrew" || w == "kept" || w == "meant" || w == "forgot") {
      offer(Tense::Past, k);
    } else if (t_[k].low.size() > 4 && std::string_view(t_[k].low).ends_with("ed") && !t_[k].cap &&
               !(k > 0 && anyWord(k - 1, {"a", "an", "the", "still", "its", "their", "his", "her",
                                          "as", "yet"}))) {
      // (not an adjective: "a still unspecified date", "the revised plan")
      offer(Tense::Past, k);
    } else if (w == "is" || w == "are" || w == "says" || w == "has" || w == "have") {
      offer(Tense::Present, k);
    }
  }
  return best;
}

std::pair<std::string, Span> Scanner::anchorPhraseAt(size_t i) const {
  size_t j = i;
  while (j < t_.size() && j < i + 8) {
    if (t_[j].kind == Kind::Punct && t_[j].low != "-" && t_[j].low != "'") {
      break;
    }
    if (j > i &&
        (t_[j].newline || anyWord(j, {"and", "but", "when", "while", "where", "which", "who"}))) {
      break;
    }
    // The event ends before a time of its own: "an hour after checking in | on Thursday"
    size_t unused = 0;
    if (j > i && (weekdayAt(j, unused) >= 0 || anyWord(j, {"today", "yesterday", "tonight"}) ||
                  (anyWord(j, {"on", "at"}) &&
                   (weekdayAt(j + 1, unused) >= 0 || monthAt(j + 1, unused) > 0)))) {
      break;
    }
    ++j;
  }
  if (j == i) {
    return {{}, {}};
  }
  const Span span{t_[i].begin, t_[j - 1].end};
  return {std::string(text_.substr(span.begin, span.size())), span};
}

// -- recognisers --------------------------------------------------------------------------

std::optional<Candidate> Scanner::matchNumericDate(size_t i) const {
  if (!number(i)) {
    return std::nullopt;
  }
  // 2024-12-08
  if (t_[i].low.size() == 4 && punct(i + 1, "-") && glued(i + 1) && number(i + 2) && glued(i + 2) &&
      t_[i + 2].low.size() <= 2 && punct(i + 3, "-") && glued(i + 3) && number(i + 4) &&
      glued(i + 4) && t_[i + 4].low.size() <= 2) {
    const int y = num(i);
    const int m = num(i + 2);
    const int d = num(i + 4);
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      Candidate c = make(i, i + 5);
      c.expr.year = y;
      c.expr.month = m;
      c.expr.day = d;
      return c;
    }
    return std::nullopt;
  }
  // 12/8/2024 or 8/12/2024, only when the order is unambiguous.
  if (t_[i].low.size() <= 2 && punct(i + 1, "/") && glued(i + 1) && number(i + 2) && glued(i + 2) &&
      t_[i + 2].low.size() <= 2 && punct(i + 3, "/") && glued(i + 3) && number(i + 4) &&
      glued(i + 4) && t_[i + 4].low.size() == 4) {
    const int a = num(i);
    const int b = num(i + 2);
    const int y = num(i + 4);
    int m = -1;
    int d = -1;
    if (a >= 1 && a <= 12 && b > 12 && b <= 31) {
      m = a;
      d = b;
    } else if (b >= 1 && b <= 12 && a > 12 && a <= 31) {
      m = b;
      d = a;
    } else if (a == b && a >= 1 && a <= 12) {
      m = a;
      d = a;
    }
    if (m < 0 || y < 1000) {
      return std::nullopt;
    }
    Candidate c = make(i, i + 5);
    c.expr.year = y;
    c.expr.month = m;
    c.expr.day = d;
    return c;
  }
  return std::nullopt;
}

std::optional<Candidate> Scanner::matchMonthFirst(size_t i) const {
  size_t j = 0;
  const int month = monthAt(i, j);
  if (month < 0) {
    return std::nullopt;
  }
  // Month day [, year]
  // (not "May 6:30", a clock time; "April 6:" ending a line is a date)
  if (number(j) && t_[j].low.size() <= 2 && num(j) >= 1 && num(j) <= 31 &&
      !(punct(j + 1, ":") && glued(j + 1) && number(j + 2) && glued(j + 2)) &&
      !(punct(j + 1, "%") && glued(j + 1))) {
    const int d = num(j);
    size_t k = skipOrdinal(j + 1);
    Candidate c = make(i, k);
    c.expr.month = month;
    c.expr.day = d;
    if (punct(k, ",") && yearAt(k + 1) > 0) {
      c.expr.year = yearAt(k + 1);
      c = [&] {
        Candidate with = make(i, k + 2);
        with.expr.month = month;
        with.expr.day = d;
        with.expr.year = yearAt(k + 1);
        return with;
      }();
    } else if (yearAt(k) > 0) {
      Candidate with = make(i, k + 1);
      with.expr.month = month;
      with.expr.day = d;
      with.expr.year = yearAt(k);
      c = with;
    }
    return c;
  }
  // Month [,|of] year ("May 1984", "January nineteen ninety-seven")
  size_t k = j;
  if (punct(k, ",") || word(k, "of")) {
    ++k;
  }
  size_t yearEnd = 0;
  if (const int year = anyYearAt(k, yearEnd); year > 0) {
    Candidate c = make(i, yearEnd);
    c.expr.month = month;
    c.expr.year = year;
    return c;
  }
  // "September this year", "April last year", "October of next year"
  if (const size_t y = word(j, "of") ? j + 1 : j;
      anyWord(y, {"this", "last", "next"}) && word(y + 1, "year")) {
    Candidate c = make(i, y + 2);
    c.expr.month = month;
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = t_[y].low == "last" ? -1 : (t_[y].low == "next" ? 1 : 0);
    return c;
  }
  // A bare month: "May" and "March" need a cue that they are months.
  if (month == 5 || month == 3) {
    if (i == 0 || !anyWord(i - 1, {"in", "of", "since", "until", "by", "last", "next", "this",
                                   "early", "late", "mid", "during", "before", "after", "through",
                                   "from", "and", "or", "to"})) {
      return std::nullopt;
    }
    if (t_[i].low != "march" && t_[i].low != "may") {
      return std::nullopt;
    }
  }
  if (t_[i].low.size() <= 4 && t_[i].low != "may" && t_[i].low != "june" && t_[i].low != "july") {
    return std::nullopt; // an abbreviation alone
  }
  Candidate c = make(i, j);
  c.expr.month = month;
  return c;
}

std::optional<Candidate> Scanner::matchDayFirst(size_t i) const {
  if (!number(i) || t_[i].low.size() > 2) {
    return std::nullopt;
  }
  const int d = num(i);
  if (d < 1 || d > 31) {
    return std::nullopt;
  }
  size_t k = skipOrdinal(i + 1);
  if (word(k, "of")) {
    ++k;
  }
  size_t j = 0;
  const int month = monthAt(k, j);
  if (month < 0) {
    return std::nullopt;
  }
  Candidate c = make(i, j);
  c.expr.month = month;
  c.expr.day = d;
  takeYear(c);
  return c;
}

std::optional<Candidate> Scanner::matchClock(size_t i) const {
  if (!number(i)) {
    return std::nullopt;
  }
  // "0737 GMT", "1200 UTC"
  if (t_[i].low.size() == 4 && anyWord(i + 1, {"gmt", "utc"}) && t_[i + 1].cap) {
    const int hhmm = num(i);
    if (hhmm / 100 <= 23 && hhmm % 100 <= 59) {
      Candidate c = make(i, i + 2);
      c.expr.hour = hhmm / 100;
      c.expr.minute = hhmm % 100;
      zoneAt(i + 1, c.expr);
      return c;
    }
  }
  if (t_[i].low.size() > 2) {
    return std::nullopt;
  }
  if (i > 0 && (punct(i - 1, ":") || punct(i - 1, "."))) {
    return std::nullopt; // the minutes of "7: 38pm", not an hour
  }
  const int h = num(i);
  size_t j = i + 1;
  int m = 0;
  bool colon = false;
  if ((punct(j, ":") || punct(j, ".")) && glued(j) && number(j + 1) && glued(j + 1) &&
      t_[j + 1].low.size() == 2) {
    colon = punct(j, ":");
    m = num(j + 1);
    j += 2;
  }
  size_t k = j;
  // "at 4 in the morning", "8 in the evening", "11 at night": a clock time on that side of noon
  if (i > 0 && word(i - 1, "at") && h >= 1 && h <= 12) {
    const bool inThe =
        word(k, "in") && word(k + 1, "the") && anyWord(k + 2, {"morning", "afternoon", "evening"});
    const bool atNight = word(k, "at") && word(k + 1, "night");
    if (inThe || atNight) {
      const bool morning = inThe && t_[k + 2].low == "morning";
      Candidate c = make(i, inThe ? k + 3 : k + 2);
      c.expr.hour = morning ? h % 12 : (atNight && h < 5 ? h % 12 : h % 12 + 12);
      c.expr.minute = m;
      return c;
    }
  }
  if (word(k, "o") && punct(k + 1, "'") && word(k + 2, "clock")) {
    Candidate c = make(i, k + 3);
    c.expr.hour = h;
    c.expr.minute = m;
    if (h < 1 || h > 12) {
      return std::nullopt;
    }
    return c;
  }
  size_t end = 0;
  const int meridiem = meridiemAt(k, end);
  if (meridiem >= 0) {
    if (h < 1 || h > 12 || m > 59) {
      if (h > 12 && h < 100) {
        Candidate c = make(i, end);
        c.expr.hour = h;
        c.expr.minute = m;
        c.expr.problem = "there is no " + std::to_string(h) + " o'clock in the 12-hour clock";
        c.expr.problemSpan = c.expr.span;
        return c;
      }
      return std::nullopt;
    }
    TimeExpression zoned;
    const bool zone = zoneAt(end, zoned);
    const bool local = !zone && word(end, "local") && word(end + 1, "time");
    Candidate c = make(i, zone ? end + 1 : (local ? end + 2 : end));
    c.expr.hour = (h % 12) + (meridiem == 1 ? 12 : 0);
    c.expr.minute = m;
    c.expr.zoneMinutes = zoned.zoneMinutes;
    c.expr.zoneUsDst = zoned.zoneUsDst;
    c.expr.zone = zoned.zone;
    return c;
  }
  if (!colon) {
    return std::nullopt;
  }
  // 24-hour clock: needs a time context unless it is a valid time.
  const bool cue = i > 0 && anyWord(i - 1, {"at", "by", "until", "till", "around", "about", "from",
                                            "before", "after", "since", "approximately", "to"});
  TimeExpression zoned;
  const bool zone = zoneAt(k, zoned) || anyWord(k, {"hours", "hrs", "local"});
  if (!cue && !zone) {
    return std::nullopt;
  }
  size_t last = k;
  if (zone) {
    last = k + 1;
    if (word(k, "local") && word(k + 1, "time")) {
      last = k + 2;
    }
  }
  Candidate c = make(i, last);
  c.expr.hour = h;
  c.expr.minute = m;
  c.expr.zoneMinutes = zoned.zoneMinutes;
  c.expr.zoneUsDst = zoned.zoneUsDst;
  c.expr.zone = zoned.zone;
  if (h > 24 || m > 59 || (h == 24 && m > 0)) {
    c.expr.problem = std::string(text_.substr(t_[i].begin, t_[j - 1].end - t_[i].begin)) +
                     " is not a time of day";
    c.expr.problemSpan = Span{t_[i].begin, t_[j - 1].end};
  }
  return c;
}

std::optional<Candidate> Scanner::matchWeekday(size_t i) const {
  size_t begin = i;
  size_t j = i;
  Relation relation = Relation::None;
  int offset = 0;
  bool narrative = false;
  bool eventRelative = false;
  PartOfDay lateEarly = PartOfDay::None;
  if (anyWord(j, {"late", "early"})) {
    size_t probe = 0;
    if (weekdayAt(j + 1, probe) >= 0) {
      lateEarly = t_[j].low == "late" ? PartOfDay::Evening : PartOfDay::None;
      ++j;
    }
  }
  // "the previous Friday", "the following Monday": counted from the story's last date
  if (word(i, "the") && anyWord(i + 1, {"previous", "preceding", "following", "next"})) {
    size_t end = 0;
    const int weekday = weekdayAt(i + 2, end);
    if (weekday >= 0) {
      Candidate c = make(i, end);
      c.expr.weekday = weekday;
      c.expr.relation = Relation::Narrative;
      c.expr.unit = Unit::Weekday;
      c.expr.offset = anyWord(i + 1, {"previous", "preceding"}) ? -1 : 1;
      c.expr.narrativeCue = true;
      return c;
    }
  }
  if (j == i && anyWord(j, {"last", "past", "next", "this", "coming", "that", "the", "same"})) {
    const std::string_view m = t_[j].low;
    if (m == "last" || m == "past") {
      relation = Relation::Offset;
      offset = -1;
    } else if (m == "next" || m == "coming") {
      relation = Relation::Offset;
      offset = 1;
    } else if (m == "this") {
      relation = Relation::Offset;
      offset = 0;
    } else if (m == "that" || m == "same") {
      narrative = true;
    } else if (m == "the") {
      eventRelative = true;
    }
    ++j;
    // "that fateful Sunday": one adjective between the determiner and the weekday.
    size_t probe = 0;
    if (narrative && weekdayAt(j, probe) < 0 && has(j) && t_[j].kind == Kind::Word && !t_[j].cap) {
      ++j;
    }
  }
  size_t end = 0;
  const int weekday = weekdayAt(j, end);
  if (weekday < 0) {
    return std::nullopt;
  }
  if (begin == j) {
    begin = j;
  }
  Candidate c = make(begin, end);
  c.expr.weekday = weekday;
  c.expr.narrativeCue = narrative;
  if (relation == Relation::Offset) {
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Weekday;
    c.expr.offset = offset;
  }
  // Part of day glued to the weekday: "Saturday night", "Friday morning".
  size_t p = 0;
  const PartOfDay part = partAt(end, p);
  if (part != PartOfDay::None && part != PartOfDay::Noon && part != PartOfDay::Midnight) {
    c.expr.part = part;
    c.end = p;
    end = p;
    c.expr.span.end = t_[p - 1].end;
  } else if (lateEarly != PartOfDay::None) {
    c.expr.part = lateEarly;
  }
  if (j > i && word(i, "early") && c.expr.part == PartOfDay::Morning) {
    c.expr.part = PartOfDay::EarlyHours; // "early Tuesday morning"
  }
  if (eventRelative) {
    // "the Saturday before his departure"
    if (anyWord(end, {"before", "after"})) {
      auto [phrase, span] = anchorPhraseAt(end + 1);
      if (!phrase.empty()) {
        c.expr.relation = Relation::EventOffset;
        c.expr.unit = Unit::Weekday;
        c.expr.offset = t_[end].low == "before" ? -1 : 1;
        c.expr.anchorPhrase = phrase;
        c.expr.anchorSpan = span;
        const size_t phraseEnd = [&] {
          size_t q = end + 1;
          while (q < t_.size() && t_[q].end <= c.expr.anchorSpan.end) {
            ++q;
          }
          return q;
        }();
        c.end = phraseEnd;
        c.expr.span.end = span.end;
        return c;
      }
    }
    // "the Saturday" alone: the determiner is not part of the expression.
    c.expr.span.begin = t_[j].begin;
  }
  return c;
}

std::optional<Candidate> Scanner::matchPart(size_t i) const {
  // "the early hours", "the small hours", "after midnight", "overnight", "at dawn".
  if (word(i, "the") && anyWord(i + 1, {"early", "small", "wee"}) && word(i + 2, "hours")) {
    Candidate c = make(i, i + 3);
    c.expr.part = PartOfDay::EarlyHours;
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    return c;
  }
  if (anyWord(i, {"early", "small", "wee"}) && word(i + 1, "hours")) {
    Candidate c = make(i, i + 2);
    c.expr.part = PartOfDay::EarlyHours;
    c.standalone = false;
    return c;
  }
  if (word(i, "after") && word(i + 1, "midnight")) {
    Candidate c = make(i, i + 2);
    c.expr.part = PartOfDay::EarlyHours;
    c.standalone = false;
    return c;
  }
  size_t begin = i;
  size_t j = i;
  PartOfDay modifier = PartOfDay::None;
  const bool determiner = word(j, "the");
  if (determiner) {
    ++j;
  }
  if (anyWord(j, {"early", "late"}) && has(j + 1)) {
    modifier = t_[j].low == "early" ? PartOfDay::Morning : PartOfDay::Night;
    ++j;
  }
  // "mid afternoon", "mid-morning": plainly a time of the story's day
  bool mid = false;
  if (word(j, "mid") && has(j + 1)) {
    mid = true;
    j += punct(j + 1, "-") && glued(j + 1) ? 2 : 1;
  }
  size_t end = 0;
  PartOfDay part = partAt(j, end);
  if (part == PartOfDay::None ||
      (mid && part != PartOfDay::Morning && part != PartOfDay::Afternoon)) {
    return std::nullopt;
  }
  if (modifier == PartOfDay::Morning && part == PartOfDay::Morning) {
    part = PartOfDay::EarlyHours;
  }
  Candidate c = make(begin, end);
  c.expr.part = part;
  // Stand-alone only when it clearly names a time ("at dawn", "the morning", "in morning
  // trading").
  c.standalone = false;
  if (!determiner && !mid && modifier == PartOfDay::None && i > 0 && word(i - 1, "in") &&
      word(end, "trading") && (part == PartOfDay::Morning || part == PartOfDay::Afternoon)) {
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    c.standalone = true;
    return c;
  }
  if ((determiner || mid) && part != PartOfDay::Noon && part != PartOfDay::Midnight) {
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    c.standalone = true;
  }
  return c;
}

std::optional<Candidate> Scanner::matchRelativeWord(size_t i) const {
  if (!has(i) || t_[i].kind != Kind::Word) {
    return std::nullopt;
  }
  const WordIs w{t_[i].word};
  auto dayOffset = [&](size_t end, int offset, PartOfDay part) {
    Candidate c = make(i, end);
    c.expr.relation = Relation::Today;
    c.expr.unit = Unit::Day;
    c.expr.offset = offset;
    c.expr.part = part;
    size_t p = 0;
    if (part == PartOfDay::None) {
      const PartOfDay after = partAt(end, p);
      if (after != PartOfDay::None && after != PartOfDay::Noon && after != PartOfDay::Midnight) {
        c.expr.part = after;
        c.end = p;
        c.expr.span.end = t_[p - 1].end;
      }
    }
    return c;
  };
  if (w == "today")
    return dayOffset(i + 1, 0, PartOfDay::None);
  if (w == "yesterday")
    return dayOffset(i + 1, -1, PartOfDay::None);
  if (w == "tomorrow")
    return dayOffset(i + 1, 1, PartOfDay::None);
  if (w == "tonight")
    return dayOffset(i + 1, 0, PartOfDay::Night);
  if (w == "the" && word(i + 1, "day") && word(i + 2, "before") && word(i + 3, "yesterday")) {
    return dayOffset(i + 4, -2, PartOfDay::None);
  }
  if (w == "the" && word(i + 1, "day") && word(i + 2, "after") && word(i + 3, "tomorrow")) {
    return dayOffset(i + 4, 2, PartOfDay::None);
  }
  if (w == "last" && word(i + 1, "night"))
    return dayOffset(i + 2, -1, PartOfDay::Night);
  if (w == "this" && has(i + 1)) {
    size_t p = 0;
    const PartOfDay part = partAt(i + 1, p);
    if (part == PartOfDay::Morning || part == PartOfDay::Afternoon || part == PartOfDay::Evening) {
      return dayOffset(p, 0, part);
    }
  }
  auto reference = [&](size_t end, Relation relation) {
    Candidate c = make(i, end);
    c.expr.kind = TimeKind::Reference;
    c.expr.relation = relation;
    return c;
  };
  if (w == "now") {
    return reference(i + 1, Relation::Present);
  }
  if (w == "currently" || w == "nowadays")
    return reference(i + 1, Relation::Present);
  if (w == "current" && has(i + 1) && t_[i + 1].kind == Kind::Word &&
      !anyWord(i + 1, {"account", "accounts"})) {
    return reference(i + 1, Relation::Present);
  }
  if (w == "soon" && !word(i + 1, "after") && !(i > 0 && anyWord(i - 1, {"as", "too"}))) {
    return reference(i + 1, Relation::Future);
  }
  if (w == "future" && !(i > 0 && word(i - 1, "the"))) {
    return reference(i + 1, Relation::Future);
  }
  if (w == "recently" || w == "lately" || w == "previously" || w == "formerly") {
    return reference(i + 1, Relation::Past);
  }
  if (w == "the" && word(i + 1, "past")) {
    size_t unitEnd = 0;
    bool plural = false;
    size_t countEnd = 0;
    const bool counted = countAt(i + 2, countEnd).has_value() ||
                         anyWord(i + 2, {"few", "several", "last"}) ||
                         unitAt(i + 2, unitEnd, plural) != Unit::None;
    if (!counted) {
      return reference(i + 2, Relation::Past);
    }
  }
  if (w == "the" && word(i + 1, "future"))
    return reference(i + 2, Relation::Future);
  // "in the near term", "over the long term", "for the time being", "these days",
  // "in coming months", "in the coming weeks"
  if (w == "the" && anyWord(i + 1, {"near", "short", "long"}) && word(i + 2, "term") &&
      !(punct(i + 3, "-") && glued(i + 3)) && i > 0 &&
      anyWord(i - 1, {"in", "over", "for", "during", "into"})) {
    return reference(i + 3, Relation::Future);
  }
  if (w == "the" && word(i + 1, "time") && word(i + 2, "being")) {
    return reference(i + 3, Relation::Present);
  }
  if (w == "these" && word(i + 1, "days")) {
    return reference(i + 2, Relation::Present);
  }
  if (w == "coming" &&
      anyWord(i + 1, {"days", "weeks", "months", "years", "quarters", "decades"})) {
    return reference(i + 2, Relation::Future);
  }
  if (w == "recent" && anyWord(i + 1, {"years", "months", "weeks", "days", "decades"})) {
    return reference(i + 2, Relation::Past);
  }
  if (w == "recent" && !(i > 0 && anyWord(i - 1, {"most", "more"}))) {
    return reference(i + 1, Relation::Past);
  }
  // "the same period last year", "the corresponding period a year earlier": in a report of
  // quarterly results, the reporting quarter a year before; otherwise the year before.
  if (w == "the" && anyWord(i + 1, {"same", "corresponding", "comparable"}) &&
      anyWord(i + 2, {"period", "month"})) {
    size_t k = i + 3;
    if (word(k, "of")) {
      ++k;
    }
    if (word(k, "the") && word(k + 1, "last")) {
      ++k;
    }
    const bool lastYear = anyWord(k, {"last", "previous"}) && word(k + 1, "year");
    const bool yearAgo =
        word(k, "a") && word(k + 1, "year") && anyWord(k + 2, {"earlier", "ago", "before"});
    if (lastYear || yearAgo) {
      Candidate c = make(i, lastYear ? k + 2 : k + 3);
      c.expr.relation = Relation::Offset;
      if (monthJustBefore(i) || word(i + 2, "month")) {
        // "sales rose in February compared to the same period last year": that month, a
        // year before
        c.expr.relation = Relation::Narrative;
        c.expr.unit = Unit::Month;
        c.expr.offset = -12;
      } else {
        yearBefore(c.expr, i);
      }
      return c;
    }
  }
  // "year-earlier", "the year-ago quarter", "a year-earlier loss"
  {
    size_t k = i;
    if (w == "the" || w == "a") {
      ++k;
    }
    if (word(k, "year") && punct(k + 1, "-") && glued(k + 1) &&
        anyWord(k + 2, {"earlier", "ago"})) {
      size_t end = k + 3;
      // "the year-ago third quarter": that quarter of the year before
      size_t ordinalEnd = 0;
      const int ordinal = ordinalAt(end, ordinalEnd);
      if (ordinal >= 1 && ordinal <= 4 && word(ordinalEnd, "quarter")) {
        Candidate c = make(i, ordinalEnd + 1);
        c.expr.quarter = ordinal;
        c.expr.relation = Relation::Offset;
        c.expr.unit = Unit::Year;
        c.expr.offset = -1;
        return c;
      }
      if (anyWord(end, {"quarter", "period"})) {
        ++end;
      }
      Candidate c = make(i, end);
      c.expr.relation = Relation::Offset;
      yearBefore(c.expr, i);
      return c;
    }
  }
  // In a report of quarterly results, "the latest period" is the quarter reported and "the full
  // year" the year it belongs to; "the 1988 quarter" is that quarter of 1988.
  if (w == "the" && anyWord(i + 1, {"latest", "recent"}) && word(i + 2, "period") &&
      quarterContext(i)) {
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Quarter;
    c.expr.offset = 0;
    c.expr.weekdayInUnit = true;
    return c;
  }
  if (w == "the" && anyWord(i + 1, {"full", "entire", "whole"}) && word(i + 2, "year") &&
      !(punct(i + 3, "'") || punct(i + 3, "-"))) {
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = 0;
    c.expr.weekdayInUnit = quarterContext(i); // else the current year
    return c;
  }
  // A decade in words: "the nineties", "the eighties"
  if (w == "the" && has(i + 1)) {
    static constexpr std::array<std::pair<std::string_view, int>, 8> kDecades = {{
        {"twenties", 192},
        {"thirties", 193},
        {"forties", 194},
        {"fifties", 195},
        {"sixties", 196},
        {"seventies", 197},
        {"eighties", 198},
        {"nineties", 199},
    }};
    for (const auto& [name, decade] : kDecades) {
      if (t_[i + 1].low == name) {
        Candidate c = make(i + 1, i + 2);
        c.expr.decade = decade;
        return c;
      }
    }
  }
  if (w == "the" && yearAt(i + 1) > 0 && word(i + 2, "quarter") && quarterContext(i)) {
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Quarter;
    c.expr.weekdayInUnit = true;
    c.expr.offset = 0;
    c.expr.year = yearAt(i + 1); // the reported quarter's number, in that year
    return c;
  }
  // "year-end", "year end", "year's end": the end of the year, this one unless it looks back
  {
    size_t k = i;
    if (anyWord(k, {"by", "at", "around", "since", "before", "until"}) && word(k + 1, "year")) {
      ++k;
    }
    if (k > i || w == "year") {
      size_t end = 0;
      if (punct(k + 1, "-") && glued(k + 1) && word(k + 2, "end") && glued(k + 2)) {
        end = k + 3;
      } else if (word(k + 1, "end")) {
        end = k + 2;
      } else if (punct(k + 1, "'") && word(k + 2, "s") && word(k + 3, "end")) {
        end = k + 4;
      }
      if (end > 0 && !(punct(end, "-") && glued(end))) {
        Candidate c = make(k, end);
        c.expr.relation = Relation::Offset;
        c.expr.unit = Unit::Year;
        c.expr.offset = k > i && word(i, "since") ? -1 : 0;
        return c;
      }
    }
  }
  // "the quarter", "the latest quarter": the reporting quarter; "the year": the current one.
  if (w == "the" && (word(i + 1, "quarter") ||
                     (anyWord(i + 1, {"latest", "recent", "fiscal"}) && word(i + 2, "quarter")))) {
    const size_t end = word(i + 1, "quarter") ? i + 2 : i + 3;
    Candidate c = make(i, end);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Quarter;
    c.expr.offset = 0;
    c.expr.weekdayInUnit = true; // the quarter being reported: the one 45 days back
    // "the quarter ended July 31": the calendar quarter holding most of it
    size_t monthEnd = 0;
    const int month = anyWord(end, {"ended", "ending"}) ? monthAt(end + 1, monthEnd) : -1;
    if (month > 0 && number(monthEnd) && num(monthEnd) >= 1 && num(monthEnd) <= 31) {
      const CivilDate middle = addDays(CivilDate{2001, month, std::min(num(monthEnd), 28)}, -45);
      c.expr.reportQuarter = (middle.month - 1) / 3 + 1;
    }
    return c;
  }
  if (w == "the" && word(i + 1, "fiscal") && word(i + 2, "year") && !word(i + 3, "before") &&
      !word(i + 3, "after") && !word(i + 3, "earlier") && !word(i + 3, "later")) {
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = 0;
    return c;
  }
  // "than the year previous", "the year before.": the year before the one the text spoke of
  // last (an event after "before" is counted from by the count matcher instead).
  if (w == "the" && word(i + 1, "year") && anyWord(i + 2, {"previous", "before", "earlier"}) &&
      (!has(i + 3) || t_[i + 3].kind == Kind::Punct || anyWord(i + 3, {"and", "but", "when"}))) {
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Year;
    c.expr.offset = -1;
    return c;
  }
  size_t spelledEnd = 0;
  if (w == "the" && word(i + 1, "year") && spelledYearAt(i + 2, spelledEnd) < 0 &&
      yearAt(i + 2) < 0 && !word(i + 2, "before") && !word(i + 2, "after") &&
      !word(i + 2, "earlier") && !word(i + 2, "later") &&
      !(punct(i + 2, "'") || word(i + 2, "s"))) {
    Candidate c = make(i, i + 2);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = 0;
    return c;
  }
  if (w == "the" && word(i + 1, "eve") && word(i + 2, "of")) {
    auto [phrase, span] = anchorPhraseAt(i + 3);
    if (phrase.empty()) {
      return std::nullopt;
    }
    Candidate c = make(i, i + 3);
    c.expr.relation = Relation::EventOffset;
    c.expr.unit = Unit::Day;
    c.expr.offset = -1;
    c.expr.part = PartOfDay::Evening;
    c.expr.anchorPhrase = phrase;
    c.expr.anchorSpan = span;
    size_t q = i + 3;
    while (q < t_.size() && t_[q].end <= span.end) {
      ++q;
    }
    c.end = q;
    c.expr.span.end = span.end;
    return c;
  }
  return std::nullopt;
}

std::optional<Candidate> Scanner::matchModifierUnit(size_t i) const {
  if (!has(i) || t_[i].kind != Kind::Word) {
    return std::nullopt;
  }
  // "the week of March 6", "the last week of March"
  if (word(i, "the")) {
    size_t w = i + 1;
    const bool first = word(w, "first");
    const bool last = word(w, "last");
    if (first || last) {
      ++w;
    }
    if (word(w, "week") && word(w + 1, "of")) {
      if (std::optional<Candidate> date = matchMonthFirst(w + 2)) {
        const bool day = date->expr.day > 0;
        if (date->expr.month > 0 && day != (first || last) && date->expr.weekday < 0 &&
            date->expr.hour < 0) {
          Candidate c = *date;
          c.begin = i;
          c.expr.span.begin = t_[i].begin;
          c.expr.weekOf = day ? TimeExpression::WeekOf::Date
                              : (first ? TimeExpression::WeekOf::FirstOfMonth
                                       : TimeExpression::WeekOf::LastOfMonth);
          return c;
        }
      }
    }
  }
  size_t j = i;
  // "earlier this year", "later this month", "early next year", "late last year"
  bool loose = false;
  if (anyWord(j, {"earlier", "later", "early", "late", "mid"}) &&
      (anyWord(j + 1, {"this", "last", "next"}) ||
       (word(j + 1, "that") && anyWord(j + 2, {"year", "month"})))) {
    loose = true;
    ++j;
    if (punct(j, "-")) {
      ++j;
    }
  }
  bool narrative = false;
  int offset = 0;
  bool relationSet = false;
  if (!loose && word(j, "the") && word(j + 1, "weekend")) {
    Candidate c = make(i, j + 2);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Weekend;
    c.expr.offset = 0;
    return c;
  }
  if (!loose && word(j, "the") && word(j + 1, "day") &&
      !anyWord(j + 2, {"before", "after", "of"})) {
    Candidate c = make(i, j + 2);
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    return c;
  }
  // "if no price is agreed by that time": the time the story spoke of last (not "at that time
  // of year"; "at the time" is left alone, often a time of its own clause)
  if (!loose && j > 0 && anyWord(j - 1, {"at", "by", "until"}) && word(j, "that") &&
      word(j + 1, "time") && !anyWord(j + 2, {"of", "when", "that"})) {
    Candidate c = make(j, j + 2);
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    return c;
  }
  if (!loose && anyWord(j, {"earlier", "later", "early", "late"}) && word(j + 1, "in") &&
      word(j + 2, "the") && word(j + 3, "day")) {
    Candidate c = make(i, j + 4);
    c.expr.relation = Relation::Narrative;
    c.expr.unit = Unit::Day;
    c.expr.offset = 0;
    c.expr.vague = true;
    return c;
  }
  if (word(j, "the") && anyWord(j + 1, {"following", "next", "previous", "same", "preceding"})) {
    narrative = true;
    const std::string_view m = t_[j + 1].low;
    offset = (m == "following" || m == "next") ? 1 : (m == "same" ? 0 : -1);
    j += 2;
    relationSet = true;
  } else if (word(j, "that") && anyWord(j + 1, {"day", "morning", "night", "evening", "afternoon",
                                                "week", "month", "year"})) {
    narrative = true;
    offset = 0;
    j += 1;
    relationSet = true;
  } else if (word(j, "that") && word(j + 1, "same") && anyWord(j + 2, {"month", "year"})) {
    narrative = true; // "that same year"
    offset = 0;
    j += 2;
    relationSet = true;
  } else if (anyWord(j, {"last", "next", "this", "coming", "previous", "current"})) {
    const std::string_view m = t_[j].low;
    offset = (m == "last" || m == "previous") ? -1 : ((m == "next" || m == "coming") ? 1 : 0);
    ++j;
    relationSet = true;
  }
  if (!relationSet) {
    return std::nullopt;
  }
  bool plural = false;
  size_t end = 0;
  // "the current fiscal year", "last fiscal year"
  const bool fiscal = !narrative && word(j, "fiscal") && word(j + 1, "year");
  if (fiscal) {
    ++j;
  }
  Unit unit = unitAt(j, end, plural);
  PartOfDay part = PartOfDay::None;
  if (unit == Unit::Year && !narrative && punct(end, "'") && word(end + 1, "s")) {
    // "next year's first quarter", "last year's second half", "last year's quarter"
    size_t k = end + 2;
    size_t ordinalEnd = 0;
    const int ordinal = ordinalAt(k, ordinalEnd);
    if (ordinal >= 1 && ordinal <= 4 && word(ordinalEnd, "quarter")) {
      Candidate c = make(i, ordinalEnd + 1);
      c.expr.quarter = ordinal;
      c.expr.relation = Relation::Offset;
      c.expr.unit = Unit::Year;
      c.expr.offset = offset;
      return c;
    }
    if (ordinal >= 1 && ordinal <= 2 && word(ordinalEnd, "half")) {
      Candidate c = make(i, ordinalEnd + 1);
      c.expr.half = ordinal;
      c.expr.relation = Relation::Offset;
      c.expr.unit = Unit::Year;
      c.expr.offset = offset;
      return c;
    }
    if (word(k, "quarter") && offset != 0) {
      // the reporting quarter, that many years away
      Candidate c = make(i, k + 1);
      c.expr.relation = Relation::Offset;
      c.expr.unit = Unit::Quarter;
      c.expr.offset = offset * 4;
      c.expr.weekdayInUnit = true;
      return c;
    }
  }
  if (unit == Unit::None && narrative) {
    part = partAt(j, end);
    if (part == PartOfDay::Morning || part == PartOfDay::Night || part == PartOfDay::Evening ||
        part == PartOfDay::Afternoon) {
      unit = Unit::Day;
    } else {
      part = PartOfDay::None;
    }
  }
  Season season = Season::None;
  int month = -1;
  int day = -1;
  if (unit == Unit::None) {
    if (anyWord(j, {"spring", "summer", "fall", "autumn", "winter"})) {
      const std::string_view s = t_[j].low;
      season = s == "spring" ? Season::Spring
                             : (s == "summer" ? Season::Summer
                                              : (s == "winter" ? Season::Winter : Season::Fall));
      unit = Unit::Season;
      end = j + 1;
    } else {
      size_t mEnd = 0;
      month = monthAt(j, mEnd);
      if (month > 0 && !narrative) {
        unit = Unit::Month;
        end = mEnd;
        // "last Oct. 23": the day too (not a clock time, "last May 6:30")
        if (number(end) && t_[end].low.size() <= 2 && num(end) >= 1 && num(end) <= 31 &&
            !punct(end + 1, ":")) {
          day = num(end);
          ++end;
        }
      } else {
        return std::nullopt;
      }
    }
  }
  if (plural || unit == Unit::Minute || unit == Unit::Hour) {
    return std::nullopt; // "the last three years" is a duration, handled elsewhere
  }
  if (unit == Unit::Decade && !narrative) {
    return std::nullopt;
  }
  Candidate c = make(i, end);
  c.expr.relation = narrative ? Relation::Narrative : Relation::Offset;
  c.expr.unit = unit;
  c.expr.offset = offset;
  c.expr.part = part;
  c.expr.season = season;
  if (month > 0) {
    c.expr.month = month;
    c.expr.day = day;
    c.expr.unit = Unit::Month;
    c.expr.relation = Relation::Offset;
    // "last November": the named month, counted back (or forward) from the anchor.
    c.expr.weekdayInUnit = true;
  }
  // "compared with a loss of $3 million last year", "up from $1.2 billion last year": in a
  // report of quarterly results, the comparison is with that quarter a year before.
  if (!loose && !narrative && unit == Unit::Year && offset == -1 && comparedBefore(i) &&
      quarterContext(i)) {
    c.expr.unit = Unit::Quarter;
    c.expr.offset = -4;
    c.expr.weekdayInUnit = true;
  }
  (void)loose;
  // "the next day after ..." is still narrative; "the day before X" is handled by counts.
  return c;
}

std::optional<Candidate> Scanner::matchCountUnit(size_t i) const {
  size_t begin = i;
  size_t j = i;
  // Duration cues in front: "for", "over", "more than", "nearly", "the last/past N units".
  bool durationCue = false;
  if (anyWord(j, {"the"}) && anyWord(j + 1, {"last", "past", "next", "first"})) {
    durationCue = true;
    j += 2;
  }
  size_t cEnd = 0;
  std::optional<int> count = countAt(j, cEnd);
  bool hyphenated = false;
  bool wholeUnit = false;
  if (!count && (word(j, "the") || word(j, "a")) &&
      anyWord(j + 1, {"day", "week", "month", "year"}) && anyWord(j + 2, {"before", "after"})) {
    count = 1;
    cEnd = j + 1;
    wholeUnit = word(j, "the") && anyWord(j + 1, {"week", "month"});
  }
  if (!count) {
    // bare plural units: "decades of authoritarian rule", "for years"
    bool plural = false;
    size_t uEnd = 0;
    const Unit unit = unitAt(j, uEnd, plural);
    if (unit != Unit::None && plural &&
        (word(uEnd, "of") || (j > 0 && anyWord(j - 1, {"for", "over", "after", "within", "in"})))) {
      if (anyWord(uEnd, {"ago", "later", "earlier"})) {
        return std::nullopt;
      }
      Candidate c = make(j, uEnd);
      c.expr.kind = TimeKind::Duration;
      c.expr.durationValue = "PX";
      c.expr.unit = unit;
      return c;
    }
    return std::nullopt;
  }
  size_t k = cEnd;
  if (punct(k, "-") && glued(k)) {
    hyphenated = true;
    ++k;
  }
  bool plural = false;
  size_t uEnd = 0;
  Unit unit = unitAt(k, uEnd, plural);
  int value = *count;
  bool century = false;
  if (unit == Unit::Year && has(k) && (t_[k].low == "century" || t_[k].low == "centuries")) {
    century = true;
  }
  if (unit == Unit::None) {
    return std::nullopt;
  }
  if (number(j) && t_[j].low.size() == 4 && !hyphenated) {
    return std::nullopt; // "2011 years" is not a phrase; "1990 year" neither
  }
  if (value == -2) {
    value = century ? 50 : 0; // half a century = 50 years; half a day etc. left vague
  } else if (century) {
    value *= 100;
  }
  if (unit == Unit::Decade) {
    value *= 10;
    unit = Unit::Year;
  }
  Candidate c = make(begin, uEnd);
  if (!durationCue && !hyphenated) {
    if (anyWord(uEnd, {"ago", "earlier", "later", "before", "after", "hence"})) {
      const std::string_view dir = t_[uEnd].low;
      const int sign = (dir == "ago" || dir == "earlier" || dir == "before") ? -1 : 1;
      if (dir == "before" || dir == "after") {
        // Nothing counted from follows: "two days before, ...", "an earthquake a day before
        // rose to 10" (a verb, not an event, comes next).
        const bool verbNext =
            has(uEnd + 1) && t_[uEnd + 1].kind == Kind::Word && !t_[uEnd + 1].cap &&
            (anyWord(uEnd + 1, {"was", "were", "had", "has", "have", "is", "are", "will", "would",
                                "rose", "fell", "came", "left", "said"}) ||
             (t_[uEnd + 1].low.size() > 4 && t_[uEnd + 1].low.ends_with("ed")));
        if (anyWord(uEnd + 1, {"that", "this"}) || punct(uEnd + 1, ",") || punct(uEnd + 1, ".") ||
            !has(uEnd + 1) || verbNext) {
          Candidate r = make(begin, uEnd + 1);
          r.expr.relation = Relation::Narrative;
          r.expr.unit = unit;
          r.expr.offset = sign * value;
          return r;
        }
        // A day named right after: "the day before last Tuesday's hearing", "two days after
        // Christmas" are that day, moved.
        if (value > 0 && value <= kMaxDayShift &&
            (unit == Unit::Day || (unit == Unit::Week && !wholeUnit))) {
          std::optional<Candidate> named = matchAt(uEnd + 1);
          if (named && named->expr.relation != Relation::EventOffset &&
              named->expr.kind == TimeKind::Date &&
              (named->expr.weekday >= 0 || (named->expr.month > 0 && named->expr.day > 0) ||
               (named->expr.holiday != Holiday::None && !named->expr.holidayWeek))) {
            Candidate r = std::move(*named);
            r.begin = begin;
            r.expr.span.begin = t_[begin].begin;
            r.expr.dayShift = sign * value * (unit == Unit::Week ? 7 : 1);
            return r;
          }
        }
        auto [phrase, span] = anchorPhraseAt(uEnd + 1);
        if (phrase.empty() || value <= 0) {
          return std::nullopt;
        }
        Candidate r = make(begin, uEnd + 1);
        r.expr.relation = Relation::EventOffset;
        r.expr.unit = unit;
        r.expr.offset = sign * value;
        r.expr.anchorPhrase = phrase;
        r.expr.anchorSpan = span;
        r.expr.wholeUnit = wholeUnit;
        size_t q = uEnd + 1;
        while (q < t_.size() && t_[q].end <= span.end) {
          ++q;
        }
        r.end = q;
        r.expr.span.end = span.end;
        return r;
      }
      if (value <= 0) {
        if (dir != "ago" || value < 0) {
          return std::nullopt;
        }
        // "several years ago", "a few weeks ago": some time in the past
        Candidate r = make(begin, uEnd + 1);
        r.expr.kind = TimeKind::Reference;
        r.expr.relation = Relation::Past;
        return r;
      }
      Candidate r = make(begin, uEnd + 1);
      r.expr.relation = dir == "ago" ? Relation::Offset : Relation::Narrative;
      r.expr.unit = unit;
      r.expr.offset = sign * value;
      if (unit == Unit::Week && value == 1 && dir == "ago") {
        // "a week ago", like "two weeks ago": the day that many weeks back ("last week" is
        // the week)
        r.expr.unit = Unit::Day;
        r.expr.offset = -7;
      }
      const ReportPeriod period =
          unit == Unit::Year && value == 1 && sign < 0 ? reportPeriod(begin) : ReportPeriod::None;
      if (period == ReportPeriod::Quarter) {
        // In quarterly results "a year ago" / "a year earlier" is the same quarter last year.
        r.expr.relation = Relation::Offset;
        r.expr.unit = Unit::Quarter;
        r.expr.offset = -4;
        r.expr.weekdayInUnit = true;
      } else if (period == ReportPeriod::Longer) {
        r.expr.relation = Relation::Offset; // the reported period's year, a year before
      }
      return r;
    }
  }
  // A duration: never a date.
  c.expr.kind = TimeKind::Duration;
  c.expr.unit = unit;
  std::string v = "P";
  if (unit == Unit::Hour || unit == Unit::Minute) {
    v += "T";
  }
  v += value > 0 ? std::to_string(value) : std::string("X");
  switch (unit) {
  case Unit::Minute:
    v += "M";
    break;
  case Unit::Hour:
    v += "H";
    break;
  case Unit::Day:
    v += "D";
    break;
  case Unit::Week:
    v += "W";
    break;
  case Unit::Weekend:
    v += "WE";
    break;
  case Unit::Month:
    v += "M";
    break;
  case Unit::Quarter:
    v += "Q";
    break;
  default:
    v += "Y";
    break;
  }
  c.expr.durationValue = v;
  return c;
}

std::optional<Candidate> Scanner::matchYear(size_t i) const {
  // Decades: "the 1990s", "1990s", "the 1940's"
  if (number(i) && t_[i].low.size() == 4) {
    const size_t s = (punct(i + 1, "'") || punct(i + 1, "’")) && glued(i + 1) ? i + 2 : i + 1;
    const int y = num(i);
    if (word(s, "s") && glued(s) && y >= 1000 && y <= 2090 && y % 10 == 0) {
      Candidate c = make(i, s + 1);
      c.expr.decade = y / 10;
      return c;
    }
  }
  // A decade in two digits: "the '50s", "the 70s and 80s". Without the apostrophe only after
  // "the" or next to another decade, since "in his 70s" is an age.
  if (number(i) && t_[i].low.size() == 2 && num(i) % 10 == 0 && word(i + 1, "s") && glued(i + 1)) {
    const bool apostrophe = i > 0 && (punct(i - 1, "'") || punct(i - 1, "’")) && glued(i);
    const size_t before = apostrophe ? i - 1 : i;
    const bool the = before > 0 && word(before - 1, "the");
    const bool coordinated = before > 2 && anyWord(before - 1, {"and", "or", "to"}) &&
                             word(before - 2, "s") && glued(before - 2) && number(before - 3);
    if (apostrophe || the || coordinated) {
      const int n = num(i);
      Candidate c = make(i, i + 2);
      c.expr.decade = n <= 10 ? 200 + n / 10 : 190 + n / 10;
      return c;
    }
  }
  // A year in two digits after an apostrophe: "since '82", "in '07"
  if (number(i) && t_[i].low.size() == 2 && i > 1 && (punct(i - 1, "'") || punct(i - 1, "’")) &&
      glued(i) && !(word(i + 1, "s") && glued(i + 1)) &&
      anyWord(i - 2, {"since", "in", "of", "from", "until", "by", "before", "after"})) {
    const int n = num(i);
    Candidate c = make(i, i + 1);
    c.expr.year = n <= 30 ? 2000 + n : 1900 + n;
    return c;
  }
  // "the 21st century"
  if (number(i) && t_[i].low.size() <= 2 && skipOrdinal(i + 1) != i + 1 &&
      word(skipOrdinal(i + 1), "century")) {
    Candidate c = make(i, skipOrdinal(i + 1) + 1);
    c.expr.century = num(i) - 1;
    return c;
  }
  size_t j = i;
  const bool fiscal = word(j, "fiscal") && yearAt(j + 1) > 0;
  if (fiscal) {
    ++j;
  }
  // A year in words: "nineteen ninety-six", "the year two thousand".
  {
    size_t k = j;
    if (word(k, "the") && word(k + 1, "year")) {
      k += 2;
    } else if (word(k, "year")) {
      k += 1;
    }
    size_t end = 0;
    const int spelled = spelledYearAt(k, end);
    if (spelled > 0) {
      Candidate c = make(i, end);
      c.expr.year = spelled;
      return c;
    }
  }
  const int y = yearAt(j);
  if (y < 0) {
    return std::nullopt;
  }
  // Not a count: "1500 people", "2000 troops", "about 1990 workers" ("fiscal 1989 sales" is).
  if (!fiscal && has(j + 1) && t_[j + 1].kind == Kind::Word && !t_[j + 1].cap &&
      t_[j + 1].low.size() > 3 && t_[j + 1].low.back() == 's' &&
      !anyWord(j + 1, {"elections", "levels", "earnings", "results", "figures", "olympics", "games",
                       "talks", "was", "has", "is", "as"})) {
    return std::nullopt;
  }
  if (i > 0 && anyWord(i - 1, {"about", "some", "nearly", "than", "almost", "approximately",
                               "around", "over", "only", "just", "another"})) {
    return std::nullopt;
  }
  if (y < 1800 && !(i > 0 && anyWord(i - 1, {"in", "since", "of", "until", "by"}))) {
    return std::nullopt;
  }
  Candidate c = make(i, j + 1);
  c.expr.year = y;
  return c;
}

std::optional<Candidate> Scanner::matchQuarter(size_t i) const {
  // "the third quarter", "third-quarter", "the 1988 second quarter", "the final quarter of
  // 2009", "the first half", "the last half of 1989", "the first two quarters of 1990".
  size_t j = i;
  if (word(j, "the")) {
    ++j;
  }
  int yearFirst = -1;
  {
    size_t probe = 0;
    if (yearAt(j) > 0 && (ordinalAt(j + 1, probe) > 0 || anyWord(j + 1, {"final", "last"}))) {
      yearFirst = yearAt(j);
      ++j;
    }
  }
  size_t k = 0;
  int ordinal = ordinalAt(j, k);
  bool last = false; // "final" / "last": the fourth quarter, the second half
  if (ordinal < 0 && anyWord(j, {"final", "last"})) {
    last = true;
    k = j + 1;
  }
  if (ordinal < 0 && !last) {
    return std::nullopt;
  }
  if (punct(k, "-") && glued(k)) {
    ++k;
  }
  bool half = false;
  if (word(k, "quarter")) {
    ordinal = last ? 4 : ordinal;
  } else if (word(k, "half") && (last || ordinal <= 2)) {
    half = true;
    ordinal = last ? 2 : ordinal;
  } else if (!last && (ordinal == 1 || ordinal == 3) && word(k, "two") && word(k + 1, "quarters")) {
    // "the first two quarters" = the first half; "the third and fourth" is not handled
    half = true;
    ordinal = ordinal == 1 ? 1 : 2;
    ++k;
  } else if (last && word(k, "two") && word(k + 1, "quarters")) {
    half = true;
    ordinal = 2;
    ++k;
  } else {
    return std::nullopt;
  }
  const size_t end = k + 1;
  auto build = [&](size_t stop) {
    Candidate c = make(i, stop);
    if (half) {
      c.expr.half = ordinal;
    } else {
      c.expr.quarter = ordinal;
    }
    if (yearFirst > 0) {
      c.expr.year = yearFirst;
    }
    return c;
  };
  size_t y = end;
  if (word(y, "of")) {
    ++y;
  }
  if (yearFirst < 0 && anyWord(y, {"this", "last", "next"}) && word(y + 1, "year") && y > end) {
    Candidate c = build(y + 2);
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = t_[y].low == "last" ? -1 : (t_[y].low == "next" ? 1 : 0);
    return c;
  }
  size_t yearEnd = 0;
  if (yearFirst < 0 && anyYearAt(y, yearEnd) > 0) {
    Candidate c = build(yearEnd);
    c.expr.year = anyYearAt(y, yearEnd);
    return c;
  }
  if (last && yearFirst < 0) {
    return std::nullopt; // "the last quarter" alone counts back from the anchor (elsewhere)
  }
  return build(end);
}

std::optional<Candidate> Scanner::matchSeason(size_t i) const {
  // "the summer", "in spring", "the early summer", "this past spring", "the winter of 1994",
  // "summer 2009". ("this summer", "last fall" are relative units, see matchModifierUnit.)
  size_t j = i;
  bool determiner = false;
  int offset = 0;
  if (word(j, "the")) {
    determiner = true;
    ++j;
  } else if (word(j, "this") && word(j + 1, "past")) {
    offset = -1;
    j += 2;
  }
  auto seasonAt = [&](size_t k) {
    if (!has(k) || t_[k].kind != Kind::Word) {
      return Season::None;
    }
    const WordIs w{t_[k].word};
    return w == "spring"                    ? Season::Spring
           : w == "summer"                  ? Season::Summer
           : (w == "autumn" || w == "fall") ? Season::Fall
           : w == "winter"                  ? Season::Winter
                                            : Season::None;
  };
  if (anyWord(j, {"early", "late", "mid"}) && seasonAt(j + 1) != Season::None) {
    ++j;
  } else if (word(j, "mid") && punct(j + 1, "-") && seasonAt(j + 2) != Season::None) {
    j += 2;
  }
  const Season season = seasonAt(j);
  if (season == Season::None) {
    return std::nullopt;
  }
  size_t end = j + 1;
  int year = -1;
  size_t yearEnd = 0;
  if (word(end, "of") && anyYearAt(end + 1, yearEnd) > 0) {
    year = anyYearAt(end + 1, yearEnd);
    end = yearEnd;
  } else if (yearAt(end) > 0) {
    year = yearAt(end);
    end = end + 1;
  }
  // A season word is a time only with a cue: a determiner, a year, a preposition of time,
  // or a capital inside a sentence ("Autumn"). "the fall of the regime" is not a season.
  const bool cue = year > 0 || offset != 0 ||
                   (i > 0 && anyWord(i - 1, {"in", "during", "since", "until", "by", "over",
                                             "through", "throughout", "this", "last", "next",
                                             "early", "late", "before", "after", "till", "from"}));
  if (year < 0 && season == Season::Fall && (word(end, "of") || !(determiner || cue))) {
    return std::nullopt;
  }
  if (!cue && !determiner && !(t_[j].cap && i > 0 && !t_[i].newline && !punct(i - 1, "."))) {
    return std::nullopt;
  }
  if (year < 0 && determiner && word(end, "of")) {
    return std::nullopt; // "the spring of discontent"
  }
  Candidate c = make(i, end);
  c.expr.season = season;
  if (year > 0) {
    c.expr.year = year;
  } else {
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Season;
    c.expr.offset = offset;
  }
  return c;
}

std::optional<Candidate> Scanner::matchHoliday(size_t i) const {
  size_t j = i;
  int offset = 0;
  if (anyWord(j, {"last", "next", "this"})) {
    offset = t_[j].low == "last" ? -1 : (t_[j].low == "next" ? 1 : 0);
    ++j;
  }
  if (!has(j) || t_[j].kind != Kind::Word || !t_[j].cap) {
    return std::nullopt;
  }
  auto capWord = [&](size_t k, ScannerWord w) { return word(k, w) && t_[k].cap; };
  Holiday holiday = Holiday::None;
  size_t end = j + 1;
  bool week = false;
  const WordIs w{t_[j].word};
  if (w == "thanksgiving") {
    holiday = Holiday::Thanksgiving;
    if (capWord(end, "day")) {
      ++end;
    }
  } else if (w == "christmas") {
    holiday = Holiday::ChristmasDay;
    if (capWord(end, "eve")) {
      holiday = Holiday::ChristmasEve;
      ++end;
    } else if (capWord(end, "day")) {
      ++end;
    }
  } else if (w == "easter") {
    holiday = Holiday::EasterSunday;
    if (capWord(end, "sunday")) {
      ++end;
    } else if (capWord(end, "monday")) {
      holiday = Holiday::EasterMonday;
      ++end;
    } else if (word(end, "week")) {
      week = true;
      ++end;
    } else if (has(end) && t_[end].kind == Kind::Word && t_[end].cap) {
      return std::nullopt; // "Easter Island", "Easter Rising"
    }
  } else if (w == "halloween") {
    holiday = Holiday::Halloween;
  } else if (w == "good" && capWord(j + 1, "friday")) {
    holiday = Holiday::GoodFriday;
    end = j + 2;
  } else if ((w == "memorial" || w == "labor" || w == "labour" || w == "election" ||
              w == "boxing") &&
             capWord(j + 1, "day")) {
    holiday = w == "memorial"   ? Holiday::MemorialDay
              : w == "election" ? Holiday::ElectionDay
              : w == "boxing"   ? Holiday::BoxingDay
                                : Holiday::LaborDay;
    end = j + 2;
  } else if (w == "valentine" && punct(j + 1, "'") && word(j + 2, "s") && capWord(j + 3, "day")) {
    holiday = Holiday::ValentinesDay;
    end = j + 4;
  } else if (w == "new" && capWord(j + 1, "year") && punct(j + 2, "'") && word(j + 3, "s") &&
             (capWord(j + 4, "day") || capWord(j + 4, "eve"))) {
    holiday = t_[j + 4].low == "day" ? Holiday::NewYearsDay : Holiday::NewYearsEve;
    end = j + 5;
  }
  if (holiday == Holiday::None) {
    return std::nullopt;
  }
  Candidate c = make(i, end);
  c.expr.holiday = holiday;
  c.expr.holidayWeek = week;
  if (!takeYear(c) && j > i) {
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Year;
    c.expr.offset = offset;
  }
  return c;
}

std::optional<Candidate> Scanner::matchAt(size_t i) const {
  std::optional<Candidate> best;
  // By reference: a candidate is trivially copyable, so an optional of it passed by value
  // is copied whole (about 150 bytes) for each of the dozen patterns, matched or not.
  auto consider = [&](std::optional<Candidate>&& c) {
    if (c && (!best || c->end > best->end)) {
      best = std::move(c);
    }
  };
  consider(matchNumericDate(i));
  consider(matchMonthFirst(i));
  consider(matchDayFirst(i));
  consider(matchClock(i));
  consider(matchWeekday(i));
  consider(matchRelativeWord(i));
  consider(matchModifierUnit(i));
  consider(matchCountUnit(i));
  consider(matchQuarter(i));
  consider(matchSeason(i));
  consider(matchHoliday(i));
  consider(matchOngoingPeriod(i));
  if (!best) {
    consider(matchYear(i));
  }
  if (!best) {
    consider(matchPart(i));
  }
  if (!best && anyWord(i, {"daily", "weekly", "monthly", "annually", "yearly"})) {
    Candidate c = make(i, i + 1);
    c.expr.kind = TimeKind::Set;
    const WordIs w{t_[i].word};
    c.expr.durationValue =
        w == "daily" ? "P1D" : (w == "weekly" ? "P1W" : (w == "monthly" ? "P1M" : "P1Y"));
    best = c;
  }
  return best;
}

// Two adjacent units merge when the words between them are only connectors and their
// fields complement each other.
bool Scanner::mergeable(const Candidate& a, const Candidate& b, size_t& gapEnd) const {
  const TimeExpression& x = a.expr;
  const TimeExpression& y = b.expr;
  auto plain = [](const TimeExpression& e) {
    return e.kind != TimeKind::Duration && e.kind != TimeKind::Set &&
           e.kind != TimeKind::Reference && e.relation != Relation::EventOffset;
  };
  if (!plain(x) || !plain(y)) {
    return false;
  }
  // the gap between the two
  size_t gap = a.end;
  size_t firstOfB = gap;
  while (firstOfB < t_.size() && t_[firstOfB].begin < y.span.begin) {
    ++firstOfB;
  }
  if (firstOfB - gap > 3) {
    return false;
  }
  // Never across a line break: a headline's "until Friday" and the date line under it are
  // two statements.
  if (firstOfB < t_.size() && t_[firstOfB].newline) {
    return false;
  }
  for (size_t k = gap; k < firstOfB; ++k) {
    // ")" closing a zone given in parentheses: "09:10 hours (0440 GMT) on Monday"
    const bool closing = k == gap && punct(k, ")");
    if (!(closing || punct(k, ",") ||
          anyWord(k, {"on", "at", "of", "in", "the", "around", "about", "by"}))) {
      return false;
    }
    if (t_[k].newline) {
      return false;
    }
  }
  gapEnd = firstOfB;
  auto both = [](int p, int q) { return p >= 0 && q >= 0; };
  if (both(x.year, y.year) || both(x.month, y.month) || both(x.day, y.day) ||
      both(x.hour, y.hour) || both(x.weekday, y.weekday)) {
    return false;
  }
  if ((x.holiday != Holiday::None || y.holiday != Holiday::None) &&
      (x.month >= 0 || y.month >= 0 || x.weekday >= 0 || y.weekday >= 0 ||
       (x.holiday != Holiday::None && y.holiday != Holiday::None))) {
    return false; // a named day carries its own date
  }
  const bool earlyHours =
      x.part == PartOfDay::EarlyHours &&
      (y.part == PartOfDay::Morning || y.part == PartOfDay::Night || y.part == PartOfDay::None);
  if (x.part != PartOfDay::None && y.part != PartOfDay::None && !earlyHours) {
    return false;
  }
  // A vague part of day ("the early hours") takes its day from what follows it.
  if (x.vague && !y.vague) {
    return y.day >= 0 || y.weekday >= 0 || y.relation == Relation::Today ||
           (y.relation == Relation::Narrative && y.unit == Unit::Day);
  }
  if (x.vague && y.vague) {
    return earlyHours;
  }
  if (x.relation != Relation::None && y.relation != Relation::None) {
    // "Thursday, last week": a weekday and the week that holds it
    const bool weekdayAndWeek =
        (x.weekday >= 0 && y.unit == Unit::Week && y.relation == Relation::Offset) ||
        (y.weekday >= 0 && x.unit == Unit::Week && x.relation == Relation::Offset);
    if (!weekdayAndWeek) {
      return false;
    }
  }
  // A lone year only joins a month or a quarter that lacks one ("the third quarter of 1989").
  const bool xYearOnly = x.year >= 0 && x.month < 0 && x.quarter < 0 && x.half < 0;
  const bool yYearOnly = y.year >= 0 && y.month < 0 && y.quarter < 0 && y.half < 0;
  if (xYearOnly || yYearOnly) {
    return false;
  }
  // Something must be a time or a day-level anchor: avoid merging two unrelated months.
  const bool xDay = x.day >= 0 || x.weekday >= 0 || x.relation == Relation::Today ||
                    (x.holiday != Holiday::None && !x.holidayWeek);
  const bool yDay = y.day >= 0 || y.weekday >= 0 || y.relation == Relation::Today ||
                    (y.holiday != Holiday::None && !y.holidayWeek);
  const bool xTime = x.hour >= 0 || x.part != PartOfDay::None;
  const bool yTime = y.hour >= 0 || y.part != PartOfDay::None;
  if ((xDay && yTime) || (xTime && yDay)) {
    return true;
  }
  if (x.hour >= 0 && y.part != PartOfDay::None) {
    return true; // "10:30 in the morning"
  }
  if (y.hour >= 0 && x.part != PartOfDay::None) {
    return true; // "Saturday night at 10:30 pm" (after weekday merge), "dawn at 5:00"
  }
  if ((x.weekday >= 0 && y.day >= 0) || (x.day >= 0 && y.weekday >= 0)) {
    return true; // "Wednesday, October 20, 2011"
  }
  if ((x.weekday >= 0 && y.unit == Unit::Week) || (y.weekday >= 0 && x.unit == Unit::Week)) {
    return true;
  }
  return false;
}

/// "today is the eighth day of the operation", "suspended for a second consecutive day", "gains
/// for a fourth week in a row": the day (night, week) of an ongoing event that the story is
/// told on; in the past tense ("it was the second day of the strike") it is left alone.
std::optional<Candidate> Scanner::matchOngoingPeriod(size_t i) const {
  size_t j = i;
  if (anyWord(j, {"the", "a"})) {
    ++j;
  }
  if (!anyWord(j, {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth"})) {
    return std::nullopt;
  }
  ++j;
  const bool consecutive = anyWord(j, {"consecutive", "straight"});
  if (consecutive) {
    ++j;
  }
  if (!anyWord(j, {"day", "night", "week"})) {
    return std::nullopt;
  }
  const size_t end = j + 1;
  const bool ongoing = consecutive || word(end, "of") ||
                       (word(end, "in") && word(end + 1, "a") && word(end + 2, "row"));
  if (!ongoing || tenseAround(i, end) == Tense::Past) {
    return std::nullopt;
  }
  Candidate c = make(i, end);
  if (word(j, "week")) {
    c.expr.relation = Relation::Offset;
    c.expr.unit = Unit::Week;
  } else {
    c.expr.relation = Relation::Today;
    c.expr.unit = Unit::Day;
    if (word(j, "night")) {
      c.expr.part = PartOfDay::Night;
    }
  }
  c.expr.offset = 0;
  return c;
}

std::vector<TimeExpression> Scanner::run() {
  std::vector<Candidate> found;
  const bool everyToken = scannerTriesEveryToken().load(std::memory_order_relaxed);
  size_t i = 0;
  while (i < t_.size()) {
    // Every pattern starts at a number or at a word it names (and not only reads around an
    // expression): most words and all punctuation start none.
    if (!everyToken &&
        (t_[i].kind == Kind::Punct ||
         (t_[i].kind == Kind::Word && (t_[i].word == 0 || kIsContextOnlyWord[t_[i].word] ||
                                       (kNeedsListedNext[t_[i].word] && has(i + 1) &&
                                        t_[i + 1].kind == Kind::Word && t_[i + 1].word == 0))))) {
      ++i;
      continue;
    }
    std::optional<Candidate> c = matchAt(i);
    if (!c) {
      ++i;
      continue;
    }
    size_t next = std::max(c->end, i + 1);
    // "on April 24 and 25": the second day of the same month
    const TimeExpression& first = c->expr;
    const bool secondDay = first.kind == TimeKind::Date && first.month > 0 && first.day > 0 &&
                           first.hour < 0 && first.year < 0 && anyWord(next, {"and", "or"}) &&
                           number(next + 1) && t_[next + 1].low.size() <= 2 &&
                           num(next + 1) > first.day && num(next + 1) <= 31 &&
                           (!has(next + 2) || t_[next + 2].kind == Kind::Punct);
    Candidate second = *c;
    found.push_back(std::move(*c));
    if (secondDay) {
      second.begin = next + 1;
      second.end = next + 2;
      second.expr.day = num(next + 1);
      second.expr.weekday = -1;
      second.expr.span = Span{t_[next + 1].begin, t_[next + 1].end};
      found.push_back(std::move(second));
      next += 2;
    }
    i = next;
  }
  // Merge neighbours into one expression.
  std::vector<Candidate> merged;
  for (auto& c : found) {
    if (!merged.empty()) {
      Candidate& last = merged.back();
      size_t gapEnd = 0;
      if (mergeable(last, c, gapEnd)) {
        TimeExpression& x = last.expr;
        const TimeExpression& y = c.expr;
        auto take = []<class T>(T& into, T from) {
          if (into < 0) {
            into = from;
          }
        };
        take(x.year, y.year);
        take(x.month, y.month);
        take(x.day, y.day);
        take(x.weekday, y.weekday);
        if (x.hour < 0 && y.hour >= 0) {
          x.zoneMinutes = y.zoneMinutes;
          x.zoneUsDst = y.zoneUsDst;
          x.zone = y.zone;
        }
        take(x.hour, y.hour);
        take(x.minute, y.minute);
        take(x.quarter, y.quarter);
        if (x.holiday == Holiday::None) {
          x.holiday = y.holiday;
          x.holidayWeek = y.holidayWeek;
        }
        if (x.part == PartOfDay::None) {
          x.part = y.part;
        }
        if (x.vague && !y.vague) {
          x.vague = false;
          x.relation = y.relation;
          x.unit = y.unit;
          x.offset = y.offset;
          x.weekdayInUnit = y.weekdayInUnit;
        } else if (x.relation == Relation::None) {
          x.relation = y.relation;
          x.unit = y.unit;
          x.offset = y.offset;
        } else if (y.relation == Relation::Offset && y.unit == Unit::Week &&
                   x.unit == Unit::Weekday) {
          x.unit = Unit::Week;
          x.offset = y.offset;
          x.weekdayInUnit = true;
        }
        if (x.relation == Relation::Offset && x.unit == Unit::Week && x.weekday >= 0) {
          x.weekdayInUnit = true;
        }
        x.narrativeCue = x.narrativeCue || y.narrativeCue;
        if (x.problem.empty()) {
          x.problem = y.problem;
          x.problemSpan = y.problemSpan;
        } else if (!y.problem.empty()) {
          x.problem = x.problem + "; " + y.problem;
          x.problemSpan = Span{x.problemSpan.begin, y.problemSpan.end};
        }
        if (punct(last.end, ")") && last.begin > 0 && punct(last.begin - 1, "(")) {
          --last.begin; // "(0440 GMT) on Monday": both brackets
          x.span.begin = t_[last.begin].begin;
        }
        x.span.end = y.span.end;
        last.end = c.end;
        last.standalone = true;
        continue;
      }
    }
    merged.push_back(std::move(c));
  }
  // Whether a quotation opened earlier on the same line is still open before each token.
  std::vector<bool> openQuote(t_.size(), false);
  {
    bool open = false;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (t_[k].newline) {
        open = false;
      }
      openQuote[k] = open;
      if (punct(k, "\"")) {
        open = !open;
      }
    }
  }
  std::vector<TimeExpression> out;
  for (auto& c : merged) {
    TimeExpression& e = c.expr;
    if (!c.standalone) {
      // A bare part of day: keep "at dawn", "at midnight", "at noon", "overnight" only.
      size_t first = c.begin;
      while (first < c.end && t_[first].begin < e.span.begin) {
        ++first;
      }
      const size_t at = first > 0 && anyWord(first - 1, {"around", "about"}) ? first - 1 : first;
      const bool cued =
          at > 0 && word(at - 1, "at") &&
          (e.part == PartOfDay::Dawn || e.part == PartOfDay::Midnight || e.part == PartOfDay::Noon);
      if (!cued) {
        continue;
      }
      // "at noon" alone, like a clock time, takes its day from the story.
      if (e.part == PartOfDay::Noon && e.day < 0 && e.weekday < 0 && e.month < 0 &&
          e.relation == Relation::None) {
        e.relation = Relation::Narrative;
        e.unit = Unit::Day;
        e.offset = 0;
        e.vague = true;
      }
    }
    if (e.kind == TimeKind::Date && (e.hour >= 0 || e.part != PartOfDay::None)) {
      e.kind = TimeKind::Time;
    }
    // A clock time alone takes its day from the story (or the publication date): vague.
    if (e.hour >= 0 && e.day < 0 && e.weekday < 0 && e.month < 0 && e.relation == Relation::None) {
      e.relation = Relation::Narrative;
      e.unit = Unit::Day;
      e.offset = 0;
      e.vague = true;
    }
    // Impossible calendar dates.
    if (e.problem.empty() && e.month > 0 && e.day > 0) {
      const int limit = daysInMonth(e.year > 0 ? e.year : 2000, e.month);
      if (e.day > limit) {
        e.problem = std::string(monthName(e.month)) + " has " + std::to_string(limit) + " days" +
                    (e.month == 2 && e.year > 0 && limit == 28
                         ? " in " + std::to_string(e.year) + " (not a leap year)"
                         : (e.month == 2 ? " at most" : ""));
        e.problemSpan = e.span;
      }
    }
    size_t first = c.begin;
    while (first < c.end && t_[first].begin < e.span.begin) {
      ++first; // a determiner left out of the span ("the Saturday")
    }
    size_t last = first;
    while (last < t_.size() && t_[last].end <= e.span.end) {
      ++last;
    }
    e.tense = tenseAround(first, last);
    if (e.relation == Relation::Offset && e.unit == Unit::Quarter && e.weekdayInUnit &&
        e.reportQuarter == 0) {
      e.reportQuarter = namedQuarter(first);
    }
    // Inside quotation marks opened earlier on the same line.
    e.quoted = first < openQuote.size() && openQuote[first];
    e.text = std::string(text_.substr(e.span.begin, e.span.size()));
    out.push_back(std::move(e));
  }
  return out;
}

/// The date in an article's address, when the line is a web address whose path holds one
/// ("https://example.com/2013/05/03/story-name/"), as news sites file their stories.
std::optional<CivilDate> addressDate(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    line.remove_prefix(1);
  }
  if (!(line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))) {
    return std::nullopt;
  }
  if (line.find(' ') != std::string_view::npos) {
    return std::nullopt; // a sentence that starts with an address is not an address line
  }
  for (size_t slash = line.find('/'); slash != std::string_view::npos;
       slash = line.find('/', slash + 1)) {
    // "/YYYY/MM/DD" or "/YYYY-MM-DD", followed by "/", "-" or the end
    const int year = fixedDigits(line, slash + 1, 4);
    const int month = fixedDigits(line, slash + 6, 2);
    const int day = fixedDigits(line, slash + 9, 2);
    if (year < 1900 || month < 1 || day < 1) {
      continue;
    }
    const char separator = line[slash + 5];
    if ((separator != '/' && separator != '-') || line[slash + 8] != separator) {
      continue;
    }
    const size_t after = slash + 11;
    if (after < line.size() && line[after] != '/' && line[after] != '-') {
      continue;
    }
    const CivilDate date{year, month, day};
    if (validDate(date)) {
      return date;
    }
  }
  return std::nullopt;
}

std::optional<HeaderDate> headerDate(std::string_view text) {
  // The first few non-empty lines may carry "Date:" or "Published:", or be the article's web
  // address with its date.
  std::optional<HeaderDate> address;
  size_t pos = 0;
  for (int line = 0; line < 6 && pos < text.size(); ++line) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view content = text.substr(pos, end - pos);
    if (!content.empty() && content.back() == '\r') {
      content.remove_suffix(1);
    }
    // A labelled line below the address states the date itself and is preferred.
    if (std::optional<CivilDate> date = addressDate(content); date && !address) {
      address = HeaderDate{};
      address->date = *date;
      address->span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + content.size())};
      address->label = "address";
    }
    const size_t colon = content.find(':');
    if (colon != std::string_view::npos && colon <= 16) {
      std::string label;
      for (const char c : content.substr(0, colon)) {
        label.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
      if (label == "date" || label == "published" || label == "published on" ||
          label == "dateline" || label == "publication date" || label == "pubdate") {
        const std::string_view rest = content.substr(colon + 1);
        Scanner scanner(rest);
        for (const auto& e : scanner.run()) {
          if (e.explicitDay() && e.problem.empty()) {
            HeaderDate h;
            h.date = CivilDate{e.year, e.month, e.day};
            h.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + content.size())};
            h.label = std::string(content.substr(0, colon));
            return h;
          }
        }
      }
    }
    pos = end + 1;
  }
  return address;
}

} // namespace

DateFacts extractDates(const Document& doc) {
  DateFacts facts;
  const std::string_view text = doc.text;
  Scanner scanner(text);
  facts.expressions = scanner.run();
  facts.published = headerDate(text);
  if (!doc.sentences.empty()) {
    for (auto& e : facts.expressions) {
      auto it = std::upper_bound(
          doc.sentences.begin(), doc.sentences.end(), e.span.begin,
          [](uint32_t offset, const Sentence& s) { return offset < s.span.begin; });
      e.sentence = it == doc.sentences.begin()
                       ? 0
                       : static_cast<uint32_t>(std::distance(doc.sentences.begin(), it) - 1);
    }
  }
  // Numbers inside a web address ("…/2009-02-03-williams-arrested.htm") are not times of
  // the story.
  // Each of the two words is searched for once per place found, not once per address
  // (memmem: the string's find stops at every letter h of the text).
  const auto next = [&](std::string_view word, size_t from) {
    if (from >= text.size()) {
      return std::string_view::npos;
    }
    const void* hit = ::memmem(text.data() + from, text.size() - from, word.data(), word.size());
    return hit == nullptr ? std::string_view::npos
                          : static_cast<size_t>(static_cast<const char*>(hit) - text.data());
  };
  size_t http = next("http", 0);
  size_t www = next("www.", 0);
  for (size_t at = 0; at < text.size();) {
    if (http < at) {
      http = next("http", at);
    }
    if (www < at) {
      www = next("www.", at);
    }
    const size_t start = std::min(http, www);
    if (start == std::string_view::npos) {
      break;
    }
    size_t stop = start;
    while (stop < text.size() && text[stop] != ' ' && text[stop] != '\n' && text[stop] != '\t') {
      ++stop;
    }
    const bool address = text.substr(start).starts_with("http://") ||
                         text.substr(start).starts_with("https://") ||
                         text.substr(start).starts_with("www.");
    if (address && (start == 0 || text[start - 1] == ' ' || text[start - 1] == '\n')) {
      std::erase_if(facts.expressions, [&](const TimeExpression& e) {
        return e.span.begin < stop && e.span.end > start;
      });
    }
    at = stop + 1;
  }
  if (facts.published) {
    // The header line states the publication date; it is not a claim about an event.
    const Span header = facts.published->span;
    std::erase_if(facts.expressions, [&](const TimeExpression& e) {
      return e.span.begin >= header.begin && e.span.end <= header.end;
    });
  }
  return facts;
}

} // namespace newslint::analysis
