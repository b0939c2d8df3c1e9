// Re-checking one edited document in milliseconds, between two full analyses.
//
// A full analysis of a large corpus takes seconds; an editor wants the findings of the
// article being typed in at once. After each full analysis, a RecheckIndex records which
// documents name which name parts, which parts are spelled alike (the blocking keys of the
// name index), and which entities the analysis found. `recheck` then rebuilds the name
// index over just the mentions that can change the edited document's entities (its own
// parts, parts spelled like them, and every form of the entities they belong to), with the
// corpus-wide counts of the full analysis; re-resolves the document's dates on their own;
// and carries over the full analysis's cross-source date findings of the document, moved
// with the edit (dropped when the edit touches them). The next full analysis replaces the
// result; it is the one that also updates the other documents the edit affects.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newslint/analysis/corpus.h"

namespace newslint::analysis {

class RecheckIndex {
public:
  /// Built from a snapshot and the full analysis of that snapshot (linear in the corpus).
  RecheckIndex(std::shared_ptr<const CorpusSnapshot> snapshot,
               std::shared_ptr<const Analysis> analysis);
  ~RecheckIndex();
  RecheckIndex(const RecheckIndex&) = delete;
  RecheckIndex& operator=(const RecheckIndex&) = delete;

  [[nodiscard]] const CorpusSnapshot& snapshot() const { return *snapshot_; }

  /// The findings of `edited` (a new version of one document, or a new document), sorted
  /// like Analysis::findings. `changed` holds the other documents that differ from the
  /// snapshot (null facts: removed). The snapshot's configuration applies.
  [[nodiscard]] std::vector<Finding>
  recheck(const std::shared_ptr<const DocumentFacts>& edited,
          const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed)
      const;

  /// Does ahead, for a document of the snapshot, what a re-check of it needs: the parts of
  /// the corpus spelled like each of its name parts, and the name index of its scope. The
  /// first edit of a document open in the editor then does not wait for them, and when it
  /// leaves the document's names as they were (most keystrokes), it reuses that index.
  void prepare(const std::shared_ptr<const DocumentFacts>& facts) const;

private:
  /// Parts of the corpus spelled like `key` (similarity at the name index's candidate
  /// threshold), without `key` itself; remembered per key.
  [[nodiscard]] std::vector<std::string> similarParts(const std::string& key,
                                                      std::string_view text) const;

  /// The name index over the part of the corpus that can change `edited`'s entities;
  /// nothing when that part holds more than `maxForms` forms (0: no limit).
  [[nodiscard]] std::optional<NameIndex>
  scopedNames(const std::shared_ptr<const DocumentFacts>& edited,
              const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>&
                  changed,
              size_t maxForms = 0) const;

  struct Tables;
  std::shared_ptr<const CorpusSnapshot> snapshot_;
  std::shared_ptr<const Analysis> analysis_;
  std::unique_ptr<const Tables> tables_;
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
