// STS AssumeRole: temporary credentials for a role whose trust policy admits the caller
// (by name, or by account when the caller's own policies also allow sts:AssumeRole).
#pragma once

#include <string>

#include "core/aws/query_params.h"
#include "mocks/services/service.h"

namespace opsreg::mocks::sts {

// RoleArn, RoleSessionName (2..64 of [\w+=,.@-]), DurationSeconds (900..the role's
// MaxSessionDuration, default 3600; at most 3600 when a role session assumes a role). Errors as
// STS words them: AccessDenied for the root caller, an unknown role or a trust policy that does
// not admit the caller; ValidationError for the parameters. Session policies (Policy,
// PolicyArns) are not supported. Returns the inner XML of <AssumeRoleResult>.
Result<std::string> assume_role(const aws::QueryParams& params, CallContext& ctx);

}  // namespace opsreg::mocks::sts
