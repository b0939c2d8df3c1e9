// The corpus-level name index: forms (distinct full names), candidate spelling pairs found
// by blocking, context evidence for each aligned pair of forms, entities (groups of forms
// judged to be one person, place or organisation) and the minority uses to report.
#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "name_scope.h"
#include "newslint/analysis/corpus.h"
#include "newslint/analysis/parallel.h"
#include "newslint/analysis/recheck.h"
#include "newslint/analysis/spelling.h"
#include "newslint/analysis/unicode.h"
#include "newslint/analysis/word_table.h"
#include "sorted.h"

namespace newslint::analysis {

namespace {

constexpr double kIdenticalKey = 0.95; // (nearly) equal normalised keys: any evidence will do
constexpr double kStrongSim = 0.85;    // one strong piece of evidence
constexpr double kWeakSim = kCandidateSimilarity; // two strong pieces of evidence
constexpr size_t kMaxBlock = 400;
constexpr size_t kMaxRelated = 8;
constexpr size_t kPairsPerBatch = 16384; // candidate pairs whose forms are held at once

struct MentionRef {
  uint32_t doc = 0;     // index into docs
  uint32_t mention = 0; // index into that document's mentions
};

struct Form {
  std::string key;              // effective part keys joined by ' '
  std::vector<uint32_t> tokens; // token ids of the effective parts
  uint32_t ownParts = 0;        // parts written in the text (the rest are inherited)
  std::vector<MentionRef> mentions;
};

// What the evidence needs of one mention, as ids, computed once per mention before the
// pairs of forms are judged (the judging then only reads, on several threads).
struct MentionSummary {
  MentionRef ref;
  uint32_t sentence = 0;
  int age = -1;
  int list = -1;
  uint32_t role = 0;     // id of the whole role text; 0: no role
  uint32_t roleHead = 0; // id of its last word
  uint32_t roleOf = 0;   // id of the possessor's key; 0: none
  bool relation = false; // the head is a family relation
  bool roleSpaced = false;
  // The sorted key ids of the other names in the sentence: [begin, end) of the form
  // summary's neighbourIds (one array per form instead of one per mention).
  uint32_t neighboursBegin = 0;
  uint32_t neighboursEnd = 0;
  // The sorted ids of the names listed with it (its enumeration's other mentions): [begin,
  // end) of the form summary's listIds.
  uint32_t listBegin = 0;
  uint32_t listEnd = 0;
};

// The first kMaxEvidenceMentions mentions of a form, summarised, and the union of their
// sentence neighbours.
struct FormSummary {
  std::vector<MentionSummary> mentions;
  std::vector<uint32_t> neighbourIds; // every mention's neighbours, one after the other
  std::vector<uint32_t> neighbourUnion;
  std::vector<uint32_t> listIds; // every listed mention's list neighbours, one after the other
  // Indices of the mentions that can give each clue, in mention order.
  std::vector<uint8_t> withRole;
  std::vector<uint8_t> withAge;
  std::vector<uint8_t> withList;
  std::vector<uint8_t> withNeighbours;
  std::vector<uint32_t> roleHeads; // distinct role heads, sorted
  std::vector<int> ages;           // distinct ages, sorted
  // (document, sentence, index) of every mention, sorted: the mentions near a place.
  std::vector<std::tuple<uint32_t, uint32_t, uint8_t>> byPlace;
  // Of a lone word's form, once listed (made, or queued to be made before any pair is
  // scored): the documents of its mentions, ascending, that write no full name ending with
  // the word itself.
  std::vector<uint32_t> aloneDocs;
  bool aloneDocsListed = false;

  [[nodiscard]] std::span<const uint32_t> neighboursOf(size_t mention) const {
    const MentionSummary& m = mentions[mention];
    return {neighbourIds.data() + m.neighboursBegin, neighbourIds.data() + m.neighboursEnd};
  }
  [[nodiscard]] std::span<const uint32_t> listedWith(const MentionSummary& m) const {
    return {listIds.data() + m.listBegin, listIds.data() + m.listEnd};
  }
};

// A map keyed by one or two addresses of interned texts (one text, one address; the
// second is null for one), open-addressed: each slot holds both addresses and the value, so
// that a lookup reads one place in memory. The corpus-wide passes over every mention look
// up their part keys here.
template <class Value> class AddressTable {
public:
  using Key = std::pair<const std::string*, const std::string*>; // first never null

  [[nodiscard]] const Value* find(Key key) const {
    if (slots_.empty()) {
      return nullptr;
    }
    for (size_t at = hash(key) & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.key.first == nullptr) {
        return nullptr;
      }
      if (slot.key == key) {
        return &slot.value;
      }
    }
  }
  /// The value of `key`, value-initialised when new.
  Value& operator[](Key key) {
    if (2 * (size_ + 1) > slots_.size()) {
      grow();
    }
    Slot& slot = slotOf(key);
    if (slot.key.first == nullptr) {
      slot.key = key;
      ++size_;
    }
    return slot.value;
  }
  template <class F> void forEach(F&& visit) const {
    for (const Slot& slot : slots_) {
      if (slot.key.first != nullptr) {
        visit(slot.key, slot.value);
      }
    }
  }
  [[nodiscard]] size_t size() const { return size_; }

private:
  struct Slot {
    Key key{nullptr, nullptr};
    Value value{};
  };
  static size_t hash(Key key) {
    const auto a = reinterpret_cast<uintptr_t>(key.first);
    const auto b = reinterpret_cast<uintptr_t>(key.second);
    const uint64_t mixed = (a ^ (b * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(mixed ^ (mixed >> 32));
  }
  // The slot holding `key`, or the empty one where it goes.
  Slot& slotOf(Key key) {
    size_t at = hash(key) & mask_;
    while (slots_[at].key.first != nullptr && slots_[at].key != key) {
      at = (at + 1) & mask_;
    }
    return slots_[at];
  }
  void grow() {
    std::vector<Slot> old =
        std::exchange(slots_, std::vector<Slot>(std::max<size_t>(1024, 2 * slots_.size())));
    mask_ = slots_.size() - 1;
    for (Slot& slot : old) {
      if (slot.key.first != nullptr) {
        slotOf(slot.key) = std::move(slot);
      }
    }
  }
  std::vector<Slot> slots_; // a power of two, at most half full
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Elements that never move once made (a deque), reached by index in one load (a table of
// their addresses): std::deque's indexing is a call that divides on every access, and the
// name index indexes its forms in every loop.
template <class T> class StableArray {
public:
  T& emplace_back() {
    T& item = items_.emplace_back();
    at_.push_back(&item);
    return item;
  }
  T& operator[](size_t i) { return *at_[i]; }
  const T& operator[](size_t i) const { return *at_[i]; }
  [[nodiscard]] size_t size() const { return at_.size(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

private:
  std::deque<T> items_;
  std::vector<T*> at_;
};

struct TokenInfo {
  std::string key;
  SpellingKey spelling;
  std::vector<std::pair<uint32_t, uint32_t>> forms; // (form, position)
  bool acronym = true;
  bool place = false;
  bool properName = false;
  bool common = false; // a lower-case dictionary word
};

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0U); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) {
      parent[std::max(a, b)] = std::min(a, b);
    }
  }
};

// What the first names written before two aligned parts, as surnames, tell (FirstNames).
struct Surnames {
  bool shared = false;         // several first names, by skeleton, before either part
  bool distinctPeople = false; // first names before each, none before both
};

struct Edge {
  uint32_t formA = 0;
  uint32_t formB = 0;
  uint32_t tokenA = 0;
  uint32_t tokenB = 0;
  std::vector<std::string> evidence;
};

std::string joinKeys(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += k;
  }
  return out;
}

// An acronym ("NATO", "U.N."), also with a lower-case word after a hyphen: a credit rating
// or a compound ("BBB-minus", "BB-rated", "U.S.-based"), which are no names ("BBB-minus" and
// "B-minus" are two ratings, not two spellings of one).
bool isAcronym(std::string_view text) {
  // Letters in capitals and in lower case, in `part`.
  const auto count = [](std::string_view part) {
    std::pair<size_t, size_t> upperLower{0, 0};
    for (size_t pos = 0; pos < part.size();) {
      const char32_t cp = decodeUtf8(part, pos);
      if (isLetter(cp)) {
        ++(isLower(cp) ? upperLower.second : upperLower.first);
      }
    }
    return upperLower;
  };
  const auto [upper, lower] = count(text);
  if (lower == 0) {
    return upper > 0;
  }
  const size_t hyphen = text.find('-');
  if (hyphen == std::string_view::npos) {
    return false;
  }
  const auto [prefixUpper, prefixLower] = count(text.substr(0, hyphen));
  const auto [suffixUpper, suffixLower] = count(text.substr(hyphen + 1));
  return prefixUpper > 0 && prefixLower == 0 && suffixUpper == 0 && suffixLower > 0;
}

} // namespace

void SurnameFirstNames::add(const Mention& m) {
  const auto [first, surname] = firstAndSurname(m);
  if (surname.empty()) {
    return;
  }
  auto [skeleton, inserted] = skeletons_.try_emplace(first);
  if (inserted) {
    // A place or a common word before a name ("Seoul Olympics", "Central Pennsylvania") is
    // no first name.
    const std::string folded = foldDiacritics(first);
    if (lexicon_ == nullptr || (!lexicon_->isPlace(folded) && !lexicon_->isCommonWord(folded))) {
      // A first name of vowels alone has no skeleton: its normalised form stands in.
      SpellingKey key = spellingKey(first);
      skeleton->second = key.skeleton.empty() ? "#" + key.normalized : std::move(key.skeleton);
    }
  }
  if (!skeleton->second.empty()) {
    bySurname_[surname].add(skeleton->second);
  }
}

std::unordered_map<std::string_view, FirstNames>
surnamesFirstNames(const std::vector<const DocumentFacts*>& documents, const Lexicon* lexicon) {
  SurnameFirstNames names(lexicon);
  for (const DocumentFacts* facts : documents) {
    for (const Mention& m : facts->mentions) {
      names.add(m);
    }
  }
  return names.take();
}

namespace {

class Builder {
public:
  explicit Builder(const CorpusSnapshot& snapshot) {
    for (const auto& [id, facts] : snapshot.documents) {
      docs_.push_back(facts.get());
    }
    config_ = snapshot.config.get();
    lexicon_ = snapshot.lexicon.get();
  }

  Builder(std::vector<const DocumentFacts*> docs, const Config* config, const Lexicon* lexicon,
          const NameScope* scope)
      : docs_(std::move(docs)), config_(config), lexicon_(lexicon), scope_(scope) {}

  NameIndex build() {
    collectForms();
    addRegisterForms();
    markDecidedForms();
    findCandidates();
    scoreEdges();
    takeMergedPairs();
    buildEntities();
    if (scope_ == nullptr) {
      // The merged pairs, for the re-checks of this analysis.
      auto merged = std::make_shared<MergedPairs>();
      merged->pairs.reserve(edges_.size());
      for (Edge& e : edges_) {
        merged->pairs.push_back({forms_[e.formA].key, tokens_[e.tokenA].key, forms_[e.formB].key,
                                 tokens_[e.tokenB].key, std::move(e.evidence)});
      }
      for (uint32_t p = 0; p < merged->pairs.size(); ++p) {
        const MergedPair& pair = merged->pairs[p];
        merged->byForm[pair.formA].push_back(p);
        if (pair.formB != pair.formA) {
          merged->byForm[pair.formB].push_back(p);
        }
      }
      index_.merged = std::move(merged);
    }
    return std::move(index_);
  }

private:
  std::vector<const DocumentFacts*> docs_;
  const Config* config_ = nullptr;
  const Lexicon* lexicon_ = nullptr;
  const NameScope* scope_ = nullptr; // null: the whole corpus is in docs_

  StableArray<Form> forms_; // forms never move
  WordMap<uint32_t> formByKey_;
  std::vector<TokenInfo> tokens_;
  WordMap<uint32_t> tokenByKey_;
  std::vector<std::pair<uint32_t, uint32_t>> candidates_; // sorted, each pair once
  // The candidate partners of token t: partners_[partnersBegin_[t] .. partnersBegin_[t + 1]).
  std::vector<uint32_t> partnersBegin_;
  std::vector<uint32_t> partners_;
  std::vector<Edge> edges_;
  // In a scope with the analysis's merged pairs: whether each form is one no edited document
  // uses, so that a pair of two such forms keeps the analysis's decision.
  std::vector<uint8_t> decided_;
  std::vector<uint8_t> decidedToken_; // every form of the part is
  bool analysisDecides(uint32_t fa, uint32_t fb) const {
    return !decided_.empty() && decided_[fa] != 0 && decided_[fb] != 0;
  }

