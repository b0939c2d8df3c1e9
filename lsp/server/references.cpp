// References: every mention of the entity under the cursor, in every corpus document and
// in every spelling.
#include "newslint/lsp/features.h"

namespace newslint::lsp {

using nlohmann::json;

/// The entity hit at a position (or just before it, for a cursor at a name's end).
std::optional<analysis::EntityHit> entityHitAt(const FeatureContext& context, std::string_view id,
                                               Position position) {
  const auto offset = context.offset(id, position);
  if (!offset)
    return std::nullopt;
  const analysis::NameIndex& names = context.analysis().names;
  auto hit = names.entityAt(id, *offset);
  if (!hit && *offset > 0)
    hit = names.entityAt(id, *offset - 1);
  if (hit && hit->entity >= names.entities.size())
    return std::nullopt;
  return hit;
}

json references(const FeatureContext& context, std::string_view id, Position position) {
  json out = json::array();
  const auto hit = entityHitAt(context, id, position);
  if (!hit)
    return out;
  for (const auto& other : context.analysis().names.hits)
    if (other.entity == hit->entity && context.document(other.location.document))
      out.push_back(context.location(other.location));
  return out;
}

} // namespace newslint::lsp
