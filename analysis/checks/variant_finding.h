// Shared by the two name-variant checks: a VariantUse from the name index as a Finding.
#pragma once

#include "newslint/analysis/checks.h"

namespace newslint::analysis {

Finding variantFinding(const VariantUse& use, std::string_view code);

/// The findings of the variant uses whose `sameDocument` is `sameDocument`, in their order,
/// appended to `out`. A large corpus has hundreds of thousands of uses: they are made on
/// every core.
void appendVariantFindings(const CheckContext& context, bool sameDocument, std::string_view code,
                           std::vector<Finding>& out);

} // namespace newslint::analysis
