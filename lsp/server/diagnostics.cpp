// Diagnostics: each Finding becomes one Diagnostic. Pushed with publishDiagnostics for every
// document whose findings changed (a change in one article can change another's), and
// served by pull (textDocument/diagnostic, workspace/diagnostic) for clients that ask.
#include "server_impl.h"

#include <functional>
#include <set>

namespace newslint::lsp {

namespace {

int severityNumber(analysis::Severity severity) {
  switch (severity) {
  case analysis::Severity::Error:
    return 1;
  case analysis::Severity::Warning:
    return 2;
  case analysis::Severity::Info:
    return 3;
  case analysis::Severity::Hint:
  case analysis::Severity::Off:
    return 4;
  }
  return 2;
}

} // namespace

json documentDiagnostics(const FeatureContext& context, std::string_view id) {
  json out = json::array();
  for (const analysis::Finding& finding : context.analysis().findingsFor(id)) {
    if (finding.severity == analysis::Severity::Off)
      continue;
    json diagnostic = {{"range", context.range(finding.primary)},
                       {"severity", severityNumber(finding.severity)},
                       {"code", finding.code},
                       {"source", "newslint"},
                       {"message", finding.message}};
    if (!context.checksDocsDir.empty())
      diagnostic["codeDescription"] = {
          {"href", pathToUri(context.checksDocsDir / (finding.code + ".md"))}};
    if (!finding.related.empty()) {
      json related = json::array();
      for (const auto& item : finding.related) {
        if (!context.document(item.location.document))
          continue;
        related.push_back({{"location", context.location(item.location)},
                           {"message", item.message.empty() ? finding.flagged : item.message}});
      }
      diagnostic["relatedInformation"] = std::move(related);
    }
    // What a code action needs to find this finding again in a later analysis.
    json data = {{"code", finding.code},
                 {"document", finding.primary.document},
                 {"begin", finding.primary.span.begin},
                 {"end", finding.primary.span.end},
                 {"flagged", finding.flagged}};
    // Entity numbers are internal to one analysis (a quick re-check numbers them its own
    // way): they are left out so that equal findings give equal diagnostics.
    json facts = json::object();
    for (const auto& [key, value] : finding.data)
      if (key != "entity")
        facts[key] = value;
    if (!facts.empty())
      data["facts"] = std::move(facts);
    if (!finding.fixes.empty()) {
      json fixes = json::array();
      for (const auto& fix : finding.fixes)
        fixes.push_back(fix.title);
      data["fixes"] = std::move(fixes);
    }
    diagnostic["data"] = std::move(data);
    out.push_back(std::move(diagnostic));
  }
  return out;
}

json registerDiagnostics(const std::vector<workspace::ConfigProblem>& problems,
                         std::string_view text, PositionEncoding encoding) {
  json out = json::array();
  const LineIndex lines(text);
  for (const auto& problem : problems) {
    if (problem.severity == analysis::Severity::Off)
      continue;
    // The problem's column is in bytes: locate it as UTF-8, then express it in `encoding`.
    const uint32_t begin =
        lines.offset(text, {problem.line, problem.column}, PositionEncoding::Utf8);
    const uint32_t lineEnd = lines.offset(text, {problem.line, UINT32_MAX}, PositionEncoding::Utf8);
    const Range range{lines.position(text, begin, encoding),
                      lines.position(text, std::max(begin, lineEnd), encoding)};
    out.push_back({{"range", range},
                   {"severity", severityNumber(problem.severity)},
                   {"code", "register"},
                   {"source", "newslint"},
                   {"message", problem.message}});
  }
  return out;
}

std::string diagnosticsResultId(const json& diagnostics) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016zx", std::hash<std::string>{}(serialize(diagnostics)));
  return buffer;
}

// --- push ---------------------------------------------------------------------------------

void ServerImpl::publishRegisterDiagnostics() {
  if (state_ != State::Running || !initializedReceived_)
    return; // published once the client is ready for notifications
  const auto path = registerPath();
  if (!path)
    return;
  json diagnostics = registerText_
                         ? registerDiagnostics(registerProblems_, *registerText_, client_.encoding)
                         : json::array();
  if (diagnostics.empty() && !registerPublished_)
    return;
  registerPublished_ = !diagnostics.empty();
  if (client_.pullDiagnostics) {
    if (client_.diagnosticRefresh)
      request("workspace/diagnostic/refresh", nullptr, nullptr);
    return;
  }
  std::string uri = pathToUri(*path);
  json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
  for (const auto& [openUri, doc] : open_)
    if (doc.isRegister) {
      params["uri"] = openUri;
      params["version"] = doc.version;
    }
  notify("textDocument/publishDiagnostics", std::move(params));
}

