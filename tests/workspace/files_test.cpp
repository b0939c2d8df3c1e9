// Reading articles (encodings, binary and unusable files) and discovering the corpus
// under a root (globs, hidden folders, symlink loops, unreadable entries).
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

/// A fresh folder under the system temp folder, removed (permissions restored) at the end.
class TempDir : public ::testing::Test {
protected:
  void SetUp() override {
    std::random_device device;
    root_ = fs::temp_directory_path() /
            ("newslint_ws_test_" + std::to_string(::getpid()) + "_" + std::to_string(device()));
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink()) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
      }
    }
    fs::remove_all(root_, ec);
  }

  fs::path write(const std::string& relative, std::string_view bytes) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }

  std::vector<std::string> ids(const Discovery& discovery) const {
    std::vector<std::string> out;
    for (const auto& file : discovery.files) {
      out.push_back(documentId(root_, file));
    }
    return out;
  }

  fs::path root_;
};

using ReadTextFile = TempDir;
using Discover = TempDir;

TEST_F(ReadTextFile, ReadsUtf8AndStripsTheBom) {
  const auto text = readTextFile(write("a.txt", "\xEF\xBB\xBFTürkiye said\r\nmore"));
  EXPECT_THAT(text.error, IsEmpty());
  EXPECT_EQ(text.text, "Türkiye said\r\nmore");
  EXPECT_FALSE(text.invalidUtf8.has_value());
  EXPECT_EQ(readTextFile(write("empty.txt", "")).text, "");
}

TEST_F(ReadTextFile, ReportsTheFirstInvalidByteAndReplacesInvalidBytes) {
  const auto text = readTextFile(write("latin1.txt", "Caf\xE9 and na\xEFve"));
  EXPECT_THAT(text.error, IsEmpty());
  ASSERT_TRUE(text.invalidUtf8.has_value());
  EXPECT_EQ(*text.invalidUtf8, 3u);
  EXPECT_EQ(text.text, "Caf\xEF\xBF\xBD and na\xEF\xBF\xBDve");
  // Offsets are into the text, after the BOM.
  const auto marked = readTextFile(write("bom.txt", "\xEF\xBB\xBF"
                                                    "ab\xC3"));
  ASSERT_TRUE(marked.invalidUtf8.has_value());
  EXPECT_EQ(*marked.invalidUtf8, 2u);
}

