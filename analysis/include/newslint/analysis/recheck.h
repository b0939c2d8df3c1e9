// Re-checking one edited document in milliseconds, between two full analyses.
//
// A full analysis of a large corpus takes seconds; an editor wants the findings of the
// article being typed in at once. After each full analysis, a RecheckIndex records which
// documents name which name parts, which parts are spelled alike (the blocking keys of the
// name index), and which entities the analysis found. An edit that leaves the document's
// names as the analysis read them (most keystrokes) keeps the analysis's name findings and
// entity hits of the document, moved with the edit. An edit that changes names in some
// sentences (a respelling, a pasted paragraph) and leaves the others as they were keeps the
// analysis's entities of the names it did not reach, and rebuilds the name index over just
// the mentions that can change the entities of the names in those sentences (their parts,
// parts spelled like them, and every form of the entities they belong to). Any other edit
// does the same with every name of the document. Either way the index is built with the
// corpus-wide counts of the full analysis, and a pair of forms that no edited document uses
// keeps the full analysis's decision (merged, with its evidence, or not) instead of being
// judged again. Either way the document's dates are re-resolved on their own, and the full
// analysis's cross-source date findings of the document are carried over, moved with the
// edit (dropped when the edit touches them, unless it left a conflict's claim as it was).
// The next full
// analysis replaces the result; it is the one that also updates the other documents the
// edit affects.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/interned.h"

namespace newslint::analysis {

struct NameScope;
/// The mentions of the sentences an edit changed, in the version the analysis read and in the
/// edited one (recheck.cpp).
struct NameEdit;

/// The merged pairs of forms re-checks have taken from the analysis, and the pairs of forms
/// they judged, since the process started; and the forms of crowded partner parts their
/// scopes gathered and left out (for tests and benchmarks).
struct ScopePairCounts {
  std::atomic<uint64_t> taken{0};
  std::atomic<uint64_t> judged{0};
  std::atomic<uint64_t> crowdedKept{0};
  std::atomic<uint64_t> crowdedLeftOut{0};
};
ScopePairCounts& scopePairCounts();

class RecheckIndex {
public:
  /// Built from a snapshot and the full analysis of that snapshot (linear in the corpus).
  RecheckIndex(std::shared_ptr<const CorpusSnapshot> snapshot,
               std::shared_ptr<const Analysis> analysis);
  /// For a newer analysis: shares the tables of `previous`, which stay those of its base
  /// snapshot (re-checks pass the documents that differ from the base as `changed`), and
  /// takes the entities and findings of `analysis` (linear in its entities, not the corpus).
  /// Neither constructor keeps `analysis`: what a re-check needs of it is copied.
  /// Use it when servesSnapshot(*snapshot) holds.
  RecheckIndex(const RecheckIndex& previous, std::shared_ptr<const CorpusSnapshot> snapshot,
               std::shared_ptr<const Analysis> analysis);
  ~RecheckIndex();
  RecheckIndex(const RecheckIndex&) = delete;
  RecheckIndex& operator=(const RecheckIndex&) = delete;

  /// The snapshot of the analysis: its configuration, lexicon and documents.
  [[nodiscard]] const CorpusSnapshot& snapshot() const { return *snapshot_; }
  /// The snapshot whose documents the tables hold: the documents that differ from it are
  /// the `changed` of a re-check. The same as snapshot() unless the tables were shared.
  [[nodiscard]] const CorpusSnapshot& base() const;
  /// True when the tables still serve a re-analysis of `newer`: the same lexicon, and at
  /// most kSharedTablesMaxChanged documents differing from the base (each differing document
  /// is compared whole by a re-check that cannot reuse its last name index).
  [[nodiscard]] bool servesSnapshot(const CorpusSnapshot& newer) const;
  /// The documents of the snapshot that differ from the base (null facts: not in the
  /// snapshot); what a re-check passes as `changed` when nothing changed since the snapshot.
  [[nodiscard]] const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>&
  analysisChanged() const {
    return analysisChanged_;
  }
  static constexpr size_t kSharedTablesMaxChanged = 8;

  /// How a re-check found the names of the edited document.
  enum class NamesFrom {
    Analysis,         ///< the analysis's, moved with the edit (the names are as it read them)
    AnalysisAndScope, ///< the analysis's for the sentences the edit left, a scope for the rest
    LastRecheck,      ///< the name index of the document's last re-check, moved with the edit
    Scope,            ///< a name index over the scope of every name of the document
  };

  /// The findings of `edited` (a new version of one document, or a new document), sorted
  /// like Analysis::findings. `changed` holds the other documents that differ from the
  /// snapshot (null facts: removed). The snapshot's configuration applies. `from`, when
  /// given, receives how the names were found.
  [[nodiscard]] std::vector<Finding>
  recheck(const std::shared_ptr<const DocumentFacts>& edited,
          const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
          NamesFrom* from = nullptr) const;

  /// True when a re-check of `edited` keeps the analysis's names of the document: every
  /// other document is as the analysis read it, and `edited` has the same names (what the
  /// name index reads of a document) and the same suppressions on the same lines as the
  /// analysis's version of it. Its name findings are then those of the analysis, moved
  /// with the edit (unless the edit moved a place of them out of step: see recheck).
  [[nodiscard]] bool
  keepsAnalysisNames(const DocumentFacts& edited,
                     const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>&
                         changed) const;

