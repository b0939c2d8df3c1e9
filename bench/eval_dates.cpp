// eval_dates: how well newslint recognises and resolves time expressions, and what its
// date checks report on real multi-source news.
//
//   eval_dates DIR...              normalisation accuracy and detection P/R against the gold
//                                  TIMEX3 annotations of every TimeML file under DIR
//                                  (TempEval-3 inline TimeML, MEANTIME and ESC CAT XML)
//   eval_dates --conflicts DIR     runs the date checks over each topic folder of an ESC-style
//                                  corpus (gold DCTs given as register publication dates) and
//                                  prints every reported conflict with both claims
//   eval_dates --dump DIR          prints the resolved timeline of a folder of plain-text
//                                  articles (with DIR/newslint.json when present)
//   --errors N                     also print N value mismatches (accuracy mode)
//   --false N                      also print N recognised expressions the gold does not have
//   --trace                        also print every DATE/TIME gold expression, tab-separated:
//                                  verdict, file, text, gold, value, DCT, inference, context
//   --newslint-notation            compare newslint's own values with TimeML gold, without
//                                  writing decades ("197X") and zoned clock times (UTC) the
//                                  way TimeML does ("197", the time as written)
#include "newslint/analysis/checks.h"
#include "newslint/analysis/corpus.h"
#include "newslint/analysis/dates.h"
#include "newslint/analysis/timeline.h"
#include "newslint/workspace/workspace.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace newslint::analysis;

