// `newslint check` end to end: the built binary over the sample corpus, every output
// format, exit codes, and bad input (missing paths, a broken register, binary files).
#include <gtest/gtest.h>

#include "support/run_binary.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "support/corpus_fixture.h"

namespace {

namespace fs = std::filesystem;

using newslint::testing::RunResult;

RunResult run(const std::string& args, const std::string& errFile = "/dev/null") {
  return newslint::testing::runNewslint(args, errFile);
}

class TempCorpus : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newslint-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& e : fs::directory_iterator(newslint::testing::examplesDir())) {
      fs::copy(e.path(), dir_ / e.path().filename());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string quoted() const {
    // Appended, not `"'" + dir_.string()`: that trips GCC 12's -Wrestrict at -O3.
    std::string out = "'";
    out += dir_.string();
    out += '\'';
    return out;
  }
  fs::path dir_;
};

TEST_F(TempCorpus, TextFormatIsFileLineColumnSeverityMessageCode) {
  const RunResult r = run("check " + quoted());
  EXPECT_EQ(r.exitCode, 1) << r.out;
  EXPECT_NE(r.out.find("000_7e03111992a0022c.txt:16:77: warning: `Zane` is spelt `Zein`"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[name-variant-in-document]"), std::string::npos);
}

TEST_F(TempCorpus, FailOnErrorIgnoresWarnings) {
  // Only the name checks at warning severity: no error, exit 0.
  write("newslint.json", R"({"checks": {"date-conflict": "off", "weekday-mismatch": "off",
                             "impossible-date": "off"}})");
  EXPECT_EQ(run("check " + quoted() + " --fail-on error").exitCode, 0);
  EXPECT_EQ(run("check " + quoted() + " --fail-on warning").exitCode, 1);
}

TEST_F(TempCorpus, JsonCarriesRangesRelatedLocationsEvidenceAndFixes) {
  const RunResult r = run("check " + quoted() + " --format json");
  ASSERT_EQ(r.exitCode, 1);
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_TRUE(doc["findings"].is_array());
  bool sawZane = false;
  for (const auto& f : doc["findings"]) {
    if (f["flagged"] == "Zane") {
      sawZane = true;
      EXPECT_EQ(f["code"], "name-variant");
      EXPECT_EQ(f["location"]["start"]["line"], 16);
      EXPECT_FALSE(f["related"].empty());
      EXPECT_FALSE(f["evidence"].empty());
      EXPECT_EQ(f["fixes"][0]["edits"][0]["replacement"], "Zein");
    }
  }
  EXPECT_TRUE(sawZane);
}

TEST_F(TempCorpus, SarifIsVersion210WithRulesRegionsSnippetsAndRelatedLocations) {
  const RunResult r = run("check " + quoted() + " --format sarif");
  ASSERT_EQ(r.exitCode, 1);
  const auto sarif = nlohmann::json::parse(r.out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& run0 = sarif["runs"][0];
  EXPECT_EQ(run0["columnKind"], "unicodeCodePoints");
  EXPECT_FALSE(run0["tool"]["driver"]["rules"].empty());
  bool checked = false;
  for (const auto& result : run0["results"]) {
    const auto& region = result["locations"][0]["physicalLocation"]["region"];
    EXPECT_TRUE(region.contains("startLine"));
    EXPECT_TRUE(region.contains("endColumn"));
    if (result["ruleId"] == "name-variant-in-document") {
      EXPECT_EQ(region["snippet"]["text"], "Shabaan");
      EXPECT_FALSE(result["relatedLocations"].empty());
      checked = true;
    }
  }
  EXPECT_TRUE(checked);
}

TEST_F(TempCorpus, GithubAnnotations) {
  const RunResult r = run("check " + quoted() + " --format github");
  EXPECT_NE(r.out.find("::warning file="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",line=16,col=77,"), std::string::npos) << r.out;
}

TEST_F(TempCorpus, BareFolderWithoutRegisterFindsTheSameNames) {
  fs::remove(dir_ / "newslint.json");
  const RunResult r = run("check " + quoted());
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("`Shabaan` is spelt `Shaaban`"), std::string::npos);
}

TEST_F(TempCorpus, BrokenRegisterIsReportedWithPositionAndTheRunGoesOn) {
  write("newslint.json", "{\n  \"checks\": {\n    \"name-variant\": \"warning\",\n  }\n}\n");
  const std::string err = (dir_ / "stderr.txt").string();
  const RunResult r = run("check " + quoted(), err);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("[name-variant]"), std::string::npos);
  const std::string messages = newslint::testing::readFile(err);
  EXPECT_NE(messages.find("newslint.json:4:"), std::string::npos) << messages;
}

