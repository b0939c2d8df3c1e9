// GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message`.
#include "reporters/reporter.h"

namespace newslint::cli {

namespace {
std::string escapeData(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out.push_back(c);
    }
  }
  return out;
}

std::string escapeProperty(std::string_view s) {
  std::string out;
  for (const char c : escapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}
} // namespace

void reportGithub(const ReportInput& input, std::ostream& out) {
  for (const analysis::Finding& f : input.findings) {
    const analysis::Document* doc = documentOf(input, f.primary.document);
    const Position start = doc ? positionOf(*doc, f.primary.span.begin, true) : Position{};
    const Position end = doc ? positionOf(*doc, f.primary.span.end, true) : Position{};
    const char* level = f.severity == analysis::Severity::Error     ? "error"
                        : f.severity == analysis::Severity::Warning ? "warning"
                                                                    : "notice";
    out << "::" << level << " file=" << escapeProperty(displayPath(input, f.primary.document))
        << ",line=" << start.line << ",col=" << start.column << ",endLine=" << end.line
        << ",endColumn=" << end.column << ",title=" << escapeProperty("newslint " + f.code)
        << "::" << escapeData(f.message) << '\n';
  }
}

} // namespace newslint::cli
