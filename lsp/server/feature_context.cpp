// FeatureContext: one analysed state of the corpus, with the position conversions the
// features need (through LineIndex, the one conversion point).
#include "newslint/lsp/features.h"

namespace newslint::lsp {

FeatureContext::FeatureContext(std::shared_ptr<const analysis::CorpusSnapshot> corpus,
                               std::shared_ptr<const analysis::Analysis> analysis,
                               std::function<std::string(std::string_view)> uriOf,
                               ClientCapabilities client)
    : corpus_(corpus ? std::move(corpus) : std::make_shared<const analysis::CorpusSnapshot>()),
      analysis_(analysis ? std::move(analysis) : std::make_shared<const analysis::Analysis>()),
      uriOf_(std::move(uriOf)), client_(client) {}

const analysis::DocumentFacts* FeatureContext::document(std::string_view id) const {
  const auto it = corpus_->documents.find(id);
  return it == corpus_->documents.end() ? nullptr : it->second.get();
}

const LineIndex& FeatureContext::lines(std::string_view id) const {
  auto it = lineCache_.find(id);
  if (it == lineCache_.end()) {
    const auto* doc = document(id);
    it = lineCache_.emplace(std::string(id), doc ? LineIndex(doc->doc.text) : LineIndex()).first;
  }
  return it->second;
}

Range FeatureContext::range(const analysis::Location& location) const {
  const auto* doc = document(location.document);
  if (!doc)
    return {};
  return lines(location.document).range(doc->doc.text, location.span, encoding());
}

nlohmann::json FeatureContext::location(const analysis::Location& location) const {
  return nlohmann::json{{"uri", uri(location.document)}, {"range", range(location)}};
}

std::optional<uint32_t> FeatureContext::offset(std::string_view id, Position position) const {
  const auto* doc = document(id);
  if (!doc)
    return std::nullopt;
  return lines(id).offset(doc->doc.text, position, encoding());
}

std::optional<analysis::Span> FeatureContext::span(std::string_view id, Range range) const {
  const auto* doc = document(id);
  if (!doc)
    return std::nullopt;
  return lines(id).span(doc->doc.text, range, encoding());
}

} // namespace newslint::lsp
