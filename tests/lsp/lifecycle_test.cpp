// The JSON-RPC lifecycle through the real server: initialize … exit, every error code,
// malformed and out-of-order messages, cancellation, tracing and progress.
#include "lsp/lsp_client.h"

namespace newslint::lsp::test {
namespace {

int errorCode(const json& response) {
  return response.contains("error") ? response["error"].value("code", 0) : 0;
}

TEST(Lifecycle, RequestsBeforeInitializeAreRefused) {
  LspClient client;
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x.txt"}}}}); // dropped
  EXPECT_EQ(errorCode(client.call("textDocument/hover", json::object())), -32002);
  EXPECT_EQ(errorCode(client.call("shutdown", nullptr)), -32002);
}

TEST(Lifecycle, InitializeNegotiatesUtf16ByDefault) {
  TempCorpus corpus(false);
  LspClient client;
  const json result = client.initialize(corpus.root(), json::object());
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(result["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
  EXPECT_EQ(result["serverInfo"]["name"], "newslint");
}

TEST(Lifecycle, InitializeNegotiatesUtf8WhenOffered) {
  TempCorpus corpus(false);
  LspClient client;
  const json result =
      client.initialize(corpus.root(), {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}});
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-8");
}

TEST(Lifecycle, SecondInitializeIsInvalid) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  EXPECT_EQ(errorCode(client.call("initialize", {{"capabilities", json::object()}})), -32600);
}

TEST(Lifecycle, InitializeWithoutParamsIsInvalidParams) {
  LspClient client;
  EXPECT_EQ(errorCode(client.call("initialize", nullptr)), -32602);
  EXPECT_EQ(errorCode(client.call("initialize", json::array({1}))), -32602);
}

TEST(Lifecycle, UnknownMethodsAndBadParams) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  EXPECT_EQ(errorCode(client.call("textDocument/semanticTokens/full", json::object())), -32601);
  EXPECT_EQ(errorCode(client.call("$/custom", json::object())), -32601);
  client.notify("custom/notification", json::object()); // ignored without an answer
  EXPECT_EQ(errorCode(client.call("textDocument/hover", json::object())), -32602);
  EXPECT_EQ(errorCode(client.call("textDocument/hover",
                                  {{"textDocument", {{"uri", corpus.uri("a.txt")}}},
                                   {"position", {{"line", "zero"}, {"character", 0}}}})),
            -32602);
  EXPECT_EQ(errorCode(client.call("workspace/symbol", json::object())), -32602);
  // Wrong types in notifications are logged, never fatal.
  client.notify("textDocument/didOpen", {{"textDocument", 5}});
  client.notify("$/cancelRequest", json::object());
  EXPECT_EQ(errorCode(client.call("workspace/symbol", {{"query", ""}})), 0);
}

TEST(Lifecycle, MalformedMessagesGetErrorsWithNullId) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  size_t from = client.mark();
  client.sendRaw("this is not json");
  json reply = client.waitFor([](const json& m) { return m.contains("error"); }, from);
  EXPECT_EQ(errorCode(reply), -32700);
  EXPECT_TRUE(reply["id"].is_null());
  from = client.mark();
  client.sendRaw("[1,2,3]");
  reply = client.waitFor([](const json& m) { return m.contains("error"); }, from);
  EXPECT_EQ(errorCode(reply), -32600);
  from = client.mark();
  client.sendRaw(R"({"id":7,"method":"shutdown"})");
  reply = client.waitFor([](const json& m) { return m.contains("error"); }, from);
  EXPECT_EQ(errorCode(reply), -32600);
  EXPECT_EQ(reply["id"], 7);
  // A response to a request the server never sent is ignored.
  client.sendRaw(R"({"jsonrpc":"2.0","id":"nobody","result":1})");
  EXPECT_EQ(errorCode(client.call("workspace/symbol", {{"query", ""}})), 0);
}