namespace {

struct GoldTimex {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string type; ///< DATE, TIME, DURATION, SET
  std::string value;
  std::string text;
  /// A TimeML TIMEX3 (TempEval-3, MEANTIME) rather than an ESC time markable: the two write
  /// a decade differently.
  bool timex3 = true;
};

struct GoldDoc {
  std::string name;
  std::string text;
  std::optional<CivilDate> dct;
  std::vector<GoldTimex> timexes;
  /// Spans of the sentences that carry annotation (ECB+/ESC and MEANTIME annotate a subset);
  /// empty when the whole text is annotated.
  std::vector<std::pair<uint32_t, uint32_t>> annotated;
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      const size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 6) {
        const std::string_view entity = s.substr(i + 1, semi - i - 1);
        const char* rep = entity == "amp"    ? "&"
                          : entity == "lt"   ? "<"
                          : entity == "gt"   ? ">"
                          : entity == "quot" ? "\""
                          : entity == "apos" ? "'"
                                             : nullptr;
        if (rep != nullptr) {
          out += rep;
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string attr(std::string_view tag, std::string_view name) {
  // Appended, not `" " + std::string(...)`: that trips GCC 12's -Wrestrict at -O3.
  std::string key = " ";
  key += name;
  key += "=\"";
  size_t pos = tag.find(key);
  if (pos == std::string_view::npos) {
    return {};
  }
  pos += key.size();
  const size_t end = tag.find('"', pos);
  return end == std::string_view::npos ? std::string() : unescape(tag.substr(pos, end - pos));
}

std::optional<CivilDate> dateOf(const std::string& value) {
  if (value.size() >= 10) {
    return parseIsoDate(value.substr(0, 10));
  }
  if (value.size() == 8 && std::all_of(value.begin(), value.end(), ::isdigit)) {
    return parseIsoDate(value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2));
  }
  return std::nullopt;
}

// TempEval-3: inline TimeML, text inside <TEXT>, TIMEX3 elements inline.
GoldDoc parseInline(const std::string& name, const std::string& xml) {
  GoldDoc doc;
  doc.name = name;
  const size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    const size_t tagEnd = xml.find('>', xml.find("<TIMEX3", dct));
    doc.dct = dateOf(attr(std::string_view(xml).substr(dct, tagEnd - dct), "value"));
  }
  const size_t start = xml.find("<TEXT>");
  const size_t stop = xml.find("</TEXT>");
  if (start == std::string::npos || stop == std::string::npos) {
    return doc;
  }
  std::optional<GoldTimex> open;
  for (size_t i = start + 6; i < stop;) {
    if (xml[i] == '<') {
      const size_t close = xml.find('>', i);
      const std::string_view tag = std::string_view(xml).substr(i, close - i + 1);
      if (tag.starts_with("<TIMEX3")) {
        open = GoldTimex{};
        open->begin = static_cast<uint32_t>(doc.text.size());
        open->type = attr(tag, "type");
        open->value = attr(tag, "value");
      } else if (tag.starts_with("</TIMEX3") && open) {
        open->end = static_cast<uint32_t>(doc.text.size());
        open->text = doc.text.substr(open->begin, open->end - open->begin);
        doc.timexes.push_back(*open);
        open.reset();
      }
      i = close + 1;
      continue;
    }
    size_t next = xml.find('<', i);
    next = std::min(next, stop);
    doc.text += unescape(std::string_view(xml).substr(i, next - i));
    i = next;
  }
  return doc;
}

bool noSpaceBefore(const std::string& t) {
  static const std::vector<std::string> kTight = {",",   ".",   ":",   ";",  "!",   "?",
                                                  ")",   "]",   "%",   "'s", "n't", "'",
                                                  "'re", "'ve", "'ll", "'d", "'m",  "’s"};
  return std::find(kTight.begin(), kTight.end(), t) != kTight.end();
}

// MEANTIME and ESC: tokens with sentence numbers, markables anchored to token ids.
GoldDoc parseCat(const std::string& name, const std::string& xml) {
  GoldDoc doc;
  doc.name = name;
  std::map<std::string, std::pair<uint32_t, uint32_t>> tokenSpan;
  std::map<std::string, std::string> tokenSentence;
  std::map<std::string, std::pair<uint32_t, uint32_t>> sentenceSpan;
  std::string lastSentence;
  std::string prev;
  bool prevDigitColon = false;
  std::string prevPrev;
  bool inAddress = false;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string::npos) {
    const size_t tagEnd = xml.find('>', pos);
    const std::string_view tag = std::string_view(xml).substr(pos, tagEnd - pos + 1);
    const size_t close = xml.find("</token>", tagEnd);
    if (close == std::string::npos) {
      break;
    }
    const std::string token =
        unescape(std::string_view(xml).substr(tagEnd + 1, close - tagEnd - 1));
    const std::string sentence = attr(tag, "sentence");
    const bool digits = !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])) != 0;
    // The tokeniser splits a decimal point from the digits around it ("8.40am" -> "8" "."
    // "40am", "$2.6" -> "2" "." "6"); within a sentence they were written together.
    const bool afterDecimalPoint = digits && prev == "." && !prevPrev.empty() &&
                                   std::all_of(prevPrev.begin(), prevPrev.end(), [](char c) {
                                     return std::isdigit(static_cast<unsigned char>(c)) != 0;
                                   });
    if (!doc.text.empty()) {
      if (sentence != lastSentence) {
        doc.text += "\n";
      } else if (!(noSpaceBefore(token) || prev == "(" || prev == "$" || inAddress ||
                   (digits && prevDigitColon) || afterDecimalPoint)) {
        doc.text += " ";
      }
    }
    prevDigitColon = prev == ":" && digits;
    if (token == ":" && !prev.empty() && std::all_of(prev.begin(), prev.end(), ::isdigit)) {
      prevDigitColon = true;
    } else if (token != ":") {
      prevDigitColon = false;
    }
    // A web address given as the first line (ECB+ keeps the article's source address) was
    // written without spaces.
    if (sentence != lastSentence) {
      inAddress = token == "http" || token == "https";
    }
    lastSentence = sentence;
    const auto begin = static_cast<uint32_t>(doc.text.size());
    doc.text += token;
    tokenSpan[attr(tag, "t_id")] = {begin, static_cast<uint32_t>(doc.text.size())};
    tokenSentence[attr(tag, "t_id")] = sentence;
    auto [it, fresh] =
        sentenceSpan.try_emplace(sentence, begin, static_cast<uint32_t>(doc.text.size()));
    if (!fresh) {
      it->second.second = static_cast<uint32_t>(doc.text.size());
    }
    prevPrev = prev;
    prev = token;
    pos = close;
  }
  const size_t markables = xml.find("<Markables>");
  const size_t markablesEnd = xml.find("</Markables>");
  if (markables == std::string::npos) {
    return doc;
  }
  {
    std::set<std::string> sentences;
    size_t a = markables;
    while ((a = xml.find("t_id=\"", a)) != std::string::npos && a < markablesEnd) {
      a += 6;
      const std::string id = xml.substr(a, xml.find('"', a) - a);
      auto it = tokenSentence.find(id);
      if (it != tokenSentence.end()) {
        sentences.insert(it->second);
      }
    }
    // MEANTIME's time layer covers the title and the first five sentences only (no TIMEX3
    // anchors occur later in any of its files); ESC annotates the sentences with markables.
    const bool meantime = xml.find("<TIMEX3 ") != std::string::npos;
    for (const auto& [sentence, span] : sentenceSpan) {
      const bool covered =
          meantime ? std::atoi(sentence.c_str()) <= 5 : sentences.count(sentence) > 0;
      if (covered) {
        doc.annotated.push_back(span);
      }
    }
  }
  for (const std::string_view elementName :
       {"TIMEX3", "TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION"}) {
    const std::string element(elementName);
    size_t p = markables;
    const std::string open = "<" + element + " ";
    while ((p = xml.find(open, p)) != std::string::npos && p < markablesEnd) {
      const size_t tagEnd = xml.find('>', p);
      const std::string_view tag = std::string_view(xml).substr(p, tagEnd - p + 1);
      p = tagEnd;
      const bool selfClosing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
      if (selfClosing) {
        if (attr(tag, "functionInDocument") == "CREATION_TIME" || attr(tag, "DCT") == "TRUE") {
          if (!doc.dct) {
            doc.dct = dateOf(attr(tag, "value"));
          }
        }
        continue; // an instance without token anchors
      }
      const size_t closeTag = xml.find("</" + element + ">", tagEnd);
      const std::string_view body = std::string_view(xml).substr(tagEnd, closeTag - tagEnd);
      uint32_t begin = UINT32_MAX;
      uint32_t end = 0;
      size_t a = 0;
      while ((a = body.find("t_id=\"", a)) != std::string_view::npos) {
        a += 6;
        const std::string id(body.substr(a, body.find('"', a) - a));
        auto it = tokenSpan.find(id);
        if (it != tokenSpan.end()) {
          begin = std::min(begin, it->second.first);
          end = std::max(end, it->second.second);
        }
      }
      std::string type = element == "TIMEX3"            ? attr(tag, "type")
                         : element == "TIME_DATE"       ? "DATE"
                         : element == "TIME_OF_THE_DAY" ? "TIME"
                         : element == "TIME_DURATION"   ? "DURATION"
                                                        : "SET";
      std::string value = attr(tag, "value");
      const bool isDct =
          attr(tag, "functionInDocument") == "CREATION_TIME" || attr(tag, "DCT") == "TRUE";
      if (isDct) {
        if (dateOf(value)) {
          doc.dct = dateOf(value);
        }
        continue;
      }
      if (begin == UINT32_MAX) {
        continue;
      }
      GoldTimex g;
      g.begin = begin;
      g.end = end;
      g.type = type;
      g.value = value;
      g.text = doc.text.substr(begin, end - begin);
      g.timex3 = element == "TIMEX3";
      doc.timexes.push_back(std::move(g));
    }
  }
  std::sort(doc.timexes.begin(), doc.timexes.end(),
            [](const GoldTimex& x, const GoldTimex& y) { return x.begin < y.begin; });
  return doc;
}

