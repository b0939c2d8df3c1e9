// Corpus-level date reasoning: anchors, resolution passes, claims, event links.
#include "newslint/analysis/timeline.h"

#include "newslint/analysis/parallel.h"
#include "sorted.h"
#include "word_memo.h"

#include "newslint/analysis/names.h"
#include "newslint/analysis/unicode.h"
#include "newslint/analysis/word_table.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

namespace newslint::analysis {

namespace {

constexpr int kPasses = 4;
/// Claims further apart than this are taken to be different occurrences, not a conflict.
constexpr int64_t kMaxConflictMinutes = 2LL * 1440;
/// Clock times are compared with this tolerance on each side (minutes).
constexpr int64_t kClockTolerance = 5;

bool dayLevel(const Resolution& r) {
  return r.resolved &&
         (r.granularity == Granularity::Minute || r.granularity == Granularity::Hour ||
          r.granularity == Granularity::PartOfDay || r.granularity == Granularity::Day);
}

Span sentenceSpanOf(const Document& doc, const TimeExpression& e) {
  if (!doc.sentences.empty() && e.sentence < doc.sentences.size()) {
    return doc.sentences[e.sentence].span;
  }
  // Without a sentence split: from the previous sentence end to the next one.
  const std::string_view text = doc.text;
  uint32_t begin = e.span.begin;
  while (begin > 0) {
    const char c = text[begin - 1];
    if (c == '\n' ||
        ((c == '.' || c == '!' || c == '?') && begin < text.size() && text[begin] == ' ')) {
      break;
    }
    --begin;
  }
  uint32_t end = e.span.end;
  while (end < text.size()) {
    const char c = text[end];
    if (c == '\n') {
      break;
    }
    ++end;
    if ((c == '.' || c == '!' || c == '?') &&
        (end == text.size() || text[end] == ' ' || text[end] == '\n')) {
      break;
    }
  }
  return Span{begin, end};
}

struct Word {
  Span span;
  std::string text;
  bool cap = false;
  bool first = false; ///< first word of the sentence
};

/// Calls `f(span, first letter)` for each word of `span`: letters, combining marks and inner
/// hyphens.
template <class F> void forEachWord(std::string_view text, Span span, const F& f) {
  size_t pos = span.begin;
  while (pos < span.end && pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = decodeUtf8(text, pos);
    if (!isLetter(cp)) {
      continue;
    }
    size_t end = pos;
    while (end < span.end && end < text.size()) {
      size_t next = end;
      const char32_t c = decodeUtf8(text, next);
      if (!(isLetter(c) || isCombiningMark(c) || c == U'-')) {
        break;
      }
      end = next;
    }
    while (end > start && text[end - 1] == '-') {
      --end;
    }
    pos = end;
    f(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, cp);
  }
}

std::vector<Word> wordsOf(std::string_view text, Span span) {
  std::vector<Word> out;
  forEachWord(text, span, [&](Span word, char32_t firstLetter) {
    Word w;
    w.cap = isUpper(firstLetter);
    w.first = out.empty();
    w.span = word;
    w.text = std::string(text.substr(word.begin, word.end - word.begin));
    out.push_back(std::move(w));
  });
  return out;
}

/// Indices [first, last) of the expressions that start inside `sentence`.
std::pair<size_t, size_t> expressionsIn(const std::vector<TimeExpression>& exprs, Span sentence) {
  auto first = std::lower_bound(
      exprs.begin(), exprs.end(), sentence.begin,
      [](const TimeExpression& e, uint32_t offset) { return e.span.begin < offset; });
  auto last = std::lower_bound(
      first, exprs.end(), sentence.end,
      [](const TimeExpression& e, uint32_t offset) { return e.span.begin < offset; });
  return {static_cast<size_t>(first - exprs.begin()), static_cast<size_t>(last - exprs.begin())};
}

struct PredicateClass {
  std::string_view name;
  std::vector<std::string_view> stems;
};

const std::vector<PredicateClass>& predicateClasses() {
  static const std::vector<PredicateClass> kClasses = {
      {"depart", {"depart", "leav", "flee", "fly", "escap", "exit", "evacuat"}},
      {"call", {"call", "phon", "talk", "telephon"}},
      {"meet", {"meet", "conven", "summit", "talks"}},
      {"visit", {"visit", "travel", "tour"}},
      {"arrive", {"arriv", "land"}},
      {"kill", {"kill", "murder", "slay", "slain", "shoot", "stab"}},
      {"die", {"die"}},
      {"attack",
       {"attack", "bomb", "strike", "raid", "shell", "assault", "explod", "explosion", "blast"}},
      {"arrest", {"arrest", "detain", "captur", "custody"}},
      {"quake", {"earthquak", "quak", "tremor", "temblor"}},
      {"aftershock", {"aftershock"}},
      {"announce", {"announc", "unveil", "launch", "introduc", "releas"}},
      {"acquire", {"acquir", "acquisition", "buy", "purchas", "takeover", "merger", "merg"}},
      {"dismiss", {"fir", "dismiss", "sack", "oust", "resign", "quit"}},
      {"sentence", {"sentenc", "convict", "jail", "imprison"}},
      {"win", {"win", "defeat", "beat", "victory"}},
      {"elect", {"elect", "vot", "election", "nominat", "appoint", "nam"}},
      {"rehab", {"rehab", "rehabilitation", "check", "admit"}},
      {"sink", {"sink", "sank", "sunk", "capsiz"}},
      {"crash", {"crash", "collid", "derail"}},
      {"fire", {"blaze", "fire", "burn"}},
  };
  return kClasses;
}

std::vector<std::string> predicatesOf(const std::vector<std::string>& stems) {
  std::vector<std::string> out;
  for (const auto& cls : predicateClasses()) {
    for (const auto& stem : stems) {
      if (std::find(cls.stems.begin(), cls.stems.end(), stem) != cls.stems.end()) {
        out.emplace_back(cls.name);
        break;
      }
    }
  }
  return out;
}

bool isPredicateStem(std::string_view stem) {
  static const WordSet kStems = [] {
    WordSet out;
    for (const auto& cls : predicateClasses()) {
      for (const auto& s : cls.stems) {
        out.insert(s);
      }
    }
    return out;
  }();
  return kStems.contains(stem);
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

/// The content stem of a word, empty for a stop word or a stem under three letters.
std::string contentStem(std::string_view word) {
  std::string stem = stemWord(word);
  if (stem.size() < 3 || isStopWord(stem) || isStopWord(lowerAscii(word))) {
    stem.clear();
  }
  return stem;
}

std::string shorten(std::string_view text, size_t limit = 160) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  if (out.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
    out += "…";
  }
  return out;
}

/// Stems of the content words of a phrase ("his visit to Moscow" -> visit, moscow).
std::vector<std::string> phraseStems(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Word& w : wordsOf(phrase, Span{0, static_cast<uint32_t>(phrase.size())})) {
    std::string stem = stemWord(w.text);
    if (stem.size() < 3 || isStopWord(stem) || isCalendarWord(lowerAscii(w.text))) {
      continue;
    }
    out.push_back(std::move(stem));
  }
  return out;
}

bool samePredicateClass(std::string_view a, std::string_view b) {
  if (a == b) {
    return true;
  }
  for (const auto& cls : predicateClasses()) {
    const bool hasA = std::find(cls.stems.begin(), cls.stems.end(), a) != cls.stems.end();
    const bool hasB = std::find(cls.stems.begin(), cls.stems.end(), b) != cls.stems.end();
    if (hasA && hasB) {
      return true;
    }
  }
  return false;
}

// A publication stamp rather than an event's date: in a headline, after "Published",
// "Posted" or "Updated", or a full date with a clock time closing its line.
bool isDateline(const Document& doc, const TimeExpression& e) {
  if (!doc.sentences.empty() && e.sentence < doc.sentences.size() &&
      doc.sentences[e.sentence].headline) {
    return true;
  }
  const std::string_view text = doc.text;
  size_t before = e.span.begin;
  while (before > 0 &&
         (text[before - 1] == ' ' || text[before - 1] == ':' || text[before - 1] == ',')) {
    --before;
  }
  size_t wordStart = before;
  while (wordStart > 0 && std::isalpha(static_cast<unsigned char>(text[wordStart - 1])) != 0) {
    --wordStart;
  }
  const std::string previous = lowerAscii(text.substr(wordStart, before - wordStart));
  if (previous == "published" || previous == "posted" || previous == "updated") {
    return true;
  }
  size_t after = e.span.end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) {
    ++after;
  }
  // Zone abbreviations after a stamp ("7:31 AM ET").
  size_t zone = after;
  while (zone < text.size() && std::isupper(static_cast<unsigned char>(text[zone])) != 0) {
    ++zone;
  }
  if (zone - after <= 4) {
    after = zone;
  }
  const bool endsLine = after >= text.size() || text[after] == '\n' || text[after] == '\r';
  if (endsLine && e.year > 0 && e.day > 0 && e.hour >= 0) {
    return true;
  }
  // A full date followed by a clock stamp ("10 Jun 2013 09:10").
  if (e.year > 0 && e.day > 0 && after < text.size() &&
      std::isdigit(static_cast<unsigned char>(text[after])) != 0) {
    return true;
  }
  // "MUMBAI, Nov 11 -": place, date, dash.
  const bool dash =
      after < text.size() && (text[after] == '-' || text.substr(after, 3) == "\u2013" ||
                              text.substr(after, 3) == "\u2014");
  size_t comma = e.span.begin;
  while (comma > 0 && text[comma - 1] == ' ') {
    --comma;
  }
  return dash && e.day > 0 && comma > 0 && text[comma - 1] == ',';
}

