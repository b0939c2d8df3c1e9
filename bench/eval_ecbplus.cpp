// Precision of cross-document name-variant findings against ECB+ gold coreference.
//
// Each topic folder of ECB+ is checked as one corpus (articles about the same events, as a
// newsroom folder would be). Every cross-document pair the tool flags (the flagged spelling
// and each related use of the preferred spelling) is looked up in the gold annotation: both
// spans inside mentions of one CROSS_DOC_COREF instance = coreferent; inside mentions of
// different instances = not coreferent; otherwise unannotated (reported, not scored).
//
// usage: eval_ecbplus [ECB+ folder] [--verbose]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/workspace/workspace.h"

namespace fs = std::filesystem;
using namespace newslint;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string attribute(std::string_view tag, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string_view::npos) {
    return {};
  }
  const size_t start = at + key.size();
  const size_t end = tag.find('"', start);
  return std::string(tag.substr(start, end - start));
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  for (const auto& [from, to] : entities) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string_view(from).size(), to);
    }
  }
  return s;
}

struct GoldDoc {
  std::string id;
  std::string text;
  std::map<int, analysis::Span> tokenSpans;                     // t_id -> span in text
  std::vector<std::pair<analysis::Span, std::string>> mentions; // span -> instance id
};

bool attachesLeft(const std::string& t) {
  return t == "." || t == "," || t == ":" || t == ";" || t == "!" || t == "?" || t == ")" ||
         t == "'s" || t == "'" || t == "n't" || t == "%";
}

GoldDoc parseDoc(const fs::path& path) {
  GoldDoc doc;
  doc.id = path.filename().string();
  const std::string xml = readFile(path);
  const bool plus = doc.id.find("ecbplus") != std::string::npos;
  int lastSentence = -1;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string::npos) {
    const size_t close = xml.find('>', pos);
    const size_t end = xml.find("</token>", close);
    const std::string_view tag(xml.data() + pos, close - pos);
    const int id = std::stoi(attribute(tag, "t_id"));
    const int sentence = std::stoi(attribute(tag, "sentence"));
    const std::string token = unescape(xml.substr(close + 1, end - close - 1));
    pos = end;
    if (plus && sentence == 0) {
      continue; // the source URL
    }
    if (sentence != lastSentence) {
      if (!doc.text.empty()) {
        doc.text += "\n";
      }
      lastSentence = sentence;
    } else if (!attachesLeft(token) && !doc.text.empty() && doc.text.back() != '(') {
      doc.text += ' ';
    }
    const auto begin = static_cast<uint32_t>(doc.text.size());
    doc.text += token;
    doc.tokenSpans[id] = {begin, static_cast<uint32_t>(doc.text.size())};
  }
  // Markables with token anchors, and the instance of each through CROSS_DOC_COREF.
  std::map<std::string, analysis::Span> markables;
  const size_t mStart = xml.find("<Markables>");
  const size_t mEnd = xml.find("</Markables>");
  if (mStart != std::string::npos && mEnd != std::string::npos) {
    size_t p = mStart;
    while ((p = xml.find('<', p + 1)) != std::string::npos && p < mEnd) {
      const size_t close = xml.find('>', p);
      const std::string_view tag(xml.data() + p, close - p);
      if (tag.starts_with("</") || tag.starts_with("<token_anchor") || tag.back() == '/') {
        continue;
      }
      const std::string mid = attribute(tag, "m_id");
      const size_t blockEnd = xml.find("</", close);
      analysis::Span span{UINT32_MAX, 0};
      for (size_t a = xml.find("<token_anchor", close); a != std::string::npos && a < blockEnd;
           a = xml.find("<token_anchor", a + 1)) {
        const std::string tid = attribute(std::string_view(xml.data() + a, 40), "t_id");
        auto it = doc.tokenSpans.find(std::stoi(tid));
        if (it != doc.tokenSpans.end()) {
          span.begin = std::min(span.begin, it->second.begin);
          span.end = std::max(span.end, it->second.end);
        }
      }
      if (!mid.empty() && span.begin != UINT32_MAX) {
        markables[mid] = span;
      }
    }
  }
  size_t r = 0;
  while ((r = xml.find("<CROSS_DOC_COREF", r)) != std::string::npos) {
    const size_t close = xml.find('>', r);
    const std::string note = attribute(std::string_view(xml.data() + r, close - r), "note");
    const size_t end = xml.find("</CROSS_DOC_COREF>", close);
    for (size_t s = xml.find("<source", close); s != std::string::npos && s < end;
         s = xml.find("<source", s + 1)) {
      const std::string mid = attribute(std::string_view(xml.data() + s, 40), "m_id");
      if (auto it = markables.find(mid); it != markables.end()) {
        doc.mentions.emplace_back(it->second, note);
      }
    }
    r = end;
  }
  return doc;
}

// The gold instances of every mention covering `span` (mentions nest: "Jabaliya" inside
// "the Jabaliya refugee camp").
std::set<std::string> instancesAt(const GoldDoc& doc, analysis::Span span) {
  std::set<std::string> out;
  for (const auto& [m, instance] : doc.mentions) {
    if (m.begin <= span.begin && span.end <= m.end) {
      out.insert(instance);
    }
  }
  return out;
}

} // namespace

