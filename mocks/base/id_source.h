// Identifiers the fakes hand out (access keys, secrets, IAM unique ids, UUIDs, request ids),
// drawn from one seeded generator so that a world with a seed is reproducible.
#pragma once

#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace opsreg::mocks {

class IdSource {
 public:
  explicit IdSource(uint64_t seed) : rng_(seed) {}

  std::string uuid();                              // 8-4-4-4-12 lowercase hex, version 4
  std::string access_key_id();                     // "AKIA" + 16 of [A-Z2-7]
  std::string secret_access_key();                 // 40 of [A-Za-z0-9+/]
  std::string unique_id(std::string_view prefix);  // e.g. "AIDA" + 17 of [A-Z2-7]
  std::string hex(size_t n);                       // n lowercase hex digits
  uint64_t next();                                 // raw 64 random bits

 private:
  std::string draw(std::string_view alphabet, size_t n);
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace opsreg::mocks
