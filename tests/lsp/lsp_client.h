// An in-memory LSP client driving the real server: the server runs on its own io_context
// thread behind an InMemoryTransport; the client sends JSON and waits (with a generous
// bound that is only a safety net) for the messages it expects.
#pragma once

#include "newslint/lsp/protocol.h"
#include "newslint/lsp/server.h"
#include "newslint/lsp/transport.h"
#include "newslint/workspace/workspace.h"

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace newslint::lsp::test {

using nlohmann::json;

/// Bound on any single wait; reaching it means the test failed, not that it was slow.
inline constexpr std::chrono::seconds kSafetyNet{60};

/// The lexicon the real server loads, loaded once for the whole suite.
inline std::shared_ptr<const analysis::Lexicon> suiteLexicon() {
  static const auto lexicon = workspace::loadLexicon();
  return lexicon;
}

/// A private copy of examples/ (or an empty folder) that is removed afterwards.
class TempCorpus {
public:
  explicit TempCorpus(bool withExamples = true) {
    static std::atomic<int> counter{0};
    root_ = std::filesystem::temp_directory_path() /
            ("newslint-lsp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    if (withExamples)
      for (const auto& entry : std::filesystem::directory_iterator(NEWSLINT_EXAMPLES_DIR)) {
        const auto target = root_ / entry.path().filename();
        std::filesystem::copy_file(entry.path(), target);
        std::filesystem::permissions(target, std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::add);
      }
  }
  ~TempCorpus() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempCorpus(const TempCorpus&) = delete;
  TempCorpus& operator=(const TempCorpus&) = delete;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  [[nodiscard]] std::string uri(const std::string& name) const { return pathToUri(root_ / name); }
  [[nodiscard]] std::string read(const std::string& name) const {
    std::ifstream in(root_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root_ / name, std::ios::binary | std::ios::trunc) << text;
  }

private:
  std::filesystem::path root_;
};

class LspClient {
public:
  explicit LspClient(ServerOptions options = defaultOptions(),
                     size_t maxBody = kDefaultMaxMessageBytes)
      : transport_(std::make_shared<InMemoryTransport>(maxBody)),
        work_(boost::asio::make_work_guard(io_)) {
    transport_->setClientReceiver([this](std::string body) { receive(std::move(body)); });
    server_ = std::make_unique<Server>(io_, transport_, std::move(options));
    server_->onExit([this](int code) {
      std::lock_guard lock(mutex_);
      exitCode_ = code;
      changed_.notify_all();
    });
    server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }

  ~LspClient() {
    work_.reset();
    io_.stop();
    thread_.join();
    server_.reset();
  }

  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  static ServerOptions defaultOptions() {
    ServerOptions options;
    options.debounce = DebouncePolicy::fixed(std::chrono::milliseconds(0));
    // Hovers wait for the analysis however slow the build (the sanitizers) or the machine.
    options.hoverWhileIndexingAfter = kSafetyNet;
    options.lexicon = suiteLexicon();
    options.checksDocsDir = std::filesystem::path(NEWSLINT_SOURCE_DIR) / "docs" / "checks";
    return options;
  }

  Server& server() { return *server_; }
  InMemoryTransport& transport() { return *transport_; }

  // --- sending ---
  json sendRequest(const std::string& method, json params) {
    const json id = nextId_++;
    json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null())
      message["params"] = std::move(params);
    transport_->clientSend(message.dump());
    return id;
  }
  void notify(const std::string& method, json params) {
    json message = {{"jsonrpc", "2.0"}, {"method", method}};
    if (!params.is_null())
      message["params"] = std::move(params);
    transport_->clientSend(message.dump());
  }
  void sendRaw(const std::string& body) { transport_->clientSend(body); }

  /// The whole response message (with "result" or "error").
  json call(const std::string& method, json params) {
    return waitResponse(sendRequest(method, std::move(params)));
  }
  /// The result of a request that must succeed.
  json request(const std::string& method, json params) {
    json response = call(method, std::move(params));
    EXPECT_TRUE(response.contains("result")) << method << ": " << response.dump();
    return response.value("result", json());
  }

  // --- receiving ---
  json waitResponse(const json& id) {
    return waitFor(
        [&](const json& m) { return !m.contains("method") && m.value("id", json()) == id; });
  }
  /// The first message from index `from` on that satisfies `predicate`.
  json waitFor(const std::function<bool(const json&)>& predicate, size_t from = 0) {
    std::unique_lock lock(mutex_);
    size_t index = from;
    const bool found = changed_.wait_for(lock, kSafetyNet, [&] {
      for (; index < messages_.size(); ++index)
        if (predicate(messages_[index]))
          return true;
      return false;
    });
    if (!found) {
      ADD_FAILURE() << "timed out waiting for a message; received " << messages_.size();
      return json();
    }
    return messages_[index];
  }
  json waitNotification(const std::string& method, const std::function<bool(const json&)>& params,
                        size_t from = 0) {
    return waitFor(
        [&](const json& m) {
          return m.value("method", "") == method && !m.contains("id") &&
                 params(m.value("params", json()));
        },
        from);
  }
  /// The next publishDiagnostics for `uri` after `from`; its params.
  json waitDiagnostics(const std::string& uri, size_t from = 0,
                       const std::function<bool(const json&)>& extra = nullptr) {
    return waitNotification(
               "textDocument/publishDiagnostics",
               [&](const json& p) { return p.value("uri", "") == uri && (!extra || extra(p)); },
               from)
        .value("params", json());
  }
  [[nodiscard]] size_t mark() {
    std::lock_guard lock(mutex_);
    return messages_.size();
  }
  std::vector<json> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  std::optional<int> waitExit() {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, kSafetyNet, [&] { return exitCode_.has_value(); });
    return exitCode_;
  }
  /// How the client answers the server's requests (default: a null result). Set it before
  /// initialize.
  void answerRequests(std::function<json(const json& request)> answer) {
    answer_ = std::move(answer);
  }
  /// A round trip through the server's strand: everything sent before it has been handled.
  void sync() { call("newslint/sync-barrier", json::object()); }

  // --- conveniences ---
  json initialize(const std::filesystem::path& root, json capabilities = defaultCapabilities()) {
    json result = request(
        "initialize",
        {{"processId", nullptr},
         {"rootUri", pathToUri(root)},
         {"capabilities", std::move(capabilities)},
         {"workspaceFolders", json::array({{{"uri", pathToUri(root)}, {"name", "corpus"}}})}});
    notify("initialized", json::object());
    return result;
  }
  static json defaultCapabilities() {
    return {{"textDocument",
             {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
              {"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}},
              {"publishDiagnostics", {{"relatedInformation", true}, {"versionSupport", true}}},
              {"codeAction",
               {{"codeActionLiteralSupport", {{"codeActionKind", {{"valueSet", {"quickfix"}}}}}}}},
              {"rename", {{"prepareSupport", true}}}}},
            {"workspace",
             {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create"}}}}}}};
  }
  /// Waits until the server has indexed and analysed the corpus (pull requests wait for it).
  json workspaceDiagnostics() {
    return request("workspace/diagnostic", {{"previousResultIds", json::array()}});
  }

  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}});
  }

private:
  void receive(std::string body) {
    json message = json::parse(body, nullptr, false);
    if (message.is_object() && message.contains("method") && message.contains("id")) {
      // A request from the server: accept it, as an editor would.
      json result = nullptr;
      if (answer_)
        result = answer_(message);
      transport_->clientSend(
          json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", std::move(result)}}.dump());
    }
    std::lock_guard lock(mutex_);
    messages_.push_back(std::move(message));
    changed_.notify_all();
  }

  std::function<json(const json&)> answer_;
  boost::asio::io_context io_;
  std::shared_ptr<InMemoryTransport> transport_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<json> messages_;
  std::optional<int> exitCode_;
  int64_t nextId_ = 1;
};

/// Applies a WorkspaceEdit's edits for one URI to `text` (edits applied back to front).
inline std::string applyEdits(std::string text, const json& edits, PositionEncoding encoding) {
  std::vector<std::pair<analysis::Span, std::string>> spans;
  const LineIndex lines(text);
  for (const auto& edit : edits)
    spans.emplace_back(lines.span(text, edit.at("range").get<Range>(), encoding),
                       edit.at("newText").get<std::string>());
  std::sort(spans.begin(), spans.end(),
            [](const auto& a, const auto& b) { return a.first.begin > b.first.begin; });
  for (const auto& [span, replacement] : spans)
    text.replace(span.begin, span.size(), replacement);
  return text;
}

/// The edits for `uri` in a WorkspaceEdit, whichever of its two forms it uses.
inline json editsFor(const json& workspaceEdit, const std::string& uri) {
  json out = json::array();
  if (workspaceEdit.contains("changes") && workspaceEdit["changes"].contains(uri))
    for (const auto& e : workspaceEdit["changes"][uri])
      out.push_back(e);
  if (workspaceEdit.contains("documentChanges"))
    for (const auto& change : workspaceEdit["documentChanges"])
      if (change.contains("textDocument") && change["textDocument"].value("uri", "") == uri)
        for (const auto& e : change["edits"])
          out.push_back(e);
  return out;
}

} // namespace newslint::lsp::test
