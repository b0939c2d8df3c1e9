// Name mentions: capitalised runs with connectors, titles and possessives stripped and
// kept as context, plus the context evidence used to merge spellings (role, age, lists).
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include "newslint/analysis/document.h"
#include "newslint/analysis/interned.h"
#include "newslint/analysis/lexicon.h"

namespace newslint::analysis {

/// One word of a name. A corpus holds about a hundred mentions per article: the part keeps
/// no copy of its text (the document has it) and an interned key.
struct NamePart {
  Span span;          ///< the part as written ("al-Sharaa", "Hay’at"), possessive excluded
  InternedString key; ///< spelling key: case-folded, article stripped ("sharaa", "hay'at")
  /// The part as written, from the document the mention was extracted from.
  [[nodiscard]] std::string_view text(const Document& doc) const { return doc.slice(span); }
  friend bool operator==(const NamePart&, const NamePart&) = default;
};

/// The parts of a mention, in text order. Nearly every name has one or two parts: those
/// are kept in place, in the mention, and only a longer name's parts on the heap. That
/// spares a corpus an allocation per mention, and a reading of a mention's parts a second
/// place in memory.
class NameParts {
public:
  NameParts() = default;
  NameParts(const NameParts& other) { assign(other.data(), other.size_); }
  NameParts(NameParts&& other) noexcept { take(other); }
  NameParts& operator=(const NameParts& other) {
    if (this != &other) {
      release();
      assign(other.data(), other.size_);
    }
    return *this;
  }
  NameParts& operator=(NameParts&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  ~NameParts() { release(); }

  [[nodiscard]] size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] NamePart* data() { return onHeap() ? heap_ : inPlace(); }
  [[nodiscard]] const NamePart* data() const { return onHeap() ? heap_ : inPlace(); }
  [[nodiscard]] NamePart* begin() { return data(); }
  [[nodiscard]] NamePart* end() { return data() + size_; }
  [[nodiscard]] const NamePart* begin() const { return data(); }
  [[nodiscard]] const NamePart* end() const { return data() + size_; }
  NamePart& operator[](size_t i) { return data()[i]; }
  const NamePart& operator[](size_t i) const { return data()[i]; }
  NamePart& front() { return data()[0]; }
  const NamePart& front() const { return data()[0]; }
  NamePart& back() { return data()[size_ - 1]; }
  const NamePart& back() const { return data()[size_ - 1]; }

