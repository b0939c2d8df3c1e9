// Calendar arithmetic, intervals and the light stemming used to compare sentences.
#include "newslint/analysis/dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "newslint/analysis/word_table.h"

namespace newslint::analysis {

namespace {

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) {
    --q;
  }
  return q;
}

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

} // namespace

std::string_view granularityName(Granularity granularity) {
  switch (granularity) {
  case Granularity::Minute:
    return "minute";
  case Granularity::Hour:
    return "hour";
  case Granularity::PartOfDay:
    return "part of day";
  case Granularity::Day:
    return "day";
  case Granularity::Weekend:
    return "weekend";
  case Granularity::Week:
    return "week";
  case Granularity::Month:
    return "month";
  case Granularity::Season:
    return "season";
  case Granularity::Quarter:
    return "quarter";
  case Granularity::HalfYear:
    return "half year";
  case Granularity::Year:
    return "year";
  case Granularity::Decade:
    return "decade";
  case Granularity::Century:
    return "century";
  case Granularity::Unknown:
    break;
  }
  return "unknown";
}

// Days since 1970-01-01 of a proleptic Gregorian date, by counting 400-year eras that start
// on 1 March (so that the leap day is the last day of the counted year).
int64_t daysFromCivil(CivilDate date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = floorDiv(y, 400);
  const int64_t yearOfEra = y - era * 400;
  const int64_t m = date.month;
  const int64_t dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floorDiv(z, 146097);
  const int64_t dayOfEra = z - era * 146097;
  const int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int64_t mp = (5 * dayOfYear + 2) / 153;
  const int64_t d = dayOfYear - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekdayOf(CivilDate date) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int64_t days = daysFromCivil(date);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<size_t>(month - 1)];
}

bool validDate(CivilDate date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= daysInMonth(date.year, date.month);
}

CivilDate addDays(CivilDate date, int64_t days) {
  return civilFromDays(daysFromCivil(date) + days);
}

