// Name-variant evaluation: how well does the spelling matcher tell transliteration
// variants of one name from different names that look alike?
//
//   eval_names [options] FILE...
//
// FILE is a bilingual name list, one of
//   english_token<TAB>target-script token, characters space-separated<TAB>count
//   English full name<TAB>target-script full name          (no counts: tokens are aligned
//                                                          by position, counted over lines)
// Protocol (docs/evaluation.md): keep pairs seen at least --min-count times, lowercase the
// English token, group English spellings by target-script spelling and merge groups that
// share an English spelling; groups with at least two spellings are the variant sets.
// Positives are all pairs inside a group; negatives are pairs of spellings of different
// groups at Levenshtein distance <= 3, both at least 3 letters long. Every method is scored
// on the same pairs in the same run.
//
// Options:
//   --threshold X      newslint's decision threshold (default: the engine's constant)
//   --split all|tune|test   evaluate every group, or one half of the groups, split by a hash
//                      of the group's smallest spelling (default: all)
//   --min-count N      (default 2)
//   --codec-jar PATH   Apache Commons Codec jar (default /usr/share/java/commons-codec.jar)
//   --bm-helper DIR    directory of BeiderMorseHelper.java (default: next to this source)
//   --no-bm            skip Beider-Morse
//   --dump-errors N    print N false positives and N false negatives of newslint
//   --curve            print newslint's precision, recall and F1 at thresholds 0.70..0.99
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "newslint/analysis/spelling.h"
#include "newslint/analysis/text.h"
#include "newslint/analysis/unicode.h"

namespace na = newslint::analysis;
namespace fs = std::filesystem;

namespace {

struct Options {
  double threshold = na::kSpellingVariantThreshold;
  std::string split = "all";
  int minCount = 2;
  std::string codecJar = "/usr/share/java/commons-codec.jar";
  std::string bmHelperDir;
  bool beiderMorse = true;
  int dumpErrors = 0;
  bool curve = false;
  std::vector<std::string> files;
};

// ---------------------------------------------------------------- reading and grouping

std::vector<std::string> splitOn(std::string_view line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = line.find(sep, start);
    out.emplace_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r' || s[b] == '\n')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\n')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

std::u32string codePoints(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) {
    out.push_back(na::decodeUtf8(s, pos));
  }
  return out;
}

// A token of a full name that can stand for a name part: letters, apostrophes, hyphens.
bool isNameToken(std::string_view token) {
  bool letter = false;
  size_t pos = 0;
  while (pos < token.size()) {
    const char32_t cp = na::decodeUtf8(token, pos);
    if (na::isLetter(cp) || na::isCombiningMark(cp)) {
      letter = true;
    } else if (!na::isApostrophe(cp) && !na::isHyphen(cp) && cp != U'\u05F3' && cp != U'\u05F4') {
      return false; // digits, periods (initials), commas (titles)
    }
  }
  return letter;
}

struct Dataset {
  std::string name;
  std::vector<std::string> spellings;         // English spellings in a group
  std::vector<uint32_t> group;                // group of each spelling
  std::vector<std::vector<uint32_t>> members; // spellings of each group
  size_t lines = 0;
  size_t keptLines = 0;
};

// (English token, target token) -> count.
using PairCounts = std::map<std::pair<std::string, std::string>, long>;

