// RecheckIndex: the findings of one edited document, computed over the part of the corpus
// that can change them, equal those of a full analysis of the edited corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <span>
#include <sstream>

#include "../support/corpus_fixture.h"
#include "name_scope.h"
#include "newslint/analysis/recheck.h"
#include "newslint/workspace/workspace.h"

namespace newslint {
namespace {

using analysis::Analysis;
using analysis::Corpus;
using analysis::CorpusSnapshot;
using analysis::DocumentFacts;
using analysis::Finding;
using analysis::RecheckIndex;

std::string describe(std::span<const Finding> findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << f.code << " " << f.primary.span.begin << "-" << f.primary.span.end << " `" << f.flagged
        << "` " << f.message;
    for (const auto& r : f.related) {
      out << " | " << r.location.document << ":" << r.location.span.begin;
    }
    out << "\n";
  }
  return out.str();
}

/// A snapshot of `corpus`, its full analysis, and the re-check index built from them.
struct Indexed {
  explicit Indexed(const Corpus& corpus)
      : base(std::make_shared<const CorpusSnapshot>(corpus.snapshot())),
        analysis(std::make_shared<const Analysis>(analysis::analyze(*base))),
        index(base, analysis) {}
  std::shared_ptr<const CorpusSnapshot> base;
  std::shared_ptr<const Analysis> analysis;
  RecheckIndex index;
};

/// What a full analysis of `base` with `replaced` documents reports in `id`, described.
std::string
fullFindings(const CorpusSnapshot& base,
             const std::map<std::string, std::shared_ptr<const DocumentFacts>>& replaced,
             const std::string& id) {
  CorpusSnapshot after = base;
  for (const auto& [name, facts] : replaced) {
    after.documents[name] = facts;
  }
  return describe(analysis::analyze(after).findingsFor(id));
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string replaceFirst(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

/// The offset just past the `n`th line break of `text` (its end when there are fewer).
size_t afterLine(const std::string& text, int n) {
  size_t at = 0;
  for (int i = 0; i < n && at < text.size(); ++i) {
    const size_t next = text.find('\n', at);
    at = next == std::string::npos ? text.size() : next + 1;
  }
  return at;
}

struct Edit {
  std::string name;
  std::string (*apply)(const std::string&);
};

const std::vector<Edit>& edits() {
  static const std::vector<Edit> kEdits = {
      {"unchanged", [](const std::string& t) { return t; }},
      {"typed at the start", [](const std::string& t) { return "X" + t; }},
      {"typed inside a sentence",
       [](const std::string& t) {
         std::string out = t;
         const size_t at = out.find(" the ");
         return at == std::string::npos ? out : out.insert(at + 1, "very ");
       }},
      {"line broken before the end",
       [](const std::string& t) {
         std::string out = t;
         const size_t at = out.rfind(". ");
         return at == std::string::npos ? out : out.insert(at + 1, "\n");
       }},
      {"name checks silenced",
       [](const std::string& t) { return t + "\nnewslint-disable-file name-variant\n"; }},
      {"sentence appended",
       [](const std::string& t) {
         return t + "\nThe minister, Bouthaina Shabaan, spoke to reporters on Monday.\n";
       }},
      {"one spelling changed", [](const std::string& t) { return replaceAll(t, "Zein", "Zane"); }},
      {"other spelling changed",
       [](const std::string& t) { return replaceAll(t, "Shaaban", "Shabaan"); }},
      {"one use respelled", [](const std::string& t) { return replaceFirst(t, "Assad", "Asad"); }},
      {"a line deleted in the middle",
       [](const std::string& t) {
         std::string out = t;
         const size_t from = afterLine(out, 2);
         return out.erase(from, afterLine(out, 3) - from);
       }},
      {"a line with names put in the middle",
       [](const std::string& t) {
         std::string out = t;
         return out.insert(afterLine(out, 3),
                           "Officials said Bouthaina Shabaan met Sergei Lavrov on Monday.\n");
       }},
      {"first half deleted", [](const std::string& t) { return t.substr(t.size() / 2); }},
      {"emptied", [](const std::string&) { return std::string(); }},
  };
  return kEdits;
}

class RecheckSeedTest : public ::testing::TestWithParam<bool> {};

TEST_P(RecheckSeedTest, EqualsFullAnalysisOfTheEditedCorpus) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), GetParam());
  const Indexed indexed(corpus);
  ASSERT_FALSE(indexed.analysis->findings.empty());
  size_t editsThatChangeFindings = 0;
  for (const auto& [id, facts] : indexed.base->documents) {
    const std::string before = describe(indexed.analysis->findingsFor(id));
    for (const Edit& edit : edits()) {
      const auto edited = analysis::extractFacts(id, edit.apply(facts->doc.text), corpus.lexicon());
      const std::string expected = fullFindings(*indexed.base, {{id, edited}}, id);
      EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << id << ": " << edit.name;
      editsThatChangeFindings += expected != before ? 1 : 0;
    }
  }
  // The edits are worth comparing: many of them change what the document reports.
  EXPECT_GT(editsThatChangeFindings, indexed.base->documents.size());
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutRegister, RecheckSeedTest, ::testing::Bool());

