// The server's features as free functions over one analysed state of the corpus. Each is
// implemented in its own file under lsp/server/ and knows nothing about the connection.
#pragma once

#include "newslint/analysis/corpus.h"
#include "newslint/lsp/protocol.h"
#include "newslint/workspace/workspace.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslint::lsp {

/// The register (newslint.json) as the editor sees it.
struct RegisterFile {
  std::string uri;                 ///< where it is or would be created
  std::optional<std::string> text; ///< nullopt when the file does not exist
};

/// An analysed corpus plus what is needed to express it in LSP terms.
class FeatureContext {
public:
  FeatureContext(std::shared_ptr<const analysis::CorpusSnapshot> corpus,
                 std::shared_ptr<const analysis::Analysis> analysis,
                 std::function<std::string(std::string_view id)> uriOf, ClientCapabilities client);

  [[nodiscard]] const analysis::CorpusSnapshot& corpus() const { return *corpus_; }
  [[nodiscard]] const analysis::Analysis& analysis() const { return *analysis_; }
  [[nodiscard]] const ClientCapabilities& client() const { return client_; }
  [[nodiscard]] PositionEncoding encoding() const { return client_.encoding; }
  [[nodiscard]] const analysis::DocumentFacts* document(std::string_view id) const;
  [[nodiscard]] std::string uri(std::string_view id) const { return uriOf_(id); }

  /// LSP Range of a location; a zero range when the document is unknown.
  [[nodiscard]] Range range(const analysis::Location& location) const;
  [[nodiscard]] nlohmann::json location(const analysis::Location& location) const;
  /// Byte offset of a position in a corpus document; nullopt when the document is unknown.
  [[nodiscard]] std::optional<uint32_t> offset(std::string_view id, Position position) const;
  [[nodiscard]] std::optional<analysis::Span> span(std::string_view id, Range range) const;

  std::filesystem::path checksDocsDir; ///< empty: no codeDescription
  RegisterFile registerFile;
  std::map<std::string, int64_t, std::less<>> openVersions; ///< open documents by id

private:
  const LineIndex& lines(std::string_view id) const;

  std::shared_ptr<const analysis::CorpusSnapshot> corpus_;
  std::shared_ptr<const analysis::Analysis> analysis_;
  std::function<std::string(std::string_view)> uriOf_;
  ClientCapabilities client_;
  mutable std::map<std::string, LineIndex, std::less<>> lineCache_;
};

// diagnostics.cpp
/// The Diagnostic[] for one corpus document.
nlohmann::json documentDiagnostics(const FeatureContext& context, std::string_view id);
/// Diagnostics for the register's own problems (its text gives the positions).
nlohmann::json registerDiagnostics(const std::vector<workspace::ConfigProblem>& problems,
                                   std::string_view text, PositionEncoding encoding);
/// A stable identifier of a Diagnostic[] (for pull diagnostics' resultId).
std::string diagnosticsResultId(const nlohmann::json& diagnostics);

// hover.cpp
/// Hover (Markdown) at a position, or null.
nlohmann::json hover(const FeatureContext& context, std::string_view id, Position position);
/// Hover while the corpus is still being read: the word under the cursor and how far the
/// reading is (`done` of `total` files), or null when the cursor is on no word.
nlohmann::json hoverWhileIndexing(std::string_view text, Position position,
                                  PositionEncoding encoding, bool markdown, size_t done,
                                  size_t total);

// code_action.cpp
/// CodeAction[] for the findings touching `range` (and those named in `actionContext`).
nlohmann::json codeActions(const FeatureContext& context, std::string_view id, Range range,
                           const nlohmann::json& actionContext);

// references.cpp
/// The entity mention at a position, or just before it (a cursor at a name's end).
std::optional<analysis::EntityHit> entityHitAt(const FeatureContext& context, std::string_view id,
                                               Position position);
/// Location[] of every mention of the entity at the position, across the corpus.
nlohmann::json references(const FeatureContext& context, std::string_view id, Position position);

// rename.cpp
/// { range, placeholder } for the entity spelling at the position, or null.
nlohmann::json prepareRename(const FeatureContext& context, std::string_view id, Position position);
/// WorkspaceEdit renaming every mention of the entity, or null when there is none.
/// Throws RpcError(InvalidParams) for an unusable new name.
nlohmann::json rename(const FeatureContext& context, std::string_view id, Position position,
                      std::string_view newName);

// symbols.cpp
nlohmann::json documentSymbols(const FeatureContext& context, std::string_view id);
nlohmann::json workspaceSymbols(const FeatureContext& context, std::string_view query);

// inlay_hint.cpp
/// InlayHint[] in `range`: resolved dates after relative expressions, when known.
nlohmann::json inlayHints(const FeatureContext& context, std::string_view id, Range range);

/// Shared by features: the WorkspaceEdit that applies text edits (by document id) and,
/// optionally, a register change. Null when the register must be created and the client
/// cannot create files.
nlohmann::json workspaceEdit(const FeatureContext& context,
                             const std::vector<analysis::TextEdit>& edits,
                             const std::optional<analysis::RegisterChange>& change);

} // namespace newslint::lsp
