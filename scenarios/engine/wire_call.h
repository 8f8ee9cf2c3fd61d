// One AWS operation over the wire, as the scenario `call` step and the conformance cases make it:
// OpsWorks as JSON 1.1, IAM / STS / EC2 in the query protocol, S3 as REST-XML
// (core/clients/s3_client.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::scenarios {

// Sends `operation` of `service` ("iam", "sts", "ec2", "opsworks", "s3") with `params`
// (botocore's member names; query lists become NAME.member.N, EC2's NAME.N) through `client`
// and returns what is saved of the answer: OpsWorks' JSON, every leaf element of a query
// service's XML, or s3_result. Errors: the AWS error as the client reports it (for S3 as
// botocore does), or "BadScenario" when S3 params do not fit the operation.
Result<nlohmann::json> wire_call(clients::AwsClient& client, const std::string& service,
                                 const std::string& operation, const nlohmann::json& params);

}  // namespace opsreg::scenarios
