// The corpus on disk: the root, the register (newslint.json), discovery and indexing on
// the worker with work-done progress, and files changed outside the editor.
#include "server_impl.h"

#include "newslint/analysis/checks.h"
#include "newslint/workspace/load.h"

#include <boost/asio/post.hpp>

namespace newslint::lsp {

void ServerImpl::setRoot(const std::filesystem::path& root) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(root, ec);
  root_ = ec ? root.lexically_normal() : canonical;
  // A trailing separator would make relative paths start with "".
  if (root_->has_filename() == false && root_->has_parent_path())
    root_ = root_->parent_path();
  log("corpus root: " + root_->string());
  const auto path = registerPath();
  bool openInEditor = false;
  for (const auto& [uri, doc] : open_)
    openInEditor = openInEditor || doc.isRegister;
  if (path && !openInEditor)
    loadRegisterFromDisk();
}

std::optional<std::filesystem::path> ServerImpl::registerPath() const {
  if (!root_)
    return std::nullopt;
  return *root_ / workspace::kRegisterFileName;
}

std::filesystem::path ServerImpl::relativeToRoot(const std::filesystem::path& path) const {
  std::filesystem::path relative = path.lexically_normal().lexically_relative(*root_);
  if (!relative.empty() && *relative.begin() != "..")
    return relative;
  // The root is kept resolved; the client may name it through a link. Resolve the folder
  // only: a file that is itself a link keeps its own name.
  std::error_code ec;
  const auto folder = std::filesystem::weakly_canonical(path.parent_path(), ec);
  if (ec)
    return relative;
  return (folder / path.filename()).lexically_normal().lexically_relative(*root_);
}

bool ServerImpl::isRegister(const std::filesystem::path& path) const {
  return root_ && relativeToRoot(path) == std::filesystem::path(workspace::kRegisterFileName);
}

std::optional<std::string> ServerImpl::corpusId(const std::filesystem::path& path) const {
  if (!root_)
    return std::nullopt;
  const std::filesystem::path relative = relativeToRoot(path);
  if (relative.empty() || *relative.begin() == "..")
    return std::nullopt;
  const std::string id = relative.generic_string();
  if (id == workspace::kRegisterFileName || id == ".")
    return std::nullopt;
  bool included = false;
  for (const auto& pattern : config_->include)
    included = included || workspace::globMatch(pattern, id);
  for (const auto& pattern : config_->exclude)
    if (workspace::globMatch(pattern, id))
      return std::nullopt;
  if (!included)
    return std::nullopt;
  return id;
}

std::string ServerImpl::uriOf(std::string_view id) const {
  if (const auto it = openUriById_.find(id); it != openUriById_.end())
    return it->second;
  if (root_)
    return pathToUri(*root_ / std::filesystem::path(std::string(id)));
  return pathToUri(std::filesystem::path(std::string(id)));
}

void ServerImpl::setDocumentText(const std::string& id, std::string text) {
  touch(id);
  DocState& doc = docs_[id];
  doc.pending = std::move(text);
  doc.revision = nextRevision_++;
}

void ServerImpl::removeDocument(const std::string& id) {
  touch(id);
  docs_.erase(id);
}

void ServerImpl::reloadFromDisk(const std::string& id) {
  if (!root_) {
    removeDocument(id);
    return;
  }
  const std::filesystem::path path = *root_ / std::filesystem::path(id);
  if (const auto problem = workspace::corpusPathProblem(*root_, path, *config_)) {
    logMessage(MessageType::Warning, id + ": " + *problem);
    removeDocument(id);
    return;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    removeDocument(id);
    return;
  }
  workspace::FileText file = workspace::readTextFile(path);
  if (!file.error.empty()) {
    logMessage(MessageType::Warning, id + ": " + file.error);
    removeDocument(id);
    return;
  }
  setDocumentText(id, std::move(file.text));
}

// --- the register -------------------------------------------------------------------------

void ServerImpl::loadRegisterFromDisk() {
  const auto path = registerPath();
  if (!path)
    return;
  std::error_code ec;
  if (!std::filesystem::exists(*path, ec)) {
    applyRegisterText(std::nullopt);
    return;
  }
  // The register decides which links may leave the corpus folder, so its own may not.
  if (std::filesystem::is_symlink(*path, ec) && !workspace::isInsideRoot(*root_, *path)) {
    logMessage(MessageType::Error, std::string(workspace::kRegisterFileName) +
                                       ": links outside the corpus folder; not read");
    applyRegisterText(std::nullopt);
    return;
  }
  workspace::FileText file = workspace::readTextFile(*path);
  if (!file.error.empty()) {
    logMessage(MessageType::Error, std::string(workspace::kRegisterFileName) + ": " + file.error);
    applyRegisterText(std::nullopt);
    return;
  }
  applyRegisterText(std::move(file.text));
}

