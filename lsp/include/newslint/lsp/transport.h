// JSON-RPC transport: Content-Length framing and the small interface every byte stream
// (stdio, TCP, the in-memory twin used by tests) sits behind.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace newslint::lsp {

/// Largest message body accepted by default; larger ones are skipped and answered with an
/// error, and the stream stays in step.
inline constexpr size_t kDefaultMaxMessageBytes = 64u * 1024u * 1024u;

/// One decoded frame: a message body, or a framing problem to report to the peer.
struct Frame {
  std::string body;
  std::string error; ///< non-empty: the frame was unusable (body is empty)
  [[nodiscard]] bool isError() const { return !error.empty(); }
};

/// Incremental decoder for `Content-Length` framed messages. Tolerant: header names are
/// case-insensitive, lines may end in "\n" alone, unknown headers are ignored. A header
/// block without a usable length is reported and the decoder resynchronises on the next
/// `Content-Length` header; an oversized body is skipped byte for byte without buffering.
class FrameDecoder {
public:
  explicit FrameDecoder(size_t maxBody = kDefaultMaxMessageBytes) : maxBody_(maxBody) {}

  void feed(std::string_view bytes);
  /// The next complete frame, or nullopt when more input is needed.
  std::optional<Frame> next();
  /// Bytes received but not yet consumed.
  [[nodiscard]] size_t buffered() const { return buffer_.size() - pos_; }

private:
  std::optional<Frame> resync(std::string problem);
  void compact();

  size_t maxBody_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t skip_ = 0;                  ///< body bytes of an oversized message still to drop
  std::optional<size_t> bodyLength_; ///< set once a header block was read
  bool resyncing_ = false;           ///< looking for the next "Content-Length" header
};

/// Frames one message body.
std::string encodeFrame(std::string_view body);

/// A bidirectional message stream. Callbacks may be invoked from any thread; the receiver
/// is responsible for moving work onto its own executor. `send` is thread-safe.
class Transport {
public:
  struct Callbacks {
    std::function<void(std::string body)> message;
    std::function<void(std::string problem)> framingError;
    std::function<void()> closed; ///< end of input (called once)
  };

  virtual ~Transport() = default;
  virtual void start(Callbacks callbacks) = 0;
  virtual void send(std::string body) = 0;
  /// Stops reading; queued output is still written.
  virtual void close() = 0;
};

/// The in-memory twin: the "client side" methods feed the server and observe what it sends.
class InMemoryTransport final : public Transport {
public:
  explicit InMemoryTransport(size_t maxBody = kDefaultMaxMessageBytes) : decoder_(maxBody) {}

  void start(Callbacks callbacks) override;
  void send(std::string body) override;
  void close() override;

  /// Client side: delivers one whole message body to the server.
  void clientSend(std::string body);
  /// Client side: raw bytes, decoded with the same framing rules as the byte streams.
  void clientWrite(std::string_view bytes);
  /// Client side: end of input.
  void clientClose();
  /// Client side: receives every message body the server sends (called on the sender's thread).
  void setClientReceiver(std::function<void(std::string body)> receiver);
  [[nodiscard]] bool closedByServer() const;

private:
  mutable std::mutex mutex_;
  Callbacks callbacks_;
  std::function<void(std::string)> receiver_;
  std::deque<std::string> early_; ///< sent before a receiver was set
  FrameDecoder decoder_;
  bool started_ = false;
  bool closed_ = false;
  bool inputClosed_ = false;
};

} // namespace newslint::lsp
