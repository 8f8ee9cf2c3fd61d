// IMDSv2 tokens: random bytes from OpenSSL, expiry on the caller's clock.
#include "mocks/imds/tokens.h"

#include <openssl/rand.h>

#include "core/aws/crypto.h"

namespace opsreg::mocks::imds {

std::string TokenStore::issue(std::chrono::seconds ttl, TimePoint now) {
  std::string bytes(42, '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  std::string token = aws::base64_encode(bytes);  // 56 characters, no padding for 42 bytes
  for (char& c : token) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  std::lock_guard lock(mu_);
  for (auto it = expiry_.begin(); it != expiry_.end();)
    it = it->second <= now ? expiry_.erase(it) : std::next(it);
  expiry_[token] = now + ttl;
  return token;
}

bool TokenStore::valid(const std::string& token, TimePoint now) {
  std::lock_guard lock(mu_);
  auto it = expiry_.find(token);
  if (it == expiry_.end()) return false;
  if (it->second <= now) {
    expiry_.erase(it);
    return false;
  }
  return true;
}

}  // namespace opsreg::mocks::imds