TEST_F(TempCorpus, BinaryAndInvalidUtf8FilesAreReportedAndTheRestChecked) {
  write("binary.txt", std::string("\x7f"
                                  "ELF\0\0\0binary",
                                  13));
  write("latin1.txt", "Caf\xe9 Zane met Hafez.\n");
  const std::string err = (dir_ / "stderr.txt").string();
  const RunResult r = run("check " + quoted(), err);
  EXPECT_EQ(r.exitCode, 1);
  const std::string messages = newslint::testing::readFile(err);
  EXPECT_NE(messages.find("binary.txt"), std::string::npos) << messages;
  EXPECT_NE(messages.find("latin1.txt"), std::string::npos) << messages;
  EXPECT_NE(messages.find("byte 3"), std::string::npos) << messages;
  EXPECT_NE(r.out.find("`Zein`"), std::string::npos);
}

TEST_F(TempCorpus, FileNamesThatAreNotUtf8AreWrittenAsReplacementCharactersInJson) {
  // A file name may hold any bytes; the JSON and SARIF reports stay valid JSON and keep
  // every finding, with U+FFFD for the bytes that are not UTF-8.
  const std::string notUtf8 = "Zane\xff.txt";
  write(notUtf8, "Zane, 9, was there.\n");
  for (const char* format : {"json", "sarif"}) {
    const RunResult r = run("check " + quoted() + " --format " + format);
    EXPECT_EQ(r.exitCode, 1) << format << ": " << r.out.substr(0, 300);
    const nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << format;
    EXPECT_NE(r.out.find("Zane\xEF\xBF\xBD.txt"), std::string::npos) << format;
    EXPECT_NE(r.out.find("000_7e03111992a0022c.txt"), std::string::npos) << format;
  }
}

TEST_F(TempCorpus, SarifUrisArePercentEncodedAndNameTheFileExactly) {
  // A SARIF viewer resolves artifactLocation.uri as a URI: a space, a `#` or a byte that is
  // not UTF-8 is percent-encoded, every other character of the path kept.
  write("two words #1.txt", "Zane, 9, was there.\n");
  write("Zane\xff.txt", "Zane, 9, was there.\n");
  const RunResult r = run("check " + quoted() + " --format sarif");
  ASSERT_EQ(r.exitCode, 1) << r.out.substr(0, 300);
  const auto sarif = nlohmann::json::parse(r.out);
  std::set<std::string> uris;
  for (const auto& result : sarif["runs"][0]["results"]) {
    uris.insert(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
    for (const auto& related : result.value("relatedLocations", nlohmann::json::array())) {
      uris.insert(related["physicalLocation"]["artifactLocation"]["uri"]);
    }
  }
  auto endingIn = [&](const std::string& tail) {
    return std::any_of(uris.begin(), uris.end(),
                       [&](const std::string& uri) { return uri.ends_with(tail); });
  };
  EXPECT_TRUE(endingIn("/two%20words%20%231.txt")) << ::testing::PrintToString(uris);
  EXPECT_TRUE(endingIn("/Zane%FF.txt")) << ::testing::PrintToString(uris);
  EXPECT_TRUE(endingIn("/000_7e03111992a0022c.txt")) << ::testing::PrintToString(uris);
  for (const std::string& uri : uris) {
    EXPECT_EQ(uri.find(' '), std::string::npos) << uri;
    EXPECT_TRUE(uri.starts_with("file:///") || !uri.starts_with("/")) << uri;
  }
}

TEST_F(TempCorpus, TimingsGoToStandardErrorAndLeaveTheReportAlone) {
  const RunResult plain = run("check " + quoted() + " --format json");
  // Outside the corpus folder, so that both runs read the same files.
  const std::string err =
      (fs::temp_directory_path() / ("newslint-timings-" + std::to_string(::getpid()) + ".txt"))
          .string();
  const RunResult timed = run("check " + quoted() + " --format json --timings", err);
  EXPECT_EQ(timed.exitCode, plain.exitCode);
  EXPECT_EQ(timed.out, plain.out);
  const std::string messages = newslint::testing::readFile(err);
  for (const char* step :
       {"read and extract ", "names ", "dates ", "checks ", "report ", "total "}) {
    EXPECT_NE(messages.find(step), std::string::npos) << step << " missing in " << messages;
  }
  fs::remove(err);
}

TEST(Cli, MissingPathAndBadOptionsExitTwo) {
  EXPECT_EQ(run("check /nonexistent/newslint/corpus").exitCode, 2);
  EXPECT_EQ(run("check --format yaml .").exitCode, 2);
  EXPECT_EQ(run("check --fail-on sometimes .").exitCode, 2);
  EXPECT_EQ(run("frobnicate").exitCode, 2);
}

TEST(Cli, VersionNamesTheAllocatorTheBuildLinked) {
  const RunResult r = run("version");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find(std::string("(allocator ") + NEWSLINT_EXPECTED_ALLOCATOR + ")"),
            std::string::npos)
      << r.out;
}

