// A part of the corpus for the name index: the mentions that can change the entities of
// one edited document, with the corpus-wide statistics the full index would have used.
// Private to the engine (name_index.cpp and recheck.cpp).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/spelling.h"
#include "newslint/analysis/unicode.h"

namespace newslint::analysis {

/// The mentions of a form the name index reads for evidence: its first ones in text order.
inline constexpr size_t kMaxEvidenceMentions = 32;

/// The most forms of one name part the name index compares with another part's forms
/// (formsToCompare): "Yevgeny" with a hundred surnames is compared through 64 of them.
inline constexpr size_t kMaxFormsPerToken = 64;

/// Past kMaxFormsPerToken, the forms sharing another part with the other part's forms are
/// all compared, up to this many: a variant spelling used with 200 surnames ("Sergey X")
/// meets its "Sergei X" whatever the corpus's other "Sergei"s.
inline constexpr size_t kMaxSharedFormsPerToken = 256;

/// The name index's threshold for a candidate spelling pair.
inline constexpr double kCandidateSimilarity = 0.70;

/// Whether the name index may pair two name parts at all (acronyms aside: only the index
/// sees how a part is written). Not the same spelling; both three letters or more once
/// normalised; no dictionary word ("Organisation", "Tomorrow"); not two places (Iran/Iraq,
/// Niger/Nigeria); not a word and its derived form (Syria/Syrian, Nucell/Nucell-50); not two
/// numbered versions of one name (Karbala-7/Karbala-8).
inline bool mayPair(const SpellingKey& a, std::string_view keyA, bool placeA, bool commonA,
                    const SpellingKey& b, std::string_view keyB, bool placeB, bool commonB) {
  return a.exact != b.exact && a.normalized.size() >= 3 && b.normalized.size() >= 3 && !commonA &&
         !commonB && !(placeA && placeB) &&
         !isDerivedForm(foldDiacritics(keyA), foldDiacritics(keyB)) &&
         !isNumberedVersion(keyA, keyB);
}

/// The key of a mention's form as the name index writes it: part keys (written, then
/// inherited) joined by spaces, with "#<written parts>" when a part is inherited.
inline std::string formKeyOf(const Mention& m) {
  std::string key;
  auto add = [&](const std::string& part) {
    if (!key.empty()) {
      key.push_back(' ');
    }
    key += part;
  };
  for (const NamePart& p : m.parts) {
    add(p.key);
  }
  if (!m.inheritedKey().empty()) {
    add(m.inheritedKey());
    key += '#';
    key += std::to_string(m.parts.size());
  }
  return key;
}

/// The first names written before one surname across the corpus, as much as the name index
/// needs of them: their consonant skeletons (so that Sergei and Sergey are one first name),
/// up to kMax. A lone surname aligned with the surname of a full name needs a strong clue
/// when several first names share that surname ("Vorobiev" alone could be Margaret or Samir
/// Vorobyov); two lone surnames do when no first name is written before both (`Pohl` of
/// Hermann Pohl, `Poehl` of Otto Poehl).
struct FirstNames {
  static constexpr size_t kMax = 8;
  std::vector<std::string> skeletons; ///< sorted, distinct; empty: the key ends no full name
  bool overflow = false;              ///< more than kMax: only "several" is known

