// The features over the sample corpus (examples/): diagnostics pushed and pulled, hover,
// code actions, references, rename, symbols, inlay hints, and the register.
#include "lsp/lsp_client.h"

namespace newslint::lsp::test {
namespace {

const std::string k000 = "000_7e03111992a0022c.txt";
const std::string k001 = "001_2ed5d6a8ed618bf6.txt";
const std::string k002 = "002_bf82ed2b7bc21197.txt";
const std::string k003 = "003_fce50c72ea1de802.txt";
const std::string k004 = "004_7ae6212592d33cc9.txt";

Position positionOf(const std::string& text, std::string_view needle, int occurrence = 0,
                    PositionEncoding encoding = PositionEncoding::Utf16) {
  size_t at = text.find(needle);
  for (int i = 0; i < occurrence && at != std::string::npos; ++i)
    at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  return LineIndex(text).position(text, static_cast<uint32_t>(at), encoding);
}

std::string textAt(const std::string& text, const json& range,
                   PositionEncoding encoding = PositionEncoding::Utf16) {
  const auto span = LineIndex(text).span(text, range.get<Range>(), encoding);
  return text.substr(span.begin, span.size());
}

/// The diagnostic with `code` whose range covers `word`, or null.
json findDiagnostic(const json& diagnostics, const std::string& text, const std::string& code,
                    const std::string& word, PositionEncoding encoding = PositionEncoding::Utf16) {
  for (const auto& d : diagnostics)
    if (d.value("code", "") == code && textAt(text, d["range"], encoding) == word)
      return d;
  return nullptr;
}

json textDocumentPosition(const std::string& uri, Position position) {
  return {{"textDocument", {{"uri", uri}}}, {"position", position}};
}

class SampleCorpus : public ::testing::Test {
protected:
  void SetUp() override { client_.initialize(corpus_.root()); }

