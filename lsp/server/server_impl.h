// Private to lsp/server: the state of one connection and the pieces the feature files and
// the server core share. Everything here runs on the connection's strand unless noted.
#pragma once

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/recheck.h"
#include "newslint/lsp/features.h"
#include "newslint/lsp/jsonrpc.h"
#include "newslint/lsp/protocol.h"
#include "newslint/lsp/server.h"
#include "newslint/workspace/workspace.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace newslint::lsp {

namespace asio = boost::asio;
using json = nlohmann::json;
using Strand = asio::strand<asio::io_context::executor_type>;

/// Runs analysis and other heavy work on a small worker pool, debounced, one analysis at
/// a time; completions come back on the strand. (scheduler.cpp)
class Scheduler {
public:
  /// Runs on a worker; returns the completion to run on the strand.
  using Task = std::function<std::function<void()>()>;

  Scheduler(Strand strand, DebouncePolicy policy, unsigned threads);
  ~Scheduler();

  /// Builds the next analysis task (on the strand, when it is due).
  void setPrepare(std::function<Task()> prepare) { prepare_ = std::move(prepare); }
  /// While this says no, due analyses wait (e.g. during indexing).
  void setCanStart(std::function<bool()> canStart) { canStart_ = std::move(canStart); }

  /// Something changed: an analysis is due after the debounce delay.
  void request();
  /// Starts a due analysis now (manual policy; also used when indexing ends).
  void flush();
  /// Runs other background work on the pool.
  void run(Task task);
  /// Runs short work (the re-check of one edited document) on its own thread, so that it
  /// never waits behind a full analysis.
  void runQuick(Task task);
  /// Destroys `garbage` on a worker, then hands the allocator's free pages back to the
  /// system.
  void dispose(std::vector<std::shared_ptr<const void>> garbage);
  /// Stops the workers; a running task finishes, its completion is dropped.
  void stop();

private:
  void tryStart();
  void finish(const std::function<void()>& completion, bool analysis);

  Strand strand_;
  DebouncePolicy policy_;
  asio::thread_pool pool_;
  asio::thread_pool quick_{1};
  asio::steady_timer timer_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
  std::function<Task()> prepare_;
  std::function<bool()> canStart_;
  bool dirty_ = false;
  bool running_ = false;
  bool timerPending_ = false;
  bool stopped_ = false;
};

class ServerImpl;

/// Work-done progress for one operation, created on the client when it supports it.
/// (progress.cpp)
class WorkDoneProgress : public std::enable_shared_from_this<WorkDoneProgress> {
public:
  WorkDoneProgress(ServerImpl& server, std::string token)
      : server_(server), token_(std::move(token)) {}
  void begin(const std::string& title, const std::string& message);
  void report(const std::string& message, uint32_t percentage);
  void end(const std::string& message);

private:
  void onCreated(const json& error);
  void flush();
  enum class State { Idle, Creating, Active, Done, Unsupported };
  ServerImpl& server_;
  std::string token_;
  State state_ = State::Idle;
  std::string title_;
  std::optional<json> begin_;
  std::optional<json> report_;
  std::optional<json> end_;
};

/// A corpus document as the server holds it.
struct DocState {
  std::shared_ptr<const analysis::DocumentFacts> facts; ///< null until first extracted
  std::optional<std::string> pending; ///< current text, when its facts are not extracted yet
  uint64_t revision = 0;
};

/// A document the editor has open (corpus member or not).
struct OpenDoc {
  std::string uri;
  std::string text;
  int64_t version = 0;
  std::optional<std::string> id; ///< corpus document id, when it is a member
  bool isRegister = false;
};

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

class ServerImpl : public std::enable_shared_from_this<ServerImpl> {
public:
  ServerImpl(asio::io_context& io, std::shared_ptr<Transport> transport, ServerOptions options);
  ~ServerImpl();

  void start();
  void shutdownWorkers();
  void runPendingAnalysis();
  std::function<void(int)> exitHandler;

  // --- connection (server.cpp) ---
  /// The bytes sent (0 after exit).
  size_t send(const json& message);
  void notify(std::string_view method, json params);
  void request(std::string_view method, json params,
               std::function<void(const json& result, const json& error)> onReply);
  void logMessage(MessageType type, const std::string& message);
  void log(const std::string& line);
  [[nodiscard]] const ClientCapabilities& client() const { return client_; }

private:
  friend class WorkDoneProgress;

