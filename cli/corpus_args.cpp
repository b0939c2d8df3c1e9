// Argument parsing and corpus loading shared by the corpus commands.
#include "corpus_args.h"

#include <algorithm>

namespace newslint::cli {

std::optional<int> parseCorpusArgs(const std::vector<std::string>& args, std::string_view usage,
                                   const std::vector<std::string>& formats, CorpusArgs& parsed,
                                   std::ostream& out, std::ostream& err) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--format" || a == "--config") && i + 1 >= args.size()) {
      err << "newslint: " << a << " needs a value\n" << usage;
      return 2;
    }
    if (a == "--format") {
      parsed.format = args[++i];
    } else if (a == "--config") {
      parsed.config = args[++i];
    } else if (a == "--help" || a == "-h") {
      out << usage;
      return 0;
    } else if (a.starts_with("-")) {
      err << "newslint: unknown option " << a << '\n' << usage;
      return 2;
    } else {
      parsed.paths.push_back(a);
    }
  }
  if (std::find(formats.begin(), formats.end(), parsed.format) == formats.end()) {
    err << "newslint: unknown format '" << parsed.format << "'\n" << usage;
    return 2;
  }
  if (parsed.paths.empty()) {
    parsed.paths.emplace_back(".");
  }
  return std::nullopt;
}

std::optional<LoadedCorpus> loadForCommand(const CorpusArgs& args, std::ostream& err) {
  LoadedCorpus loaded = loadCorpus(args.paths, args.config);
  for (const std::string& e : loaded.errors) {
    err << "newslint: " << e << '\n';
  }
  if (!loaded.errors.empty()) {
    return std::nullopt;
  }
  for (const auto& n : loaded.notes) {
    err << "newslint: " << n.path << ": " << n.message << '\n';
  }
  return loaded;
}

} // namespace newslint::cli
