// The world file's "roles": IAM roles with their trust policy, permissions and instance
// profile (fixtures/worlds/README.md), loaded into the world's IAM.
#pragma once

#include <nlohmann/json.hpp>

#include "core/util/result.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks {

// The trust policy a world role gets when it names none: EC2 may assume it (an instance role).
extern const char kEc2TrustPolicy[];

// Creates each role of `roles` (a JSON array; see the README) in `iam`, checked as IAM checks
// CreateRole, PutRolePolicy, AttachRolePolicy, CreateInstanceProfile and
// AddRoleToInstanceProfile. Errors are ValidationError "world file: role NAME: ..."; unknown
// keys are refused.
Status load_world_roles(iam::IamModel& iam, const nlohmann::json& roles);

}  // namespace opsreg::mocks
