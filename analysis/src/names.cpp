// Name mentions: capitalised runs with connectors, with titles, possessives, roles, ages
// and enumerations recorded as context for the spelling checks.
#include "newslint/analysis/names.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <mutex>
#include <string_view>
#include <unordered_set>

#include "newslint/analysis/spelling.h"
#include "newslint/analysis/unicode.h"
#include "newslint/analysis/word_table.h"
#include "word_memo.h"

namespace newslint::analysis {

// A corpus holds about a hundred mentions per article (names.h).
static_assert(sizeof(Mention) == 64, "Mention fields are laid out in NameParts' tail");

namespace {

// Title words: stripped from the front of a name and kept as its context.
bool isTitleWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 58> kTitles = {"mr",
                                                               "mrs",
                                                               "ms",
                                                               "miss",
                                                               "dr",
                                                               "president",
                                                               "minister",
                                                               "secretary",
                                                               "secretary-general",
                                                               "general",
                                                               "gen",
                                                               "king",
                                                               "queen",
                                                               "prince",
                                                               "princess",
                                                               "sheikh",
                                                               "sheik",
                                                               "emir",
                                                               "colonel",
                                                               "col",
                                                               "lieutenant",
                                                               "lt",
                                                               "captain",
                                                               "capt",
                                                               "major",
                                                               "maj",
                                                               "sergeant",
                                                               "sgt",
                                                               "senator",
                                                               "sen",
                                                               "representative",
                                                               "rep",
                                                               "governor",
                                                               "gov",
                                                               "judge",
                                                               "pope",
                                                               "reverend",
                                                               "rev",
                                                               "sir",
                                                               "dame",
                                                               "lord",
                                                               "lady",
                                                               "chancellor",
                                                               "ambassador",
                                                               "commander",
                                                               "chairman",
                                                               "chairwoman",
                                                               "mayor",
                                                               "director",
                                                               "spokesman",
                                                               "spokeswoman",
                                                               "premier",
                                                               "admiral",
                                                               "adm",
                                                               "marshal",
                                                               "brigadier",
                                                               "ayatollah",
                                                               "imam"};
  static const WordSet kSet(kTitles.begin(), kTitles.end());
  return kSet.contains(folded);
}

// Lower-case words joining the parts of one name.
bool isConnector(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kConnectors = {
      "al",  "el",    "bin", "ibn", "bint", "abu", "de", "da", "di",  "du",
      "del", "della", "van", "von", "der",  "den", "la", "le", "dos", "ben"};
  static const WordSet kSet(kConnectors.begin(), kConnectors.end());
  return kSet.contains(word);
}

bool isArticleWord(std::string_view folded) {
  return folded == "al" || folded == "el";
}

// Role words that identify a person by function ("media adviser"); relations are in
// isRelationRole.
bool isRoleWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 28> kOffices = {
      "adviser",   "advisor",   "spokesman",     "spokeswoman", "spokesperson", "minister",
      "president", "commander", "chief",         "leader",      "ambassador",   "envoy",
      "secretary", "chairman",  "director",      "head",        "diplomat",     "mayor",
      "governor",  "judge",     "correspondent", "reporter",    "editor",       "manager",
      "lawyer",    "doctor",    "premier",       "cousins"};
  static const WordSet kSet(kOffices.begin(), kOffices.end());
  return isRelationRole(folded) || kSet.contains(folded);
}

std::string normalizeRole(std::string_view folded) {
  if (folded == "advisor") {
    return "adviser";
  }
  if (folded == "cousins") {
    return "cousin";
  }
  if (folded == "spokeswoman" || folded == "spokesperson") {
    return "spokesman";
  }
  return std::string(folded);
}

bool endsWithPossessive(std::string_view word, size_t& stem) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s"),
                                  std::string_view("'S"), std::string_view("\u2019S")}) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) {
      stem = word.size() - suffix.size();
      return true;
    }
  }
  return false;
}

