// The smaller commands of the executable.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace newslint::cli {

int runSchema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runEntities(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runTimeline(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runServeCommand(const std::vector<std::string>& args);

} // namespace newslint::cli
