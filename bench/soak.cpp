// Soak test of the language server's document synchronisation. Replays N seeded random
// edits (inserts, deletes, pastes of whole articles, whole-text replacements, undo bursts,
// several changes in one didChange) against the real server through the in-memory
// transport, on a corpus made of the sample articles in examples/. The client keeps its
// own copy of every text and converts byte offsets to LSP positions with its own code, so
// that the server's conversion is checked, not reused.
//
// At checkpoints (every N/10 edits and at the end) it checks, for every document:
//   - the server's diagnostics, pulled once the server has caught up, and its document
//     symbols (every entity and dated event, with ranges) equal those of a cold analysis
//     (analysis::analyze on a fresh Corpus) of the client's texts;
//   - each diagnostic's byte span lies inside the client's copy (a flagged text that differs
//     from the span's text is counted and shown, not failed: see checkpoint()).
// A lost or misplaced edit changes the text the server analyses and shows up as a mismatch.
//
//   soak [--edits N] [--seed S] [--utf8] [--examples DIR] [--self-test] [--recheck]
// Prints a table and exits 1 on any mismatch. --self-test sends the server, just before the
// first checkpoint, one insertion the client does not make: that run must fail. --recheck
// has the server re-check each edit quickly (analysis::RecheckIndex, with its prepared and
// kept name indexes) as it does from 1,000 documents on, before each full analysis.
#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

#include "newslint/analysis/corpus.h"
#include "newslint/lsp/features.h"
#include "newslint/lsp/protocol.h"
#include "newslint/lsp/server.h"
#include "newslint/lsp/transport.h"
#include "newslint/workspace/allocator.h"
#include "newslint/workspace/workspace.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace newslint;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The examples folder: --examples, else the first examples/ holding a register found
/// walking up from the executable (the build tree sits in the source tree).
fs::path findExamples(const std::string& given, const char* argv0) {
  if (!given.empty())
    return given;
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(argv0, ec), ec).parent_path();
  for (int i = 0; i < 6 && !dir.empty(); ++i) {
    if (fs::exists(dir / "examples" / "newslint.json", ec))
      return dir / "examples";
    if (dir == dir.parent_path())
      break;
    dir = dir.parent_path();
  }
  return {};
}

// --- the client's own position arithmetic -------------------------------------------------

size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead >> 5) == 0x6)
    return 2;
  if ((lead >> 4) == 0xE)
    return 3;
  return 4;
}

/// An offset an LSP position can name: not inside a UTF-8 sequence nor inside "\r\n".
bool boundary(const std::string& text, size_t offset) {
  if (offset == 0 || offset >= text.size())
    return offset <= text.size();
  if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    return false;
  return !(text[offset - 1] == '\r' && text[offset] == '\n');
}

/// The LSP position of a boundary offset (lines end at \n, \r\n or a lone \r).
json positionOf(const std::string& text, size_t offset, bool utf8) {
  uint32_t line = 0;
  uint32_t character = 0;
  size_t i = 0;
  while (i < offset) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      character = 0;
      continue;
    }
    const size_t n = sequenceLength(static_cast<unsigned char>(c));
    character += utf8 ? static_cast<uint32_t>(n) : (n == 4 ? 2u : 1u);
    i += n;
  }
  return {{"line", line}, {"character", character}};
}

// --- the client -----------------------------------------------------------------------------