  TempCorpus corpus_;
  LspClient client_;
};

TEST_F(SampleCorpus, PushesNameVariantDiagnostics) {
  const std::string text001 = corpus_.read(k001);
  const std::string text000 = corpus_.read(k000);
  const std::string text004 = corpus_.read(k004);
  const json p001 = client_.waitDiagnostics(corpus_.uri(k001));
  const json zein = findDiagnostic(p001["diagnostics"], text001, "name-variant", "Zein");
  ASSERT_FALSE(zein.is_null()) << p001.dump(1);
  EXPECT_EQ(zein["source"], "newslint");
  EXPECT_EQ(zein["severity"], 2);
  EXPECT_TRUE(
      zein["codeDescription"]["href"].get<std::string>().ends_with("/docs/checks/name-variant.md"));
  EXPECT_EQ(zein["data"]["document"], k001);
  bool pointsAtZane = false;
  for (const auto& related : zein["relatedInformation"])
    pointsAtZane = pointsAtZane || (related["location"]["uri"] == corpus_.uri(k000) &&
                                    textAt(text000, related["location"]["range"]) == "Zane");
  EXPECT_TRUE(pointsAtZane) << zein.dump(1);

  const json p000 = client_.waitDiagnostics(corpus_.uri(k000));
  EXPECT_FALSE(findDiagnostic(p000["diagnostics"], text000, "name-variant", "Zane").is_null());
  const json p004 = client_.waitDiagnostics(corpus_.uri(k004));
  EXPECT_FALSE(
      findDiagnostic(p004["diagnostics"], text004, "name-variant-in-document", "Shabaan").is_null())
      << p004.dump(1);
}

TEST_F(SampleCorpus, PullMatchesPushAndKnowsUnchanged) {
  const std::string uri = corpus_.uri(k001);
  const json pushed = client_.waitDiagnostics(uri);
  const json pulled =
      client_.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  EXPECT_EQ(pulled["kind"], "full");
  EXPECT_EQ(pulled["items"], pushed["diagnostics"]);
  const json again =
      client_.request("textDocument/diagnostic",
                      {{"textDocument", {{"uri", uri}}}, {"previousResultId", pulled["resultId"]}});
  EXPECT_EQ(again["kind"], "unchanged");
  EXPECT_EQ(again["resultId"], pulled["resultId"]);

  const json workspace = client_.workspaceDiagnostics();
  std::set<std::string> uris;
  for (const auto& item : workspace["items"]) {
    uris.insert(item["uri"].get<std::string>());
    EXPECT_TRUE(item["version"].is_null());
  }
  for (const auto& name : {k000, k001, k004})
    EXPECT_TRUE(uris.count(corpus_.uri(name))) << name;
  const json unchanged = client_.request(
      "workspace/diagnostic",
      {{"previousResultIds", json::array({{{"uri", uri}, {"value", pulled["resultId"]}}})}});
  for (const auto& item : unchanged["items"]) {
    if (item["uri"] == uri) {
      EXPECT_EQ(item["kind"], "unchanged");
    }
  }
}

TEST_F(SampleCorpus, HoverShowsBothSpellingsAndTheirSources) {
  const std::string text = corpus_.read(k001);
  Position at = positionOf(text, "Zein");
  at.character += 1;
  const json hover =
      client_.request("textDocument/hover", textDocumentPosition(corpus_.uri(k001), at));
  ASSERT_TRUE(hover.is_object()) << hover.dump();
  EXPECT_EQ(hover["contents"]["kind"], "markdown");
  const std::string value = hover["contents"]["value"];
  EXPECT_NE(value.find("Zein"), std::string::npos) << value;
  EXPECT_NE(value.find("Zane"), std::string::npos) << value;
  EXPECT_NE(value.find(k000), std::string::npos) << value;
  EXPECT_NE(value.find(k001), std::string::npos) << value;
  EXPECT_EQ(textAt(text, hover["range"]), "Zein");
  // Nothing to say about a common word.
  EXPECT_TRUE(client_
                  .request("textDocument/hover",
                           textDocumentPosition(corpus_.uri(k001), positionOf(text, " the ")))
                  .is_null());
}

TEST_F(SampleCorpus, CodeActionFixesTheSpellingAndOtherDocumentsFollow) {
  const std::string uri001 = corpus_.uri(k001);
  const std::string uri000 = corpus_.uri(k000);
  const std::string text = corpus_.read(k001);
  client_.open(uri001, text, 1);
  const json diagnostics =
      client_.waitDiagnostics(uri001, 0, [](const json& p) { return p.value("version", -1) == 1; });
  const json zein = findDiagnostic(diagnostics["diagnostics"], text, "name-variant", "Zein");
  ASSERT_FALSE(zein.is_null());
  const json actions = client_.request("textDocument/codeAction",
                                       {{"textDocument", {{"uri", uri001}}},
                                        {"range", zein["range"]},
                                        {"context", {{"diagnostics", json::array({zein})}}}});
  std::string fixed;
  for (const auto& action : actions) {
    EXPECT_EQ(action["kind"], "quickfix");
    const json edits = editsFor(action["edit"], uri001);
    if (edits.size() != 1 || edits[0]["newText"] != "Zane")
      continue;
    EXPECT_EQ(textAt(text, edits[0]["range"]), "Zein");
    fixed = applyEdits(text, edits, PositionEncoding::Utf16);
  }
  ASSERT_FALSE(fixed.empty()) << actions.dump(1);

  const size_t from = client_.mark();
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", uri001}, {"version", 2}}},
                  {"contentChanges", json::array({{{"range", zein["range"]}, {"text", "Zane"}}})}});
  const json after = client_.waitDiagnostics(
      uri001, from, [](const json& p) { return p.value("version", -1) == 2; });
  EXPECT_TRUE(findDiagnostic(after["diagnostics"], fixed, "name-variant", "Zane").is_null());
  // 000 had the other spelling: its finding goes away too, without 000 being touched.
  const json other = client_.waitDiagnostics(uri000, from);
  EXPECT_TRUE(
      findDiagnostic(other["diagnostics"], corpus_.read(k000), "name-variant", "Zane").is_null());
  EXPECT_FALSE(other.contains("version"));
}

