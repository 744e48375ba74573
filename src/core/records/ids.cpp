#include "core/records/ids.hpp"

namespace pairwise {

RandomIdGenerator::RandomIdGenerator() {
  std::random_device device;
  std::seed_seq seq{device(), device(), device(), device(), device(), device(), device(), device()};
  engine_.seed(seq);
}

RandomIdGenerator::RandomIdGenerator(std::uint64_t seed) : engine_(seed) {}

std::string RandomIdGenerator::next_id() {
  const std::uint64_t high = engine_();
  const std::uint64_t low = engine_();
  return to_hex128(high, low);
}

std::string SequentialIdGenerator::next_id() { return to_hex128(0, next_++); }

std::string to_hex128(std::uint64_t high, std::uint64_t low) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[static_cast<std::size_t>(15 - i)] = kDigits[(high >> (4 * i)) & 0xF];
    out[static_cast<std::size_t>(31 - i)] = kDigits[(low >> (4 * i)) & 0xF];
  }
  return out;
}

std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

bool is_hex_id(const std::string& id) {
  if (id.size() != 32) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

IdGenerator& default_id_generator() {
  static RandomIdGenerator generator;
  return generator;
}

}  // namespace pairwise