  // server.cpp: dispatch and lifecycle
  void post(std::function<void()> fn);
  void onMessage(const std::string& body);
  void onFramingError(const std::string& problem);
  void onClosed();
  void handleRequest(Incoming& in);
  void handleNotification(Incoming& in);
  void handleResponse(const Incoming& in);
  void reply(const json& id, json result);
  void replyError(const json& id, ErrorCode code, const std::string& message);
  void traceIncoming(const Incoming& in);
  json initialize(const json& params);
  void initialized();
  void finish(int code);

  // server.cpp: feature requests, answered on a fresh analysis
  struct PendingRequest {
    json id;
    std::string method;
    json params;
    std::optional<std::string> document; ///< the corpus document it is about
  };
  [[nodiscard]] bool ready() const;
  void deferOrRun(PendingRequest request);
  void runFeature(const PendingRequest& request);
  void servePending();
  void cancelPendingFor(const std::string& id);
  /// Answers a hover still waiting for the first analysis with how far the reading is.
  void answerHoverWhileIndexing(const json& id);
  [[nodiscard]] FeatureContext featureContext() const;
  json pullDocumentDiagnostics(const FeatureContext& context, const json& params);
  /// A pull report of `items`: "unchanged" when the client's previousResultId matches.
  static json pullReport(json items, const json& params);
  json pullWorkspaceDiagnostics(const FeatureContext& context, const json& params);

  // text_sync.cpp
  void didOpen(const json& params);
  void didChange(const json& params);
  void didSave(const json& params);
  void didClose(const json& params);

  // workspace_index.cpp
  void setRoot(const std::filesystem::path& root);
  void startIndexing();
  void didChangeWatchedFiles(const json& params);
  void didChangeConfiguration(const json& params);
  /// Asks the client for the `newslint` settings section (per-check severities).
  void requestEditorSettings();
  /// Applies a `newslint` settings object; returns whether the severities changed.
  bool applyEditorSettings(const json& settings);
  /// The register's configuration with the editor's per-check severities on top.
  std::shared_ptr<const analysis::Config> effectiveConfig() const;
  void registerFileWatchers();
  void loadRegisterFromDisk();
  void applyRegisterText(const std::optional<std::string>& text);
  /// `path` relative to the root, also when the client names the root through a link.
  [[nodiscard]] std::filesystem::path relativeToRoot(const std::filesystem::path& path) const;
  [[nodiscard]] std::optional<std::string> corpusId(const std::filesystem::path& path) const;
  [[nodiscard]] std::optional<std::filesystem::path> registerPath() const;
  [[nodiscard]] bool isRegister(const std::filesystem::path& path) const;
  [[nodiscard]] std::string uriOf(std::string_view id) const;
  void setDocumentText(const std::string& id, std::string text);
  void removeDocument(const std::string& id);
  void reloadFromDisk(const std::string& id);

  // analysis glue (server.cpp)
  void changed(const std::optional<std::string>& document);
  /// Re-checks one edited document against the last full analysis (recheck.cpp).
  void startRecheck(const std::string& id);
  /// The answer to a pull of a document from its quick re-check, when one is current.
  [[nodiscard]] std::optional<json> quickPull(const PendingRequest& request) const;
  /// When a quick re-check was asked for, and when its steps on the worker ended.
  struct RecheckTimes {
    std::chrono::steady_clock::time_point asked, started, extracted, rechecked;
  };
  void finishRecheck(const std::string& id, uint64_t revision,
                     std::shared_ptr<const analysis::DocumentFacts> facts,
                     std::vector<analysis::Finding> findings, const RecheckTimes& times);
  /// Pushes one document's diagnostics when they (or its version) changed.
  void publishOne(const FeatureContext& context, const std::string& id, json diagnostics,
                  bool& anyChanged);
  Scheduler::Task prepareAnalysis();
  /// Puts a finished analysis in place (on the strand); what it replaces goes to garbage_.
  void installAnalysis(
      uint64_t generation, uint64_t configRevision,
      const std::shared_ptr<analysis::CorpusSnapshot>& documents,
      const std::vector<std::pair<uint64_t, std::shared_ptr<const analysis::DocumentFacts>>>&
          extracted,
      const std::shared_ptr<const analysis::Analysis>& result,
      const std::shared_ptr<const analysis::RecheckIndex>& recheck, const std::string& error);
  void publishDiagnostics();
  void publishRegisterDiagnostics();

