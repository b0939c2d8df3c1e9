// Re-checking one edited document against the part of the corpus that can change its
// findings (see recheck.h).
#include "newslint/analysis/recheck.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "name_scope.h"
#include "newslint/analysis/checks.h"
#include "newslint/analysis/parallel.h"
#include "newslint/analysis/spelling.h"
#include "newslint/analysis/timeline.h"
#include "newslint/analysis/unicode.h"
#include "newslint/analysis/word_table.h"
#include "sorted.h"

namespace newslint::analysis {

namespace {

/// Forms in a re-check's scope from which its name index is built on every core.
constexpr size_t kParallelScopeForms = 400;

/// Documents whose last re-check keeps its name index: those open in an editor, in practice.
constexpr size_t kKeptNameIndexes = 8;

/// A partner part used in more forms than this is crowded: a scope takes only the forms of
/// it a full analysis could compare with the scope's (RecheckIndex::crowdedForms).
constexpr size_t kCrowdedPartForms = 256;

bool isDateCheck(std::string_view code) {
  return code == "date-conflict" || code == "weekday-mismatch" || code == "impossible-date";
}

/// The checks that read the name index's variant uses.
bool isNameCheck(std::string_view code) {
  return code == "name-variant" || code == "name-variant-in-document";
}

bool crossDocument(const Finding& f) {
  return std::any_of(f.related.begin(), f.related.end(), [&](const RelatedLocation& r) {
    return r.location.document != f.primary.document;
  });
}

/// What a claim is linked to another source's on, in one string: the words of its
/// participants' names, its content words, its predicates and its times (as written and as
/// resolved). Participants count by the words of their names, as the link may see them as
/// one entity ("Mohammed Jalali") or as words ("Mohammed", "Jalali"): a spelling variant made
/// in the sentence turns the words into an entity in every source at once.
std::string claimSignature(const DateIndex& dates, const Claim& claim) {
  std::vector<std::string> who;
  for (const std::string& name : claim.participants) {
    size_t begin = 0;
    for (size_t end = 0; end <= name.size(); ++end) {
      if (end == name.size() || name[end] == ' ' || name[end] == '-') {
        if (end > begin) {
          who.push_back(foldCase(std::string_view(name).substr(begin, end - begin)));
        }
        begin = end + 1;
      }
    }
  }
  sortUnique(who);
  std::string out;
  const auto add = [&](std::string_view field) {
    out += field;
    out += '\x1f';
  };
  for (const std::vector<std::string>* list :
       {&std::as_const(who), &claim.words, &claim.predicates}) {
    for (const std::string& item : *list) {
      add(item);
    }
    out += '\x1e';
  }
  for (const uint32_t t : claim.times) {
    const ResolvedTime& time = dates.times[t];
    add(time.text);
    add(time.resolution.value);
    add(time.resolution.resolved ? "resolved" : "unresolved");
  }
  return out;
}

/// Where the text of one document changed: the common prefix and suffix of two versions.
struct EditWindow {
  uint32_t prefix = 0;    ///< bytes equal at the start
  uint32_t oldSuffix = 0; ///< offset in the old text where the equal end begins
  int64_t delta = 0;      ///< new size - old size

  EditWindow(std::string_view before, std::string_view after) {
    const size_t limit = std::min(before.size(), after.size());
    size_t p = 0;
    while (p < limit && before[p] == after[p]) {
      ++p;
    }
    size_t s = 0;
    while (s < limit - p && before[before.size() - 1 - s] == after[after.size() - 1 - s]) {
      ++s;
    }
    prefix = static_cast<uint32_t>(p);
    oldSuffix = static_cast<uint32_t>(before.size() - s);
    delta = static_cast<int64_t>(after.size()) - static_cast<int64_t>(before.size());
  }

  /// True when the edit changed the sentence of `old` that holds `span`.
  [[nodiscard]] bool touchesSentence(const Document& old, Span span) const {
    Span sentence = span;
    for (const Sentence& s : old.sentences) {
      if (s.span.begin <= span.begin && span.begin < s.span.end) {
        sentence = s.span;
        break;
      }
    }
    return !map(sentence).has_value();
  }

  /// The span in the new text, or nothing when the edit touched it.
  [[nodiscard]] std::optional<Span> map(Span span) const {
    if (span.end <= prefix) {
      return span;
    }
    if (span.begin >= oldSuffix) {
      return Span{static_cast<uint32_t>(span.begin + delta),
                  static_cast<uint32_t>(span.end + delta)};
    }
    return std::nullopt;
  }
};

/// A finding of the old text of `document`, moved to the new text; nothing when the edit
/// touched a place of it in that document.
std::optional<Finding> moveFinding(Finding f, std::string_view document, const EditWindow& edit) {
  auto move = [&](Location& location) {
    if (location.document != document) {
      return true;
    }
    const auto span = edit.map(location.span);
    if (!span) {
      return false;
    }
    location.span = *span;
    return true;
  };
  if (!move(f.primary)) {
    return std::nullopt;
  }
  for (RelatedLocation& r : f.related) {
    if (!move(r.location)) {
      return std::nullopt;
    }
  }
  for (Fix& fix : f.fixes) {
    for (TextEdit& e : fix.edits) {
      if (!move(e.location)) {
        return std::nullopt;
      }
    }
  }
  return f;
}

/// The two versions of a document silence the same checks on the same lines: the same
/// suppressions, and no line break added or removed before one of them (none, simply, in
/// the text the edit replaced or in the text it put in its place).
bool sameSuppressions(const Document& before, const Document& after) {
  if (before.suppressions.empty() && after.suppressions.empty()) {
    return true;
  }
  const auto same = [](const Suppression& a, const Suppression& b) {
    return a.line == b.line && a.codes == b.codes;
  };
  if (!std::equal(before.suppressions.begin(), before.suppressions.end(),
                  after.suppressions.begin(), after.suppressions.end(), same)) {
    return false;
  }
  const EditWindow edit(before.text, after.text);
  const auto newSuffix = static_cast<size_t>(static_cast<int64_t>(edit.oldSuffix) + edit.delta);
  const std::string_view removed =
      std::string_view(before.text).substr(edit.prefix, edit.oldSuffix - edit.prefix);
  const std::string_view added =
      std::string_view(after.text).substr(edit.prefix, newSuffix - edit.prefix);
  return removed.find('\n') == std::string_view::npos && added.find('\n') == std::string_view::npos;
}

/// Two mentions (of `a` and of `b`) name the same name with the same context, in sentences
/// whose numbers differ by `shift`: what the name index reads of a mention. With
/// `sameListIds` false, only whether each stands in an enumeration is compared (the index
/// compares the ids of one document with each other, not with another's).
bool sameMention(const Mention& x, const Document& a, const Mention& y, const Document& b,
                 int64_t shift = 0, bool sameListIds = true) {
  if (x.parts.size() != y.parts.size() || x.inheritedKey() != y.inheritedKey() ||
      static_cast<int64_t>(x.sentence) + shift != static_cast<int64_t>(y.sentence) ||
      x.weak != y.weak || x.possessive != y.possessive || x.title() != y.title() ||
      x.role() != y.role() || x.roleOf() != y.roleOf() || x.age != y.age ||
      (sameListIds ? x.list != y.list : (x.list < 0) != (y.list < 0))) {
    return false;
  }
  for (size_t k = 0; k < x.parts.size(); ++k) {
    if (!(x.parts[k].key == y.parts[k].key) || x.parts[k].text(a) != y.parts[k].text(b)) {
      return false;
    }
  }
  return true;
}

/// The two versions of a document name the same names in the same sentences, with the
/// same context (what the name index reads of a document).
bool sameNames(const DocumentFacts& a, const DocumentFacts& b) {
  if (a.mentions.size() != b.mentions.size()) {
    return false;
  }
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    if (!sameMention(a.mentions[i], a.doc, b.mentions[i], b.doc)) {
      return false;
    }
  }
  return true;
}

/// The part keys of a form key (views into it), an inherited one included: the key without
/// its count of written parts.
std::vector<std::string_view> partsOfFormKey(std::string_view key) {
  key = key.substr(0, key.find('#'));
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t space = key.find(' ', start);
    const size_t end = space == std::string_view::npos ? key.size() : space;
    if (end > start) {
      parts.emplace_back(key.substr(start, end - start));
    }
    if (space == std::string_view::npos) {
      break;
    }
    start = space + 1;
  }
  return parts;
}

