// The corpus: per-document extraction, snapshots, and the analysis that runs the checks.
#include "newslint/analysis/corpus.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <numeric>
#include <optional>

#include "newslint/analysis/checks.h"
#include "newslint/analysis/parallel.h"
#include "newslint/analysis/recheck.h"
#include "newslint/analysis/timeline.h"

namespace newslint::analysis {

std::shared_ptr<const DocumentFacts> extractFacts(std::string id, std::string text,
                                                  const Lexicon& lexicon) {
  auto facts = std::make_shared<DocumentFacts>();
  facts->doc = parseDocument(std::move(id), std::move(text));
  facts->mentions = extractMentions(facts->doc, lexicon);
  facts->dates = extractDates(facts->doc);
  // A corpus holds many documents: keep what the analysis reads, at its size.
  std::vector<Token>().swap(facts->doc.tokens);
  facts->doc.sentences.shrink_to_fit();
  facts->mentions.shrink_to_fit();
  facts->dates.expressions.shrink_to_fit();
  return facts;
}

Corpus::Corpus(std::shared_ptr<const Lexicon> lexicon)
    : config_(std::make_shared<const Config>()),
      lexicon_(lexicon ? std::move(lexicon) : std::make_shared<const Lexicon>(Lexicon::builtin())) {
}

void Corpus::setConfig(Config config) {
  config_ = std::make_shared<const Config>(std::move(config));
}

void Corpus::upsert(const std::string& id, std::string text) {
  documents_[id] = extractFacts(id, std::move(text), *lexicon_);
}

void Corpus::put(std::shared_ptr<const DocumentFacts> facts) {
  const std::string id = facts->doc.id;
  documents_[id] = std::move(facts);
}

bool Corpus::remove(std::string_view id) {
  auto it = documents_.find(id);
  if (it == documents_.end()) {
    return false;
  }
  documents_.erase(it);
  return true;
}

const DocumentFacts* Corpus::find(std::string_view id) const {
  auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : it->second.get();
}

CorpusSnapshot Corpus::snapshot() const {
  return {documents_, config_, lexicon_};
}

std::span<const Finding> Analysis::findingsFor(std::string_view document) const {
  auto lower =
      std::lower_bound(findings.begin(), findings.end(), document,
                       [](const Finding& f, std::string_view d) { return f.primary.document < d; });
  auto upper =
      std::upper_bound(lower, findings.end(), document,
                       [](std::string_view d, const Finding& f) { return d < f.primary.document; });
  return {lower, upper};
}

void runChecks(const CheckContext& context, const Config& config, std::vector<Finding>& out) {
  // The checks only read the analysis: each runs on a core of its own, and their findings
  // are gathered in the order of the checks.
  const std::vector<CheckInfo>& checks = allChecks();
  std::vector<Severity> severities(checks.size());
  std::vector<std::vector<Finding>> founds(checks.size());
  parallelFor(checks.size(), 1, [&](size_t k) {
    const CheckInfo& check = checks[k];
    Severity severity = check.defaultSeverity;
    if (auto it = config.checks.find(std::string(check.code)); it != config.checks.end()) {
      severity = it->second;
    }
    severities[k] = severity;
    if (severity != Severity::Off) {
      check.run(context, founds[k]);
    }
  });
  for (size_t k = 0; k < checks.size(); ++k) {
    const Severity severity = severities[k];
    std::vector<Finding>& found = founds[k];
    out.reserve(out.size() + found.size());
    for (Finding& f : found) {
      auto doc = context.corpus.documents.find(f.primary.document);
      if (doc != context.corpus.documents.end() &&
          doc->second->doc.suppressed(f.code, f.primary.span.begin)) {
        continue;
      }
      f.severity = severity;
      out.push_back(std::move(f));
    }
  }
}

void sortFindings(std::vector<Finding>& findings) {
  // A stable sort of the findings themselves would move each one about log n times: sort
  // their numbers (the number breaks ties, keeping the sort stable), then move each once.
  std::vector<uint32_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const Finding& a = findings[i];
    const Finding& b = findings[j];
    if (a.primary.document != b.primary.document) {
      return a.primary.document < b.primary.document;
    }
    if (a.primary.span.begin != b.primary.span.begin) {
      return a.primary.span.begin < b.primary.span.begin;
    }
    if (a.code != b.code) {
      return a.code < b.code;
    }
    return i < j;
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const uint32_t i : order) {
    sorted.push_back(std::move(findings[i]));
  }
  findings = std::move(sorted);
}

Stopwatch Stopwatch::now() {
  timespec cpu{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
  const auto wall = std::chrono::steady_clock::now().time_since_epoch();
  return {std::chrono::duration<double>(wall).count(),
          static_cast<double>(cpu.tv_sec) + static_cast<double>(cpu.tv_nsec) * 1e-9};
}

StepTime Stopwatch::elapsed() const {
  const Stopwatch end = now();
  return {end.wall - wall, end.cpu - cpu};
}

Analysis analyze(const CorpusSnapshot& snapshot) {
  Analysis result;
  Stopwatch step = Stopwatch::now();
  // The dates' resolution passes do not read the name index, so they run beside it (on one
  // thread after it inside a SerialSection): each step's serial stretches leave a core to
  // the other, and only the claims wait for the names.
  std::optional<DateResolution> resolution;
  Stopwatch namesDone = step;
  parallelFor(2, 1, [&](size_t part) {
    if (part == 0) {
      result.names = buildNameIndex(snapshot);
      result.timings.names = step.elapsed();
      namesDone = Stopwatch::now();
    } else {
      resolution.emplace(snapshot);
    }
  });
  step = namesDone;
  result.dates = std::move(*resolution).finish(result.names);
  result.timings.dates = step.elapsed();
  step = Stopwatch::now();
  static const DateIndex kNoDates{};
  const CheckContext context{snapshot, result.names, result.dates ? *result.dates : kNoDates};
  runChecks(context, *snapshot.config, result.findings);
  sortFindings(result.findings);
  result.timings.checks = step.elapsed();
  return result;
}

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "info";
  case Severity::Hint:
    return "hint";
  case Severity::Off:
    return "off";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(std::string_view name) {
  if (name == "error") {
    return Severity::Error;
  }
  if (name == "warning" || name == "warn") {
    return Severity::Warning;
  }
  if (name == "info" || name == "information") {
    return Severity::Info;
  }
  if (name == "hint") {
    return Severity::Hint;
  }
  if (name == "off" || name == "none") {
    return Severity::Off;
  }
  return std::nullopt;
}

} // namespace newslint::analysis
