// The corpus: per-document facts (extracted once per text version) and the corpus-level
// analysis over a snapshot of them (entities, events, findings).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newslint/analysis/config.h"
#include "newslint/analysis/dates.h"
#include "newslint/analysis/document.h"
#include "newslint/analysis/finding.h"
#include "newslint/analysis/lexicon.h"
#include "newslint/analysis/names.h"

namespace newslint::analysis {

/// Everything extracted from one version of one document. Immutable once built. The
/// document's tokens are only read by extraction: extractFacts releases them (`doc.tokens`
/// is empty) and keeps the sentences, whose spans the checks use.
struct DocumentFacts {
  Document doc;
  std::vector<Mention> mentions;
  DateFacts dates;
};

std::shared_ptr<const DocumentFacts> extractFacts(std::string id, std::string text,
                                                  const Lexicon& lexicon);

/// A short context line for a use of a name (its span) in `doc`: up to about 60 bytes
/// either side of it, cut at spaces, within its sentence.
std::string mentionContext(const Document& doc, Span name);

/// One spelling of an entity (a full form, "Buthaina Shaaban") and where it is used.
struct SpellingRecord {
  std::string text;                   ///< as written
  std::string key;                    ///< spelling key of the form (part keys joined)
  std::vector<Location> mentions;     ///< spans of the whole name (mentionContext gives a line)
  std::vector<std::string> documents; ///< sorted, unique
};

/// One minority use of a name part: the spelling an editor would change, the spelling the
/// rest of the corpus (or the register) prefers, and the evidence that both name one entity.
struct VariantUse {
  uint32_t entity = 0;
  Location location;         ///< the differing name part
  std::string spelling;      ///< as written here ("Shabaan")
  std::string preferred;     ///< the preferred spelling of that part ("Shaaban")
  std::string form;          ///< the whole name here ("Shabaan")
  std::string preferredForm; ///< a whole name that uses the preferred spelling
  bool sameDocument = false; ///< the preferred spelling is also used in this document
  bool fromRegister = false; ///< the register makes `preferred` the house spelling
  // A spelling used across a large corpus has thousands of uses and sources, and each of
  // its uses is a VariantUse: the lists below are capped, with the full counts beside them.
  static constexpr size_t kListedDocuments = 3;  ///< preferredDocuments holds at most these
  static constexpr size_t kMaxSameSpelling = 25; ///< sameSpellingLocations is empty past these
  static constexpr size_t kMaxEvidence = 8;      ///< evidence holds at most these
  size_t spellingDocumentCount = 0;              ///< documents using `spelling`
  size_t preferredDocumentCount = 0;             ///< documents using `preferred`
  std::vector<std::string> preferredDocuments;   ///< the first of them, alphabetically
  std::vector<Location> preferredLocations;      ///< uses of the preferred spelling (capped)
  size_t sameSpellingCount = 0;                  ///< uses of `spelling` in the entity
  /// Every use of `spelling` in the entity when there are at most kMaxSameSpelling, else none.
  std::vector<Location> sameSpellingLocations;
  /// Why both name one entity: the evidence of the pairs of forms differing in these two
  /// spellings first, then of the other pairs of either; at most kMaxEvidence lines.
  std::vector<std::string> evidence;
};

/// A group of spellings judged to name one person, place or organisation.
struct Entity {
  uint32_t id = 0;
  std::string name;                      ///< the preferred full form ("Bouthaina Shaaban")
  std::vector<SpellingRecord> spellings; ///< preferred spelling first
  std::vector<std::string> evidence;     ///< why the spellings were merged
  std::string registerCanonical;         ///< the register's canonical spelling, if any
  std::vector<std::string> accepted;     ///< spellings the register accepts
  std::string registerNote;
};

struct EntityHit {
  uint32_t entity = 0;
  uint32_t spelling = 0;
  Location location;
};

/// A pair of spellings a full name index merged: the two forms (spelling keys), the part of
/// each that differs, and the evidence the index gave.
struct MergedPair {
  std::string formA;
  std::string partA;
  std::string formB;
  std::string partB;
  std::vector<std::string> evidence;
};

/// The pairs of spellings a full name index merged, with the pairs of each form. Built once
/// and shared (`byForm` views the pairs' form keys), so not copied.
struct MergedPairs {
  MergedPairs() = default;
  MergedPairs(const MergedPairs&) = delete;
  MergedPairs& operator=(const MergedPairs&) = delete;
  std::vector<MergedPair> pairs;
  std::unordered_map<std::string_view, std::vector<uint32_t>> byForm; ///< into `pairs`
};

struct NameIndex {
  std::vector<Entity> entities;
  std::vector<VariantUse> variants;
  /// Every mention of every entity's spelling, sorted by (document, offset).
  std::vector<EntityHit> hits;
  /// The full index's merged pairs (null in a re-check's index): a re-check takes these
  /// decisions for pairs of spellings no edited document uses, instead of judging them again.
  std::shared_ptr<const MergedPairs> merged;
  [[nodiscard]] std::optional<EntityHit> entityAt(std::string_view document, uint32_t offset) const;
};

/// An immutable view of the corpus at one moment: cheap to copy, safe to share across threads.
struct CorpusSnapshot {
  std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>> documents;
  std::shared_ptr<const Config> config;
  std::shared_ptr<const Lexicon> lexicon;
};

NameIndex buildNameIndex(const CorpusSnapshot& snapshot);

struct DateIndex; // timeline.h

/// Time taken by one step: wall seconds, and CPU seconds of the whole process (all threads).
struct StepTime {
  double wall = 0;
  double cpu = 0;
};

/// The time of each step of one analysis (`newslint check --timings`).
struct AnalysisTimings {
  /// buildNameIndex; the resolution of the dates (DateResolution) runs beside it, and its
  /// CPU time counts here
  StepTime names;
  StepTime dates;  ///< the rest of analyzeDates: what the resolution had left, the claims
  StepTime checks; ///< the checks and the sort of their findings
};

/// A start time; `elapsed()` gives the time since.
struct Stopwatch {
  double wall = 0;
  double cpu = 0;
  static Stopwatch now();
  [[nodiscard]] StepTime elapsed() const;
};

struct Analysis {
  NameIndex names;
  std::shared_ptr<const DateIndex> dates;
  std::vector<Finding> findings; ///< sorted by document, then offset
  AnalysisTimings timings;
  [[nodiscard]] std::span<const Finding> findingsFor(std::string_view document) const;
};

/// Runs every enabled check over the snapshot.
Analysis analyze(const CorpusSnapshot& snapshot);

/// A mutable corpus: documents added, replaced and removed; snapshots taken for analysis.
class Corpus {
public:
  explicit Corpus(std::shared_ptr<const Lexicon> lexicon = nullptr);

  void setConfig(Config config);
  [[nodiscard]] const Config& config() const { return *config_; }
  /// Replaces the text of `id` (adding it when new) and re-extracts its facts.
  void upsert(const std::string& id, std::string text);
  void put(std::shared_ptr<const DocumentFacts> facts);
  bool remove(std::string_view id);
  [[nodiscard]] const DocumentFacts* find(std::string_view id) const;
  [[nodiscard]] size_t size() const { return documents_.size(); }
  [[nodiscard]] CorpusSnapshot snapshot() const;
  [[nodiscard]] const Lexicon& lexicon() const { return *lexicon_; }
  [[nodiscard]] std::shared_ptr<const Lexicon> lexiconPtr() const { return lexicon_; }

private:
  std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>> documents_;
  std::shared_ptr<const Config> config_;
  std::shared_ptr<const Lexicon> lexicon_;
};

} // namespace newslint::analysis
