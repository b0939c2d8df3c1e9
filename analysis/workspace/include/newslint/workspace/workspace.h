// The I/O edge shared by the CLI and the language server: reading files, discovering the
// corpus under a root, loading the lexicon, and the register (newslint.json).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newslint/analysis/config.h"
#include "newslint/analysis/finding.h"
#include "newslint/analysis/lexicon.h"

namespace newslint::workspace {

inline constexpr std::string_view kRegisterFileName = "newslint.json";

/// A problem with the register, at a 0-based line and byte column of its text.
struct ConfigProblem {
  uint32_t line = 0;
  uint32_t column = 0;
  analysis::Severity severity = analysis::Severity::Error;
  std::string message;
};

struct LoadedConfig {
  analysis::Config config;             ///< defaults where the text was unusable
  std::vector<ConfigProblem> problems; ///< malformed JSON, wrong types, unknown keys, conflicts
  bool parsed = false;                 ///< the text was valid JSON of the right shape
};

/// Parses a register. Never throws; problems are reported with their line and column.
LoadedConfig parseConfig(std::string_view text);

/// The JSON Schema of newslint.json.
std::string_view configSchema();

/// Applies a decision to the register's text and returns the new text: sorted keys,
/// two-space indent, so that diffs stay small. `text` may be empty (a new register).
std::string applyRegisterChange(std::string_view text, const analysis::RegisterChange& change);

/// As applyRegisterChange, but nullopt when the change cannot be applied: the text is not
/// a JSON object, the part to edit has the wrong type, the change is empty, or (for
/// SetPublished) the date is not a valid YYYY-MM-DD date. The caller keeps its text then.
std::optional<std::string> tryApplyRegisterChange(std::string_view text,
                                                  const analysis::RegisterChange& change);

/// Parses a calendar date written YYYY-MM-DD (years 1-9999); nullopt when malformed or
/// not a real day (2024-02-30).
std::optional<analysis::CivilDate> parseIsoDate(std::string_view text);

/// The dictionary words (Debian's wamerican, when installed) and country names (iso-codes)
/// added to the built-in lexicon.
std::shared_ptr<const analysis::Lexicon> loadLexicon();

/// The built-in lexicon plus the words of `dictionary` (one a line, possessive "'s" forms
/// skipped) and the country names of `countries` (iso-codes' iso_3166-1.json). An empty
/// or missing path is skipped. Not cached: loadLexicon() calls it once with the system paths.
analysis::Lexicon buildLexicon(const std::filesystem::path& dictionary,
                               const std::filesystem::path& countries);

struct FileText {
  std::string text;                  ///< the file's text; invalid UTF-8 bytes replaced by U+FFFD
  std::optional<size_t> invalidUtf8; ///< byte offset in `text` of the first invalid sequence
  std::string error;                 ///< non-empty when the file could not be used at all
};

/// Upper bound on one article's size; larger files are reported and skipped.
inline constexpr size_t kMaxFileBytes = 256u * 1024u * 1024u;

/// Reads a text file. Binary files (NUL bytes), unreadable and oversized files give `error`.
FileText readTextFile(const std::filesystem::path& path);

/// True when `relative` (with '/' separators) matches the glob (`**`, `*`, `?`, `{a,b}`).
/// Also: `[abc]`, `[a-z]` and `[!abc]` character classes. Matching is case-sensitive;
/// `*` and `?` never match '/', and `?` matches one code point.
bool globMatch(std::string_view pattern, std::string_view relative);

/// Why `pattern` is not a usable glob (empty, unbalanced braces or brackets), or nullopt.
std::optional<std::string> globError(std::string_view pattern);

struct Discovery {
  std::vector<std::filesystem::path> files; ///< sorted
  std::vector<std::string> ids;             ///< per file: its path under the root, '/'-separated
  std::vector<std::string> problems;        ///< "path: what went wrong"
};

/// Lists the corpus files under `root` that the register's include/exclude globs select.
/// Symlinks to directories are not followed (no loops); symlinks to files are followed when
/// they resolve inside `root` or the register sets `followLinksOutside`, else reported and
/// skipped. The register itself is never a document.
/// Hidden entries (names starting with '.') and node_modules folders are skipped; a folder
/// that cannot be listed is reported in `problems` and the walk goes on.
Discovery discover(const std::filesystem::path& root, const analysis::Config& config);

/// True when `path`, with every symbolic link on it resolved, lies inside `root` (resolved
/// the same way); the root itself counts as inside. Neither needs to exist: the existing
/// part of each is resolved (std::filesystem::weakly_canonical). False when either cannot
/// be resolved.
bool isInsideRoot(const std::filesystem::path& root, const std::filesystem::path& path);

/// The rules of `discover` applied to one path under `root`, for reading a single file
/// (the server re-reading a file it was told about): why `path` must not be read as a
/// corpus file, or nullopt when it may. The path must lie lexically under the root, no
/// folder between the root and the file may be a symbolic link (discovery does not enter
/// linked folders), and a link to a file must resolve inside the root unless the register
/// sets `followLinksOutside`. A path that does not exist gives nullopt: reading it reports
/// that.
std::optional<std::string> corpusPathProblem(const std::filesystem::path& root,
                                             const std::filesystem::path& path,
                                             const analysis::Config& config);

/// The document id of `path` under `root`: the relative path with '/' separators.
std::string documentId(const std::filesystem::path& root, const std::filesystem::path& path);

} // namespace newslint::workspace
