// Fuzzes the Content-Length frame decoder. The input is decoded twice, whole and in
// pieces of fuzzer-chosen sizes, with a small body limit; both must give the same frames,
// every frame must respect the limit, and a well-formed frame of part of the input must
// decode to exactly that part.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "newslint/lsp/transport.h"

namespace {

using newslint::lsp::Frame;
using newslint::lsp::FrameDecoder;

void check(bool condition) {
  if (!condition)
    std::abort();
}

struct Decoded {
  std::vector<std::string> bodies;
  std::vector<std::string> errors;
  std::string sequence; ///< 'b' for a body, 'e' for an error, in order
};

void drain(FrameDecoder& decoder, Decoded& out, size_t maxBody) {
  while (auto frame = decoder.next()) {
    if (frame->isError()) {
      check(frame->body.empty());
      out.errors.push_back(frame->error);
      out.sequence += 'e';
    } else {
      check(frame->body.size() <= maxBody);
      out.bodies.push_back(frame->body);
      out.sequence += 'b';
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2)
    return 0;
  // Byte 0: the body limit; byte 1: the seed of the piece sizes.
  const size_t maxBody = static_cast<size_t>(data[0]) * 16u;
  unsigned seed = data[1];
  const std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);

  Decoded whole;
  {
    FrameDecoder decoder(maxBody);
    decoder.feed(input);
    drain(decoder, whole, maxBody);
    check(decoder.buffered() <= input.size());
  }

  Decoded pieces;
  {
    FrameDecoder decoder(maxBody);
    size_t at = 0;
    while (at < input.size()) {
      seed = seed * 1103515245u + 12345u;
      const size_t n = 1 + (seed >> 16) % 64;
      const size_t take = n < input.size() - at ? n : input.size() - at;
      decoder.feed(input.substr(at, take));
      at += take;
      drain(decoder, pieces, maxBody);
    }
  }

  // A header line longer than the header limit is rejected only while it is incomplete,
  // which depends on how the bytes arrive; below that limit the split must not matter.
  if (input.size() <= 8192) {
    check(whole.sequence == pieces.sequence);
    check(whole.bodies == pieces.bodies);
  }

  // Round trip: a frame encoded by encodeFrame decodes to its body, also after a
  // complete frame of the input itself.
  const std::string_view body = input.substr(0, std::min<size_t>(input.size(), maxBody));
  {
    FrameDecoder decoder(maxBody);
    decoder.feed(newslint::lsp::encodeFrame(body));
    auto frame = decoder.next();
    check(frame.has_value() && !frame->isError() && frame->body == body);
    check(!decoder.next().has_value());
    check(decoder.buffered() == 0);
  }
  return 0;
}
