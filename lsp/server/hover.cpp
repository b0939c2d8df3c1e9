// Hover: the cross-source record of the entity under the cursor (each spelling, which
// sources use it and how often, a context line from each, the evidence for the merge, the
// register's decision), followed by the findings that cover the position (for dates: the
// resolved value, anchor and what the other sources say, as the date checks report them).
#include "newslint/analysis/timeline.h"
#include "newslint/lsp/features.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace newslint::lsp {

using nlohmann::json;

namespace {

constexpr size_t kMaxSourcesPerSpelling = 6;

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      out.push_back(' ');
      continue;
    }
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos)
      out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

/// Text shown as a code span: no escaping inside, but no backquote or line break either.
std::string codeSpan(std::string_view text) {
  std::string out = "`";
  for (const char c : text)
    out.push_back(c == '`' ? '\'' : (c == '\n' || c == '\r') ? ' ' : c);
  return out + "`";
}

/// Engine-written text (messages, evidence, inferences) marks quotes as `code spans`: keep
/// them, and escape Markdown only outside them.
std::string engineText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool inCode = false;
  for (const char c : text) {
    if (c == '`')
      inCode = !inCode;
    else if (c == '\n' || c == '\r') {
      out.push_back(' ');
      continue;
    } else if (!inCode && std::string_view("\\*_[]<>#|~").find(c) != std::string_view::npos)
      out.push_back('\\');
    out.push_back(c);
  }
  if (inCode)
    out.push_back('`'); // an unbalanced quote must not swallow what follows
  return out;
}

std::string entityRecord(const FeatureContext& context, const analysis::Entity& entity,
                         uint32_t here) {
  std::string out = "### " + escapeMarkdown(entity.name) + "\n\n";
  std::set<std::string> sources;
  for (const auto& spelling : entity.spellings)
    sources.insert(spelling.documents.begin(), spelling.documents.end());
  out += std::to_string(entity.spellings.size()) +
         (entity.spellings.size() == 1 ? " spelling" : " spellings") + " in " +
         std::to_string(sources.size()) + (sources.size() == 1 ? " source" : " sources") + "\n\n";
  for (size_t s = 0; s < entity.spellings.size(); ++s) {
    const analysis::SpellingRecord& spelling = entity.spellings[s];
    // Uses per source, in the order sources first appear; the first context line of each.
    std::vector<std::string> order;
    std::map<std::string, std::pair<size_t, std::string>> perSource;
    for (size_t m = 0; m < spelling.mentions.size(); ++m) {
      const std::string& doc = spelling.mentions[m].document;
      auto [it, inserted] = perSource.try_emplace(doc, 0, std::string());
      if (inserted) {
        order.push_back(doc);
        if (const analysis::DocumentFacts* facts = context.document(doc))
          it->second.second = analysis::mentionContext(facts->doc, spelling.mentions[m].span);
      }
      ++it->second.first;
    }
    out += "**" + escapeMarkdown(spelling.text) + "**";
    if (s == here)
      out += " (here)";
    // The first spelling is preferred by the register or by more sources; on a tie the
    // corpus prefers neither.
    const bool tie = entity.registerCanonical.empty() && entity.spellings.size() > 1 &&
                     entity.spellings[1].documents.size() == entity.spellings[0].documents.size() &&
                     entity.spellings[1].mentions.size() == entity.spellings[0].mentions.size();
    if (s == 0 && entity.spellings.size() > 1 && !tie)
      out += " (preferred)";
    out += " — " + std::to_string(spelling.mentions.size()) +
           (spelling.mentions.size() == 1 ? " use" : " uses") + "\n";
    for (size_t i = 0; i < order.size() && i < kMaxSourcesPerSpelling; ++i) {
      const auto& [count, line] = perSource[order[i]];
      out += "- `" + order[i] + "` ×" + std::to_string(count);
      if (!line.empty())
        out += ": " + escapeMarkdown(line);
      out += "\n";
    }
    if (order.size() > kMaxSourcesPerSpelling)
      out += "- … and " + std::to_string(order.size() - kMaxSourcesPerSpelling) + " more sources\n";
    out += "\n";
  }
  if (!entity.evidence.empty()) {
    out += "**Why one entity**\n";
    for (const auto& item : entity.evidence)
      out += "- " + engineText(item) + "\n";
    out += "\n";
  }
  if (!entity.registerCanonical.empty() || !entity.accepted.empty() ||
      !entity.registerNote.empty()) {
    out += "**Register**:";
    if (!entity.registerCanonical.empty())
      out += " canonical *" + escapeMarkdown(entity.registerCanonical) + "*";
    if (!entity.accepted.empty()) {
      out += "; accepted:";
      for (const auto& accepted : entity.accepted)
        out += " *" + escapeMarkdown(accepted) + "*";
    }
    if (!entity.registerNote.empty())
      out += " — " + escapeMarkdown(entity.registerNote);
    out += "\n\n";
  }
  return out;
}

