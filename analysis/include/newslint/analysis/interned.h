// Interned strings: one copy per distinct text for the whole process. Name mentions repeat
// a small vocabulary (part keys, titles, roles) across every document of a corpus; each
// mention keeps a pointer instead of its own string.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace newslint::analysis {

/// An immutable string kept once in a process-wide pool; copying it copies a pointer.
/// Interning is thread-safe. Pooled texts are never freed: the pool grows with the distinct
/// texts interned (the names of a corpus and the edits to them), not with their uses.
class InternedString {
public:
  InternedString() = default; ///< the empty string
  /// Interns `text`. Implicit, so that a record holding an interned string is built from
  /// any text as one holding a std::string would be.
  InternedString(std::string_view text);  // NOLINT(google-explicit-constructor)
  InternedString(const std::string& text) // NOLINT(google-explicit-constructor)
      : InternedString(std::string_view(text)) {}
  InternedString(const char* text) // NOLINT(google-explicit-constructor)
      : InternedString(std::string_view(text)) {}

  /// Interns the text with `more` appended (the shorter text stays in the pool).
  InternedString& operator+=(std::string_view more) {
    return *this = InternedString(std::string(view()).append(more));
  }

  [[nodiscard]] const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; } // NOLINT(google-explicit-constructor)
  [[nodiscard]] std::string_view view() const { return *text_; }
  operator std::string_view() const { return *text_; } // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool empty() const { return text_->empty(); }
  [[nodiscard]] size_t size() const { return text_->size(); }

  /// Equal texts are one pooled string: comparison is by address.
  friend bool operator==(InternedString a, InternedString b) { return a.text_ == b.text_; }
  friend bool operator==(InternedString a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(InternedString a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(InternedString a, const char* b) { return *a.text_ == b; }
  /// Ordered by text, as std::string orders.
  friend bool operator<(InternedString a, InternedString b) { return a.view() < b.view(); }
  friend bool operator<(InternedString a, const std::string& b) { return a.str() < b; }
  friend bool operator<(InternedString a, std::string_view b) { return a.view() < b; }
  friend bool operator<(std::string_view a, InternedString b) { return a < b.view(); }
  friend bool operator<(const std::string& a, InternedString b) { return a < b.str(); }

  // Joined with other text into a new std::string, as a std::string would be.
  friend std::string operator+(InternedString a, std::string_view b) {
    return std::string(a.view()).append(b);
  }
  friend std::string operator+(std::string a, InternedString b) { return a.append(b.view()); }
  friend std::string operator+(const char* a, InternedString b) {
    return std::string(a).append(b.view());
  }

  friend std::ostream& operator<<(std::ostream& out, InternedString text) {
    return out << text.view();
  }

private:
  static const std::string kEmpty;
  const std::string* text_ = &kEmpty;
};

} // namespace newslint::analysis