/// The most words after the verb of an attribution that closes a sentence (", officials
/// told reporters on Monday.").
constexpr size_t kClosingAttributionWords = 3;

// "Yesterday, the police explained that ...", "Peskov said on December 11": the time dates
// the statement, not the event it reports.
bool datesReporting(const Document& doc, const TimeExpression& e, Span sentence) {
  static const std::vector<std::string_view> kReporting = {
      "said",     "says",   "say",   "told",  "tells", "explained",
      "reported", "stated", "added", "noted", "quoted"};
  const std::string_view text = doc.text;
  // The words around it within its sentence: a reporting verb of the next sentence ("...
  // on July 6.\n\nOfficials said ...") dates nothing here.
  const uint32_t from = std::max(e.span.begin > 40 ? e.span.begin - 40 : 0U, sentence.begin);
  const uint32_t to = std::max(
      e.span.end, std::min(static_cast<uint32_t>(std::min<size_t>(text.size(), e.span.end + 40)),
                           sentence.end));
  const std::vector<Word> before = wordsOf(text, Span{from, e.span.begin});
  const std::vector<Word> after = wordsOf(text, Span{e.span.end, to});
  for (size_t k = 0; k < before.size() && k < 3; ++k) {
    const Word& w = before[before.size() - 1 - k];
    if (std::find(kReporting.begin(), kReporting.end(), lowerAscii(w.text)) != kReporting.end()) {
      return true;
    }
  }
  for (size_t k = 0; k < after.size() && k < 4; ++k) {
    if (std::find(kReporting.begin(), kReporting.end(), lowerAscii(after[k].text)) !=
        kReporting.end()) {
      // "... met in Sochi on Monday, witnesses said.": an attribution after a comma that
      // closes the sentence says who reports the event, not when they spoke.
      const bool comma = text.substr(e.span.end, after[k].span.begin - e.span.end).find(',') !=
                         std::string_view::npos;
      const bool closing =
          sentence.end >= after[k].span.end &&
          wordsOf(text, Span{after[k].span.end, sentence.end}).size() <= kClosingAttributionWords;
      return !(comma && closing);
    }
  }
  return false;
}

struct DocWork {
  std::string id;
  const DocumentFacts* facts = nullptr;
  DocumentAnchor anchor;
  std::vector<Resolution> resolutions;
  std::vector<Span> sentenceSpans; ///< per expression
  /// The content stems of each dated sentence as ids into the builder's stem table,
  /// ascending: sentence s has stemIds[stemSetBegin[s] .. stemSetBegin[s + 1]).
  std::vector<uint32_t> stemIds;
  std::vector<uint32_t> stemSetBegin;
  std::vector<uint32_t> stemSetOf; ///< per expression: its sentence
  [[nodiscard]] std::span<const uint32_t> stems(size_t expression) const {
    const uint32_t s = stemSetOf[expression];
    return {stemIds.data() + stemSetBegin[s], stemIds.data() + stemSetBegin[s + 1]};
  }
};

class Builder {
public:
  explicit Builder(const CorpusSnapshot& snapshot) : snapshot_(snapshot) {}
  /// Every document's anchor and the resolution of its dates: the part that does not read
  /// the name index.
  void resolve();
  /// The claims, links and events, from the resolutions and the names.
  std::shared_ptr<const DateIndex> finish(const NameIndex& names);

private:
  const CorpusSnapshot& snapshot_;
  std::vector<DocWork> docs_;
  std::optional<int> yearHint_;
  std::string yearHintSource_;
  /// The content stems of the dated sentences, each once, in alphabetical order: a stem's id
  /// is its index, so sets of ids sort, intersect and list in the order of the stems.
  std::vector<std::string> stemText_;
  std::vector<bool> predicateStem_; ///< by stem id: isPredicateStem
  /// By stem id, for content words (not predicate stems): the (document, expression) pairs
  /// whose sentence has it, in corpus order; the cross-document searches look only there.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> byStem_;

  [[nodiscard]] std::optional<uint32_t> stemId(std::string_view stem) const;
  void setAnchors();
  void indexStems(); // the content stems of the dated sentences, and their postings
  void resolveDocument(DocWork& doc);
  std::optional<std::pair<CivilDate, std::string>> findEvent(const DocWork& doc,
                                                             size_t expression) const;
  void inferYears();
  void buildClaims(DateIndex& index, const NameIndex& names);
  void linkClaims(DateIndex& index) const;
};

std::optional<uint32_t> Builder::stemId(std::string_view stem) const {
  const auto it = std::lower_bound(stemText_.begin(), stemText_.end(), stem);
  if (it == stemText_.end() || *it != stem) {
    return std::nullopt;
  }
  return static_cast<uint32_t>(it - stemText_.begin());
}

