// S3 in the scenario `call` step: a step names an operation of the S3 client
// (core/clients/s3_wire.h) with botocore's members, checked when the file loads.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/util/result.h"

namespace opsreg::scenarios {

// Checks an S3 call as the scenario file states it (params may still hold "$NAME.Member"
// references): the operation is one the client supports, every param is one of its members
// with the right JSON type, and Bucket (and Key, CopySource, Policy) are present. The error
// ("BadScenario") is the part after "step N (call): ", e.g. "S3 operation GetObjectAcl is not
// supported by the scenario call step; supported: ListBuckets, ...".
Status check_s3_call(const std::string& operation, const nlohmann::json& params);

}  // namespace opsreg::scenarios
