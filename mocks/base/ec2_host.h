// Parsing a world host's "ec2" object (instance id, VPC, tags, volumes, Elastic IPs): the EC2
// side of a simulated instance, checked here so a bad world file fails at load.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/util/result.h"
#include "mocks/base/hosts.h"

namespace opsreg::mocks {

// `where` names the host in errors ("hosts[2] (ec2-web-1)"); `region` is the default region.
Result<WorldEc2Instance> parse_ec2_instance(const nlohmann::json& ec2, const std::string& where,
                                            const std::string& region);

// Whether `id` is PREFIX followed by 8 or 17 lowercase hex digits ("i-0123abcd").
bool is_ec2_id(const std::string& id, const std::string& prefix);

}  // namespace opsreg::mocks
