// Seeded identifier generation.
#include "mocks/base/id_source.h"

namespace opsreg::mocks {

uint64_t IdSource::next() {
  std::lock_guard lock(mu_);
  return rng_();
}

std::string IdSource::draw(std::string_view alphabet, size_t n) {
  std::lock_guard lock(mu_);
  std::string out(n, '\0');
  for (auto& c : out) c = alphabet[rng_() % alphabet.size()];
  return out;
}

std::string IdSource::hex(size_t n) { return draw("0123456789abcdef", n); }

std::string IdSource::uuid() {
  std::string h = hex(32);
  h[12] = '4';
  h[16] = "89ab"[h[16] % 4];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

std::string IdSource::access_key_id() {
  return "AKIA" + draw("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
}

std::string IdSource::secret_access_key() {
  return draw("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
}

std::string IdSource::unique_id(std::string_view prefix) {
  return std::string(prefix) + draw("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17);
}

}  // namespace opsreg::mocks