TEST(Recheck, PreparedDocumentsGetTheSameFindings) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed cold(corpus);
  const Indexed prepared(corpus);
  for (const auto& [id, facts] : prepared.base->documents) {
    prepared.index.prepare(facts);
  }
  for (const auto& [id, facts] : prepared.base->documents) {
    for (const Edit& edit : edits()) {
      const auto edited = analysis::extractFacts(id, edit.apply(facts->doc.text), corpus.lexicon());
      EXPECT_EQ(describe(prepared.index.recheck(edited, {})),
                describe(cold.index.recheck(edited, {})))
          << id << ": " << edit.name;
    }
  }
}

TEST(Recheck, EditsThatLeaveTheNamesAloneKeepTheAnalysisNames) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  for (const auto& [id, facts] : indexed.base->documents) {
    const std::string& text = facts->doc.text;
    const auto check = [&, &docId = id](const std::string& editedText, bool keeps,
                                        const char* what) {
      const auto edited = analysis::extractFacts(docId, editedText, corpus.lexicon());
      EXPECT_EQ(indexed.index.keepsAnalysisNames(*edited, {}), keeps) << docId << ": " << what;
      EXPECT_EQ(describe(indexed.index.recheck(edited, {})),
                fullFindings(*indexed.base, {{docId, edited}}, docId))
          << docId << ": " << what;
    };
    const size_t word = text.find(" the ");
    ASSERT_NE(word, std::string::npos) << id;
    std::string typed = text;
    typed.insert(word + 1, "very ");
    check(typed, true, "a word typed");
    check(text, true, "unchanged");
    // A suppression that was not there changes what is reported: not kept.
    check(text + "\nnewslint-disable-file name-variant\n", false, "checks silenced");
    // Another document changed since the analysis: not kept.
    const auto other =
        std::find_if(indexed.base->documents.begin(), indexed.base->documents.end(),
                     [&, &docId = id](const auto& entry) { return entry.first != docId; });
    const auto otherEdited = analysis::extractFacts(
        other->first, replaceAll(other->second->doc.text, "Shaaban", "Shabaan"), corpus.lexicon());
    const auto edited = analysis::extractFacts(id, typed, corpus.lexicon());
    EXPECT_FALSE(indexed.index.keepsAnalysisNames(*edited, {{other->first, otherEdited}})) << id;
    EXPECT_EQ(describe(indexed.index.recheck(edited, {{other->first, otherEdited}})),
              fullFindings(*indexed.base, {{id, edited}, {other->first, otherEdited}}, id))
        << id << ": another document changed";
  }
  // A respelled name is judged again.
  const std::string id = "004_7ae6212592d33cc9.txt";
  const auto respelled = analysis::extractFacts(
      id, replaceAll(indexed.base->documents.at(id)->doc.text, "Shaaban", "Shabaan"),
      corpus.lexicon());
  EXPECT_FALSE(indexed.index.keepsAnalysisNames(*respelled, {}));
}