void ServerImpl::applyRegisterText(const std::optional<std::string>& text) {
  registerText_ = text;
  registerProblems_.clear();
  analysis::Config next;
  if (text) {
    workspace::LoadedConfig loaded = workspace::parseConfig(*text);
    registerProblems_ = std::move(loaded.problems);
    if (!loaded.parsed) {
      // Keep the last good register while the file is being edited.
      if (!registerProblems_.empty())
        logMessage(MessageType::Warning, std::string(workspace::kRegisterFileName) + ": " +
                                             registerProblems_.front().message +
                                             " (the last valid version stays in use)");
      publishRegisterDiagnostics();
      return;
    }
    next = std::move(loaded.config);
  }
  const bool globsChanged = next.include != config_->include || next.exclude != config_->exclude ||
                            next.followLinksOutside != config_->followLinksOutside;
  config_ = std::make_shared<const analysis::Config>(std::move(next));
  ++configRevision_;
  publishRegisterDiagnostics();
  if (globsChanged && indexed_)
    startIndexing(); // the set of documents changed
  else
    changed(std::nullopt);
}

// --- indexing -----------------------------------------------------------------------------

void ServerImpl::startIndexing() {
  if (state_ != State::Running)
    return;
  const uint64_t run = ++indexRun_;
  indexing_ = true;
  indexedFiles_ = 0;
  filesToIndex_ = 0;
  ++generation_;
  indexProgress_ =
      std::make_shared<WorkDoneProgress>(*this, "newslint/index/" + std::to_string(run));
  indexProgress_->begin("newslint: indexing", root_ ? root_->string() : "no workspace folder");
  const auto root = root_;
  const auto config = config_;
  auto lexicon = lexicon_ ? lexicon_ : options_.lexicon;
  auto weak = weak_from_this();
  auto strand = strand_;
  scheduler_.run([weak, strand, run, root, config, lexicon]() mutable -> std::function<void()> {
    struct Loaded {
      std::string id;
      std::shared_ptr<const analysis::DocumentFacts> facts;
    };
    std::vector<Loaded> loaded;
    std::vector<std::string> problems;
    try {
      if (!lexicon)
        lexicon = workspace::loadLexicon();
      if (root) {
        workspace::Discovery found = workspace::discover(*root, *config);
        problems = std::move(found.problems);
        std::vector<workspace::LoadedFile> files;
        files.reserve(found.files.size());
        for (const auto& path : found.files)
          files.push_back({path, workspace::documentId(*root, path)});
        const size_t total = files.size();
        // Read and extracted on every core; about every 2% (and at least every 500 files),
        // the client is told how far the indexing is.
        const size_t step = std::max<size_t>(1, std::min<size_t>(500, total / 50));
        size_t lastReported = 0;
        analysis::Corpus corpus(lexicon);
        const auto notes = workspace::loadFiles(corpus, files, 0, [&](size_t done) {
          if (done != total && done - lastReported < step)
            return;
          lastReported = done;
          const auto percentage = static_cast<uint32_t>(done * 100 / total);
          const std::string message = std::to_string(done) + "/" + std::to_string(total) + " files";
          boost::asio::post(strand, [weak, run, percentage, message, done, total] {
            auto self = weak.lock();
            if (!self || self->indexRun_ != run)
              return;
            self->indexedFiles_ = done;
            self->filesToIndex_ = total;
            if (self->indexProgress_)
              self->indexProgress_->report(message, percentage);
          });
        });
        for (const auto& note : notes)
          problems.push_back(note.id + ": " + note.message);
        const analysis::CorpusSnapshot snapshot = corpus.snapshot();
        loaded.reserve(snapshot.documents.size());
        for (const auto& file : files)
          if (const auto facts = snapshot.documents.find(file.id);
              facts != snapshot.documents.end())
            loaded.push_back({file.id, facts->second});
      }
    } catch (const std::exception& e) {
      problems.push_back(std::string("indexing failed: ") + e.what());
    }
    return [weak, run, lexicon, loaded = std::move(loaded), problems = std::move(problems)] {
      auto self = weak.lock();
      if (!self || self->indexRun_ != run || self->state_ == State::Exited)
        return;
      self->lexicon_ = lexicon;
      ++self->configRevision_;
      // Disk documents replace what was indexed before, except those open in the editor.
      for (auto it = self->docs_.begin(); it != self->docs_.end();) {
        if (!self->openUriById_.count(it->first))
          it = self->docs_.erase(it);
        else
          ++it;
      }
      for (const auto& item : loaded) {
        if (self->openUriById_.count(item.id))
          continue;
        DocState& doc = self->docs_[item.id];
        doc.facts = item.facts;
        doc.pending.reset();
        doc.revision = self->nextRevision_++;
      }
      // Open documents that the register now excludes (or includes) follow the globs.
      for (auto& [uri, doc] : self->open_) {
        const auto path = uriToPath(uri);
        const auto id = path ? self->corpusId(*path) : std::nullopt;
        if (id == doc.id)
          continue;
        if (doc.id) {
          self->openUriById_.erase(*doc.id);
          self->docs_.erase(*doc.id);
        }
        doc.id = id;
        if (id) {
          self->openUriById_[*id] = uri;
          self->setDocumentText(*id, doc.text);
        }
      }
      for (const auto& problem : problems)
        self->logMessage(MessageType::Warning, problem);
      self->log("indexed " + std::to_string(loaded.size()) + " files");
      if (self->indexProgress_)
        self->indexProgress_->report("analysing " + std::to_string(self->docs_.size()) + " files",
                                     100);
      self->indexing_ = false;
      self->indexed_ = true;
      self->changed(std::nullopt);
      self->scheduler_.flush();
    };
  });
}

