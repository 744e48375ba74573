#pragma once
// Record ids are random 128-bit values in lowercase hex, so copies created independently by
// different people never collide when their files are merged.
#include <cstdint>
#include <random>
#include <string>

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
bool is_hex_id(const std::string& id);
IdGenerator& default_id_generator();

}  // namespace pairwise
