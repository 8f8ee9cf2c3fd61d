// IMDSv2 session tokens: issued by PUT /latest/api/token for 1..21600 seconds and checked on
// every GET, on the world's clock (a token expires when the world's time passes its TTL).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "core/clock/clock.h"

namespace opsreg::mocks::imds {

class TokenStore {
 public:
  static constexpr int kMinTtlSeconds = 1;
  static constexpr int kMaxTtlSeconds = 21600;

  // A fresh opaque token (56 base64url characters) valid from `now` for `ttl`.
  std::string issue(std::chrono::seconds ttl, TimePoint now);
  // Whether `token` was issued here and has not expired at `now`. Expired tokens are dropped.
  bool valid(const std::string& token, TimePoint now);

 private:
  std::mutex mu_;
  std::map<std::string, TimePoint> expiry_;  // guarded by mu_
};

}  // namespace opsreg::mocks::imds
