// S3 operations by botocore's names and members (ListBuckets, PutObject, GetObject, ...): the
// path-style REST-XML request each one sends, and what botocore returns from its response. The
// S3 client (s3_client.h) calls them; the scenario `call` step and `opsreg conform` name them.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/http/http_types.h"
#include "core/util/error.h"
#include "core/util/result.h"

namespace opsreg::clients {

// The supported operations, in the order errors list them: ListBuckets, CreateBucket,
// DeleteBucket, ListObjectsV2, ListObjects, HeadBucket, GetBucketLocation, PutObject, GetObject,
// HeadObject, DeleteObject, CopyObject, GetBucketPolicy, PutBucketPolicy, DeleteObjects,
// CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload.
const std::vector<std::string>& s3_operation_names();

// Whether `operation` is one of them.
bool is_s3_operation(const std::string& operation);

// Checks `params` of a supported `operation`: every member is one of its members with the
// right JSON type, and Bucket (and Key, CopySource, Policy, Delete, UploadId, PartNumber) are
// present. A value for which `deferred` holds is not type-checked (a scenario's
// "$NAME.Member" reference, filled in later). Errors: "ParamValidation", e.g. "S3 GetObject Key
// must be a string, not 3".
Status check_s3_params(const std::string& operation, const nlohmann::json& params,
                       const std::function<bool(const nlohmann::json&)>& deferred = {});

// The unsigned request botocore sends for `operation` with `params`: path-style
// (/<bucket>/<key>, the key percent-encoded with '/' kept), members in the query string and
// headers where the model puts them, the payload (Body as text, Policy as JSON text,
// CreateBucketConfiguration, Delete and MultipartUpload as XML) with botocore's CRC32 checksum
// where the model asks for one (PutObject, UploadPart, DeleteObjects, PutBucketPolicy). Errors:
// "ParamValidation" (an unknown operation, params that do not fit, an empty Bucket or Key).
Result<http::Request> s3_request(const std::string& operation, const nlohmann::json& params);

// What botocore returns from a 2xx response: every leaf element of an XML body (ListBuckets,
// ListObjects(V2), CopyObject, CreateMultipartUpload, CompleteMultipartUpload, DeleteObjects),
// and botocore's lists of structures (Contents, CommonPrefixes; DeleteObjects' Deleted and
// Errors); GetBucketLocation's LocationConstraint (null for us-east-1); GetObject's Body,
// ContentLength, ContentType, ETag (and LastModified, VersionId, Metadata when sent); the
// headers botocore maps of HeadObject, PutObject, UploadPart, HeadBucket; GetBucketPolicy's
// {"Policy": text}; {} when there is nothing.
nlohmann::json s3_result(const std::string& operation, const http::Response& response);

// An S3 error as botocore reports it: an error with no body (every failed HEAD) has the HTTP
// status as its code and the reason phrase as its message ("404", "Not Found") where AwsClient
// says "HTTP404"; any other error is returned as it is (NoSuchKey, AccessDenied).
aws::Error s3_error(const aws::Error& error);

}  // namespace opsreg::clients
