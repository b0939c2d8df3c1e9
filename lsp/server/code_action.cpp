// Code actions: each Fix of a finding in range becomes a quick fix. Text edits may reach
// other documents (rename everywhere); register decisions (accept a variant, mark two names
// as different, set a publication date) edit newslint.json through the WorkspaceEdit.
#include "newslint/lsp/features.h"

#include <set>

namespace newslint::lsp {

using nlohmann::json;

namespace {

bool kindWanted(const json& actionContext) {
  const auto only = actionContext.find("only");
  if (only == actionContext.end() || !only->is_array() || only->empty())
    return true;
  for (const auto& kind : *only)
    if (kind.is_string() &&
        (kind == "quickfix" || std::string("quickfix").starts_with(kind.get<std::string>() + ".")))
      return true;
  return false;
}

} // namespace

json codeActions(const FeatureContext& context, std::string_view id, Range range,
                 const json& actionContext) {
  json out = json::array();
  if (!kindWanted(actionContext))
    return out;
  const auto span = context.span(id, range);
  if (!span)
    return out;
  // Findings named by the client's diagnostics (their `data`), plus those touching the range.
  std::set<std::tuple<std::string, uint32_t, uint32_t>> named;
  if (const auto diagnostics = actionContext.find("diagnostics");
      diagnostics != actionContext.end() && diagnostics->is_array())
    for (const auto& diagnostic : *diagnostics) {
      const json data = diagnostic.value("data", json());
      if (data.is_object() && data.value("document", "") == id && data.contains("begin") &&
          data["begin"].is_number() && data["end"].is_number())
        named.emplace(data.value("code", ""), data["begin"].get<uint32_t>(),
                      data["end"].get<uint32_t>());
    }
  const json diagnostics = documentDiagnostics(context, id);
  size_t index = 0;
  for (const analysis::Finding& finding : context.analysis().findingsFor(id)) {
    if (finding.severity == analysis::Severity::Off)
      continue;
    const json& diagnostic = diagnostics.at(index++);
    const analysis::Span f = finding.primary.span;
    const bool touches = f.begin <= span->end && span->begin <= f.end;
    if (!touches && !named.count({finding.code, f.begin, f.end}))
      continue;
    for (const analysis::Fix& fix : finding.fixes) {
      json edit = workspaceEdit(context, fix.edits, fix.registerChange);
      if (edit.is_null())
        continue;
      json action = {{"title", fix.title},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({diagnostic})},
                     {"edit", std::move(edit)}};
      if (fix.preferred)
        action["isPreferred"] = true;
      out.push_back(std::move(action));
    }
  }
  return out;
}

} // namespace newslint::lsp
