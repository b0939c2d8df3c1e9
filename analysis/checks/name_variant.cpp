// name-variant: a name spelt one way here and another way by other sources.
#include <algorithm>
#include <iterator>

#include "newslint/analysis/parallel.h"
#include "variant_finding.h"

namespace newslint::analysis {

namespace {

// The first items (at most VariantUse::kListedDocuments) of a list of `total`.
std::string quoteList(const std::vector<std::string>& first, size_t total) {
  std::string out;
  for (size_t i = 0; i < first.size(); ++i) {
    out += (i == 0 ? "" : ", ") + first[i];
  }
  if (total > first.size()) {
    out += " and " + std::to_string(total - first.size()) + " more";
  }
  return out;
}

std::string sources(size_t n) {
  return std::to_string(n) + (n == 1 ? " source" : " sources");
}

} // namespace

Finding variantFinding(const VariantUse& use, std::string_view code) {
  Finding f;
  f.code = std::string(code);
  f.primary = use.location;
  f.flagged = use.spelling;
  if (use.fromRegister) {
    f.message = "`" + use.spelling + "`: the register's house spelling is `" + use.preferred +
                "` (" + use.preferredForm + ")";
  } else if (use.sameDocument) {
    f.message = "`" + use.spelling + "` is spelt `" + use.preferred +
                "` elsewhere in this article (" + use.preferredForm + ")";
    if (use.preferredDocumentCount > 1) {
      const size_t others = use.preferredDocumentCount - 1;
      f.message +=
          " and by " + std::to_string(others) + (others == 1 ? " other source" : " other sources");
    }
  } else {
    f.message = "`" + use.spelling + "` is spelt `" + use.preferred + "` by " +
                sources(use.preferredDocumentCount) + " (" +
                quoteList(use.preferredDocuments, use.preferredDocumentCount) + "); `" +
                use.spelling + "` by " + sources(use.spellingDocumentCount);
  }
  for (const Location& loc : use.preferredLocations) {
    f.related.push_back({loc, "spelt `" + use.preferred + "` here"});
  }
  f.evidence = use.evidence;

  Fix here;
  here.title = "Use `" + use.preferred + "` here";
  here.edits.push_back({use.location, use.preferred});
  here.preferred = true;
  f.fixes.push_back(std::move(here));

  // Every use of the spelling, when there are few enough to list in each finding (the name
  // index keeps them up to VariantUse::kMaxSameSpelling); past that the editor's rename
  // (which finds them itself) is the tool.
  if (use.sameSpellingCount > 1 && use.sameSpellingLocations.size() == use.sameSpellingCount) {
    Fix everywhere;
    everywhere.title = "Use `" + use.preferred + "` for every `" + use.spelling +
                       "` in the corpus (" + std::to_string(use.sameSpellingCount) + " places)";
    for (const Location& loc : use.sameSpellingLocations) {
      everywhere.edits.push_back({loc, use.preferred});
    }
    f.fixes.push_back(std::move(everywhere));
  }

  Fix accept;
  accept.title =
      "Accept `" + use.form + "` as a variant of `" + use.preferredForm + "` in newslint.json";
  accept.registerChange =
      RegisterChange{RegisterChange::Kind::AcceptVariant, use.preferredForm, use.form};
  f.fixes.push_back(std::move(accept));

  if (!use.fromRegister) {
    Fix house;
    house.title = "Make `" + use.form + "` the house spelling in newslint.json";
    house.registerChange =
        RegisterChange{RegisterChange::Kind::UseCanonical, use.form, use.preferredForm};
    f.fixes.push_back(std::move(house));
  }

  Fix distinct;
  distinct.title = "Record `" + use.form + "` and `" + use.preferredForm +
                   "` as different names in newslint.json";
  distinct.registerChange =
      RegisterChange{RegisterChange::Kind::MarkDistinct, use.form, use.preferredForm};
  f.fixes.push_back(std::move(distinct));

  f.data["entity"] = std::to_string(use.entity);
  f.data["spelling"] = use.spelling;
  f.data["preferred"] = use.preferred;
  return f;
}

void appendVariantFindings(const CheckContext& context, bool sameDocument, std::string_view code,
                           std::vector<Finding>& out) {
  const std::vector<VariantUse>& uses = context.names.variants;
  constexpr size_t kChunk = 2048;
  std::vector<std::vector<Finding>> chunks((uses.size() + kChunk - 1) / kChunk);
  parallelFor(chunks.size(), 1, [&](size_t c) {
    const size_t end = std::min(uses.size(), (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      if (uses[i].sameDocument == sameDocument) {
        chunks[c].push_back(variantFinding(uses[i], code));
      }
    }
  });
  size_t total = out.size();
  for (const auto& chunk : chunks) {
    total += chunk.size();
  }
  out.reserve(total);
  for (auto& chunk : chunks) {
    std::move(chunk.begin(), chunk.end(), std::back_inserter(out));
  }
}

void runNameVariant(const CheckContext& context, std::vector<Finding>& out) {
  appendVariantFindings(context, false, "name-variant", out);
}

} // namespace newslint::analysis
