// A document: its text, line table, tokens and sentences. Built once per version of the
// text; everything else the engine knows about the document derives from it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newslint/analysis/text.h"

namespace newslint::analysis {

enum class TokenKind : uint8_t { Word, Number, Punct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::Word;
  bool capitalized = false;   ///< first letter is upper case
  bool sentenceStart = false; ///< first word of its sentence (after quotes or dashes)
  bool spaceBefore = false;   ///< white space (not a line break) precedes it
  bool lineBreakBefore = false;
};

struct Sentence {
  Span span;
  uint32_t firstToken = 0;
  uint32_t endToken = 0; ///< one past the last token
  bool headline = false; ///< a title-case line without end punctuation
};

/// An inline suppression marker: a line `newslint-disable-next-line CODE[, CODE]` (or
/// `newslint-disable-line`, `newslint-disable-file`). Empty `codes` means all checks.
struct Suppression {
  uint32_t line = 0; ///< the line it silences (0-based); UINT32_MAX for the whole file
  std::vector<std::string> codes;
};

struct Document {
  std::string id;
  std::string text;
  LineTable lines;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Suppression> suppressions;

  [[nodiscard]] std::string_view slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
  /// Index of the sentence holding `offset`, or the last sentence before it.
  [[nodiscard]] uint32_t sentenceAt(uint32_t offset) const;
  [[nodiscard]] bool suppressed(std::string_view code, uint32_t offset) const;
};

/// Tokenises and splits `text` into sentences. Invalid UTF-8 bytes are tolerated.
Document parseDocument(std::string id, std::string text);

} // namespace newslint::analysis