TEST_F(SampleCorpus, RegisterActionsEditNewslintJson) {
  const std::string uri = corpus_.uri(k001);
  const std::string text = corpus_.read(k001);
  const json diagnostics = client_.waitDiagnostics(uri);
  const json zein = findDiagnostic(diagnostics["diagnostics"], text, "name-variant", "Zein");
  ASSERT_FALSE(zein.is_null());
  const json actions =
      client_.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                  {"range", zein["range"]},
                                                  {"context", {{"diagnostics", json::array()}}}});
  const std::string registerUri = corpus_.uri("newslint.json");
  const std::string before = corpus_.read("newslint.json");
  int registerEdits = 0;
  for (const auto& action : actions) {
    const json edits = editsFor(action["edit"], registerUri);
    if (edits.empty())
      continue;
    ++registerEdits;
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0]["range"]["start"], (json{{"line", 0}, {"character", 0}}));
    const std::string after = applyEdits(before, edits, PositionEncoding::Utf16);
    const auto loaded = workspace::parseConfig(after);
    EXPECT_TRUE(loaded.parsed) << after;
    EXPECT_NE(after, before);
  }
  EXPECT_GE(registerEdits, 2) << actions.dump(1);
  // The server never writes the register itself.
  EXPECT_EQ(corpus_.read("newslint.json"), before);
}

TEST_F(SampleCorpus, ReferencesAndRenameReachUnopenedFiles) {
  const std::string text001 = corpus_.read(k001);
  const std::string text000 = corpus_.read(k000);
  const Position at = positionOf(text001, "Zein");
  const json refs =
      client_.request("textDocument/references", {{"textDocument", {{"uri", corpus_.uri(k001)}}},
                                                  {"position", at},
                                                  {"context", {{"includeDeclaration", true}}}});
  std::set<std::string> words;
  for (const auto& ref : refs)
    words.insert(textAt(ref["uri"] == corpus_.uri(k000) ? text000 : text001, ref["range"]));
  EXPECT_TRUE(words.count("Zein"));
  EXPECT_TRUE(words.count("Zane"));

  const json prepared =
      client_.request("textDocument/prepareRename", textDocumentPosition(corpus_.uri(k001), at));
  EXPECT_EQ(prepared["placeholder"], "Zein");
  json params = textDocumentPosition(corpus_.uri(k001), at);
  params["newName"] = "Zayn";
  const json edit = client_.request("textDocument/rename", params);
  const std::string renamed000 =
      applyEdits(text000, editsFor(edit, corpus_.uri(k000)), PositionEncoding::Utf16);
  const std::string renamed001 =
      applyEdits(text001, editsFor(edit, corpus_.uri(k001)), PositionEncoding::Utf16);
  EXPECT_EQ(renamed000.find("Zane,"), std::string::npos);
  EXPECT_NE(renamed000.find("Zayn"), std::string::npos);
  EXPECT_EQ(renamed001.find("Zein"), std::string::npos);
  EXPECT_NE(renamed001.find("Zayn"), std::string::npos);

  params["newName"] = "  ";
  EXPECT_EQ(client_.call("textDocument/rename", params)["error"]["code"], -32602);
  EXPECT_TRUE(client_
                  .request("textDocument/prepareRename",
                           textDocumentPosition(corpus_.uri(k001), positionOf(text001, " the ")))
                  .is_null());
}