TEST_F(ReadTextFile, RefusesBinaryAndUtf16Files) {
  using namespace std::string_literals;
  EXPECT_THAT(readTextFile(write("image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s)).error,
              HasSubstr("binary"));
  std::string late(20000, 'a');
  late[15000] = '\0';
  EXPECT_THAT(readTextFile(write("late.txt", late)).error, HasSubstr("binary"));
  EXPECT_THAT(readTextFile(write("utf16.txt", "\xFF\xFEh\0i\0"s)).error, HasSubstr("UTF-16"));
}

TEST_F(ReadTextFile, RefusesMissingFoldersAndOversizedFiles) {
  EXPECT_THAT(readTextFile(root_ / "missing.txt").error, ::testing::Not(IsEmpty()));
  EXPECT_THAT(readTextFile(root_).error, HasSubstr("folder"));
  const fs::path big = write("big.txt", "");
  fs::resize_file(big, kMaxFileBytes + 1); // sparse: cheap on disk
  const auto text = readTextFile(big);
  EXPECT_THAT(text.error, HasSubstr("too large"));
  EXPECT_THAT(text.text, IsEmpty());
}

TEST_F(ReadTextFile, RefusesUnreadableFiles) {
  const fs::path path = write("secret.txt", "text");
  fs::permissions(path, fs::perms::none);
  if (::access(path.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running with privileges that read any file";
  }
  EXPECT_THAT(readTextFile(path).error, HasSubstr("ermission"));
}

TEST_F(Discover, SelectsByGlobsSkipsHiddenFoldersAndSortsById) {
  write("b.txt", "b");
  write("a.txt", "a");
  write("wire/2024/c.txt", "c");
  write("wire/notes.md", "m");
  write("drafts/d.txt", "d");
  write(".git/objects/e.txt", "e");
  write("node_modules/pkg/readme.txt", "r");
  write(".hidden.txt", "h");
  write("newslint.json", "{}");
  write("sub/newslint.json", "{}");
  analysis::Config config;
  config.include = {"**/*.txt", "**/*.json", "wire/*.md"};
  config.exclude = {"drafts/**"};
  const Discovery found = discover(root_, config);
  EXPECT_THAT(found.problems, IsEmpty());
  EXPECT_THAT(ids(found), ElementsAre("a.txt", "b.txt", "wire/2024/c.txt", "wire/notes.md"));
}

TEST_F(Discover, DoesNotFollowFolderLinksAndReportsBrokenOnes) {
  write("x/a.txt", "a");
  fs::create_directory_symlink(root_, root_ / "x" / "loop");       // a cycle
  fs::create_directory_symlink(root_ / "x", root_ / "alias");      // a second way in
  fs::create_symlink(root_ / "x" / "a.txt", root_ / "linked.txt"); // a file link counts
  fs::create_symlink(root_ / "gone.txt", root_ / "dangling.txt");
  fs::create_symlink("self.txt", root_ / "self.txt"); // a link to itself
  const Discovery found = discover(root_, analysis::Config{});
  EXPECT_THAT(ids(found), ElementsAre("linked.txt", "x/a.txt"));
  ASSERT_EQ(found.problems.size(), 2u) << ::testing::PrintToString(found.problems);
  EXPECT_THAT(found.problems[0], HasSubstr("dangling.txt: broken symbolic link"));
  EXPECT_THAT(found.problems[1], HasSubstr("self.txt: broken symbolic link"));
}

TEST_F(Discover, DoesNotFollowFileLinksLeavingTheCorpus) {
  write("a.txt", "a");
  const fs::path outside = root_.parent_path() / (root_.filename().string() + "-outside.txt");
  std::ofstream(outside) << "secret";
  fs::create_symlink(outside, root_ / "escape.txt");
  const Discovery found = discover(root_, analysis::Config{});
  fs::remove(outside);
  EXPECT_THAT(ids(found), ElementsAre("a.txt"));
  ASSERT_EQ(found.problems.size(), 1u) << ::testing::PrintToString(found.problems);
  EXPECT_THAT(found.problems[0], HasSubstr("escape.txt: links outside the corpus folder"));
}

TEST_F(Discover, FollowsFileLinksLeavingTheCorpusWhenTheRegisterSaysSo) {
  write("a.txt", "a");
  const fs::path outside = root_.parent_path() / (root_.filename().string() + "-outside");
  fs::create_directories(outside);
  std::ofstream(outside / "b.txt") << "b";
  fs::create_symlink(outside / "b.txt", root_ / "escape.txt");
  fs::create_directory_symlink(outside, root_ / "folder");
  analysis::Config config;
  config.followLinksOutside = true;
  const Discovery found = discover(root_, config);
  fs::remove_all(outside);
  EXPECT_THAT(ids(found), ElementsAre("a.txt", "escape.txt")); // links to folders: still not
  EXPECT_THAT(found.problems, IsEmpty());
}

/// A corpus folder `root_` and a folder beside it, `outside_`, holding b.txt.
class CorpusPath : public TempDir {
protected:
  void SetUp() override {
    TempDir::SetUp();
    outside_ = root_.parent_path() / (root_.filename().string() + "-outside");
    fs::create_directories(outside_);
    std::ofstream(outside_ / "b.txt") << "b";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(outside_, ec);
    TempDir::TearDown();
  }
  std::optional<std::string> problem(const std::string& relative, bool follow = false) {
    analysis::Config config;
    config.followLinksOutside = follow;
    return corpusPathProblem(root_, root_ / relative, config);
  }
  fs::path outside_;
};

TEST_F(CorpusPath, PlainFilesAndMissingOnesMayBeRead) {
  write("a.txt", "a");
  write("wire/2024/c.txt", "c");
  EXPECT_EQ(problem("a.txt"), std::nullopt);
  EXPECT_EQ(problem("wire/2024/c.txt"), std::nullopt);
  EXPECT_EQ(problem("missing.txt"), std::nullopt);        // reading it reports that
  EXPECT_EQ(problem("no/such/folder.txt"), std::nullopt); // likewise
}

TEST_F(CorpusPath, PathsOutsideTheRootAreRefused) {
  EXPECT_THAT(problem("../x.txt").value_or(""), HasSubstr("outside the corpus folder"));
  EXPECT_THAT(problem("wire/../../x.txt").value_or(""), HasSubstr("outside the corpus folder"));
  EXPECT_THAT(problem(".").value_or(""), HasSubstr("outside the corpus folder"));
  EXPECT_THAT(corpusPathProblem(root_, outside_ / "b.txt", analysis::Config{}).value_or(""),
              HasSubstr("outside the corpus folder"));
}

TEST_F(CorpusPath, LinkedFoldersAreNotEntered) {
  fs::create_directory_symlink(outside_, root_ / "link");
  write("real/b.txt", "b");
  fs::create_directory_symlink(root_ / "real", root_ / "alias"); // even one leading inside
  EXPECT_THAT(problem("link/b.txt").value_or(""), HasSubstr("links to folders are not followed"));
  EXPECT_THAT(problem("alias/b.txt").value_or(""), HasSubstr("links to folders are not followed"));
  EXPECT_THAT(problem("link/b.txt", true).value_or(""),
              HasSubstr("links to folders are not followed"));
  write("deep/er/x.txt", "x");
  fs::create_directory_symlink(outside_, root_ / "deep" / "er" / "link");
  EXPECT_THAT(problem("deep/er/link/b.txt").value_or(""), HasSubstr("deep/er/link"));
  EXPECT_EQ(problem("real/b.txt"), std::nullopt);
}

TEST_F(CorpusPath, FileLinksFollowTheRulesOfDiscovery) {
  write("real.txt", "r");
  fs::create_symlink(root_ / "real.txt", root_ / "inside.txt");
  fs::create_symlink("real.txt", root_ / "relative.txt");
  fs::create_symlink(outside_ / "b.txt", root_ / "escape.txt");
  fs::create_symlink("../" + outside_.filename().string() + "/b.txt", root_ / "escape2.txt");
  fs::create_symlink(root_ / "gone.txt", root_ / "dangling.txt");
  fs::create_symlink(outside_, root_ / "folder.txt");
  EXPECT_EQ(problem("inside.txt"), std::nullopt);
  EXPECT_EQ(problem("relative.txt"), std::nullopt);
  EXPECT_THAT(problem("escape.txt").value_or(""), HasSubstr("links outside the corpus folder"));
  EXPECT_THAT(problem("escape2.txt").value_or(""), HasSubstr("links outside the corpus folder"));
  EXPECT_EQ(problem("escape.txt", true), std::nullopt); // the register allows it
  EXPECT_THAT(problem("dangling.txt").value_or(""), HasSubstr("broken symbolic link"));
  EXPECT_THAT(problem("folder.txt", true).value_or(""), HasSubstr("link to a folder"));
}

TEST_F(CorpusPath, TheRootMayItselfBeReachedThroughALink) {
  write("a.txt", "a");
  const fs::path viaLink = root_.parent_path() / (root_.filename().string() + "-via");
  fs::create_directory_symlink(root_, viaLink);
  fs::create_symlink(root_ / "a.txt", root_ / "inside.txt");
  analysis::Config config;
  EXPECT_EQ(corpusPathProblem(viaLink, viaLink / "a.txt", config), std::nullopt);
  EXPECT_EQ(corpusPathProblem(viaLink, viaLink / "inside.txt", config), std::nullopt);
  EXPECT_TRUE(isInsideRoot(viaLink, root_ / "a.txt"));
  EXPECT_TRUE(isInsideRoot(root_, viaLink / "a.txt"));
  EXPECT_FALSE(isInsideRoot(root_, outside_ / "b.txt"));
  EXPECT_FALSE(isInsideRoot(root_, root_ / ".." / "x.txt"));
  fs::remove(viaLink);
}

TEST_F(Discover, ListsBinaryFilesForTheReaderToReject) {
  using namespace std::string_literals;
  write("a.txt", "text");
  const fs::path binary = write("b.txt", "\0\1\2"s);
  const Discovery found = discover(root_, analysis::Config{});
  EXPECT_THAT(ids(found), ElementsAre("a.txt", "b.txt"));
  EXPECT_THAT(readTextFile(binary).error, HasSubstr("binary"));
}

TEST_F(Discover, ReportsUnreadableFoldersAndGoesOn) {
  write("open/a.txt", "a");
  write("locked/b.txt", "b");
  fs::permissions(root_ / "locked", fs::perms::none);
  if (::access((root_ / "locked").c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running with privileges that read any folder";
  }
  const Discovery found = discover(root_, analysis::Config{});
  EXPECT_THAT(ids(found), ElementsAre("open/a.txt"));
  ASSERT_EQ(found.problems.size(), 1u);
  EXPECT_THAT(found.problems[0], HasSubstr("locked: cannot list the folder"));
}

TEST_F(Discover, ReportsSpecialFilesAndAMissingRoot) {
  write("a.txt", "a");
  ASSERT_EQ(::mkfifo((root_ / "pipe.txt").c_str(), 0600), 0);
  const Discovery found = discover(root_, analysis::Config{});
  EXPECT_THAT(ids(found), ElementsAre("a.txt"));
  ASSERT_EQ(found.problems.size(), 1u);
  EXPECT_THAT(found.problems[0], HasSubstr("pipe.txt: not a regular file"));
  EXPECT_THAT(readTextFile(root_ / "pipe.txt").error, HasSubstr("not a regular file"));

  const Discovery missing = discover(root_ / "nowhere", analysis::Config{});
  EXPECT_THAT(missing.files, IsEmpty());
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_THAT(missing.problems[0], HasSubstr("nowhere"));
}

TEST(DocumentId, IsTheRelativePathWithSlashes) {
  EXPECT_EQ(documentId("/corpus", "/corpus/wire/a.txt"), "wire/a.txt");
  EXPECT_EQ(documentId("/corpus/", "/corpus/a.txt"), "a.txt");
  EXPECT_EQ(documentId("/corpus", "/corpus/./x/../a.txt"), "a.txt");
  EXPECT_EQ(documentId("/corpus", "/elsewhere/a.txt"), "/elsewhere/a.txt");
  EXPECT_EQ(documentId("/corpus/a.txt", "/corpus/a.txt"), "a.txt");
  const fs::path cwd = fs::current_path();
  EXPECT_EQ(documentId(".", cwd / "x" / "a.txt"), "x/a.txt");
  EXPECT_EQ(documentId(cwd, "x/a.txt"), "x/a.txt");
}

} // namespace
} // namespace newslint::workspace
