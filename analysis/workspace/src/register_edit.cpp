// Recording a decision in the register's text. The whole register is rewritten with
// sorted keys and a two-space indent, so that the same decisions always give the same
// bytes and version-control diffs show only what changed.
#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "json_locations.h"
#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

namespace {

using analysis::RegisterChange;
using nlohmann::json;

/// Registers deeper than this are not an edit target: the register's own shape needs four
/// levels, and serialising is recursive.
constexpr size_t kMaxEditableDepth = 64;

/// The array under `key`, created when missing; nullptr when the member has another type.
json* arrayMember(json& object, const char* key) {
  json& member = object[key];
  if (member.is_null()) {
    member = json::array();
  }
  return member.is_array() ? &member : nullptr;
}

bool hasSpelling(const json& entity, const std::string& spelling) {
  if (!entity.is_object()) {
    return false;
  }
  if (auto it = entity.find("canonical"); it != entity.end() && *it == spelling) {
    return true;
  }
  if (auto it = entity.find("variants"); it != entity.end() && it->is_array()) {
    return std::find(it->begin(), it->end(), spelling) != it->end();
  }
  return false;
}

/// Index of the first entity that spells a name `spelling`, or npos.
size_t findEntity(const json& entities, const std::string& spelling) {
  for (size_t i = 0; i < entities.size(); ++i) {
    if (hasSpelling(entities[i], spelling)) {
      return i;
    }
  }
  return std::string::npos;
}

/// Adds `spelling` to the entity's variants unless it already spells the entity.
bool addVariant(json& entity, const std::string& spelling) {
  if (hasSpelling(entity, spelling)) {
    return true;
  }
  json& variants = entity["variants"];
  if (variants.is_null()) {
    variants = json::array();
  }
  if (!variants.is_array()) {
    return false;
  }
  variants.push_back(spelling);
  return true;
}

/// Folds entity `from` into entity `into` (its spellings become variants) and removes it.
/// Returns the index `into` has afterwards.
std::optional<size_t> mergeEntities(json& entities, size_t into, size_t from) {
  json donor = entities[from];
  json& target = entities[into];
  if (auto it = donor.find("canonical"); it != donor.end() && it->is_string()) {
    if (!addVariant(target, it->get<std::string>())) {
      return std::nullopt;
    }
  }
  if (auto it = donor.find("variants"); it != donor.end() && it->is_array()) {
    for (const json& variant : *it) {
      if (variant.is_string() && !addVariant(target, variant.get<std::string>())) {
        return std::nullopt;
      }
    }
  }
  for (const char* key : {"note", "decidedBy"}) {
    if (!target.contains(key) && donor.contains(key)) {
      target[key] = donor[key];
    }
  }
  entities.erase(from);
  return from < into ? into - 1 : into;
}

/// Removes a two-spelling `distinct` entry naming exactly `a` and `b`: the decision just
/// recorded says they are one entity.
void dropDistinctPair(json& root, const std::string& a, const std::string& b) {
  auto it = root.find("distinct");
  if (it == root.end() || !it->is_array()) {
    return;
  }
  json& groups = *it;
  for (size_t i = groups.size(); i-- > 0;) {
    const json& group = groups[i];
    if (group.is_array() && group.size() == 2 &&
        ((group[0] == a && group[1] == b) || (group[0] == b && group[1] == a))) {
      groups.erase(i);
    }
  }
}

bool useCanonical(json& root, const std::string& canonical, const std::string& other) {
  json* entities = arrayMember(root, "entities");
  if (entities == nullptr) {
    return false;
  }
  size_t target = findEntity(*entities, other);
  const size_t ofCanonical = findEntity(*entities, canonical);
  if (target == std::string::npos && ofCanonical == std::string::npos) {
    // The house spelling alone: every other spelling of the entity stays reported.
    entities->push_back(json{{"canonical", canonical}, {"variants", json::array()}});
    dropDistinctPair(root, canonical, other);
    return true;
  }
  if (target == std::string::npos) {
    target = ofCanonical;
  } else if (ofCanonical != std::string::npos && ofCanonical != target) {
    auto merged = mergeEntities(*entities, target, ofCanonical);
    if (!merged) {
      return false;
    }
    target = *merged;
  }
  json& entity = (*entities)[target];
  entity["canonical"] = canonical;
  json& variants = entity["variants"];
  if (variants.is_null()) {
    variants = json::array();
  }
  if (!variants.is_array()) {
    return false;
  }
  for (size_t i = variants.size(); i-- > 0;) {
    if (variants[i] == canonical) {
      variants.erase(i);
    }
  }
  // The previous house spelling becomes an ordinary spelling: reported, not accepted.
  for (size_t i = variants.size(); i-- > 0;) {
    if (variants[i] == other) {
      variants.erase(i);
    }
  }
  dropDistinctPair(root, canonical, other);
  return true;
}

bool acceptVariant(json& root, const std::string& name, const std::string& variant) {
  json* entities = arrayMember(root, "entities");
  if (entities == nullptr) {
    return false;
  }
  size_t target = findEntity(*entities, name);
  const size_t ofVariant = findEntity(*entities, variant);
  bool ok = true;
  if (target == std::string::npos && ofVariant == std::string::npos) {
    json entity = {{"canonical", name}, {"variants", json::array()}};
    entity["variants"].push_back(variant);
    entities->push_back(std::move(entity));
  } else if (target == std::string::npos) {
    ok = addVariant((*entities)[ofVariant], name);
  } else {
    if (ofVariant != std::string::npos && ofVariant != target) {
      auto merged = mergeEntities(*entities, target, ofVariant);
      if (!merged) {
        return false;
      }
      target = *merged;
    }
    ok = addVariant((*entities)[target], variant);
  }
  if (ok) {
    dropDistinctPair(root, name, variant);
  }
  return ok;
}

bool markDistinct(json& root, const std::string& a, const std::string& b) {
  json* groups = arrayMember(root, "distinct");
  if (groups == nullptr) {
    return false;
  }
  for (const json& group : *groups) {
    if (group.is_array() && std::find(group.begin(), group.end(), a) != group.end() &&
        std::find(group.begin(), group.end(), b) != group.end()) {
      return true; // already recorded
    }
  }
  groups->push_back(json::array({std::min(a, b), std::max(a, b)}));
  return true;
}

bool setPublished(json& root, const std::string& document, const std::string& date) {
  if (!parseIsoDate(date)) {
    return false;
  }
  json& sources = root["sources"];
  if (sources.is_null()) {
    sources = json::object();
  }
  if (!sources.is_object()) {
    return false;
  }
  json& meta = sources[document];
  if (meta.is_null()) {
    meta = json::object();
  }
  if (!meta.is_object()) {
    return false;
  }
  meta["published"] = date;
  return true;
}

} // namespace