TEST(Recheck, EditsOfSomeSentencesKeepTheAnalysisNamesOfTheOthers) {
  // A name respelled in one sentence, a line deleted, a line of names put in: the names of
  // the other sentences are the analysis's, those of the changed ones are judged again, and
  // together they give the full analysis's findings.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  size_t kept = 0;
  size_t checked = 0;
  for (const auto& [id, facts] : indexed.base->documents) {
    const std::string& text = facts->doc.text;
    const auto check = [&, &docId = id](const std::string& editedText, const char* what) {
      const auto edited = analysis::extractFacts(docId, editedText, corpus.lexicon());
      RecheckIndex::NamesFrom from{};
      EXPECT_EQ(describe(indexed.index.recheck(edited, {}, &from)),
                fullFindings(*indexed.base, {{docId, edited}}, docId))
          << docId << ": " << what;
      // The analysis's names of the sentences the edit left (all of them when the edit
      // reached no name).
      EXPECT_TRUE(from == RecheckIndex::NamesFrom::AnalysisAndScope ||
                  from == RecheckIndex::NamesFrom::Analysis)
          << docId << ": " << what << ": " << static_cast<int>(from);
      ++checked;
      kept += from == RecheckIndex::NamesFrom::AnalysisAndScope ? 1 : 0;
    };
    for (const Edit& edit : edits()) {
      if (edit.name == "one use respelled" || edit.name == "a line deleted in the middle") {
        check(edit.apply(text), edit.name.c_str());
      }
    }
    check(replaceFirst(text, ". ", ". Sergei Lavrov and Bouthaina Shabaan agreed. "),
          "a sentence of names put in");
  }
  // Nearly all of them change names (a deleted line may hold none).
  EXPECT_GE(kept + 1, checked) << kept << " of " << checked;
  // Another document changed since the analysis: every name is judged again.
  const std::string id = "004_7ae6212592d33cc9.txt";
  const auto& text = indexed.base->documents.at(id)->doc.text;
  const auto edited =
      analysis::extractFacts(id, replaceFirst(text, "Assad", "Asad"), corpus.lexicon());
  const std::string other = "002_bf82ed2b7bc21197.txt";
  const auto otherEdited = analysis::extractFacts(
      other, replaceAll(indexed.base->documents.at(other)->doc.text, "Shaaban", "Shabaan"),
      corpus.lexicon());
  RecheckIndex::NamesFrom from{};
  EXPECT_EQ(describe(indexed.index.recheck(edited, {{other, otherEdited}}, &from)),
            fullFindings(*indexed.base, {{id, edited}, {other, otherEdited}}, id));
  EXPECT_EQ(from, RecheckIndex::NamesFrom::Scope);
}

TEST(Recheck, ANewDocumentIsCheckedAgainstTheCorpus) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  const std::string text = "Damascus\n\nSyrian presidential adviser Bouthaina Shabaan said on "
                           "Sunday that the talks would go on. Shabaan spoke in Damascus.\n";
  const auto edited = analysis::extractFacts("new.txt", text, corpus.lexicon());
  const std::vector<Finding> got = indexed.index.recheck(edited, {});
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front().code, "name-variant");
  EXPECT_EQ(describe(got), fullFindings(*indexed.base, {{"new.txt", edited}}, "new.txt"));
}

TEST(Recheck, OtherChangedDocumentsTakePart) {
  // Two documents edited since the snapshot: the second sees the first's new text.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  const std::string a = "Ambassador Yevgeni Karpenkov met the delegation in Vienna. "
                        "Karpenkov, 61, said the talks had been useful.\n";
  const std::string b = "Ambassador Yevgeny Karpenkov met the delegation in Vienna. "
                        "Yevgeny Karpenkov, 61, said little else.\n"
                        "Ambassador Yevgeny Karpenkov left on Friday.\n";
  const auto factsA = analysis::extractFacts("a.txt", a, corpus.lexicon());
  const auto factsB = analysis::extractFacts("b.txt", b, corpus.lexicon());
  const std::string got = describe(indexed.index.recheck(factsA, {{"b.txt", factsB}}));
  EXPECT_EQ(got, fullFindings(*indexed.base, {{"a.txt", factsA}, {"b.txt", factsB}}, "a.txt"));
  EXPECT_NE(got.find("Yevgeni"), std::string::npos) << got;
}

TEST(Recheck, ASpellingNewToTheCorpusCountsTheOtherSpellingsUsesElsewhere) {
  // The corpus knows one spelling; the new document brings another and uses both: the
  // preferred one's uses in the other source must count.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  corpus.upsert("b.txt", "Envoy Volodymyr Karpenkovych, 58, arrived in Vienna on Monday. "
                         "Volodymyr Karpenkovych met the delegation.\n");
  const Indexed indexed(corpus);
  const std::string text = "Trade envoy Wolodymyr Karpenkovych, 58, arrived in Vienna. "
                           "The envoy, Volodymyr Karpenkovych, 58, met the delegation. "
                           "Volodymyr Karpenkovych said the talks would go on.\n";
  const auto edited = analysis::extractFacts("new.txt", text, corpus.lexicon());
  const std::string expected = fullFindings(*indexed.base, {{"new.txt", edited}}, "new.txt");
  ASSERT_FALSE(expected.empty()) << "the full analysis pairs the two first names";
  EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected);
}

