// Inlay hints: the resolved date after a relative time expression (`on Thursday` →
// 2012-02-02). The hints come from the corpus DateIndex; while it exposes no resolved
// expressions, the list is empty.
#include "newslint/analysis/timeline.h"
#include "newslint/lsp/features.h"

namespace newslint::lsp {

nlohmann::json inlayHints(const FeatureContext& context, std::string_view id, Range range) {
  nlohmann::json out = nlohmann::json::array();
  if (!context.document(id) || !context.span(id, range) || !context.analysis().dates)
    return out;
  // FIXME(dates): DateIndex carries no resolved expressions yet; read them here as
  // { position after the expression, "→ YYYY-MM-DD", tooltip with the anchor } once it does.
  return out;
}

} // namespace newslint::lsp
