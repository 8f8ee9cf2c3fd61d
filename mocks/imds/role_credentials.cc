// Role credential rotation on the world's clock.
#include "mocks/imds/role_credentials.h"

namespace opsreg::mocks::imds {

Result<RoleCredentialsCache::Current> RoleCredentialsCache::current(TimePoint now) {
  std::lock_guard lock(mu_);
  if (current_ && current_->credentials.expiration - now >= kRefreshWhenLessThan) return *current_;
  if (!source_) return aws::make_error("NoRoleSessionSource", "no role session source", 0);
  Result<RoleCredentials> fresh = source_(now);
  if (!fresh.ok()) return fresh.error();
  current_ = Current{std::move(*fresh), now};
  return *current_;
}

}  // namespace opsreg::mocks::imds