/// A name index with every place in `document` moved with an edit; null when the edit
/// touched one of them.
std::shared_ptr<const NameIndex> movedNames(const NameIndex& names, std::string_view document,
                                            std::string_view before, std::string_view after) {
  const EditWindow edit(before, after);
  auto out = std::make_shared<NameIndex>(names);
  bool ok = true;
  auto move = [&](Location& location) {
    if (location.document != document) {
      return;
    }
    if (const auto span = edit.map(location.span)) {
      location.span = *span;
    } else {
      ok = false;
    }
  };
  for (Entity& entity : out->entities) {
    for (SpellingRecord& spelling : entity.spellings) {
      for (Location& location : spelling.mentions) {
        move(location);
      }
    }
  }
  for (VariantUse& use : out->variants) {
    move(use.location);
    for (Location& location : use.preferredLocations) {
      move(location);
    }
    for (Location& location : use.sameSpellingLocations) {
      move(location);
    }
  }
  for (EntityHit& hit : out->hits) {
    move(hit.location);
  }
  return ok ? out : nullptr;
}

/// The documents of `newer` that differ from `base` (null facts: removed from `newer`), in
/// id order; stops counting past `limit`.
std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>
differing(const CorpusSnapshot& base, const CorpusSnapshot& newer, size_t limit) {
  std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>> out;
  auto b = base.documents.begin();
  auto n = newer.documents.begin();
  while ((b != base.documents.end() || n != newer.documents.end()) && out.size() <= limit) {
    if (n == newer.documents.end() || (b != base.documents.end() && b->first < n->first)) {
      out.emplace(b->first, nullptr);
      ++b;
    } else if (b == base.documents.end() || n->first < b->first) {
      out.emplace(n->first, n->second);
      ++n;
    } else {
      if (b->second != n->second) {
        out.emplace(n->first, n->second);
      }
      ++b;
      ++n;
    }
  }
  return out;
}

} // namespace

struct NameEdit {
  const DocumentFacts* before = nullptr;
  std::vector<const Mention*> changedBefore; ///< mentions of `before`'s changed sentences
  std::vector<const Mention*> changedAfter;  ///< and of `after`'s
  std::vector<bool> keptBefore;              ///< by mention of `before`: outside them
};

namespace {

/// The sentences of `doc` an edit of [begin, end) (offsets of `doc`) reaches, as the
/// numbers of the first and one past the last: those not wholly before `begin` or after
/// `end`. Empty (first == last) when the edit falls between two sentences.
std::pair<int64_t, int64_t> sentencesReached(const Document& doc, uint32_t begin, uint32_t end) {
  const auto& sentences = doc.sentences;
  const auto first = std::partition_point(sentences.begin(), sentences.end(),
                                          [&](const Sentence& s) { return s.span.end < begin; });
  const auto last = std::partition_point(first, sentences.end(),
                                         [&](const Sentence& s) { return s.span.begin <= end; });
  return {first - sentences.begin(), last - sentences.begin()};
}

/// The name index reads mentions "within three sentences of each other" as a clue.
constexpr int64_t kNearSentences = 3;

/// What an edit did to the names of a document: the mentions of the sentences it reached,
/// before and after. Nothing unless every other mention is the same in both versions (the
/// same name and context, moved with the edit, in the same sentence: counted from the start
/// before the edit and from the end after it) and no enumeration joins a kept mention to a
/// changed one. When the edit adds or removes sentences, the mentions near it count as
/// changed too: their distance to the mentions on the edit's other side changes.
std::optional<NameEdit> nameEdit(const DocumentFacts& before, const DocumentFacts& after) {
  const EditWindow edit(before.doc.text, after.doc.text);
  const auto newSuffix = static_cast<uint32_t>(static_cast<int64_t>(edit.oldSuffix) + edit.delta);
  const int64_t shift = static_cast<int64_t>(after.doc.sentences.size()) -
                        static_cast<int64_t>(before.doc.sentences.size());
  auto [beforeFirst, beforeEnd] = sentencesReached(before.doc, edit.prefix, edit.oldSuffix);
  auto [afterFirst, afterEnd] = sentencesReached(after.doc, edit.prefix, newSuffix);
  if (shift != 0) {
    // Only mentions on both sides of the edit change their distance.
    const auto anyBelow = [](const DocumentFacts& facts, int64_t first) {
      return !facts.mentions.empty() &&
             static_cast<int64_t>(facts.mentions.front().sentence) < first;
    };
    const auto anyFrom = [](const DocumentFacts& facts, int64_t end) {
      return !facts.mentions.empty() && static_cast<int64_t>(facts.mentions.back().sentence) >= end;
    };
    const bool below = anyBelow(before, beforeFirst) || anyBelow(after, afterFirst);
    if (anyFrom(before, beforeEnd) || anyFrom(after, afterEnd)) {
      beforeFirst -= kNearSentences;
      afterFirst -= kNearSentences;
    }
    if (below) {
      beforeEnd += kNearSentences;
      afterEnd += kNearSentences;
    }
  }
  const auto reached = [](int64_t first, int64_t end, const Mention& m) {
    return first <= static_cast<int64_t>(m.sentence) && static_cast<int64_t>(m.sentence) < end;
  };
  NameEdit out;
  out.before = &before;
  out.keptBefore.assign(before.mentions.size(), false);
  std::vector<const Mention*> keptBefore;
  std::vector<const Mention*> keptAfter;
  for (size_t i = 0; i < before.mentions.size(); ++i) {
    const Mention& m = before.mentions[i];
    if (reached(beforeFirst, beforeEnd, m)) {
      out.changedBefore.push_back(&m);
    } else {
      out.keptBefore[i] = true;
      keptBefore.push_back(&m);
    }
  }
  for (const Mention& m : after.mentions) {
    (reached(afterFirst, afterEnd, m) ? out.changedAfter : keptAfter).push_back(&m);
  }
  if (keptBefore.size() != keptAfter.size()) {
    return std::nullopt;
  }
  // Enumerations are numbered through the document: one put in or taken out renumbers
  // those after it. The kept mentions' must correspond one to one.
  std::unordered_map<int, int> listAfter;
  std::unordered_map<int, int> listBefore;
  for (size_t i = 0; i < keptBefore.size(); ++i) {
    const Mention& x = *keptBefore[i];
    const Mention& y = *keptAfter[i];
    if (edit.map(x.span) != std::optional<Span>(y.span) ||
        !sameMention(x, before.doc, y, after.doc, x.span.end <= edit.prefix ? 0 : shift, false)) {
      return std::nullopt;
    }
    if (x.list >= 0 && (listAfter.try_emplace(x.list, y.list).first->second != y.list ||
                        listBefore.try_emplace(y.list, x.list).first->second != x.list)) {
      return std::nullopt;
    }
  }
  // An enumeration is read whole ("Ihab and Iyad Makhlouf"): none may straddle the edit.
  const auto sharesList = [](const std::vector<const Mention*>& kept,
                             const std::vector<const Mention*>& changed) {
    return std::any_of(kept.begin(), kept.end(), [&](const Mention* k) {
      return k->list >= 0 && std::any_of(changed.begin(), changed.end(),
                                         [&](const Mention* c) { return c->list == k->list; });
    });
  };
  if (sharesList(keptBefore, out.changedBefore) || sharesList(keptAfter, out.changedAfter)) {
    return std::nullopt;
  }
  return out;
}

/// The mention of `facts` whose span holds `span`.
const Mention* mentionHolding(const DocumentFacts& facts, Span span) {
  const auto it =
      std::upper_bound(facts.mentions.begin(), facts.mentions.end(), span.begin,
                       [](uint32_t offset, const Mention& m) { return offset < m.span.begin; });
  if (it == facts.mentions.begin()) {
    return nullptr;
  }
  const Mention& m = *std::prev(it);
  return m.span.begin <= span.begin && span.end <= m.span.end ? &m : nullptr;
}

} // namespace