  asio::io_context& io_;
  Strand strand_;
  std::shared_ptr<Transport> transport_;
  ServerOptions options_;
  Scheduler scheduler_;

  enum class State { Uninitialized, Running, ShutDown, Exited };
  State state_ = State::Uninitialized;
  bool initializedReceived_ = false;
  ClientCapabilities client_;
  enum class Trace { Off, Messages, Verbose };
  Trace trace_ = Trace::Off;
  int64_t nextRequestId_ = 1;
  std::map<std::string, std::function<void(const json&, const json&)>> outgoing_;

  // the corpus
  std::optional<std::filesystem::path> root_;
  std::map<std::string, DocState, std::less<>> docs_;
  std::map<std::string, OpenDoc, std::less<>> open_; ///< by URI as the client sent it
  std::map<std::string, std::string, std::less<>> openUriById_;
  uint64_t nextRevision_ = 1;
  std::shared_ptr<const analysis::Config> config_ = std::make_shared<analysis::Config>();
  std::map<std::string, analysis::Severity> editorSeverities_; ///< from the editor's settings
  std::shared_ptr<const analysis::Lexicon> lexicon_;
  std::optional<std::string> registerText_; ///< as on disk, or as open in the editor
  std::vector<workspace::ConfigProblem> registerProblems_;
  bool indexing_ = false;
  size_t indexedFiles_ = 0; ///< files read so far by the running indexing
  size_t filesToIndex_ = 0;
  bool indexed_ = false;
  uint64_t indexRun_ = 0;
  std::shared_ptr<WorkDoneProgress> indexProgress_;

  // analysis state
  uint64_t generation_ = 0;
  uint64_t installedGeneration_ = 0;
  bool installedOnce_ = false;
  std::shared_ptr<const analysis::CorpusSnapshot> snapshot_;
  std::shared_ptr<const analysis::Analysis> analysis_;
  /// Built from the last full analysis for quick re-checks; null below the size threshold.
  std::shared_ptr<const analysis::RecheckIndex> recheck_;
  /// Documents that may differ from a snapshot: a quick re-check compares just these with
  /// the re-check index's base, instead of every document (on 100,000 documents that walk
  /// took tens of milliseconds). `all`: compare every document (after a change of many).
  struct Touched {
    std::set<std::string, std::less<>> ids;
    bool all = true;
    void touch(const std::string& id) {
      if (!all)
        ids.insert(id);
    }
    void touchAll() {
      all = true;
      ids.clear();
    }
  };
  Touched touchedSinceRecheck_;  ///< since the snapshot of recheck_
  Touched touchedSinceAnalysis_; ///< since the snapshot of the analysis running now
  void touch(const std::string& id) {
    touchedSinceRecheck_.touch(id);
    touchedSinceAnalysis_.touch(id);
  }
  /// What the server has let go of (the analysis an analysis replaced, a reply about every
  /// document): freed on a worker when the next analysis starts, or once the corpus has
  /// stayed unchanged for ServerOptions::releaseMemoryAfterIdle. Freeing it at once, on the
  /// strand or beside the next edit's re-check, took milliseconds from that edit.
  std::vector<std::shared_ptr<const void>> garbage_;
  void letGo(std::shared_ptr<const void> object) {
    if (object)
      garbage_.push_back(std::move(object));
  }
  uint64_t recheckConfigRevision_ = 0;
  uint64_t configRevision_ = 1; ///< bumped when the register or the editor's severities change
  std::deque<PendingRequest> pending_;
  /// Pull clients: the quick re-check's diagnostics of an edited document, by id, with the
  /// document revision they are for (answered until the full analysis catches up).
  std::map<std::string, std::pair<uint64_t, json>, std::less<>> quickDiagnostics_;
  /// What the last pushed diagnostics of a document were, told apart from others without
  /// holding their text (megabytes over a corpus): its length and two independent 64-bit
  /// hashes of it.
  struct Fingerprint {
    size_t size = 0;
    uint64_t a = 0;
    uint64_t b = 0;
    explicit Fingerprint(std::string_view text);
    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
  };
  std::map<std::string, Fingerprint, std::less<>> published_; ///< id -> last pushed diagnostics
  std::map<std::string, int64_t, std::less<>> publishedVersion_;
  bool registerPublished_ = false;
};

} // namespace newslint::lsp