  void add(std::string_view skeleton) {
    if (overflow) {
      return;
    }
    const auto at = std::lower_bound(skeletons.begin(), skeletons.end(), skeleton);
    if (at != skeletons.end() && *at == skeleton) {
      return;
    }
    if (skeletons.size() == kMax) {
      overflow = true;
      skeletons.clear();
      return;
    }
    skeletons.emplace(at, skeleton);
  }
  void add(const FirstNames& other) {
    if (other.overflow) {
      overflow = true;
      skeletons.clear();
    }
    for (const std::string& skeleton : other.skeletons) {
      add(skeleton);
    }
  }
  [[nodiscard]] bool several() const { return overflow || skeletons.size() >= 2; }
  /// Both are known and no first name is written before both.
  [[nodiscard]] bool disjoint(const FirstNames& other) const {
    if (overflow || other.overflow || skeletons.empty() || other.skeletons.empty()) {
      return false;
    }
    for (size_t x = 0, y = 0; x < skeletons.size() && y < other.skeletons.size();) {
      if (skeletons[x] == other.skeletons[y]) {
        return false;
      }
      (skeletons[x] < other.skeletons[y] ? x : y)++;
    }
    return true;
  }
};

/// A mention of two parts or more (an inherited surname counts): its first part's key and
/// its surname's key. Empty views for any other mention.
inline std::pair<std::string_view, std::string_view> firstAndSurname(const Mention& m) {
  if (!m.inheritedKey().empty()) {
    return {m.parts.front().key.view(), m.inheritedKey().view()};
  }
  if (m.parts.size() >= 2) {
    return {m.parts.front().key.view(), m.parts.back().key.view()};
  }
  return {};
}

/// By surname key (views of the interned part keys): the first names written before it, in
/// every mention of two parts or more whose first part is neither a place nor a common
/// word. Mentions are added one at a time, within a reading of the corpus done anyway.
class SurnameFirstNames {
public:
  explicit SurnameFirstNames(const Lexicon* lexicon) : lexicon_(lexicon) {}
  void add(const Mention& m);
  [[nodiscard]] std::unordered_map<std::string_view, FirstNames> take() {
    return std::move(bySurname_);
  }

private:
  const Lexicon* lexicon_;
  std::unordered_map<std::string_view, std::string> skeletons_; // by first part key; empty: none
  std::unordered_map<std::string_view, FirstNames> bySurname_;
};

/// SurnameFirstNames of every mention of `documents`.
std::unordered_map<std::string_view, FirstNames>
surnamesFirstNames(const std::vector<const DocumentFacts*>& documents, const Lexicon* lexicon);

/// Whether a scope gathers only the forms of a crowded partner part a full analysis could
/// compare (RecheckIndex::crowdedForms; on unless a test compares the two ways).
std::atomic<bool>& limitCrowdedPartners();

/// Whether a scope takes the full analysis's decisions for pairs of forms no edited document
/// uses (on unless a test compares the two ways).
std::atomic<bool>& reuseMergedPairs();

struct NameScope {
  std::unordered_set<std::string> parts; ///< a mention with one of these part keys is in scope
  std::unordered_set<std::string> forms; ///< and so is a mention of one of these form keys
  /// Parts whose spelling pairs are judged (the others only bring evidence): the edited
  /// document's parts and the parts of the full analysis's entities in scope. (A pair of
  /// two partners from other documents was judged by the full analysis already: if it made
  /// an edge, both are in one of those entities.)
  std::unordered_set<std::string> relevant;
  /// The mentions in scope, one group per form: (document given to the builder, mention),
  /// in text order.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> groups;
  /// The full analysis's merged pairs, and the forms whose pairs it decided on text that has
  /// changed since: those some edited or changed document uses, in its new version, its
  /// old one or the one the analysis read. A pair of two other forms keeps the analysis's
  /// decision (merged, with its evidence, or not), as a full analysis of the edited corpus
  /// reads the same mentions for both: such pairs are not judged, and the merged ones among
  /// the scope's forms are taken as they are. Null: every pair is judged.
  const MergedPairs* merged = nullptr;
  std::unordered_set<std::string> changedForms;
  std::function<uint32_t(const std::string&)> frequency; ///< documents naming a part key
  std::function<bool(const std::string&)> strong;        ///< a part key some confident mention uses
  size_t documents = 0;                                  ///< documents in the whole corpus
  /// The first names written before a surname key in the whole corpus.
  std::function<FirstNames(const std::string&)> firstNames;
  /// The document whose names are wanted: the index then holds only the entities it names,
  /// its hits and its variant uses (their counts still cover the scope), and spelling
  /// records list only its mentions. Empty: every document's.
  std::string target;

  [[nodiscard]] bool includes(const Mention& m) const {
    for (const NamePart& p : m.parts) {
      if (parts.contains(p.key)) {
        return true;
      }
    }
    if (!m.inheritedKey().empty() && parts.contains(m.inheritedKey())) {
      return true;
    }
    return !forms.empty() && forms.contains(formKeyOf(m));
  }
  [[nodiscard]] bool strongKey(const std::string& key) const { return strong && strong(key); }
  [[nodiscard]] uint32_t documentFrequency(const std::string& key) const {
    return frequency ? frequency(key) : 0;
  }
  [[nodiscard]] size_t documentCount() const { return documents; }
  [[nodiscard]] FirstNames firstNamesOf(const std::string& surname) const {
    return firstNames ? firstNames(surname) : FirstNames{};
  }
};

/// The name index over `documents` (a part of the corpus), keeping only the mentions in
/// `scope` and judging how common a name is by the scope's corpus-wide counts.
NameIndex buildScopedNameIndex(std::vector<const DocumentFacts*> documents, const Config* config,
                               const Lexicon* lexicon, const NameScope& scope);

/// The name index compares every pair of forms of a candidate pair of parts when there are
/// fewer pairs than this (64), and otherwise only the pairs its index of their other parts
/// lets through (alignForms). Both give the same entities; a test sets it to compare them.
std::atomic<size_t>& alignmentIndexThreshold();

} // namespace newslint::analysis
