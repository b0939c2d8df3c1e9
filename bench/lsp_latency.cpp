// Edit latency of the language server: the time from `didChange` to the
// `publishDiagnostics` of that version for the edited article, and until the whole corpus
// is analysed again (the answer to a `workspace/diagnostic` pull sent with the edit, which
// waits for the full analysis; it passes the result ids of the last answer, as VS Code's
// client does, so unchanged documents come back as "unchanged"); the time to index the
// corpus; memory after indexing.
// The real server runs in-process behind the in-memory transport (no sockets, no editor).
//
// usage: lsp_latency CORPUS_DIR [--edits N] [--file NAME] [--debounce-ms N] [--typing-ms N]
//                    [--edit letter|word|name|respell] [--allocator server|default]
//                    [--evict-mb N]
//                    [--pause-ms N]
//
// `--evict-mb N` reads and writes N MB of the driver's own memory before each edit, so that
// the re-check finds nothing of the corpus in the caches, as on a machine whose last-level
// cache is much smaller than the corpus's facts (this one reports 480 MB). `--pause-ms N`
// waits N ms before each edit, so that the edit comes to an idle machine, as a writer's
// keystroke after a pause does (the edits otherwise follow the previous full analysis at
// once).
// `--edit letter` (the default) types a letter at the start of the article and deletes it
// again. `--edit word` types a letter at the end of the article's first "the" ("thex") and
// deletes it: a keystroke inside a sentence, which leaves the article's names as they were,
// as most keystrokes do. `--edit name` instead doubles the last letter of the article's
// first name part and undoes that: the edits alternate between a new spelling and the
// article's own, so the re-check must judge the pairs of the new one again. `--edit respell`
// replaces that last letter with another at each edit (b, c, d, ...): every edit makes a
// spelling the run has not made before, as a writer typing or mistyping a name does, so no
// edit finds the corpus's parts spelled like it remembered from an earlier one.
#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "newslint/analysis/corpus.h"
#include "newslint/lsp/protocol.h"
#include "newslint/lsp/server.h"
#include "newslint/lsp/transport.h"
#include "newslint/workspace/allocator.h"
#include "newslint/workspace/workspace.h"

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

using newslint::bench::ms;
using newslint::bench::percentile;

