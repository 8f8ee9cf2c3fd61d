// EC2's errors, worded and numbered as EC2 returns them (400, code and message from the EC2 API
// reference). The model returns them; the wire (mocks/services/ec2) uses them for its paging.
#pragma once

#include <string>
#include <vector>

#include "core/util/error.h"

namespace opsreg::mocks::ec2 {

// InvalidParameterValue with `message`.
aws::Error invalid_parameter_value(const std::string& message);
// InvalidParameterValue "The filter 'NAME' is invalid": a filter the operation does not know.
aws::Error invalid_filter(const std::string& name);
// `code` (InvalidInstanceID.Malformed, ...) "Invalid id: "ID"", with ' (expecting "vol-...")'
// when `expecting` is given.
aws::Error malformed_id(const std::string& code, const std::string& id,
                        const std::string& expecting = "");
// `code` (InvalidInstanceID.NotFound, ...) "The instance ID 'a' does not exist" or, for several,
// "The instance IDs 'a, b' do not exist" (`one`, `many`: the nouns), then `tail`.
aws::Error ids_not_found(const std::string& code, const std::string& one, const std::string& many,
                         const std::vector<std::string>& missing, const std::string& tail = "");
// InvalidAddress.NotFound "Address 'IP' not found.".
aws::Error address_not_found(const std::string& public_ip);

}  // namespace opsreg::mocks::ec2
