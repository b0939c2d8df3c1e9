// Rename: every mention of an entity, in every spelling and every corpus document (open
// or not), becomes the new name, as one WorkspaceEdit.
#include "newslint/lsp/features.h"
#include "newslint/lsp/jsonrpc.h"

namespace newslint::lsp {

using nlohmann::json;

json prepareRename(const FeatureContext& context, std::string_view id, Position position) {
  const auto hit = entityHitAt(context, id, position);
  if (!hit)
    return nullptr;
  const auto* doc = context.document(id);
  return json{{"range", context.range(hit->location)},
              {"placeholder", std::string(doc->doc.slice(hit->location.span))}};
}

json rename(const FeatureContext& context, std::string_view id, Position position,
            std::string_view newName) {
  const size_t first = newName.find_first_not_of(" \t");
  const size_t last = newName.find_last_not_of(" \t");
  if (first == std::string_view::npos)
    throw RpcError(ErrorCode::InvalidParams, "the new name is empty");
  newName = newName.substr(first, last - first + 1);
  if (newName.find_first_of("\r\n") != std::string_view::npos)
    throw RpcError(ErrorCode::InvalidParams, "the new name spans lines");
  const auto hit = entityHitAt(context, id, position);
  if (!hit)
    return nullptr;
  std::vector<analysis::TextEdit> edits;
  for (const auto& other : context.analysis().names.hits) {
    if (other.entity != hit->entity)
      continue;
    const auto* doc = context.document(other.location.document);
    if (!doc || doc->doc.slice(other.location.span) == newName)
      continue;
    edits.push_back({other.location, std::string(newName)});
  }
  return workspaceEdit(context, edits, std::nullopt);
}

} // namespace newslint::lsp
