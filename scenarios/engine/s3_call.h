// S3 in the scenario `call` step: the operations it supports (botocore's names and members),
// the path-style REST-XML request each one builds, and what is saved from each response.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clients/aws_client.h"
#include "core/http/http_types.h"
#include "core/util/error.h"
#include "core/util/result.h"

namespace opsreg::scenarios {

// The supported operations, in the order the load error lists them: ListBuckets,
// CreateBucket, DeleteBucket, ListObjectsV2, PutObject, GetObject, HeadObject, DeleteObject,
// CopyObject, GetBucketPolicy, PutBucketPolicy.
const std::vector<std::string>& s3_operations();

// Checks an S3 call as the scenario file states it (params may still hold "$NAME.Member"
// references): the operation is in the table, every param is one of its members with the
// right JSON type, and Bucket (and Key, CopySource, Policy) are present. The error's message
// is the part after "step N (call): ", e.g. "S3 operation GetObjectAcl is not supported by the
// scenario call step; supported: ListBuckets, ...".
Status check_s3_call(const std::string& operation, const nlohmann::json& params);

// The unsigned request botocore sends for `operation` with resolved `params`: path-style
// (/<bucket>/<key>, the key percent-encoded with '/' kept), members in the query string and
// headers where the model puts them, the payload (Body as text, Policy as JSON text,
// CreateBucketConfiguration as XML) with botocore's CRC32 checksum where the model asks for
// one. Errors: "BadScenario" when params do not fit (as check_s3_call, or an empty Bucket/Key).
Result<http::Request> s3_request(const std::string& operation, const nlohmann::json& params);

// What the step saves from a 2xx response: every leaf element of an XML body (ListBuckets,
// ListObjectsV2, CopyObject); GetObject's Body, ContentLength, ContentType, ETag (and
// LastModified, VersionId, Metadata when sent); HeadObject's and PutObject's headers as
// botocore names them; GetBucketPolicy's {"Policy": text}; {} when there is nothing.
nlohmann::json s3_result(const std::string& operation, const http::Response& response);

// An S3 error as botocore reports it: an error with no body (every failed HEAD) has the HTTP
// status as its code and the reason phrase as its message ("404", "Not Found") where our
// AwsClient says "HTTP404"; any other error is returned as it is (NoSuchKey, AccessDenied).
aws::Error s3_error(const aws::Error& error);

// Sends `operation` with resolved `params` through `client` (signed as an S3 client) and
// returns the saved result, or the error as botocore reports it.
Result<nlohmann::json> call_s3(clients::AwsClient& client, const std::string& operation,
                               const nlohmann::json& params);

}  // namespace opsreg::scenarios
