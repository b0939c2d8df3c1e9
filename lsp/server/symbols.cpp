// Symbols: the entities named in a document (documentSymbol) and across the corpus
// (workspace/symbol, matched case-insensitively on any spelling).
#include <map>

#include "newslint/analysis/unicode.h"
#include "newslint/lsp/features.h"

namespace newslint::lsp {

using nlohmann::json;

namespace {

constexpr int kSymbolKindObject = 19;
constexpr size_t kMaxWorkspaceSymbols = 1000;

std::string spellingsDetail(const analysis::Entity& entity) {
  std::string out;
  for (const auto& spelling : entity.spellings) {
    if (!out.empty())
      out += " / ";
    out += spelling.text;
  }
  return out;
}

} // namespace

json documentSymbols(const FeatureContext& context, std::string_view id) {
  const analysis::NameIndex& names = context.analysis().names;
  // First and last mention of each entity in this document, in order of first mention.
  std::vector<uint32_t> order;
  std::map<uint32_t, std::pair<analysis::Span, analysis::Span>> spans;
  for (const auto& hit : names.hits) {
    if (hit.location.document != id || hit.entity >= names.entities.size())
      continue;
    auto [it, inserted] = spans.try_emplace(hit.entity, hit.location.span, hit.location.span);
    if (inserted)
      order.push_back(hit.entity);
    else
      it->second.second = hit.location.span;
  }
  json out = json::array();
  for (const uint32_t entityId : order) {
    const analysis::Entity& entity = names.entities[entityId];
    const auto& [first, last] = spans[entityId];
    const std::string name = entity.name.empty() ? spellingsDetail(entity) : entity.name;
    if (context.client().hierarchicalDocumentSymbols) {
      const Range selection = context.range({std::string(id), first});
      const Range whole{selection.start, context.range({std::string(id), last}).end};
      out.push_back({{"name", name},
                     {"detail", spellingsDetail(entity)},
                     {"kind", kSymbolKindObject},
                     {"range", whole},
                     {"selectionRange", selection}});
    } else {
      out.push_back({{"name", name},
                     {"kind", kSymbolKindObject},
                     {"location", context.location({std::string(id), first})}});
    }
  }
  return out;
}

json workspaceSymbols(const FeatureContext& context, std::string_view query) {
  const analysis::NameIndex& names = context.analysis().names;
  const std::string folded = analysis::foldDiacritics(query);
  // The first mention of each entity anchors its symbol.
  std::map<uint32_t, const analysis::Location*> first;
  for (const auto& hit : names.hits)
    if (hit.entity < names.entities.size())
      first.try_emplace(hit.entity, &hit.location);
  json out = json::array();
  for (const auto& [entityId, location] : first) {
    const analysis::Entity& entity = names.entities[entityId];
    bool match = folded.empty() ||
                 analysis::foldDiacritics(entity.name).find(folded) != std::string::npos;
    for (const auto& spelling : entity.spellings)
      match = match || analysis::foldDiacritics(spelling.text).find(folded) != std::string::npos;
    if (!match || !context.document(location->document))
      continue;
    out.push_back({{"name", entity.name.empty() ? spellingsDetail(entity) : entity.name},
                   {"kind", kSymbolKindObject},
                   {"containerName", spellingsDetail(entity)},
                   {"location", context.location(*location)}});
    if (out.size() >= kMaxWorkspaceSymbols)
      break;
  }
  return out;
}

} // namespace newslint::lsp