TEST(Recheck, TypingOutsideNamesKeepsFindingsInStepWithTheText) {
  // Successive edits of one document that leave its names alone reuse the last re-check's
  // name index, moved with the edit; each result must still equal a full analysis.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  const std::string id = "004_7ae6212592d33cc9.txt";
  std::string text = indexed.base->documents.at(id)->doc.text;
  const size_t at = text.find(" the ");
  ASSERT_NE(at, std::string::npos);
  size_t typedSoFar = 0;
  for (const std::string typed : {"v", "e", "r", "y", " ", "\n"}) {
    text.insert(at + 5 + typedSoFar, typed);
    const auto edited = analysis::extractFacts(id, text, corpus.lexicon());
    const std::string expected = fullFindings(*indexed.base, {{id, edited}}, id);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << "after typing " << typed;
    ++typedSoFar;
  }
}

TEST(Recheck, ANameRespelledInADatedSentenceKeepsItsConflictWithAnotherSource) {
  // "Mohammed Jalali" respelled in the sentence of the call dated 10:30 pm leaves the call
  // as the other source's 9:30 p.m. was compared with: the conflict stays, quoting the new
  // sentence. Every letter change of every name part in the sentence of each such conflict
  // is re-checked and compared with a full analysis. A re-check reads no other source's
  // claims: when the edit changed the sentence's claim ("Assad" respelled "Aesad", a new
  // word among its participants) it drops the conflict, which the full analysis may keep;
  // it never keeps one the full analysis drops.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  size_t edited = 0;
  size_t conflictsKept = 0;
  for (const Finding& conflict : indexed.analysis->findings) {
    if (conflict.code != "date-conflict" ||
        conflict.related.front().location.document == conflict.primary.document) {
      continue;
    }
    const std::string& id = conflict.primary.document;
    const DocumentFacts& facts = *indexed.base->documents.at(id);
    const uint32_t sentence = facts.doc.sentenceAt(conflict.primary.span.begin);
    for (const analysis::Mention& m : facts.mentions) {
      for (const analysis::NamePart& part : m.parts) {
        if (m.sentence != sentence || part.span.size() < 4) {
          continue;
        }
        for (const uint32_t at : {part.span.begin + 1, part.span.begin + 2}) {
          std::string text = facts.doc.text;
          if (text[at] < 'a' || text[at] > 'z') {
            continue;
          }
          text[at] = text[at] == 'e' ? 'a' : 'e';
          const auto after = analysis::extractFacts(id, text, corpus.lexicon());
          const std::vector<Finding> quick = indexed.index.recheck(after, {});
          CorpusSnapshot whole = *indexed.base;
          whole.documents[id] = after;
          const Analysis again = analysis::analyze(whole);
          const std::span<const Finding> all = again.findingsFor(id);
          std::vector<Finding> full(all.begin(), all.end());
          const bool keptByQuick = std::any_of(quick.begin(), quick.end(), [&](const Finding& f) {
            return f.code == "date-conflict" && f.primary.span == conflict.primary.span;
          });
          if (!keptByQuick) {
            std::erase_if(full, [&](const Finding& f) {
              return f.code == "date-conflict" && f.primary.span == conflict.primary.span;
            });
          }
          EXPECT_EQ(describe(quick), describe(full))
              << id << ": " << facts.doc.slice(part.span) << " respelled at " << at;
          ++edited;
          // The kept conflict quotes the sentence as the full analysis does (the new text).
          const auto here = [&](const std::vector<Finding>& findings) {
            for (const Finding& f : findings) {
              if (f.code == "date-conflict" && f.primary.span == conflict.primary.span) {
                for (const std::string& e : f.evidence) {
                  if (e.starts_with("here: ")) {
                    return e;
                  }
                }
              }
            }
            return std::string();
          };
          if (keptByQuick) {
            ++conflictsKept;
            EXPECT_EQ(here(quick), here(full)) << "the evidence quotes the sentence as it was";
          }
        }
      }
    }
  }
  EXPECT_GT(edited, 4U);
  EXPECT_GT(conflictsKept, 2U);
}

