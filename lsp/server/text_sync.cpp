// Document synchronisation: didOpen, didChange (incremental), didSave, didClose. Open
// documents override their disk copy; closing one returns the corpus to the disk text.
#include "server_impl.h"

namespace newslint::lsp {

void ServerImpl::didOpen(const json& params) {
  const json& item = params.at("textDocument");
  OpenDoc doc;
  doc.uri = item.at("uri").get<std::string>();
  doc.text = item.at("text").get<std::string>();
  doc.version = item.at("version").get<int64_t>();
  const auto path = uriToPath(doc.uri);
  if (path && !root_) {
    // No workspace: the corpus is the nearest folder holding a register, else the file's.
    std::filesystem::path dir = path->parent_path();
    std::filesystem::path root = dir;
    for (std::filesystem::path up = dir; !up.empty(); up = up.parent_path()) {
      std::error_code ec;
      if (std::filesystem::exists(up / workspace::kRegisterFileName, ec)) {
        root = up;
        break;
      }
      if (up == up.parent_path())
        break;
    }
    setRoot(root);
    if (initializedReceived_)
      startIndexing();
  }
  if (path) {
    doc.isRegister = isRegister(*path);
    doc.id = corpusId(*path);
  }
  if (open_.count(doc.uri))
    log("didOpen for a document already open: " + doc.uri);
  const std::string uri = doc.uri;
  auto& stored = open_[uri] = std::move(doc);
  if (stored.id) {
    openUriById_[*stored.id] = uri;
    setDocumentText(*stored.id, stored.text);
    changed(stored.id);
  } else if (stored.isRegister) {
    applyRegisterText(stored.text);
  }
}

void ServerImpl::didChange(const json& params) {
  const json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  const auto it = open_.find(uri);
  if (it == open_.end()) {
    logMessage(MessageType::Warning, "didChange for a document that is not open: " + uri);
    return;
  }
  OpenDoc& doc = it->second;
  if (const auto version = item.find("version"); version != item.end() && version->is_number()) {
    const auto next = version->get<int64_t>();
    if (next <= doc.version)
      log("didChange version " + std::to_string(next) + " is not newer than " +
          std::to_string(doc.version) + " for " + uri);
    doc.version = next;
  }
  for (const auto& change : params.at("contentChanges")) {
    std::optional<Range> range;
    if (const auto r = change.find("range"); r != change.end())
      range = r->get<Range>();
    applyContentChange(doc.text, range, change.at("text").get<std::string>(), client_.encoding);
  }
  if (doc.id) {
    setDocumentText(*doc.id, doc.text);
    changed(doc.id);
  } else if (doc.isRegister) {
    applyRegisterText(doc.text);
  }
}

void ServerImpl::didSave(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (!open_.count(uri))
    log("didSave for a document that is not open: " + uri);
  // The text is already in step through didChange; nothing to re-read.
}

void ServerImpl::didClose(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto it = open_.find(uri);
  if (it == open_.end()) {
    log("didClose for a document that is not open: " + uri);
    return;
  }
  const OpenDoc doc = std::move(it->second);
  open_.erase(it);
  if (doc.id) {
    openUriById_.erase(*doc.id);
    reloadFromDisk(*doc.id);
    changed(doc.id);
  } else if (doc.isRegister) {
    loadRegisterFromDisk();
  }
}

} // namespace newslint::lsp
