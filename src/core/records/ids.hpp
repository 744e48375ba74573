#pragma once
// Record ids are random 128-bit values in lowercase hex, so copies created independently by
// different people never collide when their files are merged.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace pairwise {

class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  virtual std::string next_id() = 0;
};

class RandomIdGenerator final : public IdGenerator {
 public:
  RandomIdGenerator();
  explicit RandomIdGenerator(std::uint64_t seed);
  std::string next_id() override;

 private:
  std::mt19937_64 engine_;
};

// Deterministic ids for tests: 32 hex digits counting up from 1.
class SequentialIdGenerator final : public IdGenerator {
 public:
  std::string next_id() override;

 private:
  std::uint64_t next_ = 1;
};

std::string to_hex128(std::uint64_t high, std::uint64_t low);
// 64-bit FNV-1a of `bytes`, continuing from `hash` (the standard offset basis by default): a cheap
// fingerprint that detects any change of content. Not a cryptographic digest.
inline constexpr std::uint64_t kFnv1aBasis = 0xcbf29ce484222325ull;
std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = kFnv1aBasis);
bool is_hex_id(const std::string& id);
IdGenerator& default_id_generator();

}  // namespace pairwise