/// Lists of values by row, held in one array (compressed rows) instead of a vector each.
template <typename Value> struct Rows {
  std::vector<uint32_t> start; // row r is values[start[r], start[r + 1])
  std::vector<Value> values;

  /// From (row, value) pairs; each row keeps its values in the order given.
  static Rows build(size_t rows, const std::vector<std::pair<uint32_t, Value>>& pairs) {
    Rows out;
    out.start.assign(rows + 1, 0);
    for (const auto& [row, value] : pairs) {
      ++out.start[row + 1];
    }
    for (size_t r = 0; r < rows; ++r) {
      out.start[r + 1] += out.start[r];
    }
    out.values.resize(pairs.size());
    std::vector<uint32_t> next(out.start.begin(), out.start.end() - 1);
    for (const auto& [row, value] : pairs) {
      out.values[next[row]++] = value;
    }
    return out;
  }
  [[nodiscard]] std::span<const Value> operator[](size_t row) const {
    return {values.data() + start[row], values.data() + start[row + 1]};
  }
};

/// Texts kept for as long as the tables, in blocks that never move (views stay valid).
class TextStore {
public:
  std::string_view keep(std::string_view text) {
    if (text.size() > kBlock - used_) {
      blocks_.push_back(std::make_unique<char[]>(std::max(kBlock, text.size())));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::copy(text.begin(), text.end(), at);
    used_ += text.size();
    return {at, text.size()};
  }

private:
  static constexpr size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = kBlock;
};

struct RecheckIndex::Tables {
  // The maps from texts to ids are word tables (word_table.h), which keep their own copies
  // of the keys. `keys` views the interned part keys, and `formKeys` the form keys kept in
  // `texts`.
  std::shared_ptr<const CorpusSnapshot> base; // the snapshot the tables were built from
  TextStore texts;
  std::vector<const DocumentFacts*> documents; // snapshot order
  WordMap<uint32_t> documentIndex;
  // Keys (the parts of names, and inherited surnames), by id.
  WordMap<uint32_t> keyId;
  std::vector<std::string_view> keys;
  std::vector<uint32_t> documentsNaming; // documents with the key as a part of a name
  std::vector<uint8_t> strong;           // the key is a part of a confident mention
  std::vector<SpellingKey> spellings;    // of keys used as parts (empty for the others)
  // Parts by blocking key.
  WordMap<uint32_t> blockId;
  Rows<uint32_t> partsByBlock; // key ids
  // Forms (whole names, keyed as the name index keys them) and their mentions.
  WordMap<uint32_t> formId;
  std::vector<std::string_view> formKeys;
  Rows<std::pair<uint32_t, uint32_t>> formMentions; // (document, mention)
  Rows<uint32_t> formsByKey;                        // form ids
  Rows<uint32_t> keysOfForm;                        // key ids of each form's parts
  // Surname key -> the first names written before it.
  std::unordered_map<std::string_view, FirstNames> firstNames;
  // Parts spelled like a part (candidate partners), found once per part.
  mutable std::mutex similarMutex;
  mutable std::unordered_map<std::string, std::vector<std::string>> similar;

  [[nodiscard]] std::optional<uint32_t> findKey(std::string_view key) const {
    const uint32_t* id = keyId.find(key);
    return id == nullptr ? std::nullopt : std::optional<uint32_t>(*id);
  }