TEST(Cli, SchemaIsJson) {
  const RunResult r = run("schema");
  ASSERT_EQ(r.exitCode, 0);
  const auto schema = nlohmann::json::parse(r.out);
  EXPECT_TRUE(schema.contains("properties"));
}

TEST(Cli, SuppressionMarkerSilencesOnePlace) {
  const fs::path dir =
      fs::temp_directory_path() / ("newslint-cli-suppress-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(newslint::testing::examplesDir())) {
    fs::copy(e.path(), dir / e.path().filename());
  }
  // Silence the Zane finding in 000 with a marker line above it.
  const fs::path file = dir / "000_7e03111992a0022c.txt";
  std::string text = newslint::testing::readFile(file);
  const size_t line = text.rfind('\n', text.find("Zane, 9")) + 1;
  text.insert(line, "newslint-disable-next-line name-variant\n");
  std::ofstream(file, std::ios::binary) << text;
  const RunResult r = run("check '" + dir.string() + "'");
  EXPECT_EQ(r.out.find("`Zane` is spelt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("`Zein` is spelt"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

} // namespace

namespace {

TEST_F(TempCorpus, BaselineHidesKnownFindingsAndSurvivesUnrelatedEdits) {
  const std::string baseline = (dir_ / "baseline.json").string();
  ASSERT_EQ(run("baseline write '" + baseline + "' " + quoted()).exitCode, 0);
  EXPECT_EQ(run("check " + quoted() + " --baseline '" + baseline + "'").exitCode, 0);

  // An unrelated edit moves every finding of 000 down by two lines: still matched.
  const fs::path file = dir_ / "000_7e03111992a0022c.txt";
  write("000_7e03111992a0022c.txt",
        "Editor's note: this article was updated.\n\n" + newslint::testing::readFile(file));
  EXPECT_EQ(run("check " + quoted() + " --baseline '" + baseline + "'").exitCode, 0);

  // A new variant fails the check, and only it is reported.
  write("005_new.txt", "Assad's son Zayn, 9, was seen with Hafez, 11, and Karim, 7.\n");
  const RunResult r = run("check " + quoted() + " --baseline '" + baseline + "'");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("005_new.txt"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Shabaan"), std::string::npos) << r.out;
}

TEST_F(TempCorpus, BaselineMatchesFindingsInFilesWhoseNamesAreNotUtf8) {
  // The baseline file is JSON, which holds such a name with U+FFFD; the findings of that
  // file still match their entries.
  write("Zane\xff.txt", "Assad's son Zayn, 9, was seen with Hafez, 11, and Karim, 7.\n");
  const std::string baseline = (dir_ / "baseline.json").string();
  ASSERT_EQ(run("baseline write '" + baseline + "' " + quoted()).exitCode, 0);
  EXPECT_NE(newslint::testing::readFile(baseline).find("Zane\xEF\xBF\xBD.txt"), std::string::npos);
  const RunResult r = run("check " + quoted() + " --baseline '" + baseline + "'");
  EXPECT_EQ(r.exitCode, 0) << r.out.substr(0, 400);
  EXPECT_EQ(r.out.find("Zane"), std::string::npos) << r.out.substr(0, 400);
}

TEST_F(TempCorpus, TimelineShowsTheConflictingCall) {
  const RunResult r = run("timeline " + quoted());
  ASSERT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("CONFLICT"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("`9:30 p.m. on December 7`"), std::string::npos) << r.out;
}

TEST_F(TempCorpus, EntitiesListsSpellingsPerSource) {
  const RunResult r = run("entities " + quoted() + " --format json");
  ASSERT_EQ(r.exitCode, 0);
  const auto entities = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& e : entities) {
    for (const auto& s : e["spellings"]) {
      found = found || s["text"] == "Zein";
    }
  }
  EXPECT_TRUE(found) << r.out;
}

} // namespace
