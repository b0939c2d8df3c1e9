// The server core: JSON-RPC dispatch, the lifecycle, and the glue between document
// changes, the scheduler and the features. Everything runs on the connection's strand.
#include "newslint/lsp/server.h"

#include "server_impl.h"

#include <boost/asio/post.hpp>
#include <unistd.h>

namespace newslint::lsp {

namespace {

/// Replies of at least this many bytes (a workspace pull or a rename over a large corpus)
/// are freed on a worker rather than on the strand.
constexpr size_t kDisposeBytes = 256 * 1024;

std::string idKey(const json& id) {
  return id.dump();
}

/// The text document a request is about, when it names one.
std::optional<std::string> documentUri(const json& params) {
  if (!params.is_object())
    return std::nullopt;
  const auto doc = params.find("textDocument");
  if (doc == params.end() || !doc->is_object())
    return std::nullopt;
  const auto uri = doc->find("uri");
  if (uri == doc->end() || !uri->is_string())
    return std::nullopt;
  return uri->get<std::string>();
}

} // namespace

// ---------------------------------------------------------------------------------------
// Construction and the public facade.

ServerImpl::ServerImpl(asio::io_context& io, std::shared_ptr<Transport> transport,
                       ServerOptions options)
    : io_(io), strand_(asio::make_strand(io)), transport_(std::move(transport)),
      options_(std::move(options)), scheduler_(strand_, options_.debounce, options_.workerThreads) {
}

ServerImpl::~ServerImpl() {
  scheduler_.stop();
}

void ServerImpl::shutdownWorkers() {
  scheduler_.stop();
}

void ServerImpl::post(std::function<void()> fn) {
  asio::post(strand_, [weak = weak_from_this(), fn = std::move(fn)] {
    if (auto self = weak.lock())
      fn();
  });
}

void ServerImpl::start() {
  scheduler_.setPrepare([this] { return prepareAnalysis(); });
  scheduler_.setCanStart([this] { return !indexing_ && indexed_; });
  auto weak = weak_from_this();
  Transport::Callbacks callbacks;
  callbacks.message = [weak](std::string body) {
    if (auto self = weak.lock())
      self->post([self = self.get(), body = std::move(body)] { self->onMessage(body); });
  };
  callbacks.framingError = [weak](std::string problem) {
    if (auto self = weak.lock())
      self->post(
          [self = self.get(), problem = std::move(problem)] { self->onFramingError(problem); });
  };
  callbacks.closed = [weak] {
    if (auto self = weak.lock())
      self->post([self = self.get()] { self->onClosed(); });
  };
  transport_->start(std::move(callbacks));
}

void ServerImpl::runPendingAnalysis() {
  post([this] { scheduler_.flush(); });
}

Server::Server(asio::io_context& io, std::shared_ptr<Transport> transport, ServerOptions options)
    : impl_(std::make_shared<ServerImpl>(io, std::move(transport), std::move(options))) {}

Server::~Server() {
  impl_->shutdownWorkers();
}

void Server::start() {
  impl_->start();
}

void Server::onExit(std::function<void(int)> handler) {
  impl_->exitHandler = std::move(handler);
}

void Server::runPendingAnalysis() {
  impl_->runPendingAnalysis();
}

std::filesystem::path findChecksDocs(const std::filesystem::path& exe) {
  std::error_code ec;
  const std::filesystem::path dir = exe.parent_path();
  const std::filesystem::path installed = dir / ".." / "share" / "doc" / "newslint" / "checks";
  if (std::filesystem::is_directory(installed, ec))
    return std::filesystem::weakly_canonical(installed, ec);
  std::filesystem::path up = dir;
  for (int i = 0; i < 5 && !up.empty(); ++i) {
    if (std::filesystem::is_directory(up / "docs" / "checks", ec))
      return std::filesystem::weakly_canonical(up / "docs" / "checks", ec);
    if (up == up.parent_path())
      break;
    up = up.parent_path();
  }
  return {};
}

// ---------------------------------------------------------------------------------------
// Sending.

size_t ServerImpl::send(const json& message) {
  if (state_ == State::Exited)
    return 0;
  std::string body = serialize(message);
  const size_t bytes = body.size();
  transport_->send(std::move(body));
  return bytes;
}

void ServerImpl::notify(std::string_view method, json params) {
  send(makeNotification(method, std::move(params)));
}

void ServerImpl::request(std::string_view method, json params,
                         std::function<void(const json&, const json&)> onReply) {
  const json id = "newslint-" + std::to_string(nextRequestId_++);
  outgoing_[idKey(id)] = std::move(onReply);
  send(makeRequest(id, method, std::move(params)));
}

void ServerImpl::reply(const json& id, json result) {
  json message = makeResponse(id, std::move(result));
  // A reply about every document of a large corpus is freed later, on a worker (see
  // garbage_), so that the next message does not wait for it.
  if (send(message) >= kDisposeBytes)
    letGo(std::make_shared<const json>(std::move(message)));
}

void ServerImpl::replyError(const json& id, ErrorCode code, const std::string& message) {
  send(makeError(id, code, message));
}

void ServerImpl::log(const std::string& line) {
  if (options_.log)
    options_.log(line);
}

void ServerImpl::logMessage(MessageType type, const std::string& message) {
  log(message);
  if (state_ == State::Running || state_ == State::ShutDown)
    notify("window/logMessage", json{{"type", static_cast<int>(type)}, {"message", message}});
}

// ---------------------------------------------------------------------------------------
// Receiving.

void ServerImpl::onFramingError(const std::string& problem) {
  if (state_ == State::Exited)
    return;
  log("framing error: " + problem);
  replyError(nullptr, ErrorCode::InvalidRequest, problem);
}

void ServerImpl::onClosed() {
  if (state_ == State::Exited)
    return;
  log("the client closed the connection");
  finish(state_ == State::ShutDown ? 0 : 1);
}

void ServerImpl::onMessage(const std::string& body) {
  if (state_ == State::Exited)
    return;
  Incoming in = parseMessage(body);
  try {
    switch (in.kind) {
    case Incoming::Kind::Invalid:
      log("invalid message: " + in.reason);
      replyError(in.id, in.problem, in.reason);
      return;
    case Incoming::Kind::Response:
      handleResponse(in);
      return;
    case Incoming::Kind::Notification:
      traceIncoming(in);
      handleNotification(in);
      return;
    case Incoming::Kind::Request:
      traceIncoming(in);
      handleRequest(in);
      return;
    }
  } catch (const RpcError& e) {
    if (in.kind == Incoming::Kind::Request)
      replyError(in.id, e.code(), e.what());
    else
      logMessage(MessageType::Error, in.method + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {
    if (in.kind == Incoming::Kind::Request)
      replyError(in.id, ErrorCode::InvalidParams, e.what());
    else
      logMessage(MessageType::Error, in.method + ": invalid params: " + e.what());
  } catch (const std::exception& e) {
    if (in.kind == Incoming::Kind::Request)
      replyError(in.id, ErrorCode::InternalError, e.what());
    else
      logMessage(MessageType::Error, in.method + ": " + e.what());
  }
}

void ServerImpl::traceIncoming(const Incoming& in) {
  if (trace_ == Trace::Off || in.method == "$/setTrace")
    return;
  json params{{"message", in.kind == Incoming::Kind::Request
                              ? "Received request '" + in.method + " - (" + in.id.dump() + ")'."
                              : "Received notification '" + in.method + "'."}};
  if (trace_ == Trace::Verbose)
    params["verbose"] = "Params: " + serialize(in.params);
  notify("$/logTrace", std::move(params));
}

void ServerImpl::handleResponse(const Incoming& in) {
  const auto it = outgoing_.find(idKey(in.id));
  if (it == outgoing_.end()) {
    log("response to an unknown request " + in.id.dump());
    return;
  }
  auto callback = std::move(it->second);
  outgoing_.erase(it);
  if (callback)
    callback(in.result, in.error);
}

void ServerImpl::handleRequest(Incoming& in) {
  const std::string& method = in.method;
  if (state_ == State::Uninitialized && method != "initialize") {
    replyError(in.id, ErrorCode::ServerNotInitialized, "the server is not initialized");
    return;
  }
  if (state_ == State::ShutDown) {
    replyError(in.id, ErrorCode::InvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "initialize") {
    if (state_ != State::Uninitialized) {
      replyError(in.id, ErrorCode::InvalidRequest, "initialize was already received");
      return;
    }
    if (!in.params.is_object())
      throw RpcError(ErrorCode::InvalidParams, "initialize needs an InitializeParams object");
    json result = initialize(in.params);
    state_ = State::Running;
    reply(in.id, std::move(result));
    return;
  }
  if (method == "shutdown") {
    state_ = State::ShutDown;
    for (auto& pending : pending_)
      replyError(pending.id, ErrorCode::ServerCancelled, "the server is shutting down");
    pending_.clear();
    scheduler_.stop();
    reply(in.id, nullptr);
    return;
  }
  static const std::set<std::string, std::less<>> kFeatures = {
      "textDocument/hover",         "textDocument/codeAction", "textDocument/references",
      "textDocument/prepareRename", "textDocument/rename",     "textDocument/documentSymbol",
      "workspace/symbol",           "textDocument/inlayHint",  "textDocument/diagnostic",
      "workspace/diagnostic"};
  if (kFeatures.count(method) == 0) {
    replyError(in.id, ErrorCode::MethodNotFound, "unsupported request " + method);
    return;
  }
  if (!in.params.is_object())
    throw RpcError(ErrorCode::InvalidParams, method + " needs a params object");
  PendingRequest request{in.id, method, std::move(in.params), std::nullopt};
  if (const auto uri = documentUri(request.params)) {
    if (const auto open = open_.find(*uri); open != open_.end())
      request.document = open->second.id;
    else if (const auto path = uriToPath(*uri))
      request.document = corpusId(*path);
  } else if (method.starts_with("textDocument/")) {
    throw RpcError(ErrorCode::InvalidParams, method + " needs params.textDocument.uri");
  }
  deferOrRun(std::move(request));
}

void ServerImpl::handleNotification(Incoming& in) {
  const std::string& method = in.method;
  if (method == "exit") {
    finish(state_ == State::ShutDown ? 0 : 1);
    return;
  }
  if (state_ == State::Uninitialized || state_ == State::ShutDown)
    return; // dropped, as the specification asks
  const json& params = in.params;
  if (method == "initialized")
    initialized();
  else if (method == "$/cancelRequest") {
    const json& id = params.at("id");
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->id == id) {
        replyError(it->id, ErrorCode::RequestCancelled, "request cancelled");
        pending_.erase(it);
        break;
      }
    }
  } else if (method == "$/setTrace") {
    const std::string value = params.at("value").get<std::string>();
    trace_ = value == "verbose"    ? Trace::Verbose
             : value == "messages" ? Trace::Messages
                                   : Trace::Off;
  } else if (method == "textDocument/didOpen")
    didOpen(params);
  else if (method == "textDocument/didChange")
    didChange(params);
  else if (method == "textDocument/didSave")
    didSave(params);
  else if (method == "textDocument/didClose")
    didClose(params);
  else if (method == "workspace/didChangeWatchedFiles")
    didChangeWatchedFiles(params);
  else if (method == "workspace/didChangeConfiguration")
    didChangeConfiguration(params);
  else if (!method.starts_with("$/"))
    log("ignored notification " + method);
}

// ---------------------------------------------------------------------------------------
// Lifecycle.

json ServerImpl::initialize(const json& params) {
  if (const auto caps = params.find("capabilities"); caps != params.end())
    client_ = parseClientCapabilities(*caps);
  if (const auto trace = params.find("trace"); trace != params.end() && trace->is_string())
    trace_ = *trace == "verbose"    ? Trace::Verbose
             : *trace == "messages" ? Trace::Messages
                                    : Trace::Off;

  // The corpus root: the first workspace folder, else rootUri, else rootPath.
  std::optional<std::filesystem::path> root;
  if (const auto folders = params.find("workspaceFolders");
      folders != params.end() && folders->is_array()) {
    for (const auto& folder : *folders) {
      if (!folder.is_object() || !folder.contains("uri") || !folder["uri"].is_string())
        continue;
      if (const auto path = uriToPath(folder["uri"].get<std::string>())) {
        if (!root)
          root = *path;
        else
          log("workspace folder " + path->string() + " is not indexed: one corpus per server");
      }
    }
  }
  if (!root)
    if (const auto uri = params.find("rootUri"); uri != params.end() && uri->is_string())
      root = uriToPath(uri->get<std::string>());
  if (!root)
    if (const auto path = params.find("rootPath"); path != params.end() && path->is_string()) {
      // Only an absolute path: a relative one would name a folder below the server's
      // working directory, which the client knows nothing about.
      std::filesystem::path given(path->get<std::string>());
      if (given.is_absolute())
        root = std::move(given);
      else if (!given.empty())
        log("rootPath " + given.string() + " is not an absolute path; ignored");
    }
  if (root)
    setRoot(*root);

  json capabilities = {
      {"positionEncoding", std::string(encodingName(client_.encoding))},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentSymbolProvider", true},
      {"workspaceSymbolProvider", true},
      {"inlayHintProvider", true},
      {"diagnosticProvider",
       {{"identifier", "newslint"},
        {"interFileDependencies", true},
        {"workspaceDiagnostics", true}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", false}}}}},
  };
  if (!client_.codeActionLiterals)
    capabilities["codeActionProvider"] = true;
  return json{{"capabilities", std::move(capabilities)},
              {"serverInfo", {{"name", "newslint"}, {"version", "0.1.0"}}}};
}

void ServerImpl::initialized() {
  if (initializedReceived_)
    return;
  initializedReceived_ = true;
  publishRegisterDiagnostics(); // problems found while initializing
  registerFileWatchers();
  requestEditorSettings();
  startIndexing();
}

void ServerImpl::finish(int code) {
  if (state_ == State::Exited)
    return;
  for (auto& pending : pending_)
    replyError(pending.id, ErrorCode::ServerCancelled, "the server is exiting");
  pending_.clear();
  state_ = State::Exited;
  scheduler_.stop();
  transport_->close();
  log("exit code " + std::to_string(code));
  if (exitHandler)
    exitHandler(code);
}

// ---------------------------------------------------------------------------------------
// Analysis: each change bumps the generation; results of an older generation are dropped.

bool ServerImpl::ready() const {
  return indexed_ && !indexing_ && installedOnce_ && installedGeneration_ == generation_;
}

void ServerImpl::changed(const std::optional<std::string>& document) {
  ++generation_;
  if (!document) {
    // Many documents, or the register: the next re-check compares every document.
    touchedSinceRecheck_.touchAll();
    touchedSinceAnalysis_.touchAll();
  }
  // Requests now wait for the next analysis (ready()), and re-checks read their index's copy
  // of what they need: the analysis of the former text serves nothing more, and is freed
  // before the next one is built.
  letGo(std::move(analysis_));
  analysis_.reset();
  if (document) {
    // Requests about this document that have been waiting were asked about older text.
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->document == document) {
        replyError(it->id, ErrorCode::ContentModified, "the document changed");
        it = pending_.erase(it);
      } else
        ++it;
    }
  }
  if (state_ == State::Running) {
    if (document)
      startRecheck(*document);
    scheduler_.request();
  }
}

Scheduler::Task ServerImpl::prepareAnalysis() {
  struct Extract {
    std::string id;
    uint64_t revision;
    std::string text;
  };
  std::vector<Extract> toExtract;
  auto documents = std::make_shared<analysis::CorpusSnapshot>();
  documents->config = effectiveConfig();
  documents->lexicon = lexicon_ ? lexicon_ : std::make_shared<analysis::Lexicon>();
  for (const auto& [id, doc] : docs_) {
    if (doc.pending)
      toExtract.push_back({id, doc.revision, *doc.pending});
    else if (doc.facts)
      documents->documents.emplace(id, doc.facts);
  }
  const uint64_t generation = generation_;
  const uint64_t configRevision = configRevision_;
  touchedSinceAnalysis_ = Touched{{}, false}; // the snapshot is this moment's
  const size_t recheckMin = options_.recheckMinDocuments;
  std::vector<std::string> openIds;
  for (const auto& [id, uri] : openUriById_)
    openIds.push_back(id);
  // The tables of the current re-check index serve the next one while few documents change.
  std::shared_ptr<const analysis::RecheckIndex> previous = recheck_;
  auto weak = weak_from_this();
  return [weak, generation, configRevision, recheckMin, documents, openIds = std::move(openIds),
          previous = std::move(previous), toExtract = std::move(toExtract),
          garbage = std::exchange(garbage_, {})]() mutable -> std::function<void()> {
    garbage.clear(); // what the server let go of since the last analysis (see garbage_)
    std::vector<std::pair<uint64_t, std::shared_ptr<const analysis::DocumentFacts>>> extracted;
    std::shared_ptr<const analysis::Analysis> result;
    std::shared_ptr<const analysis::RecheckIndex> recheck;
    std::string error;
    try {
      for (auto& item : toExtract) {
        auto facts = analysis::extractFacts(item.id, std::move(item.text), *documents->lexicon);
        documents->documents[item.id] = facts;
        extracted.emplace_back(item.revision, std::move(facts));
      }
      result = std::make_shared<const analysis::Analysis>(analysis::analyze(*documents));
      if (documents->documents.size() >= recheckMin) {
        if (previous && previous->servesSnapshot(*documents))
          recheck = std::make_shared<const analysis::RecheckIndex>(*previous, documents, result);
        else
          recheck = std::make_shared<const analysis::RecheckIndex>(documents, result);
        previous.reset();
        // The documents open in the editor are the ones about to be edited.
        for (const std::string& id : openIds)
          if (const auto it = documents->documents.find(id); it != documents->documents.end())
            recheck->prepare(it->second);
      }
    } catch (const std::exception& e) {
      error = e.what();
    }
    return [weak, generation, configRevision, documents, extracted = std::move(extracted), result,
            recheck, error]() mutable {
      auto self = weak.lock();
      if (!self || self->state_ == State::Exited)
        return;
      self->installAnalysis(generation, configRevision, documents, extracted, result, recheck,
                            error);
      // When a newer edit overtook this analysis, this completion holds its last copy.
      self->letGo(std::move(documents));
      self->letGo(std::move(result));
      self->letGo(std::move(recheck));
    };
  };
}

void ServerImpl::installAnalysis(
    uint64_t generation, uint64_t configRevision,
    const std::shared_ptr<analysis::CorpusSnapshot>& documents,
    const std::vector<std::pair<uint64_t, std::shared_ptr<const analysis::DocumentFacts>>>&
        extracted,
    const std::shared_ptr<const analysis::Analysis>& result,
    const std::shared_ptr<const analysis::RecheckIndex>& recheck, const std::string& error) {
  for (const auto& [revision, facts] : extracted) {
    const auto doc = docs_.find(facts->doc.id);
    if (doc != docs_.end() && doc->second.revision == revision) {
      doc->second.facts = facts;
      doc->second.pending.reset();
    }
  }
  // A re-check index of a slightly older corpus still serves: re-checks pass the
  // documents changed since its snapshot.
  if (recheck && configRevision == configRevision_) {
    letGo(std::exchange(recheck_, recheck));
    recheckConfigRevision_ = configRevision;
    touchedSinceRecheck_ = touchedSinceAnalysis_;
  }
  if (generation != generation_)
    return; // a newer edit arrived while this ran: its analysis replaces this one
  if (!error.empty()) {
    logMessage(MessageType::Error, "analysis failed: " + error);
    if (!analysis_) {
      snapshot_ = documents;
      analysis_ = std::make_shared<const analysis::Analysis>();
    }
  } else {
    letGo(std::exchange(snapshot_, documents));
    letGo(std::exchange(analysis_, result));
  }
  installedGeneration_ = generation;
  installedOnce_ = true;
  publishDiagnostics();
  servePending();
  if (indexProgress_) {
    indexProgress_->end("indexed " + std::to_string(docs_.size()) + " files");
    indexProgress_.reset();
  }
  // Once the corpus has stayed unchanged for a moment, what the server let go of is freed
  // and the memory handed back to the system. Not at once: the next edit's re-check would
  // share the cores and the allocator with it.
  auto timer = std::make_shared<asio::steady_timer>(strand_, options_.releaseMemoryAfterIdle);
  timer->async_wait(
      [weak = weak_from_this(), timer, generation](const boost::system::error_code& e) {
        auto self = weak.lock();
        if (!e && self && self->state_ == State::Running && self->generation_ == generation)
          self->scheduler_.dispose(std::exchange(self->garbage_, {}));
      });
}

// ---------------------------------------------------------------------------------------
// Feature requests.

void ServerImpl::deferOrRun(PendingRequest request) {
  if (ready()) {
    quickDiagnostics_.clear(); // the full analysis has caught up
    runFeature(request);
    return;
  }
  if (std::optional<json> quick = quickPull(request)) {
    reply(request.id, std::move(*quick));
    return;
  }
  if (request.method == "textDocument/hover" && !installedOnce_) {
    // Before the first analysis the wait is the whole reading of the corpus: an editor
    // that shows nothing for that long looks hung.
    auto timer = std::make_shared<asio::steady_timer>(strand_, options_.hoverWhileIndexingAfter);
    timer->async_wait(
        [weak = weak_from_this(), timer, id = request.id](const boost::system::error_code& error) {
          auto self = weak.lock();
          if (!error && self)
            self->answerHoverWhileIndexing(id);
        });
  }
  pending_.push_back(std::move(request));
}

void ServerImpl::answerHoverWhileIndexing(const json& id) {
  if (installedOnce_ || state_ != State::Running)
    return;
  const auto it = std::find_if(pending_.begin(), pending_.end(),
                               [&](const PendingRequest& p) { return p.id == id; });
  if (it == pending_.end())
    return; // answered, cancelled or dropped meanwhile
  const PendingRequest request = std::move(*it);
  pending_.erase(it);
  json result = nullptr;
  try {
    const std::string uri = request.params.at("textDocument").at("uri").get<std::string>();
    if (const auto open = open_.find(uri); open != open_.end())
      result =
          hoverWhileIndexing(open->second.text, request.params.at("position").get<Position>(),
                             client_.encoding, client_.markdownHover, indexedFiles_, filesToIndex_);
  } catch (const std::exception& e) {
    replyError(request.id, ErrorCode::InvalidParams, e.what());
    return;
  }
  reply(request.id, std::move(result));
}

void ServerImpl::servePending() {
  if (ready())
    quickDiagnostics_.clear(); // the full analysis has caught up
  while (ready() && !pending_.empty()) {
    PendingRequest request = std::move(pending_.front());
    pending_.pop_front();
    runFeature(request);
    // A workspace pull's parameters hold a result id for every document: freed later, on a
    // worker, as its reply is (see garbage_).
    if (request.method == "workspace/diagnostic")
      letGo(std::make_shared<const json>(std::move(request.params)));
  }
}

FeatureContext ServerImpl::featureContext() const {
  FeatureContext context(
      snapshot_, analysis_, [this](std::string_view id) { return uriOf(id); }, client_);
  context.checksDocsDir = options_.checksDocsDir;
  if (const auto path = registerPath()) {
    context.registerFile.uri = pathToUri(*path);
    for (const auto& [uri, doc] : open_)
      if (doc.isRegister)
        context.registerFile.uri = uri;
  }
  context.registerFile.text = registerText_;
  for (const auto& [uri, doc] : open_)
    if (doc.id)
      context.openVersions[*doc.id] = doc.version;
  return context;
}

void ServerImpl::runFeature(const PendingRequest& request) {
  // A request about the whole corpus fills the context's caches (a line table per
  // document): that context is freed later, on a worker (see garbage_).
  const bool wholeCorpus =
      request.method == "workspace/diagnostic" || request.method == "workspace/symbol";
  try {
    const auto contextHeld = std::make_shared<const FeatureContext>(featureContext());
    const FeatureContext& context = *contextHeld;
    if (wholeCorpus)
      letGo(contextHeld);
    const json& params = request.params;
    const std::string& method = request.method;
    const std::string id = request.document.value_or("");
    const bool known = request.document.has_value() && context.document(id) != nullptr;
    json result;
    if (method == "textDocument/diagnostic")
      result = pullDocumentDiagnostics(context, params);
    else if (method == "workspace/diagnostic")
      result = pullWorkspaceDiagnostics(context, params);
    else if (method == "workspace/symbol")
      result = workspaceSymbols(context, params.at("query").get<std::string>());
    else if (method == "textDocument/documentSymbol")
      result = known ? documentSymbols(context, id) : json::array();
    else if (method == "textDocument/hover") {
      const auto position = params.at("position").get<Position>();
      result = known ? hover(context, id, position) : json(nullptr);
    } else if (method == "textDocument/codeAction") {
      const auto range = params.at("range").get<Range>();
      result = known ? codeActions(context, id, range, params.value("context", json::object()))
                     : json::array();
    } else if (method == "textDocument/references") {
      const auto position = params.at("position").get<Position>();
      result = known ? references(context, id, position) : json::array();
    } else if (method == "textDocument/prepareRename") {
      const auto position = params.at("position").get<Position>();
      result = known ? prepareRename(context, id, position) : json(nullptr);
    } else if (method == "textDocument/rename") {
      const auto position = params.at("position").get<Position>();
      const auto newName = params.at("newName").get<std::string>();
      result = known ? rename(context, id, position, newName) : json(nullptr);
    } else if (method == "textDocument/inlayHint") {
      const auto range = params.at("range").get<Range>();
      result = known ? inlayHints(context, id, range) : json::array();
    }
    reply(request.id, std::move(result));
  } catch (const RpcError& e) {
    replyError(request.id, e.code(), e.what());
  } catch (const nlohmann::json::exception& e) {
    replyError(request.id, ErrorCode::InvalidParams, e.what());
  } catch (const std::exception& e) {
    replyError(request.id, ErrorCode::InternalError, e.what());
  }
}

} // namespace newslint::lsp
