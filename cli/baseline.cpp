// `newslint baseline write FILE [PATH…]` and the matching behind `check --baseline FILE`.
#include "baseline.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "check.h"
#include "corpus_args.h"
#include "newslint/analysis/text.h"

namespace newslint::cli {

// The key holds only UTF-8 (U+FFFD for each byte that is not), as the JSON file must: a
// file name may hold any bytes, and its findings then match the entries written for them.
BaselineEntry baselineKey(const analysis::Finding& finding) {
  BaselineEntry e{finding.code, analysis::sanitizeUtf8(finding.primary.document), finding.flagged};
  if (auto it = finding.data.find("preferred"); it != finding.data.end()) {
    e.text += " -> " + it->second;
  }
  e.text = analysis::sanitizeUtf8(e.text);
  return e;
}

std::string writeBaseline(const std::vector<analysis::Finding>& findings) {
  std::vector<BaselineEntry> entries;
  entries.reserve(findings.size());
  for (const auto& f : findings) {
    entries.push_back(baselineKey(f));
  }
  std::sort(entries.begin(), entries.end());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries) {
    list.push_back({{"code", e.code}, {"document", e.document}, {"text", e.text}});
  }
  nlohmann::json doc;
  doc["version"] = 1;
  doc["findings"] = std::move(list);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool readBaseline(const std::string& text, std::vector<BaselineEntry>& entries,
                  std::string& error) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    error = "not a newslint baseline (expected {\"version\": 1, \"findings\": [...]})";
    return false;
  }
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.value("code", nlohmann::json()).is_string() ||
        !f.value("document", nlohmann::json()).is_string() ||
        !f.value("text", nlohmann::json()).is_string()) {
      error = "a baseline entry needs string fields code, document and text";
      return false;
    }
    entries.push_back({f["code"], f["document"], f["text"]});
  }
  return true;
}

size_t applyBaseline(std::vector<analysis::Finding>& findings, std::vector<BaselineEntry> entries) {
  std::map<BaselineEntry, size_t> remaining;
  for (auto& e : entries) {
    ++remaining[std::move(e)];
  }
  std::erase_if(findings, [&](const analysis::Finding& f) {
    auto it = remaining.find(baselineKey(f));
    if (it == remaining.end() || it->second == 0) {
      return false;
    }
    --it->second;
    return true;
  });
  size_t unmatched = 0;
  for (const auto& [entry, count] : remaining) {
    unmatched += count;
  }
  return unmatched;
}

int runBaselineCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  constexpr std::string_view kUsage =
      "usage: newslint baseline write FILE [PATH...] [--config FILE]\n";
  if (args.size() < 2 || args[0] != "write") {
    err << kUsage;
    return 2;
  }
  const std::string file = args[1];
  CorpusArgs parsed;
  if (auto code = parseCorpusArgs(std::vector<std::string>(args.begin() + 2, args.end()), kUsage,
                                  {"text"}, parsed, out, err)) {
    return *code;
  }
  std::optional<LoadedCorpus> loaded = loadForCommand(parsed, err);
  if (!loaded) {
    return 2;
  }
  const analysis::Analysis analysis = analysis::analyze(loaded->corpus.snapshot());
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream << writeBaseline(analysis.findings);
  if (!stream) {
    err << "newslint: " << file << ": cannot write the baseline\n";
    return 2;
  }
  out << "wrote " << analysis.findings.size() << " findings to " << file << '\n';
  return 0;
}

} // namespace newslint::cli