  /// The ids of the keys spelled like `key` (written as `spelling`) at the name index's
  /// candidate threshold, leaving out `key` and the partners the name index could never pair
  /// with it (they could not change anything); a key may come more than once.
  [[nodiscard]] std::vector<uint32_t> partners(std::string_view key, const SpellingKey& spelling,
                                               const Lexicon* lexicon) const {
    auto place = [&](std::string_view part) {
      return lexicon != nullptr && lexicon->isPlace(foldDiacritics(part));
    };
    auto common = [&](std::string_view part) {
      return lexicon != nullptr && lexicon->isCommonWord(foldDiacritics(part));
    };
    std::vector<uint32_t> out;
    const bool ownCommon = common(key);
    if (ownCommon) {
      return out;
    }
    const bool ownPlace = place(key);
    for (const std::string& block : blockingKeys(spelling)) {
      const uint32_t* id = blockId.find(block);
      if (id == nullptr) {
        continue;
      }
      for (const uint32_t other : partsByBlock[*id]) {
        const std::string_view otherKey = keys[other];
        const SpellingKey& otherSpelling = spellings[other];
        if (otherKey != key &&
            spellingSimilarity(spelling, otherSpelling) >= kCandidateSimilarity &&
            mayPair(spelling, key, ownPlace, ownCommon, otherSpelling, otherKey, place(otherKey),
                    common(otherKey))) {
          out.push_back(other);
        }
      }
    }
    return out;
  }
};

RecheckIndex::RecheckIndex(std::shared_ptr<const CorpusSnapshot> snapshot,
                           std::shared_ptr<const Analysis> analysis)
    : snapshot_(std::move(snapshot)) {
  auto tables = std::make_shared<Tables>();
  Tables& t = *tables;
  t.base = snapshot_;
  std::vector<uint32_t> lastDocument; // by key: the last document counted in documentsNaming
  auto key = [&](std::string_view text) {
    auto [id, inserted] = t.keyId.tryEmplace(text, static_cast<uint32_t>(t.keys.size()));
    if (inserted) {
      t.keys.push_back(text);
      t.documentsNaming.push_back(0);
      t.strong.push_back(0);
      t.spellings.emplace_back();
      lastDocument.push_back(UINT32_MAX);
    }
    return *id;
  };
  std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>> mentionsOfForm;
  std::vector<std::pair<uint32_t, uint32_t>> formsOfKey;
  std::vector<std::pair<uint32_t, uint32_t>> partsOfBlock;
  std::vector<uint8_t> spelled; // by key: its spelling and blocking keys are recorded
  SurnameFirstNames firstNames(snapshot_->lexicon.get());
  for (const auto& [id, facts] : snapshot_->documents) {
    const auto d = static_cast<uint32_t>(t.documents.size());
    t.documents.push_back(facts.get());
    t.documentIndex.tryEmplace(facts->doc.id, d);
    for (uint32_t i = 0; i < facts->mentions.size(); ++i) {
      const Mention& m = facts->mentions[i];
      firstNames.add(m);
      const std::string formKey = formKeyOf(m);
      const auto [form, added] =
          t.formId.tryEmplace(formKey, static_cast<uint32_t>(t.formKeys.size()));
      const uint32_t f = *form; // read now: the next addition may move the slot
      if (added) {
        t.formKeys.push_back(t.texts.keep(formKey));
        for (const NamePart& p : m.parts) {
          formsOfKey.emplace_back(key(p.key), f);
        }
        if (!m.inheritedKey().empty()) {
          formsOfKey.emplace_back(key(m.inheritedKey()), f);
        }
      }
      mentionsOfForm.emplace_back(f, std::pair{d, i});
      for (const NamePart& p : m.parts) {
        const uint32_t k = key(p.key);
        if (lastDocument[k] != d) {
          lastDocument[k] = d;
          ++t.documentsNaming[k];
        }
        if (!m.weak) {
          t.strong[k] = 1;
        }
        spelled.resize(t.keys.size(), 0);
        if (spelled[k] == 0) {
          spelled[k] = 1;
          t.spellings[k] = spellingKey(p.text(facts->doc));
          for (const std::string& block : blockingKeys(t.spellings[k])) {
            const uint32_t b =
                *t.blockId.tryEmplace(block, static_cast<uint32_t>(t.blockId.size())).first;
            partsOfBlock.emplace_back(b, k);
          }
        }
      }
    }
  }
  t.formMentions = Rows<std::pair<uint32_t, uint32_t>>::build(t.formKeys.size(), mentionsOfForm);
  t.formsByKey = Rows<uint32_t>::build(t.keys.size(), formsOfKey);
  for (auto& [k, form] : formsOfKey) {
    std::swap(k, form);
  }
  t.keysOfForm = Rows<uint32_t>::build(t.formKeys.size(), formsOfKey);
  t.partsByBlock = Rows<uint32_t>::build(t.blockId.size(), partsOfBlock);
  t.firstNames = firstNames.take();
  tables_ = std::move(tables);
  digest(*analysis);
}

RecheckIndex::RecheckIndex(const RecheckIndex& previous,
                           std::shared_ptr<const CorpusSnapshot> snapshot,
                           std::shared_ptr<const Analysis> analysis)
    : snapshot_(std::move(snapshot)), tables_(previous.tables_) {
  digest(*analysis);
}

RecheckIndex::~RecheckIndex() = default;

void RecheckIndex::digest(const Analysis& analysis) {
  entityForms_.reserve(analysis.names.entities.size());
  for (const Entity& entity : analysis.names.entities) {
    std::vector<InternedString> forms;
    forms.reserve(entity.spellings.size());
    for (const SpellingRecord& spelling : entity.spellings) {
      forms.emplace_back(spelling.key);
    }
    entityForms_.push_back(std::move(forms));
  }
  const Tables& t = *tables_;
  entityOfTableForm_.assign(t.formKeys.size(), kNoEntity);
  entityTableForms_.resize(entityForms_.size());
  entityParts_.resize(entityForms_.size());
  for (uint32_t e = 0; e < entityForms_.size(); ++e) {
    auto& parts = entityParts_[e];
    for (const InternedString& form : entityForms_[e]) {
      const std::vector<std::string_view> of = partsOfFormKey(form.view());
      parts.insert(parts.end(), of.begin(), of.end());
      if (const uint32_t* f = t.formId.find(form.view())) {
        entityOfTableForm_[*f] = e;
        entityTableForms_[e].push_back(*f);
      }
    }
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  }
  for (const Finding& f : analysis.findings) {
    if (isDateCheck(f.code) && crossDocument(f)) {
      crossSourceDates_[f.primary.document].push_back({f, {}});
    } else if (isNameCheck(f.code)) {
      nameFindings_[f.primary.document].push_back(f);
    }
  }
  // The claim of each conflict's sentence, in one pass over the claims.
  if (analysis.dates && !crossSourceDates_.empty()) {
    for (const Claim& claim : analysis.dates->claims) {
      const auto dated = crossSourceDates_.find(claim.document);
      if (dated == crossSourceDates_.end()) {
        continue;
      }
      for (DatedFinding& d : dated->second) {
        const uint32_t at = d.finding.primary.span.begin;
        if (d.finding.code == "date-conflict" && d.claim.empty() &&
            claim.sentenceSpan.begin <= at && at < claim.sentenceSpan.end) {
          d.claim = claimSignature(*analysis.dates, claim);
        }
      }
    }
  }
  hits_ = analysis.names.hits;
  merged_ = analysis.names.merged;
  for (const Entity& entity : analysis.names.entities) {
    if (entity.id >= entityNames_.size()) {
      entityNames_.resize(entity.id + 1);
    }
    entityNames_[entity.id] = entity.name;
  }
  analysisChanged_ = differing(base(), *snapshot_, SIZE_MAX);
}

const CorpusSnapshot& RecheckIndex::base() const {
  return *tables_->base;
}

bool RecheckIndex::servesSnapshot(const CorpusSnapshot& newer) const {
  const CorpusSnapshot& b = base();
  // The tables hold what the documents' facts say and the lexicon's judgement of their
  // parts; the configuration only enters when a re-check reads them.
  return b.lexicon == newer.lexicon &&
         differing(b, newer, kSharedTablesMaxChanged).size() <= kSharedTablesMaxChanged;
}

void RecheckIndex::prepare(const std::shared_ptr<const DocumentFacts>& facts) const {
  for (const Mention& m : facts->mentions) {
    for (const NamePart& p : m.parts) {
      (void)similarParts(p.key, p.text(facts->doc));
    }
    if (!m.inheritedKey().empty()) {
      (void)similarParts(m.inheritedKey(), m.inheritedKey());
    }
  }
}

bool RecheckIndex::keepsAnalysisNames(
    const DocumentFacts& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed) const {
  const auto before = snapshot_->documents.find(edited.doc.id);
  return before != snapshot_->documents.end() && othersAsAnalysed(edited.doc.id, changed) &&
         sameNames(*before->second, edited) && sameSuppressions(before->second->doc, edited.doc);
}

bool RecheckIndex::othersAsAnalysed(
    std::string_view id,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed) const {
  // Those changed since the base are the analysis's, and no others.
  const auto otherThanEdited = [&](const auto& map) {
    return map.size() - (map.contains(id) ? 1 : 0);
  };
  if (otherThanEdited(changed) != otherThanEdited(analysisChanged_)) {
    return false;
  }
  for (const auto& [other, facts] : changed) {
    if (other == id) {
      continue;
    }
    const auto it = analysisChanged_.find(other);
    if (it == analysisChanged_.end() || it->second != facts) {
      return false;
    }
  }
  return true;
}

std::optional<RecheckIndex::KeptNames>
RecheckIndex::keptNames(const DocumentFacts& before, const DocumentFacts& edited,
                        const std::function<std::optional<bool>(Span)>& keeps) const {
  const std::string& id = edited.doc.id;
  const EditWindow edit(before.doc.text, edited.doc.text);
  // Whether a place is kept; nothing when `keeps` cannot tell.
  const auto kept = [&](Span span) -> std::optional<bool> {
    return keeps ? keeps(span) : std::optional<bool>(true);
  };
  KeptNames out;
  if (const auto it = nameFindings_.find(id); it != nameFindings_.end()) {
    for (const Finding& f : it->second) {
      const auto keep = kept(f.primary.span);
      if (!keep) {
        return std::nullopt;
      }
      if (!*keep) {
        continue;
      }
      auto moved = moveFinding(f, id, edit);
      if (!moved) {
        return std::nullopt;
      }
      out.findings.push_back(std::move(*moved));
    }
  }
  auto names = std::make_shared<NameIndex>();
  auto hit = std::lower_bound(
      hits_.begin(), hits_.end(), std::string_view(id),
      [](const EntityHit& h, std::string_view doc) { return h.location.document < doc; });
  std::vector<uint32_t> entities;
  for (; hit != hits_.end() && hit->location.document == id; ++hit) {
    const auto keep = kept(hit->location.span);
    if (!keep) {
      return std::nullopt;
    }
    if (!*keep) {
      continue;
    }
    const auto span = edit.map(hit->location.span);
    if (!span) {
      return std::nullopt;
    }
    names->hits.push_back({hit->entity, hit->spelling, {hit->location.document, *span}});
    entities.push_back(hit->entity);
  }
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  for (const uint32_t e : entities) {
    Entity entity;
    entity.id = e;
    entity.name = e < entityNames_.size() ? entityNames_[e] : std::string();
    names->entities.push_back(std::move(entity));
  }
  out.names = std::move(names);
  return out;
}

void RecheckIndex::keep(std::shared_ptr<const Last> last) const {
  const std::lock_guard lock(lastMutex_);
  std::erase_if(last_,
                [&](const auto& kept) { return kept->facts->doc.id == last->facts->doc.id; });
  last_.push_back(std::move(last));
  if (last_.size() > kKeptNameIndexes) {
    last_.erase(last_.begin());
  }
}

std::vector<std::string> RecheckIndex::similarParts(const std::string& key,
                                                    std::string_view text) const {
  const Tables& t = *tables_;
  {
    const std::lock_guard lock(t.similarMutex);
    if (const auto it = t.similar.find(key); it != t.similar.end()) {
      return it->second;
    }
  }
  std::vector<std::string> out;
  for (const uint32_t other : t.partners(key, spellingKey(text), snapshot_->lexicon.get())) {
    out.emplace_back(t.keys[other]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  const std::lock_guard lock(t.similarMutex);
  t.similar.emplace(key, out);
  return out;
}

// The name index compares a part's forms with another part's forms through at most
// kMaxFormsPerToken of them when it has more (formsToCompare): first those sharing some
// other part with a form of the other part (all of them, up to kMaxSharedFormsPerToken),
// then the rest in the order of their first mentions. A scope that gathered every form of a
// crowded partner ("Olivia" with thousands of surnames) would make thousands of forms to
// compare a few. It takes instead:
//  - its forms used by a document that differs from the tables' version (the edited one
//    and the changed ones, in every version), whose first mentions may move;
//  - the first kMaxFormsPerToken + 2 of its other forms, in the order of their first
//    mentions: the rest of any comparison's forms are among them, there are more than
//    kMaxFormsPerToken when the corpus has, and one spare stands for the lone part, whose
//    first mention the name index may not take (a weak one, in a headline);
//  - its forms with another part used by a form in the scope, or a part or partner of the
//    edited names, or a part or partner of a part of its used forms: the only ones that
//    can share a part with a form they are compared with, or pair with a used form;
//  - when two crowded parts are partners and one is used: the first
//    kMaxSharedFormsPerToken + 2 forms of each that share a part with some form of the
//    other;
//  - every form of the analysis's entities among those (their pairs keep its decisions);
// again until no form is added, since each may bring new parts. A form left out is one no
// comparison of the full analysis would pick, and no entity in scope holds. Only its name
// parts are read, from the tables: not its mentions.
void RecheckIndex::crowdedForms(
    const std::vector<uint32_t>& crowded, const std::vector<std::string_view>& nearParts,
    const DocumentFacts& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
    std::vector<uint32_t>& forms, const std::function<void(size_t)>& addEntityForms) const {
  const Tables& t = *tables_;
  const Lexicon* lexicon = snapshot_->lexicon.get();
  std::vector<uint8_t> movable(t.formKeys.size(), 0);
  auto markMovable = [&](const DocumentFacts& facts) {
    for (const Mention& m : facts.mentions) {
      if (const uint32_t* f = t.formId.find(formKeyOf(m))) {
        movable[*f] = 1;
      }
    }
  };
  auto markVersions = [&](std::string_view id, const DocumentFacts* facts) {
    if (facts != nullptr) {
      markMovable(*facts);
    }
    if (const uint32_t* d = t.documentIndex.find(id)) {
      markMovable(*t.documents[*d]);
    }
  };
  markVersions(edited.doc.id, &edited);
  for (const auto& [other, facts] : changed) {
    markVersions(other, facts.get());
  }
  for (const auto& [other, facts] : analysisChanged_) {
    markVersions(other, facts.get());
  }
  std::vector<uint8_t> taken(t.formKeys.size(), 0);
  for (const uint32_t f : forms) {
    taken[f] = 1;
  }
  size_t closed = forms.size();                // forms[0..closed) have their entities' forms in
  std::vector<uint8_t> near(t.keys.size(), 0); // parts that can make a form comparable
  for (const std::string_view part : nearParts) {
    if (const auto k = t.findKey(part)) {
      near[*k] = 1;
    }
  }
  auto take = [&](uint32_t f) {
    if (taken[f] == 0) {
      taken[f] = 1;
      forms.push_back(f);
    }
  };
  // A crowded part some of those documents use has forms judged again: each other part of
  // those forms brings its partners (a surname variant of "Olivia Nowak" pairs with it)...
  std::vector<uint8_t> used(crowded.size(), 0);
  for (size_t c = 0; c < crowded.size(); ++c) {
    for (const uint32_t f : t.formsByKey[crowded[c]]) {
      if (movable[f] == 0) {
        continue;
      }
      used[c] = 1;
      for (const uint32_t k : t.keysOfForm[f]) {
        near[k] = 1;
        for (const uint32_t other : t.partners(t.keys[k], t.spellings[k], lexicon)) {
          near[other] = 1;
        }
      }
    }
  }
  // ... and two crowded parts of which one is used compare their forms chosen by what they
  // share with all of the other's: the first of those are taken.
  std::vector<uint8_t> shares(t.keys.size(), 0); // parts of b's forms
  for (size_t b = 0; b < crowded.size(); ++b) {
    bool filled = false;
    for (size_t a = 0; a < crowded.size(); ++a) {
      if (a == b || (used[a] == 0 && used[b] == 0)) {
        continue;
      }
      if (!filled) {
        std::fill(shares.begin(), shares.end(), 0);
        for (const uint32_t f : t.formsByKey[crowded[b]]) {
          for (const uint32_t k : t.keysOfForm[f]) {
            shares[k] = 1;
          }
        }
        filled = true;
      }
      size_t first = 0;
      for (const uint32_t f : t.formsByKey[crowded[a]]) {
        const auto parts = t.keysOfForm[f];
        if (std::any_of(parts.begin(), parts.end(),
                        [&](uint32_t k) { return k != crowded[a] && shares[k] != 0; })) {
          take(f);
          if (++first > kMaxSharedFormsPerToken + 1) {
            break;
          }
        }
      }
    }
  }
  size_t read = 0; // forms[0..read) have their parts marked near
  bool first = true;
  while (true) {
    for (; read < forms.size(); ++read) {
      for (const uint32_t k : t.keysOfForm[forms[read]]) {
        near[k] = 1;
      }
    }
    const size_t before = forms.size();
    for (const uint32_t y : crowded) {
      size_t fixed = 0;
      for (const uint32_t f : t.formsByKey[y]) {
        if (taken[f] != 0) {
          continue;
        }
        bool wanted = movable[f] != 0 || (first && fixed++ <= kMaxFormsPerToken + 1);
        for (const uint32_t k : t.keysOfForm[f]) {
          wanted = wanted || (k != y && near[k] != 0);
        }
        if (wanted) {
          take(f);
        }
      }
    }
    first = false;
    const size_t added = forms.size();
    addEntityForms(closed);
    closed = added;
    for (size_t n = added; n < forms.size(); ++n) {
      taken[forms[n]] = 1;
    }
    if (forms.size() == before) {
      break;
    }
  }
  uint64_t kept = 0;
  uint64_t all = 0;
  for (const uint32_t y : crowded) {
    for (const uint32_t f : t.formsByKey[y]) {
      kept += taken[f];
      ++all;
    }
  }
  scopePairCounts().crowdedKept += kept;
  scopePairCounts().crowdedLeftOut += all - kept;
}

NameIndex RecheckIndex::scopedNames(
    const std::shared_ptr<const DocumentFacts>& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
    const NameEdit* seeds, NameScope* scopeOut) const {
  const Tables& t = *tables_;
  const std::string& id = edited->doc.id;

  // The scope: the forms of the seeds (the edited document's mentions, or those of the
  // sentences an edit changed, in both versions), the forms that hold a part spelled like
  // one of their parts (the partners of a spelling pair), and every form of the entities
  // the full analysis made of any of them. Pairs are judged only when one side is a part of
  // a seed or of those entities; the other parts of a partner's form ("Doe" in "Jon Doe")
  // only take part in aligning it.
  std::vector<std::pair<const Mention*, const Document*>> seedMentions;
  if (seeds == nullptr) {
    for (const Mention& m : edited->mentions) {
      seedMentions.emplace_back(&m, &edited->doc);
    }
  } else {
    for (const Mention* m : seeds->changedBefore) {
      seedMentions.emplace_back(m, &seeds->before->doc);
    }
    for (const Mention* m : seeds->changedAfter) {
      seedMentions.emplace_back(m, &edited->doc);
    }
  }
  NameScope scope;
  std::unordered_set<std::string> ownParts;
  std::unordered_set<std::string> ownForms;
  std::unordered_set<std::string> paired; // own parts with a partner somewhere
  auto partnersOf = [&](const std::string& key, std::string_view text) {
    if (!ownParts.insert(key).second) {
      return;
    }
    for (const std::string& partner : similarParts(key, text)) {
      scope.parts.insert(partner);
      paired.insert(key);
    }
  };
  for (const auto& [m, doc] : seedMentions) {
    ownForms.insert(formKeyOf(*m));
    for (const NamePart& p : m->parts) {
      partnersOf(p.key, p.text(*doc));
    }
    if (!m->inheritedKey().empty()) {
      partnersOf(m->inheritedKey(), m->inheritedKey());
    }
  }
  // Parts of the documents changed since the snapshot are not in its tables: compared here.
  std::unordered_map<std::string, SpellingKey> ownSpellings;
  for (const auto& [m, doc] : seedMentions) {
    for (const NamePart& p : m->parts) {
      ownSpellings.try_emplace(p.key, spellingKey(p.text(*doc)));
    }
  }
  // Each part key once (views of interned keys); a key the tables know keeps the spelling
  // they recorded for it, as the parts of unchanged documents do.
  std::unordered_set<std::string_view> compared;
  for (const auto& [other, facts] : changed) {
    if (!facts || other == id) {
      continue;
    }
    for (const Mention& m : facts->mentions) {
      for (const NamePart& p : m.parts) {
        if (!compared.insert(p.key.view()).second || ownParts.contains(p.key) ||
            scope.parts.contains(p.key)) {
          continue;
        }
        const auto k = t.findKey(p.key);
        const bool known = k && !t.spellings[*k].exact.empty();
        const SpellingKey computed = known ? SpellingKey{} : spellingKey(p.text(facts->doc));
        const SpellingKey& spelling = known ? t.spellings[*k] : computed;
        for (const auto& [own, ownSpelling] : ownSpellings) {
          if (spellingSimilarity(ownSpelling, spelling) >= kCandidateSimilarity) {
            scope.parts.insert(p.key);
            paired.insert(own);
          }
        }
      }
    }
  }
  // An own form's uses elsewhere count only when it can pair: a part with a partner, or a
  // place in an entity of the full analysis. ("Reuter", closing 18,800 stories, has none.)
  std::vector<uint32_t> forms;
  for (const std::string& key : ownForms) {
    const uint32_t* form = t.formId.find(key);
    if (form == nullptr) {
      continue;
    }
    bool pairs = entityOfTableForm_[*form] != kNoEntity;
    for (const std::string_view part : partsOfFormKey(key)) {
      pairs = pairs || paired.contains(std::string(part));
    }
    if (pairs) {
      forms.push_back(*form);
    }
  }
  // A partner used in many forms ("Olivia" with thousands of surnames) brings only those of
  // its forms a full analysis could compare with the scope's (crowdedForms, below).
  std::vector<uint32_t> crowded; // key ids
  for (const std::string& part : scope.parts) {
    if (const auto k = t.findKey(part)) {
      const auto of = t.formsByKey[*k];
      if (of.size() > kCrowdedPartForms && limitCrowdedPartners().load()) {
        crowded.push_back(*k);
        continue;
      }
      forms.insert(forms.end(), of.begin(), of.end());
    }
  }
  scope.forms = ownForms;
  std::unordered_set<uint32_t> entities;
  // Every form of the entities the full analysis made of forms[from..].
  auto addEntityForms = [&](size_t from) {
    std::vector<uint32_t> found;
    for (size_t n = from; n < forms.size(); ++n) {
      const uint32_t e = entityOfTableForm_[forms[n]];
      if (e != kNoEntity && entities.insert(e).second) {
        found.push_back(e);
      }
    }
    for (const uint32_t e : found) {
      for (const InternedString& form : entityForms_[e]) {
        scope.forms.insert(form);
      }
      forms.insert(forms.end(), entityTableForms_[e].begin(), entityTableForms_[e].end());
    }
  };
  addEntityForms(0);
  if (!crowded.empty()) {
    std::vector<std::string_view> nearParts(ownParts.begin(), ownParts.end());
    nearParts.insert(nearParts.end(), scope.parts.begin(), scope.parts.end());
    crowdedForms(crowded, nearParts, *edited, changed, forms, addEntityForms);
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  scope.relevant = ownParts;
  for (const uint32_t e : entities) {
    for (const std::string_view part : entityParts_[e]) {
      scope.relevant.emplace(part);
    }
  }

  // The documents: those holding a mention in scope as they were, and the edited and
  // changed documents, read whole; in corpus order, as a full analysis reads them.
  std::vector<bool> holds(t.documents.size(), false);
  for (const uint32_t f : forms) {
    for (const auto& [d, i] : t.formMentions[f]) {
      holds[d] = true;
    }
  }
  std::vector<uint32_t> baseDocuments;
  for (uint32_t d = 0; d < holds.size(); ++d) {
    if (holds[d]) {
      baseDocuments.push_back(d);
    }
  }
  baseDocuments.erase(std::unique(baseDocuments.begin(), baseDocuments.end()), baseDocuments.end());
  // The snapshot's versions of the edited and changed documents are left out: those come
  // whole, in their new versions.
  std::vector<bool> replaced(t.documents.size(), false);
  if (const uint32_t* d = t.documentIndex.find(id)) {
    replaced[*d] = true;
  }
  std::vector<const DocumentFacts*> wholeDocuments{edited.get()};
  for (const auto& [other, facts] : changed) {
    if (const uint32_t* d = t.documentIndex.find(other)) {
      replaced[*d] = true;
    }
    if (facts && other != id) {
      wholeDocuments.push_back(facts.get());
    }
  }
  std::sort(wholeDocuments.begin(), wholeDocuments.end(),
            [](const DocumentFacts* a, const DocumentFacts* b) { return a->doc.id < b->doc.id; });
  // Merge the two lists (both in id order); remember where each document went. Each whole
  // document's place among the base ones is found by a binary search: comparing every base
  // document's id would read thousands of documents the scope needs nothing else of.
  std::vector<size_t> placeOfWhole(wholeDocuments.size());
  for (size_t k = 0; k < wholeDocuments.size(); ++k) {
    placeOfWhole[k] = static_cast<size_t>(
        std::lower_bound(baseDocuments.begin(), baseDocuments.end(), wholeDocuments[k]->doc.id,
                         [&](uint32_t d, const std::string& wholeId) {
                           return t.documents[d]->doc.id < wholeId;
                         }) -
        baseDocuments.begin());
  }
  std::vector<const DocumentFacts*> documents;
  documents.reserve(baseDocuments.size() + wholeDocuments.size());
  std::vector<uint32_t> basePosition(t.documents.size(), UINT32_MAX);
  std::vector<uint32_t> wholePosition(wholeDocuments.size(), 0);
  size_t w = 0;
  for (size_t b = 0; b < baseDocuments.size(); ++b) {
    const uint32_t d = baseDocuments[b];
    if (replaced[d]) {
      continue; // a whole document of the same id comes in its place
    }
    for (; w < wholeDocuments.size() && placeOfWhole[w] <= b; ++w) {
      wholePosition[w] = static_cast<uint32_t>(documents.size());
      documents.push_back(wholeDocuments[w]);
    }
    basePosition[d] = static_cast<uint32_t>(documents.size());
    documents.push_back(t.documents[d]);
  }
  for (; w < wholeDocuments.size(); ++w) {
    wholePosition[w] = static_cast<uint32_t>(documents.size());
    documents.push_back(wholeDocuments[w]);
  }
  // The mentions, one group per form.
  for (const uint32_t f : forms) {
    std::vector<std::pair<uint32_t, uint32_t>> group;
    for (const auto& [d, i] : t.formMentions[f]) {
      if (basePosition[d] != UINT32_MAX) {
        group.emplace_back(basePosition[d], i);
      }
    }
    scope.groups.push_back(std::move(group));
  }
  for (size_t k = 0; k < wholeDocuments.size(); ++k) {
    const DocumentFacts* facts = wholeDocuments[k];
    const uint32_t d = wholePosition[k];
    std::unordered_map<std::string, size_t> groupOf;
    for (uint32_t i = 0; i < facts->mentions.size(); ++i) {
      const Mention& m = facts->mentions[i];
      // With seeds, the edited document's other mentions keep the analysis's names.
      if ((seeds != nullptr || facts != edited.get()) && !scope.includes(m)) {
        continue;
      }
      auto [it, inserted] = groupOf.try_emplace(formKeyOf(m), scope.groups.size());
      if (inserted) {
        scope.groups.emplace_back();
      }
      scope.groups[it->second].emplace_back(d, i);
    }
  }

  // The corpus's size now: the base's, with the documents added and removed since.
  scope.documents = t.documents.size() + (t.documentIndex.contains(id) ? 0 : 1);
  for (const auto& [other, facts] : changed) {
    if (other == id) {
      continue;
    }
    const bool inBase = t.documentIndex.contains(other);
    if (facts && !inBase) {
      ++scope.documents;
    } else if (!facts && inBase) {
      --scope.documents;
    }
  }
  scope.frequency = [&](const std::string& key) -> uint32_t {
    const auto k = t.findKey(key);
    return k ? t.documentsNaming[*k] : 0;
  };
  std::unordered_set<std::string> changedStrong;
  for (const DocumentFacts* facts : wholeDocuments) {
    for (const Mention& m : facts->mentions) {
      if (!m.weak) {
        for (const NamePart& p : m.parts) {
          changedStrong.insert(p.key);
        }
      }
    }
  }
  scope.strong = [&](const std::string& key) {
    const auto k = t.findKey(key);
    return (k && t.strong[*k] != 0) || changedStrong.contains(key);
  };
  // As with the confident parts, the edited and changed documents' first names are added
  // to the tables' (a first name an edit removed still counts until the tables are rebuilt).
  const auto changedFirstNames = surnamesFirstNames(wholeDocuments, snapshot_->lexicon.get());
  scope.firstNames = [&](const std::string& key) {
    FirstNames names;
    if (const auto it = t.firstNames.find(key); it != t.firstNames.end()) {
      names = it->second;
    }
    if (const auto it = changedFirstNames.find(key); it != changedFirstNames.end()) {
      names.add(it->second);
    }
    return names;
  };

  // Pairs of forms whose evidence no edit can have changed keep the analysis's decisions.
  // The name index judges a pair on the first kMaxEvidenceMentions mentions of each form
  // (in text order, so in document id order). A form counts as changed when an edited or
  // changed document uses it, in its new version, its old one or the one the analysis read,
  // and that document is not past those first mentions. Past them means: after the
  // document of the form's kMaxEvidenceMentions-th confident mention in the tables, with no
  // weak mention before that one (whether a weak mention counts depends on the corpus,
  // which the edit changes). Documents before it are the same in every version, so the
  // first mentions are too.
  scope.merged = merged_.get();
  std::unordered_map<uint32_t, std::string_view> evidenceEnd; // form id -> document id
  auto pastEvidence = [&](const std::string& key, std::string_view document) {
    const uint32_t* form = t.formId.find(key);
    if (form == nullptr) {
      return false;
    }
    auto [end, inserted] = evidenceEnd.try_emplace(*form);
    if (inserted) {
      size_t confident = 0;
      for (const auto& [d, i] : t.formMentions[*form]) {
        if (t.documents[d]->mentions[i].weak) {
          break;
        }
        if (++confident == kMaxEvidenceMentions) {
          end->second = t.documents[d]->doc.id;
          break;
        }
      }
    }
    return !end->second.empty() && document > end->second;
  };
  auto changedIn = [&](const DocumentFacts& facts) {
    for (const Mention& m : facts.mentions) {
      std::string key = formKeyOf(m);
      if (!scope.changedForms.contains(key) && !pastEvidence(key, facts.doc.id)) {
        scope.changedForms.insert(std::move(key));
      }
    }
  };
  for (const DocumentFacts* facts : wholeDocuments) {
    changedIn(*facts);
  }
  for (uint32_t d = 0; d < replaced.size(); ++d) {
    if (replaced[d]) {
      changedIn(*t.documents[d]);
    }
  }
  for (const auto& [other, facts] : analysisChanged_) { // the versions the analysis read
    if (facts) {
      changedIn(*facts);
    }
  }

  // Only the edited document's names are read.
  scope.target = id;
  // A scope of many forms is worth the second core: its pairs take tens of milliseconds.
  const SerialSection threads(forms.size() < kParallelScopeForms);
  NameIndex out = buildScopedNameIndex(std::move(documents), snapshot_->config.get(),
                                       snapshot_->lexicon.get(), scope);
  if (scopeOut != nullptr) {
    scopeOut->parts = std::move(scope.parts);
    scopeOut->forms = std::move(scope.forms);
  }
  return out;
}

std::atomic<bool>& limitCrowdedPartners() {
  static std::atomic<bool> on{true};
  return on;
}

std::optional<RecheckIndex::KeptNames> RecheckIndex::partialNames(
    const DocumentFacts& before, const std::shared_ptr<const DocumentFacts>& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed) const {
  const std::string& id = edited->doc.id;
  const std::optional<NameEdit> seeds = nameEdit(before, *edited);
  if (!seeds) {
    return std::nullopt;
  }
  NameScope scope;
  NameIndex scoped = scopedNames(edited, changed, &*seeds, &scope);
  // A place of the analysis keeps its names when its mention is one the edit left, out of
  // the scope (its entity is none the scope rebuilt); nothing when it is in no mention.
  auto kept = [&](Span span) -> std::optional<bool> {
    const Mention* m = mentionHolding(before, span);
    if (m == nullptr) {
      return std::nullopt;
    }
    return seeds->keptBefore[static_cast<size_t>(m - before.mentions.data())] &&
           !scope.includes(*m);
  };
  auto out = keptNames(before, *edited, kept);
  if (!out) {
    return std::nullopt;
  }
  NameIndex& names = *out->names;
  // The scope's names of the document, its entities numbered after the analysis's.
  const auto offset = static_cast<uint32_t>(entityNames_.size());
  std::unordered_set<uint32_t> rebuilt;
  for (EntityHit& h : scoped.hits) {
    if (h.location.document == id) {
      rebuilt.insert(h.entity);
      h.entity += offset;
      names.hits.push_back(std::move(h));
    }
  }
  for (Entity& entity : scoped.entities) {
    if (rebuilt.contains(entity.id)) {
      entity.id += offset;
      names.entities.push_back(std::move(entity));
    }
  }
  for (VariantUse& use : scoped.variants) {
    if (use.location.document == id) {
      use.entity += offset;
      names.variants.push_back(std::move(use));
    }
  }
  std::stable_sort(names.hits.begin(), names.hits.end(),
                   [](const EntityHit& a, const EntityHit& b) {
                     return a.location.span.begin < b.location.span.begin;
                   });
  return out;
}

std::vector<Finding> RecheckIndex::recheck(
    const std::shared_ptr<const DocumentFacts>& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed,
    NamesFrom* from) const {
  const SerialSection serial; // short loops: no threads
  const std::string& id = edited->doc.id;
  const Config& config = *snapshot_->config;
  // An edit that leaves the names as the analysis read them keeps the analysis's.
  std::shared_ptr<const NameIndex> names;
  std::vector<Finding> keptNameFindings;
  NamesFrom namesFrom = NamesFrom::Scope;
  // keepsAnalysisNames's conditions, read once for both ways of keeping the analysis's names.
  if (const auto before = snapshot_->documents.find(id);
      before != snapshot_->documents.end() && othersAsAnalysed(id, changed) &&
      sameSuppressions(before->second->doc, edited->doc)) {
    if (sameNames(*before->second, *edited)) {
      if (auto kept = keptNames(*before->second, *edited)) {
        names = std::move(kept->names);
        keptNameFindings = std::move(kept->findings);
        namesFrom = NamesFrom::Analysis;
      }
    } else if (auto kept = partialNames(*before->second, edited, changed)) {
      // An edit that changed the names of some sentences keeps the analysis's names of the
      // others, unless their entities can change with those it changed.
      names = std::move(kept->names);
      keptNameFindings = std::move(kept->findings);
      namesFrom = NamesFrom::AnalysisAndScope;
    }
  }
  if (!names) {
    // Typing that leaves every name of the document as its last re-check saw it keeps that
    // re-check's name index, moved with the edit.
    std::vector<std::pair<std::string, const DocumentFacts*>> others;
    for (const auto& [other, facts] : changed) {
      others.emplace_back(other, facts.get());
    }
    std::shared_ptr<const Last> last;
    {
      const std::lock_guard lock(lastMutex_);
      for (const auto& kept : last_) {
        if (kept->facts->doc.id == id) {
          last = kept;
        }
      }
    }
    if (last && last->others == others && sameNames(*last->facts, *edited)) {
      names = movedNames(*last->names, id, last->facts->doc.text, edited->doc.text);
      namesFrom = NamesFrom::LastRecheck;
    }
    if (!names) {
      names = std::make_shared<const NameIndex>(scopedNames(edited, changed));
      namesFrom = NamesFrom::Scope;
    }
    keep(std::make_shared<const Last>(Last{edited, std::move(others), names}));
  }

  // Dates: the document on its own (anchors from the register or its header line).
  CorpusSnapshot alone;
  alone.config = snapshot_->config;
  alone.lexicon = snapshot_->lexicon;
  alone.documents.emplace(id, edited);
  const auto dates = analyzeDates(alone, *names);
  static const DateIndex kNoDates{};
  const CheckContext context{alone, *names, dates ? *dates : kNoDates};
  std::vector<Finding> found;
  runChecks(context, config, found);
  std::vector<Finding> out = std::move(keptNameFindings);
  for (Finding& f : found) {
    if (f.primary.document == id && !(isDateCheck(f.code) && crossDocument(f))) {
      out.push_back(std::move(f));
    }
  }
  // Cross-source date findings of the full analysis, moved with the edit, when the
  // document, read on its own, still resolves the time the same way (a new or deleted date
  // elsewhere in the article can change that), and the edit kept out of their sentence, or
  // (for a conflict) left the sentence's claim as the other source's was compared with: the
  // same participants, words, predicates and times ("Jalali" respelled "Jalaly" in the
  // sentence of the call keeps the conflict over the call's time).
  if (const auto before = snapshot_->documents.find(id); before != snapshot_->documents.end()) {
    const Document& old = before->second->doc;
    const EditWindow edit(old.text, edited->doc.text);
    std::shared_ptr<const DateIndex> oldDates;
    const auto dated = crossSourceDates_.find(id);
    for (const DatedFinding& d :
         dated == crossSourceDates_.end() ? std::span<const DatedFinding>() : dated->second) {
      const Finding& f = d.finding;
      auto moved = moveFinding(f, id, edit);
      if (!moved || edited->doc.suppressed(moved->code, moved->primary.span.begin)) {
        continue;
      }
      if (edit.touchesSentence(old, f.primary.span)) {
        const Claim* claim = dates ? dates->claimAt(id, moved->primary.span.begin) : nullptr;
        if (f.code != "date-conflict" || d.claim.empty() || claim == nullptr ||
            claimSignature(*dates, *claim) != d.claim) {
          continue;
        }
        for (std::string& e : moved->evidence) {
          if (e.starts_with("here: ")) {
            e = "here: " + claim->sentenceText;
          }
        }
      }
      if (!oldDates) {
        CorpusSnapshot oldAlone;
        oldAlone.config = snapshot_->config;
        oldAlone.lexicon = snapshot_->lexicon;
        oldAlone.documents.emplace(id, before->second);
        oldDates = analyzeDates(oldAlone, *names);
      }
      const ResolvedTime* was = oldDates ? oldDates->timeAt(id, f.primary.span.begin) : nullptr;
      const ResolvedTime* now = dates ? dates->timeAt(id, moved->primary.span.begin) : nullptr;
      const bool same = (was == nullptr && now == nullptr) ||
                        (was != nullptr && now != nullptr && was->text == now->text &&
                         was->resolution.resolved == now->resolution.resolved &&
                         was->resolution.value == now->resolution.value);
      if (same) {
        out.push_back(std::move(*moved));
      }
    }
  }
  sortFindings(out);
  if (from != nullptr) {
    *from = namesFrom;
  }
  return out;
}

} // namespace newslint::analysis
