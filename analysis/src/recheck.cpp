// Re-checking one edited document against the part of the corpus that can change its
// findings (see recheck.h).
#include "newslint/analysis/recheck.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "name_scope.h"
#include "newslint/analysis/checks.h"
#include "newslint/analysis/spelling.h"
#include "newslint/analysis/timeline.h"

namespace newslint::analysis {

namespace {

constexpr double kCandidateSimilarity = 0.70; // the name index's candidate threshold

bool isDateCheck(std::string_view code) {
  return code == "date-conflict" || code == "weekday-mismatch" || code == "impossible-date";
}

bool crossDocument(const Finding& f) {
  return std::any_of(f.related.begin(), f.related.end(), [&](const RelatedLocation& r) {
    return r.location.document != f.primary.document;
  });
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

std::vector<std::string> partsOfFormKey(std::string_view key) {
  key = key.substr(0, key.find('#'));
  std::vector<std::string> parts;
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

} // namespace

struct RecheckIndex::Tables {
  std::vector<const DocumentFacts*> documents; // snapshot order
  std::unordered_map<std::string_view, uint32_t> documentIndex;
  std::unordered_map<std::string, std::vector<uint32_t>> documentsByPart; // sorted, unique
  std::unordered_set<std::string> strongParts;
  // Name parts by blocking key, with their spelling keys.
  std::vector<std::string> partKeys;
  std::vector<SpellingKey> partSpellings;
  std::unordered_map<std::string, uint32_t> partId;
  std::unordered_map<std::string, std::vector<uint32_t>> partsByBlock;
  // Forms (whole names, keyed as the name index keys them) and their mentions.
  std::unordered_map<std::string, uint32_t> formId;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> formMentions; // (document, mention)
  std::unordered_map<std::string, std::vector<uint32_t>> formsByPart;
  // Entities of the full analysis by the name parts of their spellings.
  std::unordered_map<std::string, std::vector<uint32_t>> entitiesByPart;
};

RecheckIndex::RecheckIndex(std::shared_ptr<const CorpusSnapshot> snapshot,
                           std::shared_ptr<const Analysis> analysis)
    : snapshot_(std::move(snapshot)), analysis_(std::move(analysis)) {
  auto tables = std::make_unique<Tables>();
  for (const auto& [id, facts] : snapshot_->documents) {
    const auto d = static_cast<uint32_t>(tables->documents.size());
    tables->documents.push_back(facts.get());
    tables->documentIndex.emplace(facts->doc.id, d);
    for (uint32_t i = 0; i < facts->mentions.size(); ++i) {
      const Mention& m = facts->mentions[i];
      auto [form, newForm] = tables->formId.try_emplace(
          formKeyOf(m), static_cast<uint32_t>(tables->formMentions.size()));
      if (newForm) {
        tables->formMentions.emplace_back();
        for (const NamePart& p : m.parts) {
          tables->formsByPart[p.key].push_back(form->second);
        }
        for (const std::string& inherited : m.inheritedKeys) {
          tables->formsByPart[inherited].push_back(form->second);
        }
      }
      tables->formMentions[form->second].emplace_back(d, i);
      for (const NamePart& p : m.parts) {
        auto& docs = tables->documentsByPart[p.key];
        if (docs.empty() || docs.back() != d) {
          docs.push_back(d);
        }
        if (!m.weak) {
          tables->strongParts.insert(p.key);
        }
        auto [it, inserted] =
            tables->partId.try_emplace(p.key, static_cast<uint32_t>(tables->partKeys.size()));
        if (inserted) {
          tables->partKeys.push_back(p.key);
          tables->partSpellings.push_back(spellingKey(p.text));
          for (const std::string& block : blockingKeys(tables->partSpellings.back())) {
            tables->partsByBlock[block].push_back(it->second);
          }
        }
      }
    }
  }
  for (const Entity& entity : analysis_->names.entities) {
    for (const SpellingRecord& spelling : entity.spellings) {
      for (const std::string& part : partsOfFormKey(spelling.key)) {
        auto& ids = tables->entitiesByPart[part];
        if (ids.empty() || ids.back() != entity.id) {
          ids.push_back(entity.id);
        }
      }
    }
  }
  tables_ = std::move(tables);
}

RecheckIndex::~RecheckIndex() = default;

std::vector<Finding> RecheckIndex::recheck(
    const std::shared_ptr<const DocumentFacts>& edited,
    const std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>>& changed) const {
  const Tables& t = *tables_;
  const std::string& id = edited->doc.id;

  // The scope: the edited document's name parts, the parts spelled like them, and every
  // form of the entities any of those belong to.
  NameScope scope;
  for (const Mention& m : edited->mentions) {
    if (m.weak && !t.strongParts.contains(m.parts.front().key)) {
      continue; // a capitalised word at a sentence start, not a name anywhere
    }
    for (const NamePart& p : m.parts) {
      if (!scope.parts.insert(p.key).second) {
        continue;
      }
      const SpellingKey spelling = spellingKey(p.text);
      for (const std::string& block : blockingKeys(spelling)) {
        const auto it = t.partsByBlock.find(block);
        if (it == t.partsByBlock.end()) {
          continue;
        }
        for (const uint32_t other : it->second) {
          if (spellingSimilarity(spelling, t.partSpellings[other]) >= kCandidateSimilarity) {
            scope.parts.insert(t.partKeys[other]);
          }
        }
      }
    }
    for (const std::string& inherited : m.inheritedKeys) {
      scope.parts.insert(inherited);
    }
  }
  std::unordered_set<uint32_t> entities;
  for (const std::string& part : scope.parts) {
    if (const auto it = t.entitiesByPart.find(part); it != t.entitiesByPart.end()) {
      entities.insert(it->second.begin(), it->second.end());
    }
  }
  for (const uint32_t e : entities) {
    if (e < analysis_->names.entities.size()) {
      for (const SpellingRecord& spelling : analysis_->names.entities[e].spellings) {
        scope.forms.insert(spelling.key);
      }
    }
  }
  scope.relevant = scope.parts;
  for (const std::string& form : scope.forms) {
    for (std::string& part : partsOfFormKey(form)) {
      scope.relevant.insert(std::move(part));
    }
  }
  // The mentions in scope, by document: from the form tables for the documents as they
  // were, by reading the edited and changed documents whole.
  std::vector<uint32_t> forms;
  for (const std::string& part : scope.parts) {
    if (const auto it = t.formsByPart.find(part); it != t.formsByPart.end()) {
      forms.insert(forms.end(), it->second.begin(), it->second.end());
    }
  }
  for (const std::string& key : scope.forms) {
    if (const auto it = t.formId.find(key); it != t.formId.end()) {
      forms.push_back(it->second);
    }
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  std::map<uint32_t, std::vector<uint32_t>> chosen; // base document -> mentions
  for (const uint32_t f : forms) {
    for (const auto& [d, i] : t.formMentions[f]) {
      chosen[d].push_back(i);
    }
  }
  struct Taken {
    const DocumentFacts* facts;
    std::vector<uint32_t> mentions;
  };
  std::vector<Taken> taken;
  taken.reserve(chosen.size() + changed.size() + 1);
  for (auto& [d, mentions] : chosen) {
    const DocumentFacts* facts = t.documents[d];
    if (facts->doc.id == id || changed.contains(facts->doc.id)) {
      continue;
    }
    std::sort(mentions.begin(), mentions.end());
    taken.push_back({facts, std::move(mentions)});
  }
  auto whole = [&](const DocumentFacts* facts) {
    Taken item{facts, {}};
    for (uint32_t i = 0; i < facts->mentions.size(); ++i) {
      if (scope.includes(facts->mentions[i])) {
        item.mentions.push_back(i);
      }
    }
    taken.push_back(std::move(item));
  };
  for (const auto& [other, facts] : changed) {
    if (facts && other != id) {
      whole(facts.get());
    }
  }
  whole(edited.get());
  // Documents in corpus order, as a full analysis reads them.
  std::sort(taken.begin(), taken.end(),
            [](const Taken& a, const Taken& b) { return a.facts->doc.id < b.facts->doc.id; });
  std::vector<const DocumentFacts*> documents;
  documents.reserve(taken.size());
  for (Taken& item : taken) {
    documents.push_back(item.facts);
    scope.mentions.push_back(std::move(item.mentions));
  }

  scope.documents = t.documents.size() + (t.documentIndex.contains(id) ? 0 : 1);
  scope.frequency = [&](const std::string& key) -> uint32_t {
    const auto it = t.documentsByPart.find(key);
    return it == t.documentsByPart.end() ? 0 : static_cast<uint32_t>(it->second.size());
  };
  std::unordered_set<std::string> changedStrong;
  for (const DocumentFacts* facts : documents) {
    if (!t.documentIndex.contains(facts->doc.id) || facts == edited.get() ||
        changed.contains(facts->doc.id)) {
      for (const Mention& m : facts->mentions) {
        if (!m.weak) {
          for (const NamePart& p : m.parts) {
            changedStrong.insert(p.key);
          }
        }
      }
    }
  }
  scope.strong = [&](const std::string& key) {
    return t.strongParts.contains(key) || changedStrong.contains(key);
  };

  const Config& config = *snapshot_->config;
  const NameIndex names =
      buildScopedNameIndex(std::move(documents), &config, snapshot_->lexicon.get(), scope);

  // Dates: the document on its own (anchors from the register or its header line).
  CorpusSnapshot alone;
  alone.config = snapshot_->config;
  alone.lexicon = snapshot_->lexicon;
  alone.documents.emplace(id, edited);
  const auto dates = analyzeDates(alone, names);
  static const DateIndex kNoDates{};
  const CheckContext context{alone, names, dates ? *dates : kNoDates};
  std::vector<Finding> found;
  runChecks(context, config, found);
  std::vector<Finding> out;
  for (Finding& f : found) {
    if (f.primary.document == id && !(isDateCheck(f.code) && crossDocument(f))) {
      out.push_back(std::move(f));
    }
  }
  // Cross-source date findings of the full analysis, moved with the edit, when the edit
  // keeps out of their sentence and the document, read on its own, still resolves the
  // time the same way (a new or deleted date elsewhere in the article can change that).
  if (const auto before = snapshot_->documents.find(id); before != snapshot_->documents.end()) {
    const Document& old = before->second->doc;
    const EditWindow edit(old.text, edited->doc.text);
    std::shared_ptr<const DateIndex> oldDates;
    for (const Finding& f : analysis_->findingsFor(id)) {
      if (!isDateCheck(f.code) || !crossDocument(f) || edit.touchesSentence(old, f.primary.span)) {
        continue;
      }
      auto moved = moveFinding(f, id, edit);
      if (!moved || edited->doc.suppressed(moved->code, moved->primary.span.begin)) {
        continue;
      }
      if (!oldDates) {
        CorpusSnapshot oldAlone;
        oldAlone.config = snapshot_->config;
        oldAlone.lexicon = snapshot_->lexicon;
        oldAlone.documents.emplace(id, before->second);
        oldDates = analyzeDates(oldAlone, names);
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
  return out;
}

} // namespace newslint::analysis
