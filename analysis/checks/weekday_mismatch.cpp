// weekday-mismatch: a weekday that contradicts the date it is given with
// ("Wednesday, October 20, 2011"), or two sources giving the same day and month of one
// event with different weekdays when no year is stated.
#include "newslint/analysis/checks.h"
#include "newslint/analysis/names.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>

namespace newslint::analysis {

namespace {

std::string dayMonth(const TimeExpression& e) {
  return std::to_string(e.day) + " " + std::string(monthName(e.month));
}

} // namespace

void runWeekdayMismatch(const CheckContext& context, std::vector<Finding>& out) {
  const DateIndex& index = context.dates;
  for (const auto& [id, facts] : context.corpus.documents) {
    if (!facts) {
      continue;
    }
    const auto& exprs = facts->dates.expressions;
    for (const ResolvedTime* t : index.timesIn(id)) {
      if (t->expression >= exprs.size()) {
        continue;
      }
      const TimeExpression& e = exprs[t->expression];
      if (e.weekday < 0 || e.month < 0 || e.day < 0 || !e.problem.empty()) {
        continue;
      }
      const Resolution& r = t->resolution;
      if (!r.resolved || r.first.month != e.month || r.first.day != e.day) {
        continue;
      }
      const int actual = weekdayOf(r.first);
      if (actual == e.weekday) {
        continue;
      }
      Finding f;
      f.code = "weekday-mismatch";
      f.primary = Location{id, e.span};
      f.flagged = e.text;
      const std::string year = std::to_string(r.first.year);
      f.message = dayMonth(e) + " " + year + " is a " + std::string(weekdayName(actual)) +
                  ", not a " + std::string(weekdayName(e.weekday));
      if (e.year < 0) {
        f.message +=
            " (" + (r.inference.empty() ? "year " + year + " inferred" : r.inference.str()) + ")";
      }
      f.evidence.push_back(describeDate(r.first));
      if (!r.inference.empty()) {
        f.evidence.push_back(r.inference);
      }
      f.data["actualWeekday"] = std::string(weekdayName(actual));
      out.push_back(std::move(f));
    }
  }
  // Across sources: the same day and month given different weekdays, no year stated, in
  // sentences about the same thing (shared names and content words).
  struct Dated {
    const std::string* document;
    const Document* doc;
    const TimeExpression* e;
  };
  std::vector<Dated> dated;
  for (const auto& [id, facts] : context.corpus.documents) {
    if (!facts) {
      continue;
    }
    for (const TimeExpression& e : facts->dates.expressions) {
      if (e.weekday >= 0 && e.month > 0 && e.day > 0 && e.year < 0 && e.problem.empty()) {
        dated.push_back({&id, &facts->doc, &e});
      }
    }
  }
  auto sentenceWords = [](const Document& doc, const TimeExpression& e) {
    const Span span = !doc.sentences.empty() && e.sentence < doc.sentences.size()
                          ? doc.sentences[e.sentence].span
                          : e.span;
    std::set<std::string> words;
    std::string word;
    const std::string_view text = doc.slice(span);
    for (size_t i = 0; i <= text.size(); ++i) {
      const char c = i < text.size() ? text[i] : ' ';
      if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
        word.push_back(c);
        continue;
      }
      if (word.size() >= 3) {
        const std::string stem = stemWord(word);
        if (!isStopWord(stem) && !isCalendarWord(stem)) {
          words.insert(stem);
        }
      }
      word.clear();
    }
    return words;
  };
  // Only expressions of the same day and month are compared; each sentence is read once.
  std::map<int, std::vector<size_t>> byDay;
  for (size_t i = 0; i < dated.size(); ++i) {
    byDay[dated[i].e->month * 100 + dated[i].e->day].push_back(i);
  }
  std::map<size_t, std::set<std::string>> wordsOf;
  auto cached = [&](size_t i) -> const std::set<std::string>& {
    auto it = wordsOf.find(i);
    if (it == wordsOf.end()) {
      it = wordsOf.emplace(i, sentenceWords(*dated[i].doc, *dated[i].e)).first;
    }
    return it->second;
  };
  for (const auto& [key, group] : byDay) {
    for (const size_t i : group) {
      for (const size_t j : group) {
        const Dated& a = dated[i];
        const Dated& b = dated[j];
        if (*a.document == *b.document || a.e->weekday == b.e->weekday) {
          continue;
        }
        // Two articles published in different years speak of different Novembers.
        const DocumentAnchor* anchorA = context.dates.anchorOf(*a.document);
        const DocumentAnchor* anchorB = context.dates.anchorOf(*b.document);
        if (anchorA != nullptr && anchorB != nullptr && anchorA->published && anchorB->published &&
            anchorA->published->year != anchorB->published->year) {
          continue;
        }
        const std::set<std::string>& wa = cached(i);
        const std::set<std::string>& wb = cached(j);
        std::vector<std::string> shared;
        std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(),
                              std::back_inserter(shared));
        if (shared.size() < 3) {
          continue;
        }
        Finding f;
        f.code = "weekday-mismatch";
        f.primary = Location{*a.document, a.e->span};
        f.flagged = a.e->text;
        f.message = "`" + a.e->text + "` here, but " + *b.document + " calls " + dayMonth(*b.e) +
                    " a " + std::string(weekdayName(b.e->weekday)) + " (`" + b.e->text +
                    "`); no year is given";
        f.related.push_back({Location{*b.document, b.e->span}, "`" + b.e->text + "`"});
        std::string words;
        for (size_t k = 0; k < shared.size() && k < 6; ++k) {
          words += (k ? ", " : "") + shared[k];
        }
        f.evidence.push_back("shared words: " + words);
        out.push_back(std::move(f));
        break; // one finding per expression: its first contradicting source
      }
    }
  }
}

} // namespace newslint::analysis
