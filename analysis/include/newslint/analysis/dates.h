// Time expressions: recognition and normalisation to intervals, per document.
//
// extractDates finds what a text says about time (dates, weekdays, parts of day, clock
// times, relative expressions, years, decades) and the durations that must never be read
// as dates. resolveExpression turns one expression into an interval with a granularity,
// given the anchors it may need (publication date, the narrative's reference date, a year).
// Corpus-level reasoning (inferred anchors, events, conflicts) lives in timeline.h.
#pragma once

#include "newslint/analysis/config.h"
#include "newslint/analysis/document.h"
#include "newslint/analysis/interned.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

/// How precise a resolved time is, from the finest to the coarsest.
enum class Granularity : uint8_t {
  Minute,
  Hour,
  PartOfDay,
  Day,
  Weekend,
  Week,
  Month,
  Season,
  Quarter,
  HalfYear,
  Year,
  Decade,
  Century,
  Unknown,
};
std::string_view granularityName(Granularity granularity);

enum class PartOfDay : uint8_t {
  None,
  EarlyHours, ///< "after midnight", "the early hours": 00:00-06:00
  Dawn,       ///< 04:00-08:00
  Morning,    ///< 06:00-12:00
  Noon,       ///< 12:00
  Afternoon,  ///< 12:00-18:00
  Evening,    ///< 18:00-24:00
  Night,      ///< 18:00-24:00 ("Saturday night"), see intervalOf
  Midnight,   ///< 24:00 of the day (00:00 of the next)
  Day,        ///< "during the day": 06:00-18:00
};

enum class Season : uint8_t { None, Spring, Summer, Fall, Winter };

/// Named days of the calendar. Fixed ones fall on the same date every year; the others are
/// computed for the year (Easter by the Gregorian computus, US holidays by their rule).
enum class Holiday : uint8_t {
  None,
  NewYearsDay,     ///< 1 January
  NewYearsEve,     ///< 31 December
  ValentinesDay,   ///< 14 February
  IndependenceDay, ///< 4 July (United States)
  Halloween,       ///< 31 October
  ChristmasEve,    ///< 24 December
  ChristmasDay,    ///< 25 December
  BoxingDay,       ///< 26 December
  GoodFriday,      ///< two days before Easter Sunday
  EasterSunday,
  EasterMonday,
  MemorialDay,  ///< last Monday of May (United States)
  LaborDay,     ///< first Monday of September (United States)
  ElectionDay,  ///< the Tuesday after the first Monday of November (United States)
  Thanksgiving, ///< fourth Thursday of November (United States)
};
/// The date of a named day in a given year.
CivilDate holidayDate(Holiday holiday, int year);
std::string_view holidayName(Holiday holiday);

enum class TimeKind : uint8_t {
  Date,      ///< a day or a coarser calendar unit
  Time,      ///< a time of day, possibly with its date
  Duration,  ///< an amount of time ("24-year rule", "13 years of war"): never a date
  Set,       ///< a recurrence ("daily", "every week")
  Reference, ///< "now", "recently", "the future"
};

/// How an expression depends on something outside itself.
enum class Relation : uint8_t {
  None,        ///< absolute, or a bare weekday / month / part of day
  Today,       ///< today, tonight, this morning: `offset` days from the anchor (0, -1, +1)
  Offset,      ///< `offset` units from the publication date ("last week", "three days ago")
  Narrative,   ///< `offset` units from the previous date in the text ("the next day")
  EventOffset, ///< `offset` units from an event named in `anchorPhrase` ("four days after his
               ///< visit")
  Present,
  Past,
  Future,
};

enum class Unit : uint8_t {
  None,
  Minute,
  Hour,
  Day,
  Weekday,
  Weekend,
  Week,
  Month,
  Season,
  Quarter,
  Year,
  Decade
};

/// Tense around an expression, used to pick the direction of a bare weekday or month.
enum class Tense : uint8_t { Unknown, Past, Present, Future };