  std::vector<int> registerEntryOfForm_; // -1 unless the form is a register spelling
  std::set<std::pair<std::string, std::string>> distinct_;
  // Surname key -> the first names written before it (a scope brings them from the corpus).
  std::unordered_map<std::string_view, FirstNames> firstNamesOfSurname_;
  // Part key -> documents naming it.
  WordMap<uint32_t> documentFrequency_;
  // Part keys as ids (for sentence neighbours), and whether each is in most documents.
  WordMap<uint32_t> keyId_;
  std::vector<std::string> keyText_;
  std::vector<uint8_t> ubiquitousById_;
  std::vector<uint32_t> tokenKeyId_;      // key id of each token's key
  std::vector<uint8_t> distinctiveToken_; // distinctive(t) of each token
  WordMap<uint32_t> roleId_;
  // The summaries meet the same few interned texts (part keys, roles) over and over: their
  // ids by the text's address, so that a text already seen is not hashed again.
  struct RoleHead {
    uint32_t id = 0;       // id of the role's last word
    bool relation = false; // that word is a family relation
    bool spaced = false;   // the role has more than one word
  };
  std::unordered_map<const std::string*, uint32_t> keyIdByText_;
  std::unordered_map<const std::string*, uint32_t> roleIdByText_;
  std::unordered_map<const std::string*, RoleHead> roleHeadByText_;
  // Whole-name keys of listed mentions as ids (for the "listed with the same names" clue).
  WordMap<uint32_t> listKeyId_;
  std::vector<std::string> listKeyText_;
  // Filled before the pairs are judged, only for the forms of aligned pairs (a small part
  // of all forms): summaryOf_ gives each form's index into summaries_, kNoSummary if none.
  static constexpr uint32_t kNoSummary = UINT32_MAX;
  static constexpr uint32_t kNoForm = UINT32_MAX;
  std::vector<uint32_t> summaryOf_;
  StableArray<FormSummary> summaries_;
  const FormSummary& summaryOf(uint32_t f) const { return summaries_[summaryOf_[f]]; }
  NameIndex index_;

  const Mention& mentionOf(const MentionRef& ref) const {
    return docs_[ref.doc]->mentions[ref.mention];
  }
  std::string mentionText(const MentionRef& ref) const {
    return mentionOf(ref).text(docs_[ref.doc]->doc);
  }

  uint32_t tokenId(const std::string& key, std::string_view text) {
    const auto [found, inserted] =
        tokenByKey_.tryEmplace(key, static_cast<uint32_t>(tokens_.size()));
    const uint32_t t = *found;
    if (inserted) {
      TokenInfo info;
      info.key = key;
      info.spelling = spellingKey(text);
      const std::string folded = foldDiacritics(key);
      if (lexicon_ != nullptr) {
        info.place = lexicon_->isPlace(folded);
        info.common = lexicon_->isCommonWord(folded);
        info.properName = lexicon_->isProperName(folded) || info.common;
      }
      tokens_.push_back(std::move(info));
    }
    // Once a spelling of the part is known to be no acronym, its text need not be read.
    if (TokenInfo& info = tokens_[t]; info.acronym && !isAcronym(text)) {
      info.acronym = false;
    }
    return t;
  }

  uint32_t formId(const std::vector<std::string>& keys, const std::vector<std::string>& texts,
                  uint32_t ownParts) {
    // Inherited parts make a form of their own: its written parts differ.
    std::string key = joinKeys(keys);
    if (ownParts < keys.size()) {
      key += "#" + std::to_string(ownParts);
    }
    if (const uint32_t* f = formByKey_.find(key)) {
      return *f;
    }
    std::vector<uint32_t> tokens;
    tokens.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      tokens.push_back(tokenId(keys[i], texts[i]));
    }
    return newForm(std::move(key), ownParts, std::move(tokens));
  }

  // A form not made yet: `key` as formId writes it, the token of each part.
  uint32_t newForm(std::string key, uint32_t ownParts, std::vector<uint32_t> tokens) {
    const auto f = static_cast<uint32_t>(forms_.size());
    Form& form = forms_.emplace_back();
    form.key = std::move(key);
    form.ownParts = ownParts;
    form.tokens = std::move(tokens);
    formByKey_.tryEmplace(form.key, f);
    registerEntryOfForm_.push_back(-1);
    return f;
  }

  // In a scope with the analysis's merged pairs: which forms keep the analysis's decisions.
  void markDecidedForms() {
    if (scope_ == nullptr || scope_->merged == nullptr || !reuseMergedPairs().load()) {
      return;
    }
    decided_.resize(forms_.size());
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      decided_[f] = scope_->changedForms.contains(forms_[f].key) ? 0 : 1;
    }
    decidedToken_.assign(tokens_.size(), 1);
    for (uint32_t t = 0; t < tokens_.size(); ++t) {
      for (const auto& [f, position] : tokens_[t].forms) {
        if (decided_[f] == 0) {
          decidedToken_[t] = 0;
          break;
        }
      }
    }
  }

