// `newslint serve`: the language server over stdio (default) or one TCP connection.
#pragma once

#include <string>
#include <vector>

namespace newslint::cli {

/// Runs the server; `args` are the arguments after `serve`. Returns the process exit
/// code: 0 after a clean shutdown/exit, 1 when the client left without shutdown, 2 for a
/// usage or network error.
int runServe(const std::vector<std::string>& args);

} // namespace newslint::cli
