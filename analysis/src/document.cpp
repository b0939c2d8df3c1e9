// Tokenisation, sentence splitting and suppression markers.
#include "newslint/analysis/document.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "newslint/analysis/unicode.h"

namespace newslint::analysis {

namespace {

char32_t peek(std::string_view text, size_t pos) {
  if (pos >= text.size()) {
    return 0;
  }
  return decodeUtf8(text, pos);
}

// Abbreviations after which a period does not end a sentence.
bool isAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kAbbreviations = {
      "Mr",  "Mrs", "Ms",  "Dr",   "St",  "Gen",  "Lt",   "Col", "Sgt", "Capt",
      "Maj", "Adm", "Sen", "Rep",  "Gov", "Rev",  "Prof", "Jan", "Feb", "Mar",
      "Apr", "Jun", "Jul", "Aug",  "Sep", "Sept", "Oct",  "Nov", "Dec", "No",
      "vs",  "etc", "Inc", "Corp", "Co",  "Ltd",  "Jr",   "Sr",  "Mt",  "Ft"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

bool isOpeningPunct(char32_t cp) {
  return cp == U'"' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\'' || cp == U'(' ||
         cp == U'[' || cp == U'-' || cp == U'\u2014' || cp == U'\u2013' || cp == U'*' ||
         cp == U'\u2022';
}

struct Tokenizer {
  std::string_view text;
  std::vector<Token>& out;

  void run() {
    size_t pos = 0;
    bool space = false;
    bool lineBreak = true;
    while (pos < text.size()) {
      size_t next = pos;
      const char32_t cp = decodeUtf8(text, next);
      if (cp == U'\n' || cp == U'\r') {
        lineBreak = true;
        space = false;
        pos = next;
        continue;
      }
      if (isSpace(cp)) {
        space = true;
        pos = next;
        continue;
      }
      Token token;
      token.spaceBefore = space;
      token.lineBreakBefore = lineBreak;
      space = false;
      lineBreak = false;
      if (isLetter(cp)) {
        token.kind = TokenKind::Word;
        token.capitalized = isUpper(cp);
        next = scanWord(pos);
      } else if (isDigit(cp)) {
        token.kind = TokenKind::Number;
        next = scanNumber(pos);
      } else {
        token.kind = TokenKind::Punct;
      }
      token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(next)};
      out.push_back(token);
      pos = next;
    }
  }

  // A word: letters and marks, joined by internal apostrophes, hyphens and periods of
  // abbreviations ("Hay’at", "Ki-moon", "al-Assad", "U.N.", "p.m.").
  size_t scanWord(size_t pos) const {
    size_t end = pos;
    size_t letters = 0;
    bool dotted = false;
    while (end < text.size()) {
      // ASCII letters and digits, most of a word, without the calls.
      const auto byte = static_cast<unsigned char>(text[end]);
      if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
          (byte >= '0' && byte <= '9')) {
        ++end;
        ++letters;
        continue;
      }
      size_t next = end;
      const char32_t cp = decodeUtf8(text, next);
      if (isLetter(cp) || isCombiningMark(cp) || isDigit(cp)) {
        end = next;
        ++letters;
        continue;
      }
      if (isApostrophe(cp) || isHyphen(cp)) {
        size_t after = next;
        const char32_t following = peek(text, after);
        if (isLetter(following) || (isHyphen(cp) && isDigit(following))) {
          end = next;
          continue;
        }
        break;
      }
      if (cp == U'.' && (letters == 1 || dotted)) {
        // "U.N.", "p.m.": a single letter followed by a period and another letter+period.
        const char32_t following = peek(text, next);
        size_t after = next;
        if (isLetter(following)) {
          decodeUtf8(text, after);
          if (peek(text, after) == U'.') {
            dotted = true;
            end = after + 1;
            letters = 1;
            continue;
          }
        }
        if (dotted) {
          end = next; // the final period of "U.N."
        }
        break;
      }
      break;
    }
    return end;
  }

