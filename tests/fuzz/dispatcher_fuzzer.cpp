// Fuzzes the JSON-RPC dispatcher with the real server handlers over the in-memory
// transport. The input is read as a program of client actions: lifecycle messages,
// didOpen/didChange/didClose, feature requests (hover, codeAction, rename, …) with fuzzed
// parameters (sometimes of the wrong type), raw bodies and raw framed bytes. An input that
// starts with "Content-Length" is instead a recorded session: its frames are delivered as
// they are, except that an initialize is pointed at the fuzzing corpus. The corpus is a
// private folder holding two sample articles and a register; half the programs have the
// server re-check edits quickly as well (the quick re-check runs from 1,000 documents on).
//
// Checked: nothing crashes or leaks; after the program the harness sends shutdown and
// exit, and the server must exit, having answered every request the harness sent.
#include <fuzzer/FuzzedDataProvider.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "newslint/lsp/protocol.h"
#include "newslint/lsp/server.h"
#include "newslint/lsp/transport.h"
#include "newslint/workspace/workspace.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace newslint;

void check(bool condition) {
  if (!condition)
    std::abort();
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The fixed world every input runs in: a corpus folder and the lexicon.
struct World {
  fs::path root;
  std::vector<std::string> uris;     ///< documents the program may name
  std::vector<std::string> articles; ///< texts the program may paste
  std::shared_ptr<const analysis::Lexicon> lexicon;

  World() {
    root = fs::temp_directory_path() / ("newslint-dispatcher-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    const fs::path examples = NEWSLINT_EXAMPLES_DIR;
    // Short prefixes keep each run fast; the full texts stay available for pastes.
    const char* names[] = {"000_7e03111992a0022c.txt", "001_2ed5d6a8ed618bf6.txt"};
    const char* targets[] = {"a.txt", "b.txt"};
    for (int i = 0; i < 2; ++i) {
      const std::string text = readFile(examples / names[i]);
      articles.push_back(text);
      std::ofstream(root / targets[i], std::ios::binary) << text.substr(0, 1500);
    }
    std::ofstream(root / "newslint.json", std::ios::binary)
        << R"({"entities":[{"canonical":"Bouthaina Shaaban","variants":["Buthaina Shaaban"]}],)"
        << R"("distinct":[["Iran","Iraq"]],"sources":{"a.txt":{"published":"2012-02-09"}}})";
    uris = {lsp::pathToUri(root / "a.txt"),
            lsp::pathToUri(root / "b.txt"),
            lsp::pathToUri(root / "c.txt"),
            lsp::pathToUri(root / "newslint.json"),
            lsp::pathToUri(root / "sub" / ".." / "a.txt"),
            lsp::pathToUri(root.parent_path() / "outside.txt"),
            "untitled:Untitled-1",
            "file:///%ZZ%00/x.txt"};
    lexicon = workspace::loadLexicon();
  }
  ~World() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

World& world() {
  static World instance;
  return instance;
}

/// What the client side sees.
class Client {
public:
  explicit Client(std::shared_ptr<lsp::InMemoryTransport> transport, int serverRequestPolicy)
      : transport_(std::move(transport)), policy_(serverRequestPolicy) {}

  void receive(const std::string& body) {
    const json message = json::parse(body, nullptr, false);
    check(!message.is_discarded()); // the server always sends valid JSON
    check(message.is_object());
    if (message.contains("method") && message.contains("id")) {
      // A request from the server: answer as a client might, or not at all.
      if (policy_ == 0)
        transport_->clientSend(
            json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", nullptr}}.dump());
      else if (policy_ == 3 && message.value("method", "") == "workspace/configuration")
        transport_->clientSend(
            json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", json::array({settings_})}}
                .dump(-1, ' ', false, json::error_handler_t::replace));
      else if (policy_ == 1)
        transport_->clientSend(json{{"jsonrpc", "2.0"},
                                    {"id", message["id"]},
                                    {"error", {{"code", -32601}, {"message", "no"}}}}
                                   .dump());
      return;
    }
    if (!message.contains("method") && message.contains("id") && message["id"].is_string()) {
      std::lock_guard lock(mutex_);
      answered_.insert(message["id"].get<std::string>());
    }
  }
  /// What the client answers to workspace/configuration (policy 3).
  void setSettings(json settings) { settings_ = std::move(settings); }
  bool answered(const std::string& id) {
    std::lock_guard lock(mutex_);
    return answered_.count(id) > 0;
  }

private:
  std::shared_ptr<lsp::InMemoryTransport> transport_;
  int policy_;
  json settings_;
  std::mutex mutex_;
  std::set<std::string> answered_;
};

/// Builds messages from the fuzzer's bytes.
class Program {
public:
  explicit Program(FuzzedDataProvider& in) : in_(in) {}

  /// A good value, or now and then one of the wrong type.
  json maybeWrong(json good) {
    if (in_.ConsumeIntegralInRange<int>(0, 15) != 0)
      return good;
    switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
    case 0:
      return nullptr;
    case 1:
      return in_.ConsumeRandomLengthString(16);
    case 2:
      return in_.ConsumeIntegral<int64_t>();
    case 3:
      return json::array({good});
    case 4:
      return json::object();
    case 5:
      return 1.5;
    case 6:
      return in_.ConsumeBool();
    default:
      return std::numeric_limits<uint64_t>::max();
    }
  }
  uint32_t coordinate() {
    switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
    case 0:
      return in_.ConsumeIntegral<uint32_t>();
    case 1:
      return 0;
    default:
      return in_.ConsumeIntegralInRange<uint32_t>(0, 40);
    }
  }
  json position() {
    return maybeWrong(
        json{{"line", maybeWrong(coordinate())}, {"character", maybeWrong(coordinate())}});
  }
  json range() { return maybeWrong(json{{"start", position()}, {"end", position()}}); }
  std::string uri() {
    const auto& uris = world().uris;
    if (in_.ConsumeIntegralInRange<int>(0, 31) == 0)
      return in_.ConsumeRandomLengthString(32);
    return uris[in_.ConsumeIntegralInRange<size_t>(0, uris.size() - 1)];
  }
  json textDocument() { return maybeWrong(json{{"uri", maybeWrong(uri())}}); }
  std::string text() {
    switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: {
      const auto& articles = world().articles;
      return articles[in_.ConsumeIntegralInRange<size_t>(0, articles.size() - 1)];
    }
    case 1:
      return "";
    case 2:
      return "Syrian President Bashar al-Assad met Buthaina Shaaban on Tuesday.\r\n"
             "Bouthaina Shaaban said on Monday, 14 December 2024, \xF0\x9F\x98\x80 it was done.\r";
    default:
      return in_.ConsumeRandomLengthString(256);
    }
  }
  json capabilities() {
    json caps = json::object();
    if (in_.ConsumeBool())
      caps["general"]["positionEncodings"] =
          in_.ConsumeBool() ? json::array({"utf-8", "utf-16"}) : json::array({"utf-16"});
    if (in_.ConsumeBool())
      caps["window"]["workDoneProgress"] = true;
    if (in_.ConsumeBool())
      caps["workspace"]["configuration"] = true;
    if (in_.ConsumeBool())
      caps["workspace"].update(
          {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create"}}}},
           {"didChangeWatchedFiles", {{"dynamicRegistration", true}}},
           {"diagnostics", {{"refreshSupport", true}}}});
    if (in_.ConsumeBool())
      caps["textDocument"] = {
          {"diagnostic", json::object()},
          {"codeAction",
           {{"codeActionLiteralSupport", {{"codeActionKind", {{"valueSet", {"quickfix"}}}}}}}},
          {"rename", {{"prepareSupport", true}}},
          {"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}}};
    return maybeWrong(caps);
  }
  /// A `newslint` settings object: per-check severities, some of them unknown or wrong.
  json settings() {
    static const char* const kCodes[] = {"name-variant",    "name-variant-in-document",
                                         "date-conflict",   "weekday-mismatch",
                                         "impossible-date", "no-such-check"};
    static const char* const kSeverities[] = {"error", "warning", "info", "hint", "off", "loud"};
    json checks = json::object();
    const int n = in_.ConsumeIntegralInRange<int>(0, 3);
    for (int i = 0; i < n; ++i)
      checks[in_.ConsumeBool() ? kCodes[in_.ConsumeIntegralInRange<size_t>(0, 5)]
                               : in_.ConsumeRandomLengthString(12)] =
          maybeWrong(kSeverities[in_.ConsumeIntegralInRange<size_t>(0, 5)]);
    return maybeWrong(json{{"checks", maybeWrong(checks)}});
  }
  json initializeParams() {
    const std::string rootUri = lsp::pathToUri(world().root);
    json params = {{"processId", nullptr}, {"capabilities", capabilities()}};
    // Always a root: without one the server takes the folder of the first opened document,
    // and the program may open a file outside the corpus folder.
    switch (in_.ConsumeIntegralInRange<int>(0, 2)) {
    case 0:
      params["rootUri"] = rootUri;
      break;
    case 1:
      params["workspaceFolders"] = json::array({{{"uri", rootUri}, {"name", "corpus"}}});
      break;
    default:
      params["rootPath"] = world().root.string();
      break;
    }
    if (in_.ConsumeBool())
      params["trace"] = in_.ConsumeBool() ? "verbose" : "messages";
    return params;
  }

private:
  FuzzedDataProvider& in_;
};

json request(const std::string& id, const std::string& method, json params) {
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null())
    message["params"] = std::move(params);
  return message;
}

json notification(const std::string& method, json params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null())
    message["params"] = std::move(params);
  return message;
}

/// Delivers a recorded session frame by frame; an initialize always names the fuzzing
/// corpus as its root, so that no input can make the server index another folder.
void replaySession(lsp::InMemoryTransport& transport, std::string_view bytes,
                   const std::function<void()>& poll) {
  static constexpr std::string_view kRecordedRoot = "file:///corpus";
  const std::string rootUri = lsp::pathToUri(world().root);
  lsp::FrameDecoder decoder(1u << 20);
  decoder.feed(bytes);
  while (auto frame = decoder.next()) {
    if (frame->isError()) {
      transport.clientWrite("Content-Length: x\r\n\r\n"); // a framing error, as recorded
      poll();
      continue;
    }
    // Recorded sessions name their corpus file:///corpus; it stands for the fuzzing corpus.
    std::string body = std::move(frame->body);
    for (size_t at = body.find(kRecordedRoot); at != std::string::npos;
         at = body.find(kRecordedRoot, at + rootUri.size())) {
      body.replace(at, kRecordedRoot.size(), rootUri);
    }
    json message = json::parse(body, nullptr, false);
    if (message.is_object() && message.value("method", json()) == "initialize" &&
        message.contains("params") && message["params"].is_object()) {
      json& params = message["params"];
      params.erase("rootPath");
      params["rootUri"] = rootUri;
      params["workspaceFolders"] = json::array({{{"uri", rootUri}, {"name", "corpus"}}});
      transport.clientSend(message.dump());
    } else {
      transport.clientSend(std::move(body));
    }
    poll();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& w = world();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool session = bytes.starts_with("Content-Length");
  FuzzedDataProvider in(data, session ? 0 : size);
  Program program(in);

  boost::asio::io_context io;
  const size_t maxBody = in.ConsumeBool() ? 4096 : lsp::kDefaultMaxMessageBytes;
  auto transport = std::make_shared<lsp::InMemoryTransport>(maxBody);
  Client client(transport, in.ConsumeIntegralInRange<int>(0, 3));
  client.setSettings(program.settings());
  transport->setClientReceiver([&client](std::string body) { client.receive(body); });

  lsp::ServerOptions options;
  options.debounce = lsp::DebouncePolicy::fixed(std::chrono::milliseconds(0));
  options.workerThreads = in.ConsumeBool() ? 2 : 1;
  // Half the programs have each edit of an open document re-checked quickly too (as from
  // 1,000 documents on), beside the full analysis.
  options.recheckMinDocuments = in.ConsumeBool() ? 0 : 1000;
  options.lexicon = w.lexicon;
  options.checksDocsDir = fs::path(NEWSLINT_EXAMPLES_DIR) / ".." / "docs" / "checks";
  std::optional<int> exitCode;
  {
    lsp::Server server(io, transport, options);
    server.onExit([&exitCode](int code) { exitCode = code; });
    server.start();

    std::vector<std::string> ids; // requests the server must answer
    bool initializeSent = false;
    bool finished = false; // the program sent shutdown or exit itself
    int counter = 0;
    // Fuzzed strings may hold invalid UTF-8, which JSON cannot carry: it is replaced, as
    // a client's JSON library would.
    auto send = [&](const json& message) {
      transport->clientSend(message.dump(-1, ' ', false, json::error_handler_t::replace));
    };
    auto sendRequest = [&](const std::string& method, json params) {
      const std::string id = "h-" + std::to_string(counter++);
      if (!finished)
        ids.push_back(id);
      send(request(id, method, std::move(params)));
    };

    if (session)
      replaySession(*transport, bytes, [&io] {
        io.poll();
        io.restart();
      });
    for (int step = 0; step < 48 && in.remaining_bytes() > 0 && !exitCode; ++step) {
      const int op = in.ConsumeIntegralInRange<int>(0, 27);
      switch (op) {
      case 0:
      case 1:
        // Raw input only once the harness's own initialize fixed the corpus root, so that no
        // fuzzed initialize can point the server at another folder.
        if (initializeSent) {
          if (op == 0)
            transport->clientWrite(in.ConsumeRandomLengthString(512));
          else
            transport->clientSend(in.ConsumeRandomLengthString(512));
        }
        break;
      case 2:
        sendRequest("initialize", program.initializeParams());
        initializeSent = true;
        break;
      case 3:
        send(notification("initialized", json::object()));
        break;
      case 4:
      case 5: {
        json item = {{"uri", program.maybeWrong(program.uri())},
                     {"languageId", "plaintext"},
                     {"version", program.maybeWrong(in.ConsumeIntegralInRange<int>(-2, 10))},
                     {"text", program.maybeWrong(program.text())}};
        send(notification("textDocument/didOpen", {{"textDocument", program.maybeWrong(item)}}));
        break;
      }
      case 6:
      case 7:
      case 8: {
        json changes = json::array();
        const int n = in.ConsumeIntegralInRange<int>(1, 3);
        for (int i = 0; i < n; ++i) {
          json change = {{"text", program.maybeWrong(program.text())}};
          if (in.ConsumeIntegralInRange<int>(0, 7) != 0)
            change["range"] = program.range();
          changes.push_back(program.maybeWrong(change));
        }
        json item = {{"uri", program.maybeWrong(program.uri())},
                     {"version", program.maybeWrong(in.ConsumeIntegralInRange<int>(-2, 20))}};
        send(notification("textDocument/didChange",
                          {{"textDocument", program.maybeWrong(item)},
                           {"contentChanges", program.maybeWrong(changes)}}));
        break;
      }
      case 9:
        sendRequest("textDocument/hover",
                    {{"textDocument", program.textDocument()}, {"position", program.position()}});
        break;
      case 10: {
        json context = {{"diagnostics", json::array()}};
        if (in.ConsumeBool())
          context["diagnostics"].push_back({{"range", program.range()},
                                            {"code", program.maybeWrong("name-variant")},
                                            {"source", "newslint"},
                                            {"message", "x"},
                                            {"data", program.maybeWrong(json::object())}});
        if (in.ConsumeBool())
          context["only"] = program.maybeWrong(json::array({"quickfix"}));
        sendRequest("textDocument/codeAction", {{"textDocument", program.textDocument()},
                                                {"range", program.range()},
                                                {"context", program.maybeWrong(context)}});
        break;
      }
      case 11:
        sendRequest("textDocument/rename",
                    {{"textDocument", program.textDocument()},
                     {"position", program.position()},
                     {"newName", program.maybeWrong(in.ConsumeRandomLengthString(24))}});
        break;
      case 12:
        sendRequest("textDocument/prepareRename",
                    {{"textDocument", program.textDocument()}, {"position", program.position()}});
        break;
      case 13:
        sendRequest("textDocument/references", {{"textDocument", program.textDocument()},
                                                {"position", program.position()},
                                                {"context", {{"includeDeclaration", true}}}});
        break;
      case 14:
        sendRequest("textDocument/documentSymbol", {{"textDocument", program.textDocument()}});
        break;
      case 15:
        sendRequest("textDocument/inlayHint",
                    {{"textDocument", program.textDocument()}, {"range", program.range()}});
        break;
      case 16:
        sendRequest("workspace/symbol",
                    {{"query", program.maybeWrong(in.ConsumeRandomLengthString(8))}});
        break;
      case 17:
        sendRequest("textDocument/diagnostic",
                    {{"textDocument", program.textDocument()},
                     {"previousResultId", program.maybeWrong(in.ConsumeRandomLengthString(8))}});
        break;
      case 18:
        sendRequest("workspace/diagnostic",
                    {{"previousResultIds", program.maybeWrong(json::array())}});
        break;
      case 19:
        send(notification("textDocument/didClose", {{"textDocument", program.textDocument()}}));
        break;
      case 20:
        send(notification("textDocument/didSave", {{"textDocument", program.textDocument()}}));
        break;
      case 21:
        send(notification(
            "$/cancelRequest",
            {{"id", program.maybeWrong(
                        "h-" + std::to_string(in.ConsumeIntegralInRange<int>(0, counter)))}}));
        break;
      case 22:
        send(notification("$/setTrace",
                          {{"value", program.maybeWrong(in.ConsumeBool() ? "verbose" : "off")}}));
        break;
      case 23:
        if (in.ConsumeIntegralInRange<int>(0, 3) == 0) {
          finished = true;
          if (in.ConsumeBool())
            sendRequest("shutdown", nullptr);
          else
            send(notification("exit", nullptr));
        }
        break;
      case 24:
        // A response to a request the server never sent.
        send(json{
            {"jsonrpc", "2.0"},
            {"id", program.maybeWrong("newslint-" + std::to_string(in.ConsumeIntegral<uint8_t>()))},
            {"result", nullptr}});
        break;
      case 25:
        send(notification(
            "workspace/didChangeConfiguration",
            {{"settings",
              program.maybeWrong(in.ConsumeBool() ? json{{"newslint", program.settings()}}
                                                  : json(nullptr))}}));
        break;
      case 26: {
        json changes = json::array();
        changes.push_back({{"uri", program.maybeWrong(program.uri())},
                           {"type", program.maybeWrong(in.ConsumeIntegralInRange<int>(0, 4))}});
        send(notification("workspace/didChangeWatchedFiles",
                          {{"changes", program.maybeWrong(changes)}}));
        break;
      }
      default:
        sendRequest(in.ConsumeBool() ? "textDocument/semanticTokens/full"
                                     : "workspace/executeCommand",
                    json::object());
        break;
      }
      io.poll();
      io.restart();
    }

    // Bring the session to an end; every request still waiting is answered by shutdown.
    if (!exitCode) {
      send(request("h-shutdown", "shutdown", nullptr));
      send(notification("exit", nullptr));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    // One handler at a time, so that the loop ends as soon as the server has exited instead
    // of waiting out a time slice while worker threads keep the io_context busy. The server
    // hangs when, past the deadline, the loop has also waited 20 s in 5 ms waits with
    // nothing to run: a process that was paused or starved of the CPU (SIGSTOP while a
    // benchmark runs) passes the deadline without having waited, and is not a hang.
    int idleWaits = 0;
    while (!exitCode && (std::chrono::steady_clock::now() < deadline || idleWaits < 4000)) {
      if (io.run_one_for(std::chrono::milliseconds(5)) == 0)
        ++idleWaits;
      io.restart();
    }
    check(exitCode.has_value()); // the server did not hang
    for (const std::string& id : ids)
      check(client.answered(id));
  }
  io.poll();
  return 0;
}
