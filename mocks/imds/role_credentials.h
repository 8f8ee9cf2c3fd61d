// The instance profile role's temporary credentials as IMDS hands them out: fetched from an
// injected source (the world's IAM role sessions, mocks/iam/role_sessions.h), issued for 6
// hours, cached, and replaced by a new set once the current one has less than 15 minutes left.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock/clock.h"
#include "core/util/result.h"

namespace opsreg::mocks::imds {

// One set of role credentials (mirrors iam::RoleSession's credentials and expiration).
struct RoleCredentials {
  std::string access_key_id;  // "ASIA…"
  std::string secret_access_key;
  std::string token;
  TimePoint expiration;
};

// Issues a new set at `now`; expected to make it valid for kRoleSessionDuration.
using RoleCredentialsSource = std::function<Result<RoleCredentials>(TimePoint now)>;

inline constexpr std::chrono::hours kRoleSessionDuration{6};
inline constexpr std::chrono::minutes kRefreshWhenLessThan{15};

class RoleCredentialsCache {
 public:
  explicit RoleCredentialsCache(RoleCredentialsSource source) : source_(std::move(source)) {}

  struct Current {
    RoleCredentials credentials;
    TimePoint last_updated;  // when this set was issued (IMDS's "LastUpdated")
  };
  // The cached set, or a new one from the source when there is none yet or the cached one has
  // less than kRefreshWhenLessThan left at `now`. A source error is returned as is (and the
  // next call asks again); no source at all is "NoRoleSessionSource".
  Result<Current> current(TimePoint now);

 private:
  RoleCredentialsSource source_;
  std::mutex mu_;
  std::optional<Current> current_;  // guarded by mu_
};

}  // namespace opsreg::mocks::imds