class Client {
public:
  Client(lsp::ServerOptions options)
      : transport_(std::make_shared<lsp::InMemoryTransport>()),
        work_(boost::asio::make_work_guard(io_)) {
    transport_->setClientReceiver([this](std::string body) { receive(std::move(body)); });
    server_ = std::make_unique<lsp::Server>(io_, transport_, std::move(options));
    server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Client() {
    work_.reset();
    io_.stop();
    thread_.join();
    server_.reset();
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  json call(const std::string& method, json params) {
    const int64_t id = nextId_++;
    transport_->clientSend(
        json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}
            .dump());
    std::unique_lock lock(mutex_);
    const bool answered =
        changed_.wait_for(lock, std::chrono::minutes(5), [&] { return responses_.count(id) > 0; });
    if (!answered) {
      std::fprintf(stderr, "soak: no answer to %s within five minutes\n", method.c_str());
      std::exit(2);
    }
    json response = std::move(responses_[id]);
    responses_.erase(id);
    return response;
  }
  void notify(const std::string& method, json params) {
    transport_->clientSend(
        json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }

private:
  void receive(std::string body) {
    json message = json::parse(body, nullptr, false);
    if (!message.is_object())
      return;
    if (message.contains("method")) {
      if (message.contains("id")) // a request from the server: accept it
        transport_->clientSend(
            json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", nullptr}}.dump());
      return;
    }
    if (message.contains("id") && message["id"].is_number_integer()) {
      const auto id = message["id"].get<int64_t>();
      std::lock_guard lock(mutex_);
      responses_[id] = std::move(message);
      changed_.notify_all();
    }
  }

  boost::asio::io_context io_;
  std::shared_ptr<lsp::InMemoryTransport> transport_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<lsp::Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int64_t, json> responses_;
  int64_t nextId_ = 1;
};

// --- edits ----------------------------------------------------------------------------------

struct Doc {
  std::string id;
  std::string uri;
  std::string text;
  int64_t version = 1;
};

/// One replacement of bytes [begin, begin + removed.size()) by `inserted`; kept for undo.
struct Applied {
  size_t doc = 0;
  size_t begin = 0;
  std::string removed;
  std::string inserted;
};

class Editor {
public:
  Editor(std::vector<Doc>& docs, std::vector<std::string> articles, uint64_t seed, bool utf8)
      : docs_(docs), articles_(std::move(articles)), random_(seed), utf8_(utf8) {}

  /// Builds the next didChange (one to three edits, or an undo step) and applies it to the
  /// client's text. Returns the number of edits it holds.
  size_t next(Client& client) {
    if (undoLeft_ == 0 && history_.size() >= 2 && pick(40) == 0)
      undoLeft_ = 2 + pick(std::min<size_t>(18, history_.size() - 1));
    if (undoLeft_ > 0 && !history_.empty()) {
      --undoLeft_;
      const Applied last = history_.back();
      history_.pop_back();
      json change =
          replace(last.doc, last.begin, last.begin + last.inserted.size(), last.removed, false);
      send(client, last.doc, json::array({change}));
      ++stats.undos;
      return 1;
    }
    undoLeft_ = 0;
    const size_t doc = pick(docs_.size());
    const size_t count = pick(8) == 0 ? 2 + pick(2) : 1;
    json changes = json::array();
    for (size_t i = 0; i < count; ++i)
      changes.push_back(randomEdit(doc));
    send(client, doc, std::move(changes));
    return count;
  }

  struct Stats {
    size_t inserts = 0, deletes = 0, pastes = 0, replacements = 0, wholeTexts = 0, undos = 0;
  } stats;

private:
  size_t pick(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(random_);
  }

  size_t randomBoundary(const std::string& text) {
    for (;;) {
      const size_t offset = pick(text.size() + 1);
      if (boundary(text, offset))
        return offset;
    }
  }

  std::string randomInsert() {
    static const char* const kPieces[] = {"Assad",
                                          "al-Assad",
                                          "Asad",
                                          "Bashar",
                                          "Bouthaina Shaaban",
                                          "Buthaina Shabaan",
                                          "Lavrov",
                                          "Syrian President",
                                          "said",
                                          "the",
                                          "on Tuesday",
                                          "14 December 2024",
                                          "Dec. 14",
                                          "yesterday",
                                          "Mr.",
                                          "'s",
                                          ",",
                                          ".",
                                          " ",
                                          " ",
                                          " ",
                                          "\n",
                                          "\r\n",
                                          "\r",
                                          "\n\n",
                                          "é",
                                          "—",
                                          "“",
                                          "”",
                                          "\xF0\x9F\x98\x80",
                                          "\xF0\x90\x90\xB7",
                                          "Damascus",
                                          "Iran",
                                          "Iraq",
                                          "2012",
                                          "Monday,"};
    std::string out;
    const size_t n = 1 + pick(6);
    for (size_t i = 0; i < n; ++i) {
      out += kPieces[pick(std::size(kPieces))];
      if (pick(3) == 0)
        out += ' ';
    }
    return out;
  }

  json randomEdit(size_t d) {
    Doc& doc = docs_[d];
    const bool large = doc.text.size() > 40000;
    for (;;) {
      const size_t kind = large ? 50 : pick(100);
      size_t begin = randomBoundary(doc.text);
      size_t end = begin;
      std::string inserted;
      bool whole = false;
      if (kind < 45) { // insert
        inserted = randomInsert();
        ++stats.inserts;
      } else if (kind < 80) { // delete a few characters, or a larger block
        const size_t span = large ? 500 + pick(4000) : (pick(5) == 0 ? pick(400) : 1 + pick(12));
        end = std::min(doc.text.size(), begin + span);
        while (!boundary(doc.text, end))
          ++end;
        ++stats.deletes;
      } else if (kind < 88) { // replace a selection
        end = std::min(doc.text.size(), begin + 1 + pick(30));
        while (!boundary(doc.text, end))
          ++end;
        inserted = randomInsert();
        ++stats.replacements;
      } else if (kind < 97) { // paste a whole article
        inserted = articles_[pick(articles_.size())];
        ++stats.pastes;
      } else { // the editor sends the whole text
        begin = 0;
        end = doc.text.size();
        inserted = pick(2) == 0 ? articles_[pick(articles_.size())] : doc.text + randomInsert();
        whole = true;
        ++stats.wholeTexts;
      }
      // The edit, and its undo, must keep both ends at positions LSP can name.
      std::string after = doc.text;
      after.replace(begin, end - begin, inserted);
      if (!boundary(after, begin) || !boundary(after, begin + inserted.size()))
        continue;
      history_.push_back({d, begin, doc.text.substr(begin, end - begin), inserted});
      if (history_.size() > 200)
        history_.erase(history_.begin());
      return replace(d, begin, end, inserted, whole);
    }
  }

  /// The content change replacing [begin, end) and its effect on the client's text.
  json replace(size_t d, size_t begin, size_t end, const std::string& inserted, bool whole) {
    Doc& doc = docs_[d];
    json change = {{"text", inserted}};
    if (!whole)
      change["range"] = {{"start", positionOf(doc.text, begin, utf8_)},
                         {"end", positionOf(doc.text, end, utf8_)}};
    doc.text.replace(begin, end - begin, inserted);
    return change;
  }

  void send(Client& client, size_t d, json changes) {
    Doc& doc = docs_[d];
    ++doc.version;
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", doc.uri}, {"version", doc.version}}},
                   {"contentChanges", std::move(changes)}});
  }

  std::vector<Doc>& docs_;
  std::vector<std::string> articles_;
  std::mt19937_64 random_;
  bool utf8_;
  std::vector<Applied> history_;
  size_t undoLeft_ = 0;
};

// --- the check ------------------------------------------------------------------------------

struct CheckResult {
  size_t diagnostics = 0;
  size_t mismatches = 0;
  size_t flaggedDiffers = 0; ///< diagnostics whose flagged text is not their span's text
  std::string flaggedExample;
};

CheckResult checkpoint(Client& client, const std::vector<Doc>& docs, const fs::path& root,
                       const analysis::Config& config,
                       const std::shared_ptr<const analysis::Lexicon>& lexicon, bool utf8) {
  CheckResult result;
  // The cold analysis of the client's texts.
  analysis::Corpus corpus(lexicon);
  corpus.setConfig(config);
  for (const Doc& doc : docs)
    corpus.upsert(doc.id, doc.text);
  auto snapshot = std::make_shared<const analysis::CorpusSnapshot>(corpus.snapshot());
  auto cold = std::make_shared<const analysis::Analysis>(analysis::analyze(*snapshot));
  lsp::ClientCapabilities capabilities;
  capabilities.encoding = utf8 ? lsp::PositionEncoding::Utf8 : lsp::PositionEncoding::Utf16;
  lsp::FeatureContext context(
      snapshot, cold,
      [&root](std::string_view id) { return lsp::pathToUri(root / fs::path(std::string(id))); },
      capabilities);
  for (const Doc& doc : docs)
    context.openVersions[doc.id] = doc.version;

  for (const Doc& doc : docs) {
    const json response =
        client.call("textDocument/diagnostic", {{"textDocument", {{"uri", doc.uri}}}});
    const json items = response.contains("result")
                           ? response["result"].value("items", json::array())
                           : json(nullptr);
    const json expected = lsp::documentDiagnostics(context, doc.id);
    result.diagnostics += expected.size();
    if (items != expected) {
      ++result.mismatches;
      std::fprintf(stderr,
                   "soak: %s: the server's diagnostics differ from a cold analysis "
                   "(%zu against %zu)\n",
                   doc.id.c_str(), items.is_array() ? items.size() : 0, expected.size());
      if (!response.contains("result"))
        std::fprintf(stderr, "  %s\n", response.dump().c_str());
      continue;
    }
    // Every entity and dated event the document names, with its range.
    const json symbols =
        client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", doc.uri}}}});
    if (symbols.value("result", json()) != lsp::documentSymbols(context, doc.id)) {
      ++result.mismatches;
      std::fprintf(stderr, "soak: %s: the server's document symbols differ from a cold analysis\n",
                   doc.id.c_str());
    }
    // The server's byte spans, read in the client's copy. The checks' `flagged` text is
    // compared too, but only counted: some date findings flag the whole expression while
    // their span covers part of it, which is not a synchronisation problem.
    for (const json& item : items) {
      const json& data = item.value("data", json::object());
      const size_t begin = data.value("begin", size_t{0});
      const size_t end = data.value("end", size_t{0});
      if (end > doc.text.size() || begin > end) {
        ++result.mismatches;
        std::fprintf(stderr, "soak: %s: the server flags bytes %zu..%zu, past the client's text\n",
                     doc.id.c_str(), begin, end);
        break;
      }
      if (doc.text.substr(begin, end - begin) != data.value("flagged", std::string())) {
        ++result.flaggedDiffers;
        if (result.flaggedDiffers == 1)
          result.flaggedExample = item.value("code", std::string()) + ": flagged \"" +
                                  data.value("flagged", std::string()) + "\", span text \"" +
                                  doc.text.substr(begin, std::min<size_t>(end - begin, 60)) + "\"";
      }
    }
  }
  return result;
}

} // namespace

