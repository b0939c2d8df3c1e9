// Content-Length framing: well-formed streams in any chunking, and malformed ones from
// which the decoder recovers.
#include "newslint/lsp/transport.h"

#include <gtest/gtest.h>

namespace newslint::lsp {
namespace {

std::vector<Frame> decodeAll(FrameDecoder& decoder, std::string_view bytes) {
  decoder.feed(bytes);
  std::vector<Frame> out;
  while (auto frame = decoder.next())
    out.push_back(std::move(*frame));
  return out;
}

TEST(Framing, DecodesConsecutiveFrames) {
  FrameDecoder decoder;
  const auto frames = decodeAll(decoder, encodeFrame("{\"a\":1}") + encodeFrame("[]"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].body, "{\"a\":1}");
  EXPECT_EQ(frames[1].body, "[]");
  EXPECT_EQ(decoder.buffered(), 0u);
}

TEST(Framing, DecodesByteByByte) {
  FrameDecoder decoder;
  const std::string stream = encodeFrame("{\"x\":\"é\"}") + encodeFrame("{}");
  std::vector<Frame> frames;
  for (const char c : stream) {
    decoder.feed(std::string_view(&c, 1));
    while (auto frame = decoder.next())
      frames.push_back(std::move(*frame));
  }
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].body, "{\"x\":\"é\"}");
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(Framing, ToleratesHeaderVariants) {
  FrameDecoder decoder;
  const auto frames = decodeAll(
      decoder, "content-length:  2\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{}"
               "\r\n" // stray blank line between messages
               "CONTENT-LENGTH: 2\r\nContent-Length: 2\r\n\r\n[]");
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].body, "{}");
  EXPECT_EQ(frames[1].body, "[]");
}

TEST(Framing, MissingLengthIsReportedAndSkipped) {
  FrameDecoder decoder;
  const auto frames = decodeAll(decoder, "Content-Type: x\r\n\r\n{\"lost\":1}" + encodeFrame("{}"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_TRUE(frames[0].isError());
  EXPECT_NE(frames[0].error.find("missing Content-Length"), std::string::npos);
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(Framing, ConflictingLengthsAreReported) {
  FrameDecoder decoder;
  const auto frames =
      decodeAll(decoder, "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x" + encodeFrame("[1]"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_TRUE(frames[0].isError());
  EXPECT_EQ(frames[1].body, "[1]");
}

TEST(Framing, InvalidLengthIsReported) {
  FrameDecoder decoder;
  const auto frames = decodeAll(decoder, "Content-Length: -5\r\n\r\n" + encodeFrame("1"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_TRUE(frames[0].isError());
  EXPECT_EQ(frames[1].body, "1");
}

TEST(Framing, OversizedBodyIsSkippedInStep) {
  FrameDecoder decoder(8);
  const std::string big(20, 'x');
  auto frames = decodeAll(decoder, "Content-Length: 20\r\n\r\n" + big.substr(0, 5));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_TRUE(frames[0].isError());
  EXPECT_NE(frames[0].error.find("exceeds"), std::string::npos);
  frames = decodeAll(decoder, big.substr(5) + encodeFrame("{}"));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(Framing, GarbageWithoutHeadersResynchronises) {
  FrameDecoder decoder;
  auto frames = decodeAll(decoder, std::string(10000, 'z'));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_TRUE(frames[0].isError());
  frames = decodeAll(decoder, "\r\n" + encodeFrame("{}"));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(Framing, EncodesLengthInBytes) {
  EXPECT_EQ(encodeFrame("é"), "Content-Length: 2\r\n\r\né");
}

} // namespace
} // namespace newslint::lsp
