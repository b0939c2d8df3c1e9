// Reading the register (newslint.json) into analysis::Config. The reader never throws:
// a part of the wrong shape is reported at its key and ignored, the rest is kept, so one
// typo does not switch off every decision the desk has recorded.
#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <map>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "json_locations.h"
#include "newslint/analysis/checks.h"
#include "newslint/analysis/dates.h"
#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

namespace {

using analysis::Severity;
using nlohmann::json;

/// Where a value sits in the register, as a JSON pointer (for positions) and as the
/// dotted path users read in messages ("entities[2].variants[0]").
struct Path {
  std::string pointer;
  std::string display;

  [[nodiscard]] Path key(std::string_view name) const {
    Path out{pointer + "/" + detail::escapePointerToken(name), display};
    const bool plain =
        !name.empty() &&
        (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_' || name[0] == '$') &&
        std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '-';
        });
    if (plain) {
      out.display += (display.empty() ? "" : ".") + std::string(name);
    } else {
      out.display +=
          "[" + json(std::string(name)).dump(-1, ' ', false, json::error_handler_t::replace) + "]";
    }
    return out;
  }
  [[nodiscard]] Path index(size_t i) const {
    return {pointer + "/" + std::to_string(i), display + "[" + std::to_string(i) + "]"};
  }
  [[nodiscard]] std::string name() const { return display.empty() ? "the register" : display; }
};

std::string describe(const json& value) {
  switch (value.type()) {
  case json::value_t::null:
    return "null";
  case json::value_t::boolean:
    return "a boolean";
  case json::value_t::string:
    return "a string";
  case json::value_t::object:
    return "an object";
  case json::value_t::array:
    return "an array";
  case json::value_t::binary:
    return "binary data";
  case json::value_t::discarded:
    return "nothing";
  default:
    return "a number";
  }
}

std::string quote(std::string_view text) {
  return json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr std::array<std::pair<std::string_view, Severity>, 6> kSeverityNames = {{
    {"error", Severity::Error},
    {"warning", Severity::Warning},
    {"info", Severity::Info},
    {"information", Severity::Info},
    {"hint", Severity::Hint},
    {"off", Severity::Off},
}};

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// "; did you mean "x"?" when one candidate is close to `word`, else "".
template <typename Range> std::string suggestion(std::string_view word, const Range& candidates) {
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::string_view name(candidate);
    const bool prefix = word.size() >= 3 && name.substr(0, word.size()) == word;
    const size_t distance = prefix ? 1 : editDistance(word, name);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = std::string(candidate);
    }
  }
  return best.empty() ? std::string() : "; did you mean " + quote(best) + "?";
}

/// Problems beyond this many are dropped (with one last notice): a register pasted with
/// thousands of mistakes should not flood the editor.
constexpr size_t kMaxProblems = 500;

class ConfigReader {
public:
  ConfigReader(std::string_view text, const detail::JsonLocations& locations, LoadedConfig& out)
      : lines_(text), locations_(locations), out_(out) {}

  void read(const json& root) {
    const Path top;
    checkKeys(root, top, {"$schema", "documents", "sources", "entities", "distinct", "checks"});
    if (auto it = root.find("$schema"); it != root.end() && !it->is_string()) {
      wrongType(*it, top.key("$schema"), "a string (the schema's URL or path)");
    }
    if (auto it = root.find("documents"); it != root.end()) {
      readDocuments(*it, top.key("documents"));
    }
    if (auto it = root.find("sources"); it != root.end()) {
      readSources(*it, top.key("sources"));
    }
    if (auto it = root.find("entities"); it != root.end()) {
      readEntities(*it, top.key("entities"));
    }
    if (auto it = root.find("distinct"); it != root.end()) {
      readDistinct(*it, top.key("distinct"));
    }
    if (auto it = root.find("checks"); it != root.end()) {
      readChecks(*it, top.key("checks"));
    }
    for (const auto& duplicate : locations_.duplicates) {
      const auto previous = lines_.lineColumn(duplicate.previous);
      add(Severity::Warning, duplicate.offset,
          "duplicate key: this value replaces the one on line " +
              std::to_string(previous.first + 1));
    }
  }

private:
  /// Who owns a spelling among the entities read so far.
  struct Owner {
    size_t entity = 0;   ///< index into config.entities
    size_t position = 0; ///< index in the "entities" array
    bool canonical = false;
  };

  void add(Severity severity, size_t offset, std::string message) {
    if (out_.problems.size() > kMaxProblems) {
      return;
    }
    if (out_.problems.size() == kMaxProblems) {
      message = "too many problems; the rest are not reported";
      severity = Severity::Warning;
    }
    const auto [line, column] = lines_.lineColumn(offset);
    out_.problems.push_back({line, column, severity, std::move(message)});
  }

