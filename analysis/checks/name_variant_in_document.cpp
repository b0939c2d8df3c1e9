// name-variant-in-document: one article spells one name two ways.
#include "variant_finding.h"

namespace newslint::analysis {

void runNameVariantInDocument(const CheckContext& context, std::vector<Finding>& out) {
  for (const VariantUse& use : context.names.variants) {
    if (use.sameDocument) {
      out.push_back(variantFinding(use, "name-variant-in-document"));
    }
  }
}

} // namespace newslint::analysis