std::string formatDate(CivilDate date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string_view weekdayName(int weekday) {
  if (weekday < 0 || weekday > 6) {
    return "";
  }
  return kWeekdays[static_cast<size_t>(weekday)];
}

std::string_view monthName(int month) {
  if (month < 1 || month > 12) {
    return "";
  }
  return kMonths[static_cast<size_t>(month - 1)];
}

std::string describeDate(CivilDate date) {
  if (!validDate(date)) {
    return formatDate(date);
  }
  std::string out(weekdayName(weekdayOf(date)));
  out += ' ';
  out += std::to_string(date.day);
  out += ' ';
  out += monthName(date.month);
  out += ' ';
  out += std::to_string(date.year);
  return out;
}

int fixedDigits(std::string_view text, size_t at, size_t count) {
  if (at > text.size() || count > text.size() - at) {
    return -1;
  }
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<CivilDate> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const CivilDate date{fixedDigits(text, 0, 4), fixedDigits(text, 5, 2), fixedDigits(text, 8, 2)};
  if (date.year < 0 || !validDate(date)) {
    return std::nullopt;
  }
  return date;
}

namespace {

/// The n-th (1-based) `weekday` of a month; n = -1 for the last one.
CivilDate nthWeekday(int year, int month, int weekday, int n) {
  if (n < 0) {
    const CivilDate last{year, month, daysInMonth(year, month)};
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const CivilDate first{year, month, 1};
  return addDays(first, (weekday - weekdayOf(first) + 7) % 7 + static_cast<int64_t>(n - 1) * 7);
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
CivilDate easterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDate{year, month, day};
}

} // namespace

CivilDate holidayDate(Holiday holiday, int year) {
  switch (holiday) {
  case Holiday::NewYearsDay:
    return {year, 1, 1};
  case Holiday::NewYearsEve:
    return {year, 12, 31};
  case Holiday::ValentinesDay:
    return {year, 2, 14};
  case Holiday::IndependenceDay:
    return {year, 7, 4};
  case Holiday::Halloween:
    return {year, 10, 31};
  case Holiday::ChristmasEve:
    return {year, 12, 24};
  case Holiday::ChristmasDay:
    return {year, 12, 25};
  case Holiday::BoxingDay:
    return {year, 12, 26};
  case Holiday::GoodFriday:
    return addDays(easterSunday(year), -2);
  case Holiday::EasterSunday:
    return easterSunday(year);
  case Holiday::EasterMonday:
    return addDays(easterSunday(year), 1);
  case Holiday::MemorialDay:
    return nthWeekday(year, 5, 0, -1);
  case Holiday::LaborDay:
    return nthWeekday(year, 9, 0, 1);
  case Holiday::ElectionDay:
    return addDays(nthWeekday(year, 11, 0, 1), 1);
  case Holiday::Thanksgiving:
    return nthWeekday(year, 11, 3, 4);
  case Holiday::None:
    break;
  }
  return {year, 1, 1};
}

std::string_view holidayName(Holiday holiday) {
  switch (holiday) {
  case Holiday::NewYearsDay:
    return "New Year's Day";
  case Holiday::NewYearsEve:
    return "New Year's Eve";
  case Holiday::ValentinesDay:
    return "Valentine's Day";
  case Holiday::IndependenceDay:
    return "Independence Day";
  case Holiday::Halloween:
    return "Halloween";
  case Holiday::ChristmasEve:
    return "Christmas Eve";
  case Holiday::ChristmasDay:
    return "Christmas Day";
  case Holiday::BoxingDay:
    return "Boxing Day";
  case Holiday::GoodFriday:
    return "Good Friday";
  case Holiday::EasterSunday:
    return "Easter Sunday";
  case Holiday::EasterMonday:
    return "Easter Monday";
  case Holiday::MemorialDay:
    return "Memorial Day";
  case Holiday::LaborDay:
    return "Labor Day";
  case Holiday::ElectionDay:
    return "Election Day";
  case Holiday::Thanksgiving:
    return "Thanksgiving";
  case Holiday::None:
    break;
  }
  return "";
}

int64_t Interval::gap(const Interval& other) const {
  if (overlaps(other)) {
    return 0;
  }
  return end <= other.begin ? other.begin - end : begin - other.end;
}

Interval dayInterval(CivilDate date) {
  const int64_t start = daysFromCivil(date) * 1440;
  return Interval{start, start + 1440};
}

std::string describeInterval(const Interval& interval, Granularity granularity) {
  auto stamp = [](int64_t minutes, bool withTime) {
    const CivilDate day = civilFromDays(floorDiv(minutes, 1440));
    std::string out = formatDate(day);
    if (withTime) {
      const int64_t inDay = minutes - floorDiv(minutes, 1440) * 1440;
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, " %02d:%02d", static_cast<int>(inDay / 60),
                    static_cast<int>(inDay % 60));
      out += buffer;
    }
    return out;
  };
  const bool timed = granularity == Granularity::Minute || granularity == Granularity::Hour ||
                     granularity == Granularity::PartOfDay;
  if (granularity == Granularity::Minute) {
    return stamp(interval.begin, true);
  }
  if (granularity == Granularity::Day && interval.end - interval.begin == 1440) {
    return stamp(interval.begin, false);
  }
  if (timed) {
    std::string out = stamp(interval.begin, true);
    const int64_t endDay = floorDiv(interval.end, 1440);
    const bool sameDay = floorDiv(interval.begin, 1440) == endDay ||
                         (interval.end % 1440 == 0 && floorDiv(interval.begin, 1440) == endDay - 1);
    if (sameDay) {
      const int64_t inDay = interval.end - floorDiv(interval.begin, 1440) * 1440;
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "–%02d:%02d", static_cast<int>(inDay / 60),
                    static_cast<int>(inDay % 60));
      return out + buffer;
    }
    return out + " – " + stamp(interval.end, true);
  }
  return stamp(interval.begin, false) + " – " + stamp(interval.end - 1, false);
}

Interval partOfDayInterval(CivilDate date, PartOfDay part) {
  const int64_t start = daysFromCivil(date) * 1440;
  auto hours = [&](int from, int to) {
    return Interval{start + static_cast<int64_t>(from) * 60, start + static_cast<int64_t>(to) * 60};
  };
  switch (part) {
  case PartOfDay::EarlyHours:
    return hours(0, 6);
  case PartOfDay::Dawn:
    return hours(4, 8);
  case PartOfDay::Morning:
    return hours(5, 12);
  case PartOfDay::Noon:
    return Interval{start + 720, start + 721};
  case PartOfDay::Afternoon:
    return hours(12, 18);
  case PartOfDay::Evening:
    return hours(17, 24);
  case PartOfDay::Night:
    return hours(18, 24);
  case PartOfDay::Midnight:
    return Interval{start + 1440, start + 1441};
  case PartOfDay::Day:
    return hours(6, 18);
  case PartOfDay::None:
    break;
  }
  return hours(0, 24);
}

// ---------------------------------------------------------------------------------------