TEST_F(SampleCorpus, SymbolsAndInlayHints) {
  const json symbols = client_.request("textDocument/documentSymbol",
                                       {{"textDocument", {{"uri", corpus_.uri(k001)}}}});
  ASSERT_TRUE(symbols.is_array());
  bool zein = false;
  for (const auto& symbol : symbols) {
    EXPECT_TRUE(symbol.contains("selectionRange"));
    zein = zein || symbol.value("detail", "").find("Zein") != std::string::npos;
  }
  EXPECT_TRUE(zein) << symbols.dump(1);
  const json found = client_.request("workspace/symbol", {{"query", "zan"}});
  bool zane = false;
  for (const auto& symbol : found)
    zane = zane || symbol.value("containerName", "").find("Zane") != std::string::npos;
  EXPECT_TRUE(zane) << found.dump(1);
  const json hints =
      client_.request("textDocument/inlayHint", {{"textDocument", {{"uri", corpus_.uri(k000)}}},
                                                 {"range", Range{{0, 0}, {99, 0}}}});
  EXPECT_TRUE(hints.is_array());
  // Documents outside the corpus have nothing.
  EXPECT_TRUE(
      client_.request("textDocument/hover", textDocumentPosition("file:///elsewhere/x.txt", {0, 0}))
          .is_null());
}

TEST_F(SampleCorpus, DateHoverShowsTheValueAnchorAndTheOtherSource) {
  const std::string text = corpus_.read(k004);
  Position at = positionOf(text, "9:30 p.m.");
  at.character += 1;
  const json hover =
      client_.request("textDocument/hover", textDocumentPosition(corpus_.uri(k004), at));
  ASSERT_TRUE(hover.is_object());
  const std::string value = hover["contents"]["value"];
  EXPECT_NE(value.find("2024-12-07 21:30"), std::string::npos) << value;
  EXPECT_NE(value.find("Published 2024-12-14"), std::string::npos) << value;
  EXPECT_NE(value.find("conflicts"), std::string::npos) << value;
  EXPECT_NE(value.find(k003), std::string::npos) << value;
  EXPECT_NE(value.find("date-conflict"), std::string::npos) << value;
}

TEST_F(SampleCorpus, InlayHintsShowResolvedRelativeDates) {
  const std::string text = corpus_.read(k000);
  const json hints =
      client_.request("textDocument/inlayHint", {{"textDocument", {{"uri", corpus_.uri(k000)}}},
                                                 {"range", Range{{0, 0}, {999, 0}}}});
  // "Sometime after midnight on Thursday, last week" (published 2012-02-09) -> 2 Feb 2012.
  const Position thursdayEnd = [&] {
    Position p = positionOf(text, "on Thursday");
    p.character += static_cast<uint32_t>(std::string("on Thursday").size());
    return p;
  }();
  bool found = false;
  for (const auto& hint : hints) {
    EXPECT_TRUE(hint["label"].get<std::string>().starts_with("\u2192 "));
    if (hint["label"].get<std::string>().find("2012-02-02") != std::string::npos) {
      found = true;
      EXPECT_EQ(hint["position"]["line"], thursdayEnd.line);
      EXPECT_GE(hint["position"]["character"], thursdayEnd.character);
    }
  }
  EXPECT_TRUE(found) << hints.dump(1);
  // A range that holds none of them gives none.
  EXPECT_TRUE(
      client_
          .request("textDocument/inlayHint", {{"textDocument", {{"uri", corpus_.uri(k000)}}},
                                              {"range", Range{{0, 0}, {0, 1}}}})
          .empty());
}

TEST_F(SampleCorpus, DatedEventsAreSymbols) {
  const json symbols = client_.request("textDocument/documentSymbol",
                                       {{"textDocument", {{"uri", corpus_.uri(k004)}}}});
  bool event = false;
  for (const auto& symbol : symbols)
    event = event || (symbol["kind"] == 24 && symbol["name"] == "9:30 p.m. on December 7");
  EXPECT_TRUE(event) << symbols.dump(1);
  const json found = client_.request("workspace/symbol", {{"query", "2024-12-07"}});
  bool both = false, here = false;
  for (const auto& symbol : found) {
    here = here || symbol["location"]["uri"] == corpus_.uri(k004);
    both = both || symbol["location"]["uri"] == corpus_.uri(k003);
  }
  EXPECT_TRUE(here && both) << found.dump(1);
}