namespace {

struct Received {
  Clock::time_point at;
  json message;
};

class Client {
public:
  Client(newslint::lsp::ServerOptions options, std::string watched)
      : watched_(std::move(watched)),
        transport_(std::make_shared<newslint::lsp::InMemoryTransport>()),
        work_(boost::asio::make_work_guard(io_)) {
    transport_->setClientReceiver([this](std::string body) {
      json message = json::parse(body, nullptr, false);
      if (message.is_object() && message.contains("method") && message.contains("id")) {
        transport_->clientSend(
            json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", nullptr}}.dump());
      }
      // Only what the benchmark waits for is kept, in brief: the process's memory is meant
      // to be the server's.
      if (!message.is_object()) {
        return;
      }
      const std::string method = message.value("method", "");
      json brief;
      if (method.empty()) {
        brief = json{{"id", message.value("id", json())}}; // a response
        // An answer to a workspace pull: its result ids go with the next pull, as editors
        // that pull send them (the server then reports unchanged documents in brief).
        if (const auto result = message.find("result");
            result != message.end() && result->is_object() && result->contains("items")) {
          json ids = json::array();
          for (const json& item : (*result)["items"])
            if (item.contains("resultId"))
              ids.push_back({{"uri", item.value("uri", "")}, {"value", item["resultId"]}});
          std::lock_guard lock(mutex_);
          resultIds_ = std::move(ids);
        }
      } else if (method == "$/progress") {
        brief =
            json{{"method", method},
                 {"params", {{"value", {{"kind", message["params"]["value"].value("kind", "")}}}}}};
      } else if (method == "textDocument/publishDiagnostics") {
        const json& params = message["params"];
        if (params.value("uri", "") != watched_) {
          return;
        }
        brief = json{{"method", method},
                     {"params", {{"uri", watched_}, {"version", params.value("version", json())}}}};
      } else {
        return;
      }
      message = json(); // the parsed message is freed before the time is taken
      std::lock_guard lock(mutex_);
      received_.push_back({Clock::now(), std::move(brief)});
      changed_.notify_all();
    });
    server_ = std::make_unique<newslint::lsp::Server>(io_, transport_, std::move(options));
    server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Client() {
    work_.reset();
    transport_->clientClose();
    io_.stop();
    thread_.join();
  }
  void send(const json& message) { transport_->clientSend(message.dump()); }
  /// The result ids of the last workspace pull's answer, as `previousResultIds`.
  json resultIds() {
    std::lock_guard lock(mutex_);
    return resultIds_;
  }
  size_t mark() {
    std::lock_guard lock(mutex_);
    return received_.size();
  }
  // The first message from `from` on satisfying `predicate` (waits at most `limit`).
  std::optional<Received> waitFor(size_t from, const std::function<bool(const json&)>& predicate,
                                  std::chrono::seconds limit = std::chrono::seconds(600)) {
    std::unique_lock lock(mutex_);
    std::optional<Received> found;
    changed_.wait_for(lock, limit, [&] {
      for (size_t i = from; i < received_.size(); ++i) {
        if (predicate(received_[i].message)) {
          found = received_[i];
          return true;
        }
      }
      return false;
    });
    return found;
  }

private:
  std::string watched_; ///< the edited document: the only one whose diagnostics are kept
  boost::asio::io_context io_;
  std::shared_ptr<newslint::lsp::InMemoryTransport> transport_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<newslint::lsp::Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Received> received_;
  json resultIds_ = json::array();
};

/// The column of the first word of the first line (spaces and tabs are one UTF-16 unit each).
int firstWordColumn(const std::string& text) {
  int column = 0;
  while (column < static_cast<int>(text.size()) && (text[column] == ' ' || text[column] == '\t')) {
    ++column;
  }
  return column;
}

/// A field of /proc/self/status in KiB: VmRSS (resident now) or VmHWM (the peak).
long statusKiB(const std::string& field = "VmRSS:") {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field)) {
      return std::stol(line.substr(field.size()));
    }
  }
  return -1;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: lsp_latency CORPUS_DIR [--edits N] [--file NAME] [--debounce-ms N] "
                 "[--typing-ms N] [--edit letter|word|name|respell] [--allocator server|default] "
                 "[--evict-mb N] [--pause-ms N]\n";
    return 2;
  }
  const fs::path root = fs::absolute(argv[1]);
  int edits = 50;
  int debounceMs = 150;
  int typingMs = 0; // > 0: one edit every this many ms, the corpus pulled after the last
  std::string file;
  // As `newslint serve` runs, unless `--allocator default` (to measure what the policy costs).
  bool serverAllocator = true;
  bool editName = false;
  bool editWord = false;
  bool respell = false;
  size_t evictMb = 0; // > 0: this many MB read and written before each edit (caches emptied)
  int pauseMs = 0;    // > 0: the driver waits this long before each edit (the machine idles)
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--edit") {
      const std::string kind = argv[i + 1];
      if (kind != "letter" && kind != "word" && kind != "name" && kind != "respell") {
        std::cerr << "lsp_latency: --edit takes letter, word, name or respell\n";
        return 2;
      }
      respell = kind == "respell";
      editName = kind == "name" || respell;
      editWord = kind == "word";
    } else if (a == "--edits") {
      edits = std::stoi(argv[i + 1]);
    } else if (a == "--typing-ms") {
      typingMs = std::stoi(argv[i + 1]);
    } else if (a == "--debounce-ms") {
      debounceMs = std::stoi(argv[i + 1]);
    } else if (a == "--file") {
      file = argv[i + 1];
    } else if (a == "--allocator") {
      serverAllocator = std::string_view(argv[i + 1]) != "default";
    } else if (a == "--evict-mb") {
      evictMb = std::stoul(argv[i + 1]);
    } else if (a == "--pause-ms") {
      pauseMs = std::stoi(argv[i + 1]);
    }
  }
  if (serverAllocator) {
    newslint::workspace::useServerAllocatorPolicy(); // as `newslint serve` runs
  }
  uintmax_t bytes = 0;
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") {
      bytes += e.file_size();
      ++files;
      if (file.empty()) {
        file = fs::relative(e.path(), root).string();
      }
    }
  }
  newslint::lsp::ServerOptions options;
  // The server's own debounce (150 ms unless --debounce-ms says otherwise), as an editor gets it.
  options.debounce = newslint::lsp::DebouncePolicy::fixed(std::chrono::milliseconds(debounceMs));
  options.workerThreads = 2;
  options.lexicon = newslint::workspace::loadLexicon();
  // The server's account of each quick re-check (queue, extraction, re-check), for the
  // outliers.
  options.log = [](std::string_view line) {
    if (line.starts_with("quick re-check")) {
      std::fprintf(stderr, "lsp_latency: server: %.*s\n", static_cast<int>(line.size()),
                   line.data());
    }
  };
  const std::string uri = newslint::lsp::pathToUri(root / file);
  const long rssBefore = statusKiB();
  Client client(options, uri);
  const auto start = Clock::now();
  const std::string rootUri = newslint::lsp::pathToUri(root);
  client.send({{"jsonrpc", "2.0"},
               {"id", 1},
               {"method", "initialize"},
               {"params",
                {{"processId", nullptr},
                 {"rootUri", rootUri},
                 {"capabilities", {{"window", {{"workDoneProgress", true}}}}}}}});
  client.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  // The article is opened, and hovered at its first word, while the corpus is being read.
  std::fprintf(stderr, "lsp_latency: editing %s\n", file.c_str());
  std::ifstream in(root / file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  client.send(
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params",
        {{"textDocument",
          {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text.str()}}}}}});
  const auto hoverSent = Clock::now();
  client.send({{"jsonrpc", "2.0"},
               {"id", 2},
               {"method", "textDocument/hover"},
               {"params",
                {{"textDocument", {{"uri", uri}}},
                 {"position", {{"line", 0}, {"character", firstWordColumn(text.str())}}}}}});
  const auto hovered = client.waitFor(
      0, [](const json& m) { return !m.contains("method") && m.value("id", 0) == 2; });
  const double hoverMs = hovered ? ms(hovered->at - hoverSent) : -1;
  const auto indexed = client.waitFor(0, [](const json& m) {
    return m.value("method", "") == "$/progress" && m["params"]["value"].value("kind", "") == "end";
  });
  if (!indexed) {
    std::cerr << "lsp_latency: indexing did not finish\n";
    return 1;
  }
  const double indexMs = ms(indexed->at - start);
  // Memory once the corpus has been read and analysed: the peak so far, and what the server
  // keeps a second later (it hands freed memory back after half a second without a change).
  const long peakIndexed = statusKiB("VmHWM:");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const long rssIndexed = statusKiB();

  size_t from = 0;
  client.waitFor(from, [&](const json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" &&
           m["params"].value("uri", "") == uri;
  });
  // Where the edits go: the start, or after the first name part (its last letter doubled).
  newslint::lsp::Position editAt{0, 0};
  std::string letter = "X";
  if (editWord) {
    const std::string article = text.str();
    const size_t the = article.find(" the ");
    if (the == std::string::npos) {
      std::cerr << "lsp_latency: " << file << " has no \" the \"; --edit word needs one\n";
      return 1;
    }
    editAt = newslint::lsp::LineIndex(article).position(article, the + 4,
                                                        newslint::lsp::PositionEncoding::Utf16);
    letter = "x";
  } else if (editName) {
    const std::string article = text.str();
    const auto facts = newslint::analysis::extractFacts(file, article, *options.lexicon);
    if (facts->mentions.empty()) {
      std::cerr << "lsp_latency: " << file << " names no one; --edit name needs a name\n";
      return 1;
    }
    const newslint::analysis::Span part = facts->mentions.front().parts.front().span;
    editAt = newslint::lsp::LineIndex(article).position(article, part.end,
                                                        newslint::lsp::PositionEncoding::Utf16);
    letter = article.substr(part.end - 1, 1);
    if (static_cast<unsigned char>(letter[0]) >= 0x80) {
      letter = "e"; // the last byte of a longer character
    }
    std::fprintf(stderr, "lsp_latency: respelling \"%s\"\n",
                 std::string(facts->doc.slice(part)).c_str());
    // The edit's range is one UTF-16 unit before editAt: the part must end in an ASCII byte.
    if (respell && (part.size() < 2 || static_cast<unsigned char>(article[part.end - 1]) >= 0x80)) {
      std::cerr << "lsp_latency: --edit respell needs a first name part of two or more letters "
                   "ending in an ASCII letter\n";
      return 1;
    }
  }
  // --edit respell: the letters that replace the part's last one in turn (not its own).
  std::string respellings;
  for (char c = 'b'; respell && c <= 'z'; ++c) {
    if (c != letter[0] && std::string_view("aeiou").find(c) == std::string_view::npos) {
      respellings.push_back(c);
    }
  }
  std::vector<double> edited;
  std::vector<double> last;
  for (int v = 2; v < edits + 2; ++v) {
    // Type one letter (at the start of the article, after "the", or after a name part), then
    // delete it on the next edit.
    const bool insert = v % 2 == 0;
    const json at = {{"line", editAt.line}, {"character", editAt.character}};
    const json after = {{"line", editAt.line}, {"character", editAt.character + 1}};
    json change = insert ? json{{"range", {{"start", at}, {"end", at}}}, {"text", letter}}
                         : json{{"range", {{"start", at}, {"end", after}}}, {"text", ""}};
    if (respell) {
      // The part's last letter (one UTF-16 unit before editAt) becomes the next of the list.
      const json lastLetter = {{"line", editAt.line}, {"character", editAt.character - 1}};
      const char next = respellings[static_cast<size_t>(v - 2) % respellings.size()];
      change =
          json{{"range", {{"start", lastLetter}, {"end", at}}}, {"text", std::string(1, next)}};
    }
    if (pauseMs > 0) {
      // A writer who stops to think: the machine has been idle when the key comes.
      std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
    }
    if (evictMb > 0) {
      // A machine whose last-level cache is smaller than the corpus's facts: the data the
      // re-check reads is pushed out by other work before each edit.
      static std::vector<unsigned char> other(evictMb << 20);
      for (size_t b = 0; b < other.size(); b += 64) {
        other[b] = static_cast<unsigned char>(other[b] + 1);
      }
    }
    from = client.mark();
    const auto sent = Clock::now();
    client.send({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didChange"},
                 {"params",
                  {{"textDocument", {{"uri", uri}, {"version", v}}},
                   {"contentChanges", json::array({change})}}}});
    const auto published = client.waitFor(from, [&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"].value("uri", "") == uri && m["params"].value("version", 0) == v;
    });
    if (!published) {
      std::cerr << "lsp_latency: no diagnostics for version " << v << "\n";
      return 1;
    }
    edited.push_back(ms(published->at - sent));
    if (typingMs > 0 && v + 1 < edits + 2) {
      // Typing: the next key comes before the full analysis of this one has finished.
      std::this_thread::sleep_for(std::chrono::milliseconds(typingMs));
      continue;
    }
    // The whole corpus is up to date when the server answers a workspace pull: such
    // requests wait for the full analysis of the current text.
    const int id = 1000 + v;
    client.send({{"jsonrpc", "2.0"},
                 {"id", id},
                 {"method", "workspace/diagnostic"},
                 {"params", {{"previousResultIds", client.resultIds()}}}});
    const auto answered = client.waitFor(
        from, [&](const json& m) { return !m.contains("method") && m.value("id", 0) == id; });
    if (!answered) {
      std::cerr << "lsp_latency: no answer to the workspace pull after version " << v << "\n";
      return 1;
    }
    last.push_back(ms(answered->at - sent));
  }
  const long peakEdited = statusKiB("VmHWM:"); // the peak over the edits too
  newslint::bench::printInOrder("lsp_latency: edited ms", edited);
  std::printf("| articles | corpus MB | index s | peak RSS MB | x corpus | RSS settled MB | "
              "x corpus | peak RSS with edits MB | x corpus | edits | edited p50 ms | p95 | "
              "p99 | corpus up to date p50 ms | p95 | p99 | hover while indexing ms |\n");
  std::printf(
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  const double corpusMB = static_cast<double>(bytes) / 1e6;
  // MB, as the corpus; what the process held before the server started is left out.
  const auto mb = [&](long kib) { return static_cast<double>(kib - rssBefore) * 1024.0 / 1e6; };
  const auto times = [&](double value) { return corpusMB > 0 ? value / corpusMB : 0.0; };
  std::printf("| %zu | %.1f | %.2f | %.0f | %.1f | %.0f | %.1f | %.0f | %.1f | %d | %.1f | %.1f | "
              "%.1f | %.1f | %.1f | %.1f | %.0f |\n",
              files, corpusMB, indexMs / 1000.0, mb(peakIndexed), times(mb(peakIndexed)),
              mb(rssIndexed), times(mb(rssIndexed)), mb(peakEdited), times(mb(peakEdited)), edits,
              percentile(edited, 0.5), percentile(edited, 0.95), percentile(edited, 0.99),
              percentile(last, 0.5), percentile(last, 0.95), percentile(last, 0.99), hoverMs);
  return 0;
}
