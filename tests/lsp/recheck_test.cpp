// Quick re-checks: above the size threshold, an edited document's diagnostics are pushed
// from the re-check before the full analysis runs, and the full analysis agrees with them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../support/corpus_fixture.h"
#include "lsp_client.h"

namespace newslint::lsp::test {
namespace {

json diagnosticsFor(LspClient& client, const std::string& uri, int version, size_t from) {
  return client.waitDiagnostics(uri, from,
                                [&](const json& p) { return p.value("version", -1) == version; });
}

bool flags(const json& params, const std::string& code, const std::string& word) {
  for (const auto& d : params.value("diagnostics", json::array()))
    if (d.value("code", "") == code && d.value("message", "").find(word) != std::string::npos)
      return true;
  return false;
}

// The sample article that names the adviser "Shaaban", as on disk.
constexpr const char* kAdviserArticle = "002_bf82ed2b7bc21197.txt";

// The article spelling the adviser's surname the way one other source does, sent as
// version 2 of the open document `uri`.
void misspellTheAdviser(LspClient& client, const std::string& uri, const std::string& text) {
  std::string edited = text;
  const size_t at = edited.find("Shaaban");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 7, "Shabaan");
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", json::array({{{"text", edited}}})}});
}

// Runs the full analysis and expects it to push nothing new for `uri`, or `quick` again.
void expectTheFullAnalysisAgrees(LspClient& client, const std::string& uri, const json& quick) {
  const size_t from = client.mark();
  client.server().runPendingAnalysis();
  client.sync();
  client.workspaceDiagnostics();
  const std::vector<json> messages = client.messages();
  for (size_t i = from; i < messages.size(); ++i) {
    const json& m = messages[i];
    if (m.value("method", "") == "textDocument/publishDiagnostics" &&
        m["params"].value("uri", "") == uri) {
      EXPECT_EQ(m["params"]["diagnostics"], quick["diagnostics"]);
    }
  }
}

TEST(QuickRecheck, EditedDocumentIsPublishedBeforeTheFullAnalysis) {
  TempCorpus corpus(true);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly(); // no full analysis unless the test asks
  options.recheckMinDocuments = 0;
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics(); // indexed and analysed once
  const std::string uri = corpus.uri(kAdviserArticle);
  const std::string text = newslint::testing::readFile(corpus.root() / kAdviserArticle);
  size_t from = client.mark();
  client.open(uri, text, 1);
  const json first = diagnosticsFor(client, uri, 1, from);
  EXPECT_FALSE(flags(first, "name-variant", "Shabaan")) << first.dump();

  from = client.mark();
  misspellTheAdviser(client, uri, text);
  if (::testing::Test::HasFatalFailure())
    return;
  const json quick = diagnosticsFor(client, uri, 2, from);
  EXPECT_TRUE(flags(quick, "name-variant", "Shabaan")) << quick.dump();

  // The full analysis finds the same for this document: nothing new is pushed for it.
  expectTheFullAnalysisAgrees(client, uri, quick);
}

TEST(QuickRecheck, TheServerLogSaysWhereTheEditsTimeWent) {
  TempCorpus corpus(true);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  options.recheckMinDocuments = 0;
  auto mutex = std::make_shared<std::mutex>();
  auto lines = std::make_shared<std::vector<std::string>>();
  options.log = [mutex, lines](std::string_view line) {
    const std::lock_guard lock(*mutex);
    lines->emplace_back(line);
  };
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics();
  const std::string uri = corpus.uri(kAdviserArticle);
  const std::string text = newslint::testing::readFile(corpus.root() / kAdviserArticle);
  client.open(uri, text, 1);
  const size_t from = client.mark();
  misspellTheAdviser(client, uri, text);
  if (::testing::Test::HasFatalFailure())
    return;
  (void)diagnosticsFor(client, uri, 2, from);
  const std::lock_guard lock(*mutex);
  const std::string expected = std::string("quick re-check of ") + kAdviserArticle + ": waited ";
  const auto line = std::find_if(lines->begin(), lines->end(),
                                 [&](const std::string& l) { return l.starts_with(expected); });
  ASSERT_NE(line, lines->end());
  for (const char* step : {", extraction ", " ms, re-check ", " ms, answered after "})
    EXPECT_NE(line->find(step), std::string::npos) << *line;
  EXPECT_TRUE(line->ends_with(" ms")) << *line;
}

TEST(QuickRecheck, PullClientsGetTheEditedDocumentBeforeTheFullAnalysis) {
  TempCorpus corpus(true);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly(); // no full analysis unless the test asks
  options.recheckMinDocuments = 0;
  LspClient client(options);
  json capabilities = LspClient::defaultCapabilities();
  capabilities["textDocument"]["diagnostic"] = json::object(); // a pull client (VS Code)
  client.initialize(corpus.root(), capabilities);
  client.workspaceDiagnostics(); // indexed and analysed once
  const std::string uri = corpus.uri(kAdviserArticle);
  const std::string text = newslint::testing::readFile(corpus.root() / kAdviserArticle);
  client.open(uri, text, 1);
  misspellTheAdviser(client, uri, text);
  if (::testing::Test::HasFatalFailure())
    return;
  // Answered from the quick re-check: the full analysis has not run.
  const json pulled = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  ASSERT_EQ(pulled.value("kind", ""), "full") << pulled.dump();
  EXPECT_TRUE(flags(json{{"diagnostics", pulled["items"]}}, "name-variant", "Shabaan"))
      << pulled.dump();
  const json again =
      client.request("textDocument/diagnostic",
                     {{"textDocument", {{"uri", uri}}}, {"previousResultId", pulled["resultId"]}});
  EXPECT_EQ(again.value("kind", ""), "unchanged") << again.dump();
  // The full analysis agrees with it.
  client.server().runPendingAnalysis();
  client.sync();
  const json full = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  EXPECT_EQ(full["items"], pulled["items"]);
  // No diagnostics are pushed to a pull client.
  for (const json& m : client.messages())
    EXPECT_NE(m.value("method", ""), "textDocument/publishDiagnostics");
}

// Sends `text` as version `version` of `uri` and waits for its diagnostics.
json change(LspClient& client, const std::string& uri, const std::string& text, int version) {
  const size_t from = client.mark();
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                           {"contentChanges", json::array({{{"text", text}}})}});
  return diagnosticsFor(client, uri, version, from);
}