int main(int argc, char** argv) {
  newslint::workspace::useServerAllocatorPolicy(); // as `newslint serve` runs
  size_t edits = 100000;
  uint64_t seed = 1;
  bool utf8 = false;
  bool selfTest = false;
  bool recheck = false;
  std::string examplesArg;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--edits" && i + 1 < argc)
      edits = std::stoull(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc)
      seed = std::stoull(argv[++i]);
    else if (arg == "--utf8")
      utf8 = true;
    else if (arg == "--self-test")
      selfTest = true;
    else if (arg == "--recheck")
      recheck = true;
    else if (arg == "--examples" && i + 1 < argc)
      examplesArg = argv[++i];
    else {
      std::fprintf(stderr,
                   "usage: soak [--edits N] [--seed S] [--utf8] [--examples DIR] [--self-test] "
                   "[--recheck]\n");
      return 2;
    }
  }
  const fs::path examples = findExamples(examplesArg, argv[0]);
  if (examples.empty()) {
    std::fprintf(stderr, "soak: examples/ not found; pass --examples DIR\n");
    return 2;
  }

  // A private copy of the corpus: the server reads it from disk when it indexes.
  const fs::path root = fs::temp_directory_path() / ("newslint-soak-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  std::vector<Doc> docs;
  std::vector<std::string> articles;
  for (const auto& entry : fs::directory_iterator(examples)) {
    fs::copy_file(entry.path(), root / entry.path().filename());
    if (entry.path().extension() == ".txt")
      docs.push_back({entry.path().filename().string(),
                      lsp::pathToUri(root / entry.path().filename()), readFile(entry.path()), 1});
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.id < b.id; });
  for (const Doc& doc : docs)
    articles.push_back(doc.text);
  const workspace::LoadedConfig loaded =
      workspace::parseConfig(readFile(examples / "newslint.json"));

  const auto lexicon = workspace::loadLexicon();
  lsp::ServerOptions options;
  options.debounce = lsp::DebouncePolicy::fixed(std::chrono::milliseconds(0));
  options.lexicon = lexicon;
  if (recheck)
    options.recheckMinDocuments = 0;
  int failures = 0;
  {
    Client client(options);
    json capabilities = {{"textDocument", {{"diagnostic", json::object()}}}};
    if (utf8)
      capabilities["general"] = {{"positionEncodings", {"utf-8"}}};
    const json init = client.call("initialize", {{"processId", nullptr},
                                                 {"rootUri", lsp::pathToUri(root)},
                                                 {"capabilities", capabilities}});
    if (!init.contains("result")) {
      std::fprintf(stderr, "soak: initialize failed: %s\n", init.dump().c_str());
      return 2;
    }
    client.notify("initialized", json::object());
    for (const Doc& doc : docs)
      client.notify("textDocument/didOpen", {{"textDocument",
                                              {{"uri", doc.uri},
                                               {"languageId", "plaintext"},
                                               {"version", doc.version},
                                               {"text", doc.text}}}});

    Editor editor(docs, articles, seed, utf8);
    std::printf("%10s %10s %10s %12s %11s %11s\n", "edits", "seconds", "bytes", "diagnostics",
                "undo steps", "mismatches");
    const auto start = std::chrono::steady_clock::now();
    const size_t every = std::max<size_t>(1, edits / 10);
    size_t done = 0;
    size_t nextCheck = every;
    size_t mismatches = 0;
    CheckResult last;
    while (done < edits) {
      done += editor.next(client);
      if (done >= nextCheck || done >= edits) {
        nextCheck += every;
        if (selfTest) {
          // The server gets an insertion the client does not make.
          selfTest = false;
          Doc& doc = docs.front();
          const json origin = positionOf(doc.text, 0, utf8);
          json change = json::object();
          change["range"] = {{"start", origin}, {"end", origin}};
          change["text"] = "Bashar al-Asad met Bashar al-Assad. ";
          ++doc.version;
          json params = json::object();
          params["textDocument"] = {{"uri", doc.uri}, {"version", doc.version}};
          params["contentChanges"] = json::array();
          params["contentChanges"].push_back(std::move(change));
          client.notify("textDocument/didChange", std::move(params));
        }
        const CheckResult check = checkpoint(client, docs, root, loaded.config, lexicon, utf8);
        mismatches += check.mismatches;
        last = check;
        size_t bytes = 0;
        for (const Doc& doc : docs)
          bytes += doc.text.size();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%10zu %10.1f %10zu %12zu %11zu %11zu\n", done, seconds, bytes,
                    check.diagnostics, editor.stats.undos, check.mismatches);
        std::fflush(stdout);
      }
    }
    const auto& s = editor.stats;
    std::printf("edits: %zu inserts, %zu deletes, %zu replacements, %zu article pastes, "
                "%zu whole texts, %zu undo steps (seed %llu, %s)\n",
                s.inserts, s.deletes, s.replacements, s.pastes, s.wholeTexts, s.undos,
                static_cast<unsigned long long>(seed), utf8 ? "utf-8" : "utf-16");
    if (last.flaggedDiffers > 0)
      std::printf("note: at the last checkpoint %zu diagnostics flag text other than their span "
                  "(engine, not synchronisation), e.g. %s\n",
                  last.flaggedDiffers, last.flaggedExample.c_str());
    std::printf("mismatches: %zu\n", mismatches);
    failures = mismatches > 0 ? 1 : 0;
    client.call("shutdown", nullptr);
    client.notify("exit", nullptr);
  }
  std::error_code ec;
  fs::remove_all(root, ec);
  return failures;
}
