// JSON Lines (de)serialisation of DocumentFacts. Fields holding their default value are
// left out of a record; spans are [begin, end] byte offsets into the record's text.
#include "newslint/workspace/facts_io.h"

#include <fstream>
#include <limits>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace newslint::workspace {

namespace {

using nlohmann::json;
namespace an = analysis;

json spanJson(an::Span s) {
  return json::array({s.begin, s.end});
}

an::Span spanOf(const json& j) {
  if (!j.is_array() || j.size() != 2) {
    throw std::runtime_error("a span must be [begin, end]");
  }
  an::Span s{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
  if (s.end < s.begin) {
    throw std::runtime_error("a span ends before it begins");
  }
  return s;
}

template <class T> void putIf(json& j, const char* key, const T& value, const T& fallback) {
  if (value != fallback) {
    j[key] = value;
  }
}
void putText(json& j, const char* key, const std::string& value) {
  if (!value.empty()) {
    j[key] = value;
  }
}
template <class E> void putEnum(json& j, const char* key, E value) {
  if (static_cast<int>(value) != 0) {
    j[key] = static_cast<int>(value);
  }
}

template <class T> void getIf(const json& j, const char* key, T& into) {
  if (auto it = j.find(key); it != j.end()) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      // A number the field cannot hold is refused, not wrapped.
      const auto v = it->template get<int64_t>();
      if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
        throw std::runtime_error(std::string("`") + key + "` out of range");
      }
      into = static_cast<T>(v);
    } else {
      into = it->template get<T>();
    }
  }
}
void getIf(const json& j, const char* key, analysis::InternedString& into) {
  if (auto it = j.find(key); it != j.end()) {
    into = it->get<std::string>();
  }
}
template <class E> void getEnum(const json& j, const char* key, E& into, int last) {
  if (auto it = j.find(key); it != j.end()) {
    const int v = it->get<int>();
    if (v < 0 || v > last) {
      throw std::runtime_error(std::string("`") + key + "` out of range");
    }
    into = static_cast<E>(v);
  }
}

void putText(json& j, const char* key, const an::InternedString& value) {
  putText(j, key, value.str());
}
void getText(const json& j, const char* key, an::InternedString& into) {
  if (auto it = j.find(key); it != j.end()) {
    into = an::InternedString(it->get<std::string>());
  }
}

json mentionJson(const an::Document& doc, const an::Mention& m) {
  json j;
  j["span"] = spanJson(m.span);
  json parts = json::array();
  for (const an::NamePart& p : m.parts) {
    parts.push_back(json::array({p.span.begin, p.span.end, p.text(doc), p.key.str()}));
  }
  j["parts"] = std::move(parts);
  if (!m.inheritedKey().empty()) {
    j["inherited"] = json::array({m.inheritedKey().str()}); // an array, as the format allows more
  }
  putIf<uint32_t>(j, "sentence", m.sentence, 0);
  putIf(j, "weak", m.weak, false);
  putIf(j, "possessive", m.possessive, false);
  putText(j, "title", m.title());
  putText(j, "role", m.role());
  putText(j, "roleOf", m.roleOf());
  putIf<int>(j, "age", m.age, -1);
  putIf<int>(j, "list", m.list, -1);
  return j;
}

// A part's text is not kept (the document has it): the record's must be the text at its span.
an::Mention mentionOf(const an::Document& doc, const json& j) {
  an::Mention m;
  m.span = spanOf(j.at("span"));
  for (const json& p : j.at("parts")) {
    if (!p.is_array() || p.size() != 4) {
      throw std::runtime_error("a name part must be [begin, end, text, key]");
    }
    an::NamePart part;
    part.span = spanOf(json::array({p[0], p[1]}));
    // (A span outside the text is reported by checkSpans.)
    if (part.span.end <= doc.text.size() && p[2].get<std::string>() != part.text(doc)) {
      throw std::runtime_error("a name part's text is not the text at its span");
    }
    part.key = an::InternedString(p[3].get<std::string>());
    m.parts.push_back(part);
  }
  an::MentionContext context;
  if (auto it = j.find("inherited"); it != j.end()) {
    if (!it->is_array() || it->size() > 1) {
      throw std::runtime_error("\"inherited\" must be an array of at most one key");
    }
    if (!it->empty()) {
      context.inheritedKey = an::InternedString(it->front().get<std::string>());
    }
  }
  getText(j, "title", context.title);
  getText(j, "role", context.role);
  getText(j, "roleOf", context.roleOf);
  m.setContext(context);
  getIf(j, "sentence", m.sentence);
  getIf(j, "weak", m.weak);
  getIf(j, "possessive", m.possessive);
  getIf(j, "age", m.age);
  getIf(j, "list", m.list);
  return m;
}

