// The STS wire folder's own header: one add_<entity>_operations per entity file (STS has no
// model of its own; it reads and issues IAM role sessions).
#pragma once

#include "mocks/services/query_service.h"

namespace opsreg::mocks::sts {

// GetCallerIdentity (caller_identity.cc).
void add_caller_identity_operations(QueryOperations& ops);
// AssumeRole (assume_role.cc): RoleArn, RoleSessionName (2..64 of [\w+=,.@-]), DurationSeconds
// (900..the role's MaxSessionDuration, default 3600; at most 3600 when a role session assumes a
// role). Errors as STS words them: AccessDenied for the root caller, an unknown role or a trust
// policy that does not admit the caller; ValidationError for the parameters. Session policies
// (Policy, PolicyArns) are not supported.
void add_assume_role_operations(QueryOperations& ops);

}  // namespace opsreg::mocks::sts