TEST_F(SampleCorpus, IncrementalEditsWithSurrogatePairsKeepRangesRight) {
  const std::string uri = corpus_.uri(k001);
  std::string text = corpus_.read(k001);
  client_.open(uri, text, 1);
  const Position zein = positionOf(text, "Zein");
  // Insert an emoji (a surrogate pair) at the start of Zein's line, then a letter after it.
  size_t from = client_.mark();
  client_.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges",
        json::array({
            {{"range", Range{{zein.line, 0}, {zein.line, 0}}}, {"text", "\xF0\x9F\x98\x80"}},
            {{"range", Range{{zein.line, 2}, {zein.line, 2}}}, {"text", "x"}},
        })}});
  text.insert(LineIndex(text).offset(text, {zein.line, 0}, PositionEncoding::Utf16),
              "\xF0\x9F\x98\x80x");
  const json after =
      client_.waitDiagnostics(uri, from, [](const json& p) { return p.value("version", -1) == 2; });
  const json moved = findDiagnostic(after["diagnostics"], text, "name-variant", "Zein");
  ASSERT_FALSE(moved.is_null()) << after.dump(1);
  EXPECT_EQ(moved["range"]["start"]["character"], zein.character + 3);
  // A range past the end of the document is clamped rather than rejected.
  from = client_.mark();
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", uri}, {"version", 3}}},
                  {"contentChanges",
                   json::array({{{"range", Range{{9999, 5}, {9999, 9}}}, {"text", "\nEnd."}}})}});
  text += "\nEnd.";
  const json clamped =
      client_.waitDiagnostics(uri, from, [](const json& p) { return p.value("version", -1) == 3; });
  EXPECT_FALSE(findDiagnostic(clamped["diagnostics"], text, "name-variant", "Zein").is_null());
}

TEST(SampleCorpusUtf8, Utf8ClientsGetByteColumns) {
  TempCorpus corpus;
  LspClient client;
  json caps = LspClient::defaultCapabilities();
  caps["general"] = {{"positionEncodings", {"utf-8", "utf-16"}}};
  client.initialize(corpus.root(), caps);
  const std::string uri = corpus.uri(k001);
  std::string text = corpus.read(k001);
  client.open(uri, text, 1);
  const Position zein = positionOf(text, "Zein", 0, PositionEncoding::Utf8);
  const size_t from = client.mark();
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", Range{{zein.line, 0}, {zein.line, 0}}},
                                                  {"text", "\xF0\x9F\x98\x80"}}})}});
  text.insert(LineIndex(text).offset(text, {zein.line, 0}, PositionEncoding::Utf8),
              "\xF0\x9F\x98\x80");
  const json after =
      client.waitDiagnostics(uri, from, [](const json& p) { return p.value("version", -1) == 2; });
  const json moved =
      findDiagnostic(after["diagnostics"], text, "name-variant", "Zein", PositionEncoding::Utf8);
  ASSERT_FALSE(moved.is_null());
  EXPECT_EQ(moved["range"]["start"]["character"], zein.character + 4);
}

TEST_F(SampleCorpus, RegisterEditsInTheEditorRerunTheChecks) {
  const std::string registerUri = corpus_.uri("newslint.json");
  const std::string uri001 = corpus_.uri(k001);
  const std::string text001 = corpus_.read(k001);
  client_.waitDiagnostics(uri001);
  // Broken JSON: problems on newslint.json itself; the last good register stays in use.
  size_t from = client_.mark();
  client_.open(registerUri, "{ \"checks\": ", 1);
  const json problems = client_.waitDiagnostics(registerUri, from);
  EXPECT_FALSE(problems["diagnostics"].empty());
  const json pulled =
      client_.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri001}}}});
  EXPECT_FALSE(findDiagnostic(pulled["items"], text001, "name-variant", "Zein").is_null());
  // Turning the check off clears the findings it made, in every document.
  from = client_.mark();
  client_.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", registerUri}, {"version", 2}}},
       {"contentChanges",
        json::array(
            {{{"text",
               R"({"documents":{"include":["*.txt"]},"checks":{"name-variant":"off"}})"}}})}});
  const json cleared = client_.waitDiagnostics(registerUri, from);
  EXPECT_TRUE(cleared["diagnostics"].empty()) << cleared.dump();
  const json after001 = client_.waitDiagnostics(uri001, from);
  EXPECT_TRUE(findDiagnostic(after001["diagnostics"], text001, "name-variant", "Zein").is_null());
}

