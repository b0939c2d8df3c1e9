// Reading articles from disk and finding them under the corpus root. Nothing here
// throws: a file or folder that cannot be used is reported and the rest goes on.
#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <iterator>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "newslint/analysis/text.h"
#include "newslint/workspace/workspace.h"

namespace newslint::workspace {

namespace fs = std::filesystem;

namespace {

/// Folder nesting beyond which the walk stops (a guard, not a limit real corpora reach).
constexpr size_t kMaxDepth = 64;

std::string errnoMessage(int error) {
  return std::generic_category().message(error);
}

std::string megabytes(uintmax_t bytes) {
  return std::to_string(bytes / (uintmax_t{1024} * 1024)) + " MiB";
}

bool selected(const analysis::Config& config, const std::string& id) {
  const auto matches = [&](const std::string& pattern) { return globMatch(pattern, id); };
  return std::any_of(config.include.begin(), config.include.end(), matches) &&
         std::none_of(config.exclude.begin(), config.exclude.end(), matches);
}

} // namespace

FileText readTextFile(const fs::path& path) {
  FileText out;
  // One open and one fstat, and the bytes read straight into the text: a corpus is read
  // file after file, and the stream library's buffers, a second stat and a copy through a
  // chunk took more time than the reads. O_NONBLOCK: opening a named pipe must not wait
  // for a writer; it is refused below like any file that is not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    out.error = errnoMessage(errno);
    return out;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    out.error = errnoMessage(errno);
    return out;
  }
  if (S_ISDIR(info.st_mode)) {
    out.error = "is a folder, not a file";
    return out;
  }
  if (!S_ISREG(info.st_mode)) {
    out.error = "not a regular file";
    return out;
  }
  const auto size = static_cast<uintmax_t>(info.st_size);
  if (size > kMaxFileBytes) {
    out.error =
        "too large (" + megabytes(size) + "; the limit is " + megabytes(kMaxFileBytes) + ")";
    return out;
  }
  // The size stat gave, and one byte more to see whether the file grew since.
  std::string bytes(static_cast<size_t>(size) + 1, '\0');
  size_t have = 0;
  while (true) {
    if (have == bytes.size()) {
      if (bytes.size() > kMaxFileBytes) { // it grew after the size check
        out.error = "too large (the limit is " + megabytes(kMaxFileBytes) + ")";
        return out;
      }
      bytes.resize(std::min<size_t>(2 * bytes.size(), kMaxFileBytes + 1));
    }
    const ssize_t got = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      out.error = "read error";
      return out;
    }
    if (got == 0) {
      break;
    }
    have += static_cast<size_t>(got);
  }
  bytes.resize(have);
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    out.error = "UTF-16 text; save it as UTF-8";
    return out;
  }
  if (bytes.find('\0') != std::string::npos) {
    out.error = "binary file (contains NUL bytes)";
    return out;
  }
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
  }
  if (const size_t invalid = analysis::findInvalidUtf8(bytes); invalid != std::string::npos) {
    out.invalidUtf8 = invalid;
    out.text = analysis::sanitizeUtf8(bytes);
  } else {
    out.text = std::move(bytes);
  }
  return out;
}