TEST(QuickRecheck, DocumentsEditedSinceTheAnalysisTakePart) {
  // Two other sources respell the adviser after the analysis; typing in the article that
  // keeps the old spelling then re-checks it against their new texts, not the analysed ones.
  TempCorpus corpus(true);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  options.recheckMinDocuments = 0;
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics();
  std::map<std::string, std::string> texts;
  for (const std::string name :
       {kAdviserArticle, "003_fce50c72ea1de802.txt", "004_7ae6212592d33cc9.txt"}) {
    texts[name] = newslint::testing::readFile(corpus.root() / name);
    const size_t from = client.mark();
    client.open(corpus.uri(name), texts[name], 1);
    diagnosticsFor(client, corpus.uri(name), 1, from);
  }
  const auto respelled = [](std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, from.size(), to);
    return text;
  };
  for (const std::string name : {"003_fce50c72ea1de802.txt", "004_7ae6212592d33cc9.txt"})
    change(client, corpus.uri(name), respelled(texts[name], "Shaaban", "Shabaan"), 2);
  const std::string uri = corpus.uri(kAdviserArticle);
  std::string typed = texts[kAdviserArticle];
  const size_t word = typed.find(" the ");
  ASSERT_NE(word, std::string::npos);
  typed.insert(word + 1, "very ");
  const json quick = change(client, uri, typed, 2);
  EXPECT_TRUE(flags(quick, "name-variant", "Shaaban")) << quick.dump();
  expectTheFullAnalysisAgrees(client, uri, quick);

  // After that analysis one of them changes back: the next keystroke sees it.
  change(client, corpus.uri("004_7ae6212592d33cc9.txt"), texts["004_7ae6212592d33cc9.txt"], 3);
  const json again = change(client, uri, texts[kAdviserArticle], 3);
  EXPECT_NE(again["diagnostics"], quick["diagnostics"]);
  expectTheFullAnalysisAgrees(client, uri, again);
}

TEST(QuickRecheck, BelowTheThresholdOnlyTheFullAnalysisPublishes) {
  TempCorpus corpus(true);
  ServerOptions options = LspClient::defaultOptions();
  options.debounce = DebouncePolicy::manualOnly();
  options.recheckMinDocuments = 1000; // the sample corpus has five articles
  LspClient client(options);
  client.initialize(corpus.root());
  client.workspaceDiagnostics();
  const std::string uri = corpus.uri(kAdviserArticle);
  const size_t from = client.mark();
  client.open(uri, newslint::testing::readFile(corpus.root() / kAdviserArticle), 1);
  client.sync();
  for (size_t i = from; i < client.messages().size(); ++i)
    EXPECT_NE(client.messages()[i].value("method", ""), "textDocument/publishDiagnostics");
  client.server().runPendingAnalysis();
  diagnosticsFor(client, uri, 1, from);
}

} // namespace
} // namespace newslint::lsp::test