bool readPairs(const std::string& path, PairCounts& counts, size_t& lines) {
  std::ifstream in(path);
  if (!in) {
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const std::vector<std::string> fields = splitOn(line, '\t');
    if (fields.size() == 3) {
      ++lines;
      const std::string english = na::foldCase(trim(fields[0]));
      std::string target;
      for (const std::string& part : splitOn(fields[1], ' ')) {
        target += part;
      }
      char* end = nullptr;
      const long count = std::strtol(fields[2].c_str(), &end, 10);
      if (!english.empty() && !target.empty()) {
        counts[{english, target}] += count;
      }
    } else if (fields.size() == 2) {
      // Full names: align the tokens by position when both sides have the same number.
      ++lines;
      std::vector<std::string> a;
      std::vector<std::string> b;
      for (const std::string& t : splitOn(trim(fields[0]), ' ')) {
        if (!t.empty()) {
          a.push_back(t);
        }
      }
      for (const std::string& t : splitOn(trim(fields[1]), ' ')) {
        if (!t.empty()) {
          b.push_back(t);
        }
      }
      if (a.size() != b.size() || a.empty()) {
        continue;
      }
      if (!std::all_of(a.begin(), a.end(), isNameToken) ||
          !std::all_of(b.begin(), b.end(), isNameToken)) {
        continue;
      }
      for (size_t i = 0; i < a.size(); ++i) {
        counts[{na::foldCase(a[i]), b[i]}] += 1;
      }
    }
  }
  return true;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0U); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) {
      parent[std::max(a, b)] = std::min(a, b);
    }
  }
};

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::optional<Dataset> loadDataset(const std::string& path, const Options& options) {
  PairCounts counts;
  Dataset data;
  data.name = fs::path(path).filename().string();
  if (!readPairs(path, counts, data.lines)) {
    return std::nullopt;
  }
  std::unordered_map<std::string, uint32_t> englishId;
  std::vector<std::string> english;
  std::unordered_map<std::string, std::vector<uint32_t>> byTarget;
  for (const auto& [pair, count] : counts) {
    if (count < options.minCount) {
      continue;
    }
    ++data.keptLines;
    auto [it, inserted] = englishId.try_emplace(pair.first, static_cast<uint32_t>(english.size()));
    if (inserted) {
      english.push_back(pair.first);
    }
    byTarget[pair.second].push_back(it->second);
  }
  UnionFind uf(english.size());
  for (const auto& [target, ids] : byTarget) {
    for (size_t i = 1; i < ids.size(); ++i) {
      uf.unite(ids[0], ids[i]);
    }
  }
  std::map<uint32_t, std::vector<uint32_t>> components;
  for (uint32_t i = 0; i < english.size(); ++i) {
    components[uf.find(i)].push_back(i);
  }
  for (auto& [root, ids] : components) {
    if (ids.size() < 2) {
      continue;
    }
    std::vector<std::string> names;
    for (const uint32_t id : ids) {
      names.push_back(english[id]);
    }
    std::sort(names.begin(), names.end());
    if (options.split != "all") {
      const bool tuneHalf = (fnv1a(names.front()) & 1U) == 0;
      if (tuneHalf != (options.split == "tune")) {
        continue;
      }
    }
    const auto group = static_cast<uint32_t>(data.members.size());
    data.members.emplace_back();
    for (const std::string& name : names) {
      data.members.back().push_back(static_cast<uint32_t>(data.spellings.size()));
      data.spellings.push_back(name);
      data.group.push_back(group);
    }
  }
  return data;
}

// ---------------------------------------------------------------- string distances

size_t levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1);
  std::vector<size_t> cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double jaroWinkler(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) {
    return 1.0;
  }
  if (a.empty() || b.empty()) {
    return 0.0;
  }
  const size_t window =
      std::max(a.size(), b.size()) / 2 == 0 ? 0 : std::max(a.size(), b.size()) / 2 - 1;
  std::vector<bool> matchedA(a.size(), false);
  std::vector<bool> matchedB(b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!matchedB[j] && a[i] == b[j]) {
        matchedA[i] = true;
        matchedB[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) {
    return 0.0;
  }
  size_t transpositions = 0;
  size_t k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!matchedA[i]) {
      continue;
    }
    while (!matchedB[k]) {
      ++k;
    }
    if (a[i] != b[k]) {
      ++transpositions;
    }
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// ---------------------------------------------------------------- Double Metaphone
//
// Lawrence Philips' Double Metaphone (C/C++ Users Journal, June 2000): a primary and an
// alternate code of up to four characters. Input is folded to upper-case ASCII first
// (diacritics removed), which the algorithm otherwise mostly skips.

class DoubleMetaphone {
public:
  explicit DoubleMetaphone(std::string word) : w_(std::move(word)) {
    length_ = static_cast<int>(w_.size());
    last_ = length_ - 1;
    w_ += "     "; // padding for look-ahead
    slavoGermanic_ = w_.find('W') != std::string::npos || w_.find('K') != std::string::npos ||
                     w_.find("CZ") != std::string::npos || w_.find("WITZ") != std::string::npos;
    run();
  }
  [[nodiscard]] const std::string& primary() const { return primary_; }
  [[nodiscard]] const std::string& alternate() const { return alternate_; }

private:
  std::string w_;
  int length_ = 0;
  int last_ = 0;
  bool slavoGermanic_ = false;
  std::string primary_;
  std::string alternate_;
  static constexpr size_t kMax = 4;

  [[nodiscard]] char at(int i) const {
    return i < 0 || i >= static_cast<int>(w_.size()) ? '\0' : w_[static_cast<size_t>(i)];
  }
  [[nodiscard]] bool vowel(int i) const {
    const char c = at(i);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }
  [[nodiscard]] bool is(int start, std::initializer_list<std::string_view> options) const {
    if (start < 0) {
      return false;
    }
    for (const std::string_view o : options) {
      if (static_cast<size_t>(start) + o.size() <= w_.size() &&
          std::string_view(w_).substr(static_cast<size_t>(start), o.size()) == o) {
        return true;
      }
    }
    return false;
  }
  void add(std::string_view main) { add(main, main); }
  void add(std::string_view main, std::string_view alt) {
    primary_ += main;
    alternate_ += alt;
  }

  void run();
  int onC(int current);
  int onG(int current);
  int onS(int current);
};