  /// The offset of the value's key (or of the value itself), falling back to its parents.
  [[nodiscard]] size_t offsetOf(const Path& path, bool atKey) const {
    std::string pointer = path.pointer;
    while (true) {
      if (atKey) {
        if (auto it = locations_.keys.find(pointer); it != locations_.keys.end()) {
          return it->second;
        }
      }
      if (auto it = locations_.values.find(pointer); it != locations_.values.end()) {
        return it->second;
      }
      if (pointer.empty()) {
        return 0;
      }
      pointer.erase(pointer.rfind('/'));
      atKey = true;
    }
  }

  void report(Severity severity, const Path& path, const std::string& message, bool atKey = true) {
    add(severity, offsetOf(path, atKey), path.name() + ": " + message);
  }

  void wrongType(const json& value, const Path& path, std::string_view expected) {
    report(Severity::Error, path,
           "expected " + std::string(expected) + ", found " + describe(value) + " (ignored)");
  }

  /// Warns about members of `object` not in `known`. False when `object` is no object.
  bool checkKeys(const json& object, const Path& path,
                 std::initializer_list<std::string_view> known) {
    if (!object.is_object()) {
      return false;
    }
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        report(Severity::Warning, path.key(key), "unknown key (ignored)" + suggestion(key, known));
      }
    }
    return true;
  }

  /// A string that must not be empty; nullopt (reported) otherwise.
  std::optional<std::string> readSpelling(const json& value, const Path& path,
                                          std::string_view what) {
    if (!value.is_string()) {
      wrongType(value, path, what);
      return std::nullopt;
    }
    std::string text = value.get<std::string>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      report(Severity::Error, path, "must not be empty (ignored)", false);
      return std::nullopt;
    }
    return text;
  }

  void readText(const json& object, const Path& path, std::string_view key, std::string& into) {
    if (auto it = object.find(key); it != object.end()) {
      if (it->is_string()) {
        into = it->get<std::string>();
      } else {
        wrongType(*it, path.key(key), "a string");
      }
    }
  }

  std::optional<std::vector<std::string>> readGlobs(const json& value, const Path& path) {
    if (!value.is_array()) {
      wrongType(value, path, "an array of glob strings");
      return std::nullopt;
    }
    std::vector<std::string> globs;
    for (size_t i = 0; i < value.size(); ++i) {
      const json& item = value[i];
      if (!item.is_string()) {
        wrongType(item, path.index(i), "a glob string");
        continue;
      }
      std::string glob = item.get<std::string>();
      if (auto error = globError(glob)) {
        report(Severity::Error, path.index(i), *error + " (ignored)", false);
        continue;
      }
      globs.push_back(std::move(glob));
    }
    return globs;
  }

  void readDocuments(const json& documents, const Path& path) {
    if (!checkKeys(documents, path, {"include", "exclude", "followLinksOutside"})) {
      wrongType(documents, path, "an object with \"include\" and \"exclude\" globs");
      return;
    }
    if (auto it = documents.find("include"); it != documents.end()) {
      if (auto globs = readGlobs(*it, path.key("include"))) {
        if (globs->empty()) {
          report(Severity::Warning, path.key("include"), "no pattern: no file is checked");
        }
        out_.config.include = std::move(*globs);
      }
    }
    if (auto it = documents.find("exclude"); it != documents.end()) {
      if (auto globs = readGlobs(*it, path.key("exclude"))) {
        out_.config.exclude = std::move(*globs);
      }
    }
    if (auto it = documents.find("followLinksOutside"); it != documents.end()) {
      if (it->is_boolean()) {
        out_.config.followLinksOutside = it->get<bool>();
      } else {
        wrongType(*it, path.key("followLinksOutside"), "true or false");
      }
    }
  }

  void readSources(const json& sources, const Path& path) {
    if (!sources.is_object()) {
      wrongType(sources, path, "an object mapping document ids to their metadata");
      return;
    }
    for (const auto& [id, meta] : sources.items()) {
      const Path here = path.key(id);
      if (id.empty()) {
        report(Severity::Error, here, "a document id must not be empty (ignored)");
        continue;
      }
      if (id.find('\\') != std::string::npos) {
        report(Severity::Warning, here, "document ids use '/' between folders, not '\\'");
      }
      if (!checkKeys(meta, here, {"published", "outlet", "language"})) {
        wrongType(meta, here, "an object with \"published\", \"outlet\" and \"language\"");
        continue;
      }
      analysis::SourceMeta source;
      if (auto it = meta.find("published"); it != meta.end()) {
        const Path at = here.key("published");
        if (!it->is_string()) {
          wrongType(*it, at, "a date string (YYYY-MM-DD)");
        } else if (auto date = parseIsoDate(it->get<std::string>())) {
          source.published = date;
        } else {
          report(Severity::Error, at,
                 quote(it->get<std::string>()) + " is not a valid date (expected YYYY-MM-DD)",
                 false);
        }
      }
      readText(meta, here, "outlet", source.outlet);
      readText(meta, here, "language", source.language);
      out_.config.sources[id] = std::move(source);
    }
  }

  [[nodiscard]] std::string entityName(const Owner& owner) const {
    return "entities[" + std::to_string(owner.position) + "] (" +
           quote(out_.config.entities[owner.entity].canonical) + ")";
  }

  [[nodiscard]] std::string ownership(const Owner& owner) const {
    return owner.canonical ? "the canonical spelling of " + entityName(owner)
                           : "a variant of " + entityName(owner);
  }

  void readEntities(const json& entities, const Path& path) {
    if (!entities.is_array()) {
      wrongType(entities, path, "an array of entity objects");
      return;
    }
    for (size_t i = 0; i < entities.size(); ++i) {
      const json& item = entities[i];
      const Path here = path.index(i);
      if (!checkKeys(item, here, {"canonical", "variants", "note", "decidedBy"})) {
        wrongType(item, here, "an entity object (\"canonical\", \"variants\")");
        continue;
      }
      auto canonicalIt = item.find("canonical");
      if (canonicalIt == item.end()) {
        report(Severity::Error, here, "missing \"canonical\" (entity ignored)", false);
        continue;
      }
      auto canonical = readSpelling(*canonicalIt, here.key("canonical"), "a name (string)");
      if (!canonical) {
        continue;
      }
      if (auto it = owners_.find(*canonical); it != owners_.end()) {
        report(Severity::Error, here.key("canonical"),
               quote(*canonical) + " is already " + ownership(it->second) + " (entity ignored)",
               false);
        continue;
      }
      analysis::EntityEntry entry;
      entry.canonical = *canonical;
      const size_t index = out_.config.entities.size();
      owners_[entry.canonical] = {index, i, true};
      out_.config.entities.push_back(entry); // so that messages below can name it

      std::vector<std::string> variants;
      if (auto it = item.find("variants"); it != item.end()) {
        const Path at = here.key("variants");
        if (!it->is_array()) {
          wrongType(*it, at, "an array of spellings");
        } else {
          for (size_t k = 0; k < it->size(); ++k) {
            const Path variantPath = at.index(k);
            auto variant = readSpelling((*it)[k], variantPath, "a spelling (string)");
            if (!variant) {
              continue;
            }
            auto owner = owners_.find(*variant);
            if (owner != owners_.end() && owner->second.entity == index) {
              report(Severity::Warning, variantPath,
                     quote(*variant) + (owner->second.canonical
                                            ? " is the canonical spelling itself"
                                            : " is listed twice"),
                     false);
              continue;
            }
            if (owner != owners_.end()) {
              report(Severity::Error, variantPath,
                     quote(*variant) + " is also " + ownership(owner->second) +
                         "; a spelling belongs to one entity (ignored here)",
                     false);
              continue;
            }
            owners_[*variant] = {index, i, false};
            variants.push_back(std::move(*variant));
          }
        }
      }
      auto& stored = out_.config.entities[index];
      stored.variants = std::move(variants);
      readText(item, here, "note", stored.note);
      readText(item, here, "decidedBy", stored.decidedBy);
    }
  }

  void readDistinct(const json& distinct, const Path& path) {
    if (!distinct.is_array()) {
      wrongType(distinct, path, "an array of pairs of spellings");
      return;
    }
    auto& pairs = out_.config.distinct;
    for (size_t i = 0; i < distinct.size(); ++i) {
      const json& group = distinct[i];
      const Path here = path.index(i);
      if (!group.is_array()) {
        wrongType(group, here, "an array of two or more spellings");
        continue;
      }
      std::vector<std::string> names;
      for (size_t k = 0; k < group.size(); ++k) {
        if (auto name = readSpelling(group[k], here.index(k), "a spelling (string)")) {
          names.push_back(std::move(*name));
        }
      }
      if (group.size() < 2) {
        report(Severity::Error, here, "a distinct group needs two or more spellings (ignored)",
               false);
        continue;
      }
      for (size_t a = 0; a < names.size(); ++a) {
        for (size_t b = a + 1; b < names.size(); ++b) {
          auto pair = std::minmax(names[a], names[b]);
          if (pair.first == pair.second) {
            report(Severity::Error, here,
                   quote(names[a]) + " cannot be distinct from itself (ignored)", false);
            continue;
          }
          auto first = owners_.find(pair.first);
          auto second = owners_.find(pair.second);
          if (first != owners_.end() && second != owners_.end() &&
              first->second.entity == second->second.entity) {
            report(Severity::Error, here,
                   quote(pair.first) + " and " + quote(pair.second) + " are both spellings of " +
                       entityName(first->second) +
                       "; remove the variant or this pair (pair ignored)",
                   false);
            continue;
          }
          std::pair<std::string, std::string> entry{pair.first, pair.second};
          if (std::find(pairs.begin(), pairs.end(), entry) == pairs.end()) {
            pairs.push_back(std::move(entry));
          }
        }
      }
    }
  }

  void readChecks(const json& checks, const Path& path) {
    if (!checks.is_object()) {
      wrongType(checks, path, "an object mapping check codes to severities");
      return;
    }
    std::vector<std::string_view> severityNames;
    severityNames.reserve(kSeverityNames.size());
    for (const auto& [name, severity] : kSeverityNames) {
      severityNames.push_back(name);
    }
    std::vector<std::string_view> codes;
    for (const auto& check : analysis::allChecks()) {
      codes.push_back(check.code);
    }
    for (const auto& [code, value] : checks.items()) {
      const Path here = path.key(code);
      if (analysis::findCheck(code) == nullptr) {
        report(Severity::Warning, here, "unknown check" + suggestion(code, codes));
      }
      if (!value.is_string()) {
        wrongType(value, here,
                  "a severity (\"error\", \"warning\", \"info\", \"hint\" or \"off\")");
        continue;
      }
      const auto name = value.get<std::string>();
      auto known = std::find_if(kSeverityNames.begin(), kSeverityNames.end(),
                                [&](const auto& entry) { return entry.first == name; });
      if (known == kSeverityNames.end()) {
        report(Severity::Error, here,
               "unknown severity " + quote(name) +
                   " (expected \"error\", \"warning\", \"info\", \"hint\" or \"off\")" +
                   suggestion(name, severityNames),
               false);
        continue;
      }
      out_.config.checks[code] = known->second;
    }
  }

  detail::LineStarts lines_;
  const detail::JsonLocations& locations_;
  LoadedConfig& out_;
  std::map<std::string, Owner> owners_;
};

