// name-variant-in-document: one article spells one name two ways.
#include "variant_finding.h"

namespace newslint::analysis {

void runNameVariantInDocument(const CheckContext& context, std::vector<Finding>& out) {
  appendVariantFindings(context, true, "name-variant-in-document", out);
}

} // namespace newslint::analysis