  // A number: digits with internal ",ddd" or ".d" groups and a letter suffix ("4th", "1980s").
  size_t scanNumber(size_t pos) const {
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      const char32_t cp = decodeUtf8(text, next);
      if (isDigit(cp) || isLetter(cp)) {
        end = next;
        continue;
      }
      if ((cp == U',' || cp == U'.') && isDigit(peek(text, next))) {
        end = next;
        continue;
      }
      break;
    }
    return end;
  }
};

bool endsSentence(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  const std::string_view s = text.substr(t.span.begin, t.span.size());
  if (s == "!" || s == "?") {
    return true;
  }
  if (s == "." || s == "\u2026") {
    if (i > 0) {
      const Token& prev = tokens[i - 1];
      if (prev.span.end == t.span.begin && prev.kind == TokenKind::Word) {
        const std::string_view word = text.substr(prev.span.begin, prev.span.size());
        if (isAbbreviation(word)) {
          return false;
        }
        // A single capital letter: an initial ("George W. Bush").
        size_t p = 0;
        const char32_t first = decodeUtf8(word, p);
        if (p == word.size() && isUpper(first)) {
          return false;
        }
      }
    }
    return true;
  }
  // "U.N." and "p.m." end sentences only when a capitalised word follows (checked by caller).
  return false;
}

bool isDottedAbbreviation(std::string_view word) {
  return word.size() >= 3 && word.back() == '.';
}

bool isTitleFunctionWord(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "from", "with", "into", "over", "after", "about", "against", "under",
      "amid", "than", "that", "this", "when",  "upon",  "onto",    "before"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool lineLooksLikeHeadline(const Document& doc, const Sentence& s) {
  const uint32_t words = [&] {
    uint32_t n = 0;
    for (uint32_t i = s.firstToken; i < s.endToken; ++i) {
      n += doc.tokens[i].kind == TokenKind::Word ? 1 : 0;
    }
    return n;
  }();
  if (words == 0 || words > 14) {
    return false;
  }
  const Token& last = doc.tokens[s.endToken - 1];
  const std::string_view lastText = doc.slice(last.span);
  if (lastText == "." || lastText == "!" || lastText == "?" || lastText == ":" ||
      lastText == "\"" || lastText == "\u201D") {
    return false;
  }
  uint32_t capitalised = 0;
  uint32_t lowerContent = 0;
  for (uint32_t i = s.firstToken; i < s.endToken; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::Word) {
      continue;
    }
    if (t.capitalized) {
      ++capitalised;
    } else if (t.span.size() > 3 && !isTitleFunctionWord(doc.slice(t.span))) {
      ++lowerContent; // "of", "the", "from" may stay lower case in a title
    }
  }
  return words == 1 ? capitalised == 1 : (lowerContent == 0 && capitalised >= 2);
}

