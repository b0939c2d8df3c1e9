// `newslint schema`, `newslint entities` and the hand-over to `newslint serve`.
#include "commands.h"

#include <nlohmann/json.hpp>

#include "check.h"
#include "corpus_args.h"
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
  CorpusArgs parsed;
  if (auto code = parseCorpusArgs(
          args, "usage: newslint entities [PATH...] [--format text|json] [--config FILE]\n",
          {"text", "json"}, parsed, out, err)) {
    return *code;
  }
  std::optional<LoadedCorpus> loaded = loadForCommand(parsed, err);
  if (!loaded) {
    return 2;
  }
  const std::string& format = parsed.format;
  const analysis::CorpusSnapshot snapshot = loaded->corpus.snapshot();
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
    out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
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

int runServeCommand(const std::vector<std::string>& args) {
  return runServe(args);
}

} // namespace newslint::cli
