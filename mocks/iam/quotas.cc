// IAM's account quotas: set per world, checked where an entity or an attachment is added.
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

void IamModel::set_quotas(const IamQuotas& quotas) {
  std::lock_guard lock(mu_);
  quotas_ = quotas;
}

Status IamModel::within_quota(size_t count, int quota, std::string_view quota_name) {
  if (count < static_cast<size_t>(quota)) return {};
  return limit_exceeded("Cannot exceed quota for " + std::string(quota_name) + ": " +
                        std::to_string(quota));
}

}  // namespace opsreg::mocks::iam
