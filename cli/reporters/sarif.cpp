// SARIF 2.1.0, as code scanning services ingest it. Columns count Unicode code points
// (run.columnKind = "unicodeCodePoints").
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "newslint/analysis/checks.h"
#include "newslint/lsp/protocol.h"
#include "reporters/reporter.h"

namespace newslint::cli {

namespace {
using nlohmann::json;

/// A path as a SARIF `artifactLocation.uri` (RFC 3986), percent-encoded as the server's
/// URIs are, so that a space, a `#` or a byte that is not UTF-8 names the file exactly: an
/// absolute path as a `file://` URI, a relative one relative to the folder the check ran in.
std::string sarifUri(std::string_view path) {
  return path.starts_with('/') ? lsp::pathToUri(std::filesystem::path(path))
                               : lsp::percentEncodePath(path);
}

json physical(const ReportInput& input, const analysis::Location& loc, bool snippet) {
  const analysis::Document* doc = documentOf(input, loc.document);
  json region;
  if (doc != nullptr) {
    const Position s = positionOf(*doc, loc.span.begin, true);
    const Position e = positionOf(*doc, loc.span.end, true);
    region = {{"startLine", s.line},
              {"startColumn", s.column},
              {"endLine", e.line},
              {"endColumn", e.column}};
    if (snippet) {
      region["snippet"] = {{"text", std::string(doc->slice(loc.span))}};
    }
  }
  return {{"artifactLocation", {{"uri", sarifUri(displayPath(input, loc.document))}}},
          {"region", region}};
}

std::string level(analysis::Severity s) {
  switch (s) {
  case analysis::Severity::Error:
    return "error";
  case analysis::Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}
} // namespace

void reportSarif(const ReportInput& input, std::ostream& out) {
  json rules = json::array();
  std::map<std::string, size_t> ruleIndex;
  for (const analysis::CheckInfo& check : analysis::allChecks()) {
    ruleIndex[std::string(check.code)] = rules.size();
    rules.push_back({{"id", std::string(check.code)},
                     {"name", std::string(check.code)},
                     {"shortDescription", {{"text", std::string(check.summary)}}},
                     {"helpUri", "docs/checks/" + std::string(check.code) + ".md"},
                     {"defaultConfiguration", {{"level", level(check.defaultSeverity)}}}});
  }
  json results = json::array();
  for (const analysis::Finding& f : input.findings) {
    json r;
    r["ruleId"] = f.code;
    if (auto it = ruleIndex.find(f.code); it != ruleIndex.end()) {
      r["ruleIndex"] = it->second;
    }
    r["level"] = level(f.severity);
    r["message"] = {{"text", f.message}};
    r["locations"] = json::array({{{"physicalLocation", physical(input, f.primary, true)}}});
    if (!f.related.empty()) {
      r["relatedLocations"] = json::array();
      int id = 1;
      for (const auto& rel : f.related) {
        r["relatedLocations"].push_back({{"id", id++},
                                         {"physicalLocation", physical(input, rel.location, true)},
                                         {"message", {{"text", rel.message}}}});
      }
    }
    json fixes = json::array();
    for (const auto& fix : f.fixes) {
      if (fix.edits.empty()) {
        continue;
      }
      std::map<std::string, json> byFile;
      for (const auto& e : fix.edits) {
        json region = physical(input, e.location, false)["region"];
        byFile[sarifUri(displayPath(input, e.location.document))].push_back(
            {{"deletedRegion", region}, {"insertedContent", {{"text", e.replacement}}}});
      }
      json changes = json::array();
      for (auto& [uri, replacements] : byFile) {
        changes.push_back({{"artifactLocation", {{"uri", uri}}}, {"replacements", replacements}});
      }
      fixes.push_back({{"description", {{"text", fix.title}}}, {"artifactChanges", changes}});
    }
    if (!fixes.empty()) {
      r["fixes"] = fixes;
    }
    r["partialFingerprints"] = {
        {"newslint/v1", f.code + ":" + f.primary.document + ":" + f.flagged}};
    if (!f.evidence.empty()) {
      r["properties"] = {{"evidence", f.evidence}};
    }
    results.push_back(std::move(r));
  }
  json notifications = json::array();
  for (const auto& n : input.notes) {
    notifications.push_back({{"level", n.skipped ? "error" : "warning"},
                             {"message", {{"text", n.path + ": " + n.message}}}});
  }
  json run;
  run["tool"] = {
      {"driver", {{"name", "newslint"}, {"version", input.toolVersion}, {"rules", rules}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  run["invocations"] =
      json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", notifications}}});
  json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = json::array({run});
  out << sarif.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

} // namespace newslint::cli
