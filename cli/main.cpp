// The `newslint` executable: dispatches to its commands.
#include <iostream>
#include <string>
#include <vector>

#include "baseline.h"
#include "check.h"
#include "commands.h"
#include "newslint/workspace/allocator.h"

namespace {

constexpr std::string_view kUsage = R"(usage: newslint <command> [options]

commands:
  check PATH...      report name spellings and dates that disagree across the corpus
  serve              run the language server (stdio; --listen 127.0.0.1:PORT for TCP)
  schema             print the JSON Schema of newslint.json
  entities [PATH]    list the corpus's entities with their spellings per source
  timeline [PATH]    list the dated events with each source's claims and their agreement
  baseline write F   record the current findings in F (then: check --baseline F)
  version            print the version

Run 'newslint <command> --help' for a command's options.
)";

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  // Before any thread starts. `check` keeps the allocator's default (see allocator.h).
  if (command == "serve")
    newslint::workspace::useServerAllocatorPolicy();
  try {
    if (command == "check") {
      return newslint::cli::runCheck(args, std::cout, std::cerr);
    }
    if (command == "version" || command == "--version") {
      std::cout << "newslint " << newslint::cli::toolVersion() << " (allocator "
                << newslint::workspace::allocatorName() << ")\n";
      return 0;
    }
    if (command == "schema") {
      return newslint::cli::runSchema(args, std::cout, std::cerr);
    }
    if (command == "entities") {
      return newslint::cli::runEntities(args, std::cout, std::cerr);
    }
    if (command == "timeline") {
      return newslint::cli::runTimeline(args, std::cout, std::cerr);
    }
    if (command == "baseline") {
      return newslint::cli::runBaselineCommand(args, std::cout, std::cerr);
    }
    if (command == "serve") {
      return newslint::cli::runServeCommand(args);
    }
  } catch (const std::exception& e) {
    std::cerr << "newslint: " << e.what() << '\n';
    return 2;
  }
  std::cerr << "newslint: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