TEST(Recheck, PairsOfFormsNoEditUsesKeepTheAnalysisDecisions) {
  // Names from small pools with variants of first names and surnames, so that a part is
  // used in many forms and a respelled surname brings pairs of forms the edit left alone
  // into the scope: those keep the analysis's decisions, and the re-check must still equal
  // the full analysis (and the re-check that judges every pair).
  const std::vector<std::string> firsts = {"Zbigniewa", "Zbygniewa", "Mirosława", "Miroslava",
                                           "Kasimir",   "Kazimir",   "Wiesław",   "Wieslaw"};
  const std::vector<std::string> lasts = {"Brzostek", "Brzostec", "Chmielak", "Chmieliak",
                                          "Dziubek",  "Grzelak",  "Grzeliak", "Jankowiak"};
  std::mt19937 random(20261206);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  Corpus corpus = testing::loadFolder(testing::examplesDir(), false);
  std::vector<std::string> ids;
  for (int d = 0; d < 80; ++d) {
    std::string text = "Date: 2024-11-" + std::to_string(10 + d % 20) + "\n\n";
    for (int sentence = 0; sentence < 4; ++sentence) {
      const std::string name = pick(firsts) + " " + pick(lasts);
      text += (random() % 3 == 0 ? "Mayor " : "") + name + " visited Lodz on Monday, and " + name +
              " met officials.\n";
    }
    ids.push_back("pool/" + std::to_string(1000 + d) + ".txt");
    corpus.upsert(ids.back(), text);
  }
  const Indexed indexed(corpus);
  analysis::ScopePairCounts& counts = analysis::scopePairCounts();
  const uint64_t takenBefore = counts.taken.load();
  for (size_t d = 0; d < ids.size(); d += 8) {
    const DocumentFacts& facts = *indexed.base->documents.at(ids[d]);
    std::string text = facts.doc.text;
    const analysis::NamePart& part = facts.mentions.front().parts.back();
    text[part.span.begin + 2] = text[part.span.begin + 2] == 'e' ? 'a' : 'e';
    const auto edited = analysis::extractFacts(ids[d], text, corpus.lexicon());
    const std::string expected = fullFindings(*indexed.base, {{ids[d], edited}}, ids[d]);
    EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << ids[d];
    analysis::reuseMergedPairs() = false;
    EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << ids[d] << ", every pair";
    analysis::reuseMergedPairs() = true;
  }
  EXPECT_GT(counts.taken.load(), takenBefore); // the decisions were taken
}

/// The article of the Karimov corpora that ties the spellings: Kerimov, 54, then `tie`.
std::string karimovArticle(const std::string& tie) {
  return "Date: 2024-11-10\n\nForeign Minister Kerimov, 54, spoke on Monday.\n" + tie +
         "They met officials.\n";
}
const std::string kKarimovTie = "Karimov, 61, and Karimow, 61, met officials on Tuesday.\n";

/// Articles where Karimov and Karimow are tied only by the sentence `tie` of a.txt (both 61),
/// and a.txt's Kerimov (54, as one Karimov) is a variant of Karimov alone without it.
Corpus karimovCorpus(const std::string& tie) {
  Corpus corpus(workspace::loadLexicon());
  corpus.upsert("a.txt", karimovArticle(tie));
  for (const char* id : {"b.txt", "f.txt", "g.txt", "h.txt"}) {
    corpus.upsert(id, "Date: 2024-11-10\n\nKarimow visited Lodz on Monday.\n");
  }
  corpus.upsert("c.txt",
                "Date: 2024-11-10\n\nForeign Minister Karimov, 54, visited Lodz on Monday.\n");
  for (const char* id : {"d.txt", "e.txt"}) {
    corpus.upsert(id, "Date: 2024-11-10\n\nKarimov visited Lodz on Monday.\n");
  }
  return corpus;
}

TEST(Recheck, APairDecidedOnTheEditedTextIsJudgedAgain) {
  // The analysis merged Karimov and Karimow on the edited article's old text (both 61, in
  // one sentence); the edit deletes that sentence. Neither spelling is used in the new
  // text, but their pair must be judged again: nothing else ties them, so the article's
  // Kerimov (54, as one Karimov) is a variant of Karimov alone, not of Karimow (the spelling
  // most sources use, which would be named as the preferred one).
  Corpus corpus = karimovCorpus(kKarimovTie);
  const Indexed indexed(corpus);
  ASSERT_NE(describe(indexed.analysis->findingsFor("a.txt")).find("spelt `Karimow`"),
            std::string::npos);
  const auto edited = analysis::extractFacts("a.txt", karimovArticle(""), corpus.lexicon());
  const std::string expected = fullFindings(*indexed.base, {{"a.txt", edited}}, "a.txt");
  EXPECT_NE(expected.find("spelt `Karimov`"), std::string::npos) << expected;
  EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected);
}