std::optional<std::string> tryApplyRegisterChange(std::string_view text,
                                                  const RegisterChange& change) {
  if (change.first.empty() || change.second.empty()) {
    return std::nullopt;
  }
  if (change.first == change.second && change.kind != RegisterChange::Kind::UseCanonical) {
    return std::nullopt;
  }
  try {
    json root = json::object();
    const std::string_view body = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    if (body.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      if (detail::locateJson(text).maxDepth > kMaxEditableDepth) {
        return std::nullopt;
      }
      root = json::parse(text.begin(), text.end());
      if (!root.is_object()) {
        return std::nullopt;
      }
    }
    bool applied = false;
    switch (change.kind) {
    case RegisterChange::Kind::UseCanonical:
      applied = useCanonical(root, change.first, change.second);
      break;
    case RegisterChange::Kind::AcceptVariant:
      applied = acceptVariant(root, change.first, change.second);
      break;
    case RegisterChange::Kind::MarkDistinct:
      applied = markDistinct(root, change.first, change.second);
      break;
    case RegisterChange::Kind::SetPublished:
      applied = setPublished(root, change.first, change.second);
      break;
    }
    if (!applied) {
      return std::nullopt;
    }
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  } catch (const std::exception&) {
    // Malformed JSON (parse_error) or resource exhaustion: the text stays as it is.
    return std::nullopt;
  }
}

std::string applyRegisterChange(std::string_view text, const RegisterChange& change) {
  if (auto edited = tryApplyRegisterChange(text, change)) {
    return std::move(*edited);
  }
  return std::string(text);
}

} // namespace newslint::workspace