void Builder::setAnchors() {
  const Config* config = snapshot_.config.get();
  std::vector<std::pair<const std::string*, const DocumentFacts*>> documents;
  for (const auto& [id, facts] : snapshot_.documents) {
    if (facts) {
      documents.emplace_back(&id, facts.get());
    }
  }
  // Each document's anchor and the sentence of each expression, on every core.
  docs_.resize(documents.size());
  parallelFor(documents.size(), 64, [&](size_t d) {
    const std::string& id = *documents[d].first;
    const DocumentFacts* facts = documents[d].second;
    DocWork& work = docs_[d];
    work.id = id;
    work.facts = facts;
    if (config != nullptr) {
      auto it = config->sources.find(id);
      if (it != config->sources.end() && it->second.published && validDate(*it->second.published)) {
        work.anchor.published = it->second.published;
        work.anchor.kind = AnchorKind::Register;
        work.anchor.how = "register";
      }
    }
    if (!work.anchor.published && facts->dates.published) {
      work.anchor.published = facts->dates.published->date;
      work.anchor.kind = AnchorKind::Header;
      const std::string& label = facts->dates.published->label;
      work.anchor.how = label == "address" ? std::string("the date in the article's web address")
                                           : "header line `" + label + ":`";
    }
    if (!work.anchor.published) {
      work.anchor.how = "no publication date (none in the register, no `Date:` line)";
    }
    const auto& exprs = facts->dates.expressions;
    work.resolutions.resize(exprs.size());
    work.sentenceSpans.resize(exprs.size());
    for (size_t i = 0; i < exprs.size(); ++i) {
      work.sentenceSpans[i] = sentenceSpanOf(facts->doc, exprs[i]);
    }
  });
  // The latest year stated in full anywhere in the corpus: a weak hint for weekday-fixed years.
  for (const DocWork& doc : docs_) {
    for (const TimeExpression& e : doc.facts->dates.expressions) {
      if (e.year > 0 && e.kind != TimeKind::Duration && (!yearHint_ || e.year > *yearHint_)) {
        yearHint_ = e.year;
        yearHintSource_ = "the weekday allows it; the nearest such year to " +
                          std::to_string(e.year) + " (`" + e.text + "` in " + doc.id + ")";
      }
    }
  }
}

void Builder::indexStems() {
  // The content stems of each document's dated sentences, on every core. They are numbered
  // in the order the threads first meet them, under a lock; those numbers depend on thread
  // timing and are replaced below by the stems' alphabetical ranks.
  std::mutex tableMutex;
  std::unordered_map<const std::string*, uint32_t> firstMet; // by interned stem
  parallelFor(docs_.size(), 64, [&](size_t d) {
    DocWork& work = docs_[d];
    const DocumentFacts* facts = work.facts;
    const auto& exprs = facts->dates.expressions;
    work.stemSetOf.resize(exprs.size());
    std::vector<const std::string*> texts; // every dated sentence's stems, until numbered
    work.stemSetBegin.push_back(0);
    for (size_t i = 0; i < exprs.size(); ++i) {
      if (i > 0 && work.sentenceSpans[i] == work.sentenceSpans[i - 1]) {
        work.stemSetOf[i] = work.stemSetOf[i - 1];
        continue;
      }
      thread_local WordMemo contentStems; // a corpus repeats its words
      const size_t setBegin = texts.size();
      const std::string_view text = facts->doc.text;
      forEachWord(text, work.sentenceSpans[i], [&](Span word, char32_t) {
        // Words of time expressions ("before his departure") say when, not what happened.
        if (insideExpression(exprs, word)) {
          return;
        }
        const InternedString stem =
            contentStems.of(text.substr(word.begin, word.end - word.begin), contentStem);
        if (!stem.empty()) {
          texts.push_back(&stem.str());
        }
      });
      // Distinct by address (one interned text, one address); sorted by id below.
      std::sort(texts.begin() + static_cast<ptrdiff_t>(setBegin), texts.end());
      texts.erase(std::unique(texts.begin() + static_cast<ptrdiff_t>(setBegin), texts.end()),
                  texts.end());
      work.stemSetOf[i] = static_cast<uint32_t>(work.stemSetBegin.size() - 1);
      work.stemSetBegin.push_back(static_cast<uint32_t>(texts.size()));
    }
    work.stemSetBegin.shrink_to_fit();
    work.stemIds.reserve(texts.size());
    const std::lock_guard lock(tableMutex);
    for (const std::string* text : texts) {
      const auto [it, inserted] =
          firstMet.try_emplace(text, static_cast<uint32_t>(firstMet.size()));
      work.stemIds.push_back(it->second);
    }
  });
  // The stems in alphabetical order; each set renumbered and sorted by the new ids.
  std::vector<const std::string*> metAs(firstMet.size());
  for (const auto& [text, id] : firstMet) {
    metAs[id] = text;
  }
  std::vector<uint32_t> order(metAs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return *metAs[a] < *metAs[b]; });
  std::vector<uint32_t> rank(order.size());
  stemText_.reserve(order.size());
  predicateStem_.resize(order.size());
  for (uint32_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = k;
    stemText_.push_back(*metAs[order[k]]);
    predicateStem_[k] = isPredicateStem(stemText_.back());
  }
  decltype(metAs)().swap(metAs);
  decltype(firstMet)().swap(firstMet);
  parallelFor(docs_.size(), 64, [&](size_t d) {
    DocWork& work = docs_[d];
    for (uint32_t& id : work.stemIds) {
      id = rank[id];
    }
    for (size_t s = 0; s + 1 < work.stemSetBegin.size(); ++s) {
      std::sort(work.stemIds.begin() + work.stemSetBegin[s],
                work.stemIds.begin() + work.stemSetBegin[s + 1]);
    }
  });
  // The postings, each list reserved at its length.
  std::vector<uint32_t> postings(stemText_.size(), 0);
  for (const DocWork& work : docs_) {
    for (size_t i = 0; i < work.stemSetOf.size(); ++i) {
      for (const uint32_t stem : work.stems(i)) {
        postings[stem] += predicateStem_[stem] ? 0 : 1;
      }
    }
  }
  byStem_.resize(stemText_.size());
  for (size_t stem = 0; stem < postings.size(); ++stem) {
    byStem_[stem].reserve(postings[stem]);
  }
  for (size_t d = 0; d < docs_.size(); ++d) {
    const DocWork& work = docs_[d];
    for (size_t i = 0; i < work.stemSetOf.size(); ++i) {
      for (const uint32_t stem : work.stems(i)) {
        if (!predicateStem_[stem]) {
          byStem_[stem].emplace_back(static_cast<uint32_t>(d), static_cast<uint32_t>(i));
        }
      }
    }
  }
}