void splitSentences(Document& doc) {
  const std::string_view text = doc.text;
  auto& tokens = doc.tokens;
  uint32_t start = 0;
  auto close = [&](uint32_t end) {
    if (end <= start) {
      return;
    }
    Sentence s;
    s.firstToken = start;
    s.endToken = end;
    s.span = {tokens[start].span.begin, tokens[end - 1].span.end};
    doc.sentences.push_back(s);
    start = end;
  };
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    if (i > start && tokens[i].lineBreakBefore) {
      // A line break ends a sentence unless the text is hard-wrapped: the previous line is
      // long and the line after it continues the paragraph. (A sentence that ends at the
      // line's end was already closed by its punctuation.)
      const LinePos prevPos = doc.lines.position(tokens[i - 1].span.end);
      const uint32_t prevLineLength =
          doc.lines.lineEnd(prevPos.line) - doc.lines.lineStart(prevPos.line);
      const bool blankLine = doc.lines.position(tokens[i].span.begin).line > prevPos.line + 1;
      const bool wrapped = !blankLine && prevLineLength >= 50 && prevLineLength <= 100;
      if (!wrapped) {
        close(i);
      }
    }
    if (endsSentence(text, tokens, i)) {
      // Absorb closing quotes and brackets.
      uint32_t end = i + 1;
      while (end < tokens.size() && !tokens[end].spaceBefore && !tokens[end].lineBreakBefore &&
             tokens[end].kind == TokenKind::Punct) {
        ++end;
      }
      if (end >= tokens.size() || tokens[end].lineBreakBefore || tokens[end].spaceBefore) {
        close(end);
        i = end - 1;
      }
    } else if (tokens[i].kind == TokenKind::Word &&
               isDottedAbbreviation(text.substr(tokens[i].span.begin, tokens[i].span.size())) &&
               i + 1 < tokens.size() && tokens[i + 1].capitalized && tokens[i + 1].spaceBefore) {
      // "... in the U.S. The ..." — but "U.N. Security Council" continues; accept the
      // ambiguity only for dotted words in lower case ("p.m. The").
      size_t p = 0;
      const std::string_view word = text.substr(tokens[i].span.begin, tokens[i].span.size());
      if (isLower(decodeUtf8(word, p))) {
        close(i + 1);
      }
    }
  }
  close(static_cast<uint32_t>(tokens.size()));

  for (Sentence& s : doc.sentences) {
    s.headline = lineLooksLikeHeadline(doc, s);
    for (uint32_t i = s.firstToken; i < s.endToken; ++i) {
      Token& t = tokens[i];
      if (t.kind == TokenKind::Punct) {
        size_t p = t.span.begin;
        if (isOpeningPunct(decodeUtf8(text, p))) {
          continue;
        }
        break;
      }
      t.sentenceStart = true;
      break;
    }
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

void findSuppressions(Document& doc) {
  constexpr std::string_view kMarker = "newslint-disable";
  const std::string_view text = doc.text;
  for (size_t found = text.find(kMarker); found != std::string_view::npos;
       found = text.find(kMarker, found + kMarker.size())) {
    const LinePos pos = doc.lines.position(static_cast<uint32_t>(found));
    const std::string_view line = text.substr(
        doc.lines.lineStart(pos.line), doc.lines.lineEnd(pos.line) - doc.lines.lineStart(pos.line));
    std::string_view rest = trim(line.substr(pos.column));
    // The marker may sit behind a comment-like prefix ("<!--", "#", "//", "[").
    Suppression s;
    if (rest.starts_with("newslint-disable-next-line")) {
      s.line = pos.line + 1;
      rest.remove_prefix(std::string_view("newslint-disable-next-line").size());
    } else if (rest.starts_with("newslint-disable-line")) {
      s.line = pos.line;
      rest.remove_prefix(std::string_view("newslint-disable-line").size());
    } else if (rest.starts_with("newslint-disable-file")) {
      s.line = UINT32_MAX;
      rest.remove_prefix(std::string_view("newslint-disable-file").size());
    } else {
      continue;
    }
    // Codes: separated by spaces or commas, up to a comment closer.
    std::string code;
    auto flush = [&] {
      if (!code.empty()) {
        s.codes.push_back(code);
        code.clear();
      }
    };
    for (const char c : rest) {
      if (c == ' ' || c == ',' || c == '\t') {
        flush();
      } else if (c == '-' && code.empty()) {
        break; // "-->" closes an HTML-like comment
      } else if ((c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9')) {
        code.push_back(c);
      } else {
        break;
      }
    }
    flush();
    doc.suppressions.push_back(std::move(s));
  }
}

} // namespace

uint32_t Document::sentenceAt(uint32_t offset) const {
  if (sentences.empty()) {
    return 0;
  }
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.span.begin; });
  if (it == sentences.begin()) {
    return 0;
  }
  return static_cast<uint32_t>(std::distance(sentences.begin(), it) - 1);
}

bool Document::suppressed(std::string_view code, uint32_t offset) const {
  if (suppressions.empty()) {
    return false;
  }
  const uint32_t line = lines.position(offset).line;
  for (const Suppression& s : suppressions) {
    if (s.line != line && s.line != UINT32_MAX) {
      continue;
    }
    if (s.codes.empty() || std::find(s.codes.begin(), s.codes.end(), code) != s.codes.end()) {
      return true;
    }
  }
  return false;
}

Document parseDocument(std::string id, std::string text) {
  Document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  doc.lines = LineTable(doc.text);
  doc.tokens.reserve(doc.text.size() / 5);
  Tokenizer{doc.text, doc.tokens}.run();
  splitSentences(doc);
  findSuppressions(doc);
  return doc;
}

} // namespace newslint::analysis
