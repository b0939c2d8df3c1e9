// Byte-stream transports on Boost.Asio: stdio (posix::stream_descriptor) and TCP sockets.
#pragma once

#include "newslint/lsp/transport.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

namespace newslint::lsp {

/// Reads framed messages from `inFd` and writes to `outFd`. Pipes and terminals use
/// non-blocking Asio descriptors; a regular file (input redirected from disk) is read by
/// a helper thread, since such files cannot be registered with the reactor.
std::shared_ptr<Transport> makeStdioTransport(boost::asio::io_context& io,
                                              size_t maxBody = kDefaultMaxMessageBytes,
                                              int inFd = 0, int outFd = 1);

/// One accepted TCP connection.
std::shared_ptr<Transport> makeSocketTransport(boost::asio::ip::tcp::socket socket,
                                               size_t maxBody = kDefaultMaxMessageBytes);

} // namespace newslint::lsp
