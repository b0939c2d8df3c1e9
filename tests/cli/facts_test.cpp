// The two-step path: `check --emit-facts` (per-article records) then `check --facts`
// (corpus-level analysis over the records) gives the findings of one `check`.
#include <gtest/gtest.h>

#include "support/run_binary.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using newslint::testing::RunResult;

RunResult run(const std::string& args, const std::string& errFile = "/dev/null") {
  return newslint::testing::runNewslint(args, errFile);
}

std::string quote(const fs::path& p) {
  std::string out(1, '\'');
  out += p.string();
  out += '\'';
  return out;
}

// Removes every `file` (a display path: the files as the user named them), recursively.
void dropDisplayPaths(nlohmann::json& j) {
  if (j.is_object()) {
    j.erase("file");
    for (auto& [key, value] : j.items()) {
      dropDisplayPaths(value);
    }
  } else if (j.is_array()) {
    for (auto& value : j) {
      dropDisplayPaths(value);
    }
  }
}

// The findings without the display paths; everything else (document ids, offsets, lines,
// messages, evidence, fixes) must be equal.
nlohmann::json comparable(const std::string& report) {
  nlohmann::json findings = nlohmann::json::parse(report).at("findings");
  dropDisplayPaths(findings);
  return findings;
}

class FactsTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newslint-facts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FactsTest, TwoStepFindingsEqualOneStepFindings) {
  const fs::path examples = NEWSLINT_EXAMPLES_DIR;
  const RunResult oneStep = run("check " + quote(examples) + " --format json");
  ASSERT_EQ(oneStep.exitCode, 1) << oneStep.out;

  const fs::path facts = dir_ / "facts.jsonl";
  const RunResult map = run("check " + quote(examples) + " --emit-facts " + quote(facts));
  ASSERT_EQ(map.exitCode, 0) << map.out;
  std::ifstream in(facts);
  size_t records = 0;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    EXPECT_TRUE(record.contains("mentions"));
    EXPECT_TRUE(record.at("dates").contains("expressions"));
    ++records;
  }
  EXPECT_EQ(records, 5U);

  const RunResult reduce = run("check --facts " + quote(facts) + " --config " +
                               quote(examples / "newslint.json") + " --format json");
  ASSERT_EQ(reduce.exitCode, oneStep.exitCode) << reduce.out;
  const nlohmann::json a = comparable(oneStep.out);
  const nlohmann::json b = comparable(reduce.out);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST_F(FactsTest, RecordsSplitAcrossFilesGiveTheSameFindings) {
  const fs::path examples = NEWSLINT_EXAMPLES_DIR;
  const fs::path all = dir_ / "all.jsonl";
  ASSERT_EQ(run("check " + quote(examples) + " --emit-facts " + quote(all)).exitCode, 0);
  // Shard the records as a distributed map step would: one file per record.
  std::ifstream in(all);
  std::string shards;
  size_t n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    const fs::path shard = dir_ / ("part-" + std::to_string(n) + ".jsonl");
    std::ofstream(shard) << line << '\n';
    shards += " --facts " + quote(shard);
  }
  const std::string config = " --config " + quote(examples / "newslint.json") + " --format json";
  const RunResult whole = run("check --facts " + quote(all) + config);
  const RunResult sharded = run("check" + shards + config);
  EXPECT_EQ(comparable(whole.out), comparable(sharded.out));
}

// The map step reads, extracts and writes a batch of files at a time: over several
// batches the records still come one per article in the order of their ids, and give the
// one-step findings.
TEST_F(FactsTest, ManyBatchesOfRecordsComeInIdOrder) {
  const fs::path corpus = dir_ / "corpus";
  constexpr size_t kArticles = 5000; // past two batches
  for (size_t i = 0; i < kArticles; ++i) {
    std::ostringstream folder;
    std::ostringstream name;
    std::ostringstream text;
    folder << 'd' << i % 7;
    name << 'a' << i << ".txt";
    text << "Date: 2024-12-0" << 1 + i % 5 << "\n\nRussian Foreign Minister "
         << (i % 50 == 0 ? "Sergei" : "Sergey") << " Lavrov met reporters in Moscow on Tuesday.\n";
    fs::create_directories(corpus / folder.str());
    std::ofstream(corpus / folder.str() / name.str()) << text.str();
  }
  const fs::path facts = dir_ / "facts.jsonl";
  ASSERT_EQ(run("check " + quote(corpus) + " --emit-facts " + quote(facts)).exitCode, 0);
  std::ifstream in(facts);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    ids.push_back(nlohmann::json::parse(line).at("id").get<std::string>());
  }
  EXPECT_EQ(ids.size(), kArticles);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());

  const RunResult oneStep = run("check " + quote(corpus) + " --format json");
  const RunResult reduce = run("check --facts " + quote(facts) + " --format json");
  ASSERT_EQ(reduce.exitCode, oneStep.exitCode) << reduce.out;
  const nlohmann::json a = comparable(oneStep.out);
  EXPECT_EQ(a.size(), kArticles / 50); // each "Sergei"
  EXPECT_EQ(a, comparable(reduce.out));
}

TEST_F(FactsTest, MalformedRecordIsAnError) {
  const fs::path bad = dir_ / "bad.jsonl";
  std::ofstream(bad) << "{\"v\": 2, \"id\": \"a.txt\"}\n";
  EXPECT_EQ(run("check --facts " + quote(bad)).exitCode, 2);
  std::ofstream(bad) << "{\"v\": 2, \"id\": \"a.txt\", \"text\": \"Hi\", \"mentions\": "
                        "[{\"span\": [0, 99], \"parts\": []}], \"dates\": {\"expressions\": []}}\n";
  EXPECT_EQ(run("check --facts " + quote(bad)).exitCode, 2);
}

} // namespace
