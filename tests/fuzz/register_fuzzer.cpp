// Fuzzes the register: workspace::parseConfig on arbitrary text, and a decision recorded
// with applyRegisterChange / tryApplyRegisterChange. Input: one byte choosing the kind of
// change, then the register text, the first and the second operand separated by NUL bytes.
// A recorded change must give valid JSON that still parses as a register when the original
// did, and recording the same change again must not change the text (for valid UTF-8).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "newslint/workspace/workspace.h"

namespace {

void check(bool condition) {
  if (!condition)
    std::abort();
}

std::string_view nextField(std::string_view& rest) {
  const size_t nul = rest.find('\0');
  const std::string_view field = rest.substr(0, nul);
  rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  return field;
}

bool validUtf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

void checkProblems(const newslint::workspace::LoadedConfig& loaded, std::string_view text) {
  // Lines end at "\n", "\r\n" or a lone "\r", as in LSP.
  size_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++lines;
  for (const auto& problem : loaded.problems) {
    check(problem.line <= lines);
    check(!problem.message.empty());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newslint::analysis::RegisterChange;
  namespace workspace = newslint::workspace;
  if (size < 1)
    return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string_view text = nextField(rest);
  RegisterChange change;
  change.kind = static_cast<RegisterChange::Kind>(data[0] % 4);
  change.first = std::string(nextField(rest));
  change.second = std::string(nextField(rest));

  const workspace::LoadedConfig loaded = workspace::parseConfig(text);
  checkProblems(loaded, text);
  (void)workspace::parseIsoDate(change.second);

  const std::string applied = workspace::applyRegisterChange(text, change);
  const std::optional<std::string> tried = workspace::tryApplyRegisterChange(text, change);
  if (!tried)
    return 0;
  check(applied == *tried);
  check(nlohmann::json::accept(*tried));
  const workspace::LoadedConfig after = workspace::parseConfig(*tried);
  checkProblems(after, *tried);
  if (loaded.parsed)
    check(after.parsed);
  // Spellings come from documents, whose text is valid UTF-8 by the time it reaches the
  // engine; invalid bytes in a spelling are replaced when written, so the text changes.
  if (!validUtf8(change.first) || !validUtf8(change.second))
    return 0;
  const std::optional<std::string> again = workspace::tryApplyRegisterChange(*tried, change);
  check(again.has_value() && *again == *tried);
  return 0;
}
