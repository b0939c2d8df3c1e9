// Inlay hints: the resolved date after a time expression that needed resolving (a weekday,
// `last week`, a date without its year): `on Thursday` → 2012-02-02. The tooltip says how
// it was resolved (the anchor and any inference).
#include "newslint/analysis/timeline.h"
#include "newslint/lsp/features.h"

namespace newslint::lsp {

nlohmann::json inlayHints(const FeatureContext& context, std::string_view id, Range range) {
  nlohmann::json out = nlohmann::json::array();
  const auto span = context.span(id, range);
  const auto& dates = context.analysis().dates;
  if (!span || !dates)
    return out;
  for (const analysis::ResolvedTime* time : dates->timesIn(id)) {
    const analysis::Resolution& r = time->resolution;
    if (!r.resolved || time->kind == analysis::TimeKind::Duration ||
        time->kind == analysis::TimeKind::Set || time->kind == analysis::TimeKind::Reference)
      continue;
    // Fully stated dates speak for themselves.
    const bool stated = time->statedYear > 0 && time->statedMonth > 0 && time->statedDay > 0;
    if (stated && !r.yearInferred && time->relation == analysis::Relation::None)
      continue;
    if (time->span.end < span->begin || time->span.end > span->end)
      continue;
    const std::string label = r.granularity == analysis::Granularity::Day
                                  ? analysis::formatDate(r.first)
                                  : analysis::describeInterval(r.interval, r.granularity);
    nlohmann::json hint = {{"position", context.range({std::string(id), time->span}).end},
                           {"label", "\u2192 " + label},
                           {"paddingLeft", true}};
    std::string tooltip = r.inference;
    if (tooltip.empty())
      if (const auto* anchor = dates->anchorOf(id); anchor && !anchor->how.empty())
        tooltip = "anchor: " + anchor->how;
    if (!tooltip.empty())
      hint["tooltip"] = tooltip;
    out.push_back(std::move(hint));
  }
  return out;
}

} // namespace newslint::lsp
