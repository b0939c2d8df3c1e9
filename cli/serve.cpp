// `newslint serve [--stdio | --listen HOST:PORT [--allow-remote]] [--log-file PATH]
//                 [--debounce-ms N] [--max-message-size BYTES]`
#include "serve.h"

#include "newslint/lsp/asio_transport.h"
#include "newslint/lsp/server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <charconv>
#include <csignal>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>

namespace newslint::cli {
namespace {

namespace asio = boost::asio;

constexpr std::string_view kUsage =
    "usage: newslint serve [--stdio | --listen HOST:PORT [--allow-remote]]\n"
    "                      [--log-file PATH] [--debounce-ms N] [--max-message-size BYTES]\n"
    "  --stdio           speak LSP on stdin/stdout (the default)\n"
    "  --listen H:P      accept one LSP client on TCP (loopback only unless --allow-remote)\n"
    "  --allow-remote    allow --listen on an address other than loopback\n"
    "  --log-file PATH   append the server log to PATH (default: stderr)\n"
    "  --debounce-ms N   wait N ms after the last edit before analysing (default 150)\n"
    "  --max-message-size BYTES\n"
    "                    largest JSON-RPC message body accepted (default 67108864, 64 MiB);\n"
    "                    a larger one is answered with an error and skipped\n";

/// Bounds of --max-message-size: below 1 KiB even an initialize may not fit; above 1 GiB
/// one message could take most of the memory of a workstation.
constexpr size_t kMinMessageBytes = 1024;
constexpr size_t kMaxMessageBytes = size_t{1} << 30;

struct ServeArgs {
  std::optional<std::string> listen;
  bool allowRemote = false;
  std::string logFile;
  int debounceMs = 150;
  size_t maxMessageBytes = lsp::kDefaultMaxMessageBytes;
};

std::optional<ServeArgs> parseArgs(const std::vector<std::string>& args, std::string& error) {
  ServeArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (const size_t eq = arg.find('='); eq != std::string::npos)
        return arg.substr(eq + 1);
      if (i + 1 < args.size())
        return args[++i];
      error = arg + " needs a value";
      return std::nullopt;
    };
    const std::string name = arg.substr(0, arg.find('='));
    if (name == "--stdio")
      out.listen.reset();
    else if (name == "--listen") {
      auto v = value();
      if (!v)
        return std::nullopt;
      out.listen = *v;
    } else if (name == "--allow-remote")
      out.allowRemote = true;
    else if (name == "--log-file") {
      auto v = value();
      if (!v)
        return std::nullopt;
      out.logFile = *v;
    } else if (name == "--debounce-ms") {
      auto v = value();
      if (!v)
        return std::nullopt;
      int ms = -1;
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), ms);
      if (ec != std::errc() || end != v->data() + v->size() || ms < 0 || ms > 60000) {
        error = "--debounce-ms needs a number of milliseconds (0-60000)";
        return std::nullopt;
      }
      out.debounceMs = ms;
    } else if (name == "--max-message-size") {
      auto v = value();
      if (!v)
        return std::nullopt;
      size_t bytes = 0;
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), bytes);
      if (ec != std::errc() || end != v->data() + v->size() || bytes < kMinMessageBytes ||
          bytes > kMaxMessageBytes) {
        error = "--max-message-size needs a number of bytes (" + std::to_string(kMinMessageBytes) +
                "-" + std::to_string(kMaxMessageBytes) + ")";
        return std::nullopt;
      }
      out.maxMessageBytes = bytes;
    } else if (name == "--help" || name == "-h") {
      error = "";
      return std::nullopt;
    } else {
      error = "unknown option " + arg;
      return std::nullopt;
    }
  }
  return out;
}

/// HOST:PORT, with [v6]:PORT for IPv6 literals.
bool splitHostPort(const std::string& text, std::string& host, unsigned short& port) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return false;
  host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string portText = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
  if (ec != std::errc() || end != portText.data() + portText.size() || value > 65535)
    return false;
  port = static_cast<unsigned short>(value);
  return true;
}

} // namespace