// The dated sentence an event phrase refers to ("his visit to Moscow" -> the sentence with
// "visited Moscow on November 28"): same document first, then the others.
std::optional<std::pair<CivilDate, std::string>> Builder::findEvent(const DocWork& doc,
                                                                    size_t expression) const {
  const TimeExpression& e = doc.facts->dates.expressions[expression];
  const std::vector<std::string> wanted = phraseStems(e.anchorPhrase);
  if (wanted.empty()) {
    return std::nullopt;
  }
  bool hasPredicate = false;
  for (const auto& w : wanted) {
    hasPredicate = hasPredicate || isPredicateStem(w);
  }
  if (!hasPredicate) {
    return std::nullopt;
  }
  // The wanted content words by id; one that no dated sentence has matches none.
  std::vector<std::optional<uint32_t>> wantedIds;
  for (const auto& w : wanted) {
    wantedIds.push_back(isPredicateStem(w) ? std::nullopt : stemId(w));
  }
  auto matches = [&](std::span<const uint32_t> stems) {
    for (size_t k = 0; k < wanted.size(); ++k) {
      bool found = false;
      if (isPredicateStem(wanted[k])) {
        // Only a predicate stem can be of the same class as one.
        found = std::any_of(stems.begin(), stems.end(), [&](uint32_t s) {
          return predicateStem_[s] && samePredicateClass(wanted[k], stemText_[s]);
        });
      } else {
        found = wantedIds[k] && std::binary_search(stems.begin(), stems.end(), *wantedIds[k]);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  };
  // Expression `i` of `d`, when it dates (to the day or finer) a sentence matching the phrase.
  auto dated = [&](const DocWork& d, size_t i,
                   bool same) -> std::optional<std::pair<CivilDate, std::string>> {
    const Resolution& r = d.resolutions[i];
    const TimeExpression& candidate = d.facts->dates.expressions[i];
    if (!r.resolved || !(r.granularity <= Granularity::Day) || candidate.quoted ||
        !matches(d.stems(i))) {
      return std::nullopt;
    }
    return std::make_pair(r.first,
                          "`" + shorten(candidate.text, 60) + "`" + (same ? "" : " in " + d.id));
  };
  auto search = [&](const DocWork& d,
                    bool same) -> std::optional<std::pair<CivilDate, std::string>> {
    for (size_t i = 0; i < d.resolutions.size(); ++i) {
      if (same && (i == expression || d.sentenceSpans[i] == doc.sentenceSpans[expression])) {
        continue;
      }
      if (auto found = dated(d, i, same)) {
        return found;
      }
    }
    return std::nullopt;
  };
  if (auto found = search(doc, true)) {
    return found;
  }
  // Another source's sentence only when the phrase says more than its verb ("his visit to
  // Moscow", not "his departure"): one word is too little to tell which event is meant.
  if (wanted.size() < 2) {
    return std::nullopt;
  }
  // Only sentences that have the phrase's rarest content word can match; they are listed in
  // corpus order, so the first match is the one a scan of every document would find.
  const std::vector<std::pair<uint32_t, uint32_t>>* postings = nullptr;
  for (size_t k = 0; k < wanted.size(); ++k) {
    if (isPredicateStem(wanted[k])) {
      continue;
    }
    if (!wantedIds[k] || byStem_[*wantedIds[k]].empty()) {
      return std::nullopt;
    }
    const auto& list = byStem_[*wantedIds[k]];
    if (postings == nullptr || list.size() < postings->size()) {
      postings = &list;
    }
  }
  if (postings == nullptr) {
    for (const DocWork& other : docs_) {
      if (other.id == doc.id) {
        continue;
      }
      if (auto found = search(other, false)) {
        return found;
      }
    }
    return std::nullopt;
  }
  for (const auto& [d, i] : *postings) {
    if (docs_[d].id != doc.id) {
      if (auto found = dated(docs_[d], i, false)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

void Builder::resolveDocument(DocWork& doc) {
  const auto& exprs = doc.facts->dates.expressions;
  // One context for the whole document: what the expressions before tell is updated in it
  // as they are resolved, and its texts are not copied again for each expression.
  ResolveContext c;
  c.anchor = doc.anchor.published;
  c.anchorSource = doc.anchor.how;
  c.year = doc.anchor.year;
  c.yearSource = doc.anchor.yearHow;
  c.yearHint = yearHint_;
  c.yearHintSource = yearHintSource_;
  std::vector<Resolution> next(exprs.size());
  for (size_t i = 0; i < exprs.size(); ++i) {
    const TimeExpression& e = exprs[i];
    c.eventDate.reset();
    c.eventText.clear();
    if (e.relation == Relation::EventOffset) {
      if (auto event = findEvent(doc, i)) {
        c.eventDate = event->first;
        c.eventText = std::move(event->second);
      }
    }
    const bool speechRelative =
        e.quoted && (e.relation == Relation::Today || e.relation == Relation::Offset ||
                     e.relation == Relation::Narrative);
    Resolution r = resolveExpression(e, c);
    if (speechRelative && r.resolved) {
      r.inference +=
          "; inside quoted speech, where it counts from when it was said, which may be earlier";
    }
    if (dayLevel(r) && e.kind != TimeKind::Duration && !e.vague && !speechRelative) {
      c.reference = r.first;
      c.referenceText = shorten(e.text, 60);
      c.referenceNarrative = e.narrativeCue || e.relation == Relation::EventOffset ||
                             (r.narrative && c.referenceNarrative);
    }
    if (r.resolved && r.granularity <= Granularity::Year && e.kind != TimeKind::Duration &&
        !speechRelative) {
      c.referenceYear = r.first.year;
      c.referenceYearText = shorten(e.text, 60);
      if (r.granularity <= Granularity::Month) {
        c.referenceMonth = r.first;
        c.referenceMonthText = c.referenceYearText;
      }
    }
    next[i] = std::move(r);
  }
  doc.resolutions = std::move(next);
  std::optional<CivilDate> latest;
  for (size_t i = 0; i < exprs.size(); ++i) {
    const Resolution& r = doc.resolutions[i];
    if (dayLevel(r) && !exprs[i].quoted && (!latest || *latest < r.first)) {
      latest = r.first;
    }
  }
  doc.anchor.latestMentioned = latest;
}

// A document with no publication date and dates stated without a year takes the year of a
// dated mention of the same month and day about the same event in another source.
void Builder::inferYears() {
  // Day-level resolutions by (month, day), in corpus order; years are set below, resolutions
  // are not, so the list stays true through the loop.
  std::unordered_map<int, std::vector<std::pair<uint32_t, uint32_t>>> byMonthDay;
  bool anyWanted = false;
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    const DocWork& doc = docs_[d];
    anyWanted = anyWanted || (!doc.anchor.published && !doc.anchor.year);
    for (uint32_t j = 0; j < doc.resolutions.size(); ++j) {
      const Resolution& r = doc.resolutions[j];
      if (r.resolved && r.granularity <= Granularity::Day) {
        byMonthDay[r.first.month * 32 + r.first.day].emplace_back(d, j);
      }
    }
  }
  if (!anyWanted) {
    return;
  }
  for (DocWork& doc : docs_) {
    if (doc.anchor.published || doc.anchor.year) {
      continue;
    }
    const auto& exprs = doc.facts->dates.expressions;
    bool done = false;
    for (size_t i = 0; i < exprs.size() && !done; ++i) {
      const TimeExpression& e = exprs[i];
      if (e.year > 0 || e.month < 0 || e.day < 0 || doc.resolutions[i].resolved) {
        continue;
      }
      const auto sameDay = byMonthDay.find(e.month * 32 + e.day);
      if (sameDay == byMonthDay.end()) {
        continue;
      }
      for (const auto& [d, j] : sameDay->second) {
        const DocWork& other = docs_[d];
        if (other.id == doc.id) {
          continue;
        }
        const auto& otherExprs = other.facts->dates.expressions;
        const Resolution& r = other.resolutions[j];
        // The same event: two or more shared content words in the two sentences.
        std::vector<uint32_t> shared;
        const std::span<const uint32_t> mine = doc.stems(i);
        const std::span<const uint32_t> theirs = other.stems(j);
        std::set_intersection(mine.begin(), mine.end(), theirs.begin(), theirs.end(),
                              std::back_inserter(shared));
        if (shared.size() < 2) {
          continue;
        }
        doc.anchor.year = r.first.year;
        std::string sharedText;
        for (size_t k = 0; k < shared.size() && k < 4; ++k) {
          sharedText += (k ? ", " : "") + stemText_[shared[k]];
        }
        doc.anchor.yearHow = "taken from `" + shorten(otherExprs[j].text, 60) + "` in " + other.id +
                             " (same day and month, shared words: " + sharedText + ")";
        done = true;
        break;
      }
    }
  }
}

std::vector<std::string> intersect(const std::vector<std::string>& a,
                                   const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void Builder::buildClaims(DateIndex& index, const NameIndex& names) {
  std::unordered_map<uint32_t, const Entity*> entityById;
  for (const Entity& entity : names.entities) {
    entityById[entity.id] = &entity;
  }
  // Every document's times first (each takes its resolution), in corpus order, filled on
  // every core; then each document's claims on every core; then the claims in corpus order,
  // numbered through, and their times pointed at them.
  std::vector<uint32_t> firstTimeOf(docs_.size());
  size_t timeCount = index.times.size();
  for (size_t docIndex = 0; docIndex < docs_.size(); ++docIndex) {
    firstTimeOf[docIndex] = static_cast<uint32_t>(timeCount);
    timeCount += docs_[docIndex].facts->dates.expressions.size();
  }
  index.times.resize(timeCount);
  parallelFor(docs_.size(), 64, [&](size_t docIndex) {
    DocWork& doc = docs_[docIndex];
    const auto& exprs = doc.facts->dates.expressions;
    const InternedString document(doc.id); // looked up once, not once per time
    for (size_t i = 0; i < exprs.size(); ++i) {
      const TimeExpression& e = exprs[i];
      ResolvedTime& t = index.times[firstTimeOf[docIndex] + i];
      t.document = document;
      t.expression = static_cast<uint32_t>(i);
      t.span = e.span;
      t.text = e.text;
      t.kind = e.kind;
      t.sentence = e.sentence;
      t.statedYear = e.year;
      t.statedMonth = e.month;
      t.statedDay = e.day;
      t.statedWeekday = e.weekday;
      t.relation = e.relation;
      t.resolution = std::move(doc.resolutions[i]);
      t.anchorInferred = t.resolution.yearInferred || (t.resolution.resolved && e.relative() &&
                                                       doc.anchor.kind == AnchorKind::None);
      {
        const std::string_view after = std::string_view(doc.facts->doc.text).substr(e.span.end);
        t.possessive = after.starts_with("'s") || after.starts_with("\u2019s");
      }
    }
    std::vector<Resolution>().swap(doc.resolutions);
  });
  std::vector<std::vector<Claim>> claimsOf(docs_.size());
  parallelFor(docs_.size(), 16, [&](size_t docIndex) {
    const DocWork& doc = docs_[docIndex];
    const auto& exprs = doc.facts->dates.expressions;
    const Document& d = doc.facts->doc;
    const uint32_t firstTime = firstTimeOf[docIndex];
    std::vector<Claim>& claims = claimsOf[docIndex];
    const auto resolutionOf = [&](size_t expression) -> const Resolution& {
      return index.times[firstTime + expression].resolution;
    };
    for (size_t i = 0; i < exprs.size(); ++i) {
      const TimeExpression& e = exprs[i];
      const auto timeIndex = static_cast<uint32_t>(firstTime + i);
      if (!dayLevel(resolutionOf(i)) || e.quoted || e.vague || e.kind == TimeKind::Duration ||
          isDateline(d, e) || datesReporting(d, e, doc.sentenceSpans[i])) {
        continue;
      }
      // One claim per sentence.
      const Span sentence = doc.sentenceSpans[i];
      if (!claims.empty() && claims.back().sentenceSpan == sentence) {
        claims.back().times.push_back(timeIndex);
        continue;
      }
      Claim claim;
      claim.document = doc.id;
      claim.sentence = e.sentence;
      claim.sentenceSpan = sentence;
      claim.sentenceText = shorten(d.slice(sentence));
      claim.times.push_back(timeIndex);
      // Participants: the engine's entities in the sentence...
      std::vector<Span> covered;
      auto lower = std::lower_bound(
          names.hits.begin(), names.hits.end(), std::make_pair(doc.id, sentence.begin),
          [](const EntityHit& h, const std::pair<std::string, uint32_t>& key) {
            if (h.location.document != key.first) {
              return h.location.document < key.first;
            }
            return h.location.span.begin < key.second;
          });
      for (auto it = lower; it != names.hits.end() && it->location.document == doc.id &&
                            it->location.span.begin < sentence.end;
           ++it) {
        covered.push_back(it->location.span);
        const std::string key = "e:" + std::to_string(it->entity);
        if (std::find(claim.participantKeys.begin(), claim.participantKeys.end(), key) ==
            claim.participantKeys.end()) {
          claim.participantKeys.push_back(key);
          claim.entities.push_back(it->entity);
          auto entity = entityById.find(it->entity);
          claim.participants.push_back(entity != entityById.end()
                                           ? entity->second->name
                                           : std::string(d.slice(it->location.span)));
        }
      }
      // ...and capitalised words the name index did not cover; lower-case content words.
      const std::vector<Word> all = wordsOf(d.text, sentence);
      std::vector<std::string> words;
      std::vector<std::pair<std::string, size_t>> lowerWords; // stem, word index
      std::string run;
      auto flush = [&]() {
        if (run.empty()) {
          return;
        }
        const std::string key = "w:" + foldDiacritics(run);
        if (std::find(claim.participantKeys.begin(), claim.participantKeys.end(), key) ==
            claim.participantKeys.end()) {
          claim.participantKeys.push_back(key);
          claim.participants.push_back(run);
        }
        run.clear();
      };
      std::vector<std::string> lows(all.size()); // each word in lower case, for both passes
      for (size_t k = 0; k < all.size(); ++k) {
        const Word& w = all[k];
        const bool inTime = insideExpression(exprs, w.span);
        lows[k] = lowerAscii(w.text);
        const std::string& low = lows[k];
        if (inTime || isCalendarWord(low)) {
          flush();
          continue;
        }
        const bool inName = std::any_of(covered.begin(), covered.end(), [&](const Span& sp) {
          return w.span.begin < sp.end && sp.begin < w.span.end;
        });
        thread_local WordMemo stems; // a corpus repeats its words
        const std::string& stem = stems.of(w.text, stemWord).str();
        if (w.cap && !w.first) {
          const bool common = snapshot_.lexicon && snapshot_.lexicon->isCommonWord(low);
          flush();
          if (!inName && !common && stem.size() >= 3 && !isStopWord(stem)) {
            run = w.text;
            flush();
          }
          continue;
        }
        flush();
        if (inName || stem.size() < 3 || isStopWord(stem) || isStopWord(low)) {
          continue;
        }
        words.push_back(stem);
        lowerWords.emplace_back(stem, k);
      }
      flush();
      // The predicate: for each time of the claim, the nearest word naming a kind of event
      // on either side (within ten words), leaving out the event a time clause counts from ("a few
      // hours before leaving", "after the early morning fire").
      std::vector<bool> anchorClause(all.size(), false);
      // "the offer to acquire", "plans to visit": what is meant to happen, not what did.
      std::vector<bool> afterTo(all.size(), false);
      for (size_t k = 0; k < all.size(); ++k) {
        const std::string& low = lows[k];
        if (low == "to" && k + 1 < all.size()) {
          afterTo[k + 1] = true;
        }
        if (low == "before" || low == "after" || low == "until" || low == "since") {
          // To the clause's end: "after the CDU and liberal FDP won state elections" counts
          // from the election, it is not the sentence's event. At most ten words, and not
          // past a comma.
          for (size_t q = k + 1; q < all.size() && q <= k + 10; ++q) {
            const std::string_view between = std::string_view(d.text).substr(
                all[q - 1].span.end, all[q].span.begin - all[q - 1].span.end);
            if (between.find(',') != std::string_view::npos ||
                between.find(';') != std::string_view::npos) {
              break;
            }
            anchorClause[q] = true;
          }
        }
      }
      std::vector<std::pair<size_t, std::string>> eventWords; // (word index, stem), in order
      for (const auto& [stem, k] : lowerWords) {
        if (!anchorClause[k] && !afterTo[k] && isPredicateStem(stem)) {
          eventWords.emplace_back(k, stem);
        }
      }
      std::vector<std::string> predicateWords;
      const auto [firstExpr, lastExpr] = expressionsIn(exprs, sentence);
      for (size_t x = firstExpr; x < lastExpr; ++x) {
        if (doc.sentenceSpans[x] != sentence || !dayLevel(resolutionOf(x))) {
          continue;
        }
        // Word positions: the first word after the expression and the last one before it.
        const auto firstAfter = static_cast<size_t>(
            std::lower_bound(all.begin(), all.end(), exprs[x].span.end,
                             [](const Word& w, uint32_t offset) { return w.span.begin < offset; }) -
            all.begin());
        const auto firstInside = static_cast<size_t>(
            std::lower_bound(all.begin(), all.end(), exprs[x].span.begin,
                             [](const Word& w, uint32_t offset) { return w.span.end <= offset; }) -
            all.begin());
        std::string stemBefore;
        std::string stemAfter;
        // Event words by position: the nearest one after the expression, then before it.
        auto next = std::lower_bound(
            eventWords.begin(), eventWords.end(), firstAfter,
            [](const std::pair<size_t, std::string>& w, size_t k) { return w.first < k; });
        if (next != eventWords.end() && next->first - firstAfter < 10) {
          stemAfter = next->second;
        }
        auto previous = std::lower_bound(
            eventWords.begin(), eventWords.end(), firstInside,
            [](const std::pair<size_t, std::string>& w, size_t k) { return w.first < k; });
        if (previous != eventWords.begin()) {
          --previous;
          if (firstInside - 1 - previous->first < 10) {
            stemBefore = previous->second;
          }
        }
        for (const std::string* stem : {&stemBefore, &stemAfter}) {
          if (!stem->empty()) {
            predicateWords.push_back(*stem);
          }
        }
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      claim.predicates = predicatesOf(predicateWords);
      claim.words = std::move(words);
      claims.push_back(std::move(claim));
    }
  });
  for (std::vector<Claim>& claims : claimsOf) {
    for (Claim& claim : claims) {
      claim.id = static_cast<uint32_t>(index.claims.size());
      for (const uint32_t t : claim.times) {
        index.times[t].claim = static_cast<int>(claim.id);
      }
      index.claims.push_back(std::move(claim));
    }
    std::vector<Claim>().swap(claims);
  }
}

void Builder::linkClaims(DateIndex& index) const {
  // Block on participant keys: only claims that share one are compared. Keys are numbered
  // in order of first use; a pair sharing several keys is judged in the first block.
  const size_t count = index.claims.size();
  std::unordered_map<std::string, uint32_t> keyIds;
  std::vector<std::vector<uint32_t>> members; // by key id: claim ids, ascending
  for (const Claim& c : index.claims) {
    for (const auto& key : c.participantKeys) {
      auto [it, inserted] = keyIds.try_emplace(key, static_cast<uint32_t>(members.size()));
      if (inserted) {
        members.emplace_back();
      }
      if (members[it->second].empty() || members[it->second].back() != c.id) {
        members[it->second].push_back(c.id);
      }
    }
  }
  std::vector<uint32_t> blocks;                     // keys held by 2 to 400 claims
  std::vector<std::vector<uint32_t>> keysOf(count); // by claim: those keys, ascending
  for (uint32_t k = 0; k < members.size(); ++k) {
    // A participant named everywhere says nothing about which event.
    if (members[k].size() >= 2 && members[k].size() <= 400) {
      blocks.push_back(k);
      for (const uint32_t c : members[k]) {
        keysOf[c].push_back(k);
      }
    }
  }
  // A pair is judged in the first block that holds both claims.
  const auto judgedHere = [&](uint32_t a, uint32_t b, uint32_t block) {
    const uint32_t* first = firstCommon(keysOf[a], keysOf[b]);
    return first != nullptr && *first == block;
  };
  // Each claim's key ids, ascending (a pair is tested on them, without comparing text); its
  // predicates sorted once, and its words without predicate stems.
  std::vector<const std::string*> keyText(members.size()); // by key id
  for (const auto& [text, id] : keyIds) {
    keyText[id] = &text;
  }
  std::vector<std::vector<uint32_t>> keyIdsOf(count);
  std::vector<std::vector<std::string>> sortedPreds(count);
  std::vector<std::vector<std::string>> plainWords(count);
  for (size_t c = 0; c < count; ++c) {
    const Claim& claim = index.claims[c];
    for (const std::string& key : claim.participantKeys) {
      keyIdsOf[c].push_back(keyIds.find(key)->second);
    }
    std::sort(keyIdsOf[c].begin(), keyIdsOf[c].end());
    sortedPreds[c] = claim.predicates;
    std::sort(sortedPreds[c].begin(), sortedPreds[c].end());
    for (const std::string& w : claim.words) {
      if (!isPredicateStem(w)) {
        plainWords[c].push_back(w);
      }
    }
  }
  // Calls f(key id) for each participant key two claims share.
  const auto forSharedKeys = [&](uint32_t ia, uint32_t ib, const auto& f) {
    const std::vector<uint32_t>& idsA = keyIdsOf[ia];
    const std::vector<uint32_t>& idsB = keyIdsOf[ib];
    for (auto x = idsA.begin(), y = idsB.begin(); x != idsA.end() && y != idsB.end();) {
      if (*x < *y) {
        ++x;
      } else if (*y < *x) {
        ++y;
      } else {
        f(*x);
        ++x;
        ++y;
      }
    }
  };
  // Judges one pair: the link when the two claims are about the same event.
  const auto judge = [&](uint32_t ia, uint32_t ib) -> std::optional<ClaimLink> {
    const Claim& a = index.claims[ia];
    const Claim& b = index.claims[ib];
    size_t p = 0;
    bool specific = false;
    forSharedKeys(ia, ib, [&](uint32_t k) {
      ++p;
      specific =
          specific || index.claims.size() < 10 || 2 * members[k].size() <= index.claims.size();
    });
    // Who takes part must largely coincide: half of the smaller cast at least, and (in a
    // corpus of some size) one shared participant not named in most of its dated sentences.
    const size_t smaller = std::min(keyIdsOf[ia].size(), keyIdsOf[ib].size());
    if (smaller == 0 || 2 * p < smaller || !specific) {
      return std::nullopt;
    }
    const std::vector<std::string> sharedPreds = intersect(sortedPreds[ia], sortedPreds[ib]);
    if (sharedPreds.empty() || p < 2) {
      return std::nullopt; // not the same kind of event, or one participant only
    }
    const std::vector<std::string> sharedWords = intersect(plainWords[ia], plainWords[ib]);
    const bool sameDocument = a.document == b.document;
    const size_t w = sharedWords.size();
    if (w < (sameDocument ? 2U : 1U) || p + w < 3) {
      return std::nullopt;
    }
    // Compare every time of one claim with every time of the other: the closest pair.
    ClaimLink link;
    link.a = ia;
    link.b = ib;
    int64_t best = -1;
    bool aligned = false;
    std::string alignedNote;
    for (const uint32_t ta : a.times) {
      for (const uint32_t tb : b.times) {
        Interval x = index.times[ta].resolution.interval;
        Interval y = index.times[tb].resolution.interval;
        // A bare weekday only says which day of the week: when the other side names a day
        // of that same weekday (or the same bare weekday) within a week, the two texts agree
        // on the day, and any difference comes from the publication dates they were counted
        // from. Compare them on the same day.
        bool shifted = false;
        {
          const ResolvedTime& u = index.times[ta];
          const ResolvedTime& v = index.times[tb];
          auto bare = [](const ResolvedTime& t) { return t.statedWeekday >= 0 && t.statedDay < 0; };
          const int64_t du = daysFromCivil(u.resolution.first);
          const int64_t dv = daysFromCivil(v.resolution.first);
          const int64_t shift = dv - du;
          const bool sameWeekday = weekdayOf(u.resolution.first) == weekdayOf(v.resolution.first);
          if (shift != 0 && sameWeekday && shift >= -7 && shift <= 7 && (bare(u) || bare(v))) {
            if (bare(u)) {
              x = Interval{x.begin + shift * 1440, x.end + shift * 1440};
            } else {
              y = Interval{y.begin - shift * 1440, y.end - shift * 1440};
            }
            shifted = true;
          }
        }
        if (index.times[ta].resolution.granularity == Granularity::Minute) {
          x = Interval{x.begin - kClockTolerance, x.end + kClockTolerance};
        }
        if (index.times[tb].resolution.granularity == Granularity::Minute) {
          y = Interval{y.begin - kClockTolerance, y.end + kClockTolerance};
        }
        const ResolvedTime& u = index.times[ta];
        const ResolvedTime& v = index.times[tb];
        // Day and month stated alike but no year on either side: the same stated day, even
        // when different weekdays led to different years. The two are compared on that day:
        // their clock times still count ("August 21 at 8:05 a.m." and "August 21 at 13:05").
        const bool sameStatedDay = u.statedYear < 0 && v.statedYear < 0 && u.statedMonth > 0 &&
                                   u.statedMonth == v.statedMonth && u.statedDay > 0 &&
                                   u.statedDay == v.statedDay && u.statedWeekday >= 0 &&
                                   v.statedWeekday >= 0;
        const int64_t statedShift =
            sameStatedDay ? daysFromCivil(v.resolution.first) - daysFromCivil(u.resolution.first)
                          : 0;
        y = Interval{y.begin - statedShift * 1440, y.end - statedShift * 1440};
        const int64_t gap = x.gap(y);
        if (best < 0 || gap < best) {
          best = gap;
          link.timeA = ta;
          link.timeB = tb;
          link.gapMinutes = gap;
          aligned = shifted || statedShift != 0;
          if (statedShift != 0) {
            alignedNote = "`" + index.times[ta].text + "` and `" + index.times[tb].text +
                          "` state the same day and month; compared on that day (their weekdays "
                          "put them in different years)";
          } else if (shifted) {
            alignedNote =
                "`" + index.times[ta].text + "` and `" + index.times[tb].text +
                "` fall on the same weekday; compared on the same day (the publication dates put "
                "them " +
                std::to_string(std::abs(daysFromCivil(index.times[tb].resolution.first) -
                                        daysFromCivil(index.times[ta].resolution.first))) +
                " days apart)";
          }
        }
      }
    }
    if (best < 0 || best > kMaxConflictMinutes) {
      return std::nullopt; // too far apart: a different occurrence of a similar event
    }
    // Touching intervals agree only across a boundary inside a day's parts ("Saturday night"
    // and "the early hours of Sunday"); two different whole days do not.
    if (best == 0) {
      const Interval& x = index.times[link.timeA].resolution.interval;
      const Interval& y = index.times[link.timeB].resolution.interval;
      const bool touching = !x.overlaps(y) && (x.end == y.begin || y.end == x.begin);
      const bool wholeDays = index.times[link.timeA].resolution.granularity >= Granularity::Day &&
                             index.times[link.timeB].resolution.granularity >= Granularity::Day;
      const bool sameStated =
          index.times[link.timeA].statedDay > 0 &&
          index.times[link.timeA].statedDay == index.times[link.timeB].statedDay;
      if (touching && wholeDays && !sameStated) {
        best = 1440;
        link.gapMinutes = 1440;
      }
    }
    link.agree = best == 0;
    if (!link.agree && (index.times[link.timeA].relation == Relation::Narrative ||
                        index.times[link.timeB].relation == Relation::Narrative)) {
      return std::nullopt; // "the previous day" depends on which date came before: not enough to
                           // disagree
    }
    if (!link.agree && (index.times[link.timeA].possessive || index.times[link.timeB].possessive)) {
      // "Monday's attack", "retaliation for last Friday's attack": a date that names which
      // event it is tells it from the others of its kind; another date is another event.
      return std::nullopt;
    }
    // Exact distances for the message (without the clock tolerance).
    if (!link.agree && aligned) {
      link.gapMinutes = best;
    } else if (!link.agree) {
      const Resolution& ra = index.times[link.timeA].resolution;
      const Resolution& rb = index.times[link.timeB].resolution;
      if (ra.granularity == Granularity::Minute && rb.granularity == Granularity::Minute) {
        link.gapMinutes = ra.interval.begin > rb.interval.begin
                              ? ra.interval.begin - rb.interval.begin
                              : rb.interval.begin - ra.interval.begin;
      } else if (ra.granularity >= Granularity::Day && rb.granularity >= Granularity::Day) {
        const int64_t days = daysFromCivil(ra.first) - daysFromCivil(rb.first);
        link.gapMinutes = (days < 0 ? -days : days) * 1440;
      } else {
        link.gapMinutes = ra.interval.gap(rb.interval);
      }
    }
    link.score = static_cast<double>(2 * p + w + 2 * sharedPreds.size());
    auto join = [](const std::vector<std::string>& items, size_t limit) {
      std::string out;
      for (size_t k = 0; k < items.size() && k < limit; ++k) {
        out += (k ? ", " : "") + items[k];
      }
      return out;
    };
    // The shared participants in the order of their keys' text.
    std::vector<const std::string*> sharedKeys;
    forSharedKeys(ia, ib, [&](uint32_t k) { sharedKeys.push_back(keyText[k]); });
    std::sort(sharedKeys.begin(), sharedKeys.end(),
              [](const std::string* x, const std::string* y) { return *x < *y; });
    std::vector<std::string> who;
    for (const std::string* key : sharedKeys) {
      auto it = std::find(a.participantKeys.begin(), a.participantKeys.end(), *key);
      who.push_back(a.participants[static_cast<size_t>(it - a.participantKeys.begin())]);
    }
    link.evidence.push_back("shared participants: " + join(who, 5));
    link.evidence.push_back("shared words: " + join(sharedWords, 6));
    link.evidence.push_back("same kind of event: " + join(sharedPreds, 3));
    if (aligned) {
      link.evidence.push_back(alignedNote);
    }
    return link;
  };
  // The blocks are judged on every core; the links are kept in the order of their pairs.
  std::vector<std::vector<ClaimLink>> found(blocks.size());
  parallelFor(blocks.size(), 4, [&](size_t n) {
    const uint32_t k = blocks[n];
    const std::vector<uint32_t>& ids = members[k];
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = i + 1; j < ids.size(); ++j) {
        if (!judgedHere(ids[i], ids[j], k)) {
          continue; // judged in an earlier block
        }
        if (std::optional<ClaimLink> link = judge(ids[i], ids[j])) {
          found[n].push_back(std::move(*link));
        }
      }
    }
  });
  for (std::vector<ClaimLink>& links : found) {
    std::move(links.begin(), links.end(), std::back_inserter(index.links));
  }
  std::sort(index.links.begin(), index.links.end(), [](const ClaimLink& x, const ClaimLink& y) {
    return std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });
}

void Builder::resolve() {
  setAnchors();
  // A document is resolved from its own expressions, except that an event offset ("two days
  // after the vote") looks for the event's date in the other documents, as resolved so far in
  // corpus order. So the documents between two with an event offset are resolved on every
  // core, and each with one alone, in its place: the same results as one document at a time.
  std::vector<uint32_t> barriers; // the documents with an event offset, in corpus order
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    const auto& exprs = docs_[d].facts->dates.expressions;
    if (std::any_of(exprs.begin(), exprs.end(),
                    [](const TimeExpression& e) { return e.relation == Relation::EventOffset; })) {
      barriers.push_back(d);
    }
  }
  // The stems of the dated sentences are read only by the search for an event's date and by
  // the year taken from another source: without an event offset or an undated document in
  // the corpus, neither runs.
  if (!barriers.empty() || std::any_of(docs_.begin(), docs_.end(),
                                       [](const DocWork& doc) { return !doc.anchor.published; })) {
    indexStems();
  }
  barriers.push_back(static_cast<uint32_t>(docs_.size()));
  for (int pass = 0; pass < kPasses; ++pass) {
    uint32_t from = 0;
    for (const uint32_t barrier : barriers) {
      parallelFor(barrier - from, 32, [&](size_t i) { resolveDocument(docs_[from + i]); });
      if (barrier < docs_.size()) {
        resolveDocument(docs_[barrier]);
      }
      from = barrier + 1;
    }
    inferYears();
  }
  // The searches of the resolution passes are done: their tables go before the claims are
  // built, the step that holds the most.
  decltype(byStem_)().swap(byStem_);
  decltype(stemText_)().swap(stemText_);
  decltype(predicateStem_)().swap(predicateStem_);
  for (DocWork& doc : docs_) {
    decltype(doc.stemIds)().swap(doc.stemIds);
    decltype(doc.stemSetBegin)().swap(doc.stemSetBegin);
    decltype(doc.stemSetOf)().swap(doc.stemSetOf);
  }
}

std::shared_ptr<const DateIndex> Builder::finish(const NameIndex& names) {
  auto index = std::make_shared<DateIndex>();
  // The documents come in id order (the snapshot's): each goes in at the end of the map,
  // without a search from its root comparing ids.
  for (const DocWork& doc : docs_) {
    index->anchors.emplace_hint(index->anchors.end(), doc.id, doc.anchor);
  }
  buildClaims(*index, names);
  std::vector<DocWork>().swap(docs_); // the claims hold what the links read
  linkClaims(*index);
  // Events: connected claims.
  std::vector<uint32_t> parent(index->claims.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const ClaimLink& link : index->links) {
    parent[find(link.a)] = find(link.b);
  }
  std::unordered_map<uint32_t, uint32_t> eventOfRoot;
  for (const ClaimLink& link : index->links) {
    const uint32_t root = find(link.a);
    if (!eventOfRoot.count(root)) {
      eventOfRoot[root] = static_cast<uint32_t>(index->events.size());
      Event event;
      event.id = static_cast<uint32_t>(index->events.size());
      index->events.push_back(event);
    }
  }
  for (Claim& claim : index->claims) {
    auto it = eventOfRoot.find(find(claim.id));
    if (it != eventOfRoot.end()) {
      claim.event = static_cast<int>(it->second);
      index->events[it->second].claims.push_back(claim.id);
    }
  }
  for (size_t i = 0; i < index->links.size(); ++i) {
    Event& event = index->events[eventOfRoot[find(index->links[i].a)]];
    event.links.push_back(static_cast<uint32_t>(i));
    event.conflicting = event.conflicting || !index->links[i].agree;
  }
  return index;
}

} // namespace

bool insideExpression(const std::vector<TimeExpression>& expressions, Span span) {
  auto it = std::upper_bound(
      expressions.begin(), expressions.end(), span.begin,
      [](uint32_t offset, const TimeExpression& e) { return offset < e.span.begin; });
  if (it == expressions.begin()) {
    return false;
  }
  --it;
  return span.begin >= it->span.begin && span.end <= it->span.end;
}

struct DateResolution::State {
  explicit State(const CorpusSnapshot& snapshot) : builder(snapshot) {}
  Builder builder;
};

DateResolution::DateResolution(const CorpusSnapshot& snapshot)
    : state_(std::make_unique<State>(snapshot)) {
  state_->builder.resolve();
}

DateResolution::~DateResolution() = default;

std::shared_ptr<const DateIndex> DateResolution::finish(const NameIndex& names) && {
  std::shared_ptr<const DateIndex> index = state_->builder.finish(names);
  state_.reset();
  return index;
}

std::shared_ptr<const DateIndex> analyzeDates(const CorpusSnapshot& snapshot,
                                              const NameIndex& names) {
  return DateResolution(snapshot).finish(names);
}

const ResolvedTime* DateIndex::timeAt(std::string_view document, uint32_t offset) const {
  auto it =
      std::lower_bound(times.begin(), times.end(), document,
                       [](const ResolvedTime& t, std::string_view d) { return t.document < d; });
  for (; it != times.end() && it->document == document; ++it) {
    if (it->span.begin <= offset && offset < it->span.end) {
      return &*it;
    }
    if (it->span.begin > offset) {
      break;
    }
  }
  return nullptr;
}

std::vector<const ResolvedTime*> DateIndex::timesIn(std::string_view document) const {
  std::vector<const ResolvedTime*> out;
  auto it =
      std::lower_bound(times.begin(), times.end(), document,
                       [](const ResolvedTime& t, std::string_view d) { return t.document < d; });
  for (; it != times.end() && it->document == document; ++it) {
    out.push_back(&*it);
  }
  return out;
}

const Claim* DateIndex::claimAt(std::string_view document, uint32_t offset) const {
  for (const Claim& c : claims) {
    if (c.document == document && c.sentenceSpan.begin <= offset && offset < c.sentenceSpan.end) {
      return &c;
    }
  }
  return nullptr;
}

std::vector<const ClaimLink*> DateIndex::linksOf(uint32_t claim) const {
  std::vector<const ClaimLink*> out;
  for (const ClaimLink& link : links) {
    if (link.a == claim || link.b == claim) {
      out.push_back(&link);
    }
  }
  return out;
}

std::vector<const Claim*> DateIndex::sameEvent(std::string_view document, uint32_t offset) const {
  std::vector<const Claim*> out;
  const Claim* claim = claimAt(document, offset);
  if (claim == nullptr || claim->event < 0) {
    return out;
  }
  for (const uint32_t id : events[static_cast<size_t>(claim->event)].claims) {
    if (id != claim->id) {
      out.push_back(&claims[id]);
    }
  }
  return out;
}

const DocumentAnchor* DateIndex::anchorOf(std::string_view document) const {
  auto it = anchors.find(document);
  return it == anchors.end() ? nullptr : &it->second;
}

std::string inlayHint(const ResolvedTime& time) {
  const Resolution& r = time.resolution;
  if (!r.resolved || time.kind == TimeKind::Duration) {
    return {};
  }
  if (r.granularity == Granularity::Minute) {
    return describeInterval(r.interval, r.granularity);
  }
  std::string value = r.value;
  // A date stated in full needs no hint.
  if (time.text.str().find(std::to_string(r.first.year)) != std::string::npos &&
      r.granularity >= Granularity::Day) {
    return {};
  }
  return value;
}

std::string hoverText(const DateIndex& index, const ResolvedTime& time) {
  std::string out = "**`" + time.text + "`**";
  const Resolution& r = time.resolution;
  if (time.kind == TimeKind::Duration) {
    return out + " — a duration (" + r.value + "), not a date";
  }
  if (!r.resolved) {
    out += " — not resolved";
    if (!r.inference.empty()) {
      out += ": " + r.inference;
    } else if (const DocumentAnchor* anchor = index.anchorOf(time.document);
               anchor && !anchor->published) {
      out += ": " + anchor->how;
    }
    return out;
  }
  out += " = " + describeInterval(r.interval, r.granularity) + " (" +
         std::string(granularityName(r.granularity)) + ", `" + r.value + "`)";
  if (!r.inference.empty()) {
    out += "\n\n" + std::string(time.anchorInferred ? "Inferred: " : "Resolved: ") + r.inference;
  }
  if (time.claim >= 0) {
    for (const ClaimLink* link : index.linksOf(static_cast<uint32_t>(time.claim))) {
      const bool first = link->a == static_cast<uint32_t>(time.claim);
      const Claim& other = index.claims[first ? link->b : link->a];
      const ResolvedTime& otherTime = index.times[first ? link->timeB : link->timeA];
      out += "\n\n- " + std::string(link->agree ? "agrees: " : "**disagrees**: ") + other.document +
             " says `" + otherTime.text + "` = " +
             describeInterval(otherTime.resolution.interval, otherTime.resolution.granularity);
    }
  }
  return out;
}

} // namespace newslint::analysis
