// `newslint timeline [PATH…] [--format text|json]`: the dated events of the corpus, with the
// claim of each source and whether the sources agree — the date record outside the editor.
#include <nlohmann/json.hpp>
#include <ostream>

#include "check.h"
#include "commands.h"
#include "corpus_args.h"
#include "newslint/analysis/timeline.h"

namespace newslint::cli {

namespace {

std::string timesOf(const analysis::DateIndex& index, const analysis::Claim& claim) {
  std::string out;
  for (uint32_t t : claim.times) {
    const analysis::ResolvedTime& time = index.times[t];
    if (!out.empty()) {
      out += ", ";
    }
    out += "`" + time.text + "`";
    if (time.resolution.resolved) {
      out += " = " + time.resolution.value;
    }
  }
  return out;
}

} // namespace

int runTimeline(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CorpusArgs parsed;
  if (auto code = parseCorpusArgs(
          args, "usage: newslint timeline [PATH...] [--format text|json] [--config FILE]\n",
          {"text", "json"}, parsed, out, err)) {
    return *code;
  }
  std::optional<LoadedCorpus> loaded = loadForCommand(parsed, err);
  if (!loaded) {
    return 2;
  }
  const std::string& format = parsed.format;
  const analysis::Analysis analysis = analysis::analyze(loaded->corpus.snapshot());
  if (!analysis.dates) {
    return 0;
  }
  const analysis::DateIndex& index = *analysis.dates;
  nlohmann::json events = nlohmann::json::array();
  for (const analysis::Event& event : index.events) {
    if (event.claims.size() < 2) {
      continue;
    }
    nlohmann::json claims = nlohmann::json::array();
    if (format == "text") {
      out << (event.conflicting ? "CONFLICT" : "agree") << ": event " << event.id << '\n';
    }
    for (uint32_t c : event.claims) {
      const analysis::Claim& claim = index.claims[c];
      if (format == "text") {
        out << "  " << claim.document << ": " << timesOf(index, claim) << "\n    "
            << claim.sentenceText << '\n';
      } else {
        nlohmann::json times = nlohmann::json::array();
        for (uint32_t t : claim.times) {
          const auto& time = index.times[t];
          times.push_back({{"text", time.text},
                           {"value", time.resolution.value},
                           {"inference", time.resolution.inference}});
        }
        claims.push_back({{"document", claim.document},
                          {"sentence", claim.sentenceText},
                          {"times", times},
                          {"participants", claim.participants}});
      }
    }
    if (format == "text") {
      for (uint32_t l : event.links) {
        const analysis::ClaimLink& link = index.links[l];
        out << "    " << (link.agree ? "agree" : "disagree") << ": "
            << index.claims[link.a].document << " / " << index.claims[link.b].document;
        if (!link.evidence.empty()) {
          out << " (";
          for (size_t i = 0; i < link.evidence.size(); ++i) {
            out << (i ? "; " : "") << link.evidence[i];
          }
          out << ')';
        }
        out << '\n';
      }
    } else {
      events.push_back({{"id", event.id}, {"conflicting", event.conflicting}, {"claims", claims}});
    }
  }
  if (format == "json") {
    out << events.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}

} // namespace newslint::cli