int runServe(const std::vector<std::string>& args) {
  std::string error;
  const auto parsed = parseArgs(args, error);
  if (!parsed) {
    if (error.empty()) {
      std::cout << kUsage;
      return 0;
    }
    std::cerr << "newslint serve: " << error << "\n" << kUsage;
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN); // a vanished client is an I/O error, not a crash

  auto logMutex = std::make_shared<std::mutex>();
  std::shared_ptr<std::ofstream> logFile;
  if (!parsed->logFile.empty()) {
    logFile = std::make_shared<std::ofstream>(parsed->logFile, std::ios::app);
    if (!*logFile) {
      std::cerr << "newslint serve: cannot open log file " << parsed->logFile << "\n";
      return 2;
    }
  }
  const auto log = [logMutex, logFile](std::string_view line) {
    std::lock_guard lock(*logMutex);
    std::ostream& out = logFile ? static_cast<std::ostream&>(*logFile) : std::cerr;
    out << "newslint: " << line << '\n';
    out.flush();
  };

  lsp::ServerOptions options;
  options.debounce = lsp::DebouncePolicy::fixed(std::chrono::milliseconds(parsed->debounceMs));
  options.log = log;
  std::error_code ec;
  options.checksDocsDir = lsp::findChecksDocs(std::filesystem::read_symlink("/proc/self/exe", ec));

  asio::io_context io;
  std::shared_ptr<lsp::Transport> transport;
  if (!parsed->listen) {
    transport = lsp::makeStdioTransport(io, parsed->maxMessageBytes);
  } else {
    std::string host;
    unsigned short port = 0;
    if (!splitHostPort(*parsed->listen, host, port)) {
      std::cerr << "newslint serve: --listen needs HOST:PORT, got " << *parsed->listen << "\n";
      return 2;
    }
    boost::system::error_code netError;
    asio::ip::tcp::resolver resolver(io);
    const auto results = resolver.resolve(host, std::to_string(port), netError);
    if (netError || results.empty()) {
      std::cerr << "newslint serve: cannot resolve " << host << ": " << netError.message() << "\n";
      return 2;
    }
    const asio::ip::tcp::endpoint endpoint = results.begin()->endpoint();
    if (!endpoint.address().is_loopback()) {
      if (!parsed->allowRemote) {
        std::cerr << "newslint serve: " << endpoint.address().to_string()
                  << " is not a loopback address; pass --allow-remote to listen on it\n";
        return 2;
      }
      log("WARNING: listening on non-loopback address " + endpoint.address().to_string() +
          ": any host that reaches it can read the corpus");
    }
    asio::ip::tcp::acceptor acceptor(io);
    acceptor.open(endpoint.protocol(), netError);
    if (!netError)
      acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true), netError);
    if (!netError)
      acceptor.bind(endpoint, netError);
    if (!netError)
      acceptor.listen(1, netError);
    if (netError) {
      std::cerr << "newslint serve: cannot listen on " << *parsed->listen << ": "
                << netError.message() << "\n";
      return 2;
    }
    const auto bound = acceptor.local_endpoint();
    // Always on stderr, so that a launcher that asked for port 0 can find the port.
    std::cerr << "newslint: listening on " << bound.address().to_string() << ":" << bound.port()
              << std::endl;
    log("listening on " + bound.address().to_string() + ":" + std::to_string(bound.port()));
    asio::ip::tcp::socket socket(io);
    acceptor.accept(socket, netError);
    if (netError) {
      std::cerr << "newslint serve: accept failed: " << netError.message() << "\n";
      return 2;
    }
    log("client connected from " + socket.remote_endpoint(netError).address().to_string());
    transport = lsp::makeSocketTransport(std::move(socket), parsed->maxMessageBytes);
  }

  int exitCode = 1;
  {
    lsp::Server server(io, transport, options);
    server.onExit([&exitCode](int code) { exitCode = code; });
    server.start();
    io.run();
  }
  return exitCode;
}

} // namespace newslint::cli