TEST(Lifecycle, OversizedFrameIsAnsweredAndTheStreamStaysInStep) {
  TempCorpus corpus(false);
  LspClient client(LspClient::defaultOptions(), 256);
  client.initialize(corpus.root());
  const size_t from = client.mark();
  const std::string big =
      R"({"jsonrpc":"2.0","id":99,"method":"workspace/symbol","params":{"query":")" +
      std::string(1000, 'q') + "\"}}";
  client.transport().clientWrite(encodeFrame(big));
  client.transport().clientWrite("Content-Length: 1\r\nContent-Length: 2\r\n\r\n{}");
  client.transport().clientWrite(encodeFrame(
      R"({"jsonrpc":"2.0","id":100,"method":"workspace/symbol","params":{"query":""}})"));
  const json tooBig = client.waitFor([](const json& m) { return m.contains("error"); }, from);
  EXPECT_EQ(errorCode(tooBig), -32600);
  EXPECT_NE(tooBig["error"]["message"].get<std::string>().find("exceeds"), std::string::npos);
  const json ok = client.waitResponse(100);
  EXPECT_TRUE(ok.contains("result")) << ok.dump();
  size_t errors = 0;
  for (const auto& m : client.messages())
    errors += m.contains("error") && m["id"].is_null() ? 1 : 0;
  EXPECT_EQ(errors, 2u);
}

TEST(Lifecycle, ShutdownThenExitGivesZero) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  EXPECT_TRUE(client.call("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(errorCode(client.call("textDocument/hover", json::object())), -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitExit(), 0);
}

TEST(Lifecycle, ExitWithoutShutdownGivesOne) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitExit(), 1);
}

TEST(Lifecycle, ExitBeforeInitializeGivesOne) {
  LspClient client;
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitExit(), 1);
}

TEST(Lifecycle, ClientGoingAwayEndsTheServer) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  client.transport().clientClose();
  EXPECT_EQ(client.waitExit(), 1);
  EXPECT_TRUE(client.transport().closedByServer());
}

TEST(Lifecycle, CancelledRequestGetsRequestCancelled) {
  TempCorpus corpus(false);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics(); // indexed (the first analysis runs when indexing ends)
  const std::string uri = corpus.uri("a.txt");
  client.open(uri, "Zein went home.\n");
  // The edit is not analysed yet (manual policy): the hover waits, then is cancelled.
  const json id =
      client.sendRequest("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                {"position", {{"line", 0}, {"character", 1}}}});
  client.notify("$/cancelRequest", {{"id", id}});
  EXPECT_EQ(errorCode(client.waitResponse(id)), -32800);
  client.notify("$/cancelRequest", {{"id", 12345}}); // unknown: ignored
  client.server().runPendingAnalysis();
  EXPECT_EQ(
      errorCode(client.call("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                   {"position", {{"line", 0}, {"character", 1}}}})),
      0);
}

TEST(Lifecycle, EditWhileWaitingGivesContentModified) {
  TempCorpus corpus(false);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics();
  const std::string uri = corpus.uri("a.txt");
  client.open(uri, "Zein went home.\n");
  const json id =
      client.sendRequest("textDocument/references", {{"textDocument", {{"uri", uri}}},
                                                     {"position", {{"line", 0}, {"character", 1}}},
                                                     {"context", {{"includeDeclaration", true}}}});
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"text", "Zane went home.\n"}}})}});
  EXPECT_EQ(errorCode(client.waitResponse(id)), -32801);
  client.server().runPendingAnalysis();
  const json later =
      client.call("textDocument/references", {{"textDocument", {{"uri", uri}}},
                                              {"position", {{"line", 0}, {"character", 1}}},
                                              {"context", {{"includeDeclaration", true}}}});
  EXPECT_TRUE(later.contains("result")) << later.dump();
}