std::optional<GoldDoc> parseGold(const fs::path& path) {
  const std::string xml = readFile(path);
  const std::string name = path.filename().string();
  if (xml.find("<TimeML") != std::string::npos) {
    return parseInline(name, xml);
  }
  if (xml.find("<token ") != std::string::npos && xml.find("<Document") != std::string::npos) {
    return parseCat(name, xml);
  }
  return std::nullopt;
}

std::vector<fs::path> timemlFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      break;
    }
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".tml" || ext == ".xml" || ext == ".TML")) {
      out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool hasYear(std::string_view text) {
  int run = 0;
  for (const char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 4) {
      return true;
    }
  }
  return false;
}

// Writing differences only: a trailing UTC "Z", a month, day or week number without its
// leading zero ("1979-2", "2009-12-7", "2000-W7"), a week without its hyphen ("2011W42"), an
// hour without its minutes ("T17").
std::string normaliseGold(std::string value) {
  if (!value.empty() && value.back() == 'Z') {
    value.pop_back();
  }
  if (value.size() == 9 && value[4] == '-' && value[7] == '-' &&
      std::isdigit(static_cast<unsigned char>(value[8]))) {
    value.insert(8, "0");
  }
  // "1989-11-06T17": an hour written without its minutes
  if (value.size() == 13 && value[10] == 'T' &&
      std::isdigit(static_cast<unsigned char>(value[11])) &&
      std::isdigit(static_cast<unsigned char>(value[12]))) {
    value += ":00";
  }
  if (value.size() == 6 && value[4] == '-' && std::isdigit(static_cast<unsigned char>(value[5]))) {
    value.insert(5, "0"); // "1979-2"
  }
  if (value.size() > 5 && value[4] == 'W' &&
      std::all_of(value.begin(), value.begin() + 4,
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    value.insert(4, "-"); // "2011W42"
  }
  const size_t w = value.find("-W");
  if (w != std::string::npos && w + 3 <= value.size() &&
      std::isdigit(static_cast<unsigned char>(value[w + 2])) &&
      (w + 3 == value.size() || !std::isdigit(static_cast<unsigned char>(value[w + 3])))) {
    value.insert(w + 2, "0");
  }
  return value;
}

/// Resolves a document's expressions the way the timeline does, with the gold DCT as anchor.
std::vector<Resolution> resolveWithDct(const Document& doc, const DateFacts& facts,
                                       std::optional<CivilDate> dct) {
  CorpusSnapshot snapshot;
  auto config = std::make_shared<Config>();
  if (dct) {
    config->sources[doc.id].published = *dct;
  }
  auto documentFacts = std::make_shared<DocumentFacts>();
  documentFacts->doc = doc;
  documentFacts->dates = facts;
  snapshot.documents[doc.id] = documentFacts;
  snapshot.config = config;
  snapshot.lexicon = std::make_shared<Lexicon>(Lexicon::builtin());
  const NameIndex names;
  auto index = analyzeDates(snapshot, names);
  std::vector<Resolution> out(facts.expressions.size());
  for (const ResolvedTime& t : index->times) {
    if (t.expression < out.size()) {
      out[t.expression] = t.resolution;
    }
  }
  return out;
}

struct Counts {
  int gold = 0;
  int detected = 0;
  int correct = 0;
};

int evaluate(const std::vector<fs::path>& dirs, int showErrors, int showFalse, bool trace,
             bool timemlNotation) {
  int files = 0;
  int goldAll = 0;
  int goldFound = 0;
  int goldExact = 0;
  int predicted = 0;
  int predictedHit = 0;
  Counts explicitCounts;
  Counts relativeCounts;
  std::map<std::string, Counts> byType;
  int errorsShown = 0;
  for (const fs::path& dir : dirs) {
    for (const fs::path& path : timemlFiles(dir)) {
      std::optional<GoldDoc> gold = parseGold(path);
      if (!gold || gold->text.empty()) {
        continue;
      }
      ++files;
      Document doc = parseDocument(gold->name, gold->text);
      DateFacts facts = extractDates(doc);
      const std::vector<Resolution> resolved = resolveWithDct(doc, facts, gold->dct);
      const auto& exprs = facts.expressions;
      // Detection: every gold TIMEX3 against every recognised expression (overlap).
      for (const TimeExpression& e : exprs) {
        const bool inAnnotated =
            gold->annotated.empty() ||
            std::any_of(gold->annotated.begin(), gold->annotated.end(), [&](const auto& span) {
              return e.span.begin >= span.first && e.span.begin < span.second;
            });
        if (!inAnnotated) {
          continue;
        }
        ++predicted;
        const bool hit =
            std::any_of(gold->timexes.begin(), gold->timexes.end(), [&](const GoldTimex& g) {
              return e.span.begin < g.end && g.begin < e.span.end;
            });
        predictedHit += hit ? 1 : 0;
        if (!hit && showFalse > 0) {
          --showFalse;
          std::printf("  false positive %-28s `%s`\n", gold->name.substr(0, 28).c_str(),
                      e.text.str().c_str());
        }
      }
      for (const GoldTimex& g : gold->timexes) {
        ++goldAll;
        int match = -1;
        for (size_t i = 0; i < exprs.size(); ++i) {
          if (exprs[i].span.begin < g.end && g.begin < exprs[i].span.end) {
            match = static_cast<int>(i);
            if (exprs[i].span.begin == g.begin && exprs[i].span.end == g.end) {
              break;
            }
          }
        }
        if (match >= 0) {
          ++goldFound;
          if (exprs[static_cast<size_t>(match)].span.begin == g.begin &&
              exprs[static_cast<size_t>(match)].span.end == g.end) {
            ++goldExact;
          }
        }
        if ((g.type != "DATE" && g.type != "TIME") || g.value.empty()) {
          continue;
        }
        const std::string want = normaliseGold(g.value);
        Counts& split = hasYear(g.text) ? explicitCounts : relativeCounts;
        Counts& type = byType[g.type];
        ++split.gold;
        ++type.gold;
        std::string got;
        if (match >= 0) {
          ++split.detected;
          ++type.detected;
          const Resolution& r = resolved[static_cast<size_t>(match)];
          got = normaliseGold(r.value);
          // A clock time with a stated zone: newslint values it in UTC and keeps its interval in
          // the time as written; TimeML (TIMEX3) writes the time as written, ESC in UTC.
          if (timemlNotation && g.timex3 && !r.value.empty() && r.value.str().back() == 'Z' &&
              r.granularity == Granularity::Minute) {
            const int64_t begin = r.interval.begin;
            const int64_t day = begin >= 0 ? begin / 1440 : (begin - 1439) / 1440;
            const int64_t minute = begin - day * 1440;
            char clock[8];
            std::snprintf(clock, sizeof clock, "T%02d:%02d", static_cast<int>(minute / 60),
                          static_cast<int>(minute % 60));
            got = formatDate(civilFromDays(day)) + clock;
          }
          // ESC gives a time of day the value of its date: compare at the annotated precision.
          if (want.find('T') == std::string::npos && got.size() > want.size() &&
              got.starts_with(want) && got[want.size()] == 'T') {
            got = want;
          }
          // A decade in TimeML's notation: the 1970s are "197" in a TIMEX3 value ("197X" is
          // the TIMEX2 form, which ESC keeps).
          if (timemlNotation && g.timex3 && got.size() == 4 && got.back() == 'X' &&
              std::all_of(got.begin(), got.end() - 1, [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
              })) {
            got.pop_back();
          }
        }
        if (trace) {
          // One tab-separated line per gold DATE/TIME: verdict, file, text, gold, got, DCT,
          // the inference and the sentence around it.
          const size_t from = g.begin > 80 ? g.begin - 80 : 0;
          std::string around =
              gold->text.substr(from, std::min<size_t>(g.end + 80, gold->text.size()) - from);
          std::replace(around.begin(), around.end(), '\n', ' ');
          std::replace(around.begin(), around.end(), '\t', ' ');
          std::printf(
              "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", got == want ? "ok" : "ERR", gold->name.c_str(),
              g.text.c_str(), want.c_str(), got.empty() ? "-" : got.c_str(),
              gold->dct ? formatDate(*gold->dct).c_str() : "-",
              match >= 0 ? resolved[static_cast<size_t>(match)].inference.str().c_str() : "",
              around.c_str());
        }
        if (got == want) {
          ++split.correct;
          ++type.correct;
        } else if (errorsShown < showErrors) {
          ++errorsShown;
          std::printf("  %-28s %-28s gold %-16s got %-16s (dct %s)\n",
                      gold->name.substr(0, 28).c_str(), ("`" + g.text + "`").c_str(), want.c_str(),
                      got.empty() ? "-" : got.c_str(),
                      gold->dct ? formatDate(*gold->dct).c_str() : "-");
        }
      }
    }
  }
  auto ratio = [](int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  std::printf("files: %d\n", files);
  std::printf("detection (all TIMEX3 types, overlap, annotated sentences): precision %.3f (%d/%d)  "
              "recall %.3f (%d/%d)  exact-span recall %.3f\n",
              ratio(predictedHit, predicted), predictedHit, predicted, ratio(goldFound, goldAll),
              goldFound, goldAll, ratio(goldExact, goldAll));
  const Counts total{explicitCounts.gold + relativeCounts.gold,
                     explicitCounts.detected + relativeCounts.detected,
                     explicitCounts.correct + relativeCounts.correct};
  auto row = [&](const char* label, const Counts& c) {
    std::printf(
        "%-22s gold %5d  detected %5d  value correct %5d  accuracy %.3f  (on detected %.3f)\n",
        label, c.gold, c.detected, c.correct, ratio(c.correct, c.gold),
        ratio(c.correct, c.detected));
  };
  std::printf(
      "value accuracy (DATE and TIME, exact match with the gold value, gold DCT as anchor):\n");
  row("  explicit (year in text)", explicitCounts);
  row("  relative", relativeCounts);
  for (const auto& [type, c] : byType) {
    row(("  type " + type).c_str(), c);
  }
  row("  overall", total);
  return 0;
}

// ---------------------------------------------------------------------------------------

int conflicts(const fs::path& root) {
  std::vector<fs::path> topics;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) {
      topics.push_back(entry.path());
    }
  }
  std::sort(topics.begin(), topics.end(), [](const fs::path& a, const fs::path& b) {
    const std::string x = a.filename().string();
    const std::string y = b.filename().string();
    return x.size() != y.size() ? x.size() < y.size() : x < y;
  });
  if (topics.empty()) {
    topics.push_back(root);
  }
  int total = 0;
  int claims = 0;
  int agreeing = 0;
  for (const fs::path& topic : topics) {
    Corpus corpus;
    Config config;
    for (const fs::path& path : timemlFiles(topic)) {
      std::optional<GoldDoc> gold = parseGold(path);
      if (!gold || gold->text.empty()) {
        continue;
      }
      if (gold->dct) {
        config.sources[gold->name].published = *gold->dct;
      }
      corpus.upsert(gold->name, gold->text);
    }
    corpus.setConfig(config);
    const Analysis analysis = analyze(corpus.snapshot());
    if (analysis.dates) {
      claims += static_cast<int>(analysis.dates->claims.size());
      for (const ClaimLink& link : analysis.dates->links) {
        agreeing += link.agree ? 1 : 0;
      }
    }
    for (const Finding& f : analysis.findings) {
      if (f.code != "date-conflict" && f.code != "weekday-mismatch" &&
          f.code != "impossible-date") {
        continue;
      }
      // date-conflict comes in pairs (one per side): print the first side only.
      if (f.code == "date-conflict" && !f.related.empty() &&
          f.related.front().location.document < f.primary.document) {
        continue;
      }
      if (f.code == "date-conflict" && !f.related.empty() &&
          f.related.front().location.document == f.primary.document &&
          f.related.front().location.span.begin < f.primary.span.begin) {
        continue;
      }
      ++total;
      std::printf("[%d] topic %s  %s  %s\n    %s\n", total, topic.filename().string().c_str(),
                  f.code.c_str(), f.primary.document.str().c_str(), f.message.c_str());
      for (const auto& r : f.related) {
        std::printf("    related %s: %s\n", r.location.document.str().c_str(), r.message.c_str());
      }
      for (const auto& e : f.evidence) {
        std::printf("    - %s\n", e.c_str());
      }
    }
  }
  std::printf("topics: %zu  dated claims: %d  agreeing links: %d  reported: %d\n", topics.size(),
              claims, agreeing, total);
  return 0;
}