json expressionJson(const an::TimeExpression& e) {
  json j;
  j["span"] = spanJson(e.span);
  j["text"] = e.text;
  putEnum(j, "kind", e.kind);
  putIf<uint32_t>(j, "sentence", e.sentence, 0);
  putIf<int>(j, "year", e.year, -1);
  putIf<int>(j, "month", e.month, -1);
  putIf<int>(j, "day", e.day, -1);
  putIf<int>(j, "weekday", e.weekday, -1);
  putIf<int>(j, "hour", e.hour, -1);
  putIf<int>(j, "minute", e.minute, -1);
  putIf<int>(j, "decade", e.decade, -1);
  putIf<int>(j, "century", e.century, -1);
  putIf<int>(j, "quarter", e.quarter, -1);
  putIf<int>(j, "half", e.half, -1);
  putIf<int>(j, "zoneMinutes", e.zoneMinutes, an::TimeExpression::kNoZone);
  putIf(j, "zoneUsDst", e.zoneUsDst, false);
  putText(j, "zone", e.zone);
  putEnum(j, "season", e.season);
  putEnum(j, "holiday", e.holiday);
  putIf(j, "holidayWeek", e.holidayWeek, false);
  putEnum(j, "weekOf", e.weekOf);
  putEnum(j, "part", e.part);
  putEnum(j, "relation", e.relation);
  putEnum(j, "unit", e.unit);
  putIf<int>(j, "offset", e.offset, 0);
  putIf(j, "weekdayInUnit", e.weekdayInUnit, false);
  putIf(j, "wholeUnit", e.wholeUnit, false);
  putIf<int>(j, "reportQuarter", e.reportQuarter, 0);
  putIf<int>(j, "dayShift", e.dayShift, 0);
  putText(j, "anchorPhrase", e.anchorPhrase);
  if (e.anchorSpan != an::Span{}) {
    j["anchorSpan"] = spanJson(e.anchorSpan);
  }
  putIf(j, "narrativeCue", e.narrativeCue, false);
  putIf(j, "quoted", e.quoted, false);
  putIf(j, "vague", e.vague, false);
  putEnum(j, "tense", e.tense);
  putText(j, "durationValue", e.durationValue);
  putText(j, "problem", e.problem);
  if (e.problemSpan != an::Span{}) {
    j["problemSpan"] = spanJson(e.problemSpan);
  }
  return j;
}

an::TimeExpression expressionOf(const json& j) {
  an::TimeExpression e;
  e.span = spanOf(j.at("span"));
  e.text = j.at("text").get<std::string>();
  getEnum(j, "kind", e.kind, static_cast<int>(an::TimeKind::Reference));
  getIf(j, "sentence", e.sentence);
  getIf(j, "year", e.year);
  getIf(j, "month", e.month);
  getIf(j, "day", e.day);
  getIf(j, "weekday", e.weekday);
  getIf(j, "hour", e.hour);
  getIf(j, "minute", e.minute);
  getIf(j, "decade", e.decade);
  getIf(j, "century", e.century);
  getIf(j, "quarter", e.quarter);
  getIf(j, "half", e.half);
  getIf(j, "zoneMinutes", e.zoneMinutes);
  getIf(j, "zoneUsDst", e.zoneUsDst);
  getText(j, "zone", e.zone);
  getEnum(j, "season", e.season, static_cast<int>(an::Season::Winter));
  getEnum(j, "holiday", e.holiday, static_cast<int>(an::Holiday::Thanksgiving));
  getIf(j, "holidayWeek", e.holidayWeek);
  getEnum(j, "weekOf", e.weekOf, static_cast<int>(an::TimeExpression::WeekOf::LastOfMonth));
  getEnum(j, "part", e.part, static_cast<int>(an::PartOfDay::Day));
  getEnum(j, "relation", e.relation, static_cast<int>(an::Relation::Future));
  getEnum(j, "unit", e.unit, static_cast<int>(an::Unit::Decade));
  getIf(j, "offset", e.offset);
  getIf(j, "weekdayInUnit", e.weekdayInUnit);
  getIf(j, "wholeUnit", e.wholeUnit);
  getIf(j, "reportQuarter", e.reportQuarter);
  getIf(j, "dayShift", e.dayShift);
  getIf(j, "anchorPhrase", e.anchorPhrase);
  if (auto it = j.find("anchorSpan"); it != j.end()) {
    e.anchorSpan = spanOf(*it);
  }
  getIf(j, "narrativeCue", e.narrativeCue);
  getIf(j, "quoted", e.quoted);
  getIf(j, "vague", e.vague);
  getEnum(j, "tense", e.tense, static_cast<int>(an::Tense::Future));
  getIf(j, "durationValue", e.durationValue);
  getIf(j, "problem", e.problem);
  if (auto it = j.find("problemSpan"); it != j.end()) {
    e.problemSpan = spanOf(*it);
  }
  return e;
}

// Every span of the record must lie inside its text.
void checkSpans(const an::DocumentFacts& f) {
  const auto size = static_cast<uint32_t>(f.doc.text.size());
  auto inside = [&](an::Span s) {
    if (s.end > size) {
      throw std::runtime_error("a span lies outside the text");
    }
  };
  for (const an::Mention& m : f.mentions) {
    inside(m.span);
    for (const an::NamePart& p : m.parts) {
      inside(p.span);
    }
  }
  for (const an::TimeExpression& e : f.dates.expressions) {
    inside(e.span);
    inside(e.anchorSpan);
    inside(e.problemSpan);
  }
  if (f.dates.published) {
    inside(f.dates.published->span);
  }
}

} // namespace