  /// Does ahead, for a document of the snapshot, what a re-check of an edit to its names
  /// needs: the parts of the corpus spelled like each of its name parts. The first such
  /// edit of a document open in the editor then does not wait for them.
  void prepare(const std::shared_ptr<const DocumentFacts>& facts) const;

private:
  /// Parts of the corpus spelled like `key` (similarity at the name index's candidate
  /// threshold), without `key` itself; remembered per key.
  [[nodiscard]] std::vector<std::string> similarParts(const std::string& key,
                                                      std::string_view text) const;

  /// The name index over the part of the corpus that can change the entities of `seeds`
  /// (mentions of `edited`, or of the analysis's version of it, with that document): every
  /// mention of `edited` when null. `scope` receives the scope's parts and forms.
  [[nodiscard]] NameIndex scopedNames(
      const std::shared_ptr<const DocumentFacts>& edited,
      const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
      const NameEdit* seeds = nullptr, NameScope* scope = nullptr) const;

  /// Adds to `forms` (form ids of the tables) the forms of the `crowded` partner parts (key
  /// ids) that a full analysis could compare with the scope's, and every form of the
  /// analysis's entities among them (`addEntityForms(from)` adds those of forms[from..]).
  void crowdedForms(
      const std::vector<uint32_t>& crowded, const std::vector<std::string_view>& nearParts,
      const DocumentFacts& edited,
      const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
      std::vector<uint32_t>& forms, const std::function<void(size_t)>& addEntityForms) const;

  /// The analysis's names of the document, moved from `before` to the text of `edited`: its
  /// entity hits (with their entities' names, what the dates read) and its name findings;
  /// with `keeps`, only those at the places it keeps (it returns nothing for a place in no
  /// mention). Nothing when the edit touched a kept place, or `keeps` knew one not.
  struct KeptNames {
    std::shared_ptr<NameIndex> names;
    std::vector<Finding> findings;
  };
  [[nodiscard]] std::optional<KeptNames>
  keptNames(const DocumentFacts& before, const DocumentFacts& edited,
            const std::function<std::optional<bool>(Span)>& keeps = {}) const;
  /// For an edit that changed the names of some sentences of `id` and left the others as the
  /// analysis read them: the analysis's names of the mentions out of the scope of the changed
  /// ones, moved with the edit, beside a name index over that scope. Nothing when the edit is
  /// not of that kind, or touched a place of a kept finding.
  [[nodiscard]] std::optional<KeptNames>
  partialNames(const DocumentFacts& before, const std::shared_ptr<const DocumentFacts>& edited,
               const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>&
                   changed) const;
  /// Every document but `id` is as the analysis read it.
  [[nodiscard]] bool
  othersAsAnalysed(std::string_view id,
                   const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>&
                       changed) const;

  struct Tables;
  std::shared_ptr<const CorpusSnapshot> snapshot_;
  std::shared_ptr<const Tables> tables_; ///< of the base snapshot; shared by later indexes
  // What a re-check reads of the full analysis, copied so that the analysis itself can be
  // freed once the corpus changes (the server serves nothing from it after that).
  /// The forms (spelling keys) of each entity of the analysis.
  std::vector<std::vector<InternedString>> entityForms_;
  /// By the tables' form ids: the entity (index into entityForms_) of each form (kNoEntity
  /// if none), and the forms of each entity the tables hold.
  static constexpr uint32_t kNoEntity = UINT32_MAX;
  std::vector<uint32_t> entityOfTableForm_;
  std::vector<std::vector<uint32_t>> entityTableForms_;
  /// The part keys of each entity's forms, each once (views of the interned form keys).
  std::vector<std::vector<std::string_view>> entityParts_;
  /// A cross-source date finding of the analysis, with what a conflict rests on in its own
  /// document: the claim of its sentence (participants, words, predicates and times, as
  /// `claimSignature` writes them; empty for other findings and when the sentence made none).
  struct DatedFinding {
    Finding finding;
    std::string claim;
  };
  /// The analysis's cross-source date findings, by document.
  std::map<std::string, std::vector<DatedFinding>, std::less<>> crossSourceDates_;
  /// The pairs of spellings the analysis's name index merged.
  std::shared_ptr<const MergedPairs> merged_;
  /// The analysis's name findings, by document.
  std::map<std::string, std::vector<Finding>, std::less<>> nameFindings_;
  /// The analysis's entity hits (sorted by document, then offset), and its entities' names
  /// by id.
  std::vector<EntityHit> hits_;
  std::vector<std::string> entityNames_;
  /// The documents of the analysis's snapshot that differ from the base (null: removed).
  std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>> analysisChanged_;
  void digest(const Analysis& analysis);
  /// The name index of a document's last re-check (or of its preparation), kept for the
  /// next edit of the same document.
  struct Last {
    std::shared_ptr<const DocumentFacts> facts;
    std::vector<std::pair<std::string, const DocumentFacts*>> others; ///< the changed documents
    std::shared_ptr<const NameIndex> names;
  };
  void keep(std::shared_ptr<const Last> last) const;
  mutable std::mutex lastMutex_;
  mutable std::vector<std::shared_ptr<const Last>> last_; ///< one per document, newest last
};

/// Runs the enabled checks of `config` over a context and appends their findings (with the
/// configured severity, inline suppressions honoured) to `out`, unsorted.
struct CheckContext;
void runChecks(const CheckContext& context, const Config& config, std::vector<Finding>& out);

/// Sorts findings by document, then offset, then code (the order of Analysis::findings).
void sortFindings(std::vector<Finding>& findings);

} // namespace newslint::analysis
