// Position encodings: UTF-8 byte offsets <-> LSP (line, character) in UTF-16 code units
// or UTF-8 bytes, line terminators, clamping, incremental changes and file URIs.
#include "newslint/lsp/jsonrpc.h"
#include "newslint/lsp/protocol.h"

#include <gtest/gtest.h>

namespace newslint::lsp {
namespace {

constexpr auto U16 = PositionEncoding::Utf16;
constexpr auto U8 = PositionEncoding::Utf8;

// "a😀b" : 😀 is 4 UTF-8 bytes and a UTF-16 surrogate pair.
const std::string kEmojiLine = "a\xF0\x9F\x98\x80"
                               "b";

TEST(Positions, Utf16CountsSurrogatePairsAsTwoUnits) {
  const std::string text = "x\n" + kEmojiLine + "\né!";
  const LineIndex lines(text);
  EXPECT_EQ(lines.lineCount(), 3u);
  // 'b' is at byte 2 + 5 = 7.
  EXPECT_EQ(lines.position(text, 7, U16), (Position{1, 3}));
  EXPECT_EQ(lines.position(text, 7, U8), (Position{1, 5}));
  EXPECT_EQ(lines.offset(text, {1, 3}, U16), 7u);
  EXPECT_EQ(lines.offset(text, {1, 5}, U8), 7u);
  // "é" is 2 bytes, one UTF-16 unit: '!' at line 2, character 1.
  EXPECT_EQ(lines.position(text, static_cast<uint32_t>(text.size() - 1), U16), (Position{2, 1}));
  EXPECT_EQ(lines.position(text, static_cast<uint32_t>(text.size() - 1), U8), (Position{2, 2}));
}

TEST(Positions, InsideACharacterMovesToItsStart) {
  const LineIndex lines(kEmojiLine);
  // Character 2 is the low surrogate: the offset is the emoji's start.
  EXPECT_EQ(lines.offset(kEmojiLine, {0, 2}, U16), 1u);
  // Byte 3 is inside the emoji.
  EXPECT_EQ(lines.position(kEmojiLine, 3, U16), (Position{0, 1}));
  EXPECT_EQ(lines.offset(kEmojiLine, {0, 3}, U8), 1u);
}

TEST(Positions, LineTerminators) {
  const std::string text = "ab\r\ncd\ref\ngh";
  const LineIndex lines(text);
  EXPECT_EQ(lines.lineCount(), 4u);
  EXPECT_EQ(lines.offset(text, {1, 0}, U16), 4u);
  EXPECT_EQ(lines.offset(text, {2, 1}, U16), 8u);
  EXPECT_EQ(lines.offset(text, {3, 2}, U16), 12u);
  // Past the line's end: the end of its content, never its terminator.
  EXPECT_EQ(lines.offset(text, {0, 99}, U16), 2u);
  EXPECT_EQ(lines.position(text, 3, U16), (Position{0, 2})); // between \r and \n
  // Past the last line: the end of the text.
  EXPECT_EQ(lines.offset(text, {42, 0}, U16), text.size());
}

TEST(Positions, SpanOfReversedRangeIsEmpty) {
  const std::string text = "hello";
  const LineIndex lines(text);
  const auto span = lines.span(text, {{0, 4}, {0, 1}}, U16);
  EXPECT_EQ(span.begin, 4u);
  EXPECT_EQ(span.end, 4u);
}

TEST(Positions, IncrementalChangesWithSurrogatePairs) {
  std::string text = "Zein\n" + kEmojiLine + "\n";
  // Insert after the emoji (UTF-16 character 3 on line 1).
  applyContentChange(text, Range{{1, 3}, {1, 3}}, "X", U16);
  EXPECT_EQ(text, "Zein\na\xF0\x9F\x98\x80Xb\n");
  // Replace the emoji itself (characters 1..3).
  applyContentChange(text, Range{{1, 1}, {1, 3}}, "\xF0\x9F\x91\x8D", U16);
  EXPECT_EQ(text, "Zein\na\xF0\x9F\x91\x8DXb\n");
  // A multi-line replacement, then an out-of-range one that is clamped.
  applyContentChange(text, Range{{0, 1}, {1, 1}}, "ane", U16);
  EXPECT_EQ(text, "Zane\xF0\x9F\x91\x8DXb\n");
  applyContentChange(text, Range{{7, 0}, {9, 9}}, "!", U16);
  EXPECT_EQ(text, "Zane\xF0\x9F\x91\x8DXb\n!");
  applyContentChange(text, std::nullopt, "whole", U16);
  EXPECT_EQ(text, "whole");
}

TEST(Positions, JsonIsStrict) {
  EXPECT_THROW((void)nlohmann::json({{"line", 1}}).get<Position>(), nlohmann::json::exception);
  EXPECT_THROW((void)nlohmann::json({{"line", "1"}, {"character", 0}}).get<Position>(),
               nlohmann::json::exception);
  EXPECT_EQ(nlohmann::json({{"line", -3}, {"character", 2}}).get<Position>(), (Position{0, 2}));
}

TEST(Uri, RoundTripsUnusualPaths) {
  const std::filesystem::path path = "/tmp/a dir/Türkiye #1.txt";
  const std::string uri = pathToUri(path);
  EXPECT_EQ(uri, "file:///tmp/a%20dir/T%C3%BCrkiye%20%231.txt");
  EXPECT_EQ(uriToPath(uri), path);
  EXPECT_EQ(uriToPath("file://localhost/x/y.txt"), std::filesystem::path("/x/y.txt"));
  EXPECT_EQ(uriToPath("FILE:///x/%7e"), std::filesystem::path("/x/~"));
  EXPECT_FALSE(uriToPath("untitled:Untitled-1"));
  EXPECT_FALSE(uriToPath("https://example.invalid/a"));
}

TEST(Capabilities, NegotiatesUtf8OnlyWhenOffered) {
  EXPECT_EQ(parseClientCapabilities(nlohmann::json::object()).encoding, U16);
  EXPECT_EQ(parseClientCapabilities({{"general", {{"positionEncodings", {"utf-16"}}}}}).encoding,
            U16);
  EXPECT_EQ(
      parseClientCapabilities({{"general", {{"positionEncodings", {"utf-32", "utf-8"}}}}}).encoding,
      U8);
  EXPECT_EQ(parseClientCapabilities({{"general", 7}}).encoding, U16);
}

TEST(JsonRpc, ClassifiesMessages) {
  EXPECT_EQ(parseMessage("{").problem, ErrorCode::ParseError);
  EXPECT_EQ(parseMessage("[1]").kind, Incoming::Kind::Invalid);
  EXPECT_EQ(parseMessage("[1]").problem, ErrorCode::InvalidRequest);
  EXPECT_EQ(parseMessage(R"({"id":1,"method":"x"})").kind, Incoming::Kind::Invalid);
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","id":{},"method":"x"})").kind,
            Incoming::Kind::Invalid);
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","method":5})").kind, Incoming::Kind::Invalid);
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","method":"x","params":3})").kind,
            Incoming::Kind::Invalid);
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","method":"x"})").kind, Incoming::Kind::Notification);
  const Incoming request = parseMessage(R"({"jsonrpc":"2.0","id":"a","method":"x","params":{}})");
  EXPECT_EQ(request.kind, Incoming::Kind::Request);
  EXPECT_EQ(request.id, "a");
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","id":3,"result":null})").kind,
            Incoming::Kind::Response);
  EXPECT_EQ(parseMessage(R"({"jsonrpc":"2.0","id":3})").kind, Incoming::Kind::Invalid);
  EXPECT_EQ(serialize(makeError(nullptr, ErrorCode::ParseError, "x")),
            R"({"error":{"code":-32700,"message":"x"},"id":null,"jsonrpc":"2.0"})");
}

} // namespace
} // namespace newslint::lsp
