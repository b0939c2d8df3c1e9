// Shared by the two name-variant checks: a VariantUse from the name index as a Finding.
#pragma once

#include "newslint/analysis/checks.h"

namespace newslint::analysis {

Finding variantFinding(const VariantUse& use, std::string_view code);

} // namespace newslint::analysis
