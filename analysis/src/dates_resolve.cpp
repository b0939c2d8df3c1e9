// Resolution of one time expression to an interval, given its anchors.
#include "newslint/analysis/dates.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

namespace newslint::analysis {

namespace {

// (year, month) moved by `offset` months: shiftMonth(2024, 12, 1) = (2025, 1).
std::pair<int, int> shiftMonth(int year, int month, int offset) {
  const int index = year * 12 + (month - 1) + offset; // months since year 0
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return {y, index - y * 12 + 1};
}

struct Builder {
  Resolution r;
  std::string notes;

  void note(const std::string& text) {
    if (!notes.empty()) {
      notes += "; ";
    }
    notes += text;
  }
};

std::string two(int v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", v);
  return buffer;
}

/// The ISO week (year and number) of a date.
std::pair<int, int> isoWeek(CivilDate date) {
  const CivilDate thursday = addDays(date, 3 - weekdayOf(date));
  const int64_t first = daysFromCivil(CivilDate{thursday.year, 1, 1});
  const int week = static_cast<int>((daysFromCivil(thursday) - first) / 7 + 1);
  return {thursday.year, week};
}

std::string weekValue(CivilDate date) {
  const auto [year, week] = isoWeek(date);
  return std::to_string(year) + "-W" + two(week);
}

CivilDate mondayOf(CivilDate date) {
  return addDays(date, -weekdayOf(date));
}

std::string_view partCode(PartOfDay part) {
  switch (part) {
  case PartOfDay::EarlyHours:
  case PartOfDay::Dawn:
  case PartOfDay::Morning:
    return "MO";
  case PartOfDay::Afternoon:
    return "AF";
  case PartOfDay::Evening:
    return "EV";
  case PartOfDay::Night:
    return "NI";
  case PartOfDay::Day:
    return "DT";
  case PartOfDay::Noon:
  case PartOfDay::Midnight:
  case PartOfDay::None:
    break;
  }
  return "";
}

/// Whether US daylight saving time is in force on `date` (the rules of 1987 and of 2007).
bool usDaylightTime(CivilDate date) {
  auto nthSunday = [](int year, int month, int n) {
    const CivilDate first{year, month, 1};
    return addDays(first, (6 - weekdayOf(first) + 7) % 7 + static_cast<int64_t>(n - 1) * 7);
  };
  auto lastSunday = [](int year, int month) {
    const CivilDate last{year, month, daysInMonth(year, month)};
    return addDays(last, -((weekdayOf(last) + 1) % 7));
  };
  CivilDate from;
  CivilDate to;
  if (date.year >= 2007) {
    from = nthSunday(date.year, 3, 2);
    to = nthSunday(date.year, 11, 1);
  } else if (date.year >= 1987) {
    from = nthSunday(date.year, 4, 1);
    to = lastSunday(date.year, 10);
  } else {
    from = lastSunday(date.year, 4);
    to = lastSunday(date.year, 10);
  }
  return from <= date && date < to;
}

/// Fills day-level (and finer) results for `date`, applying the expression's time of day.
/// A clock time with a stated zone takes its value in UTC ("5:40 p.m. EDT" = "T21:40Z"); its
/// interval stays in the time as written, like every other time of the story.
void setDay(Builder& b, const TimeExpression& e, CivilDate date) {
  if (e.dayShift != 0) {
    const int n = e.dayShift < 0 ? -e.dayShift : e.dayShift;
    b.note(std::to_string(n) + " day(s) " + (e.dayShift < 0 ? "before " : "after ") +
           formatDate(date));
    date = addDays(date, e.dayShift);
  }
  b.r.resolved = true;
  b.r.first = date;
  b.r.value = formatDate(date);
  if (e.hour >= 0 && e.hour <= 24 && e.minute >= 0 && e.minute <= 59) {
    const int64_t start = daysFromCivil(date) * 1440 + static_cast<int64_t>(e.hour) * 60 + e.minute;
    b.r.interval = Interval{start, start + 1};
    b.r.granularity = Granularity::Minute;
    if (e.zoneMinutes != TimeExpression::kNoZone) {
      const int offset = e.zoneMinutes + (e.zoneUsDst && usDaylightTime(date) ? 60 : 0);
      const int64_t utc = start - offset;
      const int64_t day = utc >= 0 ? utc / 1440 : (utc - 1439) / 1440;
      const int64_t inDay = utc - day * 1440;
      b.r.value = formatDate(civilFromDays(day)) + "T" + two(static_cast<int>(inDay / 60)) + ":" +
                  two(static_cast<int>(inDay % 60)) + "Z";
      if (offset != 0) {
        b.note(two(e.hour) + ":" + two(e.minute) + " " + e.zone + " is " +
               two(static_cast<int>(inDay / 60)) + ":" + two(static_cast<int>(inDay % 60)) +
               " UTC");
      }
      return;
    }
    b.r.value += "T" + two(e.hour) + ":" + two(e.minute);
    return;
  }
  if (e.part != PartOfDay::None) {
    b.r.interval = partOfDayInterval(date, e.part);
    b.r.granularity = Granularity::PartOfDay;
    if (e.part == PartOfDay::Noon) {
      b.r.value += "T12:00";
      b.r.granularity = Granularity::Minute;
    } else if (e.part == PartOfDay::Midnight) {
      b.r.value += "T24:00";
      b.r.granularity = Granularity::Minute;
    } else {
      b.r.value += "T";
      b.r.value += partCode(e.part);
    }
    return;
  }
  b.r.interval = dayInterval(date);
  b.r.granularity = Granularity::Day;
}

void setSpan(Builder& b, CivilDate from, CivilDate to, Granularity granularity, std::string value) {
  b.r.resolved = true;
  b.r.first = from;
  b.r.interval = Interval{daysFromCivil(from) * 1440, daysFromCivil(to) * 1440};
  b.r.granularity = granularity;
  b.r.value = std::move(value);
}

void setMonth(Builder& b, int year, int month) {
  const CivilDate from{year, month, 1};
  const CivilDate to = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
  setSpan(b, from, to, Granularity::Month, std::to_string(year) + "-" + two(month));
}

void setYear(Builder& b, int year) {
  setSpan(b, CivilDate{year, 1, 1}, CivilDate{year + 1, 1, 1}, Granularity::Year,
          std::to_string(year));
}

void setQuarter(Builder& b, int year, int quarter) {
  const int month = (quarter - 1) * 3 + 1;
  const CivilDate to = quarter == 4 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 3, 1};
  setSpan(b, CivilDate{year, month, 1}, to, Granularity::Quarter,
          std::to_string(year) + "-Q" + std::to_string(quarter));
}

void setHalf(Builder& b, int year, int half) {
  const CivilDate to = half == 2 ? CivilDate{year + 1, 1, 1} : CivilDate{year, 7, 1};
  setSpan(b, CivilDate{year, half == 2 ? 7 : 1, 1}, to, Granularity::HalfYear,
          std::to_string(year) + "-H" + std::to_string(half));
}

void setSeason(Builder& b, int year, Season season) {
  int month = 3;
  std::string code = "SP";
  switch (season) {
  case Season::Summer:
    month = 6;
    code = "SU";
    break;
  case Season::Fall:
    month = 9;
    code = "FA";
    break;
  case Season::Winter:
    month = 12;
    code = "WI";
    break;
  default:
    break;
  }
  const CivilDate from{year, month, 1};
  const CivilDate to = month == 12 ? CivilDate{year + 1, 3, 1} : CivilDate{year, month + 3, 1};
  setSpan(b, from, to, Granularity::Season, std::to_string(year) + "-" + code);
}

void setWeek(Builder& b, CivilDate anyDay) {
  const CivilDate monday = mondayOf(anyDay);
  setSpan(b, monday, addDays(monday, 7), Granularity::Week, weekValue(monday));
}

void setWeekend(Builder& b, CivilDate anyDayOfWeek) {
  const CivilDate saturday = addDays(mondayOf(anyDayOfWeek), 5);
  setSpan(b, saturday, addDays(saturday, 2), Granularity::Weekend, weekValue(saturday) + "-WE");
}

/// Year choice for a month (and day) stated without a year, from the anchor and the tense.
int yearNear(CivilDate anchor, int month, int day, Tense tense) {
  // The occurrence nearest to the anchor; the tense only breaks near-ties (a date about half
  // a year away), since past-tense reporting often announces coming dates.
  const int year = anchor.year;
  if (day <= 0 && tense == Tense::Past && month > anchor.month) {
    return year - 1; // "it began in March", said in February: last year's March
  }
  const int d = day > 0 ? day : 15;
  const int64_t a = daysFromCivil(anchor);
  auto at = [&](int y) {
    return daysFromCivil(CivilDate{y, month, std::min(d, daysInMonth(y, month))});
  };
  const int64_t here = at(year);
  // News looks back more often than ahead: without a tense, a date more than four months
  // ahead is the past one ("March", written in October, is the March before).
  // A past tense never looks ahead, a future one never back.
  const int64_t ahead = tense == Tense::Future ? 240 : 120;
  if (here - a > ahead && tense != Tense::Future) {
    return year - 1;
  }
  if (a - here > 365 - ahead && tense != Tense::Past) {
    return year + 1;
  }
  return year;
}

int seasonStartMonth(Season season) {
  switch (season) {
  case Season::Summer:
    return 6;
  case Season::Fall:
    return 9;
  case Season::Winter:
    return 12;
  default:
    return 3;
  }
}

/// The occurrence of `weekday` nearest to `reference` (ties go backwards).
CivilDate nearestWeekday(CivilDate reference, int weekday) {
  int diff = weekday - weekdayOf(reference);
  if (diff > 3) {
    diff -= 7;
  } else if (diff < -3) {
    diff += 7;
  }
  return addDays(reference, diff);
}

std::string anchorText(const ResolveContext& c) {
  return "publication date " + (c.anchor ? formatDate(*c.anchor) : std::string("?")) +
         (c.anchorSource.empty() ? "" : " (" + c.anchorSource + ")");
}

void resolveWeekday(Builder& b, const TimeExpression& e, const ResolveContext& c) {
  const std::string day(weekdayName(e.weekday));
  if (e.relation == Relation::EventOffset) {
    if (!c.eventDate) {
      return;
    }
    const int current = weekdayOf(*c.eventDate);
    int diff = e.weekday - current;
    if (e.offset < 0) {
      if (diff >= 0) {
        diff -= 7;
      }
    } else if (diff <= 0) {
      diff += 7;
    }
    setDay(b, e, addDays(*c.eventDate, diff));
    b.r.narrative = true;
    b.note("the " + day + " " + (e.offset < 0 ? "before " : "after ") + formatDate(*c.eventDate) +
           " (" + c.eventText + ")");
    return;
  }
  if (e.relation == Relation::Narrative) {
    // "the previous Friday": the one before the story's last date (or the publication date)
    const std::optional<CivilDate> base = c.reference ? c.reference : c.anchor;
    if (!base) {
      return;
    }
    int diff = e.weekday - weekdayOf(*base);
    if (e.offset < 0 && diff >= 0) {
      diff -= 7;
    } else if (e.offset > 0 && diff <= 0) {
      diff += 7;
    }
    setDay(b, e, addDays(*base, diff));
    b.r.narrative = c.reference.has_value();
    b.note("the " + day + (e.offset < 0 ? " before " : " after ") +
           (c.reference ? "`" + c.referenceText + "` (" + formatDate(*c.reference) + ")"
                        : "the " + anchorText(c)));
    return;
  }
  // Narrative reading: "that Sunday", or a story without a publication date.
  const bool narrative = (e.narrativeCue || c.narrative || c.referenceNarrative || !c.anchor) &&
                         c.reference.has_value();
  if (narrative && e.relation == Relation::None) {
    setDay(b, e, nearestWeekday(*c.reference, e.weekday));
    b.r.narrative = true;
    b.note(day + " nearest to " + formatDate(*c.reference) + " (`" + c.referenceText +
           "`), narrative reading");
    return;
  }
  if (!c.anchor) {
    return;
  }
  const CivilDate anchor = *c.anchor;
  const int current = weekdayOf(anchor);
  if (e.relation == Relation::Offset && (e.unit == Unit::Week || e.weekdayInUnit)) {
    const CivilDate monday = addDays(mondayOf(anchor), static_cast<int64_t>(e.offset) * 7);
    setDay(b, e, addDays(monday, e.weekday));
    b.note(day + " of the week " +
           std::string(e.offset < 0 ? "before" : (e.offset > 0 ? "after" : "of")) + " the " +
           anchorText(c));
    return;
  }
  int diff = e.weekday - current;
  if (e.relation == Relation::Offset) {
    if (e.offset < 0) {
      if (diff >= 0)
        diff -= 7;
    } else if (e.offset > 0) {
      if (diff <= 0)
        diff += 7;
    }
  } else if (e.tense == Tense::Future) {
    if (diff < 0)
      diff += 7;
  } else if (diff == 1 && e.tense != Tense::Past) {
    // The day after publication, named in a sentence with no past verb: tomorrow.
  } else {
    if (diff > 0)
      diff -= 7;
  }
  setDay(b, e, addDays(anchor, diff));
  b.note(day + (diff == 0 ? " = the " : (diff < 0 ? " before the " : " after the ")) +
         anchorText(c));
}

} // namespace

