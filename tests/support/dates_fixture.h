// Helpers shared by the date tests: extraction from a text, and finding one expression.
#pragma once

#include <string>
#include <string_view>

#include "newslint/analysis/dates.h"

namespace newslint::analysis {

inline DateFacts extract(const std::string& text) {
  return extractDates(parseDocument("t.txt", text));
}

inline const TimeExpression* find(const DateFacts& facts, std::string_view text) {
  for (const TimeExpression& e : facts.expressions) {
    if (e.text == text) {
      return &e;
    }
  }
  return nullptr;
}

} // namespace newslint::analysis