// Key of a possessor: "Assad's", "Assad’s" and "Assads" all give "assad".
std::string possessorKey(std::string_view word) {
  size_t stem = word.size();
  endsWithPossessive(word, stem);
  std::string key = foldDiacritics(word.substr(0, stem));
  key = std::string(stripArticle(key));
  if (key.size() > 3 && key.back() == 's') {
    key.pop_back();
  }
  return key;
}

bool isOpeningQuote(std::string_view s) {
  return s == "\"" || s == "\u201C" || s == "\u2018" || s == "'" || s == "(" || s == "[" ||
         s == "-" || s == "\u2014" || s == "\u2013" || s == ":" || s == "*" || s == "\u2022";
}

struct Extractor {
  const Document& doc;
  const Lexicon& lexicon;
  std::vector<Mention> out;
  int nextList = 0;

  std::string_view textOf(uint32_t i) const { return doc.slice(doc.tokens[i].span); }

  bool startLike(uint32_t i, const Sentence& s) const {
    if (doc.tokens[i].sentenceStart) {
      return true;
    }
    return i > s.firstToken && doc.tokens[i - 1].kind == TokenKind::Punct &&
           isOpeningQuote(textOf(i - 1));
  }

  // A token that can be part of a name: capitalised, or an article-prefixed capitalised
  // word ("al-Assad").
  bool isNameToken(uint32_t i) const {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::Word) {
      return false;
    }
    const std::string_view text = textOf(i);
    if (t.capitalized) {
      const std::string folded = foldCase(text);
      return !isCalendarWord(folded);
    }
    // "al-Assad", "el-Sisi", "bin-Laden"
    const size_t hyphen = text.find('-');
    if (hyphen != std::string_view::npos && hyphen + 1 < text.size()) {
      const std::string prefix = foldCase(text.substr(0, hyphen));
      size_t p = hyphen + 1;
      return isConnector(prefix) && isUpper(decodeUtf8(text, p));
    }
    return false;
  }

  bool joined(uint32_t i) const {
    const Token& t = doc.tokens[i];
    return t.spaceBefore && !t.lineBreakBefore;
  }

  void run() {
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      const size_t first = out.size();
      if (shouting(s)) {
        // An all-capitals line tells no name from a word.
      } else if (s.headline) {
        headline(si, s);
      } else {
        sentence(si, s);
      }
      findLists(first, s);
    }
  }

  bool shouting(const Sentence& s) const {
    size_t upper = 0;
    size_t lower = 0;
    const std::string_view text = doc.slice(s.span);
    for (size_t pos = 0; pos < text.size();) {
      const char32_t cp = decodeUtf8(text, pos);
      upper += isUpper(cp) ? 1 : 0;
      lower += isLower(cp) ? 1 : 0;
    }
    return upper >= 8 && upper > 3 * lower;
  }

  // In a title-case line every word is capitalised: each word stands alone and is weak.
  void headline(uint32_t si, const Sentence& s) {
    for (uint32_t i = s.firstToken; i < s.endToken; ++i) {
      if (!isNameToken(i)) {
        continue;
      }
      uint32_t end = i + 1;
      Mention m;
      addPart(m, i, end);
      if (m.parts.empty()) {
        continue;
      }
      const std::string& key = m.parts.front().key;
      if (lexicon.isCommonWord(key) || isTitleWord(key) || key.size() < 2) {
        continue;
      }
      m.sentence = si;
      m.weak = true;
      finish(m);
    }
  }

  void sentence(uint32_t si, const Sentence& s) {
    uint32_t i = s.firstToken;
    while (i < s.endToken) {
      if (!isNameToken(i)) {
        ++i;
        continue;
      }
      // Collect the run: name tokens joined by single spaces, through connectors.
      const uint32_t runStart = i;
      uint32_t end = i + 1;
      bool possessive = false;
      {
        size_t stem = 0;
        possessive = endsWithPossessive(textOf(i), stem);
      }
      while (!possessive && end < s.endToken) {
        if (isNameToken(end) && joined(end)) {
          size_t stem = 0;
          possessive = endsWithPossessive(textOf(end), stem);
          ++end;
          continue;
        }
        // "Mr." and other abbreviated titles: the period belongs to the title.
        if (textOf(end) == "." && end == runStart + 1 && !joined(end) &&
            isTitleWord(foldCase(textOf(runStart))) && end + 1 < s.endToken &&
            isNameToken(end + 1) && joined(end + 1)) {
          end += 2;
          continue;
        }
        const std::string folded = foldCase(textOf(end));
        if ((isConnector(folded) || folded == "of") && joined(end) && end + 1 < s.endToken &&
            isNameToken(end + 1) && joined(end + 1)) {
          end += 2;
          continue;
        }
        break;
      }
      buildMention(si, s, runStart, end);
      i = end;
    }
  }

  void buildMention(uint32_t si, const Sentence& s, uint32_t runStart, uint32_t end) {
    // Split off the title: everything up to the last title word of the run.
    uint32_t nameStart = runStart;
    InternedString title;
    for (uint32_t k = runStart; k < end; ++k) {
      const std::string folded = foldCase(textOf(k));
      if (isTitleWord(folded) && k + 1 < end) {
        nameStart = k + 1;
      }
    }
    // "Secretary of State Hillary Clinton": the "of X" after a title belongs to it.
    if (nameStart > runStart && nameStart + 1 < end && foldCase(textOf(nameStart)) == "of") {
      nameStart += 2;
    }
    while (nameStart < end && textOf(nameStart) == ".") {
      ++nameStart;
    }
    if (nameStart > runStart) {
      title = InternedString(std::string_view(doc.text).substr(
          doc.tokens[runStart].span.begin,
          doc.tokens[nameStart - 1].span.end - doc.tokens[runStart].span.begin));
    }
    if (nameStart >= end) {
      return;
    }
    std::string lastFolded = foldCase(textOf(end - 1));
    if (size_t stem = 0; endsWithPossessive(lastFolded, stem)) {
      lastFolded.resize(stem);
    }
    if (isTitleWord(lastFolded)) {
      return; // a title without a name: "President", "Prime Minister", "the President's"
    }
    // A common word opening a sentence ("Even Assad’s", "Three Reuters sources") is not
    // part of the name; alone it is a weak mention.
    bool weak = false;
    if (nameStart == runStart && startLike(runStart, s)) {
      const std::string folded = foldDiacritics(textOf(runStart));
      if (lexicon.isCommonWord(folded)) {
        if (end - runStart == 1) {
          weak = true;
        } else {
          ++nameStart;
          const std::string next = foldCase(textOf(nameStart));
          if (isConnector(next) || next == "of") {
            return;
          }
        }
      }
    }
    Mention m;
    m.sentence = si;
    m.weak = weak;
    m.setTitle(title);
    for (uint32_t k = nameStart; k < end; ++k) {
      // "of" ("Ministry of Defense") and a free-standing article ("Al Jazeera") join parts
      // without being parts themselves.
      const std::string folded = foldCase(textOf(k));
      if ((isArticleWord(folded) || folded == "of") && k + 1 < end) {
        continue;
      }
      addPart(m, k, k + 1);
    }
    if (m.parts.empty()) {
      return;
    }
    size_t stem = 0;
    NamePart& last = m.parts.back();
    if (endsWithPossessive(last.text(doc), stem)) {
      m.possessive = true;
      last.span.end = last.span.begin + static_cast<uint32_t>(stem);
      last.key = InternedString(stripArticle(foldCase(last.text(doc))));
    }
    findRole(m, s, nameStart, end);
    findAge(m, s, end);
    finish(m);
  }

  void addPart(Mention& m, uint32_t i, uint32_t /*end*/) {
    // The key of a part as written: folded, without its article. A corpus repeats its
    // names, so each thread keeps the keys it has made.
    thread_local WordMemo partKeys;
    const InternedString key = partKeys.of(textOf(i), [](std::string_view written) {
      const std::string folded = foldCase(written);
      return std::string(stripArticle(folded));
    });
    if (key.empty()) {
      return;
    }
    m.parts.push_back({doc.tokens[i].span, key});
  }

  void finish(Mention& m) {
    m.span = {m.parts.front().span.begin, m.parts.back().span.end};
    out.push_back(std::move(m));
  }

  // Role before the name ("Assad's mother, Inessa", "media adviser Buthaina Shaaban") or
  // after it ("Inessa, Assad's mother").
  void findRole(Mention& m, const Sentence& s, uint32_t nameStart, uint32_t end) {
    auto roleAt = [&](uint32_t k) -> bool {
      const std::string folded = foldCase(textOf(k));
      if (!isRoleWord(folded)) {
        return false;
      }
      std::string role = normalizeRole(folded);
      // A modifier before the head ("media adviser", "foreign minister").
      if (k > s.firstToken && doc.tokens[k - 1].kind == TokenKind::Word &&
          !doc.tokens[k - 1].capitalized) {
        const std::string modifier = foldCase(textOf(k - 1));
        if (modifier != "his" && modifier != "her" && modifier != "their" && modifier != "the" &&
            modifier != "its" && modifier != "a" && modifier != "an") {
          role = modifier + " " + role;
        }
      }
      m.setRole(InternedString(role));
      // The possessor: "Assad's mother", "Assads mother", "the mother of Assad".
      for (uint32_t p = k; p > s.firstToken && p + 3 > k;) {
        --p;
        const Token& t = doc.tokens[p];
        if (t.kind == TokenKind::Word && t.capitalized) {
          size_t stem = 0;
          const std::string_view w = textOf(p);
          if (endsWithPossessive(w, stem) || (w.size() > 3 && w.back() == 's')) {
            m.setRoleOf(InternedString(possessorKey(w)));
          }
          break;
        }
      }
      return true;
    };
    // Before: the role word right before the name ("media adviser Buthaina Shaaban"), or
    // before a comma right before it ("Assad's mother, Inessa").
    if (nameStart > s.firstToken) {
      uint32_t k = nameStart - 1;
      if (textOf(k) == "," && k > s.firstToken) {
        --k;
      }
      if (doc.tokens[k].kind == TokenKind::Word && roleAt(k)) {
        return;
      }
    }
    // After: ", the/his/Assad's [modifier] role" ("Inessa, Assad's mother").
    if (end + 2 < s.endToken && textOf(end) == ",") {
      uint32_t k = end + 1;
      const std::string first = foldCase(textOf(k));
      size_t stem = 0;
      const bool determiner = first == "the" || first == "his" || first == "her" ||
                              first == "their" || first == "its" || first == "a" || first == "an" ||
                              (doc.tokens[k].capitalized && endsWithPossessive(textOf(k), stem));
      if (!determiner) {
        return;
      }
      for (++k; k < s.endToken && k <= end + 4; ++k) {
        if (doc.tokens[k].kind != TokenKind::Word) {
          break;
        }
        if (roleAt(k)) {
          return;
        }
      }
    }
  }

  // "Zane, 9," and "Zane (9)".
  void findAge(Mention& m, const Sentence& s, uint32_t end) {
    if (end + 1 >= s.endToken) {
      return;
    }
    const std::string_view open = textOf(end);
    if (open != "," && open != "(") {
      return;
    }
    const Token& number = doc.tokens[end + 1];
    if (number.kind != TokenKind::Number) {
      return;
    }
    const std::string_view digits = textOf(end + 1);
    int age = -1;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), age);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || age <= 0 || age > 120) {
      return;
    }
    if (end + 2 < s.endToken) {
      const std::string_view after = textOf(end + 2);
      if (after != "," && after != ")" && after != "." && after != ";") {
        return; // "Homs, 20 people"
      }
    }
    m.age = age;
  }

  // Mentions separated only by commas, "and", "or" and ages form an enumeration.
  void findLists(size_t first, const Sentence& s) {
    (void)s;
    for (size_t a = first; a + 1 < out.size(); ++a) {
      const Mention& left = out[a];
      const Mention& right = out[a + 1];
      if (left.weak || right.weak) {
        continue;
      }
      bool onlySeparators = true;
      bool sawAnd = false;
      const std::string_view between =
          std::string_view(doc.text).substr(left.span.end, right.span.begin - left.span.end);
      size_t pos = 0;
      while (pos < between.size()) {
        const size_t start = pos;
        size_t next = pos;
        const char32_t cp = decodeUtf8(between, next);
        if (isSpace(cp) || cp == U',' || isDigit(cp)) {
          pos = next;
          continue;
        }
        if (between.substr(start, 3) == "and") {
          sawAnd = true;
          pos += 3;
          continue;
        }
        if (between.substr(start, 2) == "or") {
          pos += 2;
          continue;
        }
        onlySeparators = false;
        break;
      }
      if (!onlySeparators || between.empty() || left.possessive) {
        continue;
      }
      if (out[a].list < 0) {
        out[a].list = nextList++;
      }
      out[a + 1].list = out[a].list;
      // "Ihab and Iyad Makhlouf": a lone first name takes the surname of the last member
      // (not the surname itself: "Reagan and Nancy Reagan"), when that member starts with
      // a first name, not a word ("President Reagan and White House officials", "Britain
      // and New Zealand").
      if (sawAnd && left.parts.size() == 1 && right.parts.size() >= 2 &&
          !lexicon.isPlace(left.parts.front().key.view()) &&
          !lexicon.isCommonWord(foldDiacritics(right.parts.front().key.view()))) {
        for (size_t b = a + 1; b-- > 0;) {
          if (out[b].list != out[a].list) {
            break;
          }
          if (out[b].parts.size() == 1 && out[b].parts.front().key != right.parts.back().key) {
            out[b].setInheritedKey(right.parts.back().key);
          }
        }
      }
    }
  }
};

} // namespace