int dump(const fs::path& root) {
  Config config;
  const fs::path registerPath = root / newslint::workspace::kRegisterFileName;
  if (fs::exists(registerPath)) {
    config = newslint::workspace::parseConfig(readFile(registerPath)).config;
  }
  Corpus corpus;
  corpus.setConfig(config);
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() == ".txt") {
      corpus.upsert(entry.path().filename().string(), readFile(entry.path()));
    }
  }
  const Analysis analysis = analyze(corpus.snapshot());
  const DateIndex& index = *analysis.dates;
  for (const auto& [id, anchor] : index.anchors) {
    std::printf(
        "== %s  anchor: %s %s%s\n", id.c_str(),
        anchor.published ? formatDate(*anchor.published).c_str() : "-", anchor.how.str().c_str(),
        anchor.year ? (" year " + std::to_string(*anchor.year) + " " + anchor.yearHow).c_str()
                    : "");
    for (const ResolvedTime* t : index.timesIn(id)) {
      std::printf("  %6u %-40s %-20s %s%s\n", t->span.begin,
                  ("`" + t->text + "`").substr(0, 40).c_str(), t->resolution.value.str().c_str(),
                  t->resolution.inference.str().c_str(), t->claim >= 0 ? "  [claim]" : "");
    }
  }
  for (const ClaimLink& link : index.links) {
    const Claim& a = index.claims[link.a];
    const Claim& b = index.claims[link.b];
    std::printf("%s %s `%s` ~ %s `%s` (gap %lld min)\n", link.agree ? "AGREE   " : "CONFLICT",
                a.document.c_str(), index.times[link.timeA].text.str().c_str(), b.document.c_str(),
                index.times[link.timeB].text.str().c_str(),
                static_cast<long long>(link.gapMinutes));
    for (const auto& e : link.evidence) {
      std::printf("      %s\n", e.c_str());
    }
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fprintf(stderr,
                 "usage: eval_dates [--errors N] [--false N] [--trace] [--newslint-notation] "
                 "DIR... | --conflicts DIR | --dump DIR\n");
    return 2;
  }
  if (args[0] == "--conflicts" && args.size() == 2) {
    return conflicts(args[1]);
  }
  if (args[0] == "--dump" && args.size() == 2) {
    return dump(args[1]);
  }
  int showErrors = 0;
  int showFalse = 0;
  bool trace = false;
  bool timemlNotation = true;
  std::vector<fs::path> dirs;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--errors" && i + 1 < args.size()) {
      showErrors = std::atoi(args[++i].c_str());
    } else if (args[i] == "--trace") {
      trace = true;
    } else if (args[i] == "--newslint-notation") {
      timemlNotation = false;
    } else if (args[i] == "--false" && i + 1 < args.size()) {
      showFalse = std::atoi(args[++i].c_str());
    } else {
      dirs.emplace_back(args[i]);
    }
  }
  return evaluate(dirs, showErrors, showFalse, trace, timemlNotation);
}