/// One recognised time expression. Calendar fields are -1 when the text does not state them.
/// A corpus holds about 25 per article: the fields are as narrow as their values allow and
/// ordered so that no padding falls between them.
struct TimeExpression {
  Span span;
  InternedString text;          ///< as written (kept once per distinct text: expressions repeat)
  InternedString zone;          ///< the zone of a clock time as written, upper case
  InternedString anchorPhrase;  ///< EventOffset: the event it counts from ("his visit to Moscow")
  InternedString durationValue; ///< Duration: ISO 8601 value ("P13Y"); Set: its period
  /// Non-empty when the date or time cannot exist ("February has 29 days at most").
  InternedString problem;
  Span anchorSpan;
  Span problemSpan;      ///< the part of the text the problem is about
  uint32_t sentence = 0; ///< index into Document::sentences (0 when the document has none)
  int32_t offset = 0;    ///< signed count of `unit` (Offset, Narrative, EventOffset, Today)

  int16_t year = -1;
  int16_t decade = -1; ///< 199 for "the 1990s"
  /// The time zone stated with a clock time ("GMT", "EDT", "ET"), in minutes east of UTC;
  /// kNoZone when none is stated ("local time" states none).
  static constexpr int16_t kNoZone = INT16_MIN;
  int16_t zoneMinutes = kNoZone;
  /// Days to add to the day named ("the day before last Tuesday's hearing": -1, "two days
  /// after Christmas": +2).
  int16_t dayShift = 0;
  int8_t month = -1;   ///< 1-12
  int8_t day = -1;     ///< 1-31
  int8_t weekday = -1; ///< 0 = Monday ... 6 = Sunday
  int8_t hour = -1;    ///< 0-23 (24 only in impossible times)
  int8_t minute = -1;
  int8_t century = -1; ///< 20 for "the 21st century"
  int8_t quarter = -1; ///< 1-4
  int8_t half = -1;    ///< 1-2
  /// A report's period ("the latest period", "a year ago" among quarterly results): the number
  /// of the quarter the story names ("fourth-quarter profit" of a year ended in September),
  /// 0 when it names none and the calendar quarter reported is meant.
  int8_t reportQuarter = 0;

  TimeKind kind = TimeKind::Date;
  Season season = Season::None;
  Holiday holiday = Holiday::None;
  /// "the week of March 6": the week that holds the date; "the first/last week of March":
  /// the first/last week of the month (a week belongs to the month holding its Thursday).
  enum class WeekOf : uint8_t { None, Date, FirstOfMonth, LastOfMonth };
  WeekOf weekOf = WeekOf::None;
  PartOfDay part = PartOfDay::None;
  Relation relation = Relation::None;
  Unit unit = Unit::None; ///< the unit of `offset`
  Tense tense = Tense::Unknown;
  bool zoneUsDst = false;   ///< "ET", "PT": the US rule decides between standard and daylight time
  bool holidayWeek = false; ///< "Easter week": the week that holds the named day
  bool weekdayInUnit = false; ///< "Thursday, last week": the weekday inside the offset week
  bool wholeUnit = false;     ///< "the week before X": that whole week, not the day 7 days back
  bool narrativeCue = false;  ///< "that Sunday", "the same day": refers to the story's time
  bool quoted = false;        ///< inside quoted speech: relative to when it was said, not published
  bool vague =
      false; ///< the day is only implied ("the morning", "earlier in the day"): never a claim

  /// Field by field (a record read back must equal the one written: tests/workspace).
  friend bool operator==(const TimeExpression&, const TimeExpression&) = default;

  [[nodiscard]] bool isDuration() const { return kind == TimeKind::Duration; }
  /// Year, month and day all stated in the text.
  [[nodiscard]] bool explicitDay() const { return year > 0 && month > 0 && day > 0; }
  /// Needs an anchor (publication date, narrative reference or event) to be resolved.
  [[nodiscard]] bool relative() const;
};

/// A publication date stated on a header line at the top of the article
/// (`Date: 2024-12-14`, `Published: December 14, 2024`), or in the article's web address
/// given as one of its first lines (`https://example.com/2013/05/03/story/`).
struct HeaderDate {
  CivilDate date;
  Span span;         ///< the whole header line
  std::string label; ///< as written ("Date"), or "address" for the article's web address
};

/// What one document says about time, before any corpus knowledge is applied.
struct DateFacts {
  std::vector<TimeExpression> expressions; ///< in text order, non-overlapping, durations included
  std::optional<HeaderDate> published;
};

DateFacts extractDates(const Document& doc);

// ---------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian).

