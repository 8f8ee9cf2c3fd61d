// The instance metadata an EC2 host sees under /latest/meta-data/ and /latest/dynamic/: its
// ids, addresses, placement, block devices, instance profile and role credentials, identity
// document and signature. Directory paths answer with their entries, one a line.
#pragma once

#include <string>
#include <string_view>

#include "core/clock/clock.h"
#include "mocks/base/hosts.h"
#include "mocks/imds/role_credentials.h"

namespace opsreg::mocks::imds {

// What one instance's metadata is made of; fixed when its IMDS starts.
struct InstanceFacts {
  WorldHost host;  // host.ec2 is set
  std::string account_id;
  TimePoint launch_time;
  std::string identity_document;
  std::string identity_signature;  // base64, as /signature serves it
};

struct MetadataReply {
  int status = 200;
  std::string body;
};

// The reply to GET `path` (e.g. "/latest/meta-data/placement/region"), 404 for unknown paths
// and for iam/ on an instance without an instance profile. Role credentials come from `roles`
// at `now` (a failing source gives {"Code": "AssumeRoleUnauthorizedAccess", …} as IMDS does).
MetadataReply metadata_get(const InstanceFacts& facts, std::string_view path,
                           RoleCredentialsCache& roles, TimePoint now);

}  // namespace opsreg::mocks::imds
