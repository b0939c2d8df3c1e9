// Loading the lexicon the engine is given: the built-in word list, the system dictionary
// (Debian's wamerican) and the country names of iso-codes. Every source is optional; a
// missing one only makes name detection more cautious.
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

namespace fs = std::filesystem;

namespace {

void addDictionary(analysis::Lexicon& lexicon, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.pop_back();
    }
    // Possessives ("Aaron's") repeat their base word.
    if (line.size() >= 2 && line.compare(line.size() - 2, 2, "'s") == 0) {
      continue;
    }
    lexicon.addWord(line);
  }
}

void addCountries(analysis::Lexicon& lexicon, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return;
  }
  const auto root = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!root.is_object()) {
    return;
  }
  const auto list = root.find("3166-1");
  if (list == root.end() || !list->is_array()) {
    return;
  }
  for (const auto& country : *list) {
    if (!country.is_object()) {
      continue;
    }
    for (const char* key : {"name", "common_name", "official_name"}) {
      const auto it = country.find(key);
      if (it == country.end() || !it->is_string()) {
        continue;
      }
      const auto& name = it->get_ref<const std::string&>();
      lexicon.addPlace(name);
      // "Iran, Islamic Republic of": the part before the comma is how the news says it.
      if (const size_t comma = name.find(", "); comma != std::string::npos) {
        lexicon.addPlace(std::string_view(name).substr(0, comma));
      }
    }
  }
}

} // namespace

analysis::Lexicon buildLexicon(const fs::path& dictionary, const fs::path& countries) {
  analysis::Lexicon lexicon = analysis::Lexicon::builtin();
  std::error_code ec;
  if (!dictionary.empty() && fs::is_regular_file(dictionary, ec)) {
    addDictionary(lexicon, dictionary);
  }
  if (!countries.empty() && fs::is_regular_file(countries, ec)) {
    addCountries(lexicon, countries);
  }
  return lexicon;
}

std::shared_ptr<const analysis::Lexicon> loadLexicon() {
  // Built once per process; function-local statics are initialised thread-safely.
  static const std::shared_ptr<const analysis::Lexicon> lexicon = [] {
    std::error_code ec;
    fs::path dictionary = "/usr/share/dict/american-english";
    if (!fs::is_regular_file(dictionary, ec)) {
      dictionary = "/usr/share/dict/words";
    }
    return std::make_shared<const analysis::Lexicon>(
        buildLexicon(dictionary, "/usr/share/iso-codes/json/iso_3166-1.json"));
  }();
  return lexicon;
}

} // namespace newslint::workspace