Resolution resolveExpression(const TimeExpression& e, const ResolveContext& c) {
  Builder b;
  auto finish = [&]() {
    b.r.inference = b.notes;
    return b.r;
  };
  auto anchorNote = [&]() {
    return "publication date " + (c.anchor ? formatDate(*c.anchor) : std::string("?")) +
           (c.anchorSource.empty() ? "" : " (" + c.anchorSource + ")");
  };
  switch (e.kind) {
  case TimeKind::Duration:
  case TimeKind::Set:
    b.r.value = e.durationValue;
    return finish();
  case TimeKind::Reference:
    b.r.value = e.relation == Relation::Present
                    ? "PRESENT_REF"
                    : (e.relation == Relation::Past ? "PAST_REF" : "FUTURE_REF");
    return finish();
  default:
    break;
  }
  if (!e.problem.empty()) {
    return finish();
  }
  if (e.century >= 0) {
    setSpan(b, CivilDate{e.century * 100, 1, 1}, CivilDate{e.century * 100 + 100, 1, 1},
            Granularity::Century, two(e.century));
    return finish();
  }
  if (e.decade >= 0) {
    setSpan(b, CivilDate{e.decade * 10, 1, 1}, CivilDate{e.decade * 10 + 10, 1, 1},
            Granularity::Decade, std::to_string(e.decade) + "X");
    return finish();
  }

  // Relative to an event named in the text ("four days after his visit to Moscow").
  if (e.relation == Relation::EventOffset) {
    if (!c.eventDate) {
      return finish();
    }
    if (e.unit == Unit::Weekday) {
      resolveWeekday(b, e, c);
      return finish();
    }
    CivilDate date = *c.eventDate;
    switch (e.unit) {
    case Unit::Day:
      date = addDays(date, e.offset);
      break;
    case Unit::Week:
      date = addDays(date, static_cast<int64_t>(e.offset) * 7);
      break;
    default:
      return finish(); // coarser offsets from an event are too vague to compare
    }
    if (e.wholeUnit && e.unit == Unit::Week) {
      setWeek(b, date); // "the week before the murder": that week
    } else {
      setDay(b, e, date);
    }
    b.r.narrative = true;
    b.note(std::to_string(e.offset < 0 ? -e.offset : e.offset) +
           (e.unit == Unit::Week ? " week(s) " : " day(s) ") +
           (e.offset < 0 ? "before " : "after ") + formatDate(*c.eventDate) + " (" + c.eventText +
           ")");
    return finish();
  }

  // Named days: "Thanksgiving Day", "last Christmas", "Easter week".
  if (e.holiday != Holiday::None) {
    const std::string name(holidayName(e.holiday));
    int year = e.year;
    if (year < 0) {
      const std::optional<CivilDate> base = c.anchor ? c.anchor : c.reference;
      if (!base) {
        if (!c.year) {
          return finish();
        }
        year = *c.year;
        b.r.yearInferred = true;
        b.note("year " + std::to_string(year) + " " + c.yearSource);
      } else {
        // The occurrence the text means: before the anchor for "last" and past tense, after it
        // for "next" and the future, else the nearest one.
        const int64_t a = daysFromCivil(*base);
        int best = base->year;
        int64_t bestDistance = INT64_MAX;
        for (int y = base->year - 1; y <= base->year + 1; ++y) {
          // A week that holds the day ("as Easter week began") starts on its Monday.
          const CivilDate day = holidayDate(e.holiday, y);
          const int64_t d = daysFromCivil(e.holidayWeek ? mondayOf(day) : day) - a;
          const bool before =
              e.relation == Relation::Offset ? e.offset < 0 : e.tense == Tense::Past;
          const bool after =
              e.relation == Relation::Offset ? e.offset > 0 : e.tense == Tense::Future;
          if ((before && d > 0) || (after && d < 0) ||
              (e.relation == Relation::Offset && e.offset != 0 && d == 0)) {
            continue;
          }
          const int64_t distance = d < 0 ? -d : d;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = y;
          }
        }
        year = best;
        b.note(name + " " + std::to_string(year) + ", the one " +
               (e.relation == Relation::Offset && e.offset < 0
                    ? "before"
                    : (e.relation == Relation::Offset && e.offset > 0 ? "after" : "nearest to")) +
               " the " + (c.anchor ? anchorNote() : "`" + c.referenceText + "`"));
      }
    }
    const CivilDate date = holidayDate(e.holiday, year);
    if (e.holidayWeek) {
      setWeek(b, date);
    } else {
      setDay(b, e, date);
    }
    b.note(name + " " + std::to_string(year) + " is " + describeDate(date));
    return finish();
  }

  // Stated calendar fields.
  if (e.month > 0 || e.quarter > 0 || e.half > 0 || (e.year > 0 && e.relation == Relation::None) ||
      (e.relation == Relation::None && e.day > 0)) {
    if (e.relation == Relation::Offset && e.unit == Unit::Month && e.month > 0) {
      // "last November" / "next March" / "last Oct. 23": counted from the anchor
      if (!c.anchor) {
        return finish();
      }
      int year = c.anchor->year;
      const int day = e.day > 0 ? e.day : 0;
      const int anchorDay = e.day > 0 ? c.anchor->day : 0;
      const bool notBefore =
          e.month > c.anchor->month || (e.month == c.anchor->month && day >= anchorDay);
      const bool notAfter =
          e.month < c.anchor->month || (e.month == c.anchor->month && day <= anchorDay);
      if (e.offset < 0 && notBefore) {
        --year;
      } else if (e.offset > 0 && notAfter) {
        ++year;
      }
      if (e.day > 0 && validDate(CivilDate{year, e.month, e.day})) {
        setDay(b, e, CivilDate{year, e.month, e.day});
      } else {
        setMonth(b, year, e.month);
      }
      b.note(std::string(monthName(e.month)) +
             (e.offset < 0 ? " before " : (e.offset > 0 ? " after " : " of ")) + "the " +
             anchorNote());
      return finish();
    }
    if (e.relation == Relation::Offset && e.unit == Unit::Year && (e.quarter > 0 || e.half > 0)) {
      // "the third quarter of this year"
      if (!c.anchor) {
        return finish();
      }
      const int year = c.anchor->year + e.offset;
      if (e.quarter > 0) {
        setQuarter(b, year, e.quarter);
      } else {
        setHalf(b, year, e.half);
      }
      b.note("year counted from the " + anchorNote());
      return finish();
    }
    if (e.relation == Relation::Offset && e.unit == Unit::Year && e.month > 0) {
      // "September this year", "April last year"
      if (!c.anchor) {
        return finish();
      }
      const int year = c.anchor->year + e.offset;
      if (e.day > 0 && validDate(CivilDate{year, e.month, e.day})) {
        setDay(b, e, CivilDate{year, e.month, e.day});
      } else {
        setMonth(b, year, e.month);
      }
      b.note("year counted from the " + anchorNote());
      return finish();
    }
    int year = e.year;
    if (year < 0) {
      if (e.month > 0 && e.day > 0 && e.weekday >= 0 && !c.anchor && !c.year) {
        // The weekday fixes the year: take the matching year nearest to what else is known.
        const int around = c.reference ? c.reference->year : (c.yearHint ? *c.yearHint : -1);
        if (around > 0) {
          for (int delta = 0; delta <= 11 && year < 0; ++delta) {
            for (const int y : {around - delta, around + delta}) {
              const CivilDate probe{y, e.month, e.day};
              if (validDate(probe) && weekdayOf(probe) == e.weekday) {
                year = y;
                break;
              }
            }
          }
          if (year > 0 && year != around) {
            b.note("year " + std::to_string(year) + " fixed by the weekday (" +
                   std::string(weekdayName(e.weekday)) + " " + std::to_string(e.day) + " " +
                   std::string(monthName(e.month)) + ")");
            b.r.yearInferred = true;
          } else if (year > 0) {
            b.note("year " + std::to_string(year) + " " +
                   (c.reference ? "from `" + c.referenceText + "` earlier in the text"
                                : c.yearHintSource) +
                   ", matching the weekday");
            b.r.yearInferred = true;
          }
        }
      }
      if (year < 0 && c.anchor) {
        year = e.month > 0 ? yearNear(*c.anchor, e.month, e.day, e.tense) : c.anchor->year;
        if (e.quarter > 0 && !c.anchor) {
          year = c.anchor->year;
        }
        if (e.quarter > 0) {
          const int anchorQuarter = (c.anchor->month - 1) / 3 + 1;
          year = c.anchor->year - (e.quarter > anchorQuarter && e.tense == Tense::Past ? 1 : 0);
        }
        b.note("year " + std::to_string(year) + " from the " + anchorNote());
      }
      if (year < 0 && c.year) {
        year = *c.year;
        b.r.yearInferred = true;
        b.note("year " + std::to_string(year) + " " + c.yearSource);
      }
      if (year < 0 && c.reference && e.month > 0) {
        year = yearNear(*c.reference, e.month, e.day, Tense::Unknown);
        b.r.yearInferred = true;
        b.note("year " + std::to_string(year) + " from " + c.referenceText +
               " earlier in the text");
      }
      if (year < 0) {
        return finish();
      }
    }
    if (e.weekOf == TimeExpression::WeekOf::FirstOfMonth ||
        e.weekOf == TimeExpression::WeekOf::LastOfMonth) {
      // The week holding the month's first (last) Thursday.
      const bool first = e.weekOf == TimeExpression::WeekOf::FirstOfMonth;
      CivilDate day{year, e.month, first ? 1 : daysInMonth(year, e.month)};
      while (weekdayOf(day) != 3) {
        day = addDays(day, first ? 1 : -1);
      }
      setWeek(b, day);
    } else if (e.day > 0 && e.month > 0) {
      const CivilDate date{year, e.month, e.day};
      if (!validDate(date)) {
        return finish();
      }
      if (e.weekOf == TimeExpression::WeekOf::Date) {
        setWeek(b, date);
      } else {
        setDay(b, e, date);
      }
    } else if (e.month > 0) {
      setMonth(b, year, e.month);
    } else if (e.quarter > 0) {
      setQuarter(b, year, e.quarter);
    } else if (e.half > 0) {
      setHalf(b, year, e.half);
    } else if (e.season != Season::None) {
      setSeason(b, year, e.season);
    } else {
      setYear(b, year);
    }
    return finish();
  }

  // Weekdays.
  if (e.weekday >= 0) {
    resolveWeekday(b, e, c);
    return finish();
  }

  // today / yesterday / tomorrow / tonight / last night
  if (e.relation == Relation::Today) {
    if (!c.anchor) {
      return finish();
    }
    setDay(b, e, addDays(*c.anchor, e.offset));
    b.note(e.offset == 0 ? "the " + anchorNote()
                         : std::to_string(e.offset < 0 ? -e.offset : e.offset) + " day(s) " +
                               (e.offset < 0 ? "before" : "after") + " the " + anchorNote());
    return finish();
  }

  // "the next day", "the following morning", "two days later": from the story's last date.
  if (e.relation == Relation::Narrative) {
    // "that year", "later that year", "the year before": the year the text spoke of last,
    // whether a stated year, a date or a year counted from the publication date.
    if (e.unit == Unit::Year && c.referenceYear) {
      setYear(b, *c.referenceYear + e.offset);
      b.note(std::string(e.offset == 0 ? "the year of"
                                       : (e.offset < 0 ? "the year before" : "the year after")) +
             " `" + c.referenceYearText + "` (" + std::to_string(*c.referenceYear) +
             "), the last year the text spoke of");
      b.r.narrative = true;
      return finish();
    }
    if (e.unit == Unit::Month && c.referenceMonth) {
      const auto [y, m] = shiftMonth(c.referenceMonth->year, c.referenceMonth->month, e.offset);
      setMonth(b, y, m);
      const int n = e.offset < 0 ? -e.offset : e.offset;
      b.note((e.offset == 0
                  ? std::string("the month of")
                  : std::to_string(n) + " month(s) " + (e.offset < 0 ? "before" : "after")) +
             " `" + c.referenceMonthText + "`, the last month the text spoke of");
      b.r.narrative = true;
      return finish();
    }
    // A part of day without its day ("the morning") falls back on the publication date.
    const std::optional<CivilDate> base =
        c.reference ? c.reference : (e.vague ? c.anchor : std::nullopt);
    if (!base) {
      return finish();
    }
    const std::string from = c.reference
                                 ? "`" + c.referenceText + "` (" + formatDate(*c.reference) + ")"
                                 : "the " + anchorNote();
    switch (e.unit) {
    case Unit::Day:
      setDay(b, e, addDays(*base, e.offset));
      break;
    case Unit::Week:
      setWeek(b, addDays(*base, static_cast<int64_t>(e.offset) * 7));
      break;
    case Unit::Month: {
      const auto [y, m] = shiftMonth(base->year, base->month, e.offset);
      setMonth(b, y, m);
      break;
    }
    case Unit::Year:
      setYear(b, base->year + e.offset);
      break;
    default:
      return finish();
    }
    b.note("counted from " + from);
    b.r.narrative = c.reference.has_value();
    return finish();
  }

  // "last week", "next month", "this year", "three days ago", "last weekend"
  if (e.relation == Relation::Offset) {
    if (!c.anchor) {
      return finish();
    }
    const CivilDate a = *c.anchor;
    switch (e.unit) {
    case Unit::Day:
      setDay(b, e, addDays(a, e.offset));
      break;
    case Unit::Week:
      if (e.offset < -1 || e.offset > 1) {
        setDay(b, e, addDays(a, static_cast<int64_t>(e.offset) * 7)); // "two weeks ago": that day
      } else {
        setWeek(b, addDays(a, static_cast<int64_t>(e.offset) * 7));
      }
      break;
    case Unit::Weekend: {
      // "last weekend": the one before the publication week; "next weekend": the one after
      // it; "the weekend" / "this weekend": the latest one begun by the publication date,
      // or the coming one when the sentence speaks of the future.
      CivilDate base = addDays(a, static_cast<int64_t>(e.offset) * 7);
      if (e.offset == 0) {
        const int wd = weekdayOf(a);
        if (e.tense == Tense::Future) {
          base = a;
        } else {
          base = wd >= 5 ? a : addDays(a, -7);
        }
      }
      setWeekend(b, base);
      break;
    }
    case Unit::Month: {
      const auto [y, m] = shiftMonth(a.year, a.month, e.offset);
      setMonth(b, y, m);
      break;
    }
    case Unit::Quarter: {
      const CivilDate base = e.weekdayInUnit ? addDays(a, -45) : a;
      // The quarter reported is the one the story names, if it names one (a fiscal quarter
      // keeps its name), else the calendar quarter 45 days before publication.
      int q = (e.reportQuarter > 0 ? e.reportQuarter : (base.month - 1) / 3 + 1) + e.offset;
      int y = e.year > 0 ? e.year : base.year; // "the 1988 quarter"
      while (q < 1) {
        q += 4;
        --y;
      }
      while (q > 4) {
        q -= 4;
        ++y;
      }
      setQuarter(b, y, q);
      break;
    }
    case Unit::Year:
      // weekdayInUnit: the year of the quarter being reported ("the full year", in January)
      setYear(b, (e.weekdayInUnit ? addDays(a, -45) : a).year + e.offset);
      break;
    case Unit::Season: {
      int y = a.year;
      const int start = seasonStartMonth(e.season);
      if (e.offset < 0 && start + 3 > a.month) {
        --y;
      } else if (e.offset > 0 && start <= a.month) {
        ++y;
      }
      setSeason(b, y, e.season);
      break;
    }
    default:
      return finish();
    }
    b.note("counted from the " + anchorNote());
    return finish();
  }
  return finish();
}

} // namespace newslint::analysis