void ServerImpl::publishDiagnostics() {
  if (!analysis_ || state_ != State::Running)
    return;
  const FeatureContext context = featureContext();
  std::set<std::string, std::less<>> ids;
  for (const auto& finding : analysis_->findings)
    ids.insert(finding.primary.document);
  for (const auto& [id, fingerprint] : published_)
    ids.insert(id);
  for (const auto& [id, uri] : openUriById_)
    ids.insert(id);
  bool anyChanged = false;
  for (const auto& id : ids)
    publishOne(context, id, context.document(id) ? documentDiagnostics(context, id) : json::array(),
               anyChanged);
  for (auto it = publishedVersion_.begin(); it != publishedVersion_.end();)
    it = openUriById_.count(it->first) ? std::next(it) : publishedVersion_.erase(it);
  if (client_.pullDiagnostics && anyChanged && client_.diagnosticRefresh)
    request("workspace/diagnostic/refresh", nullptr, nullptr);
}

ServerImpl::Fingerprint::Fingerprint(std::string_view text)
    : size(text.size()), a(std::hash<std::string_view>{}(text)), b(0xcbf29ce484222325ULL) {
  for (const char c : text) { // FNV-1a, independent of the library's hash
    b = (b ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
}

void ServerImpl::publishOne(const FeatureContext& context, const std::string& id, json diagnostics,
                            bool& anyChanged) {
  const std::string text = serialize(diagnostics);
  const Fingerprint fingerprint(text);
  const auto old = published_.find(id);
  const bool same = old != published_.end() ? old->second == fingerprint : diagnostics.empty();
  const auto open = context.openVersions.find(id);
  bool versionMoved = false;
  if (open != context.openVersions.end()) {
    const auto last = publishedVersion_.find(id);
    versionMoved = last == publishedVersion_.end() || last->second != open->second;
  }
  if (same && !versionMoved)
    return;
  anyChanged = anyChanged || !same;
  if (!client_.pullDiagnostics) {
    json params = {{"uri", uriOf(id)}, {"diagnostics", std::move(diagnostics)}};
    if (open != context.openVersions.end())
      params["version"] = open->second;
    notify("textDocument/publishDiagnostics", std::move(params));
  }
  if (text == "[]")
    published_.erase(id);
  else
    published_.insert_or_assign(id, fingerprint);
  if (open != context.openVersions.end())
    publishedVersion_[id] = open->second;
}

// --- pull ---------------------------------------------------------------------------------

json ServerImpl::pullDocumentDiagnostics(const FeatureContext& context, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  json items = json::array();
  const auto path = uriToPath(uri);
  if (path && isRegister(*path) && registerText_)
    items = registerDiagnostics(registerProblems_, *registerText_, client_.encoding);
  else if (const auto open = open_.find(uri); open != open_.end() && open->second.id)
    items = documentDiagnostics(context, *open->second.id);
  else if (const auto id = path ? corpusId(*path) : std::nullopt)
    items = documentDiagnostics(context, *id);
  return pullReport(std::move(items), params);
}

json ServerImpl::pullReport(json items, const json& params) {
  const std::string resultId = diagnosticsResultId(items);
  if (const auto previous = params.find("previousResultId");
      previous != params.end() && previous->is_string() && *previous == resultId)
    return json{{"kind", "unchanged"}, {"resultId", resultId}};
  return json{{"kind", "full"}, {"resultId", resultId}, {"items", std::move(items)}};
}

json ServerImpl::pullWorkspaceDiagnostics(const FeatureContext& context, const json& params) {
  std::map<std::string, std::string, std::less<>> previous; // uri -> resultId
  if (const auto list = params.find("previousResultIds"); list != params.end() && list->is_array())
    for (const auto& item : *list)
      if (item.is_object() && item.contains("uri") && item.contains("value"))
        previous[item["uri"].get<std::string>()] = item["value"].get<std::string>();
  std::set<std::string, std::less<>> ids;
  for (const auto& finding : context.analysis().findings)
    ids.insert(finding.primary.document);
  for (const auto& [uri, value] : previous)
    if (const auto path = uriToPath(uri))
      if (const auto id = corpusId(*path))
        ids.insert(*id);
  json items = json::array();
  const auto report = [&](const std::string& uri, json diagnostics, json version) {
    const std::string resultId = diagnosticsResultId(diagnostics);
    json entry = {{"uri", uri}, {"version", std::move(version)}, {"resultId", resultId}};
    if (const auto it = previous.find(uri); it != previous.end() && it->second == resultId)
      entry["kind"] = "unchanged";
    else {
      entry["kind"] = "full";
      entry["items"] = std::move(diagnostics);
    }
    items.push_back(std::move(entry));
  };
  for (const auto& id : ids) {
    const auto open = context.openVersions.find(id);
    report(uriOf(id), context.document(id) ? documentDiagnostics(context, id) : json::array(),
           open != context.openVersions.end() ? json(open->second) : json(nullptr));
  }
  if (const auto path = registerPath(); path && registerText_ && !registerProblems_.empty())
    report(pathToUri(*path),
           registerDiagnostics(registerProblems_, *registerText_, client_.encoding), nullptr);
  return json{{"items", std::move(items)}};
}

} // namespace newslint::lsp
