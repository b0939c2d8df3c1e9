// Hash tables keyed by short texts, for the word lists and memos that extraction asks about
// nearly every word of a corpus. One array of slots and one buffer of key bytes: a lookup
// hashes once, eight bytes at a time, and compares only texts of the same hash and length,
// without the node hops and the division by a prime of std::unordered_set.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newslint::analysis {

/// The hash of a short text, read eight bytes at a time. Not stable across byte orders,
/// and never written anywhere: only the tables below use it.
inline uint64_t wordHash(std::string_view text) noexcept {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  uint64_t h = (text.size() + 1) * kMultiplier;
  const char* p = text.data();
  size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word = 0;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 32;
  }
  if (n > 0) {
    uint64_t word = 0;
    for (size_t i = 0; i < n; ++i) {
      word |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    h = (h ^ word) * kMultiplier;
  }
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 32);
}

/// A map from texts to values. Open addressing with linear probing in a power-of-two array
/// of slots, at most half full; the key bytes are copied into one buffer. No erase and no
/// iteration: the users only add and look up, and an order of iteration that depends on
/// the hash would leak into output.
template <class Value> class WordMap {
public:
  /// The value of `key`, or null. `hash` is wordHash(key), for a caller that has it.
  [[nodiscard]] const Value* find(std::string_view key, uint64_t hash) const {
    if (size_ == 0) {
      return nullptr;
    }
    const Slot& slot = slots_[probe(key, hash)];
    return slot.empty() ? nullptr : &slot.value;
  }
  [[nodiscard]] const Value* find(std::string_view key) const { return find(key, wordHash(key)); }
  [[nodiscard]] Value* find(std::string_view key) {
    return const_cast<Value*>(std::as_const(*this).find(key));
  }
  [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }

  /// Adds `key` with `value` unless it is there; the value in the table, and whether it was
  /// added. The pointer stays valid until the next addition.
  std::pair<Value*, bool> tryEmplace(std::string_view key, Value value) {
    return tryEmplace(key, wordHash(key), std::move(value));
  }
  std::pair<Value*, bool> tryEmplace(std::string_view key, uint64_t hash, Value value) {
    if (2 * (size_ + 1) > slots_.size()) {
      grow();
    }
    Slot& slot = slots_[probe(key, hash)];
    if (!slot.empty()) {
      return {&slot.value, false};
    }
    if (keys_.size() + key.size() > UINT32_MAX) {
      throw std::length_error("WordMap: more than 4 GiB of keys");
    }
    slot.hash = hash;
    slot.offset = static_cast<uint32_t>(keys_.size());
    slot.length = static_cast<uint32_t>(key.size());
    slot.value = std::move(value);
    keys_.append(key);
    ++size_;
    return {&slot.value, true};
  }

  [[nodiscard]] size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();
    keys_.clear();
    size_ = 0;
  }

private:
  static constexpr uint32_t kEmpty = UINT32_MAX; // the length of a free slot
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = kEmpty;
    Value value{};
    [[nodiscard]] bool empty() const { return length == kEmpty; }
  };

  // The slot holding `key`, or the free slot where it would go.
  size_t probe(std::string_view key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.empty() || (slot.hash == hash && slot.length == key.size() &&
                           std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0)) {
        return i;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    const size_t mask = slots_.size() - 1;
    for (Slot& slot : old) {
      if (!slot.empty()) {
        size_t i = slot.hash & mask;
        while (!slots_[i].empty()) {
          i = (i + 1) & mask;
        }
        slots_[i] = std::move(slot);
      }
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t size_ = 0;
};

/// A set of texts (a WordMap with nothing beside each key).
class WordSet {
public:
  WordSet() = default;
  /// The set of the texts in [first, last).
  template <class It> WordSet(It first, It last) {
    for (; first != last; ++first) {
      insert(*first);
    }
  }
  /// Adds `text`; whether it was new.
  bool insert(std::string_view text) { return map_.tryEmplace(text, Nothing{}).second; }
  [[nodiscard]] bool contains(std::string_view text) const { return map_.contains(text); }
  [[nodiscard]] size_t size() const { return map_.size(); }
  [[nodiscard]] bool empty() const { return map_.empty(); }

private:
  struct Nothing {};
  WordMap<Nothing> map_;
};

} // namespace newslint::analysis
