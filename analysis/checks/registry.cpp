// The check registry: one line per check.
#include "newslint/analysis/checks.h"

#include <algorithm>

namespace newslint::analysis {

void runNameVariant(const CheckContext& context, std::vector<Finding>& out);
void runNameVariantInDocument(const CheckContext& context, std::vector<Finding>& out);

const std::vector<CheckInfo>& allChecks() {
  static const std::vector<CheckInfo> kChecks = {
      {"name-variant", "another source spells this name differently", Severity::Warning,
       &runNameVariant},
      {"name-variant-in-document", "this article spells one name two ways", Severity::Warning,
       &runNameVariantInDocument},
      {"weekday-mismatch", "a weekday that does not match its date", Severity::Warning,
       &runWeekdayMismatch},
      {"impossible-date", "a date or time of day that cannot exist", Severity::Error,
       &runImpossibleDate},
      {"date-conflict", "another source dates the same event differently", Severity::Warning,
       &runDateConflict},
  };
  return kChecks;
}

const CheckInfo* findCheck(std::string_view code) {
  const auto& checks = allChecks();
  auto it = std::find_if(checks.begin(), checks.end(),
                         [&](const CheckInfo& c) { return c.code == code; });
  return it == checks.end() ? nullptr : &*it;
}

} // namespace newslint::analysis
