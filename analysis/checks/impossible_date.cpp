// impossible-date: a date or a time of day that cannot exist (February 30, 31 April, 25:10).
#include "newslint/analysis/checks.h"

namespace newslint::analysis {

void runImpossibleDate(const CheckContext& context, std::vector<Finding>& out) {
  for (const auto& [id, facts] : context.corpus.documents) {
    if (!facts) {
      continue;
    }
    for (const TimeExpression& e : facts->dates.expressions) {
      if (e.problem.empty()) {
        continue;
      }
      Finding f;
      f.code = "impossible-date";
      f.primary = Location{id, e.problemSpan.size() > 0 ? e.problemSpan : e.span};
      f.flagged = std::string(facts->doc.slice(f.primary.span)); // the text the span covers
      f.message = "`" + e.text + "` cannot exist: " + e.problem;
      f.evidence.push_back(e.problem);
      out.push_back(std::move(f));
    }
  }
}

} // namespace newslint::analysis
