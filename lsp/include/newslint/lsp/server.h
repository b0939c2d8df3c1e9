// The language server: lifecycle, document sync, the corpus index and the scheduler that
// runs analysis off the read loop. Features live one a file in lsp/server/.
#pragma once

#include "newslint/analysis/lexicon.h"
#include "newslint/lsp/transport.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

namespace boost::asio {
class io_context;
}

namespace newslint::lsp {

/// When analysis runs after a change. Tests use `fixed(0)` (start as soon as the read loop
/// is free) or `manual()` (only when the test calls Server::runPendingAnalysis).
struct DebouncePolicy {
  std::chrono::milliseconds delay{0};
  bool manual = false;

  static DebouncePolicy fixed(std::chrono::milliseconds delay) { return {delay, false}; }
  static DebouncePolicy manualOnly() { return {std::chrono::milliseconds(0), true}; }
};

struct ServerOptions {
  DebouncePolicy debounce = DebouncePolicy::fixed(std::chrono::milliseconds(150));
  unsigned workerThreads = 1; ///< 1 or 2
  /// Where docs/checks/<code>.md pages live; empty: found next to the executable.
  std::filesystem::path checksDocsDir;
  /// Word knowledge for the engine; null: workspace::loadLexicon() on the worker.
  std::shared_ptr<const analysis::Lexicon> lexicon;
  /// From this many documents on, an edited document's own findings are published from a
  /// quick re-check (analysis::RecheckIndex) before the full analysis of the corpus
  /// catches up; below it, the full analysis is fast enough on its own.
  size_t recheckMinDocuments = 1000;
  /// A hover asked before the corpus has been read and analysed once waits this long for
  /// the analysis, then is answered with how far the reading is.
  std::chrono::milliseconds hoverWhileIndexingAfter{250};
  /// How long the corpus must stay unchanged after an analysis before the memory freed
  /// since is handed back to the system.
  std::chrono::milliseconds releaseMemoryAfterIdle{500};
  /// Server log lines (one per call, no trailing newline); null: discarded.
  std::function<void(std::string_view line)> log;
};

class ServerImpl;

/// One server per connection. Construct, `start()`, then run the io_context.
class Server {
public:
  Server(boost::asio::io_context& io, std::shared_ptr<Transport> transport, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void start();
  /// Called once with the process exit code: 0 after `shutdown` + `exit`, 1 otherwise
  /// (exit without shutdown, or the client went away).
  void onExit(std::function<void(int code)> handler);
  /// With DebouncePolicy::manualOnly(): starts the analysis of every pending change.
  void runPendingAnalysis();

private:
  std::shared_ptr<ServerImpl> impl_;
};

/// The docs/checks directory for an executable at `exe`: ../share/doc/newslint/checks when
/// installed, else a docs/checks found walking up from the build tree. Empty when none.
std::filesystem::path findChecksDocs(const std::filesystem::path& exe);

} // namespace newslint::lsp
