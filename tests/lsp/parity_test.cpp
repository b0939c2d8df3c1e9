// The CLI and the server report identical findings for the same corpus: the server's
// diagnostics carry each finding's code, document and byte span in `data`.
#include "check.h"
#include "lsp/lsp_client.h"

namespace newslint::lsp::test {
namespace {

using Key = std::tuple<std::string, std::string, uint32_t, uint32_t>;

TEST(Parity, ServerDiagnosticsMatchTheCheckCommand) {
  TempCorpus corpus;
  cli::LoadedCorpus loaded = cli::loadCorpus({corpus.root().string()}, std::nullopt);
  const analysis::Analysis expected = analysis::analyze(loaded.corpus.snapshot());
  std::set<Key> cliFindings;
  for (const auto& finding : expected.findings)
    if (finding.severity != analysis::Severity::Off)
      cliFindings.emplace(finding.code, finding.primary.document, finding.primary.span.begin,
                          finding.primary.span.end);
  ASSERT_FALSE(cliFindings.empty());

  LspClient client;
  client.initialize(corpus.root());
  std::set<Key> serverFindings;
  const json report = client.workspaceDiagnostics();
  for (const auto& item : report["items"])
    for (const auto& diagnostic : item["items"]) {
      const json& data = diagnostic["data"];
      serverFindings.emplace(data["code"], data["document"], data["begin"], data["end"]);
    }
  EXPECT_EQ(serverFindings, cliFindings);
}

TEST(Parity, RegisterProblemsFoundAtStartArePublished) {
  TempCorpus corpus;
  corpus.write("newslint.json", "{\"documents\": {\"include\": 5}");
  LspClient client;
  client.initialize(corpus.root());
  const json published = client.waitDiagnostics(corpus.uri("newslint.json"));
  ASSERT_FALSE(published["diagnostics"].empty());
  EXPECT_EQ(published["diagnostics"][0]["source"], "newslint");
  // The articles are still analysed, with the default register.
  EXPECT_FALSE(client.workspaceDiagnostics()["items"].empty());
}

} // namespace
} // namespace newslint::lsp::test
