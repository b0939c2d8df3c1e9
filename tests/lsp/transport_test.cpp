// The byte-stream transports on real descriptors: stdio over pipes and TCP on loopback,
// each carrying a whole session (framing split across writes, a framing error, shutdown,
// exit) to the real server.
#include "lsp/lsp_client.h"
#include "newslint/lsp/asio_transport.h"

#include <boost/asio/ip/tcp.hpp>
#include <poll.h>
#include <unistd.h>

namespace newslint::lsp::test {
namespace {

/// Blocking client side of a descriptor: writes bytes, reads whole frames (with poll, so a
/// silent server fails the test instead of hanging it).
class RawClient {
public:
  RawClient(int readFd, int writeFd) : readFd_(readFd), writeFd_(writeFd) {}

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(writeFd_, bytes.data(), bytes.size());
      ASSERT_GT(n, 0);
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  void send(const json& message) { write(encodeFrame(message.dump())); }

  json next() {
    for (;;) {
      if (auto frame = decoder_.next()) {
        EXPECT_FALSE(frame->isError()) << frame->error;
        return json::parse(frame->body);
      }
      pollfd pfd{readFd_, POLLIN, 0};
      const int ready =
          ::poll(&pfd, 1, static_cast<int>(std::chrono::milliseconds(kSafetyNet).count()));
      if (ready <= 0) {
        ADD_FAILURE() << "no message from the server";
        return json();
      }
      char buffer[4096];
      const ssize_t n = ::read(readFd_, buffer, sizeof buffer);
      if (n <= 0) {
        ADD_FAILURE() << "the server closed the stream";
        return json();
      }
      decoder_.feed(std::string_view(buffer, static_cast<size_t>(n)));
    }
  }
  /// The next message that is a response (skipping notifications and server requests).
  json response() {
    for (;;) {
      json message = next();
      if (message.is_null() || !message.contains("method"))
        return message;
    }
  }

  void session(const std::filesystem::path& root) {
    const std::string initialize = encodeFrame(
        json{{"jsonrpc", "2.0"},
             {"id", 1},
             {"method", "initialize"},
             {"params", {{"rootUri", pathToUri(root)}, {"capabilities", json::object()}}}}
            .dump());
    write(initialize.substr(0, 10)); // framing split across writes
    write(initialize.substr(10));
    const json init = response();
    EXPECT_EQ(init["id"], 1);
    EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    write("Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}");
    const json framing = response();
    EXPECT_EQ(framing["error"]["code"], -32600);
    send({{"jsonrpc", "2.0"},
          {"id", 2},
          {"method", "workspace/symbol"},
          {"params", {{"query", "Zein"}}}});
    const json symbols = response();
    EXPECT_EQ(symbols["id"], 2);
    EXPECT_FALSE(symbols["result"].empty());
    send({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}});
    EXPECT_EQ(response()["id"], 3);
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  }

private:
  int readFd_;
  int writeFd_;
  FrameDecoder decoder_;
};

/// Runs a server on `transport` on its own thread until it exits; returns the exit code.
class ServerThread {
public:
  ServerThread(boost::asio::io_context& io, std::shared_ptr<Transport> transport)
      : server_(io, std::move(transport), LspClient::defaultOptions()) {
    server_.onExit([this](int code) { code_ = code; });
    server_.start();
    thread_ = std::thread([&io] { io.run(); }); // returns once the connection is closed
  }
  int join() {
    thread_.join();
    return code_;
  }

private:
  Server server_;
  std::thread thread_;
  int code_ = -1;
};

TEST(Transport, StdioOverPipes) {
  TempCorpus corpus;
  int toServer[2];
  int fromServer[2];
  ASSERT_EQ(::pipe(toServer), 0);
  ASSERT_EQ(::pipe(fromServer), 0);
  boost::asio::io_context io;
  {
    ServerThread server(
        io, makeStdioTransport(io, kDefaultMaxMessageBytes, toServer[0], fromServer[1]));
    RawClient client(fromServer[0], toServer[1]);
    client.session(corpus.root());
    EXPECT_EQ(server.join(), 0);
  }
  for (const int fd : {toServer[0], toServer[1], fromServer[0], fromServer[1]})
    ::close(fd);
}

TEST(Transport, TcpOnLoopback) {
  TempCorpus corpus;
  boost::asio::io_context io;
  namespace ip = boost::asio::ip;
  ip::tcp::acceptor acceptor(io, ip::tcp::endpoint(ip::address_v4::loopback(), 0));
  ip::tcp::socket clientSocket(io);
  clientSocket.connect(acceptor.local_endpoint());
  ip::tcp::socket serverSocket(io);
  acceptor.accept(serverSocket);
  {
    ServerThread server(io, makeSocketTransport(std::move(serverSocket)));
    RawClient client(clientSocket.native_handle(), clientSocket.native_handle());
    client.session(corpus.root());
    EXPECT_EQ(server.join(), 0);
  }
}

TEST(Transport, StdioEndOfInputWithoutShutdownExitsWithOne) {
  int toServer[2];
  int fromServer[2];
  ASSERT_EQ(::pipe(toServer), 0);
  ASSERT_EQ(::pipe(fromServer), 0);
  boost::asio::io_context io;
  {
    ServerThread server(
        io, makeStdioTransport(io, kDefaultMaxMessageBytes, toServer[0], fromServer[1]));
    ::close(toServer[1]);
    EXPECT_EQ(server.join(), 1);
  }
  for (const int fd : {toServer[0], fromServer[0], fromServer[1]})
    ::close(fd);
}

} // namespace
} // namespace newslint::lsp::test
