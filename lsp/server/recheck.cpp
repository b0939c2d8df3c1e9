// Quick re-checks: in a large corpus, the edited document's findings are published from
// analysis::RecheckIndex (milliseconds) while the full analysis (seconds) catches up and
// then updates every document the edit affects.
#include "server_impl.h"

#include <cstdio>

namespace newslint::lsp {

void ServerImpl::startRecheck(const std::string& id) {
  if (!recheck_ || recheckConfigRevision_ != configRevision_ || !openUriById_.count(id))
    return;
  const auto doc = docs_.find(id);
  if (doc == docs_.end() || !doc->second.pending)
    return;
  const uint64_t revision = doc->second.revision;
  std::string text = *doc->second.pending;
  // The documents that differ from the snapshot of the index's tables.
  std::map<std::string, std::shared_ptr<const analysis::DocumentFacts>, std::less<>> changedDocs;
  const auto& base = recheck_->base().documents;
  if (touchedSinceRecheck_.all) {
    // Every document, against the base (both maps are sorted by id).
    auto b = base.begin();
    for (auto d = docs_.begin(); d != docs_.end(); ++d) {
      while (b != base.end() && b->first < d->first) {
        changedDocs.emplace(b->first, nullptr); // removed since
        ++b;
      }
      const bool inBase = b != base.end() && b->first == d->first;
      if (d->second.facts && (!inBase || b->second != d->second.facts))
        changedDocs.emplace(d->first, d->second.facts);
      if (inBase)
        ++b;
    }
    for (; b != base.end(); ++b)
      changedDocs.emplace(b->first, nullptr);
  } else {
    // Those the index's snapshot differs in, and those touched since, looked at again.
    changedDocs = recheck_->analysisChanged();
    for (const std::string& touched : touchedSinceRecheck_.ids) {
      changedDocs.erase(touched);
      const auto d = docs_.find(touched);
      const auto b = base.find(touched);
      if (d == docs_.end()) {
        if (b != base.end())
          changedDocs.emplace(touched, nullptr); // removed since
      } else if (d->second.facts && (b == base.end() || b->second != d->second.facts)) {
        changedDocs.emplace(touched, d->second.facts);
      }
    }
  }
  changedDocs.erase(id);

  auto weak = weak_from_this();
  auto index = recheck_;
  RecheckTimes times;
  times.asked = std::chrono::steady_clock::now();
  scheduler_.runQuick([weak, index, id, revision, text = std::move(text), times,
                       changedDocs = std::move(changedDocs)]() mutable -> std::function<void()> {
    std::shared_ptr<const analysis::DocumentFacts> facts;
    std::vector<analysis::Finding> findings;
    try {
      times.started = std::chrono::steady_clock::now();
      facts = analysis::extractFacts(id, std::move(text), *index->snapshot().lexicon);
      times.extracted = std::chrono::steady_clock::now();
      findings = index->recheck(facts, changedDocs);
      times.rechecked = std::chrono::steady_clock::now();
    } catch (const std::exception& e) {
      return [weak, message = std::string(e.what())] {
        if (auto self = weak.lock())
          self->log("quick re-check failed: " + message);
      };
    }
    return [weak, id, revision, facts = std::move(facts), findings = std::move(findings),
            times]() mutable {
      if (auto self = weak.lock())
        self->finishRecheck(id, revision, std::move(facts), std::move(findings), times);
    };
  });
}

namespace {

std::string millisecondsBetween(std::chrono::steady_clock::time_point from,
                                std::chrono::steady_clock::time_point to) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f ms",
                std::chrono::duration<double, std::milli>(to - from).count());
  return buffer;
}

} // namespace

void ServerImpl::finishRecheck(const std::string& id, uint64_t revision,
                               std::shared_ptr<const analysis::DocumentFacts> facts,
                               std::vector<analysis::Finding> findings, const RecheckTimes& times) {
  // Where an edit's wait went, for the server log (`newslint serve --log-file PATH`).
  const auto logTimes = [&] {
    if (options_.log)
      log("quick re-check of " + id + ": waited " +
          millisecondsBetween(times.asked, times.started) + ", extraction " +
          millisecondsBetween(times.started, times.extracted) + ", re-check " +
          millisecondsBetween(times.extracted, times.rechecked) + ", answered after " +
          millisecondsBetween(times.asked, std::chrono::steady_clock::now()));
  };
  if (state_ != State::Running || !recheck_)
    return;
  const auto doc = docs_.find(id);
  if (doc == docs_.end() || doc->second.revision != revision)
    return; // edited again since: that edit has its own re-check
  // The facts are those of the current text: the full analysis need not extract them again.
  if (doc->second.pending) {
    doc->second.facts = facts;
    doc->second.pending.reset();
  }
  if (ready())
    return; // the full analysis of this text is already published
  // A small snapshot for positions: this document and those its findings point at.
  auto documents = std::make_shared<analysis::CorpusSnapshot>();
  documents->config = recheck_->snapshot().config;
  documents->lexicon = recheck_->snapshot().lexicon;
  documents->documents.emplace(id, facts);
  for (const analysis::Finding& finding : findings)
    for (const auto& related : finding.related) {
      const std::string& other = related.location.document;
      if (documents->documents.count(other))
        continue;
      if (const auto it = docs_.find(other); it != docs_.end() && it->second.facts)
        documents->documents.emplace(other, it->second.facts);
      else if (const auto b = recheck_->snapshot().documents.find(other);
               b != recheck_->snapshot().documents.end())
        documents->documents.emplace(other, b->second);
    }
  auto result = std::make_shared<analysis::Analysis>();
  result->findings = std::move(findings);
  FeatureContext context(
      documents, result, [this](std::string_view other) { return uriOf(other); }, client_);
  context.checksDocsDir = options_.checksDocsDir;
  for (const auto& [uri, open] : open_)
    if (open.id)
      context.openVersions[*open.id] = open.version;
  json diagnostics = documentDiagnostics(context, id);
  logTimes(); // before the answer goes out: a client that reads the log sees it by then
  if (!client_.pullDiagnostics) {
    bool anyChanged = false;
    publishOne(context, id, std::move(diagnostics), anyChanged);
    return;
  }
  // A pull client: the requests for this document waiting for the full analysis are
  // answered now, and so are the next ones until the full analysis catches up.
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->method == "textDocument/diagnostic" && it->document == id) {
      reply(it->id, pullReport(diagnostics, it->params));
      it = pending_.erase(it);
    } else
      ++it;
  }
  quickDiagnostics_[id] = {revision, std::move(diagnostics)};
}

std::optional<json> ServerImpl::quickPull(const PendingRequest& request) const {
  if (request.method != "textDocument/diagnostic" || !request.document)
    return std::nullopt;
  const auto quick = quickDiagnostics_.find(*request.document);
  const auto doc = docs_.find(*request.document);
  if (quick == quickDiagnostics_.end() || doc == docs_.end() ||
      doc->second.revision != quick->second.first)
    return std::nullopt; // edited again since, or never re-checked
  return pullReport(quick->second.second, request.params);
}

} // namespace newslint::lsp
