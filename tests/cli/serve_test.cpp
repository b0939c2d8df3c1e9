// `newslint serve` as a process: its options, and the message size limit applied to what
// arrives on standard input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_binary.h"
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "newslint/lsp/protocol.h"
#include "newslint/lsp/transport.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

class Serve : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newslint-serve-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "corpus");
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs `newslint serve ARGS` with `input` on standard input; the decoded messages it
  /// wrote, and its exit code.
  std::vector<json> serve(const std::string& args, const std::string& input, int& exitCode) {
    std::ofstream(dir_ / "in", std::ios::binary) << input;
    const auto result = newslint::testing::runNewslint(
        "serve " + args + " < " + (dir_ / "in").string(), (dir_ / "err").string());
    exitCode = result.exitCode;
    std::vector<json> messages;
    newslint::lsp::FrameDecoder decoder;
    decoder.feed(result.out);
    while (auto frame = decoder.next()) {
      EXPECT_FALSE(frame->isError()) << frame->error;
      messages.push_back(json::parse(frame->body, nullptr, false));
    }
    return messages;
  }

  std::string frame(const json& message) { return newslint::lsp::encodeFrame(message.dump()); }

  json initialize() {
    return {{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params",
             {{"processId", nullptr},
              {"rootUri", newslint::lsp::pathToUri(dir_ / "corpus")},
              {"capabilities", json::object()}}}};
  }

  fs::path dir_;
};

const json* response(const std::vector<json>& messages, const json& id) {
  for (const auto& m : messages)
    if (m.is_object() && !m.contains("method") && m.value("id", json()) == id)
      return &m;
  return nullptr;
}

TEST_F(Serve, MessageAboveTheLimitIsAnsweredAndTheStreamStaysInStep) {
  // 1 KiB allowed: the initialize fits, a 2 KiB request does not.
  const json big = {{"jsonrpc", "2.0"},
                    {"id", 2},
                    {"method", "workspace/symbol"},
                    {"params", {{"query", std::string(2000, 'q')}}}};
  std::string input = frame(initialize());
  input += frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  input += frame(big);
  input += frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "newslint/no-such-method"}});
  input += frame({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "shutdown"}});
  input += frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  int exitCode = -1;
  const auto messages = serve("--max-message-size 1024", input, exitCode);
  EXPECT_EQ(exitCode, 0);

  const json* init = response(messages, 1);
  ASSERT_NE(init, nullptr);
  EXPECT_TRUE(init->contains("result"));
  // The oversized request: an InvalidRequest error with a null id (its id was never read).
  const json* tooBig = response(messages, nullptr);
  ASSERT_NE(tooBig, nullptr);
  EXPECT_EQ((*tooBig)["error"]["code"], -32600);
  EXPECT_THAT((*tooBig)["error"]["message"].get<std::string>(), HasSubstr("exceeds"));
  EXPECT_EQ(response(messages, 2), nullptr);
  // The frames after it are read whole: each is answered under its own id.
  const json* unknown = response(messages, 3);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ((*unknown)["error"]["code"], -32601);
  const json* shutdown = response(messages, 4);
  ASSERT_NE(shutdown, nullptr);
  EXPECT_TRUE(shutdown->contains("result"));
}

TEST_F(Serve, DefaultLimitAcceptsTheSameMessage) {
  const json big = {{"jsonrpc", "2.0"},
                    {"id", 2},
                    {"method", "newslint/no-such-method"},
                    {"params", {{"query", std::string(2000, 'q')}}}};
  std::string input = frame(initialize()) + frame(big);
  input += frame({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "shutdown"}});
  input += frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  int exitCode = -1;
  const auto messages = serve("", input, exitCode);
  EXPECT_EQ(exitCode, 0);
  const json* answer = response(messages, 2);
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ((*answer)["error"]["code"], -32601); // read whole: the method is what is unknown
  EXPECT_EQ(response(messages, nullptr), nullptr);
}

TEST_F(Serve, MaxMessageSizeIsValidatedAndDocumented) {
  int exitCode = -1;
  for (const std::string bad : {"10", "abc", "1024x", "-5", "2000000000000"}) {
    const auto messages = serve("--max-message-size " + bad, "", exitCode);
    EXPECT_EQ(exitCode, 2) << bad;
    EXPECT_TRUE(messages.empty()) << bad;
    std::ifstream err(dir_ / "err");
    const std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_THAT(text, HasSubstr("--max-message-size needs a number of bytes")) << bad;
  }
  const auto help = newslint::testing::runNewslint("serve --help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_THAT(help.out, HasSubstr("--max-message-size BYTES"));
}

} // namespace
