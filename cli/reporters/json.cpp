// JSON: every finding with its ranges, related locations, evidence and fixes.
#include <nlohmann/json.hpp>

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
} // namespace

void reportJson(const ReportInput& input, std::ostream& out) {
  json findings = json::array();
  for (const analysis::Finding& f : input.findings) {
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
    findings.push_back(std::move(j));
  }
  json notes = json::array();
  for (const auto& n : input.notes) {
    notes.push_back({{"file", n.path}, {"message", n.message}, {"skipped", n.skipped}});
  }
  json doc;
  doc["tool"] = {{"name", "newslint"}, {"version", input.toolVersion}};
  doc["documents"] = input.corpus.documents.size();
  doc["findings"] = std::move(findings);
  doc["notes"] = std::move(notes);
  out << doc.dump(2) << '\n';
}

} // namespace newslint::cli
