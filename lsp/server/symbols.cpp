// Symbols: the entities named in a document (documentSymbol) and across the corpus
// (workspace/symbol, matched case-insensitively on any spelling).
#include "newslint/analysis/timeline.h"
#include "newslint/analysis/unicode.h"
#include "newslint/lsp/features.h"

#include <map>

namespace newslint::lsp {

using nlohmann::json;

namespace {

constexpr int kSymbolKindObject = 19;
constexpr int kSymbolKindEvent = 24;
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

/// Resolved times that date a claim: the corpus's dated events.
bool datesAnEvent(const analysis::ResolvedTime& time) {
  return time.claim >= 0 && time.resolution.resolved && time.kind != analysis::TimeKind::Duration;
}

std::string eventDetail(const analysis::ResolvedTime& time) {
  return analysis::describeInterval(time.resolution.interval, time.resolution.granularity);
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
  if (const auto& dates = context.analysis().dates) {
    for (const analysis::ResolvedTime* time : dates->timesIn(id)) {
      if (!datesAnEvent(*time))
        continue;
      const analysis::Location where{std::string(id), time->span};
      if (context.client().hierarchicalDocumentSymbols)
        out.push_back({{"name", time->text},
                       {"detail", eventDetail(*time)},
                       {"kind", kSymbolKindEvent},
                       {"range", context.range(where)},
                       {"selectionRange", context.range(where)}});
      else
        out.push_back({{"name", time->text},
                       {"kind", kSymbolKindEvent},
                       {"location", context.location(where)}});
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
    bool match =
        folded.empty() || analysis::foldDiacritics(entity.name).find(folded) != std::string::npos;
    for (const auto& spelling : entity.spellings)
      match = match || analysis::foldDiacritics(spelling.text).find(folded) != std::string::npos;
    if (!match || !context.document(location->document))
      continue;
    out.push_back({{"name", entity.name.empty() ? spellingsDetail(entity) : entity.name},
                   {"kind", kSymbolKindObject},
                   {"containerName", spellingsDetail(entity)},
                   {"location", context.location(*location)}});
    if (out.size() >= kMaxWorkspaceSymbols)
      return out;
  }
  // Dated events, matched on the expression or its resolved value ("2024-12-07").
  if (const auto& dates = context.analysis().dates) {
    for (const analysis::ResolvedTime& time : dates->times) {
      if (!datesAnEvent(time) || !context.document(time.document))
        continue;
      const std::string detail = eventDetail(time);
      if (!folded.empty() &&
          analysis::foldDiacritics(time.text).find(folded) == std::string::npos &&
          detail.find(folded) == std::string::npos &&
          time.resolution.value.str().find(folded) == std::string::npos)
        continue;
      out.push_back({{"name", time.text + " (" + detail + ")"},
                     {"kind", kSymbolKindEvent},
                     {"containerName", time.document},
                     {"location", context.location({time.document, time.span})}});
      if (out.size() >= kMaxWorkspaceSymbols)
        break;
    }
  }
  return out;
}

} // namespace newslint::lsp