Discovery discover(const fs::path& root, const analysis::Config& config) {
  Discovery out;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    out.problems.push_back(root.string() + ": " + (ec ? ec.message() : "not a folder"));
    return out;
  }
  struct Pending {
    fs::path folder;
    std::string id; ///< relative to root, '/'-separated; empty for root
    size_t depth = 0;
  };
  std::vector<Pending> pending{{root, "", 0}};
  std::vector<std::pair<std::string, fs::path>> found;
  while (!pending.empty()) {
    const Pending current = std::move(pending.back());
    pending.pop_back();
    fs::directory_iterator it(current.folder, ec);
    if (ec) {
      out.problems.push_back(current.folder.string() + ": cannot list the folder: " + ec.message());
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name.empty() || name.front() == '.') {
        continue; // hidden: .git, editor backups, macOS resource forks
      }
      const std::string id = current.id.empty() ? name : current.id + "/" + name;
      std::error_code entryError;
      const fs::file_status own = entry.symlink_status(entryError);
      if (entryError) {
        out.problems.push_back(entry.path().string() + ": " + entryError.message());
        continue;
      }
      if (fs::is_directory(own)) {
        if (name == "node_modules") {
          continue;
        }
        if (current.depth + 1 >= kMaxDepth) {
          out.problems.push_back(entry.path().string() + ": folders nested too deeply; skipped");
          continue;
        }
        pending.push_back({entry.path(), id, current.depth + 1});
        continue;
      }
      if (name == kRegisterFileName || !selected(config, id)) {
        continue;
      }
      fs::file_status target = own;
      if (fs::is_symlink(own)) {
        target = entry.status(entryError); // follows the link
        if (entryError) {
          out.problems.push_back(entry.path().string() +
                                 ": broken symbolic link: " + entryError.message());
          continue;
        }
        if (fs::is_directory(target)) {
          continue; // links to folders are not followed: no loops, no escaping the root
        }
        // A link to a file outside the corpus folder is not followed either, unless the
        // register asks for it.
        if (!config.followLinksOutside && !isInsideRoot(root, entry.path())) {
          out.problems.push_back(entry.path().string() +
                                 ": links outside the corpus folder; not followed");
          continue;
        }
      }
      if (!fs::is_regular_file(target)) {
        out.problems.push_back(entry.path().string() + ": not a regular file; skipped");
        continue;
      }
      found.emplace_back(id, entry.path());
    }
    if (ec) {
      out.problems.push_back(current.folder.string() + ": listing stopped: " + ec.message());
      ec.clear();
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(out.problems.begin(), out.problems.end());
  out.files.reserve(found.size());
  out.ids.reserve(found.size());
  for (auto& [id, path] : found) {
    out.files.push_back(std::move(path));
    out.ids.push_back(std::move(id));
  }
  return out;
}

bool isInsideRoot(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root, ec);
  if (ec) {
    return false;
  }
  const fs::path resolved = fs::weakly_canonical(path, ec);
  if (ec) {
    return false;
  }
  const fs::path inside = resolved.lexically_relative(base);
  return !inside.empty() && *inside.begin() != "..";
}

std::optional<std::string> corpusPathProblem(const fs::path& root, const fs::path& path,
                                             const analysis::Config& config) {
  const fs::path relative = path.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || relative == ".") {
    return "outside the corpus folder; not read";
  }
  // Every folder on the way down must be a real folder, as discovery only enters those.
  fs::path folder = root;
  std::error_code ec;
  for (auto part = relative.begin(); part != relative.end() && std::next(part) != relative.end();
       ++part) {
    folder /= *part;
    const fs::file_status own = fs::symlink_status(folder, ec);
    if (ec || !fs::exists(own)) {
      return std::nullopt; // missing: reading the file says so
    }
    if (fs::is_symlink(own)) {
      return "inside " + folder.string() +
             ", a symbolic link to a folder; links to folders are not followed";
    }
  }
  const fs::file_status own = fs::symlink_status(path, ec);
  if (ec || !fs::is_symlink(own)) {
    return std::nullopt;
  }
  const fs::file_status target = fs::status(path, ec);
  if (ec) {
    return "broken symbolic link: " + ec.message();
  }
  if (fs::is_directory(target)) {
    return "a symbolic link to a folder; not followed";
  }
  if (!config.followLinksOutside && !isInsideRoot(root, path)) {
    return "links outside the corpus folder; not followed";
  }
  return std::nullopt;
}

std::string documentId(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path base = fs::absolute(root, ec);
  if (ec) {
    base = root;
  }
  fs::path full = fs::absolute(path, ec);
  if (ec) {
    full = path;
  }
  base = base.lexically_normal();
  full = full.lexically_normal();
  const fs::path relative = full.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") {
    return full.generic_string(); // outside the root: the full path is the only stable name
  }
  if (relative == ".") {
    return full.filename().generic_string();
  }
  return relative.generic_string();
}

} // namespace newslint::workspace