  void push_back(NamePart part) {
    if (size_ < kInPlace) {
      std::construct_at(inPlace() + size_, part);
    } else {
      if (size_ == kInPlace || (size_ & (size_ - 1)) == 0) { // the place is full: twice it
        auto* bigger = static_cast<NamePart*>(::operator new(2 * size_ * sizeof(NamePart)));
        std::uninitialized_copy_n(data(), size_, bigger);
        if (onHeap()) {
          ::operator delete(heap_);
        }
        heap_ = bigger;
      }
      std::construct_at(heap_ + size_, part);
    }
    ++size_;
  }
  void clear() { release(); }
  /// Whether the parts are on the heap (more than fit in place).
  [[nodiscard]] bool onHeap() const { return size_ > kInPlace; }
  friend bool operator==(const NameParts& a, const NameParts& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

private:
  // The capacity is not stored: parts past kInPlace live on the heap in a block of the
  // smallest power of two that holds them. So the size is the one field beside the parts,
  // and a Mention lays its own fields in the four bytes left (64 bytes in all).
  static constexpr uint32_t kInPlace = 2;
  static_assert(std::is_trivially_copyable_v<NamePart>);
  static_assert(std::is_trivially_destructible_v<NamePart>);

  static uint32_t blockFor(uint32_t count) { return std::bit_ceil(count); }
  NamePart* inPlace() { return reinterpret_cast<NamePart*>(inPlace_); }
  const NamePart* inPlace() const { return reinterpret_cast<const NamePart*>(inPlace_); }
  // Only on empty parts (a new object, or after release).
  void assign(const NamePart* parts, uint32_t count) {
    if (count > kInPlace) {
      heap_ = static_cast<NamePart*>(::operator new(blockFor(count) * sizeof(NamePart)));
    }
    size_ = count;
    std::uninitialized_copy_n(parts, count, data());
  }
  void take(NameParts& other) {
    if (other.onHeap()) {
      heap_ = other.heap_;
    } else {
      std::uninitialized_copy_n(other.inPlace(), other.size_, inPlace());
    }
    size_ = other.size_;
    other.size_ = 0; // the block is ours now
  }
  void release() {
    if (onHeap()) {
      ::operator delete(heap_);
    }
    size_ = 0;
  }

  union {
    alignas(NamePart) unsigned char inPlace_[kInPlace * sizeof(NamePart)];
    NamePart* heap_;
  };
  uint32_t size_ = 0;
};

/// What a mention says beside its name: a surname shared by coordination, a title, a role
/// and whose. One mention in five says any of it, and the combinations repeat: a mention
/// points at one pooled copy of its combination (process-wide, never freed, as
/// InternedString's texts), and the others share the empty one.
struct MentionContext {
  /// A surname shared by coordination ("Ihab and Iyad Makhlouf"); usually empty.
  InternedString inheritedKey;
  InternedString title;  ///< "Mr.", "Syrian President"
  InternedString role;   ///< normalised role word ("mother", "media adviser")
  InternedString roleOf; ///< key of the possessor of the role ("assad" in "Assad's mother")
  friend bool operator==(const MentionContext&, const MentionContext&) = default;
  static const MentionContext kEmpty;
  /// The pooled copy of `context` (thread-safe).
  static const MentionContext* intern(const MentionContext& context);
};

/// One name as written. A corpus holds about a hundred per article: 64 bytes each (the
/// fields after `parts` start in its last four bytes: [[no_unique_address]]).
struct Mention {
  Span span; ///< the name, without title or possessive
  [[no_unique_address]] NameParts parts;
  uint32_t sentence = 0;
  int32_t list = -1; ///< id of the enumeration it stands in, -1 when none
  int16_t age = -1;
  /// A capitalised common word at a sentence start or in a headline: it counts only when
  /// the corpus shows the same word as a name elsewhere.
  bool weak = false;
  bool possessive = false;

  [[nodiscard]] const MentionContext& context() const { return *context_; }
  [[nodiscard]] const InternedString& inheritedKey() const { return context_->inheritedKey; }
  [[nodiscard]] const InternedString& title() const { return context_->title; }
  [[nodiscard]] const InternedString& role() const { return context_->role; }
  [[nodiscard]] const InternedString& roleOf() const { return context_->roleOf; }
  void setInheritedKey(InternedString key) { change(&MentionContext::inheritedKey, key); }
  void setTitle(InternedString title) { change(&MentionContext::title, title); }
  void setRole(InternedString role) { change(&MentionContext::role, role); }
  void setRoleOf(InternedString key) { change(&MentionContext::roleOf, key); }
  void setContext(const MentionContext& context) { context_ = MentionContext::intern(context); }

  /// The parts as written in `doc` (the mention's document), joined by single spaces.
  [[nodiscard]] std::string text(const Document& doc) const;
  [[nodiscard]] std::string key() const; ///< part keys joined by single spaces
  /// Field by field (a record read back must equal the one written: tests/workspace). Equal
  /// contexts are one pooled copy.
  friend bool operator==(const Mention&, const Mention&) = default;

private:
  void change(InternedString MentionContext::*field, InternedString value) {
    MentionContext changed = *context_;
    changed.*field = value;
    context_ = MentionContext::intern(changed);
  }
  const MentionContext* context_ = &MentionContext::kEmpty;
};

std::vector<Mention> extractMentions(const Document& doc, const Lexicon& lexicon);

/// Family relations ("mother", "cousin", "brother-in-law"): a role that identifies one
/// person, unlike an office ("minister") that many hold.
bool isRelationRole(std::string_view folded);

/// Words that name a weekday or a month: never name mentions.
bool isCalendarWord(std::string_view folded);

} // namespace newslint::analysis
