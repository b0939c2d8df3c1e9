// Fuzzes the engine on arbitrary bytes: parseDocument, extractMentions and extractDates on
// the whole input, then analyze() on a two-document corpus made of the input split at its
// first form feed (byte 0x0C), with the facts of both documents checked (without a form
// feed the first document is the whole input, so its facts stand for the step-by-step run).
// Byte 0 chooses the register: no publication dates, or dates for one or both documents,
// and whether the name checks are switched off. Every span the engine returns must lie
// inside its document's text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "newslint/analysis/corpus.h"
#include "newslint/analysis/dates.h"
#include "newslint/analysis/document.h"
#include "newslint/analysis/names.h"
#include "newslint/workspace/workspace.h"

namespace {

using namespace newslint::analysis;

void check(bool condition) {
  if (!condition)
    std::abort();
}

void checkSpan(const Span& span, const std::string& text) {
  check(span.begin <= span.end);
  check(span.end <= text.size());
}

const std::shared_ptr<const Lexicon>& lexicon() {
  static const std::shared_ptr<const Lexicon> instance = newslint::workspace::loadLexicon();
  return instance;
}

void checkDocument(const Document& doc) {
  checkSpan(Span{0, static_cast<uint32_t>(doc.text.size())}, doc.text);
  uint32_t previous = 0;
  for (const Token& token : doc.tokens) {
    checkSpan(token.span, doc.text);
    check(token.span.begin >= previous);
    previous = token.span.end;
  }
  for (const Sentence& sentence : doc.sentences) {
    checkSpan(sentence.span, doc.text);
    check(sentence.firstToken <= sentence.endToken);
    // A corpus's facts have released their tokens (extractFacts): only the span counts.
    check(doc.tokens.empty() || sentence.endToken <= doc.tokens.size());
  }
  for (uint32_t offset = 0; offset <= doc.text.size(); offset += 97) {
    (void)doc.sentenceAt(offset);
    const LinePos pos = doc.lines.position(offset);
    check(doc.lines.offset(pos.line, pos.column) <= doc.text.size());
  }
}

void checkFacts(const Document& doc, const std::vector<Mention>& mentions, const DateFacts& dates) {
  for (const Mention& mention : mentions) {
    checkSpan(mention.span, doc.text);
    for (const NamePart& part : mention.parts) {
      checkSpan(part.span, doc.text);
    }
    (void)mention.text(doc);
    (void)mention.key();
  }
  for (const TimeExpression& expression : dates.expressions)
    checkSpan(expression.span, doc.text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1)
    return 0;
  const uint8_t mode = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  // One document, step by step. Without a form feed the corpus below holds the whole text
  // as its first document, so its facts are checked there instead of extracting them twice.
  const size_t split = text.find('\f');
  if (split != std::string::npos) {
    const Document doc = parseDocument("fuzz.txt", text);
    checkDocument(doc);
    const std::vector<Mention> mentions = extractMentions(doc, *lexicon());
    const DateFacts dates = extractDates(doc);
    checkFacts(doc, mentions, dates);
  }

  // A two-document corpus through the whole engine.
  const std::string first = text.substr(0, split);
  const std::string second = split == std::string::npos ? std::string() : text.substr(split + 1);
  Config config;
  if (mode & 1)
    config.sources["a.txt"].published = CivilDate{2024, 12, 14};
  if (mode & 2)
    config.sources["b.txt"].published = CivilDate{2012, 2, 9};
  if (mode & 4)
    config.checks["name-variant"] = Severity::Off;
  if (mode & 8)
    config.distinct.emplace_back("Assad", "Asad");
  if (mode & 16)
    config.entities.push_back(EntityEntry{"Bouthaina Shaaban", {"Buthaina Shaaban"}, "", ""});
  Corpus corpus(lexicon());
  corpus.setConfig(config);
  corpus.upsert("a.txt", first);
  corpus.upsert("b.txt", second);
  for (const char* id : {"a.txt", "b.txt"}) {
    const DocumentFacts* facts = corpus.find(id);
    check(facts != nullptr);
    checkDocument(facts->doc);
    checkFacts(facts->doc, facts->mentions, facts->dates);
  }
  const CorpusSnapshot snapshot = corpus.snapshot();
  const Analysis result = analyze(snapshot);
  for (const Finding& finding : result.findings) {
    const DocumentFacts* facts = corpus.find(finding.primary.document);
    check(facts != nullptr);
    checkSpan(finding.primary.span, facts->doc.text);
    for (const auto& related : finding.related) {
      const DocumentFacts* other = corpus.find(related.location.document);
      check(other != nullptr);
      checkSpan(related.location.span, other->doc.text);
    }
    for (const auto& fix : finding.fixes)
      for (const auto& edit : fix.edits) {
        const DocumentFacts* target = corpus.find(edit.location.document);
        check(target != nullptr);
        checkSpan(edit.location.span, target->doc.text);
      }
  }
  for (const EntityHit& hit : result.names.hits) {
    const DocumentFacts* facts = corpus.find(hit.location.document);
    check(facts != nullptr);
    checkSpan(hit.location.span, facts->doc.text);
    (void)result.names.entityAt(hit.location.document, hit.location.span.begin);
  }
  return 0;
}
