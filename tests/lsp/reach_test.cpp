// What the server reads from disk: files re-read one at a time (on didClose and watched
// file events) follow the rules of discovery for symbolic links, and a server given no
// workspace folder indexes nothing until a document is opened.
#include "lsp/lsp_client.h"

#include <gmock/gmock.h>
#include <unistd.h>

namespace newslint::lsp::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// Two sources spelling one name two ways: the corpus member reports `Buthaina` as a variant
// only when the server has read the other text.
const std::string kInside = "Presidential adviser Buthaina Shaaban said the talks had failed.\n";
const std::string kOutside =
    "Syrian official Bouthaina Shaaban said on Tuesday that the talks would go on.\n"
    "Bouthaina Shaaban spoke to reporters.\n";

/// A corpus folder next to a folder outside it; both removed afterwards.
class Reach : public ::testing::Test {
protected:
  void SetUp() override {
    outside_ = corpus_.root().parent_path() / (corpus_.root().filename().string() + "-outside");
    fs::remove_all(outside_);
    fs::create_directories(outside_);
    std::ofstream(outside_ / "b.txt", std::ios::binary) << kOutside;
    corpus_.write("a.txt", kInside);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(outside_, ec);
  }

  void writeRegister(bool followLinksOutside) {
    corpus_.write(
        "newslint.json",
        json{{"documents", {{"include", {"**/*.txt"}}, {"followLinksOutside", followLinksOutside}}}}
            .dump());
  }

  /// Whether the pulled diagnostics of a.txt include the name variant.
  bool variantReported() {
    const json report = client_.workspaceDiagnostics();
    for (const auto& item : report["items"])
      if (item["uri"] == corpus_.uri("a.txt"))
        for (const auto& d : item.value("items", json::array()))
          if (d.value("code", "") == "name-variant")
            return true;
    return false;
  }

  /// Whether a line of the server's log contains `text`.
  bool logged(const std::string& text) {
    client_.sync();
    std::lock_guard lock(log_->mutex);
    for (const auto& line : log_->lines)
      if (line.find(text) != std::string::npos)
        return true;
    return false;
  }

  struct Log {
    std::mutex mutex;
    std::vector<std::string> lines;
  };
  static ServerOptions logTo(const std::shared_ptr<Log>& log) {
    ServerOptions options = LspClient::defaultOptions();
    options.log = [log](std::string_view line) {
      std::lock_guard lock(log->mutex);
      log->lines.emplace_back(line);
    };
    return options;
  }

  TempCorpus corpus_{false};
  fs::path outside_;
  std::shared_ptr<Log> log_ = std::make_shared<Log>();
  LspClient client_{logTo(log_)};
};

TEST_F(Reach, ClosingADocumentInALinkedFolderDoesNotReadThroughTheLink) {
  writeRegister(false);
  fs::create_directory_symlink(outside_, corpus_.root() / "link");
  client_.initialize(corpus_.root());
  EXPECT_FALSE(variantReported()); // discovery does not enter the linked folder
  // The editor opens the file through the link: its text comes from the editor.
  const std::string uri = corpus_.uri("link/b.txt");
  client_.open(uri, kOutside);
  EXPECT_TRUE(variantReported());
  // Once closed, the server would have to read it from disk, through the link: it does not.
  client_.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_FALSE(variantReported());
  EXPECT_TRUE(logged("link/b.txt: inside "));
  EXPECT_TRUE(logged("links to folders are not followed"));
}

TEST_F(Reach, WatchedFileLinkingOutsideIsNotRead) {
  writeRegister(false);
  fs::create_symlink(outside_ / "b.txt", corpus_.root() / "escape.txt");
  client_.initialize(corpus_.root());
  EXPECT_FALSE(variantReported());
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("escape.txt")}, {"type", 1}}})}});
  EXPECT_FALSE(variantReported());
  EXPECT_TRUE(logged("escape.txt: links outside the corpus folder; not followed"));
  // A watched file inside a linked folder is not read either.
  fs::create_directory_symlink(outside_, corpus_.root() / "link");
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("link/b.txt")}, {"type", 2}}})}});
  EXPECT_FALSE(variantReported());
}

TEST_F(Reach, LinksInsideTheCorpusAreRead) {
  writeRegister(false);
  fs::create_directories(corpus_.root() / "wire");
  std::ofstream(corpus_.root() / "wire" / "b.txt", std::ios::binary) << kOutside;
  fs::create_symlink(corpus_.root() / "wire" / "b.txt", corpus_.root() / "alias.txt");
  client_.initialize(corpus_.root());
  EXPECT_TRUE(variantReported());
  // Re-read on a change event: still read, the link resolves inside.
  fs::remove(corpus_.root() / "wire" / "b.txt");
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("wire/b.txt")}, {"type", 3}}})}});
  std::ofstream(corpus_.root() / "wire" / "b.txt", std::ios::binary) << kOutside;
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("alias.txt")}, {"type", 2}}})}});
  EXPECT_TRUE(variantReported());
}