TEST_F(SampleCorpus, WatchedFileDeletionUpdatesOtherDocuments) {
  const std::string uri001 = corpus_.uri(k001);
  const std::string text001 = corpus_.read(k001);
  client_.waitDiagnostics(uri001);
  std::filesystem::remove(corpus_.root() / k000);
  const size_t from = client_.mark();
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri(k000)}, {"type", 3}}})}});
  const json after = client_.waitDiagnostics(uri001, from);
  EXPECT_TRUE(findDiagnostic(after["diagnostics"], text001, "name-variant", "Zein").is_null());
  const json gone = client_.waitDiagnostics(corpus_.uri(k000), from);
  EXPECT_TRUE(gone["diagnostics"].empty());
}

TEST_F(SampleCorpus, ClosingADocumentReturnsToTheDiskText) {
  const std::string uri = corpus_.uri(k001);
  std::string text = corpus_.read(k001);
  const std::string disk = text;
  text.replace(text.find("Zein"), 4, "Zane");
  client_.open(uri, text, 1);
  const json edited =
      client_.waitDiagnostics(uri, 0, [](const json& p) { return p.value("version", -1) == 1; });
  EXPECT_TRUE(findDiagnostic(edited["diagnostics"], text, "name-variant", "Zane").is_null());
  const size_t from = client_.mark();
  client_.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  const json closed = client_.waitDiagnostics(uri, from);
  EXPECT_FALSE(findDiagnostic(closed["diagnostics"], disk, "name-variant", "Zein").is_null());
}

TEST(SampleCorpusPull, PullClientsGetNoPushForArticles) {
  TempCorpus corpus;
  LspClient client;
  json caps = LspClient::defaultCapabilities();
  caps["textDocument"]["diagnostic"] = {{"dynamicRegistration", false}};
  client.initialize(corpus.root(), caps);
  const json report = client.workspaceDiagnostics();
  EXPECT_FALSE(report["items"].empty());
  for (const auto& m : client.messages())
    EXPECT_NE(m.value("method", ""), "textDocument/publishDiagnostics");
}

TEST(SampleCorpusCreate, RegisterIsCreatedThroughTheEditWhenMissing) {
  TempCorpus corpus;
  std::filesystem::remove(corpus.root() / "newslint.json");
  LspClient client;
  client.initialize(corpus.root());
  const std::string uri = corpus.uri(k001);
  const std::string text = corpus.read(k001);
  const json diagnostics = client.waitDiagnostics(uri);
  const json zein = findDiagnostic(diagnostics["diagnostics"], text, "name-variant", "Zein");
  ASSERT_FALSE(zein.is_null());
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", uri}}},
                                       {"range", zein["range"]},
                                       {"context", {{"diagnostics", json::array({zein})}}}});
  bool created = false;
  for (const auto& action : actions) {
    const json& changes = action["edit"].value("documentChanges", json::array());
    if (changes.empty() || changes[0].value("kind", "") != "create")
      continue;
    created = true;
    EXPECT_EQ(changes[0]["uri"], corpus.uri("newslint.json"));
    const json edits = editsFor(action["edit"], corpus.uri("newslint.json"));
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_TRUE(workspace::parseConfig(edits[0]["newText"].get<std::string>()).parsed);
  }
  EXPECT_TRUE(created) << actions.dump(1);
  EXPECT_FALSE(std::filesystem::exists(corpus.root() / "newslint.json"));
}

