// Editor settings: per-check severities read through `workspace/configuration` and pushed
// with `workspace/didChangeConfiguration`, on top of the register.
#include "lsp_client.h"

namespace newslint::lsp::test {
namespace {

const std::string k004 = "004_7ae6212592d33cc9.txt";
const std::string k001 = "001_2ed5d6a8ed618bf6.txt";

bool hasCode(const json& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics)
    if (d.value("code", "") == code)
      return true;
  return false;
}

int severityOf(const json& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics)
    if (d.value("code", "") == code)
      return d.value("severity", 0);
  return 0;
}

json capabilitiesWithConfiguration() {
  json caps = LspClient::defaultCapabilities();
  caps["workspace"]["configuration"] = true;
  return caps;
}

TEST(EditorSettings, SeveritiesComeFromWorkspaceConfiguration) {
  TempCorpus corpus;
  LspClient client;
  std::atomic<int> asked{0};
  client.answerRequests([&](const json& request) -> json {
    if (request.value("method", "") != "workspace/configuration")
      return nullptr;
    ++asked;
    EXPECT_EQ(request["params"]["items"][0]["section"], "newslint");
    return json::array(
        {{{"checks", {{"name-variant", "off"}, {"name-variant-in-document", "error"}}}}});
  });
  client.initialize(corpus.root(), capabilitiesWithConfiguration());
  const json p004 = client.waitDiagnostics(corpus.uri(k004), 0, [](const json& p) {
    return severityOf(p["diagnostics"], "name-variant-in-document") == 1;
  });
  EXPECT_FALSE(hasCode(p004["diagnostics"], "name-variant")) << p004.dump(1);
  EXPECT_GE(asked.load(), 1);
}

TEST(EditorSettings, PushedSettingsApplyAndUnknownChecksAreIgnored) {
  TempCorpus corpus;
  LspClient client;
  client.initialize(corpus.root());
  const json first = client.waitDiagnostics(corpus.uri(k001));
  ASSERT_TRUE(hasCode(first["diagnostics"], "name-variant")) << first.dump(1);
  const size_t mark = client.mark();
  client.notify(
      "workspace/didChangeConfiguration",
      {{"settings",
        {{"newslint", {{"checks", {{"name-variant", "info"}, {"no-such-check", "error"}}}}}}}});
  const json after = client.waitDiagnostics(corpus.uri(k001), mark, [](const json& p) {
    return severityOf(p["diagnostics"], "name-variant") == 3;
  });
  EXPECT_EQ(severityOf(after["diagnostics"], "name-variant"), 3);
}

} // namespace
} // namespace newslint::lsp::test
