// Text: `file:line:col: severity: message [code]`, the shape editors' quickfix lists parse.
#include "reporters/reporter.h"

namespace newslint::cli {

void reportText(const ReportInput& input, std::ostream& out) {
  for (const analysis::Finding& f : input.findings) {
    const analysis::Document* doc = documentOf(input, f.primary.document);
    const Position pos =
        doc != nullptr ? positionOf(*doc, f.primary.span.begin, false) : Position{};
    out << displayPath(input, f.primary.document) << ':' << pos.line << ':' << pos.column << ": "
        << analysis::severityName(f.severity) << ": " << f.message << " [" << f.code << "]\n";
  }
}

} // namespace newslint::cli
