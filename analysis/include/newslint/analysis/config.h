// The corpus register (newslint.json) as plain data. Parsing lives in newslint_workspace;
// the engine only reads these structs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "newslint/analysis/finding.h"

namespace newslint::analysis {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

struct SourceMeta {
  std::optional<CivilDate> published;
  std::string outlet;
  std::string language;
};

struct EntityEntry {
  std::string canonical;
  std::vector<std::string> variants; ///< accepted spellings: never reported
  std::string note;
  std::string decidedBy;
};

struct Config {
  std::vector<std::string> include{"**/*.txt"};
  std::vector<std::string> exclude;
  /// Links to files that resolve outside the corpus folder are read (not only reported).
  bool followLinksOutside = false;
  std::map<std::string, SourceMeta> sources; ///< keyed by document id
  std::vector<EntityEntry> entities;
  std::vector<std::pair<std::string, std::string>> distinct;
  std::map<std::string, Severity> checks; ///< per-check severity override ("off" disables)
};

} // namespace newslint::analysis