/// Days since 1970-01-01.
int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(int64_t days);
/// 0 = Monday ... 6 = Sunday.
int weekdayOf(CivilDate date);
int daysInMonth(int year, int month);
bool validDate(CivilDate date);
CivilDate addDays(CivilDate date, int64_t days);
std::string formatDate(CivilDate date);    ///< 2024-12-07
std::string describeDate(CivilDate date);  ///< Saturday 7 December 2024
std::string_view weekdayName(int weekday); ///< "Saturday"
std::string_view monthName(int month);     ///< "December"
/// Parses YYYY-MM-DD; nullopt when malformed or not a real date.
std::optional<CivilDate> parseIsoDate(std::string_view text);
/// The number written as exactly `count` ASCII digits at `at` in `text`; -1 when any of
/// them is not a digit or the text ends before.
int fixedDigits(std::string_view text, size_t at, size_t count);

/// A half-open interval of minutes since 1970-01-01 00:00, in the local time of the story.
struct Interval {
  int64_t begin = 0;
  int64_t end = 0;
  [[nodiscard]] bool overlaps(const Interval& other) const {
    return begin < other.end && other.begin < end;
  }
  [[nodiscard]] bool contains(const Interval& other) const {
    return begin <= other.begin && other.end <= end;
  }
  /// Minutes between the two intervals; 0 when they overlap.
  [[nodiscard]] int64_t gap(const Interval& other) const;
  friend bool operator==(const Interval&, const Interval&) = default;
};
Interval dayInterval(CivilDate date);
std::string describeInterval(const Interval& interval, Granularity granularity);

// ---------------------------------------------------------------------------------------
// Resolution of one expression.

/// What a resolution may lean on. Every field is optional; what was used is reported.
struct ResolveContext {
  std::optional<CivilDate> anchor; ///< publication date (document creation time)
  std::string anchorSource;        ///< how the anchor is known ("register", "header line", ...)
  /// The previous dated expression in the text: narrative reference for "the next day",
  /// and for a bare weekday in narrative passages.
  std::optional<CivilDate> reference;
  std::string referenceText;
  /// The reference was itself dated on the story's time line ("that Sunday", "the next
  /// day", "the Saturday before his departure"): bare weekdays then follow the story.
  bool referenceNarrative = false;
  /// The year of the previous expression resolved to a year or anything finer (`in 1988`,
  /// `last year`, `June 1998`): what "that year" and "the year before" refer to.
  std::optional<int> referenceYear;
  std::string referenceYearText;
  /// The same for a month or anything finer ("In March, ..." before "the following month").
  std::optional<CivilDate> referenceMonth;
  std::string referenceMonthText;
  /// Narrative mode: bare weekdays resolve against `reference` even when `anchor` is known.
  bool narrative = false;
  /// The year to give a date stated without one, when the anchor cannot (inferred elsewhere).
  std::optional<int> year;
  std::string yearSource;
  /// A weak hint (years stated elsewhere in the corpus) for choosing among the years a
  /// weekday allows ("Thursday, Feb. 2" falls in 2006, 2012, 2017, 2023).
  std::optional<int> yearHint;
  std::string yearHintSource;
  /// For EventOffset: the date of the event the expression counts from.
  std::optional<CivilDate> eventDate;
  std::string eventText;
};

struct Resolution {
  // Laid out largest first: one is kept per time expression of the corpus.
  Interval interval;
  /// TIMEX3-style value: 2024-12-07T22:30, 2024-12-07TNI, 2024-W49, PAST_REF.
  InternedString value;
  InternedString inference; ///< how anchors and missing fields were filled, for the reader
  CivilDate first;          ///< the first day of the interval
  Granularity granularity = Granularity::Unknown;
  bool resolved = false;
  bool yearInferred = false;
  bool narrative = false; ///< counted on the story's own time line (a previous date, an event)
};

/// Resolves one expression. Never throws; unresolved when required anchors are missing.
Resolution resolveExpression(const TimeExpression& expression, const ResolveContext& context);

/// The interval of a day's part (00:00-06:00 for EarlyHours, 18:00-24:00 for Night, ...).
Interval partOfDayInterval(CivilDate date, PartOfDay part);

/// True when `span` lies inside one of `expressions` (in text order, not overlapping, as
/// extractDates gives them): "May" in "early May" is a date, not a name.
bool insideExpression(const std::vector<TimeExpression>& expressions, Span span);

/// Content-word stem used to compare sentences: lower-cased, inflection stripped
/// ("visited" -> "visit", "departure" -> "depart", "moving" -> "mov").
std::string stemWord(std::string_view word);
/// Function words and reporting verbs that carry no event identity.
bool isStopWord(std::string_view stem);

} // namespace newslint::analysis