void ServerImpl::registerFileWatchers() {
  if (!client_.watchedFilesDynamic)
    return;
  json watchers = json::array();
  for (const auto& pattern : config_->include)
    watchers.push_back({{"globPattern", pattern}});
  watchers.push_back({{"globPattern", "**/" + std::string(workspace::kRegisterFileName)}});
  json registration = {{"id", "newslint-watched-files"},
                       {"method", "workspace/didChangeWatchedFiles"},
                       {"registerOptions", {{"watchers", watchers}}}};
  request("client/registerCapability", json{{"registrations", json::array({registration})}},
          [this](const json&, const json& error) {
            if (!error.is_null())
              log("the client refused file watching: " + error.dump());
          });
}

void ServerImpl::didChangeWatchedFiles(const json& params) {
  bool any = false;
  for (const auto& change : params.at("changes")) {
    const auto path = uriToPath(change.at("uri").get<std::string>());
    if (!path)
      continue;
    const int type = change.at("type").get<int>();
    if (isRegister(*path)) {
      bool openInEditor = false;
      for (const auto& [uri, doc] : open_)
        openInEditor = openInEditor || doc.isRegister;
      if (!openInEditor)
        loadRegisterFromDisk();
      continue;
    }
    const auto id = corpusId(*path);
    if (!id) {
      // A deleted folder takes its documents with it.
      if (type == 3 && root_) {
        const std::string prefix = relativeToRoot(*path).generic_string() + "/";
        for (auto it = docs_.begin(); it != docs_.end();) {
          if (it->first.starts_with(prefix) && !openUriById_.count(it->first)) {
            it = docs_.erase(it);
            any = true;
          } else
            ++it;
        }
      }
      continue;
    }
    if (openUriById_.count(*id))
      continue; // the editor's text wins
    if (type == 3)
      removeDocument(*id);
    else
      reloadFromDisk(*id);
    any = true;
  }
  if (any)
    changed(std::nullopt);
}

void ServerImpl::didChangeConfiguration(const json& params) {
  // Severities may come with the notification (push) or be asked for (pull); the register
  // is re-read unless the editor holds it open.
  if (const auto settings = params.find("settings");
      settings != params.end() && settings->is_object() && settings->contains("newslint"))
    applyEditorSettings((*settings)["newslint"]);
  else
    requestEditorSettings();
  bool openInEditor = false;
  for (const auto& [uri, doc] : open_)
    openInEditor = openInEditor || doc.isRegister;
  if (!openInEditor)
    loadRegisterFromDisk();
  changed(std::nullopt);
}

void ServerImpl::requestEditorSettings() {
  if (!client_.workspaceConfiguration)
    return;
  json items = json::array({{{"section", "newslint"}}});
  if (root_)
    items[0]["scopeUri"] = pathToUri(*root_);
  request("workspace/configuration", json{{"items", std::move(items)}},
          [this](const json& result, const json& error) {
            if (!error.is_null() || !result.is_array() || result.empty())
              return;
            if (applyEditorSettings(result[0]))
              changed(std::nullopt);
          });
}

bool ServerImpl::applyEditorSettings(const json& settings) {
  std::map<std::string, analysis::Severity> next;
  if (settings.is_object()) {
    if (const auto checks = settings.find("checks");
        checks != settings.end() && checks->is_object()) {
      for (const auto& [code, value] : checks->items()) {
        const auto severity =
            value.is_string() ? analysis::parseSeverity(value.get<std::string>()) : std::nullopt;
        if (!analysis::findCheck(code) || !severity) {
          logMessage(MessageType::Warning, "newslint.checks." + code +
                                               ": expected a known check and one of error, "
                                               "warning, info, hint, off (ignored)");
          continue;
        }
        next[code] = *severity;
      }
    }
  }
  if (next == editorSeverities_)
    return false;
  editorSeverities_ = std::move(next);
  ++configRevision_;
  return true;
}

std::shared_ptr<const analysis::Config> ServerImpl::effectiveConfig() const {
  if (editorSeverities_.empty())
    return config_;
  auto merged = std::make_shared<analysis::Config>(*config_);
  for (const auto& [code, severity] : editorSeverities_)
    merged->checks[code] = severity;
  return merged;
}

} // namespace newslint::lsp
