// Client capabilities, reduced to the switches that change what the server sends.
#include "newslint/lsp/protocol.h"

namespace newslint::lsp {
namespace {

using nlohmann::json;

/// The value at a path of object keys, or null when any step is missing or not an object.
const json& at(const json& root, std::initializer_list<const char*> path) {
  static const json kNull;
  const json* node = &root;
  for (const char* key : path) {
    if (!node->is_object())
      return kNull;
    const auto it = node->find(key);
    if (it == node->end())
      return kNull;
    node = &*it;
  }
  return *node;
}

bool flag(const json& root, std::initializer_list<const char*> path, bool fallback = false) {
  const json& value = at(root, path);
  return value.is_boolean() ? value.get<bool>() : fallback;
}

bool listHas(const json& list, std::string_view wanted) {
  if (!list.is_array())
    return false;
  for (const auto& item : list)
    if (item.is_string() && item.get<std::string>() == wanted)
      return true;
  return false;
}

} // namespace

ClientCapabilities parseClientCapabilities(const json& caps) {
  ClientCapabilities out;
  // UTF-8 whenever the client offers it (no conversion at all); else the mandatory UTF-16.
  if (listHas(at(caps, {"general", "positionEncodings"}), "utf-8"))
    out.encoding = PositionEncoding::Utf8;
  out.workDoneProgress = flag(caps, {"window", "workDoneProgress"});
  out.watchedFilesDynamic =
      flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  out.workspaceConfiguration = flag(caps, {"workspace", "configuration"});
  out.watchedFilesRelativePatterns =
      flag(caps, {"workspace", "didChangeWatchedFiles", "relativePatternSupport"});
  out.documentChanges = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  out.createFiles =
      out.documentChanges &&
      listHas(at(caps, {"workspace", "workspaceEdit", "resourceOperations"}), "create");
  out.hierarchicalDocumentSymbols =
      flag(caps, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  if (const json& formats = at(caps, {"textDocument", "hover", "contentFormat"});
      formats.is_array())
    out.markdownHover = listHas(formats, "markdown");
  out.pullDiagnostics = at(caps, {"textDocument", "diagnostic"}).is_object();
  out.diagnosticRefresh = flag(caps, {"workspace", "diagnostics", "refreshSupport"});
  out.codeActionLiterals =
      at(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}).is_object() ||
      !at(caps, {"textDocument", "codeAction"}).is_object();
  out.inlayHintRefresh = flag(caps, {"workspace", "inlayHint", "refreshSupport"});
  out.prepareRename = flag(caps, {"textDocument", "rename", "prepareSupport"}, true);
  return out;
}

} // namespace newslint::lsp
