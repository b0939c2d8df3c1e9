// Each register decision offered as a code action, applied as the editor would apply it
// (the WorkspaceEdit on newslint.json, saved to disk), changes the findings as decided.
#include "lsp_client.h"

namespace newslint::lsp::test {
namespace {

const std::string k000 = "000_7e03111992a0022c.txt";
const std::string k001 = "001_2ed5d6a8ed618bf6.txt";
const std::string k003 = "003_fce50c72ea1de802.txt";

bool flags(const json& diagnostics, const std::string& text, const std::string& code,
           const std::string& word) {
  const LineIndex lines(text);
  for (const auto& d : diagnostics) {
    if (d.value("code", "") != code)
      continue;
    const auto span = lines.span(text, d["range"].get<Range>(), PositionEncoding::Utf16);
    if (text.substr(span.begin, span.size()) == word)
      return true;
  }
  return false;
}

class Decision : public ::testing::Test {
protected:
  void SetUp() override { client_.initialize(corpus_.root()); }

  // The code actions at the first diagnostic `code` on `word` in `file`.
  json actionsAt(const std::string& file, const std::string& code, const std::string& word) {
    const std::string text = corpus_.read(file);
    const json published = client_.waitDiagnostics(corpus_.uri(file), 0, [&](const json& p) {
      return flags(p["diagnostics"], text, code, word);
    });
    for (const auto& d : published["diagnostics"]) {
      const LineIndex lines(text);
      const auto span = lines.span(text, d["range"].get<Range>(), PositionEncoding::Utf16);
      if (d.value("code", "") == code && text.substr(span.begin, span.size()) == word)
        return client_.request("textDocument/codeAction",
                               {{"textDocument", {{"uri", corpus_.uri(file)}}},
                                {"range", d["range"]},
                                {"context", {{"diagnostics", json::array({d})}}}});
    }
    ADD_FAILURE() << "no " << code << " on " << word;
    return json::array();
  }

  // Applies the register edit of the action whose title starts with `title` and tells the
  // server the file changed, as an editor saving it would.
  void decide(const json& actions, const std::string& title) {
    const std::string registerUri = corpus_.uri("newslint.json");
    for (const auto& action : actions) {
      if (!action.value("title", "").starts_with(title))
        continue;
      const json edits = editsFor(action["edit"], registerUri);
      ASSERT_FALSE(edits.empty()) << action.dump(1);
      const std::string after =
          applyEdits(corpus_.read("newslint.json"), edits, PositionEncoding::Utf16);
      EXPECT_TRUE(workspace::parseConfig(after).parsed) << after;
      corpus_.write("newslint.json", after);
      mark_ = client_.mark();
      client_.notify("workspace/didChangeWatchedFiles",
                     {{"changes", json::array({{{"uri", registerUri}, {"type", 2}}})}});
      return;
    }
    FAIL() << "no action titled " << title << " in " << actions.dump(1);
  }

  // The diagnostics of `file` once the server has re-analysed after the decision.
  json after(const std::string& file, const std::function<bool(const json&)>& until) {
    return client_.waitDiagnostics(corpus_.uri(file), mark_, until)["diagnostics"];
  }

  TempCorpus corpus_;
  LspClient client_;
  size_t mark_ = 0;
};

TEST_F(Decision, AcceptingAVariantSilencesBothSpellings) {
  decide(actionsAt(k001, "name-variant", "Zein"), "Accept `Zein` as a variant of `Zane`");
  const std::string text = corpus_.read(k001);
  const json d = after(
      k001, [&](const json& p) { return !flags(p["diagnostics"], text, "name-variant", "Zein"); });
  EXPECT_FALSE(flags(d, text, "name-variant", "Zein"));
  EXPECT_NE(corpus_.read("newslint.json").find("\"Zein\""), std::string::npos);
}

TEST_F(Decision, HouseSpellingReportsTheOtherSpellingOnly) {
  decide(actionsAt(k001, "name-variant", "Zein"), "Make `Zein` the house spelling");
  const std::string text000 = corpus_.read(k000);
  const std::string text001 = corpus_.read(k001);
  const json d001 = after(k001, [&](const json& p) {
    return !flags(p["diagnostics"], text001, "name-variant", "Zein");
  });
  EXPECT_FALSE(flags(d001, text001, "name-variant", "Zein"));
  // Zane in 000 is still reported, now against the house spelling.
  const json all =
      client_.request("textDocument/diagnostic", {{"textDocument", {{"uri", corpus_.uri(k000)}}}});
  EXPECT_TRUE(flags(all["items"], text000, "name-variant", "Zane")) << all.dump(1);
}

TEST_F(Decision, DifferentNamesAreNoLongerReported) {
  decide(actionsAt(k001, "name-variant", "Zein"), "Record `Zein` and `Zane` as different names");
  const std::string text = corpus_.read(k001);
  const json d = after(
      k001, [&](const json& p) { return !flags(p["diagnostics"], text, "name-variant", "Zein"); });
  EXPECT_FALSE(flags(d, text, "name-variant", "Zein"));
  EXPECT_NE(corpus_.read("newslint.json").find("\"distinct\""), std::string::npos);
}

TEST(DecisionBareFolder, PublicationDateIsRecordedForAnInferredAnchor) {
  TempCorpus corpus;
  std::filesystem::remove(corpus.root() / "newslint.json");
  corpus.write("newslint.json", "{}\n"); // an empty register: every anchor is inferred
  LspClient client;
  client.initialize(corpus.root());
  const std::string text = corpus.read(k003);
  const json published = client.waitDiagnostics(corpus.uri(k003), 0, [](const json& p) {
    for (const auto& d : p["diagnostics"])
      if (d.value("code", "") == "date-conflict")
        return true;
    return false;
  });
  json conflict;
  for (const auto& d : published["diagnostics"])
    if (d.value("code", "") == "date-conflict")
      conflict = d;
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", corpus.uri(k003)}}},
                                       {"range", conflict["range"]},
                                       {"context", {{"diagnostics", json::array({conflict})}}}});
  bool applied = false;
  for (const auto& action : actions) {
    if (!action.value("title", "").starts_with("Record the publication date of " + k003))
      continue;
    const json edits = editsFor(action["edit"], corpus.uri("newslint.json"));
    ASSERT_FALSE(edits.empty());
    const std::string after =
        applyEdits(corpus.read("newslint.json"), edits, PositionEncoding::Utf16);
    const auto loaded = workspace::parseConfig(after);
    ASSERT_TRUE(loaded.parsed) << after;
    ASSERT_TRUE(loaded.config.sources.contains(k003)) << after;
    EXPECT_TRUE(loaded.config.sources.at(k003).published.has_value());
    applied = true;
  }
  EXPECT_TRUE(applied) << actions.dump(1);
}

TEST_F(Decision, SuppressionMarkerSilencesOnePlaceInTheServer) {
  const std::string uri = corpus_.uri(k000);
  std::string text = corpus_.read(k000);
  client_.waitDiagnostics(uri);
  const size_t line = text.rfind('\n', text.find("Zane, 9")) + 1;
  text.insert(line, "newslint-disable-next-line name-variant\n");
  const size_t from = client_.mark();
  client_.open(uri, text, 1);
  const json d = client_.waitDiagnostics(uri, from)["diagnostics"];
  EXPECT_FALSE(flags(d, text, "name-variant", "Zane")) << d.dump(1);
  EXPECT_TRUE(flags(d, text, "name-variant", "Ash-Shara")) << d.dump(1);
}

} // namespace
} // namespace newslint::lsp::test
