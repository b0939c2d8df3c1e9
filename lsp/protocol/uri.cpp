// file:// URIs <-> paths. Percent-encoding follows what VS Code sends, so that URIs the
// server makes compare equal to the client's in the common case; the server still maps
// every incoming URI through uriToPath rather than comparing strings.
#include "newslint/lsp/protocol.h"

#include <cctype>

namespace newslint::lsp {
namespace {

bool unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

} // namespace

std::string percentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c))
      out.push_back(ch);
    else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string pathToUri(const std::filesystem::path& path) {
  const std::string generic = path.generic_string();
  std::string out = generic.empty() || generic.front() != '/' ? "file:///" : "file://";
  out += percentEncodePath(generic);
  return out;
}

std::optional<std::filesystem::path> uriToPath(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size())
    return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(uri[i])) != kScheme[i])
      return std::nullopt;
  uri.remove_prefix(kScheme.size());
  const size_t slash = uri.find('/');
  if (slash == std::string_view::npos)
    return std::nullopt;
  const std::string_view authority = uri.substr(0, slash);
  if (!authority.empty() && authority != "localhost")
    return std::nullopt; // network shares are not files this server can read
  uri.remove_prefix(slash);
  if (const size_t cut = uri.find_first_of("?#"); cut != std::string_view::npos)
    uri = uri.substr(0, cut);
  std::string decoded;
  decoded.reserve(uri.size());
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      const int hi = hexValue(uri[i + 1]);
      const int lo = hexValue(uri[i + 2]);
      if (hi >= 0 && lo >= 0) {
        decoded.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    decoded.push_back(uri[i]);
  }
  return std::filesystem::path(decoded).lexically_normal();
}

} // namespace newslint::lsp
