// Stdio and TCP transports on Boost.Asio. Reads and writes complete on a private strand;
// decoded messages are handed to the receiver, which moves them to its own executor.
#include "newslint/lsp/asio_transport.h"

#include <array>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace newslint::lsp {
namespace asio = boost::asio;
using boost::system::error_code;

namespace {

using IoHandler = std::function<void(const error_code&, size_t)>;

/// Framing, the write queue and the read loop; subclasses provide the byte stream.
class StreamTransport : public Transport, public std::enable_shared_from_this<StreamTransport> {
public:
  StreamTransport(asio::io_context& io, size_t maxBody)
      : io_(io), strand_(asio::make_strand(io)), decoder_(maxBody) {}

  void start(Callbacks callbacks) override {
    asio::dispatch(strand_, [self = shared_from_this(), callbacks = std::move(callbacks)] {
      self->callbacks_ = callbacks;
      self->readMore();
    });
  }

  void send(std::string body) override {
    asio::post(strand_, [self = shared_from_this(), frame = encodeFrame(body)]() mutable {
      self->queue_.push_back(std::move(frame));
      if (!self->writing_)
        self->writeNext();
    });
  }

  void close() override {
    asio::post(strand_, [self = shared_from_this()] {
      self->closed_ = true;
      self->cancelRead();
    });
  }

protected:
  virtual void asyncReadSome(asio::mutable_buffer buffer, IoHandler handler) = 0;
  virtual void asyncWrite(asio::const_buffer buffer, IoHandler handler) = 0;
  virtual void cancelRead() = 0;

  asio::io_context& io_;

private:
  void readMore() {
    asyncReadSome(asio::buffer(readBuffer_),
                  [self = shared_from_this()](const error_code& ec, size_t n) {
                    asio::dispatch(self->strand_, [self, ec, n] { self->onRead(ec, n); });
                  });
  }

  void onRead(const error_code& ec, size_t n) {
    if (closed_)
      return;
    if (n > 0) {
      decoder_.feed(std::string_view(readBuffer_.data(), n));
      while (auto frame = decoder_.next()) {
        if (frame->isError())
          callbacks_.framingError(std::move(frame->error));
        else
          callbacks_.message(std::move(frame->body));
      }
    }
    if (ec) {
      closed_ = true;
      callbacks_.closed();
      return;
    }
    readMore();
  }

  void writeNext() {
    writing_ = true;
    asyncWrite(asio::buffer(queue_.front()),
               [self = shared_from_this()](const error_code& ec, size_t) {
                 asio::dispatch(self->strand_, [self, ec] {
                   self->queue_.pop_front();
                   if (ec)
                     self->queue_.clear(); // the peer is gone; later sends are dropped
                   if (self->queue_.empty()) {
                     self->writing_ = false;
                     return;
                   }
                   self->writeNext();
                 });
               });
  }

  asio::strand<asio::io_context::executor_type> strand_;
  FrameDecoder decoder_;
  Callbacks callbacks_;
  std::array<char, 65536> readBuffer_{};
  std::deque<std::string> queue_;
  bool writing_ = false;
  bool closed_ = false;
};

/// True when the descriptor can be watched by the reactor (pipes, sockets, terminals);
/// regular files and devices such as /dev/null cannot.
bool pollable(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    return false;
  return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || ::isatty(fd) == 1;
}

class StdioTransport final : public StreamTransport {
public:
  StdioTransport(asio::io_context& io, size_t maxBody, int inFd, int outFd)
      : StreamTransport(io, maxBody), inFd_(inFd), outFd_(outFd), in_(io), out_(io) {
    if (pollable(inFd_))
      in_.assign(::dup(inFd_));
    if (pollable(outFd_))
      out_.assign(::dup(outFd_));
  }

protected:
  void asyncReadSome(asio::mutable_buffer buffer, IoHandler handler) override {
    if (in_.is_open()) {
      in_.async_read_some(buffer, std::move(handler));
      return;
    }
    // A regular file: reads do not wait on a peer, so a plain read is as good.
    ssize_t n = 0;
    do {
      n = ::read(inFd_, buffer.data(), buffer.size());
    } while (n < 0 && errno == EINTR);
    error_code ec;
    if (n == 0)
      ec = asio::error::eof;
    else if (n < 0)
      ec = error_code(errno, boost::system::system_category());
    asio::post(io_, [handler = std::move(handler), ec, n] {
      handler(ec, n > 0 ? static_cast<size_t>(n) : 0);
    });
  }

  void asyncWrite(asio::const_buffer buffer, IoHandler handler) override {
    if (out_.is_open()) {
      asio::async_write(out_, buffer, std::move(handler));
      return;
    }
    const char* data = static_cast<const char*>(buffer.data());
    size_t left = buffer.size();
    error_code ec;
    while (left > 0) {
      const ssize_t n = ::write(outFd_, data, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        ec = error_code(errno, boost::system::system_category());
        break;
      }
      data += n;
      left -= static_cast<size_t>(n);
    }
    asio::post(io_,
               [handler = std::move(handler), ec, size = buffer.size()] { handler(ec, size); });
  }

  void cancelRead() override {
    error_code ignored;
    if (in_.is_open())
      in_.cancel(ignored);
  }

private:
  int inFd_;
  int outFd_;
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
};

class SocketTransport final : public StreamTransport {
public:
  SocketTransport(asio::ip::tcp::socket socket, size_t maxBody)
      : StreamTransport(static_cast<asio::io_context&>(socket.get_executor().context()), maxBody),
        socket_(std::move(socket)) {}

protected:
  void asyncReadSome(asio::mutable_buffer buffer, IoHandler handler) override {
    socket_.async_read_some(buffer, std::move(handler));
  }
  void asyncWrite(asio::const_buffer buffer, IoHandler handler) override {
    asio::async_write(socket_, buffer, std::move(handler));
  }
  void cancelRead() override {
    error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_receive, ignored);
  }

private:
  asio::ip::tcp::socket socket_;
};

} // namespace

std::shared_ptr<Transport> makeStdioTransport(asio::io_context& io, size_t maxBody, int inFd,
                                              int outFd) {
  return std::make_shared<StdioTransport>(io, maxBody, inFd, outFd);
}

std::shared_ptr<Transport> makeSocketTransport(asio::ip::tcp::socket socket, size_t maxBody) {
  return std::make_shared<SocketTransport>(std::move(socket), maxBody);
}

} // namespace newslint::lsp
