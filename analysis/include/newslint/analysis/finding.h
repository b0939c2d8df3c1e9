// The one model every output adapts: a Finding (diagnostic, hover record, SARIF result,
// CLI line). No check formats its own output.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "newslint/analysis/interned.h"
#include "newslint/analysis/text.h"

namespace newslint::analysis {

enum class Severity { Error, Warning, Info, Hint, Off };

std::string_view severityName(Severity severity);
std::optional<Severity> parseSeverity(std::string_view name);

/// A place in the corpus: a document id (its path relative to the corpus root) and a span.
struct Location {
  InternedString document; ///< document id (kept once per distinct id: locations repeat it)
  Span span;
  friend bool operator==(const Location&, const Location&) = default;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

struct TextEdit {
  Location location;
  std::string replacement;
};

/// A decision to record in the corpus register (newslint.json). The edit of the file
/// itself is made by the adapter that owns the register's text (server or CLI).
struct RegisterChange {
  enum class Kind { UseCanonical, AcceptVariant, MarkDistinct, SetPublished };
  Kind kind = Kind::UseCanonical;
  std::string first;  ///< canonical spelling, or the first of a distinct pair, or a source id
  std::string second; ///< the other spelling, or the date (YYYY-MM-DD)
};

struct Fix {
  std::string title;
  std::vector<TextEdit> edits;
  std::optional<RegisterChange> registerChange;
  bool preferred = false;
};

struct Finding {
  std::string code;
  Severity severity = Severity::Warning;
  Location primary;
  std::string flagged; ///< the text the primary span covers
  std::string message;
  std::vector<RelatedLocation> related;
  std::vector<std::string> evidence; ///< why the tool believes what it reports
  std::vector<Fix> fixes;
  std::map<std::string, std::string> data; ///< small facts adapters may need
};

} // namespace newslint::analysis