TEST_F(Reach, TheRegisterCanAllowFileLinksLeavingTheCorpus) {
  writeRegister(true);
  fs::create_symlink(outside_ / "b.txt", corpus_.root() / "escape.txt");
  client_.initialize(corpus_.root());
  EXPECT_TRUE(variantReported()); // discovery follows it
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("escape.txt")}, {"type", 2}}})}});
  EXPECT_TRUE(variantReported()); // and so does a re-read
  // Links to folders stay unfollowed.
  fs::remove(corpus_.root() / "escape.txt");
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("escape.txt")}, {"type", 3}}})}});
  fs::create_directory_symlink(outside_, corpus_.root() / "link");
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", json::array({{{"uri", corpus_.uri("link/b.txt")}, {"type", 1}}})}});
  EXPECT_FALSE(variantReported());
}

TEST_F(Reach, ARegisterLinkingOutsideTheCorpusIsNotRead) {
  // The register outside would make both spellings accepted variants of one entity.
  std::ofstream(outside_ / "newslint.json", std::ios::binary) << json{
      {"entities",
       {{{"canonical", "Bouthaina Shaaban"},
         {"variants", {"Buthaina Shaaban"}}}}}}.dump();
  corpus_.write("b.txt", kOutside);
  fs::create_symlink(outside_ / "newslint.json", corpus_.root() / "newslint.json");
  client_.initialize(corpus_.root());
  EXPECT_TRUE(variantReported()); // reported: the register was not read
  EXPECT_TRUE(logged("newslint.json: links outside the corpus folder; not read"));
}

/// Runs the test body with the working directory set to `dir`, restoring it afterwards.
class WorkingDirectory {
public:
  explicit WorkingDirectory(const fs::path& dir) : previous_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~WorkingDirectory() {
    std::error_code ec;
    fs::current_path(previous_, ec);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

private:
  fs::path previous_;
};

TEST_F(Reach, WithoutAWorkspaceFolderNothingIsIndexed) {
  // The working directory holds a corpus (with a register): it is not indexed.
  writeRegister(false);
  std::ofstream(corpus_.root() / "b.txt", std::ios::binary) << kOutside;
  const WorkingDirectory cwd(corpus_.root());
  const json params = {{"processId", nullptr},
                       {"capabilities", json::object()},
                       {"rootUri", nullptr},
                       {"rootPath", nullptr},
                       {"workspaceFolders", nullptr}};
  EXPECT_TRUE(client_.request("initialize", params).contains("capabilities"));
  client_.notify("initialized", json::object());
  EXPECT_TRUE(client_.workspaceDiagnostics()["items"].empty());
  EXPECT_TRUE(client_.request("workspace/symbol", {{"query", ""}}).empty());
  EXPECT_FALSE(logged("corpus root"));
  // A document that is not a file (an unsaved buffer) does not choose a root either.
  client_.open("untitled:Untitled-1", kInside + kOutside);
  EXPECT_TRUE(client_.workspaceDiagnostics()["items"].empty());
  EXPECT_FALSE(logged("corpus root"));
}

TEST_F(Reach, RelativeRootPathIsIgnored) {
  writeRegister(false);
  std::ofstream(corpus_.root() / "b.txt", std::ios::binary) << kOutside;
  const WorkingDirectory cwd(corpus_.root().parent_path());
  const json params = {{"processId", nullptr},
                       {"capabilities", json::object()},
                       {"rootPath", corpus_.root().filename().string()}};
  client_.request("initialize", params);
  client_.notify("initialized", json::object());
  EXPECT_TRUE(client_.workspaceDiagnostics()["items"].empty());
  EXPECT_TRUE(logged("is not an absolute path; ignored"));
  EXPECT_FALSE(logged("corpus root"));
}

TEST_F(Reach, WithoutAWorkspaceFolderTheOpenedFileChoosesTheRoot) {
  // No register anywhere above: the opened file's own folder is the corpus.
  std::ofstream(corpus_.root() / "b.txt", std::ios::binary) << kOutside;
  fs::create_directories(corpus_.root() / "sub");
  client_.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
  client_.notify("initialized", json::object());
  client_.open(corpus_.uri("a.txt"), kInside);
  EXPECT_TRUE(variantReported()); // b.txt, beside it, is indexed
  EXPECT_TRUE(logged("corpus root: " + fs::weakly_canonical(corpus_.root()).string()));
}

} // namespace
} // namespace newslint::lsp::test

namespace newslint::lsp::test {
namespace {

TEST_F(Reach, ARootNamedThroughALinkStillOwnsItsDocuments) {
  // The client names the workspace by a link to it; documents come with that path.
  corpus_.write("b.txt", kOutside);
  const fs::path link = outside_ / "corpus-link";
  fs::create_directory_symlink(corpus_.root(), link);
  client_.initialize(link);
  client_.workspaceDiagnostics();
  const std::string uri = pathToUri(link / "a.txt");
  const size_t from = client_.mark();
  client_.open(uri, kInside);
  const json published = client_.waitDiagnostics(uri, from);
  bool variant = false;
  for (const auto& d : published.value("diagnostics", json::array()))
    variant = variant || d.value("code", "") == "name-variant";
  EXPECT_TRUE(variant) << published.dump();
}

} // namespace
} // namespace newslint::lsp::test