TEST(Recheck, APairDecidedOnTheVersionALaterAnalysisReadIsJudgedAgain) {
  // The tables were built without the tying sentence; a later analysis read a.txt with it
  // (and merged Karimov and Karimow); the edit takes it out again. The version the later
  // analysis read is neither the tables' nor the edited one, and its forms count as changed.
  Corpus corpus = karimovCorpus("");
  const Indexed first(corpus);
  const auto tied = analysis::extractFacts("a.txt", karimovArticle(kKarimovTie), corpus.lexicon());
  auto later = std::make_shared<CorpusSnapshot>(*first.base);
  later->documents["a.txt"] = tied;
  const auto laterAnalysis = std::make_shared<const Analysis>(analysis::analyze(*later));
  ASSERT_NE(describe(laterAnalysis->findingsFor("a.txt")).find("spelt `Karimow`"),
            std::string::npos);
  const RecheckIndex shared(first.index, later, laterAnalysis);
  const auto edited = analysis::extractFacts("a.txt", karimovArticle(""), corpus.lexicon());
  const std::string expected = fullFindings(*later, {{"a.txt", edited}}, "a.txt");
  EXPECT_NE(expected.find("spelt `Karimov`"), std::string::npos) << expected;
  EXPECT_EQ(describe(shared.recheck(edited, {{"a.txt", edited}})), expected);
}

/// An article past the others, naming both spellings and a third name in their sentences.
const std::string kLateKarimovs =
    "Date: 2024-11-12\n\nKarimov visited Lodz on Monday.\nKarimow met Oleg Brzostek on "
    "Tuesday.\n";

/// The Karimov articles with many uses of each spelling: k.txt (`tie` after Kerimov, 54),
/// c.txt (Foreign Minister Karimov, 54), 40 articles naming Karimov and 45 naming Karimow
/// (ten of each before k.txt), and z.txt, past all of them, naming both and Oleg Brzostek.
/// k.txt's mentions are among the first each spelling's evidence reads, z.txt's are not.
Corpus manyKarimovs() {
  Corpus corpus(workspace::loadLexicon());
  corpus.upsert("k.txt", karimovArticle(kKarimovTie));
  corpus.upsert("c.txt",
                "Date: 2024-11-10\n\nForeign Minister Karimov, 54, visited Lodz on Monday.\n");
  for (int i = 0; i < 45; ++i) {
    const std::string n = std::to_string(100 + i);
    const std::string before = i < 10 ? "b" : "";
    if (i < 40) {
      corpus.upsert(before + "m" + n + ".txt",
                    "Date: 2024-11-10\n\nKarimov visited Lodz on Monday.\n");
    }
    corpus.upsert(before + "w" + n + ".txt",
                  "Date: 2024-11-10\n\nKarimow visited Lodz on Monday.\n");
  }
  corpus.upsert("z.txt", kLateKarimovs);
  return corpus;
}

TEST(Recheck, AFormUsedOnlyPastItsEvidenceKeepsTheAnalysisDecisions) {
  // z.txt names Karimov and Karimow after the first 32 mentions of each, which are all the
  // name index reads for evidence: respelling Brzostek there cannot change how the two are
  // judged, and the analysis's merge of them is taken as it is.
  Corpus corpus = manyKarimovs();
  const Indexed indexed(corpus);
  ASSERT_NE(describe(indexed.analysis->findingsFor("k.txt")).find("spelt `Karimow`"),
            std::string::npos);
  analysis::ScopePairCounts& counts = analysis::scopePairCounts();
  const uint64_t takenBefore = counts.taken.load();
  const auto edited = analysis::extractFacts(
      "z.txt", replaceAll(kLateKarimovs, "Brzostek", "Brzostec"), corpus.lexicon());
  EXPECT_EQ(describe(indexed.index.recheck(edited, {})),
            fullFindings(*indexed.base, {{"z.txt", edited}}, "z.txt"));
  EXPECT_GT(counts.taken.load(), takenBefore); // Karimov and Karimow, merged by the analysis
}

TEST(Recheck, AFormUsedAmongItsEvidenceIsJudgedAgain) {
  // The same articles, with the tying sentence of k.txt deleted: k.txt is among the first
  // mentions of both spellings (the twelfth of Karimov's, the eleventh of Karimow's), so
  // their pair is judged again, though each has more than 32 mentions.
  Corpus corpus = manyKarimovs();
  const Indexed indexed(corpus);
  const auto edited = analysis::extractFacts("k.txt", karimovArticle(""), corpus.lexicon());
  const std::string expected = fullFindings(*indexed.base, {{"k.txt", edited}}, "k.txt");
  EXPECT_NE(expected.find("spelt `Karimov`"), std::string::npos) << expected;
  EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected);
}