namespace {

struct Irregular {
  std::string_view word;
  std::string_view stem;
};

// Irregular verb forms and nominalisations that name the same event as their verb.
constexpr Irregular kIrregular[] = {
    {"departure", "depart"},  {"left", "leav"},
    {"leaving", "leav"},      {"fled", "flee"},
    {"fleeing", "flee"},      {"flees", "flee"},
    {"flight", "fly"},        {"flew", "fly"},
    {"flown", "fly"},         {"flies", "fly"},
    {"flying", "fly"},        {"met", "meet"},
    {"meeting", "meet"},      {"meetings", "meet"},
    {"arrival", "arriv"},     {"trip", "travel"},
    {"travelled", "travel"},  {"traveled", "travel"},
    {"went", "go"},           {"gone", "go"},
    {"came", "come"},         {"took", "tak"},
    {"taken", "tak"},         {"told", "tell"},
    {"said", "say"},          {"says", "say"},
    {"held", "hold"},         {"killed", "kill"},
    {"died", "die"},          {"dead", "die"},
    {"death", "die"},         {"shot", "shoot"},
    {"struck", "strike"},     {"hit", "hit"},
    {"won", "win"},           {"sent", "send"},
    {"ran", "run"},           {"began", "begin"},
    {"begun", "begin"},       {"caught", "catch"},
    {"sold", "sell"},         {"bought", "buy"},
    {"found", "find"},        {"made", "mak"},
    {"gave", "giv"},          {"given", "giv"},
    {"spoke", "speak"},       {"spoken", "speak"},
    {"conversation", "call"}, {"conversations", "call"},
    {"phoned", "call"},       {"quake", "earthquak"},
    {"arrested", "arrest"},   {"escaped", "escap"},
    {"visits", "visit"},      {"children", "child"},
    {"people", "person"},
};

constexpr std::string_view kStop[] = {
    "a",      "an",          "the",        "and",      "or",        "but",      "of",
    "in",     "on",          "at",         "to",       "for",       "from",     "by",
    "with",   "without",     "as",         "that",     "this",      "these",    "those",
    "it",     "its",         "he",         "him",      "his",       "she",      "her",
    "they",   "them",        "their",      "we",       "us",        "our",      "you",
    "your",   "i",           "me",         "my",       "be",        "is",       "are",
    "was",    "were",        "been",       "being",    "am",        "has",      "have",
    "had",    "hav",         "do",         "did",      "does",      "not",      "no",
    "so",     "if",          "then",       "than",     "there",     "here",     "which",
    "who",    "whom",        "whose",      "what",     "when",      "where",    "while",
    "after",  "before",      "during",     "into",     "onto",      "over",     "under",
    "about",  "also",        "only",       "just",     "very",      "more",     "most",
    "some",   "any",         "all",        "each",     "other",     "such",     "own",
    "same",   "too",         "can",        "could",    "would",     "should",   "will",
    "shall",  "may",         "might",      "must",     "say",       "tell",     "report",
    "accord", "accordingly", "reportedly", "sourc",    "source",    "official", "news",
    "agency", "mr",          "mrs",        "ms",       "dr",        "one",      "two",
    "three",  "four",        "five",       "six",      "seven",     "eight",    "nine",
    "ten",    "first",       "second",     "last",     "next",      "day",      "week",
    "month",  "year",        "time",       "hour",     "minut",     "morning",  "night",
    "even",   "evening",     "afternoon",  "today",    "yesterday", "tomorrow", "late",
    "early",  "ago",         "now",        "pm",       "am",        "p",        "m",
    "s",      "t",           "up",         "out",      "down",      "off",      "again",
    "still",  "yet",         "however",    "although", "though",    "because",  "since",
    "until",  "both",        "either",     "neither",
};

} // namespace

std::string stemWord(std::string_view word) {
  std::string w;
  w.reserve(word.size());
  for (const char c : word) {
    w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  for (const auto& entry : kIrregular) {
    if (w == entry.word) {
      return std::string(entry.stem);
    }
  }
  auto endsWith = [&](std::string_view suffix) {
    return w.size() > suffix.size() + 2 &&
           w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (endsWith("ies")) {
    w.replace(w.size() - 3, 3, "y");
  } else if (endsWith("ing")) {
    w.resize(w.size() - 3);
  } else if (endsWith("ied")) {
    w.replace(w.size() - 3, 3, "y");
  } else if (endsWith("ed")) {
    w.resize(w.size() - 2);
  } else if (endsWith("es") &&
             (w[w.size() - 3] == 's' || w[w.size() - 3] == 'x' || w[w.size() - 3] == 'h')) {
    w.resize(w.size() - 2);
  } else if (endsWith("s") && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') {
    w.resize(w.size() - 1);
  }
  if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2] && w.back() != 'l' && w.back() != 's') {
    w.pop_back(); // "stopped" -> "stopp" -> "stop"
  }
  if (w.size() > 3 && w.back() == 'e') {
    w.pop_back();
  }
  return w;
}

bool isStopWord(std::string_view stem) {
  static const WordSet kSet(std::begin(kStop), std::end(kStop));
  return kSet.contains(stem);
}

} // namespace newslint::analysis