int main(int argc, char** argv) {
  fs::path root = "../shared/corpora/ecbplus/ECB+";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else {
      root = a;
    }
  }
  if (!fs::is_directory(root)) {
    std::cerr << "eval_ecbplus: no ECB+ folder at " << root << "\n";
    return 2;
  }
  const auto lexicon = workspace::loadLexicon();
  std::vector<fs::path> topics;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) {
      topics.push_back(e.path());
    }
  }
  std::sort(topics.begin(), topics.end());
  size_t coreferent = 0;
  size_t notCoreferent = 0;
  size_t unannotated = 0;
  size_t findings = 0;
  size_t documents = 0;
  std::set<std::string> distinctUnannotated;
  // Per distinct spelling pair of a topic: coreferent when any of its flagged uses is.
  std::map<std::string, int> spellingPairs; // 1 coreferent, 0 not, -1 unannotated
  for (const fs::path& topic : topics) {
    std::map<std::string, GoldDoc> gold;
    analysis::Corpus corpus(lexicon);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(topic)) {
      if (e.path().extension() == ".xml") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      GoldDoc doc = parseDoc(f);
      corpus.upsert(doc.id, doc.text);
      gold.emplace(doc.id, std::move(doc));
    }
    documents += files.size();
    const analysis::Analysis result = analysis::analyze(corpus.snapshot());
    for (const analysis::Finding& f : result.findings) {
      if (f.code != "name-variant") {
        continue;
      }
      ++findings;
      const GoldDoc& a = gold.at(f.primary.document);
      const std::set<std::string> ia = instancesAt(a, f.primary.span);
      // One pair per (flagged use, other source): coreferent when some use of the other
      // spelling in that source is a mention of the same gold instance.
      std::map<std::string, std::vector<analysis::Span>> byDocument;
      for (const auto& rel : f.related) {
        if (rel.location.document != f.primary.document) {
          byDocument[rel.location.document].push_back(rel.location.span);
        }
      }
      for (const auto& [otherDoc, spans] : byDocument) {
        const GoldDoc& b = gold.at(otherDoc);
        std::set<std::string> ib;
        for (const analysis::Span& span : spans) {
          const std::set<std::string> here = instancesAt(b, span);
          ib.insert(here.begin(), here.end());
        }
        const std::string other(b.text.substr(spans.front().begin, spans.front().size()));
        const char* verdict = "unannotated";
        const bool shared =
            std::any_of(ia.begin(), ia.end(), [&](const std::string& i) { return ib.contains(i); });
        std::string pairKey = topic.filename().string() + " " + std::min(f.flagged, other) + " ~ " +
                              std::max(f.flagged, other);
        int& pairVerdict = spellingPairs.try_emplace(pairKey, -1).first->second;
        if (ia.empty() || ib.empty()) {
          ++unannotated;
          distinctUnannotated.insert(f.flagged + " ~ " + other);
        } else if (shared) {
          ++coreferent;
          verdict = "coreferent";
          pairVerdict = 1;
        } else {
          ++notCoreferent;
          verdict = "NOT coreferent";
          pairVerdict = std::max(pairVerdict, 0);
        }
        if (verbose) {
          std::cout << topic.filename().string() << "  " << f.primary.document << " `" << f.flagged
                    << "` ~ " << otherDoc << " `" << other << "`: " << verdict << "\n";
        }
      }
    }
  }
  const size_t scored = coreferent + notCoreferent;
  std::printf(
      "ECB+ cross-document name-variant pairs (%zu topics, %zu documents, %zu findings)\n\n",
      topics.size(), documents, findings);
  std::printf("| pairs flagged | coreferent | not coreferent | unannotated | precision |\n");
  std::printf("|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %zu | %zu | %zu | %.3f |\n", scored + unannotated, coreferent, notCoreferent,
              unannotated,
              scored == 0 ? 0.0 : static_cast<double>(coreferent) / static_cast<double>(scored));
  size_t pairsYes = 0;
  size_t pairsNo = 0;
  size_t pairsUnknown = 0;
  for (const auto& [pair, v] : spellingPairs) {
    (v == 1 ? pairsYes : v == 0 ? pairsNo : pairsUnknown) += 1;
  }
  std::printf("\nPer distinct spelling pair of a topic:\n\n");
  std::printf("| spelling pairs | coreferent | not coreferent | unannotated | precision |\n");
  std::printf("|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %zu | %zu | %zu | %.3f |\n", spellingPairs.size(), pairsYes, pairsNo,
              pairsUnknown,
              pairsYes + pairsNo == 0
                  ? 0.0
                  : static_cast<double>(pairsYes) / static_cast<double>(pairsYes + pairsNo));
  std::printf("\nSpelling pairs outside the gold annotation (%zu), for review:\n",
              distinctUnannotated.size());
  for (const std::string& pair : distinctUnannotated) {
    std::printf("  %s\n", pair.c_str());
  }
  return 0;
}