TEST(Lifecycle, ShutdownCancelsWaitingRequests) {
  TempCorpus corpus(false);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics();
  client.open(corpus.uri("a.txt"), "text\n");
  const json id = client.sendRequest("workspace/symbol", {{"query", ""}});
  EXPECT_TRUE(client.call("shutdown", nullptr).contains("result"));
  EXPECT_EQ(errorCode(client.waitResponse(id)), -32802);
}

TEST(Lifecycle, SetTraceProducesLogTrace) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  client.notify("$/setTrace", {{"value", "verbose"}});
  const size_t from = client.mark();
  client.call("workspace/symbol", {{"query", "abc"}});
  const json trace = client.waitNotification(
      "$/logTrace", [](const json&) { return true; }, from);
  EXPECT_NE(trace["params"]["message"].get<std::string>().find("workspace/symbol"),
            std::string::npos);
  EXPECT_NE(trace["params"]["verbose"].get<std::string>().find("abc"), std::string::npos);
  client.notify("$/setTrace", {{"value", "off"}});
  const size_t after = client.mark();
  client.call("workspace/symbol", {{"query", ""}});
  for (size_t i = after; i < client.messages().size(); ++i)
    EXPECT_NE(client.messages()[i].value("method", ""), "$/logTrace");
}

TEST(Lifecycle, UnknownDocumentChangeIsLogged) {
  TempCorpus corpus(false);
  LspClient client;
  client.initialize(corpus.root());
  const size_t from = client.mark();
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", corpus.uri("nope.txt")}, {"version", 3}}},
                 {"contentChanges", json::array({{{"text", "x"}}})}});
  const json log = client.waitNotification(
      "window/logMessage",
      [](const json& p) { return p.value("message", "").find("not open") != std::string::npos; },
      from);
  EXPECT_EQ(log["params"]["type"], 2);
}

TEST(Lifecycle, ProgressAndWatcherRegistrationWhenSupported) {
  TempCorpus corpus;
  LspClient client;
  json caps = LspClient::defaultCapabilities();
  caps["window"] = {{"workDoneProgress", true}};
  caps["workspace"]["didChangeWatchedFiles"] = {{"dynamicRegistration", true}};
  client.initialize(corpus.root(), caps);
  const json create = client.waitFor(
      [](const json& m) { return m.value("method", "") == "window/workDoneProgress/create"; });
  const json token = create["params"]["token"];
  const json registration = client.waitFor(
      [](const json& m) { return m.value("method", "") == "client/registerCapability"; });
  EXPECT_EQ(registration["params"]["registrations"][0]["method"],
            "workspace/didChangeWatchedFiles");
  const auto progress = [&](const std::string& kind) {
    return client.waitNotification("$/progress", [&](const json& p) {
      return p["token"] == token && p["value"]["kind"] == kind;
    });
  };
  EXPECT_EQ(progress("begin")["params"]["value"]["title"], "newslint: indexing");
  EXPECT_TRUE(progress("report")["params"]["value"].contains("percentage"));
  progress("end");
  // Progress never starts before the client answered the create request.
  const auto messages = client.messages();
  size_t createAt = 0, beginAt = 0;
  for (size_t i = 0; i < messages.size(); ++i) {
    if (messages[i].value("method", "") == "window/workDoneProgress/create")
      createAt = i;
    if (messages[i].value("method", "") == "$/progress" &&
        messages[i]["params"]["value"]["kind"] == "begin")
      beginAt = i;
  }
  EXPECT_LT(createAt, beginAt);
}

TEST(Lifecycle, NoProgressWithoutClientSupport) {
  TempCorpus corpus;
  LspClient client;
  client.initialize(corpus.root(), json::object());
  client.workspaceDiagnostics();
  for (const auto& m : client.messages()) {
    EXPECT_NE(m.value("method", ""), "$/progress");
    EXPECT_NE(m.value("method", ""), "client/registerCapability");
  }
}

} // namespace
} // namespace newslint::lsp::test
