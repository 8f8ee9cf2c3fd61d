// The AWS operation a request asks for, read the way each protocol names it: the query
// protocols' Action (IAM, STS, EC2), JSON 1.1's X-Amz-Target, S3's method + path + sub-resource.
// Fault rules (mocks/faults) match on it; the query services read their parameters the same way.
#pragma once

#include <string>

#include "core/aws/error_wire.h"
#include "core/aws/query_params.h"
#include "core/http/http_types.h"

namespace opsreg::mocks {

// A query-protocol request's parameters: the form body of a POST, else the URL query.
aws::QueryParams query_params(const http::Request& request);
// Query and EC2: the Action parameter ("CreateUser"); "" when missing.
std::string query_action(const http::Request& request);
// JSON 1.1: what follows the first '.' of X-Amz-Target ("OpsWorks_20130218.DescribeStacks" ->
// "DescribeStacks"); "" when missing.
std::string json_operation(const http::Request& request);
// S3 (path style): the operation of the model the method, path and sub-resource name, e.g.
// "ListBuckets", "CreateBucket", "ListObjectsV2", "GetObject", "HeadObject", "PutObject",
// "UploadPart", "UploadPartCopy", "CreateMultipartUpload", "CompleteMultipartUpload",
// "DeleteObjects" (HEAD with an uploadId reads as "ListParts", as GET does); the method itself
// ("POST") when it names no operation on that resource. The S3 service dispatches on it.
std::string s3_operation(const http::Request& request);
// The one of the three that fits `protocol`.
std::string operation_name(aws::Protocol protocol, const http::Request& request);

}  // namespace opsreg::mocks