int DoubleMetaphone::onC(int current) {
  if (current > 1 && !vowel(current - 2) && is(current - 1, {"ACH"}) && at(current + 2) != 'I' &&
      (at(current + 2) != 'E' || is(current - 2, {"BACHER", "MACHER"}))) {
    add("K");
    return current + 2;
  }
  if (current == 0 && is(current, {"CAESAR"})) {
    add("S");
    return current + 2;
  }
  if (is(current, {"CHIA"})) {
    add("K");
    return current + 2;
  }
  if (is(current, {"CH"})) {
    if (current > 0 && is(current, {"CHAE"})) {
      add("K", "X");
      return current + 2;
    }
    if (current == 0 &&
        (is(current + 1, {"HARAC", "HARIS"}) || is(current + 1, {"HOR", "HYM", "HIA", "HEM"})) &&
        !is(0, {"CHORE"})) {
      add("K");
      return current + 2;
    }
    if (is(0, {"VAN ", "VON ", "SCH"}) || is(current - 2, {"ORCHES", "ARCHIT", "ORCHID"}) ||
        is(current + 2, {"T", "S"}) ||
        ((is(current - 1, {"A", "O", "U", "E"}) || current == 0) &&
         is(current + 2, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
      add("K");
    } else if (current > 0) {
      if (is(0, {"MC"})) {
        add("K");
      } else {
        add("X", "K");
      }
    } else {
      add("X");
    }
    return current + 2;
  }
  if (is(current, {"CZ"}) && !is(current - 2, {"WICZ"})) {
    add("S", "X");
    return current + 2;
  }
  if (is(current + 1, {"CIA"})) {
    add("X");
    return current + 3;
  }
  if (is(current, {"CC"}) && !(current == 1 && at(0) == 'M')) {
    if (is(current + 2, {"I", "E", "H"}) && !is(current + 2, {"HU"})) {
      if ((current == 1 && at(current - 1) == 'A') || is(current - 1, {"UCCEE", "UCCES"})) {
        add("KS");
      } else {
        add("X");
      }
      return current + 3;
    }
    add("K");
    return current + 2;
  }
  if (is(current, {"CK", "CG", "CQ"})) {
    add("K");
    return current + 2;
  }
  if (is(current, {"CI", "CE", "CY"})) {
    if (is(current, {"CIO", "CIE", "CIA"})) {
      add("S", "X");
    } else {
      add("S");
    }
    return current + 2;
  }
  add("K");
  if (is(current + 1, {" C", " Q", " G"})) {
    return current + 3;
  }
  if (is(current + 1, {"C", "K", "Q"}) && !is(current + 1, {"CE", "CI"})) {
    return current + 2;
  }
  return current + 1;
}

int DoubleMetaphone::onG(int current) {
  if (at(current + 1) == 'H') {
    if (current > 0 && !vowel(current - 1)) {
      add("K");
      return current + 2;
    }
    if (current == 0) {
      add(at(current + 2) == 'I' ? "J" : "K");
      return current + 2;
    }
    if ((current > 1 && is(current - 2, {"B", "H", "D"})) ||
        (current > 2 && is(current - 3, {"B", "H", "D"})) ||
        (current > 3 && is(current - 4, {"B", "H"}))) {
      return current + 2;
    }
    if (current > 2 && at(current - 1) == 'U' && is(current - 3, {"C", "G", "L", "R", "T"})) {
      add("F");
    } else if (current > 0 && at(current - 1) != 'I') {
      add("K");
    }
    return current + 2;
  }
  if (at(current + 1) == 'N') {
    if (current == 1 && vowel(0) && !slavoGermanic_) {
      add("KN", "N");
    } else if (!is(current + 2, {"EY"}) && at(current + 1) != 'Y' && !slavoGermanic_) {
      add("N", "KN");
    } else {
      add("KN");
    }
    return current + 2;
  }
  if (is(current + 1, {"LI"}) && !slavoGermanic_) {
    add("KL", "L");
    return current + 2;
  }
  if (current == 0 &&
      (at(current + 1) == 'Y' ||
       is(current + 1, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
    add("K", "J");
    return current + 2;
  }
  if ((is(current + 1, {"ER"}) || at(current + 1) == 'Y') &&
      !is(0, {"DANGER", "RANGER", "MANGER"}) && !is(current - 1, {"E", "I"}) &&
      !is(current - 1, {"RGY", "OGY"})) {
    add("K", "J");
    return current + 2;
  }
  if (is(current + 1, {"E", "I", "Y"}) || is(current - 1, {"AGGI", "OGGI"})) {
    if (is(0, {"VAN ", "VON ", "SCH"}) || is(current + 1, {"ET"})) {
      add("K");
    } else if (is(current + 1, {"IER "})) {
      add("J");
    } else {
      add("J", "K");
    }
    return current + 2;
  }
  add("K");
  return at(current + 1) == 'G' ? current + 2 : current + 1;
}

int DoubleMetaphone::onS(int current) {
  if (is(current - 1, {"ISL", "YSL"})) {
    return current + 1;
  }
  if (current == 0 && is(current, {"SUGAR"})) {
    add("X", "S");
    return current + 1;
  }
  if (is(current, {"SH"})) {
    add(is(current + 1, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");
    return current + 2;
  }
  if (is(current, {"SIO", "SIA", "SIAN"})) {
    if (slavoGermanic_) {
      add("S");
    } else {
      add("S", "X");
    }
    return current + 3;
  }
  if ((current == 0 && is(current + 1, {"M", "N", "L", "W"})) || is(current + 1, {"Z"})) {
    add("S", "X");
    return is(current + 1, {"Z"}) ? current + 2 : current + 1;
  }
  if (is(current, {"SC"})) {
    if (at(current + 2) == 'H') {
      if (is(current + 3, {"OO", "ER", "EN", "UY", "ED", "EM"})) {
        if (is(current + 3, {"ER", "EN"})) {
          add("X", "SK");
        } else {
          add("SK");
        }
        return current + 3;
      }
      if (current == 0 && !vowel(3) && at(3) != 'W') {
        add("X", "S");
      } else {
        add("X");
      }
      return current + 3;
    }
    if (is(current + 2, {"I", "E", "Y"})) {
      add("S");
      return current + 3;
    }
    add("SK");
    return current + 3;
  }
  if (current == last_ && is(current - 2, {"AI", "OI"})) {
    add("", "S");
  } else {
    add("S");
  }
  return is(current + 1, {"S", "Z"}) ? current + 2 : current + 1;
}

void DoubleMetaphone::run() {
  int current = 0;
  if (length_ < 1) {
    return;
  }
  if (is(0, {"GN", "KN", "PN", "WR", "PS"})) {
    current = 1;
  }
  if (at(0) == 'X') {
    add("S");
    current = 1;
  }
  while ((primary_.size() < kMax || alternate_.size() < kMax) && current < length_) {
    const char c = at(current);
    switch (c) {
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
    case 'Y':
      if (current == 0) {
        add("A");
      }
      ++current;
      break;
    case 'B':
      add("P");
      current += at(current + 1) == 'B' ? 2 : 1;
      break;
    case 'C':
      current = onC(current);
      break;
    case 'D':
      if (is(current, {"DG"})) {
        if (is(current + 2, {"I", "E", "Y"})) {
          add("J");
          current += 3;
        } else {
          add("TK");
          current += 2;
        }
      } else if (is(current, {"DT", "DD"})) {
        add("T");
        current += 2;
      } else {
        add("T");
        current += 1;
      }
      break;
    case 'F':
      add("F");
      current += at(current + 1) == 'F' ? 2 : 1;
      break;
    case 'G':
      current = onG(current);
      break;
    case 'H':
      if ((current == 0 || vowel(current - 1)) && vowel(current + 1)) {
        add("H");
        current += 2;
      } else {
        current += 1;
      }
      break;
    case 'J':
      if (is(current, {"JOSE"}) || is(0, {"SAN "})) {
        if ((current == 0 && at(current + 4) == ' ') || is(0, {"SAN "})) {
          add("H");
        } else {
          add("J", "H");
        }
        current += 1;
        break;
      }
      if (current == 0 && !is(current, {"JOSE"})) {
        add("J", "A");
      } else if (vowel(current - 1) && !slavoGermanic_ &&
                 (at(current + 1) == 'A' || at(current + 1) == 'O')) {
        add("J", "H");
      } else if (current == last_) {
        add("J", "");
      } else if (!is(current + 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) &&
                 !is(current - 1, {"S", "K", "L"})) {
        add("J");
      }
      current += at(current + 1) == 'J' ? 2 : 1;
      break;
    case 'K':
      add("K");
      current += at(current + 1) == 'K' ? 2 : 1;
      break;
    case 'L':
      if (at(current + 1) == 'L') {
        if ((current == length_ - 3 && is(current - 1, {"ILLO", "ILLA", "ALLE"})) ||
            ((is(last_ - 1, {"AS", "OS"}) || is(last_, {"A", "O"})) && is(current - 1, {"ALLE"}))) {
          add("L", "");
        } else {
          add("L");
        }
        current += 2;
      } else {
        add("L");
        current += 1;
      }
      break;
    case 'M':
      add("M");
      current += ((is(current - 1, {"UMB"}) && (current + 1 == last_ || is(current + 2, {"ER"}))) ||
                  at(current + 1) == 'M')
                     ? 2
                     : 1;
      break;
    case 'N':
      add("N");
      current += at(current + 1) == 'N' ? 2 : 1;
      break;
    case 'P':
      if (at(current + 1) == 'H') {
        add("F");
        current += 2;
      } else {
        add("P");
        current += is(current + 1, {"P", "B"}) ? 2 : 1;
      }
      break;
    case 'Q':
      add("K");
      current += at(current + 1) == 'Q' ? 2 : 1;
      break;
    case 'R':
      if (current == last_ && !slavoGermanic_ && is(current - 2, {"IE"}) &&
          !is(current - 4, {"ME", "MA"})) {
        add("", "R");
      } else {
        add("R");
      }
      current += at(current + 1) == 'R' ? 2 : 1;
      break;
    case 'S':
      current = onS(current);
      break;
    case 'T':
      if (is(current, {"TION"})) {
        add("X");
        current += 3;
      } else if (is(current, {"TIA", "TCH"})) {
        add("X");
        current += 3;
      } else if (is(current, {"TH", "TTH"})) {
        if (is(current + 2, {"OM", "AM"}) || is(0, {"VAN ", "VON ", "SCH"})) {
          add("T");
        } else {
          add("0", "T");
        }
        current += 2;
      } else {
        add("T");
        current += is(current + 1, {"T", "D"}) ? 2 : 1;
      }
      break;
    case 'V':
      add("F");
      current += at(current + 1) == 'V' ? 2 : 1;
      break;
    case 'W':
      if (is(current, {"WR"})) {
        add("R");
        current += 2;
        break;
      }
      if (current == 0 && (vowel(current + 1) || is(current, {"WH"}))) {
        if (vowel(current + 1)) {
          add("A", "F");
        } else {
          add("A");
        }
      }
      if ((current == last_ && vowel(current - 1)) ||
          is(current - 1, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) || is(0, {"SCH"})) {
        add("", "F");
        current += 1;
        break;
      }
      if (is(current, {"WICZ", "WITZ"})) {
        add("TS", "FX");
        current += 4;
        break;
      }
      current += 1;
      break;
    case 'X':
      if (!(current == last_ &&
            (is(current - 3, {"IAU", "EAU"}) || is(current - 2, {"AU", "OU"})))) {
        add("KS");
      }
      current += is(current + 1, {"C", "X"}) ? 2 : 1;
      break;
    case 'Z':
      if (at(current + 1) == 'H') {
        add("J");
        current += 2;
        break;
      }
      if (is(current + 1, {"ZO", "ZI", "ZA"}) ||
          (slavoGermanic_ && current > 0 && at(current - 1) != 'T')) {
        add("S", "TS");
      } else {
        add("S");
      }
      current += at(current + 1) == 'Z' ? 2 : 1;
      break;
    default:
      current += 1;
      break;
    }
  }
  if (primary_.size() > kMax) {
    primary_.resize(kMax);
  }
  if (alternate_.size() > kMax) {
    alternate_.resize(kMax);
  }
}

std::pair<std::string, std::string> doubleMetaphone(std::string_view token) {
  std::string word;
  for (const char c : na::foldDiacritics(token)) {
    if (c >= 'a' && c <= 'z') {
      word.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(c);
    }
  }
  const DoubleMetaphone dm(word);
  return {dm.primary(), dm.alternate()};
}

bool metaphoneMatch(const std::pair<std::string, std::string>& a,
                    const std::pair<std::string, std::string>& b) {
  const auto eq = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  return eq(a.first, b.first) || eq(a.first, b.second) || eq(a.second, b.first) ||
         eq(a.second, b.second);
}

// ---------------------------------------------------------------- Beider-Morse (Java)

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Codes for each spelling, or nothing when Java or the codec jar is missing.
std::optional<std::vector<std::vector<std::string>>>
beiderMorse(const std::vector<std::string>& spellings, const std::string& ruleType,
            const Options& options, std::string& why) {
  const fs::path source = fs::path(options.bmHelperDir) / "BeiderMorseHelper.java";
  if (!fs::exists(options.codecJar)) {
    why = "no " + options.codecJar + " (apt-get install libcommons-codec-java)";
    return std::nullopt;
  }
  if (!fs::exists(source)) {
    why = "no " + source.string();
    return std::nullopt;
  }
  if (std::system("command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1") != 0) {
    why = "no java/javac on PATH";
    return std::nullopt;
  }
  const fs::path dir =
      fs::temp_directory_path() /
      ("newslint-bm-" + std::to_string(fnv1a(options.bmHelperDir) & 0xffffff) + "-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::create_directories(dir);
  const fs::path input = dir / "tokens.txt";
  const fs::path output = dir / "codes.txt";
  {
    std::ofstream out(input);
    for (const std::string& s : spellings) {
      out << s << '\n';
    }
  }
  const std::string classpath = options.codecJar + ":" + dir.string();
  const std::string compile = "javac -encoding UTF-8 -cp " + shellQuote(options.codecJar) + " -d " +
                              shellQuote(dir.string()) + " " + shellQuote(source.string()) +
                              " >/dev/null 2>&1";
  const std::string run = "java -Dfile.encoding=UTF-8 -cp " + shellQuote(classpath) +
                          " BeiderMorseHelper " + ruleType + " " + shellQuote(input.string()) +
                          " " + shellQuote(output.string());
  std::vector<std::vector<std::string>> codes;
  if (std::system(compile.c_str()) != 0) {
    why = "javac failed";
  } else if (std::system(run.c_str()) != 0) {
    why = "java failed";
  } else {
    std::ifstream in(output);
    std::string line;
    while (std::getline(in, line)) {
      const size_t tab = line.find('\t');
      std::string code = tab == std::string::npos ? "" : line.substr(tab + 1);
      std::vector<std::string> set;
      std::string cleaned;
      for (const char c : code) {
        if (c != '(' && c != ')') {
          cleaned += c;
        }
      }
      for (std::string& part : splitOn(cleaned, '|')) {
        if (!part.empty()) {
          set.push_back(std::move(part));
        }
      }
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
      codes.push_back(std::move(set));
    }
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  if (codes.size() != spellings.size()) {
    if (why.empty()) {
      why = "helper output incomplete";
    }
    return std::nullopt;
  }
  return codes;
}

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      return true;
    }
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

// ---------------------------------------------------------------- pairs

struct Pair {
  uint32_t a = 0;
  uint32_t b = 0;
  bool positive = false;
};

// Pairs of spellings of different groups within Levenshtein distance 3, both at least 3
// letters: candidates share a string obtained by deleting at most 3 letters from each.
std::vector<Pair> hardNegatives(const Dataset& data, const std::vector<std::u32string>& cps) {
  constexpr size_t kMaxDistance = 3;
  std::unordered_map<std::u32string, std::vector<uint32_t>> index;
  const auto deletions = [&](const std::u32string& word) {
    std::unordered_set<std::u32string> seen{word};
    std::vector<std::u32string> frontier{word};
    for (size_t depth = 0; depth < kMaxDistance; ++depth) {
      std::vector<std::u32string> next;
      for (const std::u32string& w : frontier) {
        for (size_t i = 0; i < w.size(); ++i) {
          std::u32string d = w;
          d.erase(i, 1);
          if (seen.insert(d).second) {
            next.push_back(std::move(d));
          }
        }
      }
      frontier = std::move(next);
    }
    return seen;
  };
  std::vector<uint32_t> eligible;
  for (uint32_t i = 0; i < data.spellings.size(); ++i) {
    if (cps[i].size() >= 3) {
      eligible.push_back(i);
    }
  }
  std::vector<std::vector<std::u32string>> variants(data.spellings.size());
  for (const uint32_t i : eligible) {
    for (const std::u32string& d : deletions(cps[i])) {
      index[d].push_back(i);
      variants[i].push_back(d);
    }
  }
  std::vector<Pair> out;
  std::vector<uint32_t> candidates;
  for (const uint32_t i : eligible) {
    candidates.clear();
    for (const std::u32string& d : variants[i]) {
      for (const uint32_t j : index[d]) {
        if (j > i && data.group[j] != data.group[i]) {
          candidates.push_back(j);
        }
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const uint32_t j : candidates) {
      const size_t la = cps[i].size();
      const size_t lb = cps[j].size();
      if ((la > lb ? la - lb : lb - la) > kMaxDistance) {
        continue;
      }
      if (levenshtein(cps[i], cps[j]) <= kMaxDistance) {
        out.push_back({i, j, false});
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- scoring

struct Score {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  double threshold = 0;
};

Score scoreDecisions(const std::vector<Pair>& pairs, const std::vector<bool>& decisions) {
  size_t tp = 0;
  size_t fp = 0;
  size_t fn = 0;
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (decisions[k] && pairs[k].positive) {
      ++tp;
    } else if (decisions[k]) {
      ++fp;
    } else if (pairs[k].positive) {
      ++fn;
    }
  }
  Score s;
  s.precision = tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
  s.recall = tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
  s.f1 = s.precision + s.recall == 0 ? 0.0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

Score scoreAt(const std::vector<Pair>& pairs, const std::vector<double>& scores, double threshold) {
  std::vector<bool> decisions(pairs.size());
  for (size_t k = 0; k < pairs.size(); ++k) {
    decisions[k] = scores[k] >= threshold - 1e-12;
  }
  Score s = scoreDecisions(pairs, decisions);
  s.threshold = threshold;
  return s;
}

// The threshold with the best F1 (sweeping every distinct score).
Score bestThreshold(const std::vector<Pair>& pairs, const std::vector<double>& scores) {
  std::vector<size_t> order(pairs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return scores[x] > scores[y]; });
  size_t positives = 0;
  for (const Pair& p : pairs) {
    positives += p.positive ? 1 : 0;
  }
  Score best;
  size_t tp = 0;
  size_t taken = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    tp += pairs[order[k]].positive ? 1 : 0;
    ++taken;
    if (k + 1 < order.size() && scores[order[k + 1]] == scores[order[k]]) {
      continue;
    }
    const double p = static_cast<double>(tp) / static_cast<double>(taken);
    const double r =
        positives == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(positives);
    const double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    if (f > best.f1) {
      best = {p, r, f, scores[order[k]]};
    }
  }
  return best;
}

struct Row {
  std::string method;
  std::string threshold;
  Score score;
};

std::string fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

void evaluate(const std::string& path, const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<Dataset> loaded = loadDataset(path, options);
  if (!loaded) {
    std::cerr << "eval_names: cannot read " << path << '\n';
    return;
  }
  const Dataset& data = *loaded;
  std::vector<std::u32string> cps;
  cps.reserve(data.spellings.size());
  for (const std::string& s : data.spellings) {
    cps.push_back(codePoints(s));
  }
  std::vector<Pair> pairs;
  for (const auto& members : data.members) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        pairs.push_back({members[x], members[y], true});
      }
    }
  }
  const size_t positives = pairs.size();
  const std::vector<Pair> negatives = hardNegatives(data, cps);
  pairs.insert(pairs.end(), negatives.begin(), negatives.end());
  const auto pairsDone = std::chrono::steady_clock::now();

  // newslint
  std::vector<na::SpellingKey> keys;
  keys.reserve(data.spellings.size());
  for (const std::string& s : data.spellings) {
    keys.push_back(na::spellingKey(s));
  }
  std::vector<double> ours(pairs.size());
  std::vector<double> lev(pairs.size());
  std::vector<double> jw(pairs.size());
  std::vector<bool> dmDecision(pairs.size());
  std::vector<std::pair<std::string, std::string>> dm;
  dm.reserve(data.spellings.size());
  for (const std::string& s : data.spellings) {
    dm.push_back(doubleMetaphone(s));
  }
  for (size_t k = 0; k < pairs.size(); ++k) {
    const Pair& p = pairs[k];
    ours[k] = na::spellingSimilarity(keys[p.a], keys[p.b]);
    const size_t longest = std::max(cps[p.a].size(), cps[p.b].size());
    lev[k] = 1.0 - static_cast<double>(levenshtein(cps[p.a], cps[p.b])) /
                       static_cast<double>(std::max<size_t>(longest, 1));
    jw[k] = jaroWinkler(cps[p.a], cps[p.b]);
    dmDecision[k] = metaphoneMatch(dm[p.a], dm[p.b]);
  }
  const auto scoredOurs = std::chrono::steady_clock::now();

  std::vector<Row> rows;
  rows.push_back({"newslint spellingSimilarity", fixed(options.threshold, 2) + " (fixed)",
                  scoreAt(pairs, ours, options.threshold)});
  {
    const Score best = bestThreshold(pairs, ours);
    rows.push_back({"newslint spellingSimilarity, oracle threshold",
                    fixed(best.threshold, 2) + " (tuned here)", best});
  }
  {
    const Score best = bestThreshold(pairs, lev);
    rows.push_back({"normalised Levenshtein", fixed(best.threshold, 2) + " (tuned here)", best});
  }
  {
    const Score best = bestThreshold(pairs, jw);
    rows.push_back({"Jaro-Winkler", fixed(best.threshold, 2) + " (tuned here)", best});
  }
  rows.push_back({"Double Metaphone", "equal code", scoreDecisions(pairs, dmDecision)});
  std::vector<std::string> notes;
  if (options.beiderMorse) {
    for (const std::string ruleType : {"approx", "exact"}) {
      std::string why;
      const auto codes = beiderMorse(data.spellings, ruleType, options, why);
      if (!codes) {
        notes.push_back("Beider-Morse " + ruleType + " skipped: " + why);
        continue;
      }
      std::vector<bool> decisions(pairs.size());
      for (size_t k = 0; k < pairs.size(); ++k) {
        decisions[k] = intersects((*codes)[pairs[k].a], (*codes)[pairs[k].b]);
      }
      rows.push_back({"Beider-Morse (" + ruleType + ", generic)", "shared code",
                      scoreDecisions(pairs, decisions)});
    }
  } else {
    notes.emplace_back("Beider-Morse skipped (--no-bm)");
  }
  const auto end = std::chrono::steady_clock::now();
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };

  std::cout << "\n### " << data.name << " (split: " << options.split << ")\n\n";
  std::cout << data.lines << " lines, " << data.keptLines << " kept (count >= " << options.minCount
            << "), " << data.members.size() << " groups, " << data.spellings.size()
            << " spellings, " << positives << " positive pairs, " << negatives.size()
            << " hard negative pairs\n\n";
  std::cout << "| Method | Threshold | Precision | Recall | F1 |\n";
  std::cout << "|---|---|---:|---:|---:|\n";
  for (const Row& row : rows) {
    std::cout << "| " << row.method << " | " << row.threshold << " | " << fixed(row.score.precision)
              << " | " << fixed(row.score.recall) << " | " << fixed(row.score.f1) << " |\n";
  }
  std::cout << '\n';
  for (const std::string& note : notes) {
    std::cout << "- " << note << '\n';
  }
  {
    // The engine only scores pairs that share a blocking key: how many accepted pairs does
    // blocking keep?
    std::vector<std::vector<std::string>> blocks;
    blocks.reserve(keys.size());
    for (const na::SpellingKey& key : keys) {
      blocks.push_back(na::blockingKeys(key));
    }
    size_t accepted = 0;
    size_t kept = 0;
    for (size_t k = 0; k < positives; ++k) {
      if (ours[k] >= options.threshold - 1e-12) {
        ++accepted;
        kept += intersects(blocks[pairs[k].a], blocks[pairs[k].b]) ? 1 : 0;
      }
    }
    std::cout << "- blocking keys keep " << kept << " of the " << accepted
              << " positive pairs newslint accepts\n";
  }
  std::cout << "- time: pairs " << fixed(seconds(start, pairsDone), 1) << " s, newslint and "
            << "in-process baselines " << fixed(seconds(pairsDone, scoredOurs), 1) << " s, total "
            << fixed(seconds(start, end), 1) << " s\n";

  if (options.curve) {
    std::cout << "\n| newslint threshold | Precision | Recall | F1 |\n|---:|---:|---:|---:|\n";
    for (int t = 70; t <= 99; ++t) {
      const Score s = scoreAt(pairs, ours, t / 100.0);
      std::cout << "| " << fixed(t / 100.0, 2) << " | " << fixed(s.precision) << " | "
                << fixed(s.recall) << " | " << fixed(s.f1) << " |\n";
    }
  }
  if (options.dumpErrors > 0) {
    std::vector<size_t> fps;
    std::vector<size_t> fns;
    for (size_t k = 0; k < pairs.size(); ++k) {
      const bool match = ours[k] >= options.threshold - 1e-12;
      if (match && !pairs[k].positive) {
        fps.push_back(k);
      } else if (!match && pairs[k].positive) {
        fns.push_back(k);
      }
    }
    const auto dump = [&](const char* title, std::vector<size_t>& list) {
      std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
        return fnv1a(data.spellings[pairs[x].a] + data.spellings[pairs[x].b]) <
               fnv1a(data.spellings[pairs[y].a] + data.spellings[pairs[y].b]);
      });
      std::cout << "\n" << title << " (" << list.size() << "):\n";
      for (size_t n = 0; n < list.size() && n < static_cast<size_t>(options.dumpErrors); ++n) {
        const Pair& p = pairs[list[n]];
        std::cout << "  " << data.spellings[p.a] << " / " << data.spellings[p.b] << "  ("
                  << keys[p.a].normalized << " / " << keys[p.b].normalized << ") "
                  << fixed(ours[list[n]]) << '\n';
      }
    };
    dump("false positives", fps);
    dump("false negatives", fns);
  }
}

int usage() {
  std::cerr << "usage: eval_names [--threshold X] [--split all|tune|test] [--min-count N]\n"
               "                  [--codec-jar PATH] [--bm-helper DIR] [--no-bm]\n"
               "                  [--dump-errors N] [--curve] FILE...\n";
  return 2;
}

} // namespace

int main(int argc, char** argv) {
  Options options;
  options.bmHelperDir = (fs::path(__FILE__).parent_path() / "beider_morse").string();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) {
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "--threshold" || arg == "--split" || arg == "--min-count" || arg == "--codec-jar" ||
        arg == "--bm-helper" || arg == "--dump-errors") {
      const auto v = value();
      if (!v) {
        return usage();
      }
      if (arg == "--threshold") {
        options.threshold = std::stod(*v);
      } else if (arg == "--split") {
        options.split = *v;
        if (options.split != "all" && options.split != "tune" && options.split != "test") {
          return usage();
        }
      } else if (arg == "--min-count") {
        options.minCount = std::stoi(*v);
      } else if (arg == "--codec-jar") {
        options.codecJar = *v;
      } else if (arg == "--bm-helper") {
        options.bmHelperDir = *v;
      } else {
        options.dumpErrors = std::stoi(*v);
      }
    } else if (arg == "--curve") {
      options.curve = true;
    } else if (arg == "--no-bm") {
      options.beiderMorse = false;
    } else if (arg == "-h" || arg == "--help") {
      usage();
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage();
    } else {
      options.files.push_back(arg);
    }
  }
  if (options.files.empty()) {
    return usage();
  }
  std::cout << "## Name-variant evaluation\n";
  for (const std::string& file : options.files) {
    evaluate(file, options);
  }
  return 0;
}