/// Ludmila with 324 surnames, one article each (c*.txt; the first, Baranek, aged 54),
/// Ludmila Nowakowska in three
/// articles past all of them and Ludmila Zelawa (the 180th) in three more (z*.txt); e.txt
/// names `name` between the two.
Corpus crowdedLudmila(const std::string& name) {
  const std::vector<std::string> heads = {"Bar", "Dom", "Gor", "Kul", "Mar", "Pol",
                                          "Ros", "Tar", "Wil", "Zel", "Fen", "Hol",
                                          "Jar", "Lis", "Nik", "Sob", "Trz", "Wyr"};
  const std::vector<std::string> tails = {"anek", "owicz", "iak", "czyk",  "ewski", "ecki",
                                          "uch",  "asz",   "ota", "ynski", "arek",  "usz",
                                          "ela",  "owik",  "ecz", "olak",  "ura",   "awa"};
  Corpus corpus(workspace::loadLexicon());
  int n = 1000;
  for (const std::string& head : heads) {
    for (const std::string& tail : tails) {
      std::string text = "Date: 2024-11-10\n\nLudmila ";
      text.append(head).append(tail).append(n == 1000 ? ", 54," : "");
      text.append(" visited Lodz on Monday.\n");
      std::ostringstream id;
      id << 'c' << n++ << ".txt";
      corpus.upsert(id.str(), text);
    }
  }
  corpus.upsert("e.txt", "Date: 2024-11-10\n\nThe talks ended.\n" + name +
                             " spoke on Monday, and Ludmyla left.\n");
  for (const char* id : {"z1.txt", "z2.txt", "z3.txt"}) {
    corpus.upsert(id, "Date: 2024-11-10\n\nLudmila Nowakowska visited Lodz on Monday.\n");
  }
  for (const char* id : {"z4.txt", "z5.txt", "z6.txt"}) {
    corpus.upsert(id, "Date: 2024-11-10\n\nLudmila Zelawa visited Lodz on Monday.\n");
  }
  return corpus;
}

TEST(Recheck, ACrowdedPartnerBringsTheFormsAComparisonCanPick) {
  // Ludmila, a partner of the edited Ludmyla, has more forms than a scope gathers whole: it
  // brings the first of them (the lone Ludmyla is compared with those), the forms of the
  // analysis's entity of Ludmyla Nowakowska, and each form sharing a surname with a form in
  // the scope. The re-check equals the full analysis, and the one that gathers every form.
  Corpus corpus = crowdedLudmila("Ludmyla Nowakowska");
  const Indexed indexed(corpus);
  analysis::ScopePairCounts& counts = analysis::scopePairCounts();
  const std::string base = indexed.base->documents.at("e.txt")->doc.text;
  // A sentence naming Ludmyla Zelawa, a name new to the corpus whose Ludmila (four sources)
  // the scope finds only by its surname; the lone Ludmyla given the age of the first
  // Ludmila (Baranek, 54), which only the first forms bring; Nowakowska respelled.
  const std::vector<std::pair<std::string, std::string>> edits = {
      {base + "Ludmyla Zelawa returned on Friday.\n", "spelt `Ludmila` by 4 sources"},
      {replaceFirst(base, "Ludmyla left", "Ludmyla, 54, left"), "by 1 source (c1000.txt)"},
      {replaceFirst(base, "Nowakowska", "Nowakowsca"), ""}};
  for (const auto& [text, variant] : edits) {
    const uint64_t leftOutBefore = counts.crowdedLeftOut.load();
    const auto edited = analysis::extractFacts("e.txt", text, corpus.lexicon());
    const std::string expected = fullFindings(*indexed.base, {{"e.txt", edited}}, "e.txt");
    if (!variant.empty()) {
      EXPECT_NE(expected.find(variant), std::string::npos) << expected;
    }
    EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << text;
    EXPECT_GT(counts.crowdedLeftOut.load(), leftOutBefore); // most Ludmilas were left out
    analysis::limitCrowdedPartners() = false;
    EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected) << text << ", every form";
    analysis::limitCrowdedPartners() = true;
  }
}

