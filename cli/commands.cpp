// `newslint schema`, `newslint entities` and the hand-over to `newslint serve`.
#include "commands.h"

#include <nlohmann/json.hpp>

#include "check.h"
#include "newslint/workspace/workspace.h"
#include "serve.h"

namespace newslint::cli {

int runSchema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (!args.empty()) {
    err << "usage: newslint schema\n";
    return 2;
  }
  out << workspace::configSchema();
  if (!workspace::configSchema().ends_with('\n')) {
    out << '\n';
  }
  return 0;
}

int runEntities(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<std::string> config;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) {
      format = args[++i];
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      config = args[++i];
    } else if (args[i] == "--help" || args[i] == "-h") {
      out << "usage: newslint entities [PATH...] [--format text|json] [--config FILE]\n";
      return 0;
    } else if (args[i].starts_with("-")) {
      err << "newslint: unknown option " << args[i] << '\n';
      return 2;
    } else {
      paths.push_back(args[i]);
    }
  }
  if (format != "text" && format != "json") {
    err << "newslint: unknown format '" << format << "'\n";
    return 2;
  }
  if (paths.empty()) {
    paths.emplace_back(".");
  }
  LoadedCorpus loaded = loadCorpus(paths, config);
  for (const std::string& e : loaded.errors) {
    err << "newslint: " << e << '\n';
  }
  if (!loaded.errors.empty()) {
    return 2;
  }
  const analysis::CorpusSnapshot snapshot = loaded.corpus.snapshot();
  const analysis::Analysis analysis = analysis::analyze(snapshot);
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const analysis::Entity& e : analysis.names.entities) {
      nlohmann::json j;
      j["name"] = e.name;
      j["spellings"] = nlohmann::json::array();
      for (const auto& s : e.spellings) {
        nlohmann::json perSource = nlohmann::json::object();
        for (const auto& m : s.mentions) {
          perSource[m.document] = perSource.value(m.document, 0) + 1;
        }
        j["spellings"].push_back({{"text", s.text}, {"sources", perSource}});
      }
      j["evidence"] = e.evidence;
      if (!e.registerCanonical.empty()) {
        j["register"] = {{"canonical", e.registerCanonical}, {"variants", e.accepted}};
      }
      list.push_back(std::move(j));
    }
    out << list.dump(2) << '\n';
    return 0;
  }
  for (const analysis::Entity& e : analysis.names.entities) {
    out << e.name << '\n';
    for (const auto& s : e.spellings) {
      std::map<std::string, int> perSource;
      for (const auto& m : s.mentions) {
        ++perSource[m.document];
      }
      out << "  " << s.text << ":";
      for (const auto& [doc, n] : perSource) {
        out << ' ' << doc << " (" << n << ')';
      }
      out << '\n';
    }
    for (const std::string& ev : e.evidence) {
      out << "    because: " << ev << '\n';
    }
  }
  return 0;
}

int runServeCommand(const std::vector<std::string>& args) { return runServe(args); }

} // namespace newslint::cli