TEST(HoverWhileIndexing, AnswersWithTheWordBeforeTheCorpusIsRead) {
  TempCorpus corpus;
  ServerOptions options = LspClient::defaultOptions();
  options.hoverWhileIndexingAfter = std::chrono::milliseconds(0);
  LspClient client(options);
  // The corpus is read from `initialized` on: a hover between the two is sure to come first.
  client.request("initialize",
                 {{"processId", nullptr},
                  {"rootUri", pathToUri(corpus.root())},
                  {"capabilities", LspClient::defaultCapabilities()},
                  {"workspaceFolders",
                   json::array({{{"uri", pathToUri(corpus.root())}, {"name", "corpus"}}})}});
  const std::string uri = corpus.uri(k001);
  const std::string text = corpus.read(k001);
  client.open(uri, text, 1);
  Position at = positionOf(text, "Zein");
  at.character += 2;
  const json early = client.request("textDocument/hover", textDocumentPosition(uri, at));
  ASSERT_TRUE(early.is_object()) << early.dump();
  const std::string value = early["contents"]["value"];
  EXPECT_NE(value.find("`Zein`"), std::string::npos) << value;
  EXPECT_NE(value.find("still reading the corpus"), std::string::npos) << value;
  EXPECT_EQ(textAt(text, early["range"]), "Zein");
  // Once the corpus is read and analysed, the same hover gives the cross-source record.
  client.notify("initialized", json::object());
  client.workspaceDiagnostics(); // answered after the first analysis
  const json full = client.request("textDocument/hover", textDocumentPosition(uri, at));
  ASSERT_TRUE(full.is_object()) << full.dump();
  EXPECT_NE(full["contents"]["value"].get<std::string>().find("Zane"), std::string::npos)
      << full.dump();
}

} // namespace
} // namespace newslint::lsp::test

namespace newslint::lsp::test {
namespace {

TEST(SampleCorpusNoWorkspace, FirstOpenedFileFindsTheCorpusRoot) {
  TempCorpus corpus;
  LspClient client;
  client.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
  client.notify("initialized", json::object());
  const std::string uri = corpus.uri(k001);
  const std::string text = corpus.read(k001);
  client.open(uri, text, 1);
  // The folder holding newslint.json becomes the corpus: 000 (never opened) is indexed too.
  const json diagnostics =
      client.waitDiagnostics(uri, 0, [](const json& p) { return p.value("version", -1) == 1; });
  EXPECT_FALSE(findDiagnostic(diagnostics["diagnostics"], text, "name-variant", "Zein").is_null());
  const json other = client.waitDiagnostics(corpus.uri(k000));
  EXPECT_FALSE(other["diagnostics"].empty());
}

TEST(SampleCorpusWatched, CreatedFilesJoinTheCorpus) {
  TempCorpus corpus;
  std::filesystem::remove(corpus.root() / k000);
  LspClient client;
  client.initialize(corpus.root());
  const std::string uri001 = corpus.uri(k001);
  const std::string text001 = corpus.read(k001);
  const json before = client.waitDiagnostics(uri001);
  EXPECT_TRUE(findDiagnostic(before["diagnostics"], text001, "name-variant", "Zein").is_null());
  std::filesystem::copy_file(std::filesystem::path(NEWSLINT_EXAMPLES_DIR) / k000,
                             corpus.root() / k000);
  const size_t from = client.mark();
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", corpus.uri(k000)}, {"type", 1}}})}});
  const json after = client.waitDiagnostics(uri001, from);
  EXPECT_FALSE(findDiagnostic(after["diagnostics"], text001, "name-variant", "Zein").is_null());
  // didChangeConfiguration re-reads the register and re-runs the checks without error.
  client.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  EXPECT_FALSE(client.workspaceDiagnostics()["items"].empty());
}

} // namespace
} // namespace newslint::lsp::test