  // The analysis's merged pairs of two forms that keep its decisions, both in the scope.
  void takeMergedPairs() {
    if (decided_.empty()) {
      return;
    }
    uint64_t taken = 0;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (decided_[f] == 0) {
        continue;
      }
      const auto of = scope_->merged->byForm.find(forms_[f].key);
      if (of == scope_->merged->byForm.end()) {
        continue;
      }
      for (const uint32_t p : of->second) {
        const MergedPair& pair = scope_->merged->pairs[p];
        if (pair.formA != forms_[f].key) {
          continue; // taken from its first form
        }
        const uint32_t* g = formByKey_.find(pair.formB);
        const uint32_t* ta = tokenByKey_.find(pair.partA);
        const uint32_t* tb = tokenByKey_.find(pair.partB);
        if (g == nullptr || decided_[*g] == 0 || ta == nullptr || tb == nullptr) {
          continue;
        }
        edges_.push_back(Edge{f, *g, *ta, *tb, pair.evidence});
        ++taken;
      }
    }
    scopePairCounts().taken += taken;
  }
  void collectForms() {
    // Part keys used by confident mentions (a weak mention counts only when its word is
    // also used as part of a name elsewhere), and the documents naming each part. A scope
    // brings both from the whole corpus.
    // Both are counted by the address of the interned part key (one text, one address):
    // a pointer hashes and compares faster than the text. Each document's keys are sorted
    // first, so that a key is looked up once per document.
    struct PartCount {
      uint32_t documents = 0;
      bool strong = false; // used by a confident mention
    };
    AddressTable<PartCount> partCounts;
    if (scope_ == nullptr) {
      std::vector<std::pair<const std::string*, bool>> seen; // one document's keys, strong
      SurnameFirstNames firstNames(lexicon_);
      for (const DocumentFacts* facts : docs_) {
        seen.clear();
        for (const Mention& m : facts->mentions) {
          firstNames.add(m);
          for (const NamePart& p : m.parts) {
            seen.emplace_back(&p.key.str(), !m.weak);
          }
        }
        std::sort(seen.begin(), seen.end());
        for (size_t k = 0; k < seen.size(); ++k) {
          if (k + 1 < seen.size() && seen[k + 1].first == seen[k].first) {
            continue; // the last of a key's run: strong if any is (true sorts last)
          }
          PartCount& count = partCounts[{seen[k].first, nullptr}];
          ++count.documents;
          count.strong = count.strong || seen[k].second;
        }
      }
      partCounts.forEach([&](AddressTable<PartCount>::Key key, const PartCount& count) {
        documentFrequency_.tryEmplace(*key.first, count.documents);
      });
      firstNamesOfSurname_ = firstNames.take();
    }
    // Whether a weak mention with the first part of `m` counts.
    auto weakCounts = [&](const Mention& m) {
      const PartCount* count = partCounts.find({&m.parts.front().key.str(), nullptr});
      return (count != nullptr && count->strong) ||
             (scope_ != nullptr && scope_->strongKey(m.parts.front().key));
    };
    auto taken = [&](const Mention& m) { return !m.weak || weakCounts(m); };
    // The form of a mention (made when new), with the mention added to it. The key is
    // built in one buffer, as formId builds it, and looked up once.
    std::string formKey;
    // Most names are one or two parts of their own: their forms are also found by the
    // addresses of the interned part keys, without building the key.
    // Nearly every mention is such a name, so this lookup is the loop's cost: the table is
    // open-addressed, each slot holding both addresses and the form (one cache line read).
    AddressTable<uint32_t> formOfParts;
    // The form of mention i of document d, made when new; the mention is not added to it.
    auto formOf = [&](uint32_t d, uint32_t i) {
      const Mention& m = docs_[d]->mentions[i];
      const bool shortName = m.parts.size() <= 2 && m.inheritedKey().empty();
      const AddressTable<uint32_t>::Key parts{
          &m.parts.front().key.str(), m.parts.size() == 2 ? &m.parts.back().key.str() : nullptr};
      if (shortName) {
        if (const uint32_t* f = formOfParts.find(parts)) {
          return *f;
        }
      }
      formKey.clear();
      const auto append = [&](std::string_view part) {
        if (!formKey.empty()) {
          formKey.push_back(' ');
        }
        formKey += part;
      };
      for (const NamePart& p : m.parts) {
        append(p.key.view());
      }
      if (!m.inheritedKey().empty()) {
        append(m.inheritedKey().view());
        formKey += "#" + std::to_string(m.parts.size());
      }
      if (const uint32_t* found = formByKey_.find(formKey)) {
        if (shortName) {
          formOfParts[parts] = *found;
        }
        return *found;
      }
      // A new form, from the key built above.
      std::vector<uint32_t> tokens;
      tokens.reserve(m.parts.size() + (m.inheritedKey().empty() ? 0 : 1));
      for (const NamePart& p : m.parts) {
        tokens.push_back(tokenId(p.key.str(), p.text(docs_[d]->doc)));
      }
      if (!m.inheritedKey().empty()) {
        tokens.push_back(tokenId(m.inheritedKey().str(), m.inheritedKey().view()));
      }
      const uint32_t f = newForm(formKey, static_cast<uint32_t>(m.parts.size()), std::move(tokens));
      if (shortName) {
        formOfParts[parts] = f;
      }
      return f;
    };
    auto add = [&](uint32_t d, uint32_t i) {
      const uint32_t f = formOf(d, i);
      forms_[f].mentions.push_back({d, i});
      return f;
    };
    if (scope_ == nullptr) {
      // Each mention's form first (in a list of 4 bytes per mention, in mention order),
      // then every form's list filled at its exact size through a cursor per form: the lists
      // are not grown one mention at a time, and a mention costs one write where it goes
      // instead of a walk to its form.
      constexpr uint32_t kNotTaken = UINT32_MAX;
      std::vector<uint32_t> formOfMention;
      for (uint32_t d = 0; d < docs_.size(); ++d) {
        for (uint32_t i = 0; i < docs_[d]->mentions.size(); ++i) {
          formOfMention.push_back(taken(docs_[d]->mentions[i]) ? formOf(d, i) : kNotTaken);
        }
      }
      std::vector<uint32_t> count(forms_.size(), 0);
      for (const uint32_t f : formOfMention) {
        if (f != kNotTaken) {
          ++count[f];
        }
      }
      std::vector<MentionRef*> cursor(forms_.size());
      for (uint32_t f = 0; f < forms_.size(); ++f) {
        forms_[f].mentions.resize(count[f]);
        cursor[f] = forms_[f].mentions.data();
      }
      size_t k = 0;
      for (uint32_t d = 0; d < docs_.size(); ++d) {
        for (uint32_t i = 0; i < docs_[d]->mentions.size(); ++i) {
          if (const uint32_t f = formOfMention[k++]; f != kNotTaken) {
            *cursor[f]++ = MentionRef{d, i};
          }
        }
      }
    } else {
      // A scope gives its mentions grouped by form, each group in text order. Forms are
      // made in the order of their first mention, as a reading of every document makes
      // them; the rest of a group joins its form without building the key again.
      // Each group's first mention is read once, into the list sorted here.
      struct Group {
        std::pair<uint32_t, uint32_t> first;
        const std::vector<std::pair<uint32_t, uint32_t>>* mentions;
      };
      std::vector<Group> groups;
      groups.reserve(scope_->groups.size());
      for (const auto& group : scope_->groups) {
        if (!group.empty()) {
          groups.push_back({group.front(), &group});
        }
      }
      std::sort(groups.begin(), groups.end(),
                [](const Group& a, const Group& b) { return a.first < b.first; });
      // The groups' first mentions lie in thousands of documents, each a cache miss or two
      // (the document's list of mentions, then the mention): they are fetched ahead, the
      // document 16 groups ahead, its mention 8 ahead.
      constexpr size_t kDocumentAhead = 16;
      constexpr size_t kMentionAhead = 8;
      for (size_t g = 0; g < groups.size(); ++g) {
        if (g + kDocumentAhead < groups.size()) {
          __builtin_prefetch(&docs_[groups[g + kDocumentAhead].first.first]->mentions);
        }
        if (g + kMentionAhead < groups.size()) {
          const auto [d, i] = groups[g + kMentionAhead].first;
          __builtin_prefetch(docs_[d]->mentions.data() + i);
        }
        const auto* group = groups[g].mentions;
        // One form, one first part: whether its weak mentions count is known once. When
        // they do, every mention of the group is taken without reading it: the mentions of
        // a common name lie in thousands of documents, and reading a flag of each one costs
        // a cache miss per mention.
        const auto [d0, i0] = groups[g].first;
        if (weakCounts(docs_[d0]->mentions[i0])) {
          auto& list = forms_[add(d0, i0)].mentions;
          list.reserve(list.size() + group->size() - 1);
          for (auto it = group->begin() + 1; it != group->end(); ++it) {
            list.push_back({it->first, it->second});
          }
          continue;
        }
        std::optional<uint32_t> form;
        for (const auto& [d, i] : *group) {
          if (docs_[d]->mentions[i].weak) {
            continue;
          }
          if (form) {
            forms_[*form].mentions.push_back({d, i});
          } else {
            form = add(d, i);
          }
        }
      }
      // A form may gather groups from several documents: keep its mentions in text order.
      const auto before = [](const MentionRef& a, const MentionRef& b) {
        return a.doc != b.doc ? a.doc < b.doc : a.mention < b.mention;
      };
      for (Form& form : forms_) {
        // Each group is a sorted run: merge the runs one boundary at a time.
        auto& list = form.mentions;
        for (auto run = std::is_sorted_until(list.begin(), list.end(), before); run != list.end();
             run = std::is_sorted_until(list.begin(), list.end(), before)) {
          const auto next = std::is_sorted_until(run, list.end(), before);
          std::inplace_merge(list.begin(), run, next, before);
        }
      }
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      for (uint32_t pos = 0; pos < forms_[f].tokens.size(); ++pos) {
        tokens_[forms_[f].tokens[pos]].forms.emplace_back(f, pos);
      }
    }
  }

  static std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (const char c : text) {
      if (c == ' ') {
        if (!current.empty()) {
          words.push_back(current);
          current.clear();
        }
      } else {
        current.push_back(c);
      }
    }
    if (!current.empty()) {
      words.push_back(current);
    }
    return words;
  }

  std::vector<std::string> keysOf(std::string_view text) const {
    std::vector<std::string> keys;
    for (const std::string& w : splitWords(text)) {
      const std::string folded = foldCase(w);
      if (folded == "al" || folded == "el" || folded == "of") {
        continue;
      }
      keys.emplace_back(stripArticle(folded));
    }
    return keys;
  }

  // Register spellings take part as forms of their own (without mentions), so that a
  // canonical spelling finds its variants anywhere in the corpus.
  void addRegisterForms() {
    if (config_ == nullptr) {
      return;
    }
    for (const auto& [a, b] : config_->distinct) {
      const std::string ka = joinKeys(keysOf(a));
      const std::string kb = joinKeys(keysOf(b));
      distinct_.insert({std::min(ka, kb), std::max(ka, kb)});
    }
    for (size_t e = 0; e < config_->entities.size(); ++e) {
      const EntityEntry& entry = config_->entities[e];
      std::vector<std::string> spellings{entry.canonical};
      spellings.insert(spellings.end(), entry.variants.begin(), entry.variants.end());
      for (const std::string& spelling : spellings) {
        const std::vector<std::string> keys = keysOf(spelling);
        if (keys.empty()) {
          continue;
        }
        std::vector<std::string> texts;
        for (const std::string& w : splitWords(spelling)) {
          const std::string folded = foldCase(w);
          if (folded != "al" && folded != "el" && folded != "of") {
            texts.push_back(w);
          }
        }
        const bool existed = formByKey_.contains(joinKeys(keys));
        const uint32_t f = formId(keys, texts, static_cast<uint32_t>(keys.size()));
        if (!existed) {
          for (uint32_t pos = 0; pos < forms_[f].tokens.size(); ++pos) {
            tokens_[forms_[f].tokens[pos]].forms.emplace_back(f, pos);
          }
        }
        registerEntryOfForm_[f] = static_cast<int>(e);
      }
    }
  }

  static bool pairAllowed(const TokenInfo& a, const TokenInfo& b) {
    return !a.acronym && !b.acronym &&
           mayPair(a.spelling, a.key, a.place, a.common, b.spelling, b.key, b.place, b.common);
  }

  void findCandidates() {
    // In a scope, only pairs with a part that can matter to the edited document are judged:
    // the other forms are there for their evidence, not for pairs of their own.
    std::vector<bool> relevant(tokens_.size(), scope_ == nullptr);
    if (scope_ != nullptr) {
      for (uint32_t t = 0; t < tokens_.size(); ++t) {
        relevant[t] = scope_->relevant.contains(tokens_[t].key);
      }
    }
    // Tokens by blocking key; a pair sharing several keys is judged in the first block
    // (in key order of appearance) that holds both, so each pair is judged once.
    std::unordered_map<std::string, uint32_t> blockOfKey;
    std::vector<std::vector<uint32_t>> blocks;
    for (uint32_t t = 0; t < tokens_.size(); ++t) {
      const TokenInfo& info = tokens_[t];
      if (info.acronym || info.spelling.normalized.size() < 3) {
        continue;
      }
      for (const std::string& key : blockingKeys(info.spelling)) {
        auto [it, inserted] = blockOfKey.try_emplace(key, static_cast<uint32_t>(blocks.size()));
        if (inserted) {
          blocks.emplace_back();
        }
        blocks[it->second].push_back(t);
      }
    }
    std::vector<uint32_t> judged; // blocks of a size worth judging
    std::vector<std::vector<uint32_t>> blocksOf(tokens_.size());
    for (uint32_t k = 0; k < blocks.size(); ++k) {
      if (blocks[k].size() >= 2 && blocks[k].size() <= kMaxBlock) {
        judged.push_back(k);
        for (const uint32_t t : blocks[k]) {
          blocksOf[t].push_back(k); // ascending k
        }
      }
    }
    // A pair is judged in the first block that holds both parts.
    const auto judgedHere = [&](uint32_t a, uint32_t b, uint32_t block) {
      const uint32_t* first = firstCommon(blocksOf[a], blocksOf[b]);
      return first != nullptr && *first == block;
    };
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> found(judged.size());
    parallelFor(judged.size(), 16, [&](size_t n) {
      const uint32_t k = judged[n];
      const std::vector<uint32_t>& members = blocks[k];
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) {
          const uint32_t a = std::min(members[i], members[j]);
          const uint32_t b = std::max(members[i], members[j]);
          if (!relevant[a] && !relevant[b]) {
            continue;
          }
          if (!decidedToken_.empty() && decidedToken_[a] != 0 && decidedToken_[b] != 0) {
            continue; // every pair of their forms keeps the analysis's decision
          }
          if (!judgedHere(a, b, k)) {
            continue; // judged through an earlier blocking key
          }
          if (!pairAllowed(tokens_[a], tokens_[b])) {
            continue;
          }
          if (spellingSimilarity(tokens_[a].spelling, tokens_[b].spelling) < kWeakSim) {
            continue;
          }
          found[n].emplace_back(a, b);
        }
      }
    });
    for (const auto& pairs : found) {
      candidates_.insert(candidates_.end(), pairs.begin(), pairs.end());
    }
    std::sort(candidates_.begin(), candidates_.end()); // each pair was found once
    // Each token's partners, both ways, sorted: compatible() asks for many pairs of forms,
    // and a token's own short list is quicker to search than the list of every pair.
    partnersBegin_.assign(tokens_.size() + 1, 0);
    for (const auto& [a, b] : candidates_) {
      ++partnersBegin_[a + 1];
      ++partnersBegin_[b + 1];
    }
    std::partial_sum(partnersBegin_.begin(), partnersBegin_.end(), partnersBegin_.begin());
    partners_.resize(candidates_.size() * 2);
    std::vector<uint32_t> fill(partnersBegin_.begin(), partnersBegin_.end() - 1);
    for (const auto& [a, b] : candidates_) {
      partners_[fill[a]++] = b;
      partners_[fill[b]++] = a;
    }
    for (size_t t = 0; t < tokens_.size(); ++t) {
      std::sort(partners_.begin() + partnersBegin_[t], partners_.begin() + partnersBegin_[t + 1]);
    }
  }

  bool isCandidate(uint32_t a, uint32_t b) const {
    return std::binary_search(partners_.begin() + partnersBegin_[a],
                              partners_.begin() + partnersBegin_[a + 1], b);
  }

  // The other parts of the two forms agree: each part of the shorter one is in the longer
  // one, or is itself a candidate variant of a part there.
  bool compatible(const Form& fa, uint32_t pa, const Form& fb, uint32_t pb,
                  std::vector<uint32_t>& shared,
                  std::vector<std::pair<uint32_t, uint32_t>>* variants = nullptr) const {
    const Form& shorter = fa.tokens.size() <= fb.tokens.size() ? fa : fb;
    const Form& longer = fa.tokens.size() <= fb.tokens.size() ? fb : fa;
    const uint32_t ps = &shorter == &fa ? pa : pb;
    const uint32_t pl = &shorter == &fa ? pb : pa;
    if (shorter.tokens.size() >= 2 && longer.tokens.size() >= 2) {
      // The aligned parts stand in the same place, counted from the start or the end.
      const size_t fromEndS = shorter.tokens.size() - ps;
      const size_t fromEndL = longer.tokens.size() - pl;
      if (ps != pl && fromEndS != fromEndL) {
        return false;
      }
    }
    // Parts of the longer form already matched (names of more than 64 parts use the vector).
    uint64_t usedBits = pl < 64 ? uint64_t{1} << pl : 0;
    std::vector<bool> usedMore;
    if (longer.tokens.size() > 64) {
      usedMore.assign(longer.tokens.size(), false);
      usedMore[pl] = true;
    }
    const auto used = [&](uint32_t j) {
      return j < 64 ? (usedBits >> j & 1U) != 0 : static_cast<bool>(usedMore[j]);
    };
    const auto use = [&](uint32_t j) {
      if (j < 64) {
        usedBits |= uint64_t{1} << j;
      } else {
        usedMore[j] = true;
      }
    };
    for (uint32_t i = 0; i < shorter.tokens.size(); ++i) {
      if (i == ps) {
        continue;
      }
      const uint32_t t = shorter.tokens[i];
      bool found = false;
      for (uint32_t j = 0; j < longer.tokens.size(); ++j) {
        if (used(j)) {
          continue;
        }
        if (longer.tokens[j] == t) {
          use(j);
          shared.push_back(t);
          found = true;
          break;
        }
        if (isCandidate(longer.tokens[j], t)) {
          use(j);
          if (variants != nullptr) {
            variants->emplace_back(longer.tokens[j], t);
          }
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  uint32_t keyId(const std::string& key) {
    const auto [id, inserted] = keyId_.tryEmplace(key, static_cast<uint32_t>(keyText_.size()));
    if (inserted) {
      keyText_.push_back(key);
    }
    return *id;
  }

  // What a summary reads of one mention and its document, before any id is given out: read
  // on every core, then numbered in the order of the summaries by fillSummary.
  struct MentionReading {
    InternedString role;
    InternedString roleOf;
    uint32_t sentence = 0;
    int age = -1;
    int list = -1;
    // The part keys of the other names in its sentence, alphabetical, distinct, without its
    // own: ids are handed out in this order, as they always were.
    std::vector<const std::string*> neighbourKeys;
    std::vector<std::string> listKeys; // the keys of its enumeration's other mentions
  };

  MentionReading readMention(const MentionRef& ref) const {
    MentionReading out;
    const auto& mentions = docs_[ref.doc]->mentions;
    const Mention& m = mentions[ref.mention];
    out.role = m.role();
    out.roleOf = m.roleOf();
    out.sentence = m.sentence;
    out.age = m.age;
    out.list = m.list;
    // Keys are interned: one address per text. Mentions are in text order: scan outwards
    // from this one. A neighbour is a name: not a common word read as one (a weak mention:
    // "It", "He", "May" opening a sentence, "Meets" in a headline; "Moscow" in a headline
    // stays), not a date ("early May"), not a designator ("Inc", "Ltd") nor a part of one
    // or two letters ("A/S").
    std::vector<const std::string*>& keys = out.neighbourKeys;
    const auto& expressions = docs_[ref.doc]->dates.expressions;
    const auto addNeighbour = [&](const Mention& other) {
      if (insideExpression(expressions, other.span)) {
        return;
      }
      for (const NamePart& p : other.parts) {
        if (p.key.view().size() >= 3 && !isDesignator(p.key.view()) &&
            !(other.weak && lexicon_ != nullptr &&
              lexicon_->isCommonWord(foldDiacritics(p.key.view())))) {
          keys.push_back(&p.key.str());
        }
      }
    };
    for (size_t i = ref.mention; i-- > 0 && mentions[i].sentence == m.sentence;) {
      addNeighbour(mentions[i]);
    }
    for (size_t i = ref.mention + 1; i < mentions.size() && mentions[i].sentence == m.sentence;
         ++i) {
      addNeighbour(mentions[i]);
    }
    std::sort(keys.begin(), keys.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::erase_if(keys, [&](const std::string* key) {
      return std::any_of(m.parts.begin(), m.parts.end(),
                         [&](const NamePart& p) { return &p.key.str() == key; });
    });
    if (m.list >= 0) {
      for (const Mention& other : mentions) {
        if (other.list == m.list && &other != &m) {
          out.listKeys.push_back(other.key());
        }
      }
    }
    return out;
  }

  std::vector<MentionReading> readMentions(uint32_t f) const {
    const Form& form = forms_[f];
    const size_t limit = std::min<size_t>(form.mentions.size(), kMaxEvidenceMentions);
    std::vector<MentionReading> out;
    out.reserve(limit);
    for (size_t i = 0; i < limit; ++i) {
      out.push_back(readMention(form.mentions[i]));
    }
    return out;
  }

  // The key ids of a mention's sentence neighbours, sorted.
  std::vector<uint32_t> neighbourIds(const MentionReading& reading) {
    std::vector<uint32_t> ids;
    ids.reserve(reading.neighbourKeys.size());
    for (const std::string* key : reading.neighbourKeys) {
      auto [it, inserted] = keyIdByText_.try_emplace(key, 0);
      if (inserted) {
        it->second = keyId(*key);
      }
      ids.push_back(it->second);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  uint32_t roleId(const std::string& text) {
    if (text.empty()) {
      return 0;
    }
    return *roleId_.tryEmplace(text, static_cast<uint32_t>(roleId_.size() + 1)).first;
  }

  uint32_t roleId(InternedString text) {
    if (text.empty()) {
      return 0;
    }
    auto [it, inserted] = roleIdByText_.try_emplace(&text.str(), 0);
    if (inserted) {
      it->second = roleId(text.str());
    }
    return it->second;
  }

  const RoleHead& roleHead(InternedString role) {
    auto [it, inserted] = roleHeadByText_.try_emplace(&role.str());
    if (inserted) {
      const std::string& text = role.str();
      const size_t space = text.rfind(' ');
      const std::string head = space == std::string::npos ? text : text.substr(space + 1);
      it->second = {roleId(head), isRelationRole(head), space != std::string::npos};
    }
    return it->second;
  }

  void summarise(uint32_t f) {
    if (reserveSummary(f)) {
      fillSummary(f, readMentions(f));
    }
  }

  // Gives the form its summary's place (in the order summaries are asked for); false when
  // it has one.
  bool reserveSummary(uint32_t f) {
    if (summaryOf_[f] != kNoSummary) {
      return false;
    }
    summaryOf_[f] = static_cast<uint32_t>(summaries_.size());
    summaries_.emplace_back();
    return true;
  }

  // Makes the summary of a form from its mentions' readings; role, key and list ids are
  // handed out here, one summary after the other.
  void fillSummary(uint32_t f, const std::vector<MentionReading>& readings) {
    FormSummary& summary = summaries_[summaryOf_[f]];
    const Form& form = forms_[f];
    const size_t limit = readings.size();
    summary.mentions.reserve(limit);
    summary.byPlace.reserve(limit);
    for (size_t i = 0; i < limit; ++i) {
      const MentionReading& m = readings[i];
      MentionSummary out;
      out.ref = form.mentions[i];
      out.sentence = m.sentence;
      out.age = m.age;
      out.list = m.list;
      if (!m.role.empty()) {
        out.role = roleId(m.role);
        const RoleHead& head = roleHead(m.role);
        out.roleHead = head.id;
        out.relation = head.relation;
        out.roleSpaced = head.spaced;
      }
      out.roleOf = roleId(m.roleOf);
      const std::vector<uint32_t> neighbours = neighbourIds(m);
      out.neighboursBegin = static_cast<uint32_t>(summary.neighbourIds.size());
      summary.neighbourIds.insert(summary.neighbourIds.end(), neighbours.begin(), neighbours.end());
      out.neighboursEnd = static_cast<uint32_t>(summary.neighbourIds.size());
      // The union is sorted and made unique once, after the loop.
      summary.neighbourUnion.insert(summary.neighbourUnion.end(), neighbours.begin(),
                                    neighbours.end());
      const auto index = static_cast<uint8_t>(i);
      if (out.role != 0) {
        summary.withRole.push_back(index);
      }
      if (out.age > 0) {
        summary.withAge.push_back(index);
      }
      if (out.list >= 0) {
        summary.withList.push_back(index);
        out.listBegin = static_cast<uint32_t>(summary.listIds.size());
        listNeighbours(m.listKeys, summary.listIds);
        out.listEnd = static_cast<uint32_t>(summary.listIds.size());
      }
      if (!neighbours.empty()) {
        summary.withNeighbours.push_back(index);
      }
      summary.byPlace.emplace_back(out.ref.doc, out.sentence, index);
      summary.mentions.push_back(std::move(out));
    }
    std::sort(summary.byPlace.begin(), summary.byPlace.end());
    for (const uint8_t i : summary.withRole) {
      summary.roleHeads.push_back(summary.mentions[i].roleHead);
    }
    for (const uint8_t i : summary.withAge) {
      summary.ages.push_back(summary.mentions[i].age);
    }
    std::sort(summary.roleHeads.begin(), summary.roleHeads.end());
    summary.roleHeads.erase(std::unique(summary.roleHeads.begin(), summary.roleHeads.end()),
                            summary.roleHeads.end());
    std::sort(summary.ages.begin(), summary.ages.end());
    summary.ages.erase(std::unique(summary.ages.begin(), summary.ages.end()), summary.ages.end());
    // Summaries are kept until every pair has been judged: without their slack.
    summary.neighbourIds.shrink_to_fit();
    std::sort(summary.neighbourUnion.begin(), summary.neighbourUnion.end());
    summary.neighbourUnion.erase(
        std::unique(summary.neighbourUnion.begin(), summary.neighbourUnion.end()),
        summary.neighbourUnion.end());
    summary.neighbourUnion.shrink_to_fit();
    summary.withRole.shrink_to_fit();
    summary.withAge.shrink_to_fit();
    summary.withList.shrink_to_fit();
    summary.withNeighbours.shrink_to_fit();
  }

  bool ubiquitousId(uint32_t id) const { return ubiquitousById_[id] != 0; }

  // The ids of the keys of the names listed with a mention (the other mentions of its
  // enumeration), appended to `out` as sorted, distinct ids.
  void listNeighbours(const std::vector<std::string>& keys, std::vector<uint32_t>& out) {
    const size_t begin = out.size();
    for (const std::string& key : keys) {
      const auto [id, inserted] =
          listKeyId_.tryEmplace(key, static_cast<uint32_t>(listKeyText_.size()));
      if (inserted) {
        listKeyText_.push_back(key);
      }
      out.push_back(*id);
    }
    std::sort(out.begin() + static_cast<ptrdiff_t>(begin), out.end());
    out.erase(std::unique(out.begin() + static_cast<ptrdiff_t>(begin), out.end()), out.end());
  }

  std::string displayKey(const std::string& key) const {
    // Capitalise the first letter of each word of a key for messages.
    std::string out = key;
    bool start = true;
    for (char& c : out) {
      if (start && c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
      }
      start = c == ' ' || c == '-';
    }
    return out;
  }

  // The clues that two forms name one entity, strong and weak. With `describe` false only
  // their number is wanted: each clue is an empty string (the decision needs no more), and
  // the weak clues are looked for only when `wantWeak`.
  void collectEvidence(uint32_t fa, uint32_t fb, uint32_t ta, uint32_t tb,
                       const std::vector<uint32_t>& shared, std::vector<std::string>& strong,
                       std::vector<std::string>& weak, bool describe, bool wantWeak) const {
    const Form& a = forms_[fa];
    const Form& b = forms_[fb];
    for (uint32_t t : shared) {
      if (distinctiveToken_[t] == 0) {
        continue; // "Corp", "Court", "Division": shared by many names
      }
      const bool inherited = [&] {
        for (uint32_t i = a.ownParts; i < a.tokens.size(); ++i) {
          if (a.tokens[i] == t) {
            return true;
          }
        }
        for (uint32_t i = b.ownParts; i < b.tokens.size(); ++i) {
          if (b.tokens[i] == t) {
            return true;
          }
        }
        return false;
      }();
      // A shared last part (surname, the head of an organisation's name) identifies; a
      // shared first name ("David", "Paul") does not.
      const bool lastOfBoth =
          !a.tokens.empty() && !b.tokens.empty() && a.tokens.back() == t && b.tokens.back() == t;
      (lastOfBoth || inherited ? strong : weak)
          .push_back(!describe ? std::string()
                               : "shared name part `" + displayKey(tokens_[t].key) + "`" +
                                     (inherited ? " (by coordination, as in \"A and B " +
                                                      displayKey(tokens_[t].key) + "\")"
                                                : ""));
    }
    const int ra = registerEntryOfForm_[fa];
    const int rb = registerEntryOfForm_[fb];
    if (ra >= 0 || rb >= 0) {
      const EntityEntry& entry = config_->entities[static_cast<size_t>(ra >= 0 ? ra : rb)];
      strong.push_back(describe ? "register entry `" + entry.canonical + "`" : std::string());
    }
    // The two differing parts are no evidence of their own.
    const uint32_t selfA = tokenKeyId_[ta];
    const uint32_t selfB = tokenKeyId_[tb];
    const FormSummary& sa = summaryOf(fa);
    const FormSummary& sb = summaryOf(fb);
    const auto counts = [&](uint32_t key) {
      // A name in most documents (the story's protagonist) says nothing.
      return key != selfA && key != selfB && !ubiquitousId(key);
    };
    // Each clue comes from the first pair of mentions (in the order of the forms' mentions,
    // a's outer) that shows it; only the mentions that can show it are paired.
    constexpr uint32_t kNotFound = UINT32_MAX;
    const auto position = [](size_t i, size_t j) {
      return static_cast<uint32_t>(i * kMaxEvidenceMentions + j);
    };
    const auto firstPair = [&](const std::vector<uint8_t>& xs, const std::vector<uint8_t>& ys,
                               const auto& shows) -> std::pair<uint32_t, uint32_t> {
      for (const uint8_t i : xs) {
        for (const uint8_t j : ys) {
          if (shows(sa.mentions[i], sb.mentions[j])) {
            return {i, j};
          }
        }
      }
      return {kNotFound, kNotFound};
    };
    struct Clue {
      uint32_t at = 0;
      int order = 0; // role, age, list: the order the clues of one pair are told in
      std::string text;
    };
    std::vector<Clue> clues;
    const auto sameRole = [](const MentionSummary& x, const MentionSummary& y) {
      if (x.roleHead != y.roleHead) {
        return false;
      }
      return x.relation ? (x.roleOf == 0 || y.roleOf == 0 || x.roleOf == y.roleOf)
                        : (x.role == y.role && x.roleSpaced);
    };
    if (intersects(sa.roleHeads, sb.roleHeads)) {
      if (const auto [i, j] = firstPair(sa.withRole, sb.withRole, sameRole); i != kNotFound) {
        const Mention& x = mentionOf(sa.mentions[i].ref);
        const Mention& y = mentionOf(sb.mentions[j].ref);
        std::string what = x.role().size() >= y.role().size() ? x.role() : y.role();
        const std::string& of = x.roleOf().empty() ? y.roleOf() : x.roleOf();
        clues.push_back({position(i, j), 0,
                         describe
                             ? "same role: " + (of.empty() ? what : displayKey(of) + "'s " + what)
                             : std::string()});
      }
    }
    if (intersects(sa.ages, sb.ages)) {
      const auto [i, j] =
          firstPair(sa.withAge, sb.withAge, [](const MentionSummary& x, const MentionSummary& y) {
            return x.age == y.age;
          });
      clues.push_back(
          {position(i, j), 1,
           describe ? "same age: " + std::to_string(sa.mentions[i].age) : std::string()});
    }
    if (!sa.withList.empty() && !sb.withList.empty()) {
      const auto [i, j] = firstPair(sa.withList, sb.withList,
                                    [&](const MentionSummary& x, const MentionSummary& y) {
                                      return intersects(sa.listedWith(x), sb.listedWith(y));
                                    });
      if (i != kNotFound) {
        // The names both are listed with, in alphabetical order.
        std::vector<std::string> common;
        const std::span<const uint32_t> lx = sa.listedWith(sa.mentions[i]);
        const std::span<const uint32_t> ly = sb.listedWith(sb.mentions[j]);
        std::vector<uint32_t> ids;
        std::set_intersection(lx.begin(), lx.end(), ly.begin(), ly.end(), std::back_inserter(ids));
        for (const uint32_t id : ids) {
          common.push_back(listKeyText_[id]);
        }
        std::sort(common.begin(), common.end());
        std::string names;
        for (const auto& c : common) {
          names += (names.empty() ? "" : ", ") + displayKey(c);
        }
        clues.push_back({position(i, j), 2, "listed with the same names: " + names});
      }
    }
    std::sort(clues.begin(), clues.end(), [](const Clue& x, const Clue& y) {
      return x.at != y.at ? x.at < y.at : x.order < y.order;
    });
    for (Clue& clue : clues) {
      strong.push_back(std::move(clue.text));
    }
    if (!describe && !wantWeak) {
      return; // the decision needs only the strong clues
    }
    // Names in a sentence with both forms: when at most three, the pairs of mentions below
    // would collect all of them, so they are taken from the unions at once.
    std::set<uint32_t> sharedNeighbours;
    bool neighboursDone = false;
    {
      std::array<uint32_t, 4> first{}; // the first four that count
      size_t found = 0;
      const std::vector<uint32_t>& ua = sa.neighbourUnion;
      const std::vector<uint32_t>& ub = sb.neighbourUnion;
      for (size_t x = 0, y = 0; x < ua.size() && y < ub.size() && found < 4;) {
        if (ua[x] < ub[y]) {
          ++x;
        } else if (ub[y] < ua[x]) {
          ++y;
        } else {
          if (counts(ua[x])) {
            first[found++] = ua[x];
          }
          ++x;
          ++y;
        }
      }
      if (found <= 3) {
        sharedNeighbours.insert(first.begin(), first.begin() + static_cast<ptrdiff_t>(found));
        neighboursDone = true;
      }
    }
    // Used within three sentences of each other in one document: for each mention of a in
    // order, the first mention of b near it.
    for (const MentionSummary& ma : sa.mentions) {
      const uint32_t low = ma.sentence > 3 ? ma.sentence - 3 : 0;
      auto it = std::lower_bound(sb.byPlace.begin(), sb.byPlace.end(),
                                 std::make_tuple(ma.ref.doc, low, uint8_t{0}));
      if (it != sb.byPlace.end() && std::get<0>(*it) == ma.ref.doc &&
          std::get<1>(*it) <= ma.sentence + 3) {
        weak.push_back(describe ? "used within a few sentences of each other in " +
                                      docs_[ma.ref.doc]->doc.id
                                : std::string());
        break;
      }
    }
    if (!neighboursDone && !describe) {
      weak.emplace_back(); // more than three shared: only the count is wanted here
      return;
    }
    if (!neighboursDone) {
      for (const uint8_t i : sa.withNeighbours) {
        for (const uint8_t j : sb.withNeighbours) {
          if (sharedNeighbours.size() >= 3) {
            break;
          }
          const std::span<const uint32_t> na = sa.neighboursOf(i);
          const std::span<const uint32_t> nb = sb.neighboursOf(j);
          for (size_t x = 0, y = 0; x < na.size() && y < nb.size();) {
            if (na[x] < nb[y]) {
              ++x;
            } else if (nb[y] < na[x]) {
              ++y;
            } else {
              if (counts(na[x])) {
                sharedNeighbours.insert(na[x]);
              }
              ++x;
              ++y;
            }
          }
        }
      }
    }
    if (!sharedNeighbours.empty() && !describe) {
      weak.emplace_back();
    } else if (!sharedNeighbours.empty()) {
      std::vector<std::string> keys;
      for (const uint32_t n : sharedNeighbours) {
        keys.push_back(keyText_[n]);
      }
      std::sort(keys.begin(), keys.end());
      std::string names;
      for (const auto& c : keys) {
        names += (names.empty() ? "" : ", ") + displayKey(c);
      }
      weak.push_back("named in the same sentence as " + names);
    }
  }

  // A name part that identifies: not a common word or an organisation designator.
  // Words that name a kind of organisation, not one: "Corp", "Court", "Division".
  static bool isDesignator(std::string_view key) {
    static constexpr std::array<std::string_view, 33> kDesignators = {
        "inc",         "corp",     "co",         "ltd",        "llc",
        "plc",         "sa",       "ag",         "nv",         "bv",
        "gmbh",        "spa",      "group",      "holdings",   "international",
        "corporation", "company",  "bank",       "fund",       "industries",
        "systems",     "partners", "associates", "university", "committee",
        "council",     "ministry", "department", "agency",     "party",
        "army",        "court",    "news"};
    static const WordSet kSet(kDesignators.begin(), kDesignators.end());
    return kSet.contains(key);
  }

  bool distinctive(uint32_t t) const {
    const TokenInfo& info = tokens_[t];
    if (info.spelling.normalized.size() < 3 || isDesignator(info.key)) {
      return false;
    }
    return lexicon_ == nullptr || !lexicon_->isCommonWord(foldDiacritics(info.key));
  }

  bool ubiquitous(const std::string& key) const {
    double count = 0;
    double n = static_cast<double>(docs_.size());
    if (scope_ != nullptr) {
      count = static_cast<double>(scope_->documentFrequency(key));
      n = static_cast<double>(scope_->documentCount());
    } else if (const uint32_t* documents = documentFrequency_.find(key)) {
      count = static_cast<double>(*documents);
    }
    return count > std::max(3.0, 0.6 * n);
  }

  bool distinctPair(uint32_t fa, uint32_t fb) const {
    if (distinct_.empty()) {
      return false;
    }
    const std::string& ka = forms_[fa].key;
    const std::string& kb = forms_[fb].key;
    if (distinct_.contains({std::min(ka, kb), std::max(ka, kb)})) {
      return true;
    }
    // A distinct pair of full names also separates their differing parts.
    for (const auto& [x, y] : distinct_) {
      const bool aInX = ka.find(x) != std::string::npos || x.find(ka) != std::string::npos;
      const bool bInY = kb.find(y) != std::string::npos || y.find(kb) != std::string::npos;
      const bool aInY = ka.find(y) != std::string::npos || y.find(ka) != std::string::npos;
      const bool bInX = kb.find(x) != std::string::npos || x.find(kb) != std::string::npos;
      if ((aInX && bInY) || (aInY && bInX)) {
        return true;
      }
    }
    return false;
  }

  using FormList = std::vector<std::pair<uint32_t, uint32_t>>;

  // The forms of `self` to compare with those of `other`, at most kMaxFormsPerToken: when a
  // name part is used in more forms than that ("Yevgeny" with a hundred surnames), the
  // forms sharing another part with a form of `other` ("Yevgeny Dorala" for "Evgeny
  // Dorala") come first, as only they can be aligned; the rest follow in order. Forms
  // sharing a part are all kept up to kMaxSharedFormsPerToken: each side choosing 64 of
  // its own would leave most pairs of a widely used variant apart.
  FormList formsToCompare(const TokenInfo& self, uint32_t selfId, const TokenInfo& other) const {
    if (self.forms.size() <= kMaxFormsPerToken) {
      return self.forms;
    }
    std::unordered_set<uint32_t> otherParts;
    for (const auto& [f, position] : other.forms) {
      for (const uint32_t t : forms_[f].tokens) {
        otherParts.insert(t);
      }
    }
    FormList out = self.forms;
    const auto sharing =
        std::stable_partition(out.begin(), out.end(), [&](const std::pair<uint32_t, uint32_t>& fp) {
          const std::vector<uint32_t>& parts = forms_[fp.first].tokens;
          return std::any_of(parts.begin(), parts.end(),
                             [&](uint32_t t) { return t != selfId && otherParts.contains(t); });
        });
    const auto shared = static_cast<size_t>(sharing - out.begin());
    out.resize(std::max(kMaxFormsPerToken, std::min(shared, kMaxSharedFormsPerToken)));
    return out;
  }

  // Judges every candidate pair of parts over the forms that use them. The summaries of
  // the forms are built first; the pairs are then judged on every core, each candidate
  // writing its own edges, gathered in candidate order.
  void scoreEdges() {
    struct Job {
      uint32_t ta = 0;
      uint32_t tb = 0;
      FormList formsA;
      FormList formsB;
      std::vector<std::pair<uint8_t, uint8_t>> aligned; // (index in formsA, in formsB)
      double sim = 0;                                   // spelling similarity of the two parts
      Surnames surnames; // what the first names before the two parts tell
      // Without a scope, by aligned pair: its lone form when its aloneDocs are wanted (see
      // listAloneDocs), else kNoForm.
      std::vector<uint32_t> lone;
    };
    summaryOf_.assign(forms_.size(), kNoSummary);
    tokenKeyId_.assign(tokens_.size(), 0);
    for (const auto& [ta, tb] : candidates_) {
      tokenKeyId_[ta] = keyId(tokens_[ta].key);
      tokenKeyId_[tb] = keyId(tokens_[tb].key);
    }
    distinctiveToken_.resize(tokens_.size());
    for (uint32_t t = 0; t < tokens_.size(); ++t) {
      distinctiveToken_[t] = distinctive(t) ? 1 : 0;
    }
    // The candidate pairs go in batches, so that the lists of forms to compare are held
    // for one batch at a time. In each: first the pairs of forms whose other parts agree
    // (on every core), then the summaries of just those forms (their mentions read on every
    // core, then numbered in pair order, so that key ids are given out in the same order
    // whatever the batch size), then the evidence and the decision for each pair (on every
    // core). A scope's summaries are made in the loop: its bound reads them.
    static_assert(kMaxFormsPerToken <= 256 && kMaxSharedFormsPerToken <= 256,
                  "form indices are kept in a byte");
    // What the first names tell of the two parts, read only when one of the aligned pairs
    // has a lone word.
    const auto surnamesOfLone = [&](const Job& job) {
      const bool lone = std::any_of(
          job.aligned.begin(), job.aligned.end(), [&](const std::pair<uint8_t, uint8_t>& ij) {
            return loneForm(job.formsA[ij.first]) || loneForm(job.formsB[ij.second]);
          });
      return lone ? surnamesOf(job.ta, job.tb) : Surnames{};
    };
    std::vector<Job> jobs;
    for (size_t from = 0; from < candidates_.size(); from += kPairsPerBatch) {
      const size_t to = std::min(candidates_.size(), from + kPairsPerBatch);
      jobs.assign(to - from, Job{});
      parallelFor(jobs.size(), 64, [&](size_t i) {
        Job& job = jobs[i];
        std::tie(job.ta, job.tb) = candidates_[from + i];
        job.formsA = formsToCompare(tokens_[job.ta], job.ta, tokens_[job.tb]);
        job.formsB = formsToCompare(tokens_[job.tb], job.tb, tokens_[job.ta]);
        alignForms(job.formsA, job.formsB, job.aligned);
        job.sim = spellingSimilarity(tokens_[job.ta].spelling, tokens_[job.tb].spelling);
        if (scope_ == nullptr) {
          // What the serial pass below needs of each pair, read here on every core: every
          // aligned pair is judged (the analysis decides none beforehand).
          job.surnames = surnamesOfLone(job);
          job.lone.reserve(job.aligned.size());
          for (const auto& [a, b] : job.aligned) {
            const auto [fa, pa] = job.formsA[a];
            const auto [fb, pb] = job.formsB[b];
            job.lone.push_back(wantsAloneDocs(fa, pa, fb, pb, job.surnames)
                                   ? (loneForm({fa, pa}) ? fa : fb)
                                   : kNoForm);
          }
        }
      });
      uint64_t judged = 0;
      std::vector<uint32_t> shared;
      std::vector<uint32_t> aloneAsked; // lone forms whose aloneDocs are yet to be made
      std::vector<uint32_t> pending;    // forms whose summaries are yet to be filled
      if (scope_ == nullptr) {
        // The summaries numbered and the lone forms listed in pair order.
        for (const Job& job : jobs) {
          for (size_t k = 0; k < job.aligned.size(); ++k) {
            for (const uint32_t f : {job.formsA[job.aligned[k].first].first,
                                     job.formsB[job.aligned[k].second].first}) {
              if (reserveSummary(f)) {
                pending.push_back(f);
              }
            }
            if (job.lone[k] != kNoForm) {
              FormSummary& summary = summaries_[summaryOf_[job.lone[k]]];
              if (!summary.aloneDocsListed) {
                summary.aloneDocsListed = true;
                aloneAsked.push_back(job.lone[k]);
              }
            }
          }
        }
      } else {
        for (Job& job : jobs) {
          job.surnames = surnamesOfLone(job);
          std::erase_if(job.aligned, [&](const std::pair<uint8_t, uint8_t>& ij) {
            const auto [fa, pa] = job.formsA[ij.first];
            const auto [fb, pb] = job.formsB[ij.second];
            if (analysisDecides(fa, fb)) {
              return false; // scorePair passes over it
            }
            // One summary may settle the pair: one made already, else that of the side with
            // fewer forms (its forms meet many of the other side's).
            const bool aFirst =
                summaryOf_[fa] != kNoSummary ||
                (summaryOf_[fb] == kNoSummary && job.formsA.size() <= job.formsB.size());
            const uint32_t first = aFirst ? fa : fb;
            const uint32_t second = aFirst ? fb : fa;
            summarise(first);
            const FormSummary* other =
                summaryOf_[second] != kNoSummary ? &summaryOf(second) : nullptr;
            listAloneDocs(fa, pa, fb, pb, job.surnames, aloneAsked);
            if (!mayMergeGiven(job.ta, job.tb, job.sim, job.surnames, fa, pa, fb, pb,
                               summaryOf(first), other, shared)) {
              return true;
            }
            summarise(fa);
            summarise(fb);
            listAloneDocs(fa, pa, fb, pb, job.surnames, aloneAsked);
            ++judged;
            return false;
          });
        }
      }
      {
        std::vector<std::vector<MentionReading>> readings(pending.size());
        parallelFor(pending.size(), 16, [&](size_t k) { readings[k] = readMentions(pending[k]); });
        for (size_t k = 0; k < pending.size(); ++k) {
          fillSummary(pending[k], readings[k]);
        }
      }
      parallelFor(aloneAsked.size(), 16, [&](size_t i) { makeAloneDocs(aloneAsked[i]); });
      if (scope_ != nullptr) {
        scopePairCounts().judged += judged;
      }
      for (size_t id = ubiquitousById_.size(); id < keyText_.size(); ++id) {
        ubiquitousById_.push_back(ubiquitous(keyText_[id]) ? 1 : 0);
      }
      std::vector<std::vector<Edge>> found(jobs.size());
      parallelFor(jobs.size(), 64, [&](size_t i) {
        scorePair(jobs[i].ta, jobs[i].tb, jobs[i].sim, jobs[i].surnames, jobs[i].formsA,
                  jobs[i].formsB, jobs[i].aligned, found[i]);
      });
      for (std::vector<Edge>& edges : found) {
        std::move(edges.begin(), edges.end(), std::back_inserter(edges_));
      }
    }
  }

  // The pairs of forms of a candidate pair of parts that can name one entity: not one form,
  // not two register entries, one of them used, their other parts agreeing, not distinct.
  // In (i, j) order.
  void alignForms(const FormList& formsA, const FormList& formsB,
                  std::vector<std::pair<uint8_t, uint8_t>>& out) const {
    std::vector<uint32_t> shared;
    const auto tryPair = [&](size_t i, size_t j) {
      const auto [fa, pa] = formsA[i];
      const auto [fb, pb] = formsB[j];
      if (fa == fb) {
        return;
      }
      const int ra = registerEntryOfForm_[fa];
      const int rb = registerEntryOfForm_[fb];
      if (ra >= 0 && rb >= 0 && ra != rb) {
        return; // two register entries: kept apart
      }
      if (forms_[fa].mentions.empty() && forms_[fb].mentions.empty()) {
        return;
      }
      shared.clear();
      if (!compatible(forms_[fa], pa, forms_[fb], pb, shared)) {
        return;
      }
      if (distinctPair(fa, fb)) {
        return;
      }
      out.emplace_back(static_cast<uint8_t>(i), static_cast<uint8_t>(j));
    };
    if (formsA.size() * formsB.size() < alignmentIndexThreshold().load(std::memory_order_relaxed)) {
      for (size_t i = 0; i < formsA.size(); ++i) {
        for (size_t j = 0; j < formsB.size(); ++j) {
          tryPair(i, j);
        }
      }
      return;
    }
    // With many forms on both sides most pairs fail compatible(), and only these can pass
    // it: one form is the aligned part alone, or some other part of one equals or is a
    // candidate variant of some other part of the second (compatible() finds such a partner
    // for every other part of the shorter form, never at the aligned place). So each form of
    // A tries only the forms of B that meet that, found through an index of B's other parts
    // (about 9 in 10 pairs of the generated corpora never reach compatible()).
    std::vector<std::pair<uint32_t, uint32_t>> parts; // (token, j), sorted
    std::vector<uint32_t> alone;                      // the j of forms that are their part alone
    for (size_t j = 0; j < formsB.size(); ++j) {
      const auto [fb, pb] = formsB[j];
      const Form& form = forms_[fb];
      if (form.tokens.size() == 1) {
        alone.push_back(static_cast<uint32_t>(j));
        continue;
      }
      for (uint32_t y = 0; y < form.tokens.size(); ++y) {
        if (y != pb) {
          parts.emplace_back(form.tokens[y], static_cast<uint32_t>(j));
        }
      }
    }
    std::sort(parts.begin(), parts.end());
    // By token of A: the forms of B holding it or one of its candidate variants, ascending.
    std::unordered_map<uint32_t, std::vector<uint32_t>> meets;
    const auto formsMeeting = [&](uint32_t t) -> const std::vector<uint32_t>& {
      auto [it, inserted] = meets.try_emplace(t);
      if (inserted) {
        std::vector<uint32_t>& js = it->second;
        const auto add = [&](uint32_t u) {
          for (auto p = std::lower_bound(parts.begin(), parts.end(), std::make_pair(u, 0U));
               p != parts.end() && p->first == u; ++p) {
            js.push_back(p->second);
          }
        };
        add(t);
        for (uint32_t k = partnersBegin_[t]; k < partnersBegin_[t + 1]; ++k) {
          add(partners_[k]);
        }
        sortUnique(js);
      }
      return it->second;
    };
    std::vector<uint32_t> js;
    for (size_t i = 0; i < formsA.size(); ++i) {
      const auto [fa, pa] = formsA[i];
      const Form& form = forms_[fa];
      if (form.tokens.size() == 1) {
        for (size_t j = 0; j < formsB.size(); ++j) {
          tryPair(i, j);
        }
        continue;
      }
      js = alone;
      for (uint32_t x = 0; x < form.tokens.size(); ++x) {
        if (x != pa) {
          const std::vector<uint32_t>& meeting = formsMeeting(form.tokens[x]);
          js.insert(js.end(), meeting.begin(), meeting.end());
        }
      }
      sortUnique(js);
      for (const uint32_t j : js) {
        tryPair(i, j);
      }
    }
  }

  // A lone word aligned with an inner or first part of a longer name ("Israel" and
  // "Yisrael Hayom") is more often another name than a variant: it needs a strong clue.
  bool loneAgainstInner(uint32_t fa, uint32_t pa, uint32_t fb, uint32_t pb) const {
    const Form& formA = forms_[fa];
    const Form& formB = forms_[fb];
    return (formA.ownParts == 1 && formB.ownParts >= 2 && pb + 1 != formB.ownParts) ||
           (formB.ownParts == 1 && formA.ownParts >= 2 && pa + 1 != formA.ownParts);
  }

  // A form of one part (a lone word), given as (form, aligned part).
  bool loneForm(std::pair<uint32_t, uint32_t> x) const {
    return forms_[x.first].tokens.size() == 1;
  }

  // A lone word aligned with the surname of a longer name: one of the forms is its part
  // alone, the other has two parts or more and is aligned on its last.
  bool loneAgainstSurname(std::pair<uint32_t, uint32_t> a, std::pair<uint32_t, uint32_t> b) const {
    const auto surname = [&](std::pair<uint32_t, uint32_t> x) {
      const size_t n = forms_[x.first].tokens.size();
      return n >= 2 && x.second + 1 == n;
    };
    return (loneForm(a) && surname(b)) || (loneForm(b) && surname(a));
  }

  // What the first names written before two parts, as surnames, tell of a lone word.
  Surnames surnamesOf(uint32_t ta, uint32_t tb) const {
    const FirstNames a = firstNamesOf(ta);
    const FirstNames b = firstNamesOf(tb);
    FirstNames both = a;
    both.add(b);
    return {both.several(), a.disjoint(b)};
  }

  FirstNames firstNamesOf(uint32_t t) const {
    if (scope_ != nullptr) {
      return scope_->firstNamesOf(tokens_[t].key);
    }
    const auto it = firstNamesOfSurname_.find(tokens_[t].key);
    return it == firstNamesOfSurname_.end() ? FirstNames{} : it->second;
  }

  // Whether the lone form stands for the full form in some article: their summarised
  // mentions share one, no full name there ends with the lone word itself ("Regan" beside
  // "Ronald Reagan" stands for the article's "Donald Regan"), and the article writes the
  // lone word no more often than the full name: a slip is not repeated more often than
  // the name it misspells (an article naming "Donald Regan" once and "President Reagan"
  // eleven times names two people). Both are summarised.
  bool standsFor(uint32_t loneForm, uint32_t fullForm) const {
    const FormSummary& lone = summaryOf(loneForm);
    const FormSummary& full = summaryOf(fullForm);
    assert(lone.aloneDocsListed);
    // Mentions are in text order, so their documents ascend.
    auto x = lone.aloneDocs.begin();
    auto y = full.mentions.begin();
    while (x != lone.aloneDocs.end() && y != full.mentions.end()) {
      if (*x == y->ref.doc) {
        if (mentionsIn(loneForm, *x) <= mentionsIn(fullForm, *x)) {
          return true;
        }
        ++x;
        continue;
      }
      if (*x < y->ref.doc) {
        ++x;
      } else {
        ++y;
      }
    }
    return false;
  }

  // How many mentions of form `f` article `doc` has (a form's mentions are in text order).
  size_t mentionsIn(uint32_t f, uint32_t doc) const {
    const std::vector<MentionRef>& mentions = forms_[f].mentions;
    const auto from = std::partition_point(mentions.begin(), mentions.end(),
                                           [doc](const MentionRef& m) { return m.doc < doc; });
    const auto to = std::partition_point(from, mentions.end(),
                                         [doc](const MentionRef& m) { return m.doc == doc; });
    return static_cast<size_t>(to - from);
  }

  // Whether needsStrongClue will ask standsFor of an aligned pair, which reads the lone
  // form's articles.
  bool wantsAloneDocs(uint32_t fa, uint32_t pa, uint32_t fb, uint32_t pb, Surnames surnames) const {
    return surnames.shared && !loneAgainstInner(fa, pa, fb, pb) &&
           loneAgainstSurname({fa, pa}, {fb, pb});
  }

  // Lists the lone form's articles for standsFor when wantsAloneDocs (both summaries
  // placed): at once in a scope, whose bounds read them in the loop over the pairs;
  // otherwise queued, to be made on every core after that loop.
  void listAloneDocs(uint32_t fa, uint32_t pa, uint32_t fb, uint32_t pb, Surnames surnames,
                     std::vector<uint32_t>& queue) {
    if (!wantsAloneDocs(fa, pa, fb, pb, surnames) || summaryOf_[fa] == kNoSummary ||
        summaryOf_[fb] == kNoSummary) {
      return;
    }
    const uint32_t lone = loneForm({fa, pa}) ? fa : fb;
    FormSummary& summary = summaries_[summaryOf_[lone]];
    if (summary.aloneDocsListed) {
      return;
    }
    summary.aloneDocsListed = true;
    if (scope_ != nullptr) {
      makeAloneDocs(lone);
    } else {
      queue.push_back(lone);
    }
  }

  // Fills a lone form's aloneDocs (its summary made): one reading of each of its documents,
  // instead of one per pair it is judged in.
  void makeAloneDocs(uint32_t loneForm) {
    FormSummary& lone = summaries_[summaryOf_[loneForm]];
    const std::string& key = tokens_[forms_[loneForm].tokens.front()].key;
    uint32_t last = UINT32_MAX;
    for (const MentionSummary& x : lone.mentions) {
      const uint32_t d = x.ref.doc;
      if (d == last) {
        continue;
      }
      last = d;
      const auto& mentions = docs_[d]->mentions;
      if (std::none_of(mentions.begin(), mentions.end(),
                       [&](const Mention& m) { return firstAndSurname(m).second == key; })) {
        lone.aloneDocs.push_back(d);
      }
    }
    lone.aloneDocs.shrink_to_fit();
  }

  // Whether a pair needs a strong clue to merge, whatever its similarity:
  // - a lone word against an inner part;
  // - a lone word against a surname that several people share: it names one of them, and a
  //   clue they all have, as a place, tells not which; unless the two forms are used in one
  //   article, where the lone word stands for that article's full name;
  // - two lone words whose full names have no first name in common: they are the surnames
  //   of different people.
  // With a summary not made yet, the answer is the one that lets most pairs merge.
  bool needsStrongClue(uint32_t fa, uint32_t pa, uint32_t fb, uint32_t pb,
                       Surnames surnames) const {
    if (loneAgainstInner(fa, pa, fb, pb) ||
        (surnames.distinctPeople && loneForm({fa, pa}) && loneForm({fb, pb}))) {
      return true;
    }
    if (!surnames.shared || !loneAgainstSurname({fa, pa}, {fb, pb}) ||
        summaryOf_[fa] == kNoSummary || summaryOf_[fb] == kNoSummary) {
      return false;
    }
    return loneForm({fa, pa}) ? !standsFor(fa, fb) : !standsFor(fb, fa);
  }

  // Whether a pair of forms aligned on a pair of parts merges, given its strong clues and
  // whether it has a weak one. More clues never undo a merge, so the rule also tells, from
  // an upper bound of the clues, that a pair cannot merge.
  static bool mergeRule(bool sameRegisterEntry, bool known, bool place, double sim,
                        bool needsStrongClue, size_t strong, bool anyWeak) {
    if (needsStrongClue && strong == 0) {
      return false;
    }
    if (sameRegisterEntry) {
      return true;
    }
    if (known) {
      // Two dictionary names: two strong clues (John/Joan), one when their keys are nearly
      // equal (Jamal/Jamaal, Mohamed/Mohammed: one name transliterated two ways).
      return sim >= kIdenticalKey ? strong >= 1 : sim >= kStrongSim && strong >= 2;
    }
    if (place) {
      return sim >= kStrongSim && strong >= 1;
    }
    if (sim >= kIdenticalKey) {
      return strong >= 1 || anyWeak;
    }
    if (sim >= kStrongSim) {
      return strong >= 1;
    }
    return strong >= 2;
  }

  // In a scope, whether an aligned pair can merge at all, from the summary of one of its
  // forms (and of the other, when made already): the strong clues it could give are its
  // shared distinctive parts, a register entry, and a role, an age or a list only when each
  // summarised form has a mention with one. The new spelling of an edited name is aligned
  // with the forms of a common partner (up to kMaxFormsPerToken: "Hems" with "Thomas ..." of
  // as many surnames): most such pairs are settled here, without a summary of the other.
  bool mayMergeGiven(uint32_t ta, uint32_t tb, double sim, Surnames surnames, uint32_t fa,
                     uint32_t pa, uint32_t fb, uint32_t pb, const FormSummary& summarised,
                     const FormSummary* other, std::vector<uint32_t>& shared) const {
    const TokenInfo& a = tokens_[ta];
    const TokenInfo& b = tokens_[tb];
    const int ra = registerEntryOfForm_[fa];
    const int rb = registerEntryOfForm_[fb];
    if (ra >= 0 || rb >= 0) {
      return true;
    }
    shared.clear();
    (void)compatible(forms_[fa], pa, forms_[fb], pb, shared);
    size_t strong = 0;
    for (const uint32_t t : shared) {
      strong += distinctiveToken_[t] != 0 ? 1 : 0; // an upper bound: last or inherited
    }
    const auto both = [&](auto has) {
      return has(summarised) && (other == nullptr || has(*other));
    };
    strong += both([](const FormSummary& f) { return !f.withRole.empty(); }) ? 1 : 0;
    strong += both([](const FormSummary& f) { return !f.withAge.empty(); }) ? 1 : 0;
    strong += both([](const FormSummary& f) { return !f.withList.empty(); }) ? 1 : 0;
    return mergeRule(false, a.properName && b.properName, a.place || b.place, sim,
                     needsStrongClue(fa, pa, fb, pb, surnames), strong, true);
  }

  void scorePair(uint32_t ta, uint32_t tb, double sim, Surnames surnames, const FormList& formsA,
                 const FormList& formsB, const std::vector<std::pair<uint8_t, uint8_t>>& aligned,
                 std::vector<Edge>& out) const {
    const TokenInfo& a = tokens_[ta];
    const TokenInfo& b = tokens_[tb];
    std::vector<uint32_t> shared;
    std::vector<std::pair<uint32_t, uint32_t>> variants;
    std::vector<std::string> strong;
    std::vector<std::string> weak;
    for (const auto& [i, j] : aligned) {
      {
        const auto [fa, pa] = formsA[i];
        const auto [fb, pb] = formsB[j];
        if (analysisDecides(fa, fb)) {
          continue; // takeMergedPairs brings the analysis's decision
        }
        const int ra = registerEntryOfForm_[fa];
        const int rb = registerEntryOfForm_[fb];
        shared.clear();
        variants.clear();
        // Aligned: true; the shared parts, and the other parts spelt differently.
        (void)compatible(forms_[fa], pa, forms_[fb], pb, shared, &variants);
        const bool sameRegisterEntry = ra >= 0 && ra == rb;
        // Two dictionary names (John/Joan) or two places need strong clues (mergeRule).
        const bool known = a.properName && b.properName;
        const bool place = a.place || b.place; // Zaire/Zayre, Cuba/Koba
        // Only (nearly) equal keys of names that are neither known nor places, outside the
        // register, can be merged on weak clues alone.
        const bool weakCounts = !sameRegisterEntry && !known && !place && sim >= kIdenticalKey;
        strong.clear();
        weak.clear();
        collectEvidence(fa, fb, ta, tb, shared, strong, weak, false, weakCounts);
        const bool merge =
            mergeRule(sameRegisterEntry, known, place, sim,
                      needsStrongClue(fa, pa, fb, pb, surnames), strong.size(), !weak.empty());
        if (!merge) {
          continue;
        }
        // Two names that differ in another part too are one name only when that part is
        // written much alike (Isam/Issam 0.94, Mohammed/Muhammad 0.93) or on a strong clue:
        // "Donald Regan" and "Ronald Reagan" differ in each part (Donald/Ronald 0.83) and
        // are two people.
        if (strong.empty() &&
            std::any_of(variants.begin(), variants.end(), [&](std::pair<uint32_t, uint32_t> v) {
              return spellingSimilarity(tokens_[v.first].spelling, tokens_[v.second].spelling) <
                     kStrongSim;
            })) {
          continue;
        }
        strong.clear();
        weak.clear();
        collectEvidence(fa, fb, ta, tb, shared, strong, weak, true, true);
        Edge edge{fa, fb, ta, tb, {}};
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "spelling similarity %.2f", sim);
        edge.evidence.emplace_back(buffer);
        edge.evidence.insert(edge.evidence.end(), strong.begin(), strong.end());
        edge.evidence.insert(edge.evidence.end(), weak.begin(), weak.end());
        out.push_back(std::move(edge));
      }
    }
  }

  Location partLocation(const MentionRef& ref, uint32_t tokenIndexInForm) const {
    const Mention& m = mentionOf(ref);
    const uint32_t part =
        std::min<uint32_t>(tokenIndexInForm, static_cast<uint32_t>(m.parts.size() - 1));
    return {docs_[ref.doc]->doc.id, m.parts[part].span};
  }

  std::string formText(uint32_t f) const {
    const Form& form = forms_[f];
    if (!form.mentions.empty()) {
      return mentionText(form.mentions.front());
    }
    std::string out;
    for (uint32_t i = 0; i < form.ownParts; ++i) {
      if (!out.empty()) {
        out += ' ';
      }
      out += displayKey(tokens_[form.tokens[i]].key);
    }
    return out;
  }

  // The text of token `t` as written in form `f`.
  std::string tokenText(uint32_t f, uint32_t t) const {
    const Form& form = forms_[f];
    for (uint32_t i = 0; i < form.ownParts && i < form.tokens.size(); ++i) {
      if (form.tokens[i] == t) {
        if (!form.mentions.empty()) {
          const Mention& m = mentionOf(form.mentions.front());
          if (i < m.parts.size()) {
            return std::string(m.parts[i].text(docs_[form.mentions.front().doc]->doc));
          }
        }
        return registerText(f, i);
      }
    }
    return displayKey(tokens_[t].key);
  }

  std::string registerText(uint32_t f, uint32_t part) const {
    const int r = registerEntryOfForm_[f];
    if (r < 0) {
      return displayKey(tokens_[forms_[f].tokens[part]].key);
    }
    const EntityEntry& entry = config_->entities[static_cast<size_t>(r)];
    std::vector<std::string> spellings{entry.canonical};
    spellings.insert(spellings.end(), entry.variants.begin(), entry.variants.end());
    for (const std::string& s : spellings) {
      if (joinKeys(keysOf(s)) == forms_[f].key) {
        std::vector<std::string> words;
        for (const std::string& w : splitWords(s)) {
          const std::string folded = foldCase(w);
          if (folded != "al" && folded != "el" && folded != "of") {
            words.push_back(w);
          }
        }
        if (part < words.size()) {
          return words[part];
        }
      }
    }
    return displayKey(tokens_[forms_[f].tokens[part]].key);
  }

  void buildEntities();

  // The documents of a form's mentions, appended once each: its mentions are in text
  // order, so a document's mentions are one run.
  static void appendDocuments(const Form& form, std::vector<uint32_t>& out) {
    for (size_t i = 0; i < form.mentions.size(); ++i) {
      if (i == 0 || form.mentions[i].doc != form.mentions[i - 1].doc) {
        out.push_back(form.mentions[i].doc);
      }
    }
  }
};

void Builder::buildEntities() {
  if (edges_.empty()) {
    return;
  }
  UnionFind formSets(forms_.size());
  for (const Edge& e : edges_) {
    formSets.unite(e.formA, e.formB);
  }
  // Entities: components of forms, numbered in order of their first form.
  std::map<uint32_t, uint32_t> entityOfRoot;
  std::vector<std::vector<uint32_t>> members;
  std::vector<std::vector<const Edge*>> entityEdges;
  for (const Edge& e : edges_) {
    const uint32_t root = formSets.find(e.formA);
    auto [it, inserted] = entityOfRoot.try_emplace(root, static_cast<uint32_t>(members.size()));
    if (inserted) {
      members.emplace_back();
      entityEdges.emplace_back();
    }
    entityEdges[it->second].push_back(&e);
  }
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    auto it = entityOfRoot.find(formSets.find(f));
    if (it != entityOfRoot.end()) {
      members[it->second].push_back(f);
    }
  }

  // A scope for one document's names: only the entities it names are written, with its
  // hits and variant uses (their counts and lists still reach every document).
  uint32_t target = UINT32_MAX;
  const bool targeted = scope_ != nullptr && !scope_->target.empty();
  if (targeted) {
    // docs_ are in id order.
    const auto it = std::lower_bound(
        docs_.begin(), docs_.end(), scope_->target,
        [](const DocumentFacts* facts, const std::string& id) { return facts->doc.id < id; });
    if (it != docs_.end() && (*it)->doc.id == scope_->target) {
      target = static_cast<uint32_t>(it - docs_.begin());
    }
  }
  const auto wanted = [&](uint32_t doc) { return !targeted || doc == target; };

  for (uint32_t e = 0; e < members.size(); ++e) {
    if (targeted && std::none_of(members[e].begin(), members[e].end(), [&](uint32_t f) {
          return std::any_of(forms_[f].mentions.begin(), forms_[f].mentions.end(),
                             [&](const MentionRef& r) { return r.doc == target; });
        })) {
      continue;
    }
    Entity entity;
    entity.id = e;
    // The register entry of this entity, if any.
    const EntityEntry* entry = nullptr;
    for (uint32_t f : members[e]) {
      if (registerEntryOfForm_[f] >= 0) {
        entry = &config_->entities[static_cast<size_t>(registerEntryOfForm_[f])];
        break;
      }
    }
    std::set<uint32_t> registerTokensCanonical;
    std::set<uint32_t> registerTokensAccepted;
    if (entry != nullptr) {
      entity.registerCanonical = entry->canonical;
      entity.accepted = entry->variants;
      entity.registerNote = entry->note;
      for (const std::string& k : keysOf(entry->canonical)) {
        if (const uint32_t* t = tokenByKey_.find(k)) {
          registerTokensCanonical.insert(*t);
        }
      }
      for (const std::string& v : entry->variants) {
        for (const std::string& k : keysOf(v)) {
          if (const uint32_t* t = tokenByKey_.find(k)) {
            registerTokensAccepted.insert(*t);
          }
        }
      }
    }
    // Spelling records: one per form with mentions.
    std::vector<uint32_t> withMentions;
    for (uint32_t f : members[e]) {
      if (!forms_[f].mentions.empty()) {
        withMentions.push_back(f);
      }
    }
    if (withMentions.empty()) {
      continue;
    }
    // Documents per form, counted once for the sort below.
    std::map<uint32_t, size_t> documentCount;
    std::vector<uint32_t> documents;
    for (uint32_t f : withMentions) {
      documents.clear();
      appendDocuments(forms_[f], documents);
      documentCount[f] = documents.size();
    }
    std::sort(withMentions.begin(), withMentions.end(), [&](uint32_t x, uint32_t y) {
      const size_t dx = documentCount[x];
      const size_t dy = documentCount[y];
      if (dx != dy) {
        return dx > dy;
      }
      if (forms_[x].mentions.size() != forms_[y].mentions.size()) {
        return forms_[x].mentions.size() > forms_[y].mentions.size();
      }
      return forms_[x].tokens.size() > forms_[y].tokens.size();
    });
    const uint32_t spellingBase = 0;
    std::map<uint32_t, uint32_t> spellingOfForm;
    for (uint32_t f : withMentions) {
      SpellingRecord record;
      record.text = formText(f);
      record.key = forms_[f].key;
      // Document numbers sort as the ids do (docs_ are in id order).
      std::vector<uint32_t> docs;
      for (const MentionRef& r : forms_[f].mentions) {
        if (!wanted(r.doc)) {
          continue;
        }
        const Mention& m = mentionOf(r);
        record.mentions.push_back({docs_[r.doc]->doc.id, m.span});
        docs.push_back(r.doc);
      }
      std::sort(docs.begin(), docs.end());
      docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
      record.documents.reserve(docs.size());
      for (const uint32_t d : docs) {
        record.documents.push_back(docs_[d]->doc.id);
      }
      spellingOfForm[f] = spellingBase + static_cast<uint32_t>(entity.spellings.size());
      entity.spellings.push_back(std::move(record));
    }
    entity.name = entry != nullptr ? entry->canonical : entity.spellings.front().text;
    {
      std::set<std::string> seen;
      for (const Edge* edge : entityEdges[e]) {
        for (size_t i = 1; i < edge->evidence.size(); ++i) {
          if (seen.insert(edge->evidence[i]).second) {
            entity.evidence.push_back(edge->evidence[i]);
          }
        }
      }
    }
    for (const auto& [f, s] : spellingOfForm) {
      for (const MentionRef& r : forms_[f].mentions) {
        if (wanted(r.doc)) {
          index_.hits.push_back({e, s, {docs_[r.doc]->doc.id, mentionOf(r).span}});
        }
      }
    }

    // Spelling slots: name parts linked by edges. Within a slot, the preferred spelling is
    // the register's, else the one used by most documents (then most mentions).
    UnionFind slots(tokens_.size());
    std::set<uint32_t> slotTokens;
    for (const Edge* edge : entityEdges[e]) {
      slots.unite(edge->tokenA, edge->tokenB);
      slotTokens.insert(edge->tokenA);
      slotTokens.insert(edge->tokenB);
    }
    std::map<uint32_t, std::vector<uint32_t>> slotMembers;
    for (uint32_t t : slotTokens) {
      slotMembers[slots.find(t)].push_back(t);
    }
    // The entity's edges of each form, for the evidence of its uses.
    std::unordered_map<uint32_t, std::vector<const Edge*>> edgesOfForm;
    for (const Edge* edge : entityEdges[e]) {
      edgesOfForm[edge->formA].push_back(edge);
      edgesOfForm[edge->formB].push_back(edge);
    }
    for (const auto& [root, slot] : slotMembers) {
      // Uses of each spelling of the slot in this entity's forms.
      struct Use {
        // Document numbers, sorted and distinct: docs_ are in the order of their ids (the
        // snapshot's), so these sort as the ids do.
        std::vector<uint32_t> documents;
        std::vector<std::pair<MentionRef, uint32_t>> places; // mention, part index
        std::vector<uint32_t> placeForms;                    // the form of each place
        uint32_t exampleForm = 0;
        [[nodiscard]] bool inDocument(uint32_t d) const {
          return std::binary_search(documents.begin(), documents.end(), d);
        }
      };
      std::map<uint32_t, Use> uses;
      for (uint32_t t : slot) {
        for (uint32_t f : members[e]) {
          const Form& form = forms_[f];
          // Every mention of a form writes its first ownParts parts (the form's key counts
          // them when a part is inherited): the mentions need not be read.
          for (uint32_t i = 0; i < form.ownParts && i < form.tokens.size(); ++i) {
            if (form.tokens[i] != t) {
              continue;
            }
            Use& use = uses[t];
            if (use.places.empty()) {
              use.exampleForm = f;
            }
            appendDocuments(form, use.documents);
            for (const MentionRef& r : form.mentions) {
              assert(i < mentionOf(r).parts.size());
              use.places.emplace_back(r, i);
              use.placeForms.push_back(f);
            }
          }
        }
      }
      for (auto& [t, use] : uses) {
        sortUnique(use.documents); // several forms: runs of each one's documents
      }
      uint32_t preferred = slot.front();
      bool fromRegister = false;
      for (uint32_t t : slot) {
        if (registerTokensCanonical.contains(t)) {
          preferred = t;
          fromRegister = true;
        }
      }
      if (!fromRegister) {
        for (uint32_t t : slot) {
          const Use& u = uses[t];
          const Use& p = uses[preferred];
          if (u.documents.size() > p.documents.size() ||
              (u.documents.size() == p.documents.size() && u.places.size() > p.places.size())) {
            preferred = t;
          }
        }
      }
      const Use& best = uses[preferred];
      for (uint32_t t : slot) {
        if (t == preferred || registerTokensAccepted.contains(t)) {
          continue;
        }
        const Use& use = uses[t];
        if (use.places.empty()) {
          continue;
        }
        // A tie without a register decision: both spellings are reported, each against
        // the other.
        const bool tie = !fromRegister && use.documents.size() == best.documents.size() &&
                         use.places.size() == best.places.size();
        auto report = [&](uint32_t minority, uint32_t major) {
          const Use& mu = uses[minority];
          const Use& pu = uses[major];
          if (targeted && std::none_of(mu.places.begin(), mu.places.end(), [&](const auto& place) {
                return wanted(place.first.doc);
              })) {
            return; // none of its uses is written
          }
          // Evidence, capped: in an entity of hundreds of forms the edges of one spelling
          // give dozens of distinct lines, and each use and its finding would copy them all.
          // A use lists the edges of its own form first (below), then these: the edges
          // between the two spellings, then the other edges of either.
          const auto linksBoth = [&](const Edge* edge) {
            return (edge->tokenA == minority && edge->tokenB == major) ||
                   (edge->tokenA == major && edge->tokenB == minority);
          };
          const auto linksEither = [&](const Edge* edge) {
            return edge->tokenA == minority || edge->tokenB == minority || edge->tokenA == major ||
                   edge->tokenB == major;
          };
          // Adds the lines of `from` that `into` lacks, up to the cap.
          const auto add = [](const std::vector<std::string>& from,
                              std::vector<std::string>& into) {
            for (const std::string& ev : from) {
              if (into.size() >= VariantUse::kMaxEvidence) {
                return;
              }
              if (std::find(into.begin(), into.end(), ev) == into.end()) {
                into.push_back(ev);
              }
            }
          };
          const auto take = [&](const std::vector<const Edge*>& edges, auto&& keep,
                                std::vector<std::string>& into) {
            for (const Edge* edge : edges) {
              if (keep(edge)) {
                add(edge->evidence, into);
              }
            }
          };
          std::vector<std::string> evidence;
          take(entityEdges[e], linksBoth, evidence);
          take(
              entityEdges[e],
              [&](const Edge* edge) { return !linksBoth(edge) && linksEither(edge); }, evidence);
          // Listed in each use only when few (see VariantUse): a spelling with thousands of
          // uses would otherwise copy them all into each of its uses.
          std::vector<Location> all;
          if (mu.places.size() <= VariantUse::kMaxSameSpelling) {
            for (const auto& [ref, part] : mu.places) {
              all.push_back(partLocation(ref, part));
            }
          }
          std::vector<std::string> preferredDocuments;
          for (const uint32_t document : pu.documents) {
            if (preferredDocuments.size() >= VariantUse::kListedDocuments) {
              break;
            }
            preferredDocuments.push_back(docs_[document]->doc.id);
          }
          std::vector<Location> preferredLocations;
          for (const auto& [ref, part] : pu.places) {
            if (preferredLocations.size() >= kMaxRelated) {
              break;
            }
            preferredLocations.push_back(partLocation(ref, part));
          }
          // The first use of the preferred spelling in each document.
          std::unordered_map<uint32_t, MentionRef> preferredHere;
          for (const auto& [pref, prefPart] : pu.places) {
            preferredHere.try_emplace(pref.doc, pref);
          }
          std::unordered_map<uint32_t, std::vector<std::string>> evidenceOfForm;
          for (size_t p = 0; p < mu.places.size(); ++p) {
            const auto& [ref, part] = mu.places[p];
            if (!wanted(ref.doc)) {
              continue;
            }
            VariantUse v;
            v.entity = e;
            v.location = partLocation(ref, part);
            v.spelling = mentionOf(ref).parts[part].text(docs_[ref.doc]->doc);
            v.preferred = tokenText(pu.exampleForm, major);
            if (pu.places.empty() && fromRegister) {
              v.preferred = tokenText(pu.exampleForm, major);
            }
            v.form = mentionText(ref);
            v.preferredForm = formText(pu.exampleForm);
            if (const auto here = preferredHere.find(ref.doc); here != preferredHere.end()) {
              v.preferredForm = mentionText(here->second); // the name as this article writes it
            }
            v.sameDocument = pu.inDocument(ref.doc);
            v.fromRegister = fromRegister;
            v.spellingDocumentCount = mu.documents.size();
            v.preferredDocumentCount = pu.documents.size();
            v.preferredDocuments = preferredDocuments;
            v.preferredLocations = preferredLocations;
            v.sameSpellingCount = mu.places.size();
            v.sameSpellingLocations = all;
            // The uses of one form share its evidence: worked out once per form.
            auto [lines, made] = evidenceOfForm.try_emplace(mu.placeForms[p]);
            if (made) {
              if (const auto own = edgesOfForm.find(mu.placeForms[p]); own != edgesOfForm.end()) {
                take(own->second, linksBoth, lines->second);
                take(own->second, linksEither, lines->second);
              }
              add(evidence, lines->second);
            }
            v.evidence = lines->second;
            index_.variants.push_back(std::move(v));
          }
        };
        if (uses[preferred].places.empty() && !fromRegister) {
          continue;
        }
        report(t, preferred);
        if (tie) {
          report(preferred, t);
        }
      }
    }
    index_.entities.push_back(std::move(entity));
  }
  std::sort(index_.hits.begin(), index_.hits.end(), [](const EntityHit& a, const EntityHit& b) {
    if (a.location.document != b.location.document) {
      return a.location.document < b.location.document;
    }
    return a.location.span.begin < b.location.span.begin;
  });
  // Stable, readable order for reporters.
  std::sort(index_.variants.begin(), index_.variants.end(),
            [](const VariantUse& a, const VariantUse& b) {
              if (a.location.document != b.location.document) {
                return a.location.document < b.location.document;
              }
              return a.location.span.begin < b.location.span.begin;
            });
  index_.variants.erase(std::unique(index_.variants.begin(), index_.variants.end(),
                                    [](const VariantUse& a, const VariantUse& b) {
                                      return a.location == b.location;
                                    }),
                        index_.variants.end());
}

} // namespace

std::optional<EntityHit> NameIndex::entityAt(std::string_view document, uint32_t offset) const {
  auto it = std::lower_bound(
      hits.begin(), hits.end(), document,
      [](const EntityHit& h, std::string_view doc) { return h.location.document < doc; });
  for (; it != hits.end() && it->location.document == document; ++it) {
    if (it->location.span.begin <= offset && offset <= it->location.span.end) {
      return *it;
    }
    if (it->location.span.begin > offset) {
      break;
    }
  }
  return std::nullopt;
}

/// A short context line for a use of a name: up to about 60 bytes either side of it, cut
/// at spaces, within its sentence.
std::string mentionContext(const Document& doc, Span name) {
  // The sentence holding the name (sentences are in text order), else the whole text.
  Span sentence{0, static_cast<uint32_t>(doc.text.size())};
  const auto after =
      std::upper_bound(doc.sentences.begin(), doc.sentences.end(), name.begin,
                       [](uint32_t at, const Sentence& s) { return at < s.span.begin; });
  if (after != doc.sentences.begin()) {
    sentence = std::prev(after)->span;
  }
  uint32_t begin = name.begin > sentence.begin + 60 ? name.begin - 60 : sentence.begin;
  uint32_t end = std::min(sentence.end, name.end + 60);
  while (begin > sentence.begin && begin < doc.text.size() && doc.text[begin] != ' ') {
    --begin;
  }
  while (end < sentence.end && doc.text[end] != ' ') {
    ++end;
  }
  // Never cut a UTF-8 sequence.
  while (begin < end && (static_cast<unsigned char>(doc.text[begin]) & 0xC0) == 0x80) {
    ++begin;
  }
  while (end < doc.text.size() && (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  std::string line = doc.text.substr(begin, end - begin);
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  if (begin > sentence.begin) {
    line = "\u2026" + line.substr(line.front() == ' ' ? 1 : 0);
  }
  if (end < sentence.end) {
    line += "\u2026";
  }
  return line;
}

std::atomic<bool>& reuseMergedPairs() {
  static std::atomic<bool> reuse{true};
  return reuse;
}

ScopePairCounts& scopePairCounts() {
  static ScopePairCounts counts;
  return counts;
}

std::atomic<size_t>& alignmentIndexThreshold() {
  static std::atomic<size_t> threshold{64};
  return threshold;
}

NameIndex buildNameIndex(const CorpusSnapshot& snapshot) {
  return Builder(snapshot).build();
}

NameIndex buildScopedNameIndex(std::vector<const DocumentFacts*> documents, const Config* config,
                               const Lexicon* lexicon, const NameScope& scope) {
  return Builder(std::move(documents), config, lexicon, &scope).build();
}

} // namespace newslint::analysis
