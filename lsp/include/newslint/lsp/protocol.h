// LSP protocol values the server needs as C++ types: positions and their encodings, URIs,
// and the client capabilities that change what the server sends.
//
// The engine speaks UTF-8 byte offsets; LSP positions are (line, character) where the
// character unit is negotiated (UTF-16 code units by default). LineIndex is the one place
// where the two meet.
#pragma once

#include "newslint/analysis/text.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::lsp {

enum class PositionEncoding { Utf16, Utf8 };

std::string_view encodingName(PositionEncoding encoding);

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

void to_json(nlohmann::json& j, const Position& p);
void to_json(nlohmann::json& j, const Range& r);
/// Strict: throws nlohmann::json::exception on missing fields or wrong types; negative
/// numbers are clamped to 0.
void from_json(const nlohmann::json& j, Position& p);
void from_json(const nlohmann::json& j, Range& r);

/// Line starts of one text. Lines end at "\n", "\r\n" or a lone "\r", as in LSP.
class LineIndex {
public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  [[nodiscard]] uint32_t lineCount() const { return static_cast<uint32_t>(starts_.size()); }

  /// The position of a byte offset. Offsets inside a multi-byte character (or inside a
  /// line terminator) are moved back to the character's start (the line's end).
  [[nodiscard]] Position position(std::string_view text, uint32_t offset,
                                  PositionEncoding encoding) const;
  /// The byte offset of a position, clamped: a line past the end gives the text's end, a
  /// character past the line's end gives the line's end (terminator excluded), and a
  /// character inside a UTF-16 surrogate pair gives the start of that character.
  [[nodiscard]] uint32_t offset(std::string_view text, Position position,
                                PositionEncoding encoding) const;

  [[nodiscard]] Range range(std::string_view text, analysis::Span span,
                            PositionEncoding encoding) const;
  /// A clamped span; a reversed range is treated as empty at its start.
  [[nodiscard]] analysis::Span span(std::string_view text, Range range,
                                    PositionEncoding encoding) const;

private:
  [[nodiscard]] uint32_t contentEnd(std::string_view text, uint32_t line) const;
  std::vector<uint32_t> starts_{0};
};

/// Applies one `TextDocumentContentChangeEvent`: a range replacement, or the whole text
/// when `range` is empty.
void applyContentChange(std::string& text, const std::optional<Range>& range,
                        std::string_view newText, PositionEncoding encoding);

/// A path's bytes as a URI path: all but letters, digits, `-._~` and `/` percent-encoded,
/// as VS Code does.
std::string percentEncodePath(std::string_view path);
/// file:// URI of an absolute path, percent-encoded as VS Code does.
std::string pathToUri(const std::filesystem::path& path);
/// The path of a file:// URI (percent-decoded); nullopt for other schemes.
std::optional<std::filesystem::path> uriToPath(std::string_view uri);

/// What the client said it can do, reduced to what changes the server's behaviour.
struct ClientCapabilities {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool workDoneProgress = false;
  bool watchedFilesDynamic = false;
  bool workspaceConfiguration = false; ///< answers `workspace/configuration`
  bool watchedFilesRelativePatterns = false;
  bool documentChanges = false;
  bool createFiles = false;
  bool hierarchicalDocumentSymbols = false;
  bool markdownHover = true;
  bool pullDiagnostics = false;
  bool diagnosticRefresh = false;
  bool codeActionLiterals = true;
  bool inlayHintRefresh = false;
  bool prepareRename = true;
};

/// Reads the `capabilities` object of `initialize`; absent or malformed parts keep defaults.
ClientCapabilities parseClientCapabilities(const nlohmann::json& capabilities);

} // namespace newslint::lsp