TEST(Recheck, ACrowdedPartnerTheEditedArticleUsesIsStillLimited) {
  // e.txt names Ludmila Nowakowska itself, so one of Ludmila's forms is judged again; the
  // scope still leaves most of Ludmila's forms out, and equals the full analysis.
  Corpus corpus = crowdedLudmila("Ludmila Nowakowska");
  const Indexed indexed(corpus);
  analysis::ScopePairCounts& counts = analysis::scopePairCounts();
  const uint64_t leftOutBefore = counts.crowdedLeftOut.load();
  const auto edited =
      analysis::extractFacts("e.txt",
                             replaceFirst(indexed.base->documents.at("e.txt")->doc.text,
                                          "Ludmyla left", "Ludmyla, 54, left"),
                             corpus.lexicon());
  const std::string expected = fullFindings(*indexed.base, {{"e.txt", edited}}, "e.txt");
  EXPECT_NE(expected.find("by 1 source (c1000.txt)"), std::string::npos) << expected;
  EXPECT_EQ(describe(indexed.index.recheck(edited, {})), expected);
  EXPECT_GT(counts.crowdedLeftOut.load(), leftOutBefore);
}

TEST(Recheck, SharedTablesServeALaterAnalysis) {
  // After a re-analysis the new index keeps the tables of the first (built before one
  // document was respelled) and takes the entities and findings of the new analysis; a
  // re-check passes the respelled document as changed since the tables' snapshot.
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed first(corpus);
  const std::string respelled = "004_7ae6212592d33cc9.txt";
  const auto respelledFacts = analysis::extractFacts(
      respelled, replaceAll(first.base->documents.at(respelled)->doc.text, "Shaaban", "Shabaan"),
      corpus.lexicon());
  auto later = std::make_shared<CorpusSnapshot>(*first.base);
  later->documents[respelled] = respelledFacts;
  ASSERT_TRUE(first.index.servesSnapshot(*later));
  const auto laterAnalysis = std::make_shared<const Analysis>(analysis::analyze(*later));
  const RecheckIndex shared(first.index, later, laterAnalysis);
  EXPECT_EQ(&shared.base(), first.base.get());
  EXPECT_EQ(&shared.snapshot(), later.get());
  const RecheckIndex prepared(first.index, later, laterAnalysis);
  for (const auto& [id, facts] : later->documents) {
    prepared.prepare(facts);
  }
  for (const auto& [id, facts] : later->documents) {
    std::map<std::string, std::shared_ptr<const DocumentFacts>, std::less<>> changed;
    if (id != respelled) {
      changed.emplace(respelled, respelledFacts);
    }
    for (const Edit& edit : edits()) {
      const auto edited = analysis::extractFacts(id, edit.apply(facts->doc.text), corpus.lexicon());
      const std::string expected = fullFindings(*later, {{id, edited}}, id);
      EXPECT_EQ(describe(shared.recheck(edited, changed)), expected) << id << ": " << edit.name;
      EXPECT_EQ(describe(prepared.recheck(edited, changed)), expected)
          << id << ": " << edit.name << " (prepared)";
    }
  }
  // The respelled document changed back: the later analysis read another version of it.
  for (const auto& [id, facts] : first.base->documents) {
    if (id != respelled) {
      EXPECT_FALSE(shared.keepsAnalysisNames(
          *facts, {{respelled,
                    analysis::extractFacts(respelled, first.base->documents.at(respelled)->doc.text,
                                           corpus.lexicon())}}))
          << id;
      EXPECT_TRUE(shared.keepsAnalysisNames(*facts, {{respelled, respelledFacts}})) << id;
    }
  }
}

TEST(Recheck, TablesAreRebuiltForManyChangesOrAnotherLexicon) {
  Corpus corpus = testing::loadFolder(testing::examplesDir(), true);
  const Indexed indexed(corpus);
  CorpusSnapshot many = *indexed.base;
  for (size_t i = 0; i <= RecheckIndex::kSharedTablesMaxChanged; ++i) {
    const std::string id = "added-" + std::to_string(i) + ".txt";
    many.documents[id] = analysis::extractFacts(id, "Zein spoke on Monday.\n", corpus.lexicon());
  }
  EXPECT_FALSE(indexed.index.servesSnapshot(many));
  many.documents.erase("added-0.txt");
  EXPECT_TRUE(indexed.index.servesSnapshot(many));
  CorpusSnapshot otherLexicon = *indexed.base;
  otherLexicon.lexicon = std::make_shared<const analysis::Lexicon>();
  EXPECT_FALSE(indexed.index.servesSnapshot(otherLexicon));
}

} // namespace
} // namespace newslint
