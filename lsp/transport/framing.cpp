// Content-Length framing: a decoder that survives malformed input and stays in step.
#include "newslint/lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace newslint::lsp {
namespace {

constexpr size_t kMaxHeaderBytes = 8192;
constexpr std::string_view kLengthHeader = "content-length";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

} // namespace

void FrameDecoder::feed(std::string_view bytes) {
  compact();
  buffer_.append(bytes);
}

void FrameDecoder::compact() {
  if (pos_ > 0 && (pos_ == buffer_.size() || pos_ > 65536)) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::optional<Frame> FrameDecoder::resync(std::string problem) {
  resyncing_ = true;
  bodyLength_.reset();
  return Frame{{}, std::move(problem)};
}

std::optional<Frame> FrameDecoder::next() {
  for (;;) {
    if (skip_ > 0) {
      const size_t n = std::min(skip_, buffered());
      pos_ += n;
      skip_ -= n;
      compact();
      if (skip_ > 0)
        return std::nullopt;
      continue;
    }
    if (resyncing_) {
      // The next header block starts at the next "Content-Length" (a lost body is usually
      // followed directly by the next header, without a line break).
      const std::string_view rest = std::string_view(buffer_).substr(pos_);
      size_t found = std::string_view::npos;
      for (size_t i = 0; i + kLengthHeader.size() <= rest.size(); ++i) {
        if (equalsIgnoreCase(rest.substr(i, kLengthHeader.size()), kLengthHeader)) {
          found = i;
          break;
        }
      }
      if (found == std::string_view::npos) {
        // Keep a tail that may be the start of a header split across reads.
        const size_t keep = std::min(rest.size(), kLengthHeader.size());
        pos_ += rest.size() - keep;
        compact();
        return std::nullopt;
      }
      pos_ += found;
      resyncing_ = false;
    }
    if (bodyLength_) {
      if (buffered() < *bodyLength_)
        return std::nullopt;
      Frame frame{buffer_.substr(pos_, *bodyLength_), {}};
      pos_ += *bodyLength_;
      bodyLength_.reset();
      compact();
      return frame;
    }

    // A header block: lines up to an empty one.
    size_t cursor = pos_;
    bool sawHeader = false;
    bool complete = false;
    std::optional<size_t> length;
    std::string problem;
    while (!complete) {
      const size_t eol = buffer_.find('\n', cursor);
      if (eol == std::string::npos) {
        if (buffer_.size() - pos_ > kMaxHeaderBytes) {
          pos_ = buffer_.size();
          return resync("message header too long");
        }
        return std::nullopt;
      }
      const std::string_view line = trim(std::string_view(buffer_).substr(cursor, eol - cursor));
      cursor = eol + 1;
      if (line.empty()) {
        if (!sawHeader) {
          pos_ = cursor; // stray blank line between messages
          continue;
        }
        complete = true;
        break;
      }
      sawHeader = true;
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        if (problem.empty())
          problem = "malformed header line";
        continue;
      }
      const std::string_view name = trim(line.substr(0, colon));
      const std::string_view value = trim(line.substr(colon + 1));
      if (!equalsIgnoreCase(name, kLengthHeader))
        continue; // Content-Type and unknown headers are ignored
      size_t parsed = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
        if (problem.empty())
          problem = "invalid Content-Length value";
        continue;
      }
      if (length && *length != parsed && problem.empty())
        problem = "conflicting Content-Length headers";
      length = parsed;
    }
    pos_ = cursor;
    if (!problem.empty())
      return resync(problem);
    if (!length)
      return resync("missing Content-Length header");
    if (*length > maxBody_) {
      skip_ = *length;
      return Frame{{},
                   "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                       std::to_string(maxBody_) + " bytes"};
    }
    bodyLength_ = *length;
  }
}

std::string encodeFrame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

} // namespace newslint::lsp
