// Running a command and capturing its standard output, for the tests that drive the built
// executables (the CLI, the evaluation programs).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace newslint::testing {

struct RunResult {
  int exitCode = -1;
  std::string out;
};

/// Runs `command` through the shell; standard error goes to `errFile`.
inline RunResult runCommand(const std::string& command, const std::string& errFile = "/dev/null") {
  RunResult result;
  FILE* pipe = popen((command + " 2>" + errFile).c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

#ifdef NEWSLINT_BINARY
/// Runs the built `newslint` with `args` (a shell-quoted string).
inline RunResult runNewslint(const std::string& args, const std::string& errFile = "/dev/null") {
  return runCommand(std::string(NEWSLINT_BINARY) + " " + args, errFile);
}
#endif

} // namespace newslint::testing
