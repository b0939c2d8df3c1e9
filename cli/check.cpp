// `newslint check PATH… [--format text|json|sarif|github] [--fail-on LEVEL] [--config FILE]`
#include "check.h"

#include <algorithm>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <sstream>

#include "baseline.h"
#include "newslint/analysis/checks.h"
#include "newslint/workspace/facts_io.h"
#include "reporters/reporter.h"

// Whether AddressSanitizer instruments this build (GCC defines the first, clang answers the
// second).
#if defined(__SANITIZE_ADDRESS__)
#define NEWSLINT_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWSLINT_ADDRESS_SANITIZER 1
#endif
#endif

namespace newslint::cli {

namespace fs = std::filesystem;

std::string_view toolVersion() {
  return NEWSLINT_VERSION;
}

namespace {

std::optional<fs::path> findRegister(fs::path dir) {
  std::error_code ec;
  dir = fs::absolute(dir, ec);
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    const fs::path candidate = dir / workspace::kRegisterFileName;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      break;
    }
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::string readAll(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isUnder(const fs::path& path, const fs::path& root) {
  const fs::path rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// The corpus named by `paths` and its register, without reading the files: those are put
// in `files`, with their document ids.
LoadedCorpus discoverCorpus(const std::vector<std::string>& paths,
                            const std::optional<std::string>& config,
                            std::vector<workspace::LoadedFile>& files) {
  // The lexicon (a dictionary of about 100,000 words) is read on a thread of its own while
  // the folders are walked; the corpus takes it at the end.
  std::future<std::shared_ptr<const analysis::Lexicon>> lexicon =
      std::async(std::launch::async, workspace::loadLexicon);
  LoadedCorpus loaded{
      analysis::Corpus(std::make_shared<const analysis::Lexicon>()), {}, {}, {}, {}, {}, {}, {}};
  std::error_code ec;
  // The corpus root: the first folder named (or the folder of the first file).
  fs::path firstDir = ".";
  for (const std::string& p : paths) {
    if (fs::is_directory(p, ec)) {
      firstDir = p;
      break;
    }
    if (fs::exists(p, ec)) {
      firstDir = fs::path(p).parent_path().empty() ? fs::path(".") : fs::path(p).parent_path();
      break;
    }
  }
  if (config) {
    loaded.registerPath = fs::path(*config);
  } else {
    loaded.registerPath = findRegister(firstDir);
  }
  analysis::Config cfg;
  if (loaded.registerPath) {
    bool ok = false;
    loaded.registerText = readAll(*loaded.registerPath, ok);
    if (!ok) {
      loaded.errors.push_back(loaded.registerPath->string() + ": cannot read the register");
    } else {
      workspace::LoadedConfig parsed = workspace::parseConfig(loaded.registerText);
      loaded.registerProblems = parsed.problems;
      cfg = std::move(parsed.config);
    }
    loaded.root = fs::absolute(loaded.registerPath->parent_path().empty()
                                   ? fs::path(".")
                                   : loaded.registerPath->parent_path(),
                               ec)
                      .lexically_normal();
  } else {
    loaded.root = fs::absolute(firstDir, ec).lexically_normal();
  }

  auto addFile = [&](const fs::path& onDisk, const std::string& shown) {
    const fs::path absolute = fs::absolute(onDisk, ec).lexically_normal();
    std::string id = isUnder(absolute, loaded.root) ? workspace::documentId(loaded.root, absolute)
                                                    : fs::path(shown).lexically_normal().string();
    loaded.displayPaths[id] = fs::path(shown).lexically_normal().string();
    files.push_back({onDisk, std::move(id)});
  };
  for (const std::string& p : paths) {
    if (fs::is_directory(p, ec)) {
      const fs::path dirAbs = fs::absolute(p, ec).lexically_normal();
      workspace::Discovery found = workspace::discover(dirAbs, cfg);
      for (const std::string& problem : found.problems) {
        loaded.notes.push_back({problem, "cannot be listed", true, {}}); // a folder: no document
      }
      for (size_t k = 0; k < found.files.size(); ++k) {
        const std::string shown = (fs::path(p) / found.ids[k]).string();
        if (dirAbs == loaded.root) {
          // The folder is the corpus root: the document id is the path the walk found,
          // without the path arithmetic of addFile (about 20 ms at 10,000 articles).
          loaded.displayPaths[found.ids[k]] = fs::path(shown).lexically_normal().string();
          files.push_back({found.files[k], found.ids[k]});
        } else {
          addFile(found.files[k], shown);
        }
      }
    } else if (fs::exists(p, ec)) {
      addFile(p, p);
    } else {
      loaded.errors.push_back(p + ": no such file or folder");
    }
  }
  loaded.corpus = analysis::Corpus(lexicon.get());
  loaded.corpus.setConfig(std::move(cfg));
  return loaded;
}

} // namespace

LoadedCorpus loadCorpus(const std::vector<std::string>& paths,
                        const std::optional<std::string>& config) {
  std::vector<workspace::LoadedFile> files;
  LoadedCorpus loaded = discoverCorpus(paths, config, files);
  loaded.notes = workspace::loadFiles(loaded.corpus, files);
  return loaded;
}

namespace {

void printRegisterProblems(const LoadedCorpus& loaded, std::ostream& err) {
  if (loaded.registerPath) {
    for (const auto& p : loaded.registerProblems) {
      err << loaded.registerPath->string() << ':' << p.line + 1 << ':' << p.column + 1 << ": "
          << analysis::severityName(p.severity) << ": " << p.message << " [register]\n";
    }
  }
}

// The map step (`--emit-facts`): one record per article, in the order of their ids, as a
// loaded corpus writes them (a later file of the same id replaces an earlier one). The
// files are read, extracted and written a batch at a time, so the memory it takes does not
// grow with the corpus. Returns false when the output cannot be written.
bool emitFactsInBatches(const LoadedCorpus& loaded, std::vector<workspace::LoadedFile> files,
                        std::ostream& out, std::vector<workspace::FileNote>& notes) {
  constexpr size_t kBatch = 2048;
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<workspace::LoadedFile> sorted;
  sorted.reserve(files.size());
  for (size_t k = 0; k < files.size(); ++k) {
    if (k + 1 == files.size() || files[k + 1].id != files[k].id) { // the last of its id
      sorted.push_back(std::move(files[k]));
    }
  }
  const analysis::CorpusSnapshot shared = loaded.corpus.snapshot();
  for (size_t begin = 0; begin < sorted.size(); begin += kBatch) {
    const size_t end = std::min(sorted.size(), begin + kBatch);
    analysis::Corpus batch(shared.lexicon);
    const std::vector<workspace::LoadedFile> part(
        std::make_move_iterator(sorted.begin() + static_cast<ptrdiff_t>(begin)),
        std::make_move_iterator(sorted.begin() + static_cast<ptrdiff_t>(end)));
    for (workspace::FileNote& note : workspace::loadFiles(batch, part)) {
      notes.push_back(std::move(note));
    }
    workspace::writeFacts(batch.snapshot(), out);
    if (!out) {
      return false;
    }
  }
  return static_cast<bool>(out.flush());
}

constexpr std::string_view kCheckUsage =
    "usage: newslint check PATH... [--format text|json|sarif|github] "
    "[--fail-on error|warning|info|never] [--config FILE] [--baseline FILE] [--timings]\n"
    "       newslint check PATH... --emit-facts FILE.jsonl   (per-article facts, no analysis)\n"
    "       newslint check --facts FILE.jsonl... [--config FILE] [--format ...]\n";

int severityRank(analysis::Severity s) {
  switch (s) {
  case analysis::Severity::Error:
    return 3;
  case analysis::Severity::Warning:
    return 2;
  case analysis::Severity::Info:
    return 1;
  default:
    return 0;
  }
}

} // namespace

int runCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string failOn = "warning";
  std::optional<std::string> config;
  std::optional<std::string> baseline;
  std::optional<std::string> emitFacts;
  std::vector<std::filesystem::path> factsFiles;
  bool timings = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) {
        err << "newslint: " << a << " needs a value\n" << kCheckUsage;
        return false;
      }
      into = args[++i];
      return true;
    };
    if (a == "--format" || a == "-f") {
      if (!value(format)) {
        return 2;
      }
    } else if (a.starts_with("--format=")) {
      format = a.substr(9);
    } else if (a == "--fail-on") {
      if (!value(failOn)) {
        return 2;
      }
    } else if (a.starts_with("--fail-on=")) {
      failOn = a.substr(10);
    } else if (a == "--config" || a == "-c") {
      std::string c;
      if (!value(c)) {
        return 2;
      }
      config = c;
    } else if (a.starts_with("--config=")) {
      config = a.substr(9);
    } else if (a == "--baseline") {
      std::string b;
      if (!value(b)) {
        return 2;
      }
      baseline = b;
    } else if (a.starts_with("--baseline=")) {
      baseline = a.substr(11);
    } else if (a == "--emit-facts" || a == "--facts") {
      std::string f;
      if (!value(f)) {
        return 2;
      }
      if (a == "--facts") {
        factsFiles.emplace_back(f);
      } else {
        emitFacts = f;
      }
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--help" || a == "-h") {
      out << kCheckUsage;
      return 0;
    } else if (a.starts_with("-") && a != "-") {
      err << "newslint: unknown option " << a << "\n" << kCheckUsage;
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (format != "text" && format != "json" && format != "sarif" && format != "github") {
    err << "newslint: unknown format '" << format << "'\n" << kCheckUsage;
    return 2;
  }
  int threshold = 0;
  if (failOn == "never" || failOn == "none") {
    threshold = 99;
  } else if (auto s = analysis::parseSeverity(failOn); s && *s != analysis::Severity::Off) {
    threshold = severityRank(*s);
  } else {
    err << "newslint: unknown --fail-on level '" << failOn << "'\n" << kCheckUsage;
    return 2;
  }
  if (paths.empty() && factsFiles.empty()) {
    paths.emplace_back(".");
  }

  const analysis::Stopwatch started = analysis::Stopwatch::now();
  if (emitFacts && factsFiles.empty()) { // the map step over files: no corpus-level analysis
    std::vector<workspace::LoadedFile> files;
    LoadedCorpus loaded = discoverCorpus(paths, config, files);
    for (const std::string& e : loaded.errors) {
      err << "newslint: " << e << '\n';
    }
    if (!loaded.errors.empty()) {
      return 2;
    }
    printRegisterProblems(loaded, err);
    std::ofstream facts(*emitFacts, std::ios::binary);
    std::vector<workspace::FileNote> notes = std::move(loaded.notes);
    const bool written = emitFactsInBatches(loaded, std::move(files), facts, notes);
    for (const auto& n : notes) {
      err << "newslint: " << n.path << ": " << n.message << '\n';
    }
    if (!written) {
      err << "newslint: " << *emitFacts << ": cannot write the facts file\n";
      return 2;
    }
    return 0;
  }
  LoadedCorpus loaded = loadCorpus(paths, config);
  if (!factsFiles.empty()) { // the reduce step: records written by --emit-facts
    for (std::string& e : workspace::readFactsFiles(loaded.corpus, factsFiles)) {
      loaded.errors.push_back(std::move(e));
    }
  }
  const analysis::StepTime readTime = started.elapsed();
  for (const std::string& e : loaded.errors) {
    err << "newslint: " << e << '\n';
  }
  if (!loaded.errors.empty()) {
    return 2;
  }
  printRegisterProblems(loaded, err);
  for (const auto& n : loaded.notes) {
    err << "newslint: " << n.path << ": " << n.message << '\n';
  }

  std::vector<BaselineEntry> known;
  if (baseline) {
    std::ifstream in(*baseline, std::ios::binary);
    if (!in) {
      err << "newslint: " << *baseline << ": cannot read the baseline\n";
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    if (!readBaseline(text.str(), known, error)) {
      err << "newslint: " << *baseline << ": " << error << '\n';
      return 2;
    }
  }
  const analysis::CorpusSnapshot snapshot = loaded.corpus.snapshot();
  if (emitFacts) { // the map step over records read back: they are written out again
    std::ofstream facts(*emitFacts, std::ios::binary);
    workspace::writeFacts(snapshot, facts);
    if (!facts.flush()) {
      err << "newslint: " << *emitFacts << ": cannot write the facts file\n";
      return 2;
    }
    return 0;
  }
  analysis::Analysis analysis = analysis::analyze(snapshot);
  const analysis::Stopwatch reportStarted = analysis::Stopwatch::now();
  if (baseline) {
    const size_t before = analysis.findings.size();
    const size_t fixed = applyBaseline(analysis.findings, std::move(known));
    err << "newslint: baseline " << *baseline << ": " << before - analysis.findings.size()
        << " known findings hidden, " << fixed << " no longer found\n";
  }
  ReportInput input{snapshot, analysis.findings, loaded.displayPaths, loaded.notes,
                    std::string(toolVersion())};
  if (format == "json") {
    reportJson(input, out);
  } else if (format == "sarif") {
    reportSarif(input, out);
  } else if (format == "github") {
    reportGithub(input, out);
  } else {
    reportText(input, out);
  }
  if (timings) {
    const auto step = [](const char* name, const analysis::StepTime& t) {
      const auto ms = [](double s) {
        return std::to_string(static_cast<long long>(s * 1000 + 0.5));
      };
      return std::string(name) + " " + ms(t.wall) + " (cpu " + ms(t.cpu) + ")";
    };
    const analysis::StepTime report = reportStarted.elapsed();
    const analysis::StepTime total = started.elapsed();
    out.flush();
    err << "newslint: timings in ms, wall (cpu of all threads): "
        << step("read and extract", readTime) << ", " << step("names", analysis.timings.names)
        << ", " << step("dates", analysis.timings.dates) << ", "
        << step("checks", analysis.timings.checks) << ", " << step("report", report) << ", "
        << step("total", total) << '\n';
  }
  size_t errors = 0;
  size_t warnings = 0;
  int worst = 0;
  for (const analysis::Finding& f : analysis.findings) {
    errors += f.severity == analysis::Severity::Error ? 1 : 0;
    warnings += f.severity == analysis::Severity::Warning ? 1 : 0;
    worst = std::max(worst, severityRank(f.severity));
  }
  if (format == "text") {
    err << analysis.findings.size() << (analysis.findings.size() == 1 ? " finding" : " findings")
        << " (" << errors << " errors, " << warnings << " warnings) in "
        << snapshot.documents.size() << " documents\n";
  }
#if !defined(NEWSLINT_ADDRESS_SANITIZER)
  // The process ends with this command: the corpus and its analysis, millions of small
  // blocks, are left to the system rather than freed one by one, which took about 70 ms of
  // a 10,000-article check on one core. The sanitizer build frees them, for its leak check.
  static_cast<void>(new LoadedCorpus(std::move(loaded)));
  static_cast<void>(new analysis::Analysis(std::move(analysis)));
#endif
  return worst >= threshold && worst > 0 ? 1 : 0;
}

} // namespace newslint::cli
