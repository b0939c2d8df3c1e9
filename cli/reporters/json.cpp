// JSON: every finding with its ranges, related locations, evidence and fixes.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newslint/analysis/parallel.h"

#include "reporters/reporter.h"

namespace newslint::cli {

namespace {
using nlohmann::json;

json range(const ReportInput& input, const analysis::Location& loc) {
  const analysis::Document* doc = documentOf(input, loc.document);
  json r;
  r["file"] = displayPath(input, loc.document);
  r["document"] = loc.document;
  r["offset"] = {{"begin", loc.span.begin}, {"end", loc.span.end}};
  if (doc != nullptr) {
    const Position s = positionOf(*doc, loc.span.begin, false);
    const Position e = positionOf(*doc, loc.span.end, false);
    r["start"] = {{"line", s.line}, {"column", s.column}};
    r["end"] = {{"line", e.line}, {"column", e.column}};
  }
  return r;
}

std::string kindName(analysis::RegisterChange::Kind kind) {
  switch (kind) {
  case analysis::RegisterChange::Kind::UseCanonical:
    return "use-canonical";
  case analysis::RegisterChange::Kind::AcceptVariant:
    return "accept-variant";
  case analysis::RegisterChange::Kind::MarkDistinct:
    return "mark-distinct";
  case analysis::RegisterChange::Kind::SetPublished:
    return "set-published";
  }
  return "unknown";
}

json findingJson(const ReportInput& input, const analysis::Finding& f) {
  json j;
  j["code"] = f.code;
  j["severity"] = std::string(analysis::severityName(f.severity));
  j["message"] = f.message;
  j["flagged"] = f.flagged;
  j["location"] = range(input, f.primary);
  j["related"] = json::array();
  for (const auto& r : f.related) {
    json rel = range(input, r.location);
    rel["message"] = r.message;
    j["related"].push_back(rel);
  }
  j["evidence"] = f.evidence;
  j["fixes"] = json::array();
  for (const auto& fix : f.fixes) {
    json jf;
    jf["title"] = fix.title;
    jf["edits"] = json::array();
    for (const auto& e : fix.edits) {
      json edit = range(input, e.location);
      edit["replacement"] = e.replacement;
      jf["edits"].push_back(edit);
    }
    if (fix.registerChange) {
      jf["register"] = {{"kind", kindName(fix.registerChange->kind)},
                        {"first", fix.registerChange->first},
                        {"second", fix.registerChange->second}};
    }
    j["fixes"].push_back(jf);
  }
  if (!f.data.empty()) {
    j["data"] = f.data;
  }
  return j;
}

// Appends `value` as `dump(2)` writes it when nested `depth` levels deep: every line break
// is followed by the indentation of that level. (A line break inside a string is escaped,
// so every one in the text is the printer's.) Invalid UTF-8 (a file name can hold any
// bytes) is written as U+FFFD, as the rest of the report's strings are.
void appendNested(std::string& out, const json& value, size_t depth) {
  const std::string text = value.dump(2, ' ', false, json::error_handler_t::replace);
  const std::string indent(2 * depth, ' ');
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out.append(text, from, nl + 1 - from);
    out += indent;
    from = nl + 1;
  }
  out.append(text, from, std::string::npos);
}

void writeNested(std::ostream& out, const json& value, size_t depth) {
  std::string text;
  appendNested(text, value, depth);
  out << text;
}

// The findings' text, a batch at a time: each finding of a batch is rendered on every core
// into its own string, and the strings go out in order. A batch bounds what is held.
void writeFindings(const ReportInput& input, std::ostream& out) {
  constexpr size_t kBatch = 512;
  const auto& findings = input.findings;
  std::vector<std::string> texts(kBatch);
  for (size_t from = 0; from < findings.size(); from += kBatch) {
    const size_t count = std::min(findings.size() - from, kBatch);
    analysis::parallelFor(count, 16, [&](size_t k) {
      const size_t i = from + k;
      std::string& text = texts[k];
      text = "    ";
      appendNested(text, findingJson(input, findings[i]), 2);
      text += i + 1 < findings.size() ? ",\n" : "\n";
    });
    for (size_t k = 0; k < count; ++k) {
      out << texts[k];
    }
  }
}
} // namespace

// The document is written a finding at a time, with the bytes `dump(2)` gives for the whole
// document (keys in its order: documents, findings, notes, tool): the report of a large
// corpus holds hundreds of megabytes, and a JSON tree of it several times that.
void reportJson(const ReportInput& input, std::ostream& out) {
  out << "{\n  \"documents\": " << json(input.corpus.documents.size()).dump()
      << ",\n  \"findings\": ";
  if (input.findings.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    writeFindings(input, out);
    out << "  ]";
  }
  json notes = json::array();
  for (const auto& n : input.notes) {
    notes.push_back({{"file", n.path}, {"message", n.message}, {"skipped", n.skipped}});
  }
  out << ",\n  \"notes\": ";
  writeNested(out, notes, 1);
  out << ",\n  \"tool\": ";
  writeNested(out, json{{"name", "newslint"}, {"version", input.toolVersion}}, 1);
  out << "\n}\n";
}

} // namespace newslint::cli
