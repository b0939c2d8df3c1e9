// WorkspaceEdits for code actions and rename: text edits in any corpus document (open or
// not), plus register changes as a whole-file replacement of newslint.json, or a CreateFile
// followed by an insert when the register does not exist yet. The server never writes files.
#include "newslint/lsp/features.h"

#include <map>

namespace newslint::lsp {

using nlohmann::json;

json workspaceEdit(const FeatureContext& context, const std::vector<analysis::TextEdit>& edits,
                   const std::optional<analysis::RegisterChange>& change) {
  std::map<std::string, json> byUri; // sorted for stable output
  for (const auto& edit : edits) {
    if (!context.document(edit.location.document))
      continue;
    json& list = byUri[context.uri(edit.location.document)];
    if (list.is_null())
      list = json::array();
    list.push_back({{"range", context.range(edit.location)}, {"newText", edit.replacement}});
  }
  bool create = false;
  if (change) {
    const RegisterFile& reg = context.registerFile;
    if (reg.uri.empty())
      return nullptr; // no workspace root: nowhere to keep the register
    const std::string current = reg.text.value_or("");
    const std::string next = workspace::applyRegisterChange(current, *change);
    const LineIndex lines(current);
    const Range whole{
        {0, 0}, lines.position(current, static_cast<uint32_t>(current.size()), context.encoding())};
    create = !reg.text.has_value();
    if (create && !context.client().createFiles)
      return nullptr;
    json& list = byUri[reg.uri];
    if (list.is_null())
      list = json::array();
    list.push_back({{"range", whole}, {"newText", next}});
  }
  if (!create && !context.client().documentChanges) {
    json changes = json::object();
    for (auto& [uri, list] : byUri)
      changes[uri] = std::move(list);
    return json{{"changes", std::move(changes)}};
  }
  json documentChanges = json::array();
  if (create)
    documentChanges.push_back({{"kind", "create"},
                               {"uri", context.registerFile.uri},
                               {"options", {{"overwrite", false}, {"ignoreIfExists", true}}}});
  for (auto& [uri, list] : byUri) {
    json version = nullptr;
    for (const auto& [id, v] : context.openVersions)
      if (context.uri(id) == uri)
        version = v;
    documentChanges.push_back(
        {{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", std::move(list)}});
  }
  return json{{"documentChanges", std::move(documentChanges)}};
}

} // namespace newslint::lsp