/// The message of a parse error without nlohmann's "[json.exception...] at line, column"
/// preamble (the problem carries the position).
std::string parseErrorMessage(const json::parse_error& error) {
  std::string message = error.what();
  if (auto colon = message.find(": ");
      colon != std::string::npos && message.find("parse error") < colon) {
    message.erase(0, colon + 2);
  }
  return "malformed JSON: " + message;
}

} // namespace

std::optional<analysis::CivilDate> parseIsoDate(std::string_view text) {
  // The engine's reading of YYYY-MM-DD; a register date also needs a year from 1 on.
  std::optional<analysis::CivilDate> date = analysis::parseIsoDate(text);
  if (!date || date->year < 1) {
    return std::nullopt;
  }
  return date;
}

LoadedConfig parseConfig(std::string_view text) {
  LoadedConfig out;
  // An empty register (a file just created) is an empty object: all defaults.
  const std::string_view body = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.parsed = true;
    return out;
  }
  try {
    json root;
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
      // `byte` counts characters read, the offending one included; at the end of the
      // text it is one past the end.
      const size_t offset = error.byte == 0 ? 0 : std::min<size_t>(error.byte - 1, text.size());
      const auto [line, column] = detail::LineStarts(text).lineColumn(offset);
      out.problems.push_back({line, column, Severity::Error, parseErrorMessage(error)});
      return out;
    }
    if (!root.is_object()) {
      out.problems.push_back(
          {0, 0, Severity::Error, "the register must be a JSON object, not " + describe(root)});
      return out;
    }
    const detail::JsonLocations locations = detail::locateJson(text);
    ConfigReader(text, locations, out).read(root);
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const ConfigProblem& a, const ConfigProblem& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    out.parsed = true;
  } catch (const std::exception& error) {
    // Only resource exhaustion gets here; the caller keeps its last good register.
    out = LoadedConfig{};
    out.problems.push_back(
        {0, 0, Severity::Error, std::string("the register could not be read: ") + error.what()});
  }
  return out;
}

} // namespace newslint::workspace