bool isRelationRole(std::string_view folded) {
  static constexpr std::array<std::string_view, 24> kRelations = {
      "mother",      "father",         "son",           "daughter",
      "wife",        "husband",        "brother",       "sister",
      "cousin",      "uncle",          "aunt",          "nephew",
      "niece",       "grandson",       "granddaughter", "grandfather",
      "grandmother", "brother-in-law", "sister-in-law", "mother-in-law",
      "son-in-law",  "father-in-law",  "widow",         "children"};
  static const WordSet kSet(kRelations.begin(), kRelations.end());
  return kSet.contains(folded);
}

bool isCalendarWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 26> kCalendar = {
      "monday",    "tuesday",  "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january",   "february", "march",     "april",    "june",     "july",     "august",
      "september", "october",  "november",  "december", "jan",      "feb",      "aug",
      "sept",      "oct",      "nov",       "dec",      "christmas"};
  static const WordSet kSet(kCalendar.begin(), kCalendar.end());
  return kSet.contains(folded);
}

const MentionContext MentionContext::kEmpty;

namespace {

struct ContextHash {
  size_t operator()(const MentionContext& c) const {
    // Interned texts: equal texts have one address.
    size_t h = 0;
    for (const InternedString* s : {&c.inheritedKey, &c.title, &c.role, &c.roleOf}) {
      h = h * 1000003U ^ std::hash<const void*>{}(s->view().data());
    }
    return h;
  }
};

} // namespace

const MentionContext* MentionContext::intern(const MentionContext& context) {
  if (context == kEmpty) {
    return &kEmpty;
  }
  // Extraction runs on every core; the combinations are few (a title with a name's role).
  static std::mutex mutex;
  // Nodes never move: a pointer to an element stays valid as the set grows. Never
  // destroyed: mentions outlive statics.
  static auto* const pool = new std::unordered_set<MentionContext, ContextHash>();
  const std::lock_guard<std::mutex> lock(mutex);
  return &*pool->insert(context).first;
}

std::string Mention::text(const Document& doc) const {
  std::string out;
  for (const NamePart& p : parts) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += p.text(doc);
  }
  return out;
}

std::string Mention::key() const {
  std::string out;
  for (const NamePart& p : parts) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += p.key;
  }
  return out;
}

std::vector<Mention> extractMentions(const Document& doc, const Lexicon& lexicon) {
  Extractor extractor{doc, lexicon, {}, 0};
  extractor.run();
  return std::move(extractor.out);
}

} // namespace newslint::analysis