std::string factsToJsonLine(const an::DocumentFacts& facts) {
  json j;
  j["v"] = kFactsVersion;
  j["id"] = facts.doc.id;
  j["text"] = facts.doc.text;
  json mentions = json::array();
  for (const an::Mention& m : facts.mentions) {
    mentions.push_back(mentionJson(facts.doc, m));
  }
  j["mentions"] = std::move(mentions);
  json dates;
  json expressions = json::array();
  for (const an::TimeExpression& e : facts.dates.expressions) {
    expressions.push_back(expressionJson(e));
  }
  dates["expressions"] = std::move(expressions);
  if (facts.dates.published) {
    const an::HeaderDate& h = *facts.dates.published;
    dates["published"] = {
        {"date", an::formatDate(h.date)}, {"span", spanJson(h.span)}, {"label", h.label}};
  }
  j["dates"] = std::move(dates);
  // Invalid UTF-8 cannot occur (texts are sanitised when read); replace rather than throw.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::shared_ptr<const an::DocumentFacts> factsFromJsonLine(std::string_view line,
                                                           std::string& error) {
  try {
    const json j = json::parse(line);
    if (j.value("v", 0) != kFactsVersion) {
      error = "record format version " + std::to_string(j.value("v", 0)) + ", expected " +
              std::to_string(kFactsVersion);
      return nullptr;
    }
    auto facts = std::make_shared<an::DocumentFacts>();
    facts->doc = an::parseDocument(j.at("id").get<std::string>(), j.at("text").get<std::string>());
    for (const json& m : j.at("mentions")) {
      facts->mentions.push_back(mentionOf(facts->doc, m));
    }
    const json& dates = j.at("dates");
    for (const json& e : dates.at("expressions")) {
      facts->dates.expressions.push_back(expressionOf(e));
    }
    if (auto it = dates.find("published"); it != dates.end()) {
      an::HeaderDate h;
      const auto date = an::parseIsoDate(it->at("date").get<std::string>());
      if (!date) {
        throw std::runtime_error("`published.date` is not a date");
      }
      h.date = *date;
      h.span = spanOf(it->at("span"));
      h.label = it->value("label", std::string());
      facts->dates.published = h;
    }
    checkSpans(*facts);
    // As extractFacts keeps them: the analysis reads no token, and a corpus's tokens weigh
    // about three times its text.
    std::vector<an::Token>().swap(facts->doc.tokens);
    facts->doc.sentences.shrink_to_fit();
    facts->mentions.shrink_to_fit();
    facts->dates.expressions.shrink_to_fit();
    return facts;
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
}

void writeFacts(const an::CorpusSnapshot& snapshot, std::ostream& out) {
  for (const auto& [id, facts] : snapshot.documents) {
    out << factsToJsonLine(*facts) << '\n';
  }
}

std::vector<std::string> readFactsFiles(an::Corpus& corpus,
                                        const std::vector<std::filesystem::path>& files) {
  // Records are independent: they are parsed (and their documents rebuilt) on all cores, a
  // batch of lines at a time. A record's line is about three times its article: holding a
  // whole file's lines beside the facts made of them doubled the peak memory of the reduce.
  constexpr size_t kBatch = 4096;
  std::vector<std::string> errors;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      errors.push_back(path.string() + ": cannot read the facts file");
      continue;
    }
    size_t firstLine = 1; // the number of the batch's first line in the file
    std::vector<std::string> lines;
    std::vector<std::shared_ptr<const an::DocumentFacts>> parsed;
    std::vector<std::string> problems;
    bool more = true;
    while (more) {
      lines.clear();
      for (std::string line; lines.size() < kBatch;) {
        if (!std::getline(in, line)) {
          more = false;
          break;
        }
        lines.push_back(std::move(line));
      }
      parsed.assign(lines.size(), nullptr);
      problems.assign(lines.size(), std::string());
      const unsigned threads = std::max(
          1U, std::min<unsigned>(std::thread::hardware_concurrency(),
                                 static_cast<unsigned>(std::max<size_t>(lines.size() / 64, 1))));
      auto work = [&](unsigned t) {
        for (size_t i = t; i < lines.size(); i += threads) {
          if (lines[i].empty() || lines[i] == "\r") {
            continue;
          }
          parsed[i] = factsFromJsonLine(lines[i], problems[i]);
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(work, t);
      }
      work(0);
      for (auto& thread : pool) {
        thread.join();
      }
      for (size_t i = 0; i < lines.size(); ++i) {
        if (parsed[i]) {
          corpus.put(std::move(parsed[i]));
        } else if (!problems[i].empty()) {
          errors.push_back(path.string() + ":" + std::to_string(firstLine + i) + ": " +
                           problems[i]);
        }
      }
      firstLine += lines.size();
    }
  }
  return errors;
}

} // namespace newslint::workspace
