// Corpus-level date reasoning: anchors (register, header line, inference), resolved time
// expressions, dated claims and the events they group into. Owned by the dates checks.
//
// For every document the anchor is the publication date from the register
// (`sources.<id>.published`), else a header line (`Date: 2024-12-14`), else none; a year for
// dates stated without one may then be inferred from a dated mention of the same event in
// another source, and the inference is recorded in words. Each sentence holding resolved
// day-level (or finer) times becomes a claim; claims of different passages that share
// participants, content words and a predicate are linked as one event, agreeing when their
// intervals overlap and conflicting when they do not.
#pragma once

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/dates.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::analysis {

enum class AnchorKind : uint8_t { None, Register, Header };

/// What a document's relative expressions were resolved against.
struct DocumentAnchor {
  std::optional<CivilDate> published;
  AnchorKind kind = AnchorKind::None;
  /// "register", "header line `Date:`", or why there is none (a few texts: interned).
  InternedString how;
  /// A year for dates stated without one, when there is no publication date.
  std::optional<int> year;
  std::string yearHow; ///< "taken from `December 8, 2024` in 003_fce50c72ea1de802.txt"
  /// The latest day the article mentions: a lower bound for its publication date.
  std::optional<CivilDate> latestMentioned;
};

/// One time expression of one document, resolved (or not) against its anchors.
struct ResolvedTime {
  // Laid out largest first, with narrow calendar fields: one is kept per time expression of
  // the corpus.
  Resolution resolution; ///< interval, granularity, value and the inference in words
  InternedString document;
  InternedString text;
  Span span;
  uint32_t expression = 0; ///< index into DocumentFacts::dates.expressions
  uint32_t sentence = 0;
  int claim = -1;          ///< index into DateIndex::claims, -1 when not part of a claim
  int16_t statedYear = -1; ///< the calendar fields as written (-1 when absent)
  int8_t statedMonth = -1;
  int8_t statedDay = -1;
  int8_t statedWeekday = -1;
  TimeKind kind = TimeKind::Date;
  Relation relation = Relation::None;
  bool anchorInferred =
      false; ///< a year or anchor came from inference, not from the text or register
  /// Written as a possessive ("Friday's attack"): the date names which event it is.
  bool possessive = false;
};

/// A sentence that dates something: its resolved times, who takes part, what happens.
struct Claim {
  uint32_t id = 0;
  std::string document;
  uint32_t sentence = 0;
  Span sentenceSpan;
  std::string sentenceText;                 ///< the sentence, shortened for display
  std::vector<uint32_t> times;              ///< indices into DateIndex::times
  std::vector<uint32_t> entities;           ///< NameIndex entity ids mentioned in the sentence
  std::vector<std::string> participants;    ///< display names (entity names or capitalised words)
  std::vector<std::string> participantKeys; ///< comparison keys: "e:<id>" or "w:<folded word>"
  std::vector<std::string> words;           ///< content-word stems
  std::vector<std::string> predicates;      ///< predicate classes ("depart", "call", "meet", ...)
  int event = -1;                           ///< index into DateIndex::events
};

/// Two claims judged to be about the same event.
struct ClaimLink {
  uint32_t a = 0; ///< claim ids, a < b
  uint32_t b = 0;
  bool agree = true;
  uint32_t timeA = 0; ///< the closest pair of times (indices into DateIndex::times)
  uint32_t timeB = 0;
  int64_t gapMinutes = 0; ///< 0 when the intervals overlap
  double score = 0;
  std::vector<std::string> evidence; ///< shared participants, words and predicate, in words
};

/// Claims about one event, across sources (connected by links).
struct Event {
  uint32_t id = 0;
  std::vector<uint32_t> claims;
  std::vector<uint32_t> links; ///< indices into DateIndex::links
  bool conflicting = false;
};

struct DateIndex {
  std::map<std::string, DocumentAnchor, std::less<>> anchors;
  std::vector<ResolvedTime> times; ///< sorted by (document, span.begin)
  std::vector<Claim> claims;
  std::vector<ClaimLink> links;
  std::vector<Event> events;

  /// The time expression covering `offset` in `document` (hover, inlay hints).
  [[nodiscard]] const ResolvedTime* timeAt(std::string_view document, uint32_t offset) const;
  /// Every time expression of a document, in text order.
  [[nodiscard]] std::vector<const ResolvedTime*> timesIn(std::string_view document) const;
  /// The claim of the sentence holding `offset`, if that sentence dates something.
  [[nodiscard]] const Claim* claimAt(std::string_view document, uint32_t offset) const;
  /// Links of a claim (agreeing and conflicting), each with the other claim.
  [[nodiscard]] std::vector<const ClaimLink*> linksOf(uint32_t claim) const;
  /// Claims in other passages about the same event as the claim at (document, offset).
  [[nodiscard]] std::vector<const Claim*> sameEvent(std::string_view document,
                                                    uint32_t offset) const;
  [[nodiscard]] const DocumentAnchor* anchorOf(std::string_view document) const;
};

std::shared_ptr<const DateIndex> analyzeDates(const CorpusSnapshot& snapshot,
                                              const NameIndex& names);

/// analyzeDates in two steps, so that the first can run while the name index is built. The
/// constructor sets each document's anchor and resolves its dates, which does not read the
/// name index; `finish` builds the claims, their links and the events from those
/// resolutions and the names. The snapshot must outlive the object.
class DateResolution {
public:
  explicit DateResolution(const CorpusSnapshot& snapshot);
  ~DateResolution();

  /// Once only.
  [[nodiscard]] std::shared_ptr<const DateIndex> finish(const NameIndex& names) &&;

private:
  struct State;
  std::unique_ptr<State> state_;
};

// The date checks (analysis/checks/), registered in analysis/checks/registry.cpp.
struct CheckContext;
void runWeekdayMismatch(const CheckContext& context, std::vector<Finding>& out);
void runImpossibleDate(const CheckContext& context, std::vector<Finding>& out);
void runDateConflict(const CheckContext& context, std::vector<Finding>& out);

/// Inlay-hint text for a resolved relative expression ("2012-02-02", "2024-12-07 22:30"),
/// empty when the expression states its date in full or was not resolved.
std::string inlayHint(const ResolvedTime& time);
/// A short Markdown record for hover: value, granularity, anchor and inference, and what
/// other sources say about the same event.
std::string hoverText(const DateIndex& index, const ResolvedTime& time);

} // namespace newslint::analysis