/// The resolved value of a time expression, its anchor, and what other sources say about
/// the same event (agreeing or conflicting).
std::string dateRecord(const analysis::DateIndex& dates, const analysis::ResolvedTime& time) {
  std::string out = "### " + codeSpan(time.text) + "\n\n";
  const analysis::Resolution& r = time.resolution;
  if (r.resolved)
    out += "**" + escapeMarkdown(analysis::describeInterval(r.interval, r.granularity)) + "** (" +
           std::string(analysis::granularityName(r.granularity)) + ", `" + r.value + "`)\n\n";
  else
    out += "Not resolved to a date.\n\n";
  if (!r.inference.empty())
    out += "How: " + engineText(r.inference) + "\n\n";
  if (const auto* anchor = dates.anchorOf(time.document)) {
    if (anchor->published)
      out += "Published " + analysis::formatDate(*anchor->published) + " (" +
             engineText(anchor->how) + ")\n\n";
    else if (!anchor->how.empty())
      out += "No publication date: " + engineText(anchor->how) + "\n\n";
    if (anchor->year && !anchor->yearHow.empty())
      out += "Year " + std::to_string(*anchor->year) + ": " + engineText(anchor->yearHow) + "\n\n";
  }
  if (time.claim < 0 || static_cast<size_t>(time.claim) >= dates.claims.size())
    return out;
  const auto claimId = static_cast<uint32_t>(time.claim);
  const auto links = dates.linksOf(claimId);
  if (links.empty())
    return out;
  out += "**Other sources on this event**\n";
  for (const analysis::ClaimLink* link : links) {
    const uint32_t otherTime = link->a == claimId ? link->timeB : link->timeA;
    if (otherTime >= dates.times.size())
      continue;
    const analysis::ResolvedTime& other = dates.times[otherTime];
    out += std::string("- ") + (link->agree ? "agrees" : "**conflicts**") + ": `" + other.document +
           "` says " + codeSpan(other.text);
    if (other.resolution.resolved)
      out += " = " + escapeMarkdown(analysis::describeInterval(other.resolution.interval,
                                                               other.resolution.granularity));
    if (!link->agree && link->gapMinutes > 0)
      out += " (" + std::to_string(link->gapMinutes) + " min apart)";
    out += "\n";
    for (const auto& item : link->evidence)
      out += "  - " + engineText(item) + "\n";
  }
  return out + "\n";
}

std::string findingRecord(const FeatureContext& context, const analysis::Finding& finding) {
  // Appended piece by piece: `"literal" + std::string&&` trips GCC 12's -Wrestrict at -O3.
  std::string out = "**" + finding.code + "**: " + engineText(finding.message) + "\n";
  for (const auto& item : finding.evidence) {
    out += "- ";
    out += engineText(item);
    out += '\n';
  }
  for (const auto& related : finding.related) {
    const Range range = context.range(related.location);
    out += "- `";
    out += related.location.document;
    out += ':';
    out += std::to_string(range.start.line + 1);
    out += '`';
    if (!related.message.empty()) {
      out += ' ';
      out += engineText(related.message);
    }
    out += '\n';
  }
  return out + "\n";
}

/// The word (letters, digits, inner apostrophes and hyphens) around byte `offset`.
analysis::Span wordAt(std::string_view text, uint32_t offset) {
  auto inWord = [&](size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return c >= 0x80 || std::isalnum(c) != 0 || c == '\'' || c == '-';
  };
  size_t begin = std::min<size_t>(offset, text.size());
  size_t end = begin;
  while (begin > 0 && inWord(begin - 1))
    --begin;
  while (end < text.size() && inWord(end))
    ++end;
  while (begin < end && (text[begin] == '\'' || text[begin] == '-'))
    ++begin;
  while (end > begin && (text[end - 1] == '\'' || text[end - 1] == '-'))
    --end;
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

} // namespace

json hoverWhileIndexing(std::string_view text, Position position, PositionEncoding encoding,
                        bool markdown, size_t done, size_t total) {
  const LineIndex lines(text);
  const analysis::Span word = wordAt(text, lines.offset(text, position, encoding));
  if (word.size() == 0)
    return nullptr;
  const std::string_view quoted = text.substr(word.begin, word.size());
  std::string value = (markdown ? codeSpan(quoted) : std::string(quoted)) +
                      ": newslint is still reading the corpus";
  if (total > 0)
    value += " (" + std::to_string(done) + " of " + std::to_string(total) + " files)";
  value += ". What the other sources say about it is shown once every file is read.";
  return {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", value}}},
          {"range", lines.range(text, word, encoding)}};
}

json hover(const FeatureContext& context, std::string_view id, Position position) {
  const auto offset = context.offset(id, position);
  if (!offset)
    return nullptr;
  const analysis::Analysis& analysis = context.analysis();
  const auto hit = entityHitAt(context, id, position);
  std::string text;
  std::optional<analysis::Span> span;
  if (hit) {
    text += entityRecord(context, analysis.names.entities[hit->entity], hit->spelling);
    span = hit->location.span;
  }
  if (analysis.dates) {
    if (const auto* time = analysis.dates->timeAt(id, *offset); time) {
      if (!text.empty())
        text += "---\n\n";
      text += dateRecord(*analysis.dates, *time);
      if (!span)
        span = time->span;
    }
  }
  for (const auto& finding : analysis.findingsFor(id)) {
    const analysis::Span f = finding.primary.span;
    if (finding.severity == analysis::Severity::Off || *offset < f.begin || *offset > f.end)
      continue;
    if (text.empty() || text.back() != '\n')
      text += "\n";
    if (!text.empty())
      text += "---\n\n";
    text += findingRecord(context, finding);
    if (!span)
      span = f;
  }
  if (text.empty())
    return nullptr;
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  json result = {
      {"contents",
       {{"kind", context.client().markdownHover ? "markdown" : "plaintext"}, {"value", text}}}};
  if (span)
    result["range"] = context.range({std::string(id), *span});
  return result;
}

} // namespace newslint::lsp
